// The pupil's invitation and preparation form (bovenbouw, optional elsewhere): why, when,
// where, how long, and questions to think about — in words a child understands.
import { escapeHtml, htmlPage } from "./html.js";

export interface InvitationInput {
  pupilFirstName: string;
  aim: string;
  date: string;
  time: string;
  place: string | null;
  durationMinutes: number | null;
  questions: string[];
  locale: "nl" | "en";
}

const WORDS = {
  nl: {
    title: "Uitnodiging voor een gesprek",
    hello: (n: string) => `Hoi ${n}!`,
    about: "Ik wil graag even met jou praten. Het gaat hierover:",
    when: (d: string, t: string) => `Wanneer: ${d} om ${t}`,
    where: (p: string) => `Waar: ${p}`,
    long: (m: number) => `Het duurt ongeveer ${m} minuten.`,
    noWrong: "Er zijn geen foute antwoorden. Jij weet het best hoe het met jou gaat.",
    think: "Denk alvast na over deze vragen. Dat mag alleen, of samen met je ouders of een klasgenoot. Je mag je antwoorden opschrijven of tekenen.",
    bring: "Neem dit blad mee naar ons gesprek.",
  },
  en: {
    title: "Invitation to a conversation",
    hello: (n: string) => `Hi ${n}!`,
    about: "I would like to talk with you. It is about:",
    when: (d: string, t: string) => `When: ${d} at ${t}`,
    where: (p: string) => `Where: ${p}`,
    long: (m: number) => `It takes about ${m} minutes.`,
    noWrong: "There are no wrong answers. You know best how things are going for you.",
    think: "Think about these questions beforehand. You can do that alone, or with your parents or a classmate. You may write or draw your answers.",
    bring: "Bring this sheet to our conversation.",
  },
};

function longDate(date: string, locale: "nl" | "en"): string {
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
}

export function renderPupilInvitation(input: InvitationInput): { html: string; text: string } {
  const w = WORDS[input.locale];
  const day = longDate(input.date, input.locale);
  const facts = [
    w.when(day, input.time),
    ...(input.place ? [w.where(input.place)] : []),
    ...(input.durationMinutes ? [w.long(input.durationMinutes)] : []),
  ];
  const text = [
    w.hello(input.pupilFirstName),
    `${w.about} ${input.aim}`,
    ...facts,
    w.noWrong,
    ...(input.questions.length ? [w.think, ...input.questions.map((q, i) => `${i + 1}. ${q}`)] : []),
  ].join("\n");
  const body = `
<h1>${escapeHtml(w.hello(input.pupilFirstName))}</h1>
<p class="big">${escapeHtml(w.about)}</p>
<div class="card big">${escapeHtml(input.aim)}</div>
<ul class="big">${facts.map((f) => `<li>${escapeHtml(f)}</li>`).join("")}</ul>
<p>${escapeHtml(w.noWrong)}</p>
${
  input.questions.length
    ? `<h2>${escapeHtml(w.think)}</h2>${input.questions.map((q) => `<p class="label">${escapeHtml(q)}</p><div class="write"></div><div class="write"></div>`).join("")}`
    : ""
}
<p class="meta">${escapeHtml(w.bring)}</p>`;
  return { html: htmlPage(input.locale, w.title, body), text };
}

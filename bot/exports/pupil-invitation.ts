// The pupil's invitation and preparation form (bovenbouw, optional elsewhere): why, when,
// where, how long, and questions to think about — in words a child understands.
import { renderHtml, type Printable } from "./printable.js";

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

export function invitationPrintable(input: InvitationInput): Printable {
  const w = WORDS[input.locale];
  const facts = [
    w.when(longDate(input.date, input.locale), input.time),
    ...(input.place ? [w.where(input.place)] : []),
    ...(input.durationMinutes ? [w.long(input.durationMinutes)] : []),
  ];
  return {
    lang: input.locale,
    title: w.hello(input.pupilFirstName),
    blocks: [
      { kind: "paragraph", text: w.about, large: true },
      { kind: "box", lines: [{ text: input.aim }] },
      { kind: "list", items: facts },
      { kind: "paragraph", text: w.noWrong },
      ...(input.questions.length
        ? [{ kind: "heading", text: w.think } as const, ...input.questions.map((q) => ({ kind: "writeLines", label: q, count: 2 }) as const)]
        : []),
      { kind: "paragraph", text: w.bring, muted: true },
    ],
  };
}

export function renderPupilInvitation(input: InvitationInput): { html: string; text: string; printable: Printable } {
  const w = WORDS[input.locale];
  const printable = invitationPrintable(input);
  const text = [
    w.hello(input.pupilFirstName),
    `${w.about} ${input.aim}`,
    ...(printable.blocks.find((b) => b.kind === "list") as { items: string[] }).items,
    w.noWrong,
    ...(input.questions.length ? [w.think, ...input.questions.map((q, i) => `${i + 1}. ${q}`)] : []),
  ].join("\n");
  return { html: renderHtml(printable), text, printable };
}

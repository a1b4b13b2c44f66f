// The kindplan as a printable page. It renders exactly what it is given: selecting what may be
// shared is bot/services/kindplan-export.ts's job.
import type { KindplanExport } from "../services/kindplan-export.js";
import { escapeHtml, htmlPage } from "./html.js";

const W = {
  nl: {
    title: "Kindplan",
    generated: "Gemaakt op",
    goals: "Mijn doelen",
    now: "Nu kan ik",
    later: "Straks wil ik",
    plan: "Daarvoor ga ik",
    teacher: "Mijn juf/meester helpt me door",
    parents: "Mijn ouders helpen me door",
    other: "Ook helpt",
    know: "Zo weten we dat het gelukt is",
    evaluation: "We kijken ernaar op",
    agreements: "Afspraken",
    conversations: "Uit onze gesprekken",
    notes: "Notities",
    empty: "Er is (nog) niets dat gedeeld mag worden.",
    outcome: { reached: "gelukt! 🎉", partly: "deels gelukt", not_reached: "nog niet gelukt", later: "later bekijken" } as Record<string, string>,
  },
  en: {
    title: "Pupil plan",
    generated: "Made on",
    goals: "My goals",
    now: "Now I can",
    later: "Later I want to",
    plan: "To get there I will",
    teacher: "My teacher helps me by",
    parents: "My parents help me by",
    other: "Also helping",
    know: "How we will know it worked",
    evaluation: "We will look at it on",
    agreements: "Agreements",
    conversations: "From our conversations",
    notes: "Notes",
    empty: "There is nothing (yet) that may be shared.",
    outcome: { reached: "reached! 🎉", partly: "partly reached", not_reached: "not reached yet", later: "to look at later" } as Record<string, string>,
  },
};

const day = (d: Date | string, locale: "nl" | "en") =>
  new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: typeof d === "string" ? "UTC" : "Europe/Amsterdam" }).format(
    typeof d === "string" ? new Date(`${d}T12:00:00Z`) : d,
  );

function line(label: string, value: string | null): string {
  return value ? `<p><span class="label">${escapeHtml(label)}:</span> ${escapeHtml(value)}</p>` : "";
}

export function renderKindplanHtml(data: KindplanExport, locale: "nl" | "en"): string {
  const w = W[locale];
  const name = `${data.pupil.firstName} ${data.pupil.lastName}`;
  const parts: string[] = [
    `<h1>${escapeHtml(w.title)} — ${escapeHtml(name)}</h1>`,
    `<p class="meta">${escapeHtml([data.pupil.groupName, data.schoolName].filter(Boolean).join(" · "))} · ${escapeHtml(w.generated)} ${escapeHtml(day(data.generatedOn, locale))}</p>`,
  ];
  if (data.goals.length) {
    parts.push(`<h2>${escapeHtml(w.goals)}</h2>`);
    for (const g of data.goals) {
      parts.push(
        `<div class="card">${line(w.now, g.nowText)}${line(w.later, g.goalText)}${line(w.plan, g.ownPlan)}${line(w.teacher, g.helpTeacher)}${line(w.parents, g.helpParents)}${line(w.other, g.helpOther)}${line(w.know, g.successCriteria)}${line(w.evaluation, g.evaluationDate ? day(g.evaluationDate, locale) : null)}${g.evaluations
          .map((e) => line(day(e.date, locale), [w.outcome[e.outcome] ?? e.outcome, e.note].filter(Boolean).join(" — ")))
          .join("")}</div>`,
      );
    }
  }
  if (data.agreements.length) {
    parts.push(`<h2>${escapeHtml(w.agreements)}</h2><ul>${data.agreements.map((a) => `<li>${escapeHtml(`${a.who} — ${a.what} — ${a.whenText}`)}</li>`).join("")}</ul>`);
  }
  if (data.conversations.length) {
    parts.push(`<h2>${escapeHtml(w.conversations)}</h2>`);
    for (const c of data.conversations) {
      parts.push(`<div class="card"><p class="meta">${escapeHtml(day(c.date, locale))} · ${escapeHtml(c.formatName[locale])}</p>${c.shared.map((s) => line(s.label[locale], s.value)).join("")}</div>`);
    }
  }
  if (data.notes.length) {
    parts.push(`<h2>${escapeHtml(w.notes)}</h2><ul>${data.notes.map((n) => `<li>${escapeHtml(`${day(n.date, locale)}: ${n.text}`)}</li>`).join("")}</ul>`);
  }
  if (!data.goals.length && !data.agreements.length && !data.conversations.length && !data.notes.length) parts.push(`<p>${escapeHtml(w.empty)}</p>`);
  return htmlPage(locale, `${w.title} — ${name}`, parts.join("\n"));
}

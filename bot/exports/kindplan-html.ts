// The kindplan as a printable page. It renders exactly what it is given: selecting what may be
// shared is bot/services/kindplan-export.ts's job.
import type { KindplanExport } from "../services/kindplan-export.js";
import { renderHtml, type Block, type Printable } from "./printable.js";

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

const field = (label: string, value: string | null) => (value ? [{ label, text: value }] : []);

export function kindplanPrintable(data: KindplanExport, locale: "nl" | "en"): Printable {
  const w = W[locale];
  const name = `${data.pupil.firstName} ${data.pupil.lastName}`;
  const blocks: Block[] = [
    { kind: "paragraph", muted: true, text: `${[data.pupil.groupName, data.schoolName].filter(Boolean).join(" · ")} · ${w.generated} ${day(data.generatedOn, locale)}` },
  ];
  if (data.goals.length) {
    blocks.push({ kind: "heading", text: w.goals });
    for (const g of data.goals) {
      blocks.push({
        kind: "box",
        lines: [
          ...field(w.now, g.nowText),
          ...field(w.later, g.goalText),
          ...field(w.plan, g.ownPlan),
          ...field(w.teacher, g.helpTeacher),
          ...field(w.parents, g.helpParents),
          ...field(w.other, g.helpOther),
          ...field(w.know, g.successCriteria),
          ...field(w.evaluation, g.evaluationDate ? day(g.evaluationDate, locale) : null),
          ...g.evaluations.map((e) => ({ label: day(e.date, locale), text: [w.outcome[e.outcome] ?? e.outcome, e.note].filter(Boolean).join(" — ") })),
        ],
      });
    }
  }
  if (data.agreements.length) {
    blocks.push({ kind: "heading", text: w.agreements }, { kind: "list", items: data.agreements.map((a) => `${a.who} — ${a.what} — ${a.whenText}`) });
  }
  if (data.conversations.length) {
    blocks.push({ kind: "heading", text: w.conversations });
    for (const c of data.conversations) {
      blocks.push({ kind: "box", lines: [{ text: `${day(c.date, locale)} · ${c.formatName[locale]}` }, ...c.shared.map((s) => ({ label: s.label[locale], text: s.value }))] });
    }
  }
  if (data.notes.length) blocks.push({ kind: "heading", text: w.notes }, { kind: "list", items: data.notes.map((n) => `${day(n.date, locale)}: ${n.text}`) });
  if (!data.goals.length && !data.agreements.length && !data.conversations.length && !data.notes.length) blocks.push({ kind: "paragraph", text: w.empty });
  return { lang: locale, title: `${w.title} — ${name}`, blocks };
}

export function renderKindplanHtml(data: KindplanExport, locale: "nl" | "en"): string {
  return renderHtml(kindplanPrintable(data, locale));
}

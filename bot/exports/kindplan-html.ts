// The kindplan as a printable page. It renders exactly what it is given: selecting what may be
// shared is bot/services/kindplan-export.ts's job.
import type { KindplanExport } from "../services/kindplan-export.js";
import { renderHtml, type Block, type Printable } from "./printable.js";
import { isMessageKey, translatorFor } from "../i18n/translate.js";

const day = (d: Date | string, locale: "nl" | "en") =>
  new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: typeof d === "string" ? "UTC" : "Europe/Amsterdam",
  }).format(typeof d === "string" ? new Date(`${d}T12:00:00Z`) : d);

/** An evaluation's outcome in a pupil's words; an unknown outcome is shown as its code. */
function outcomeWord(outcome: string, locale: "nl" | "en"): string {
  const key = `kindplan.outcome.${outcome}`;
  return isMessageKey(key) ? translatorFor(locale)(key) : outcome;
}

const field = (label: string, value: string | null) => (value ? [{ label, text: value }] : []);

export function kindplanPrintable(data: KindplanExport, locale: "nl" | "en"): Printable {
  const t = translatorFor(locale);
  const name = `${data.pupil.firstName} ${data.pupil.lastName}`;
  const blocks: Block[] = [
    {
      kind: "paragraph",
      muted: true,
      text: `${[data.pupil.groupName, data.schoolName].filter(Boolean).join(" · ")} · ${t("kindplan.generated", { date: day(data.generatedOn, locale) })}`,
    },
  ];
  if (data.goals.length) {
    blocks.push({ kind: "heading", text: t("kindplan.goals") });
    for (const g of data.goals) {
      blocks.push({
        kind: "box",
        lines: [
          ...field(t("kindplan.now"), g.nowText),
          ...field(t("kindplan.later"), g.goalText),
          ...field(t("kindplan.plan"), g.ownPlan),
          ...field(t("kindplan.teacher"), g.helpTeacher),
          ...field(t("kindplan.parents"), g.helpParents),
          ...field(t("kindplan.other"), g.helpOther),
          ...field(t("kindplan.know"), g.successCriteria),
          ...field(t("kindplan.evaluation"), g.evaluationDate ? day(g.evaluationDate, locale) : null),
          ...g.evaluations.map((e) => ({ label: day(e.date, locale), text: [outcomeWord(e.outcome, locale), e.note].filter(Boolean).join(" — ") })),
        ],
      });
    }
  }
  if (data.agreements.length) {
    blocks.push(
      { kind: "heading", text: t("kindplan.agreements") },
      { kind: "list", items: data.agreements.map((a) => `${a.who} — ${a.what} — ${a.whenText}`) },
    );
  }
  if (data.conversations.length) {
    blocks.push({ kind: "heading", text: t("kindplan.conversations") });
    for (const c of data.conversations) {
      blocks.push({
        kind: "box",
        lines: [{ text: `${day(c.date, locale)} · ${c.formatName[locale]}` }, ...c.shared.map((s) => ({ label: s.label[locale], text: s.value[locale] }))],
      });
    }
  }
  if (data.notes.length)
    blocks.push(
      { kind: "heading", text: t("kindplan.notes") },
      {
        kind: "list",
        items: data.notes.map((n) => `${day(n.date, locale)}: ${n.text}${n.goalText ? ` (${t("kindplan.noteGoal", { goal: n.goalText })})` : ""}`),
      },
    );
  if (!data.goals.length && !data.agreements.length && !data.conversations.length && !data.notes.length)
    blocks.push({ kind: "paragraph", text: t("kindplan.empty") });
  return { lang: locale, title: t("kindplan.title", { name }), blocks };
}

export function renderKindplanHtml(data: KindplanExport, locale: "nl" | "en"): string {
  return renderHtml(kindplanPrintable(data, locale));
}

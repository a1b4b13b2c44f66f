// The kindplan as a printable page for the child and the parents, in the child's voice ("Ik kan…",
// "Ik wil…"). It renders exactly what it is given: selecting what may be shared is
// bot/services/kindplan-export.ts's job.
import type { KindplanExport, SharedAnswer } from "../services/kindplan-export.js";
import { renderHtml, type Block, type BoxLine, type Printable } from "./printable.js";
import { printedDate } from "./printed-date.js";
import { isMessageKey, translatorFor } from "../i18n/translate.js";

type Locale = "nl" | "en";

const day = printedDate;

/** Fields whose formats ask for the child's own words (besides explanations, `explains`). */
const OWN_WORDS = new Set(["story", "nowICan", "feelGood"]);

/** A catalogue text if there is one for `key`, else null (an unknown code is never printed). */
function optionalText(key: string, locale: Locale): string | null {
  return isMessageKey(key) ? translatorFor(locale)(key) : null;
}

const field = (label: string, value: string | null): BoxLine[] => (value ? [{ label, text: value }] : []);

/**
 * A line in the child's voice: a text that already begins with the label's own words ("ik wil…"
 * under "Ik wil straks") is printed alone, with a capital, so the words are not said twice.
 */
function voiced(label: string, words: string, value: string | null): BoxLine[] {
  if (!value) return [];
  const trimmed = value.trim();
  const lead = trimmed.slice(0, words.length);
  const rest = trimmed.slice(words.length);
  if (lead.toLowerCase() !== words.toLowerCase() || /^[\p{L}\p{N}]/u.test(rest)) return field(label, value);
  return [{ text: trimmed.charAt(0).toUpperCase() + trimmed.slice(1) }];
}

/** An agreement as one line; its when is left out when the what already says it. */
export function agreementLine(a: KindplanExport["agreements"][number]): string {
  const when = a.whenText.trim();
  const said = !when || a.what.toLowerCase().includes(when.toLowerCase());
  return said ? `${a.who}: ${a.what}` : `${a.who}: ${a.what} (${when})`;
}

/** A shared answer as the child says it: a choice with its pictures, the child's words quoted. */
function answerLine(answer: SharedAnswer, locale: Locale): BoxLine {
  const label = optionalText(`kindplan.field.${answer.fieldId}`, locale) ?? answer.label[locale];
  if (answer.choices?.some((c) => c.icon))
    return { label, pictures: answer.choices.map((c) => ({ ...(c.icon ? { icon: c.icon } : {}), caption: c.label[locale] })) };
  return { label, text: answer.value[locale], words: answer.explains || OWN_WORDS.has(answer.fieldId) };
}

/** An evaluation in the child's words; a goal reached is celebrated with a star. */
function evaluationLines(e: KindplanExport["goals"][number]["evaluations"][number], locale: Locale): BoxLine[] {
  const label = translatorFor(locale)("kindplan.evaluatedOn", { date: day(e.date, locale) });
  const outcome = optionalText(`kindplan.outcome.${e.outcome}`, locale);
  if (e.outcome === "reached" && outcome) return [{ label, ...(e.note ? { text: e.note } : {}), pictures: [{ icon: "🌟", caption: outcome }] }];
  return field(label, [outcome, e.note].filter(Boolean).join(" — "));
}

function goalBlocks(data: KindplanExport, locale: Locale): Block[] {
  const t = translatorFor(locale);
  if (!data.goals.length) return [];
  return [
    { kind: "heading", text: t("kindplan.goals") },
    ...data.goals.map(
      (g): Block => ({
        kind: "box",
        lines: [
          ...voiced(t("kindplan.now"), t("kindplan.now.words"), g.nowText),
          ...voiced(t("kindplan.later"), t("kindplan.later.words"), g.goalText),
          ...field(t("kindplan.plan"), g.ownPlan),
          ...field(t("kindplan.teacher"), g.helpTeacher),
          ...field(t("kindplan.parents"), g.helpParents),
          ...field(t("kindplan.other"), g.helpOther),
          ...field(t("kindplan.know"), g.successCriteria),
          ...field(t("kindplan.evaluation"), g.evaluationDate ? day(g.evaluationDate, locale) : null),
          ...g.evaluations.flatMap((e) => evaluationLines(e, locale)),
        ],
      }),
    ),
  ];
}

export function kindplanPrintable(data: KindplanExport, locale: Locale): Printable {
  const t = translatorFor(locale);
  const name = `${data.pupil.firstName} ${data.pupil.lastName}`;
  const blocks: Block[] = [
    {
      kind: "paragraph",
      muted: true,
      text: `${[data.pupil.groupName, data.schoolName].filter(Boolean).join(" · ")} · ${t("kindplan.generated", { date: day(data.generatedOn, locale) })}`,
    },
  ];
  const empty = !data.goals.length && !data.agreements.length && !data.conversations.length && !data.notes.length;
  blocks.push({ kind: "paragraph", text: t(empty ? "kindplan.empty" : "kindplan.intro") });
  blocks.push(...goalBlocks(data, locale));
  if (data.agreements.length) blocks.push({ kind: "heading", text: t("kindplan.agreements") }, { kind: "list", items: data.agreements.map(agreementLine) });
  if (data.conversations.length) {
    blocks.push({ kind: "heading", text: t("kindplan.conversations") });
    for (const c of data.conversations)
      blocks.push({ kind: "box", title: t("kindplan.conversationOn", { date: day(c.date, locale) }), lines: c.shared.map((s) => answerLine(s, locale)) });
  }
  if (data.notes.length)
    blocks.push(
      { kind: "heading", text: t("kindplan.notes") },
      {
        kind: "list",
        items: data.notes.map((n) => `${day(n.date, locale)}: ${n.text}${n.goalText ? ` (${t("kindplan.noteGoal", { goal: n.goalText })})` : ""}`),
      },
    );
  return { lang: locale, title: t("kindplan.title", { name }), blocks };
}

export function renderKindplanHtml(data: KindplanExport, locale: Locale): string {
  return renderHtml(kindplanPrintable(data, locale));
}

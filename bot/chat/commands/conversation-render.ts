// A held conversation (bot/services/conversation-read.ts) as text blocks in the reader's language:
// a header, every phase with its sections and the child's answers, the goals with their
// evaluations, the agreements and the notes since. Markdown-light (**bold**, line breaks), the
// same for every channel; reply pages keep it whole (bot/text/pages.ts).
import { formatLocalDate } from "../../domain/local-time.js";
import type { Translator } from "../../i18n/translate.js";
import type { HeldConversationRead, ReadAnswer } from "../../services/conversation-read.js";
import { shownValue, word } from "../../services/answer-words.js";

type Locale = "nl" | "en";

export interface ReadLocale {
  t: Translator;
  locale: Locale;
  timezone: string;
}

const DAY = { nl: "nl-NL", en: "en-GB" } as const;

/** "12 mrt 2027" in the school's timezone: conversations span school years, so the year is shown. */
export function dayOf(at: Date, { locale, timezone }: Pick<ReadLocale, "locale" | "timezone">): string {
  return new Intl.DateTimeFormat(DAY[locale], { day: "numeric", month: "short", year: "numeric", timeZone: timezone }).format(at);
}

/** Every item the pupil was asked to share says what the pupil chose, the same for answers, goals, agreements and notes. */
function shareMark(t: Translator, shared: boolean | null): string {
  if (shared === null) return "";
  return shared ? t("read.shared") : t("read.notShared");
}

function answerLines(answers: readonly ReadAnswer[], r: ReadLocale): string[] {
  return answers.map((a) => r.t("read.answer", { label: a.field.label[r.locale], value: shownValue(a, r), shared: shareMark(r.t, a.shared) }));
}

function goalBlock(goal: HeldConversationRead["goals"][number], r: ReadLocale): string {
  const { t } = r;
  const lines = [t("read.goal", { status: word(t, "goalStatus", goal.status), goal: goal.goalText, shared: shareMark(t, goal.shareWithParents) })];
  for (const part of goal.details) lines.push(t(`read.goal.${part.key}`, { text: part.text }));
  lines.push(
    goal.evaluationDate
      ? t("read.goal.evaluationPlan", { date: formatLocalDate(goal.evaluationDate, r.locale), by: goal.evaluator ?? "—" })
      : t("read.goal.noEvaluationDate"),
  );
  for (const e of goal.evaluations) {
    lines.push(
      t("read.evaluation", {
        date: dayOf(e.at, r),
        by: e.by,
        outcome: word(t, "outcome", e.outcome),
        note: e.note ? t("read.evaluationNote", { note: e.note }) : "",
        next: e.nextStep ? t("read.evaluationNext", { next: word(t, "nextStep", e.nextStep) }) : "",
        shared: shareMark(t, e.shareWithParents),
      }),
    );
  }
  return lines.join("\n");
}

/** The conversation as blocks: each block stays on one page where it fits. */
export function conversationBlocks(view: HeldConversationRead, r: ReadLocale): string[] {
  const { t, locale } = r;
  const name = `${view.pupil.firstName} ${view.pupil.lastName}`;
  const blocks = [
    [
      // A meeting without the pupil (leerlingbespreking) is about the pupil, not held with them.
      t(view.withoutPupil ? "read.headerAbout" : "read.header", { name, format: view.formatName[locale], date: dayOf(view.heldAt, r) }),
      ...(view.heldBy.length ? [t(view.withoutPupil ? "read.discussedBy" : "read.heldBy", { names: view.heldBy.join(", ") })] : []),
      ...(view.archiveOnly ? [t("read.archiveOnly")] : []),
    ].join("\n"),
  ];
  if (view.preparation.length) blocks.push([t("read.preparation"), ...answerLines(view.preparation, r)].join("\n"));
  if (view.opening.length) blocks.push([t("read.opening"), ...answerLines(view.opening, r)].join("\n"));
  for (const phase of view.phases) {
    blocks.push(
      phase.sections.length ? t("read.phase", { title: phase.title[locale] }) : `${t("read.phase", { title: phase.title[locale] })} ${t("read.phaseEmpty")}`,
    );
    for (const section of phase.sections)
      blocks.push([...(section.title ? [t("read.section", { title: section.title[locale] })] : []), ...answerLines(section.answers, r)].join("\n"));
  }
  blocks.push(t("read.goals"));
  if (view.goals.length === 0) blocks.push(t("read.noGoals"));
  for (const goal of view.goals) blocks.push(goalBlock(goal, r));
  blocks.push(
    [
      t("read.agreements"),
      ...(view.agreements.length === 0 ? [t("read.noAgreements")] : []),
      ...view.agreements.map((a) => t("read.agreement", { who: a.who, what: a.what, when: a.whenText, shared: shareMark(t, a.shareWithParents) })),
    ].join("\n"),
  );
  blocks.push(t("read.notes"));
  if (view.notes.length === 0) blocks.push(t("read.noNotes"));
  for (const n of view.notes) {
    const goal = n.goalText ? t("read.noteGoal", { goal: n.goalText }) : "";
    blocks.push(t("read.note", { date: dayOf(n.at, r), author: n.author, text: n.text, goal, shared: shareMark(t, n.shareWithParents) }));
  }
  return blocks;
}

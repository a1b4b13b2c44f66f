// The short way of recording a conversation, for sitting with the pupil: one conversation card
// (the format's phases with one or two example questions each, last time's goals and agreements,
// the preparation, and a few boxes for keywords), then one record card for the outcome. The
// record card is checked by the same rules as the step-by-step kindplan (plan-steps.ts), and its
// answers are read as that kindplan's goal 1 and agreement 1, so both ways store alike.
import { dialogBegun, HOW_IT_WENT, SHORT_JOTS, SHORT_STEP, type ConversationMode } from "../../bot/services/conversation-mode.js";
import type { ConversationFormat } from "../../bot/formats/schema.js";
import { hasContent, shareFieldId } from "../../bot/formats/share.js";
import { eachLocale, localized, translate } from "../../bot/i18n/translate.js";
import type { Answers } from "../engine/flow.js";
import type { FieldError, FieldValue, StepDefinition } from "../engine/types.js";
import { field, text } from "./field.js";
import { whoTap } from "./ownership-taps.js";
import { agreementErrors, checkEvaluationDate, defaultEvaluationDate, type PlanOptions } from "./plan-steps.js";

export const CARD = SHORT_STEP.card;
export const RECORD = SHORT_STEP.record;
const EXAMPLES_PER_PHASE = 2;

export interface ShortSubject {
  /** The pupil's first name: the agreement's "who" until the teacher changes it. */
  name: string;
  /** Last time's goals and agreements, the preparation (already localized). */
  openingInfo: string[];
  /** There was a goal or agreement last time: who looked back on it is asked. */
  hasPrevious: boolean;
}

/**
 * Whether this dialog runs the short way. A dialog under way keeps the way it began (its answers
 * tell), so switching mid-way never drops what was typed; a new one follows the teacher's choice.
 */
export function isShortDialog(answers: Answers, preferred: ConversationMode | null, eligible: boolean): boolean {
  if (!eligible) return false;
  if (answers[CARD] !== undefined || answers[RECORD] !== undefined) return true;
  return !dialogBegun(answers) && preferred === "short";
}

function phaseLines(format: ConversationFormat, locale: "nl" | "en"): string[] {
  return format.phases.flatMap((phase) => {
    const questions = phase.sections.flatMap((s) => s.exampleQuestions).slice(0, EXAMPLES_PER_PHASE);
    if (questions.length === 0) return [];
    const quoted = questions.map((q) => `“${q[locale]}”`).join(" · ");
    return [translate(locale, "short.card.phase", { phase: phase.title[locale], questions: quoted })];
  });
}

function cardStep(format: ConversationFormat, subject: ShortSubject, locale: "nl" | "en"): StepDefinition {
  return {
    id: CARD,
    title: localized("short.card.title"),
    intro: localized("short.card.intro"),
    info: [...phaseLines(format, locale), ...subject.openingInfo],
    fields: SHORT_JOTS.map((jot) => field({ id: jot.id, kind: "shortText", label: jot.label })),
  };
}

/** With a goal set now, the parts a goal cannot go without are asked for, each under its own field. */
const GOAL_PARTS = ["goalText", "successCriteria", "evaluationDate", "evaluator"] as const;

function recordErrors(values: Record<string, FieldValue>, options: PlanOptions): FieldError[] {
  const errors: FieldError[] = [];
  if (values.goalWhen === "now") {
    for (const id of GOAL_PARTS) if (!hasContent(values[id])) errors.push({ fieldId: id, message: localized("short.record.goalPartNeeded") });
    if (hasContent(values.evaluationDate)) errors.push(...checkEvaluationDate(values, options));
  }
  // An agreement is there once its what or when holds words (its who starts as the pupil's name).
  if (hasContent(values.what) || hasContent(values.when)) errors.push(...agreementErrors(values));
  return errors;
}

function recordStep(subject: ShortSubject, answers: Answers, options: PlanOptions): StepDefinition {
  const jotted = (id: string) => text(answers, CARD, id) ?? undefined;
  const prefill = (value: string | undefined) => (value ? { defaultValue: value } : {});
  const suggested = defaultEvaluationDate(options);
  const me = options.evaluators.some((e) => e.id === options.readerStaffId) ? options.readerStaffId : undefined;
  const option = (value: string, key: Parameters<typeof localized>[0]) => ({ value, label: localized(key) });
  return {
    id: RECORD,
    title: localized("short.record.title"),
    intro: localized("short.record.intro"),
    fields: [
      field({ id: HOW_IT_WENT.id, kind: "singleChoice", label: HOW_IT_WENT.label, options: HOW_IT_WENT.options.map((o) => ({ ...o })) }),
      field({
        id: "goalWhen",
        kind: "singleChoice",
        label: localized("short.record.goalWhen.label"),
        required: true,
        defaultValue: "now",
        options: [option("now", "short.record.goalWhen.now"), option("later", "short.record.goalWhen.later")],
      }),
      field({ id: "nowText", kind: "longText", label: localized("kindplanStep.goal.nowText.label"), explains: "goalText" }),
      field({ id: "goalText", kind: "longText", label: localized("kindplanStep.goal.goalText.label"), shareable: true, ...prefill(jotted("goalWords")) }),
      field({ id: "ownPlan", kind: "longText", label: localized("kindplanStep.goal.ownPlan.label"), explains: "goalText" }),
      field({ id: "helpTeacher", kind: "longText", label: localized("kindplanStep.goalHelp.helpTeacher.label") }),
      field({ id: "successCriteria", kind: "longText", label: localized("short.record.successCriteria.label") }),
      field({ id: "evaluationDate", kind: "date", label: localized("label.evaluationDate"), ...prefill(suggested) }),
      field({
        id: "evaluator",
        kind: "singleChoice",
        label: localized("kindplanStep.goalCheck.evaluator.label"),
        options: options.evaluators.map((e) => ({ value: e.id, label: eachLocale(() => e.name) })),
        ...prefill(me),
      }),
      field({ id: "who", kind: "shortText", label: localized("short.record.who.label"), explains: "what", defaultValue: subject.name }),
      field({ id: "what", kind: "longText", label: localized("short.record.what.label"), shareable: true, ...prefill(jotted("agreementWords")) }),
      field({ id: "when", kind: "shortText", label: localized("short.record.when.label"), explains: "what" }),
      // Last on the card, so the boxes a teacher knows by number keep their numbers.
      whoTap("setBy"),
      whoTap("approachBy"),
      ...(subject.hasPrevious ? [whoTap("lookedBackBy")] : []),
    ],
    validate: (values) => recordErrors(values, options),
  };
}

export function shortSteps(format: ConversationFormat, subject: ShortSubject, answers: Answers, options: PlanOptions, locale: "nl" | "en"): StepDefinition[] {
  return [
    { ...cardStep(format, subject, locale), compact: true },
    { ...recordStep(subject, answers, options), compact: true },
  ];
}

/**
 * The record card read as the step-by-step kindplan's goal 1 and agreement 1 (share answers
 * included), so collectGoals / collectAgreements and everything after them need no second way.
 */
export function recordAsPlan(answers: Answers): Answers {
  const record = answers[RECORD] ?? {};
  const pick = (ids: string[]) => Object.fromEntries(ids.filter((id) => record[id] !== undefined).map((id) => [id, record[id]!]));
  const plan: Answers = { agreement1: pick(["who", "what", "when", shareFieldId("what")]), opening: pick(["lookedBackBy"]) };
  if (record.goalWhen !== "now") return plan;
  return {
    ...plan,
    goal1: pick(["nowText", "goalText", "setBy", "ownPlan", "approachBy", shareFieldId("goalText")]),
    goal1help: pick(["helpTeacher"]),
    goal1check: pick(["successCriteria", "evaluationDate", "evaluator"]),
  };
}

/** Record card fields prefilled from a conversation card box: record field → card box. */
const PREFILLED_FROM: Record<string, string> = { goalText: "goalWords", what: "agreementWords" };

/**
 * The record card after the conversation card changed (going back to it): a record field that
 * still holds what the card said before — prefilled, and stored as shown by a refused "klaar" or a
 * card's submit — follows the card again (its answer is dropped, so the new words are its prefill);
 * a field the teacher changed on the record card stays as she typed it.
 */
export function followCard(before: Answers, after: Answers): Answers {
  const record = after[RECORD];
  if (!record) return after;
  const next = { ...record };
  for (const [fieldId, boxId] of Object.entries(PREFILLED_FROM)) {
    const was = text(before, CARD, boxId) ?? "";
    const now = text(after, CARD, boxId) ?? "";
    if (was === now || next[fieldId] === undefined) continue;
    if (String(next[fieldId]).trim() === was.trim()) delete next[fieldId];
  }
  return { ...after, [RECORD]: next };
}

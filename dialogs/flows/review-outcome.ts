// The close of a leerlingbespreking (a format with closeWithEducationalGoal): teacher and IB'er meet
// without the pupil, so there is no kindplan in the child's voice. The sharpened observable goal comes
// back pre-filled as the educational goal, with an evaluation date and an evaluator (a teacher or
// the pupil's IB'er). Completing it records a meeting ("discussed": never a held kindgesprek, no
// ownership skills), the proposed kindgesprek and the message to the pupil's IB'er.
import { checkObservableGoal } from "../../bot/checks/index.js";
import { formatLocalDate } from "../../bot/domain/local-time.js";
import { DISCUSSED_STATUS } from "../../bot/domain/vocabulary.js";
import { defaultFormatKey, getFormat } from "../../bot/formats/registry.js";
import type { ConversationFormat } from "../../bot/formats/schema.js";
import { eachLocale, localized, translate } from "../../bot/i18n/translate.js";
import { type GoalInput, recordHeldConversation } from "../../bot/services/conversations.js";
import { type KindgesprekProposal, notifySupporters, proposeKindgesprek } from "../../bot/services/pupil-review.js";
import type { Tx } from "../../bot/db/client.js";
import type { Answers, Completion, FlowContext } from "../engine/flow.js";
import type { FieldError, FieldValue, StepDefinition } from "../engine/types.js";
import { field, text } from "./field.js";
import { checkEvaluationDate, defaultEvaluationDate, type PlanOptions } from "./plan-steps.js";

export const EDUCATIONAL_GOAL = "educationalGoal";
const SHARPEN = "s_doelScherpstellen";
const NEEDS = "s_onderwijsbehoefte";
const PROPOSAL = "s_kindgesprek";

/** A label or a vague wish is sent back with a concrete, observable rephrasing. */
export function observableGoalErrors(values: Record<string, FieldValue>, fieldId: string): FieldError[] {
  const goal = values[fieldId];
  if (typeof goal !== "string" || !goal) return [];
  const result = checkObservableGoal(goal);
  if (result.observable) return [];
  const suggestion = result.suggestion;
  const message = eachLocale((l) =>
    [...result.issues.map((i) => i.message[l]), suggestion ? translate(l, "conversation.forExample", { suggestion: suggestion[l] }) : ""]
      .filter(Boolean)
      .join(" "),
  );
  return [{ fieldId, message }];
}

/** The educational goal: the sharpened goal pre-filled, the evaluation date, and who evaluates. */
export function educationalGoalStep(answers: Answers, options: PlanOptions): StepDefinition {
  const sharpened = text(answers, SHARPEN, "observableGoal");
  const suggested = defaultEvaluationDate(options);
  return {
    id: EDUCATIONAL_GOAL,
    title: localized("review.goal.title"),
    intro: localized("review.goal.intro"),
    fields: [
      field({
        id: "goalText",
        kind: "longText",
        label: localized("review.goal.goalText.label"),
        required: true,
        ...(sharpened ? { defaultValue: sharpened } : {}),
      }),
      field({
        id: "evaluationDate",
        kind: "date",
        label: localized("label.evaluationDate"),
        required: true,
        ...(suggested ? { defaultValue: suggested } : {}),
      }),
      field({
        id: "evaluator",
        kind: "singleChoice",
        label: localized("review.goal.evaluator.label"),
        required: true,
        options: options.evaluators.map((e) => ({ value: e.id, label: eachLocale(() => e.name) })),
      }),
    ],
    validate: (values) => [...observableGoalErrors(values, "goalText"), ...checkEvaluationDate(values, options)],
  };
}

/** The goal as stored: the teacher's and IB'er's goal for the pupil, not the pupil's own plan. */
export function collectEducationalGoal(answers: Answers): GoalInput | null {
  const goalText = text(answers, EDUCATIONAL_GOAL, "goalText") ?? text(answers, SHARPEN, "observableGoal");
  if (!goalText) return null;
  return {
    nowText: null,
    goalText,
    ownPlan: null,
    helpTeacher: null,
    helpParents: null,
    helpOther: null,
    successCriteria: null,
    evaluationDate: text(answers, EDUCATIONAL_GOAL, "evaluationDate"),
    evaluatorId: text(answers, EDUCATIONAL_GOAL, "evaluator"),
    shareWithParents: false,
  };
}

/** The proposed kindgesprek, when they chose to set one up; written in the recorder's language. */
export function proposalOf(answers: Answers, goalText: string, locale: "nl" | "en"): KindgesprekProposal | null {
  if (text(answers, PROPOSAL, "holdConversation") !== "propose") return null;
  const task = text(answers, PROPOSAL, "approachTask");
  const questions = (text(answers, PROPOSAL, "questionsForPupil") ?? "")
    .split(/\r?\n/)
    .map((q) => q.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, "").trim())
    .filter(Boolean);
  return {
    reason: translate(locale, "review.proposal.reason", { goal: goalText }),
    aim: task ? translate(locale, "review.proposal.aimTask", { task }) : translate(locale, "review.proposal.aim"),
    questions,
  };
}

/** What the confirm step shows and the completion repeats. */
export function reviewSummaryLines(answers: Answers, evaluators: { id: string; name: string }[], locale: "nl" | "en"): string[] {
  const lines: string[] = [];
  const goal = collectEducationalGoal(answers);
  if (goal) {
    const date = goal.evaluationDate ? formatLocalDate(goal.evaluationDate, locale) : "—";
    const who = evaluators.find((e) => e.id === goal.evaluatorId)?.name ?? "—";
    lines.push(translate(locale, "review.summary.goal", { goal: goal.goalText, date, who }));
  }
  const need = text(answers, NEEDS, "needs");
  if (need) lines.push(translate(locale, "review.summary.need", { need }));
  if (text(answers, PROPOSAL, "holdConversation") === "propose") lines.push(translate(locale, "review.summary.proposal"));
  return lines;
}

/** Records the meeting, sets up the proposed kindgesprek and tells the pupil's IB'er. */
export async function completeReview(
  ctx: FlowContext & { tx: Tx },
  input: { pupilId: string; name: string; format: ConversationFormat; answers: Answers; evaluators: { id: string; name: string }[] },
): Promise<Completion> {
  const { pupilId, format, answers } = input;
  const goal = collectEducationalGoal(answers);
  const conversationId = await recordHeldConversation(ctx.tx, ctx.actor, {
    pupilId,
    groupId: null,
    // Never a pending kindgesprek: the meeting is recorded beside it.
    conversationId: null,
    formatKey: format.key,
    formatVersion: format.version,
    answers,
    // The pupil was not there: no ownership skills, whatever the format's fields say.
    skills: [],
    goals: goal ? [goal] : [],
    agreements: [],
    heldAt: ctx.now,
    status: DISCUSSED_STATUS,
  });
  const lines = [translate(ctx.locale, "review.saved", { name: input.name }), ...reviewSummaryLines(answers, input.evaluators, ctx.locale)];
  const proposal = goal ? proposalOf(answers, goal.goalText, ctx.locale) : null;
  if (proposal) {
    // The kindgesprek takes the group's format (the doorgaande lijn), like any conversation.
    const pupil = await ctx.tx.pupil.findUnique({
      where: { id: pupilId },
      select: { group: { select: { id: true, schoolId: true, bouw: true, formatKey: true } } },
    });
    const key = pupil?.group ? await defaultFormatKey(ctx.tx, pupil.group) : "hgw-kindgesprek";
    const kindgesprek = await getFormat(ctx.db, ctx.actor.schoolId, key);
    await proposeKindgesprek(ctx.tx, ctx.actor, {
      pupilId,
      reviewId: conversationId,
      formatKey: kindgesprek.key,
      formatVersion: kindgesprek.version,
      proposal,
    });
    lines.push(translate(ctx.locale, "review.proposalSet", { name: input.name }));
  }
  const told = await notifySupporters(ctx.tx, ctx.actor, { conversationId, pupilId, now: ctx.now });
  if (told.length > 0) lines.push(translate(ctx.locale, "review.supportersTold", { names: told.join(", ") }));
  lines.push(translate(ctx.locale, "review.notCounted"));
  return { text: lines.join("\n"), conversationId };
}

// Evaluating a goal on (or near) its evaluation date: reached / partly / not reached / later,
// an optional note, and how to go on. "Later" asks for a new date instead of a next step;
// "extend" asks for the new evaluation date. Storing goes through the evaluations service,
// which refuses an answer from a stale card (someone already evaluated the goal).
import { formatLocalDate } from "../../bot/domain/local-time.js";
import {
  celebrationText,
  evaluationDateRule,
  loadEvaluablePupil,
  OUTCOME_LABELS,
  proposedEvaluationDate,
  recordEvaluation,
  type EvaluableGoal,
  type EvaluationOutcome,
  type NextStep,
} from "../../bot/services/evaluations.js";
import { firstSchoolDate, type SchoolDateRule } from "../../bot/domain/school-day-rule.js";
import type { Answers, Completion, DialogFlow, LoadedFlow } from "../engine/flow.js";
import type { FieldError, LocalizedText, StepDefinition } from "../engine/types.js";
import { field, text } from "./field.js";
import { schoolDateErrors } from "./school-date.js";
import { localized, translate, eachLocale } from "../../bot/i18n/translate.js";
import { shareChosen } from "../../bot/formats/share.js";
import { buttonFor } from "../../bot/domain/actions.js";
import { asSkillActor, evaluationSkills, skillLabel } from "../../bot/domain/ownership-skills.js";
import { whoTap } from "./ownership-taps.js";

export const EVALUATE = "evaluate";

type Locale = "nl" | "en";

export const NEXT_STEP_LABELS: Record<NextStep, LocalizedText> = {
  new_goal: localized("evaluate.next.new_goal"),
  extend: localized("evaluate.next.extend"),
  stop: localized("evaluate.next.stop"),
};

/** "bereikt — 'note'" for a previous evaluation, as shown before a conversation or evaluation. */
export function describeEvaluation(e: { outcome: string; note: string | null; evaluatedAt: Date }, locale: Locale): string {
  const label = OUTCOME_LABELS[e.outcome as EvaluationOutcome]?.[locale] ?? e.outcome;
  return `${label.toLowerCase()}${e.note ? ` — “${e.note}”` : ""}`;
}

/** An open goal as it comes back before a conversation: its date and its latest evaluation. */
export function openGoalLine(
  goal: { goalText: string; evaluationDate: string | null; latestEvaluation: { outcome: string; note: string | null; evaluatedAt: Date } | null },
  locale: Locale,
): string {
  const date = goal.evaluationDate ? translate(locale, "evaluate.openGoal.date", { date: formatLocalDate(goal.evaluationDate, locale) }) : "";
  const last = goal.latestEvaluation ? translate(locale, "evaluate.openGoal.last", { evaluation: describeEvaluation(goal.latestEvaluation, locale) }) : "";
  return translate(locale, "evaluate.openGoal", { goal: goal.goalText, date, last });
}

/** A goal evaluated since the last conversation, as it comes back before the next one. */
export function evaluatedGoalLine(
  goal: { goalText: string; latestEvaluation: { outcome: string; note: string | null; evaluatedAt: Date } },
  locale: Locale,
): string {
  return translate(locale, "evaluate.evaluatedGoal", { goal: goal.goalText, evaluation: describeEvaluation(goal.latestEvaluation, locale) });
}

const shortGoal = (goal: string) => (goal.length > 70 ? `${goal.slice(0, 67)}…` : goal);

function goalLines(goal: EvaluableGoal | undefined, locale: Locale): string[] {
  if (!goal) return [translate(locale, "evaluate.goalNotOpen")];
  const lines = [translate(locale, "evaluate.goalLine", { goal: goal.goalText })];
  if (goal.successCriteria) lines.push(translate(locale, "evaluate.successCriteria", { criteria: goal.successCriteria }));
  for (const a of goal.agreements) lines.push(translate(locale, "agreement.line", { who: a.who, what: a.what, when: a.whenText }));
  if (goal.evaluationDate) lines.push(translate(locale, "evaluate.evaluationDateLine", { date: formatLocalDate(goal.evaluationDate, locale) }));
  const last = goal.latestEvaluation;
  if (last) lines.push(translate(locale, "evaluate.previousEvaluation", { evaluation: describeEvaluation(last, locale) }));
  return lines;
}

function dateStep(id: "later" | "extend", rule: SchoolDateRule, proposal: string): StepDefinition {
  const title: LocalizedText = id === "later" ? localized("evaluate.date.later.title") : localized("evaluate.date.extend.title");
  return {
    id,
    title,
    intro: localized("evaluate.date.intro"),
    fields: [field({ id: "newDate", kind: "date", label: localized("label.evaluationDate"), required: true, defaultValue: proposal })],
    validate: (values): FieldError[] => schoolDateErrors(values, "newDate", rule),
  };
}

export const evaluateFlow: DialogFlow = {
  kind: EVALUATE,

  async load(ctx, subject): Promise<LoadedFlow> {
    const { pupil, goals, dates } = await loadEvaluablePupil(ctx.db, ctx.actor, subject.pupilId!);
    const l = ctx.locale;
    return {
      title: `${translate(l, "dialog.evaluate")} — ${pupil.firstName} ${pupil.lastName}`,
      steps(answers: Answers): StepDefinition[] {
        const token = text(answers, "goal", "goal");
        const chosen = goals.find((g) => g.token === token);
        const options = goals.map((g) => ({
          value: g.token,
          label: eachLocale((lang) => `${shortGoal(g.goalText)}${g.evaluationDate ? ` (${formatLocalDate(g.evaluationDate, lang)})` : ""}`),
        }));
        const steps: StepDefinition[] = [
          {
            id: "goal",
            title: localized("evaluate.goal.title"),
            ...(goals.length === 0 ? { info: [translate(l, "evaluate.goal.none")] } : {}),
            fields: [field({ id: "goal", kind: "singleChoice", label: localized("evaluate.goal.goal.label"), required: true, options })],
          },
          {
            id: "outcome",
            title: localized("evaluate.outcome.title"),
            intro: localized("evaluate.outcome.intro", { firstName: pupil.firstName }),
            tips: [localized("evaluate.outcome.tips")],
            info: goalLines(chosen, l),
            fields: [
              field({
                id: "outcome",
                kind: "singleChoice",
                label: localized("evaluate.outcome.outcome.label"),
                required: true,
                // One share question for the evaluation: its outcome and the note about it.
                shareable: true,
                options: (Object.keys(OUTCOME_LABELS) as EvaluationOutcome[]).map((value) => {
                  const { icon, ...label } = OUTCOME_LABELS[value];
                  return { value, label, icon };
                }),
              }),
              field({ id: "note", kind: "longText", label: localized("evaluate.outcome.note.label"), explains: "outcome" }),
            ],
          },
        ];
        // The goal's evaluator must work on the new date (the same rule the service applies).
        const evaluator = chosen?.evaluatorId ? dates.people.get(chosen.evaluatorId) : undefined;
        const rule = evaluationDateRule(dates.calendar, ctx.today, evaluator);
        // Two school weeks ahead. Put off ("later", not yet) before its date, never sooner than the
        // date the goal already has (the first school day from it the rule allows).
        const ahead = proposedEvaluationDate(dates.calendar, ctx.today, evaluator);
        const planned = chosen?.evaluationDate ?? null;
        const putOff = planned !== null && planned > ahead ? (firstSchoolDate(rule, planned) ?? ahead) : ahead;
        const newDateStep = (id: "later" | "extend") => dateStep(id, rule, id === "later" ? putOff : ahead);
        const outcome = text(answers, "outcome", "outcome");
        const judgedBefore = asSkillActor(answers.outcome?.assessedBy);
        if (outcome === "later") {
          steps.push(newDateStep("later"));
          return steps;
        }
        steps.push({
          id: "next",
          title: localized("evaluate.next.title"),
          fields: [
            // Who judged the goal is asked only for a judgement: "later" judges nothing, and a
            // question it would drop must not be asked. It sat on the outcome step before: a
            // session begun then brings its answer along, filled in.
            { ...whoTap("assessedBy"), ...(judgedBefore ? { defaultValue: judgedBefore } : {}) },
            field({
              id: "nextStep",
              kind: "singleChoice",
              label: localized("evaluate.next.nextStep.label"),
              required: true,
              options: (Object.keys(NEXT_STEP_LABELS) as NextStep[]).map((value) => ({ value, label: NEXT_STEP_LABELS[value] })),
            }),
          ],
        });
        if (text(answers, "next", "nextStep") === "extend") steps.push(newDateStep("extend"));
        return steps;
      },
    };
  },

  async complete(ctx, _subject, answers): Promise<Completion> {
    const outcome = text(answers, "outcome", "outcome") as EvaluationOutcome;
    const nextStep = outcome === "later" ? null : (text(answers, "next", "nextStep") as NextStep | null);
    const note = text(answers, "outcome", "note");
    const assessedBy = outcome === "later" ? null : asSkillActor(answers.next?.assessedBy);
    const result = await recordEvaluation(
      ctx.tx,
      ctx.actor,
      {
        token: text(answers, "goal", "goal") ?? "",
        outcome,
        note,
        shareWithParents: shareChosen(answers.outcome ?? {}, "outcome"),
        nextStep,
        newDate: outcome === "later" ? text(answers, "later", "newDate") : nextStep === "extend" ? text(answers, "extend", "newDate") : null,
        assessedBy,
      },
      ctx.today,
      ctx.now,
    );
    if (result.kind === "stale") {
      const by = result.last?.byName;
      const what = result.last ? (OUTCOME_LABELS[result.last.outcome as EvaluationOutcome]?.[ctx.locale].toLowerCase() ?? result.last.outcome) : null;
      const lines = [
        translate(ctx.locale, "evaluate.stale", {
          by: by ? translate(ctx.locale, "evaluate.stale.by", { by }) : "",
          what: what ? ` (${what})` : "",
        }),
      ];
      // Nothing typed is lost: the note comes back to copy.
      if (note) lines.push(translate(ctx.locale, "evaluate.noteToKeep", { note }));
      return { text: lines.join("\n") };
    }
    const name = result.pupil.firstName;
    const label = OUTCOME_LABELS[outcome][ctx.locale].toLowerCase();
    const lines = [translate(ctx.locale, "evaluate.saved", { name, label })];
    const actions: Completion["actions"] = [];
    const skills = evaluationSkills(assessedBy);
    if (skills.length) lines.push(translate(ctx.locale, "conversation.ownership", { skills: skills.map((s) => skillLabel(s, ctx.locale)).join(", ") }));
    if (outcome === "reached") {
      lines.push(translate(ctx.locale, "evaluate.celebrationIntro", { name }));
      lines.push(`“${celebrationText(name, ctx.locale, result.evaluationId)}”`);
    }
    if (result.newDate) {
      const date = formatLocalDate(result.newDate, ctx.locale);
      lines.push(outcome === "later" ? translate(ctx.locale, "evaluate.askAgain", { date }) : translate(ctx.locale, "evaluate.continues", { date }));
    } else if (nextStep === "stop") {
      lines.push(translate(ctx.locale, "evaluate.goalClosed"));
    } else if (nextStep === "new_goal") {
      lines.push(translate(ctx.locale, "evaluate.setNewGoal", { name }));
      actions.push(
        buttonFor(translate(ctx.locale, "evaluate.button.conversation", { name }), "conversation", { pupilId: result.pupil.id }),
        buttonFor(translate(ctx.locale, "button.note"), "note", { pupilId: result.pupil.id }),
      );
    }
    lines.push(translate(ctx.locale, "evaluate.inTimeline", { name }));
    return { text: lines.join("\n"), ...(actions.length ? { actions } : {}) };
  },
};

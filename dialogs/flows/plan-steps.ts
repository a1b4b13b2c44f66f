// The standard closing of a conversation: the kindplan. Goals (now I can… / later I want…),
// the pupil's own plan, help, how we will know, evaluation date and evaluator; then SMART
// agreements, each checked for who, what and when. "Another one?" adds a step.
import { checkAgreement } from "../../bot/checks/index.js";
import { evaluationDateRule, proposedEvaluationDate } from "../../bot/services/evaluations.js";
import type { SchoolDates } from "../../bot/services/school-calendar.js";
import type { Answers } from "../engine/flow.js";
import type { FieldError, FieldValue, StepDefinition } from "../engine/types.js";
import { bool, field, text } from "./field.js";
import { schoolDateErrors } from "./school-date.js";
import { localized, eachLocale } from "../../bot/i18n/translate.js";
import { shareChosen } from "../../bot/formats/share.js";
import { asSkillActor } from "../../bot/domain/ownership-skills.js";
import { whoTap } from "./ownership-taps.js";

export const MAX_GOALS = 5;
export const MAX_AGREEMENTS = 8;

export interface PlanOptions {
  evaluators: { id: string; name: string }[];
  today: string;
  /** A group conversation sets goals for the group: no evaluator per pupil. */
  forGroup: boolean;
  /** The pupil takes part (not a group's or colleagues' conversation): who set the goal and chose the way is asked. */
  pupilPresent: boolean;
  /** The school's calendar and the evaluators' working days: the evaluation date's rule. */
  dates: SchoolDates;
  /** Who fills in the plan: a suggested date falls on a day they work. */
  readerStaffId: string;
  /** A round's evaluation interval: the first acceptable date that far ahead is pre-filled. */
  evaluationIntervalDays: number | null;
  /**
   * The parents are at the table (a format withParents): goals and agreements are made with them,
   * so no share questions, and agreement 2 suggests the parents as its owner (1 the pupil, 3 the teacher).
   */
  parents?: { pupilName: string; locale: "nl" | "en" } | null;
  /** What the pupil said they want to learn (a format field `suggestsGoal`): goal 1's text until changed. */
  goalSuggestion?: string;
}

/** The suggested evaluation date: it passes the same rule as a typed one (for the reader as evaluator). */
export function defaultEvaluationDate(options: PlanOptions): string | undefined {
  if (!options.evaluationIntervalDays) return undefined;
  const reader = options.dates.people.get(options.readerStaffId);
  return proposedEvaluationDate(options.dates.calendar, options.today, options.forGroup ? undefined : reader, options.evaluationIntervalDays);
}

/** The evaluation date against the rule for the evaluator chosen on the same step. */
export function checkEvaluationDate(values: Record<string, FieldValue>, options: PlanOptions): FieldError[] {
  const evaluator = typeof values.evaluator === "string" ? options.dates.people.get(values.evaluator) : undefined;
  return schoolDateErrors(values, "evaluationDate", evaluationDateRule(options.dates.calendar, options.today, evaluator));
}

/** The pupil's own words around a goal, covered by the goal's share question. */
const explainsGoal = (options: PlanOptions) => (options.forGroup || options.parents ? {} : { explains: "goalText" });

/** Whether the pupil is asked to share the plan with the parents: not for a group, not with the parents present. */
const asksShare = (options: PlanOptions) => !options.forGroup && !options.parents;

function goalSteps(i: number, options: PlanOptions, suggested: string | undefined): StepDefinition[] {
  const id = `goal${i}`;
  return [
    {
      id,
      title: localized("kindplanStep.goal.title", { i }),
      intro: localized("kindplanStep.goal.intro"),
      tips: [localized("kindplanStep.goal.tip")],
      fields: [
        // The goal is the item the pupil shares (or not) with parents, with the pupil's own words
        // around it; a group's goals are not the pupil's, so there is nothing to ask.
        field({ id: "nowText", kind: "longText", label: localized("kindplanStep.goal.nowText.label"), ...explainsGoal(options) }),
        field({
          id: "goalText",
          kind: "longText",
          label: localized("kindplanStep.goal.goalText.label"),
          required: true,
          shareable: asksShare(options),
          ...(i === 1 && options.goalSuggestion ? { defaultValue: options.goalSuggestion } : {}),
        }),
        field({ id: "ownPlan", kind: "longText", label: localized("kindplanStep.goal.ownPlan.label"), ...explainsGoal(options) }),
        // One tap each for who set the goal and who chose the way (the ownership skills).
        ...(options.pupilPresent ? [whoTap("setBy"), whoTap("approachBy")] : []),
      ],
    },
    {
      id: `${id}help`,
      title: localized("kindplanStep.goalHelp.title", { i }),
      intro: localized("kindplanStep.goalHelp.intro"),
      skippable: true,
      fields: [
        field({ id: "helpTeacher", kind: "longText", label: localized("kindplanStep.goalHelp.helpTeacher.label") }),
        field({ id: "helpParents", kind: "longText", label: localized("kindplanStep.goalHelp.helpParents.label") }),
        field({ id: "helpOther", kind: "longText", label: localized("kindplanStep.goalHelp.helpOther.label") }),
      ],
    },
    {
      id: `${id}check`,
      title: localized("kindplanStep.goalCheck.title", { i }),
      fields: [
        field({ id: "successCriteria", kind: "longText", label: localized("kindplanStep.goalCheck.successCriteria.label"), required: true }),
        field({
          id: "evaluationDate",
          kind: "date",
          label: localized("label.evaluationDate"),
          required: true,
          ...(suggested ? { defaultValue: suggested } : {}),
        }),
        ...(options.forGroup
          ? []
          : [
              field({
                id: "evaluator",
                kind: "singleChoice",
                label: localized("kindplanStep.goalCheck.evaluator.label"),
                required: true,
                options: options.evaluators.map((e) => ({ value: e.id, label: eachLocale(() => e.name) })),
              }),
            ]),
        field({ id: "another", kind: "yesNo", label: localized("kindplanStep.goalCheck.another.label"), required: true }),
      ],
      validate: (values): FieldError[] => checkEvaluationDate(values, options),
    },
  ];
}

/** With the parents at the table: agreement 1 is the pupil's, 2 the parents', 3 the teacher's, as suggestions. */
function suggestedOwner(j: number, parents: NonNullable<PlanOptions["parents"]>): { nl: string; en: string } | null {
  if (j === 1) return eachLocale(() => parents.pupilName);
  if (j === 2) return localized("startgesprek.owner.parents", { name: parents.pupilName });
  if (j === 3) return localized("startgesprek.owner.teacher");
  return null;
}

function agreementStep(j: number, options: PlanOptions): StepDefinition {
  const parents = options.parents;
  const owner = parents ? suggestedOwner(j, parents) : null;
  // An agreement's share question stays as it was for a group; only the parents' presence drops it.
  const share = !parents;
  return {
    id: `agreement${j}`,
    title: localized("kindplanStep.agreement.title", { j }),
    intro: localized(parents ? "startgesprek.agreement.intro" : "kindplanStep.agreement.intro"),
    tips: [localized("kindplanStep.agreement.tip")],
    skippable: j === 1,
    fields: [
      field({
        id: "who",
        kind: "shortText",
        label: localized("kindplanStep.agreement.who.label"),
        required: true,
        placeholder: localized(parents ? "startgesprek.agreement.who.placeholder" : "kindplanStep.agreement.who.placeholder"),
        ...(share ? { explains: "what" } : {}),
        // A suggestion in the teacher's language; the stored who is what the teacher leaves or types.
        ...(owner && parents ? { defaultValue: owner[parents.locale] } : {}),
      }),
      // One share question for the agreement as a whole (who, what, when), after its last part.
      field({ id: "what", kind: "longText", label: localized("kindplanStep.agreement.what.label"), required: true, shareable: share }),
      field({ id: "when", kind: "shortText", label: localized("kindplanStep.agreement.when.label"), required: true, ...(share ? { explains: "what" } : {}) }),
      field({ id: "another", kind: "yesNo", label: localized("kindplanStep.agreement.another.label"), required: true }),
    ],
    validate: agreementErrors,
  };
}

/** The SMART check of an agreement (who, what, when), each issue under its own field. */
export function agreementErrors(values: Record<string, FieldValue>): FieldError[] {
  const result = checkAgreement({ who: String(values.who ?? ""), what: String(values.what ?? ""), when: String(values.when ?? "") });
  return result.issues.map((issue) => ({
    fieldId: issue.part,
    message: eachLocale((l) => `${issue.message[l]} ${issue.hint[l]}`),
  }));
}

export function planSteps(answers: Answers, options: PlanOptions): StepDefinition[] {
  const steps: StepDefinition[] = [];
  const suggested = defaultEvaluationDate(options);
  for (let i = 1; i <= MAX_GOALS; i++) {
    steps.push(...goalSteps(i, options, suggested));
    if (!bool(answers, `goal${i}check`, "another")) break;
  }
  for (let j = 1; j <= MAX_AGREEMENTS; j++) {
    steps.push(agreementStep(j, options));
    if (!bool(answers, `agreement${j}`, "another")) break;
  }
  return steps;
}

/** The goals recorded in the plan steps, in order; made with the parents present, they are the parents' to read. */
export function collectGoals(answers: Answers, withParents = false) {
  const goals = [];
  for (let i = 1; i <= MAX_GOALS; i++) {
    const goalText = text(answers, `goal${i}`, "goalText");
    if (!goalText) break;
    goals.push({
      nowText: text(answers, `goal${i}`, "nowText"),
      goalText,
      ownPlan: text(answers, `goal${i}`, "ownPlan"),
      helpTeacher: text(answers, `goal${i}help`, "helpTeacher"),
      helpParents: text(answers, `goal${i}help`, "helpParents"),
      helpOther: text(answers, `goal${i}help`, "helpOther"),
      successCriteria: text(answers, `goal${i}check`, "successCriteria"),
      evaluationDate: text(answers, `goal${i}check`, "evaluationDate"),
      evaluatorId: text(answers, `goal${i}check`, "evaluator"),
      shareWithParents: withParents || shareChosen(answers[`goal${i}`] ?? {}, "goalText"),
      setBy: asSkillActor(answers[`goal${i}`]?.setBy),
      approachBy: asSkillActor(answers[`goal${i}`]?.approachBy),
    });
  }
  return goals;
}

export function collectAgreements(answers: Answers, withParents = false) {
  const agreements = [];
  for (let j = 1; j <= MAX_AGREEMENTS; j++) {
    const what = text(answers, `agreement${j}`, "what");
    if (!what) break;
    agreements.push({
      who: text(answers, `agreement${j}`, "who") ?? "",
      what,
      whenText: text(answers, `agreement${j}`, "when") ?? "",
      shareWithParents: withParents || shareChosen(answers[`agreement${j}`] ?? {}, "what"),
    });
  }
  return agreements;
}

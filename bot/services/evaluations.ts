// Goal evaluations: which goals a person may evaluate, what an answer does to the goal, and the
// school dates a re-evaluation may fall on. Channel-neutral: the evaluation dialog and the
// evaluation-due message both build on this.
import { loadSchoolDates, type SchoolDates } from "./school-calendar.js";
import { z } from "zod";
import type { Db, Tx } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { canEvaluateGoal, canWritePupilContent, type PupilFacts } from "../auth/policy.js";
import { recordAudit } from "../audit.js";
import { LocalDate } from "../domain/vocabulary.js";
import { addDays, type SchoolCalendar } from "../domain/school-calendar.js";
import { checkSchoolDate, firstSchoolDate, type SchoolDateRule, type WorkingPerson } from "../domain/school-day-rule.js";
import { AppError, ErrorCode, ForbiddenError, NotFoundError } from "../errors.js";
import { localized, translate, type MessageKey } from "../i18n/translate.js";
import { TEXT_LIMITS } from "../formats/fields.js";
import { SKILL_ACTORS } from "../domain/ownership-skills.js";

export const EvaluationOutcome = z.enum(["reached", "partly", "not_reached", "later"]);
export type EvaluationOutcome = z.infer<typeof EvaluationOutcome>;

/** An outcome as the teacher chooses it (the evaluation card) and reads it back. */
export const OUTCOME_LABELS: Record<EvaluationOutcome, { nl: string; en: string; icon: string }> = {
  reached: { ...localized("evaluate.outcomeOption.reached"), icon: "🎉" },
  partly: { ...localized("evaluate.outcomeOption.partly"), icon: "🌱" },
  not_reached: { ...localized("evaluate.outcomeOption.not_reached"), icon: "🔁" },
  later: { ...localized("evaluate.outcomeOption.later"), icon: "⏳" },
};
export const NextStep = z.enum(["new_goal", "extend", "stop"]);
export type NextStep = z.infer<typeof NextStep>;

/** How far ahead "later" and "extend" propose the next evaluation. */
export const RESCHEDULE_DAYS = 14;

export interface LatestEvaluation {
  outcome: string;
  note: string | null;
  nextStep: string | null;
  evaluatedAt: Date;
}

export interface EvaluableGoal {
  id: string;
  /**
   * The goal as it stood when shown: "<goalId>@<evaluationDate>". An answer is stored only while
   * the goal is still open with that date, so an answer from a stale card (a duo-partner already
   * evaluated, or moved the date) changes nothing.
   */
  token: string;
  goalText: string;
  successCriteria: string | null;
  evaluationDate: string | null;
  evaluatorId: string | null;
  agreements: { who: string; what: string; whenText: string }[];
  latestEvaluation: LatestEvaluation | null;
}

export interface EvaluablePupil {
  pupil: { id: string; firstName: string; lastName: string };
  goals: EvaluableGoal[];
  /** The school's calendar and the working days of the goals' evaluators, for a new date. */
  dates: SchoolDates;
}

export function goalToken(goal: { id: string; evaluationDate: string | null }): string {
  return `${goal.id}@${goal.evaluationDate ?? "-"}`;
}

export function parseGoalToken(token: string): { goalId: string; dueDate: string | null } | null {
  const at = token.lastIndexOf("@");
  if (at <= 0) return null;
  const date = token.slice(at + 1);
  if (date !== "-" && !LocalDate.safeParse(date).success) return null;
  return { goalId: token.slice(0, at), dueDate: date === "-" ? null : date };
}

/**
 * A new evaluation date ("later", "extend"): a school day after today on which the goal's
 * evaluator works, when their working days are known (SchoolDates.people).
 */
export function evaluationDateRule(calendar: SchoolCalendar, today: string, evaluator?: WorkingPerson): SchoolDateRule {
  return { calendar, afterToday: today, person: evaluator };
}

/** A proposed evaluation date: the first date the rule accepts at least `days` ahead. */
export function proposedEvaluationDate(calendar: SchoolCalendar, today: string, evaluator?: WorkingPerson, days = RESCHEDULE_DAYS): string {
  return firstSchoolDate(evaluationDateRule(calendar, today, evaluator), addDays(today, days)) ?? addDays(today, days);
}

type PupilWithGoals = PupilFacts & {
  firstName: string;
  lastName: string;
  goals: {
    id: string;
    goalText: string;
    successCriteria: string | null;
    evaluationDate: string | null;
    evaluatorId: string | null;
    agreements: { who: string; what: string; whenText: string }[];
    evaluations: LatestEvaluation[];
  }[];
};

async function refuse(db: Tx, actor: Actor, entityId: string, pupilId: string | null, error: Error): Promise<never> {
  await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "refused", entity: pupilId ? "pupil" : "goal", entityId, pupilId });
  throw error;
}

function toEvaluable(goal: PupilWithGoals["goals"][number]): EvaluableGoal {
  return {
    id: goal.id,
    token: goalToken(goal),
    goalText: goal.goalText,
    successCriteria: goal.successCriteria,
    evaluationDate: goal.evaluationDate,
    evaluatorId: goal.evaluatorId,
    agreements: goal.agreements.map((a) => ({ who: a.who, what: a.what, whenText: a.whenText })),
    latestEvaluation: goal.evaluations[0] ?? null,
  };
}

/**
 * The pupil's open goals this person may evaluate, with what the evaluation card shows.
 * Another school's pupil is "not found"; a pupil none of whose goals this person may evaluate
 * is refused. Both refusals are audited.
 */
export async function loadEvaluablePupil(db: Db, actor: Actor, pupilId: string): Promise<EvaluablePupil> {
  const pupil: PupilWithGoals | null = await db.pupil.findUnique({
    where: { id: pupilId },
    select: {
      id: true,
      schoolId: true,
      groupId: true,
      firstName: true,
      lastName: true,
      goals: {
        where: { status: "open" },
        orderBy: [{ evaluationDate: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          goalText: true,
          successCriteria: true,
          evaluationDate: true,
          evaluatorId: true,
          agreements: { select: { who: true, what: true, whenText: true }, orderBy: { createdAt: "asc" } },
          evaluations: { select: { outcome: true, note: true, nextStep: true, evaluatedAt: true }, orderBy: { evaluatedAt: "desc" }, take: 1 },
        },
      },
    },
  });
  if (!pupil || pupil.schoolId !== actor.schoolId) return refuse(db, actor, pupilId, null, new NotFoundError("pupil"));
  const goals = pupil.goals.filter((g) => canEvaluateGoal(actor, pupil, g));
  if (goals.length === 0 && !canWritePupilContent(actor, pupil))
    return refuse(db, actor, pupil.id, pupil.id, new ForbiddenError("may not evaluate this pupil's goals"));
  // Like the other dialogs' loads (every turn), only refusals are audited here; the stored
  // evaluation is audited when it is created.
  return {
    pupil: { id: pupil.id, firstName: pupil.firstName, lastName: pupil.lastName },
    goals: goals.map(toEvaluable),
    dates: await loadSchoolDates(db, actor, { staffIds: goals.flatMap((g) => (g.evaluatorId ? [g.evaluatorId] : [])), groupId: pupil.groupId }),
  };
}

export interface GoalState {
  goalId: string;
  pupilId: string;
  pupilFirstName: string;
  status: string;
  token: string;
  /** The last evaluation and who gave it, to explain why a goal is no longer open. */
  last: { outcome: string; evaluatedAt: Date; byName: string | null } | null;
}

async function lastEvaluationOf(db: Tx, goalId: string): Promise<GoalState["last"]> {
  const last = await db.evaluation.findFirst({ where: { goalId }, orderBy: { evaluatedAt: "desc" } });
  if (!last) return null;
  const by = await db.staff.findUnique({ where: { id: last.evaluatedById }, select: { displayName: true } });
  return { outcome: last.outcome, evaluatedAt: last.evaluatedAt, byName: by?.displayName ?? null };
}

/** One goal, for a button that evaluates it; checks this person may evaluate it. */
export async function findGoalForEvaluation(db: Db, actor: Actor, goalId: string): Promise<GoalState> {
  const goal = await db.goal.findUnique({
    where: { id: goalId },
    select: {
      id: true,
      status: true,
      evaluationDate: true,
      evaluatorId: true,
      pupil: { select: { id: true, schoolId: true, groupId: true, firstName: true } },
    },
  });
  if (!goal || goal.pupil.schoolId !== actor.schoolId) return refuse(db, actor, goalId, null, new NotFoundError("goal"));
  if (!canEvaluateGoal(actor, goal.pupil, goal)) return refuse(db, actor, goal.pupil.id, goal.pupil.id, new ForbiddenError("may not evaluate this goal"));
  return {
    goalId: goal.id,
    pupilId: goal.pupil.id,
    pupilFirstName: goal.pupil.firstName,
    status: goal.status,
    token: goalToken(goal),
    last: goal.status === "open" ? null : await lastEvaluationOf(db, goal.id),
  };
}

export const EvaluationInput = z
  .object({
    /** From goalToken: the goal and its evaluation date when the card was shown. */
    token: z.string().min(3).max(64),
    outcome: EvaluationOutcome,
    note: z.string().trim().max(TEXT_LIMITS.longText).nullable().default(null),
    shareWithParents: z.boolean().default(false),
    nextStep: NextStep.nullable().default(null),
    newDate: LocalDate.nullable().default(null),
    /** Who judged whether the goal was reached (bot/domain/ownership-skills.ts); null when not told. */
    assessedBy: z.enum(SKILL_ACTORS).nullable().default(null),
  })
  .superRefine((input, issues) => {
    if (input.outcome === "later" && !input.newDate) issues.addIssue({ code: "custom", path: ["newDate"], message: "later needs a new date" });
    if (input.outcome !== "later" && !input.nextStep) issues.addIssue({ code: "custom", path: ["nextStep"], message: "a next step is required" });
    if (input.nextStep === "extend" && !input.newDate) issues.addIssue({ code: "custom", path: ["newDate"], message: "extend needs a new date" });
  });
export type EvaluationInput = z.input<typeof EvaluationInput>;

export type EvaluationResult =
  | {
      kind: "saved";
      evaluationId: string;
      goalId: string;
      goalStatus: string;
      pupil: { id: string; firstName: string };
      outcome: EvaluationOutcome;
      nextStep: NextStep | null;
      /** The goal's new evaluation date (later, extend). */
      newDate: string | null;
    }
  /** The goal was evaluated or rescheduled since the card was shown: nothing was stored. */
  | { kind: "stale"; goalId: string; status: string; last: GoalState["last"] };

/** What the goal becomes: the outcome, unless it goes on (later, extend) or stops unreached. */
export function goalStatusAfter(outcome: EvaluationOutcome, nextStep: NextStep | null): string {
  if (outcome === "later" || nextStep === "extend") return "open";
  if (nextStep === "stop" && outcome !== "reached") return "stopped";
  return outcome;
}

/**
 * Stores one evaluation in the caller's transaction: the Evaluation row, the goal's new status or
 * date, and — when the conversation's last open goal closes — the conversation as evaluated.
 * The goal is claimed with a conditional update on (open, evaluation date as shown): zero rows
 * means someone answered first, and this answer is reported as stale instead of stored.
 */
export async function recordEvaluation(tx: Tx, actor: Actor, raw: EvaluationInput, today: string, now: Date): Promise<EvaluationResult> {
  const parsed = EvaluationInput.safeParse(raw);
  if (!parsed.success) throw new AppError(ErrorCode.ValidationFailed, "invalid evaluation", parsed.error.issues);
  const input = parsed.data;
  const target = parseGoalToken(input.token);
  if (!target) throw new AppError(ErrorCode.ValidationFailed, "invalid goal token");
  const goal = await tx.goal.findUnique({
    where: { id: target.goalId },
    select: { id: true, conversationId: true, evaluatorId: true, pupil: { select: { id: true, schoolId: true, groupId: true, firstName: true } } },
  });
  if (!goal || goal.pupil.schoolId !== actor.schoolId) return refuse(tx, actor, target.goalId, null, new NotFoundError("goal"));
  if (!canEvaluateGoal(actor, goal.pupil, goal)) return refuse(tx, actor, goal.pupil.id, goal.pupil.id, new ForbiddenError("may not evaluate this goal"));
  if (input.newDate) {
    const dates = await loadSchoolDates(tx, actor, { staffIds: goal.evaluatorId ? [goal.evaluatorId] : [], groupId: goal.pupil.groupId });
    const evaluator = goal.evaluatorId ? dates.people.get(goal.evaluatorId) : undefined;
    const check = checkSchoolDate(evaluationDateRule(dates.calendar, today, evaluator), input.newDate);
    if (!check.ok) throw new AppError(ErrorCode.ValidationFailed, "new evaluation date refused", { newDate: check.problem.kind, proposal: check.proposal });
  }
  const status = goalStatusAfter(input.outcome, input.nextStep);
  const nextStep = input.outcome === "later" ? null : input.nextStep;
  const newDate = status === "open" ? input.newDate : null;
  const claimed = await tx.goal.updateMany({
    where: { id: goal.id, status: "open", evaluationDate: target.dueDate },
    data: { status, ...(newDate ? { evaluationDate: newDate } : {}) },
  });
  if (claimed.count === 0) {
    const current = await tx.goal.findUniqueOrThrow({ where: { id: goal.id }, select: { status: true } });
    return { kind: "stale", goalId: goal.id, status: current.status, last: await lastEvaluationOf(tx, goal.id) };
  }
  const evaluation = await tx.evaluation.create({
    data: {
      goalId: goal.id,
      outcome: input.outcome,
      note: input.note || null,
      nextStep,
      shareWithParents: input.shareWithParents,
      assessedBy: input.assessedBy,
      evaluatedById: actor.staffId,
      evaluatedAt: now,
    },
  });
  if (status !== "open" && goal.conversationId) {
    const stillOpen = await tx.goal.count({ where: { conversationId: goal.conversationId, status: "open" } });
    if (stillOpen === 0) await tx.conversation.updateMany({ where: { id: goal.conversationId, status: "held" }, data: { status: "evaluated" } });
  }
  await recordAudit(tx, {
    schoolId: actor.schoolId,
    actorStaffId: actor.staffId,
    action: "create",
    entity: "evaluation",
    entityId: evaluation.id,
    pupilId: goal.pupil.id,
  });
  return {
    kind: "saved",
    evaluationId: evaluation.id,
    goalId: goal.id,
    goalStatus: status,
    pupil: { id: goal.pupil.id, firstName: goal.pupil.firstName },
    outcome: input.outcome,
    nextStep,
    newDate,
  };
}

// Short, warm texts for a reached goal, for the teacher to pass on to the pupil. Varied, so a
// pupil with several goals does not hear the same sentence twice in a row.
const CELEBRATIONS = ["celebration.1", "celebration.2", "celebration.3", "celebration.4", "celebration.5"] as const satisfies readonly MessageKey[];

/** A celebration for a reached goal; `seed` (e.g. the evaluation id) picks one of the texts. */
export function celebrationText(firstName: string, locale: "nl" | "en", seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return translate(locale, CELEBRATIONS[hash % CELEBRATIONS.length]!, { name: firstName });
}

export const CELEBRATION_COUNT = CELEBRATIONS.length;

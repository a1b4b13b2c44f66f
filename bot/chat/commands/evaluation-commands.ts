// "evalueer <naam>" / "evaluate <name>", and a button with the goal's id (the evaluation-due
// message, the evaluations list).
import { formatLocalDate } from "../../domain/local-time.js";
import { localDate } from "../../domain/local-time.js";
import { listOpenSessions } from "../../services/dialog-sessions.js";
import { findGoalForEvaluation, loadEvaluablePupil, OUTCOME_LABELS, parseGoalToken, type GoalState } from "../../services/evaluations.js";
import type { EvaluationOutcome } from "../../services/evaluations.js";
import { NO_SUBJECT } from "../../guide/dialog-guide.js";
import type { BotReply } from "../../channel/types.js";
import { buttonFor } from "../../domain/actions.js";
import type { CommandContext, CommandInput } from "./context.js";
import { evaluationsReply } from "./overview-commands.js";
import { choosePupil } from "./pupil-choice.js";

function alreadyEvaluated(ctx: CommandContext, goal: GoalState): BotReply {
  const last = goal.last;
  const outcome = last
    ? (OUTCOME_LABELS[last.outcome as EvaluationOutcome]?.[ctx.actor.locale] ?? last.outcome).toLowerCase()
    : ctx.t(`goalStatus.${goal.status}` as "goalStatus.open");
  return {
    text: ctx.t("evaluate.alreadyDone", {
      name: goal.pupilFirstName,
      outcome,
      by: last?.byName ?? "—",
      date: last ? formatLocalDate(localDate(last.evaluatedAt, ctx.actor.timezone), ctx.actor.locale) : "—",
    }),
    actions: [buttonFor(ctx.t("evaluate.timeline", { name: goal.pupilFirstName }), "pupil", { pupilId: goal.pupilId })],
  };
}

async function startForGoal(ctx: CommandContext, pupilId: string, token: string): Promise<BotReply[]> {
  // A second press of the same button brings back the evaluation already under way.
  const goalId = parseGoalToken(token)?.goalId;
  const open = (await listOpenSessions(ctx.db, ctx.actor.staffId)).find(
    (s) => s.kind === "evaluate" && s.pupilId === pupilId && parseGoalToken(String(s.answers.goal?.goal ?? ""))?.goalId === goalId,
  );
  if (open) return ctx.guide.resume(ctx.actor, open.id);
  return ctx.guide.start(ctx.actor, "evaluate", { ...NO_SUBJECT, pupilId }, { goal: { goal: token } });
}

export async function evaluateCommand(ctx: CommandContext, input: CommandInput): Promise<BotReply[]> {
  const goalId = input.args.goalId;
  if (goalId) {
    const goal = await findGoalForEvaluation(ctx.db, ctx.actor, goalId);
    if (goal.status !== "open") return [alreadyEvaluated(ctx, goal)];
    return startForGoal(ctx, goal.pupilId, goal.token);
  }
  if (!input.text.trim() && !input.args.pupilId) return [await evaluationsReply(ctx)];
  const choice = await choosePupil(ctx, input, "evaluate");
  if ("reply" in choice) return [choice.reply];
  const { pupil, goals } = await loadEvaluablePupil(ctx.db, ctx.actor, choice.pupilId);
  if (goals.length === 0) return [{ text: ctx.t("evaluate.noGoals", { name: pupil.firstName }) }];
  if (goals.length === 1) return startForGoal(ctx, pupil.id, goals[0]!.token);
  return ctx.guide.start(ctx.actor, "evaluate", { ...NO_SUBJECT, pupilId: pupil.id });
}

// The evaluation as a teacher answers it in a chat channel, written once for every channel:
// a channel test supplies a driver (how to press a button, type, and submit the step card or
// modal it sees) and compares what was stored. Teams uses it now; Slack adds a driver.
import type { CommandAction } from "../../bot/channel/types.js";
import type { Db } from "../../bot/db/client.js";

export interface ChannelDriver {
  /** Presses a button that carries this command, as this user; returns what the user saw. */
  press(user: string, action: CommandAction): Promise<string>;
  /** Types a message as this user; returns what the user saw. */
  type(user: string, text: string): Promise<string>;
  /**
   * Fills in the step card/modal this user sees now with these values (field id → value as the
   * channel sends it: strings, "true"/"false", YYYY-MM-DD) and submits it. Returns the step id
   * shown next (null when the dialog ended) and what the user saw.
   */
  submitStep(user: string, values: Record<string, string>): Promise<{ stepId: string | null; text: string }>;
}

export interface EvaluationAnswers {
  outcome: "reached" | "partly" | "not_reached" | "later";
  note: string;
  share: boolean;
  /** Who judged it (the ownership tap); left untouched when not given. */
  assessedBy?: "pupil" | "together" | "teacher";
  nextStep?: "new_goal" | "extend" | "stop";
  newDate?: string;
}

/** Opens the evaluation from its button and answers every step; returns the steps seen and the last text. */
export async function answerEvaluation(driver: ChannelDriver, user: string, goalId: string, answers: EvaluationAnswers) {
  const steps: string[] = [];
  const opened = await driver.press(user, { command: "evaluate", args: { goalId } });
  const who: Record<string, string> = answers.assessedBy ? { assessedBy: answers.assessedBy } : {};
  let next = await driver.submitStep(user, { outcome: answers.outcome, note: answers.note, outcome__share: String(answers.share) });
  steps.push("outcome");
  const texts = [opened, next.text];
  while (next.stepId) {
    const stepId: string = next.stepId;
    steps.push(stepId);
    // Who judged it is asked with what comes next: "later" judges nothing.
    const values: Record<string, string> = stepId === "next" ? { ...who, nextStep: answers.nextStep ?? "" } : { newDate: answers.newDate ?? "" };
    next = await driver.submitStep(user, values);
    texts.push(next.text);
    if (steps.length > 5) throw new Error("the evaluation did not end");
  }
  return { steps, opened, text: texts.join("\n") };
}

/** What was stored for a goal, in a form that does not depend on the channel it came through. */
export async function storedEvaluation(db: Db, goalId: string) {
  const goal = await db.goal.findUniqueOrThrow({ where: { id: goalId }, include: { evaluations: { orderBy: { evaluatedAt: "asc" } } } });
  return {
    goalStatus: goal.status,
    evaluationDate: goal.evaluationDate,
    evaluations: goal.evaluations.map((e) => ({
      outcome: e.outcome,
      note: e.note,
      nextStep: e.nextStep,
      shareWithParents: e.shareWithParents,
      evaluatedById: e.evaluatedById,
    })),
  };
}

/** Whether a channel's output carries a button with this action (as Teams data, or as Slack's JSON value). */
export function carriesAction(output: string, action: CommandAction): boolean {
  const json = JSON.stringify(action);
  return output.includes(json.slice(1, -1)) || output.includes(JSON.stringify(json).slice(1, -1));
}

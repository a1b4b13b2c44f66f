// The evaluation-due message (outbox kind "evaluation_due", subject = the goal): rendered when it
// is sent, in the recipient's language, from the goal as it is then. Nothing is rendered (null:
// the message is cancelled) when the goal is gone, closed, rescheduled since the message was
// planned, or no longer the recipient's to evaluate.
import { z } from "zod";
import type { Db } from "../db/client.js";
import type { OutboxRenderer, OutboxRow } from "../outbox/worker.js";
import { loadActor } from "../auth/actor.js";
import { canEvaluateGoal } from "../auth/policy.js";
import { recordAudit } from "../audit.js";
import { buttonFor } from "../domain/actions.js";
import { localDate } from "../domain/local-time.js";
import { LocalDate } from "../domain/vocabulary.js";
import { translatorFor } from "../i18n/translate.js";
import { formatLocalDate } from "../domain/local-time.js";

/** The scheduler plans the message for the goal's evaluation date as it was then. */
const Payload = z.object({ date: LocalDate.optional() }).catch({});

function parsePayload(payload: unknown): { date?: string | undefined } {
  const value = typeof payload === "string" ? safeJson(payload) : payload;
  return Payload.parse(value ?? {});
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/**
 * The goal a message asks the recipient to evaluate, as it is now; null when that no longer
 * holds (the goal is gone, closed, rescheduled since the message was planned, or not theirs).
 */
export async function goalToEvaluate(db: Db, message: Pick<OutboxRow, "subjectId" | "schoolId" | "recipientStaffId" | "payload" | "dueAt">) {
  if (!message.subjectId) return null;
  const goal = await db.goal.findUnique({
    where: { id: message.subjectId },
    select: {
      id: true,
      status: true,
      goalText: true,
      successCriteria: true,
      evaluationDate: true,
      evaluatorId: true,
      pupil: { select: { id: true, schoolId: true, groupId: true, firstName: true, lastName: true, active: true } },
    },
  });
  if (goal?.status !== "open" || !goal.pupil.active || goal.pupil.schoolId !== message.schoolId) return null;
  // "Later" or "extend" moved the date: the message for the new date replaces this one.
  const planned = parsePayload(message.payload).date;
  if (planned !== undefined && planned !== goal.evaluationDate) return null;

  const actor = await loadActor(db, message.recipientStaffId).catch(() => null);
  if (!actor || actor.schoolId !== message.schoolId || !canEvaluateGoal(actor, goal.pupil, goal)) return null;
  if (planned === undefined && goal.evaluationDate && goal.evaluationDate > localDate(message.dueAt, actor.timezone)) return null;
  return { goal, actor };
}

export const evaluationDueMessage: OutboxRenderer = async (message, db) => {
  const found = await goalToEvaluate(db, message);
  if (!found) return null;
  const { goal, actor } = found;
  const t = translatorFor(actor.locale);
  const name = goal.pupil.firstName;
  const dueDay = localDate(message.dueAt, actor.timezone);
  const headline =
    !goal.evaluationDate || goal.evaluationDate >= dueDay
      ? t("evaluationDue.today", { name, goal: goal.goalText })
      : t("evaluationDue.overdue", { name, goal: goal.goalText, date: formatLocalDate(goal.evaluationDate, actor.locale) });
  const lines = [headline];
  if (goal.successCriteria) lines.push(t("evaluationDue.criteria", { criteria: goal.successCriteria }));
  lines.push(t("evaluationDue.ask", { name }));
  // The system read the goal to tell the recipient about it.
  await recordAudit(db, {
    schoolId: message.schoolId,
    actorStaffId: null,
    action: "read",
    entity: "evaluation_due",
    entityId: goal.id,
    pupilId: goal.pupil.id,
  });
  return [
    {
      text: lines.join("\n"),
      actions: [
        buttonFor(t("evaluationDue.button"), "evaluate", { goalId: goal.id }),
        buttonFor(t("evaluate.timeline", { name }), "pupil", { pupilId: goal.pupil.id }),
      ],
    },
  ];
};

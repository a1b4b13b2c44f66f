// Test data for evaluations: a held conversation with a goal (and its agreement) to evaluate.
import type { Db } from "../../bot/db/client.js";

export interface GoalSpec {
  schoolId: string;
  pupilId: string;
  createdById: string;
  evaluatorId?: string | null;
  evaluationDate?: string | null;
  goalText?: string;
  heldAt?: Date;
}

export async function makeHeldGoal(db: Db, spec: GoalSpec) {
  const conversation = await db.conversation.create({
    data: {
      schoolId: spec.schoolId,
      pupilId: spec.pupilId,
      formatKey: "kindplan",
      formatVersion: 1,
      status: "held",
      heldAt: spec.heldAt ?? new Date(Date.now() - 30 * 86_400_000),
      createdById: spec.createdById,
    },
  });
  const goal = await db.goal.create({
    data: {
      pupilId: spec.pupilId,
      conversationId: conversation.id,
      goalText: spec.goalText ?? "Ik wil de tafels van 6 en 7 foutloos opzeggen",
      successCriteria: "Sam zegt de tafels zonder fouten op bij de juf",
      evaluationDate: spec.evaluationDate === undefined ? "2026-11-23" : spec.evaluationDate,
      evaluatorId: spec.evaluatorId === undefined ? spec.createdById : spec.evaluatorId,
      createdById: spec.createdById,
    },
  });
  await db.agreement.create({
    data: {
      pupilId: spec.pupilId,
      conversationId: conversation.id,
      goalId: goal.id,
      who: "Sam en juf Anna",
      what: "oefent elke dag vijf minuten de tafels",
      whenText: "elke dag na de pauze",
    },
  });
  return { conversation, goal };
}

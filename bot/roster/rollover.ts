// A new school year, beyond moving pupils (roster-plan.ts): last year's groups are archived (out of
// every current view, still readable by their teachers), goals last year's teacher was to evaluate
// go to the new group's teachers, and each group that received pupils from last year gets a
// handover for its teachers (handover.ts). Runs inside the roster's own transaction, so a school
// year turns over whole or not at all.
import type { Prisma } from "../db/generated/sqlite/client.js";
import { enqueue } from "../outbox/outbox.js";
import { HANDOVER_NOTICE } from "../services/handover-notice.js";

export interface RolloverCounts {
  groupsArchived: number;
  /** Open goals whose evaluation moved from last year's teacher to the new group's teachers. */
  evaluationsHandedOver: number;
  /** Groups whose teachers get a handover (they received pupils from last year's groups). */
  groupsHandedOver: number;
}

export const NO_ROLLOVER: RolloverCounts = { groupsArchived: 0, evaluationsHandedOver: 0, groupsHandedOver: 0 };

export async function rollOver(
  tx: Prisma.TransactionClient,
  context: { schoolId: string; schoolYear: string; now: Date; notifyAt: Date; movedFrom: ReadonlyMap<string, string | null> },
): Promise<RolloverCounts> {
  const { schoolId, schoolYear, now } = context;
  // Earlier years' groups still in use; the format "YYYY-YYYY" orders as text on both databases.
  const old = await tx.group.findMany({
    where: { schoolId, archivedAt: null, schoolYear: { lt: schoolYear } },
    select: { id: true, teachers: { select: { staffId: true } } },
  });
  if (old.length === 0) return NO_ROLLOVER;
  const teachersOf = new Map(old.map((g) => [g.id, new Set(g.teachers.map((t) => t.staffId))]));

  const fromLastYear = [...context.movedFrom].filter(([, from]) => from !== null && teachersOf.has(from));
  let evaluationsHandedOver = 0;
  for (const [pupilId, from] of fromLastYear) {
    const lastYearsTeachers = [...(teachersOf.get(from!) ?? [])];
    if (lastYearsTeachers.length === 0) continue;
    // An evaluator who is not one of last year's group teachers (the IB'er) keeps the goal.
    const moved = await tx.goal.updateMany({
      where: { pupilId, status: "open", evaluatorId: { in: lastYearsTeachers } },
      data: { evaluatorId: null },
    });
    evaluationsHandedOver += moved.count;
  }

  const pupilIds = fromLastYear.map(([id]) => id);
  const receiving = pupilIds.length
    ? await tx.group.findMany({
        where: { schoolId, schoolYear, pupils: { some: { id: { in: pupilIds } } } },
        select: { id: true, teachers: { select: { staffId: true } } },
      })
    : [];
  for (const group of receiving) {
    await tx.group.update({ where: { id: group.id }, data: { handedOverAt: now } });
    for (const teacher of group.teachers) {
      await enqueue(tx, {
        schoolId,
        recipientStaffId: teacher.staffId,
        kind: HANDOVER_NOTICE,
        subjectId: group.id,
        payload: { groupId: group.id },
        dueAt: context.notifyAt,
        idempotencyKey: `${HANDOVER_NOTICE}:${group.id}:${teacher.staffId}`,
      });
    }
  }
  await tx.group.updateMany({ where: { id: { in: old.map((g) => g.id) } }, data: { archivedAt: now } });
  return { groupsArchived: old.length, evaluationsHandedOver, groupsHandedOver: receiving.length };
}

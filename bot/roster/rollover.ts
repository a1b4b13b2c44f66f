// A new school year, beyond moving pupils (roster-plan.ts): last year's groups are archived (out of
// every current view, still readable by their teachers), goals last year's teacher was to evaluate
// go to the new group's teachers, and each group that received pupils from last year gets a
// handover for its teachers (handover.ts). Runs inside the roster's own transaction, so a school
// year turns over whole or not at all.
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/sqlite/client.js";
import { schoolYearOf } from "../domain/school-year.js";
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
  for (const [pupilId] of fromLastYear) {
    // Every open goal goes to the new group's teachers (evaluator null), also one a teacher of an
    // earlier group that year was to evaluate; only the pupil's own IB'er keeps theirs.
    const supporters = (await tx.pupilSupport.findMany({ where: { pupilId }, select: { staffId: true } })).map((s) => s.staffId);
    const moved = await tx.goal.updateMany({
      where: { pupilId, status: "open", evaluatorId: { not: null, notIn: supporters } },
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

/**
 * Archives groups of an earlier school year that are still in use although the school has groups
 * of the current year: rosters imported before the rollover archived anything. Run nightly; a
 * school without groups of the current year keeps its groups (its new roster is not in yet).
 */
export async function archiveEndedGroups(db: Db, now: Date): Promise<number> {
  const schools = await db.school.findMany({ select: { id: true, timezone: true, schoolYearStart: true } });
  let archived = 0;
  for (const school of schools) {
    const current = schoolYearOf(now, school.timezone, school.schoolYearStart);
    if ((await db.group.count({ where: { schoolId: school.id, schoolYear: current, archivedAt: null } })) === 0) continue;
    const ended = await db.group.updateMany({ where: { schoolId: school.id, schoolYear: { lt: current }, archivedAt: null }, data: { archivedAt: now } });
    archived += ended.count;
  }
  return archived;
}

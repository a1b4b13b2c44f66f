// Progress of whole schools as counts (never names or content): the school's own figures for its
// director and admin, and one line per school of the board for a board_admin.
import type { Db } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { canViewSchoolProgress } from "../auth/policy.js";
import { recordAudit } from "../audit.js";
import { ForbiddenError } from "../errors.js";
import { countProgress, type ProgressCounts } from "./groups.js";
import { currentSchoolYearSpan } from "./school-year.js";

export interface SchoolProgress extends ProgressCounts {
  schoolId: string;
  schoolName: string;
}

/** The counts of one school: of its active pupils in a group (the sum of its groups' lines). */
async function schoolCounts(db: Db, actor: Actor, school: { id: string; name: string; boardId: string | null }, now: Date): Promise<SchoolProgress> {
  if (!canViewSchoolProgress(actor, school)) {
    await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "refused", entity: "school_progress", entityId: school.id });
    throw new ForbiddenError("no progress access to this school");
  }
  const counts = await countProgress(db, { schoolId: school.id, groupId: { not: null }, active: true }, await currentSchoolYearSpan(db, school.id, now));
  await recordAudit(db, { schoolId: school.id, actorStaffId: actor.staffId, action: "read", entity: "school_progress", entityId: school.id });
  return { schoolId: school.id, schoolName: school.name, ...counts };
}

/** The actor's own school as a whole (director, admin). */
export async function getOwnSchoolProgress(db: Db, actor: Actor, now: Date): Promise<SchoolProgress> {
  const school = await db.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { id: true, name: true, boardId: true } });
  return schoolCounts(db, actor, school, now);
}

/** Every school of the actor's board, one entry each, by name (board_admin); refused for anyone else. */
export async function getBoardProgress(db: Db, actor: Actor, now: Date): Promise<{ boardName: string; schools: SchoolProgress[] }> {
  if (!actor.roles.has("board_admin") || actor.boardId === null) {
    await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "refused", entity: "board_progress", entityId: actor.boardId });
    throw new ForbiddenError("not a board admin");
  }
  const board = await db.board.findUniqueOrThrow({
    where: { id: actor.boardId },
    select: { name: true, schools: { select: { id: true, name: true, boardId: true }, orderBy: { name: "asc" } } },
  });
  const schools: SchoolProgress[] = [];
  for (const school of board.schools) schools.push(await schoolCounts(db, actor, school, now));
  return { boardName: board.name, schools };
}

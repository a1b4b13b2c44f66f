// Groups as their teachers, the team leader and the admin see them.
import type { Db } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { canListGroupPupils, canViewGroupProgress } from "../auth/policy.js";
import { recordAudit } from "../audit.js";
import { ForbiddenError, NotFoundError } from "../errors.js";
import { conversationDayIn } from "./school-year.js";

export interface GroupWithPupils {
  id: string;
  name: string;
  bouw: string;
  pupils: { id: string; firstName: string; lastName: string }[];
}

export interface GroupProgress {
  groupId: string;
  groupName: string;
  pupils: number;
  planned: number;
  prepared: number;
  held: number;
  evaluated: number;
  openGoals: number;
}

async function loadGroup(db: Db, actor: Actor, groupId: string) {
  const group = await db.group.findUnique({ where: { id: groupId } });
  if (!group || group.schoolId !== actor.schoolId) throw new NotFoundError("group");
  return group;
}

/** The groups the actor teaches, with their active pupils sorted by first name. */
export async function listTeachingGroups(db: Db, actor: Actor): Promise<GroupWithPupils[]> {
  const groups = await db.group.findMany({
    where: { id: { in: [...actor.groupIds] }, schoolId: actor.schoolId },
    include: { pupils: { where: { active: true }, select: { id: true, firstName: true, lastName: true } } },
    orderBy: { name: "asc" },
  });
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    bouw: g.bouw,
    pupils: [...g.pupils].sort((a, b) => a.firstName.localeCompare(b.firstName, "nl") || a.lastName.localeCompare(b.lastName, "nl")),
  }));
}

export async function listGroupPupils(db: Db, actor: Actor, groupId: string): Promise<GroupWithPupils> {
  const group = await loadGroup(db, actor, groupId);
  if (!canListGroupPupils(actor, group)) {
    await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "refused", entity: "group", entityId: group.id });
    throw new ForbiddenError("not a teacher of this group");
  }
  const pupils = await db.pupil.findMany({
    where: { groupId, active: true },
    select: { id: true, firstName: true, lastName: true },
    orderBy: [{ firstName: "asc" }, { lastName: "asc" }],
  });
  return { id: group.id, name: group.name, bouw: group.bouw, pupils };
}

/**
 * A group's progress in a school year (`during`: currentSchoolYearSpan, read once for all the groups
 * of a reply): counts only, no names or content, so a team leader may see it.
 */
export async function getGroupProgress(db: Db, actor: Actor, groupId: string, during: { gte: Date; lt: Date }): Promise<GroupProgress> {
  const group = await loadGroup(db, actor, groupId);
  if (!canViewGroupProgress(actor, group)) {
    await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "refused", entity: "group_progress", entityId: group.id });
    throw new ForbiddenError("no progress access to this group");
  }
  return { groupId: group.id, groupName: group.name, ...(await countProgress(db, { groupId, active: true }, during)) };
}

export type ProgressCounts = Omit<GroupProgress, "groupId" | "groupName">;

/**
 * The progress counts of the active pupils a filter names (a group's, a school's): counts, never
 * names. Conversations count in the school year `during` spans, by their day (conversationDayIn).
 * Without it, a group's counts in September held the conversations its pupils had last year.
 */
export async function countProgress(
  db: Db,
  pupilFilter: { groupId?: string | { not: null }; schoolId?: string; active: true },
  during: { gte: Date; lt: Date },
) {
  const [pupils, byStatus, openGoals] = await Promise.all([
    db.pupil.count({ where: pupilFilter }),
    db.conversation.groupBy({
      by: ["status"],
      // A conversation belongs to its pupil's school, and a pupil never changes school: the school
      // on the conversation itself lets a school-wide count use Conversation's own index.
      where: {
        pupil: pupilFilter,
        ...(pupilFilter.schoolId ? { schoolId: pupilFilter.schoolId } : {}),
        ...conversationDayIn(during),
      },
      _count: { _all: true },
    }),
    db.goal.count({ where: { pupil: pupilFilter, status: "open" } }),
  ]);
  const count = (status: string) => byStatus.find((s) => s.status === status)?._count._all ?? 0;
  return {
    pupils,
    planned: count("planned"),
    prepared: count("prepared"),
    held: count("held"),
    evaluated: count("evaluated"),
    openGoals,
  } satisfies ProgressCounts;
}

/**
 * The groups whose progress the actor follows as a whole (`voortgang`): every group of the school
 * for the director and the admin, the groups of the bouwen a team leader leads; none for others.
 */
export async function listProgressGroups(db: Db, actor: Actor): Promise<{ id: string; name: string; bouw: string }[]> {
  const wholeSchool = actor.roles.has("director") || actor.roles.has("admin");
  if (!wholeSchool && actor.leads.size === 0) return [];
  return db.group.findMany({
    where: { schoolId: actor.schoolId, archivedAt: null, ...(wholeSchool ? {} : { bouw: { in: [...actor.leads] } }) },
    select: { id: true, name: true, bouw: true },
    orderBy: { name: "asc" },
  });
}

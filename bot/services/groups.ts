// Groups as their teachers, the team leader and the admin see them.
import type { Db } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { canListGroupPupils, canViewGroupProgress } from "../auth/policy.js";
import { recordAudit } from "../audit.js";
import { ForbiddenError, NotFoundError } from "../errors.js";

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

/** Counts only — no names, no content — so a team leader may see it. */
export async function getGroupProgress(db: Db, actor: Actor, groupId: string, roundId?: string): Promise<GroupProgress> {
  const group = await loadGroup(db, actor, groupId);
  if (!canViewGroupProgress(actor, group)) {
    await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "refused", entity: "group_progress", entityId: group.id });
    throw new ForbiddenError("no progress access to this group");
  }
  const pupilFilter = { groupId, active: true };
  const [pupils, byStatus, openGoals] = await Promise.all([
    db.pupil.count({ where: pupilFilter }),
    db.conversation.groupBy({
      by: ["status"],
      where: { pupil: pupilFilter, ...(roundId ? { roundId } : {}) },
      _count: { _all: true },
    }),
    db.goal.count({ where: { pupil: pupilFilter, status: "open" } }),
  ]);
  const count = (status: string) => byStatus.find((s) => s.status === status)?._count._all ?? 0;
  return {
    groupId: group.id,
    groupName: group.name,
    pupils,
    planned: count("planned"),
    prepared: count("prepared"),
    held: count("held"),
    evaluated: count("evaluated"),
    openGoals,
  };
}

/** Groups of the bouwen the actor leads (team leader), for the progress overview. */
export async function listLedGroups(db: Db, actor: Actor): Promise<{ id: string; name: string; bouw: string }[]> {
  if (actor.leads.size === 0) return [];
  return db.group.findMany({
    where: { schoolId: actor.schoolId, bouw: { in: [...actor.leads] }, archivedAt: null },
    select: { id: true, name: true, bouw: true },
    orderBy: { name: "asc" },
  });
}

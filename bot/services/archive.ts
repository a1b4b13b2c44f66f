// Last year's groups, archived at the rollover: readable (never writable) by the teachers who had
// them, as what was recorded in the group that year: per pupil the conversations held there and
// the goals set in them. Audited per group.
import type { Actor } from "../auth/actor.js";
import { canReadArchivedGroup } from "../auth/policy.js";
import { recordAudit } from "../audit.js";
import type { Db } from "../db/client.js";

export interface ArchivedGroupSummary {
  groupId: string;
  groupName: string;
  schoolYear: string;
}

export interface ArchivedPupil {
  name: string;
  conversations: { id: string; date: string; formatKey: string; status: string }[];
  goals: { text: string; status: string }[];
}

/** The archived groups the actor may read, newest school year first. */
export async function listArchivedGroups(db: Db, actor: Actor): Promise<ArchivedGroupSummary[]> {
  const groups = await db.group.findMany({
    where: { schoolId: actor.schoolId, archivedAt: { not: null }, ...(actor.roles.has("content_reader") ? {} : { id: { in: [...actor.archivedGroupIds] } }) },
    orderBy: [{ schoolYear: "desc" }, { name: "asc" }],
    select: { id: true, name: true, schoolYear: true, schoolId: true },
  });
  return groups.filter((g) => canReadArchivedGroup(actor, g)).map((g) => ({ groupId: g.id, groupName: g.name, schoolYear: g.schoolYear }));
}

export async function readArchivedGroup(db: Db, actor: Actor, groupId: string): Promise<ArchivedPupil[] | null> {
  const group = await db.group.findUnique({ where: { id: groupId }, select: { id: true, schoolId: true, archivedAt: true } });
  if (!group?.archivedAt || !canReadArchivedGroup(actor, group)) return null;
  await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "read", entity: "archived_group", entityId: group.id });
  const conversations = await db.conversation.findMany({
    where: { groupId, pupilId: { not: null }, status: { not: "cancelled" } },
    orderBy: [{ heldAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      status: true,
      formatKey: true,
      heldAt: true,
      createdAt: true,
      pupil: { select: { id: true, firstName: true, lastName: true } },
      goals: { select: { goalText: true, status: true } },
    },
  });
  const byPupil = new Map<string, ArchivedPupil>();
  for (const c of conversations) {
    if (!c.pupil) continue;
    const entry = byPupil.get(c.pupil.id) ?? { name: `${c.pupil.firstName} ${c.pupil.lastName}`, conversations: [], goals: [] };
    entry.conversations.push({ id: c.id, date: (c.heldAt ?? c.createdAt).toISOString().slice(0, 10), formatKey: c.formatKey, status: c.status });
    entry.goals.push(...c.goals.map((g) => ({ text: g.goalText, status: g.status })));
    byPupil.set(c.pupil.id, entry);
  }
  return [...byPupil.values()].sort((a, b) => a.name.localeCompare(b.name, "nl"));
}

// The handover at a new school year: for each group a teacher has this year that received pupils
// from last year's groups, per pupil what is still open (goals with their evaluation date) and what
// was agreed, each with whether the pupil agreed it may be shared with parents. Content, so read
// through the pupil scope and audited per group.
import type { Actor } from "../auth/actor.js";
import { pupilsWhere } from "../auth/pupil-scope.js";
import { recordAudit } from "../audit.js";
import type { Db } from "../db/client.js";

export interface HandoverItem {
  text: string;
  shared: boolean;
}

export interface HandoverPupil {
  pupilId: string;
  name: string;
  goals: (HandoverItem & { evaluationDate: string | null })[];
  agreements: HandoverItem[];
}

export interface GroupHandover {
  groupId: string;
  groupName: string;
  schoolYear: string;
  /** Pupils of the group with nothing open are left out; `pupils` counts the whole group. */
  pupils: number;
  open: HandoverPupil[];
}

export async function getHandovers(db: Db, actor: Actor): Promise<GroupHandover[]> {
  const groups = await db.group.findMany({
    where: { id: { in: [...actor.groupIds] }, schoolId: actor.schoolId, handedOverAt: { not: null } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, schoolYear: true, _count: { select: { pupils: { where: { active: true } } } } },
  });
  if (groups.length === 0) return [];
  const pupils = await db.pupil.findMany({
    where: { ...pupilsWhere(actor, "read"), active: true, groupId: { in: groups.map((g) => g.id) }, goals: { some: { status: "open" } } },
    orderBy: [{ firstName: "asc" }, { lastName: "asc" }],
    select: {
      id: true,
      firstName: true,
      lastName: true,
      groupId: true,
      goals: {
        where: { status: "open" },
        orderBy: { createdAt: "asc" },
        select: {
          goalText: true,
          evaluationDate: true,
          shareWithParents: true,
          agreements: { orderBy: { createdAt: "asc" }, select: { who: true, what: true, whenText: true, shareWithParents: true } },
        },
      },
    },
  });
  for (const g of groups) {
    await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "read", entity: "handover", entityId: g.id });
  }
  return groups.map((g) => ({
    groupId: g.id,
    groupName: g.name,
    schoolYear: g.schoolYear,
    pupils: g._count.pupils,
    open: pupils
      .filter((p) => p.groupId === g.id)
      .map((p) => ({
        pupilId: p.id,
        name: `${p.firstName} ${p.lastName}`,
        goals: p.goals.map((goal) => ({ text: goal.goalText, evaluationDate: goal.evaluationDate, shared: goal.shareWithParents })),
        agreements: p.goals.flatMap((goal) =>
          goal.agreements.map((a) => ({ text: [a.who, a.what, a.whenText].filter(Boolean).join(" — "), shared: a.shareWithParents })),
        ),
      })),
  }));
}

// The times a teacher agreed with the parents for a round held with them (a format withParents,
// the startgesprek): shown under the round in `rondes`, for the teacher's own groups only (names
// and times are a pupil list: a team leader sees counts, never this).
import type { Db } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { canListGroupPupils } from "../auth/policy.js";
import { getFormat } from "../formats/registry.js";
import type { RoundSummary } from "./rounds.js";

export interface AgreedTime {
  pupilName: string;
  plannedAt: Date;
  place: string | null;
}

/** Whether a round's conversations are held with the parents at the table. */
export async function roundWithParents(db: Db, actor: Actor, round: Pick<RoundSummary, "formatKey">): Promise<boolean> {
  const format = await getFormat(db, actor.schoolId, round.formatKey).catch(() => null);
  return format?.withParents === true;
}

/** The planned conversations of a round held with the parents, in the actor's own groups, by time. */
export async function agreedParentTimes(db: Db, actor: Actor, round: Pick<RoundSummary, "id" | "formatKey" | "groups">): Promise<AgreedTime[]> {
  const groupIds = round.groups.filter((g) => actor.groupIds.has(g.id) && canListGroupPupils(actor, { ...g, schoolId: actor.schoolId })).map((g) => g.id);
  if (groupIds.length === 0 || !(await roundWithParents(db, actor, round))) return [];
  const planned = await db.conversation.findMany({
    where: {
      roundId: round.id,
      schoolId: actor.schoolId,
      status: { in: ["planned", "prepared"] },
      plannedAt: { not: null },
      pupil: { groupId: { in: groupIds }, active: true },
    },
    select: { plannedAt: true, place: true, pupil: { select: { firstName: true, lastName: true } } },
    orderBy: { plannedAt: "asc" },
  });
  return planned.flatMap((c) =>
    c.pupil && c.plannedAt ? [{ pupilName: `${c.pupil.firstName} ${c.pupil.lastName}`, plannedAt: c.plannedAt, place: c.place }] : [],
  );
}

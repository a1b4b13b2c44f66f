import type { Db, Tx } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { canListGroupPupils, canWritePupilContent } from "../auth/policy.js";
import { recordAudit } from "../audit.js";
import { ForbiddenError, NotFoundError } from "../errors.js";
import { parseWeekdays } from "../domain/vocabulary.js";
import { findDirectSql } from "../db/direct-sql.js";
import { AppError, ErrorCode } from "../errors.js";
import { localDate } from "../domain/local-time.js";
import { conversationPerPupil, getRound, type RoundSummary } from "./rounds.js";
import { isHeldStatus } from "../domain/vocabulary.js";
import { syncRoundMembership } from "./round-membership.js";

export interface PlanningPupil {
  id: string;
  firstName: string;
  lastName: string;
  /** The pupil's conversation in this round, if planned. */
  conversation: { id: string; status: string; plannedAt: Date | null } | null;
}

export interface PlanningGroup {
  round: RoundSummary;
  group: { id: string; name: string; bouw: string };
  pupils: PlanningPupil[];
  teachers: { staffId: string; workingDays: number[] }[];
}

/** A teacher's view for planning: the group's pupils with their conversation in the round. */
export async function planningGroup(db: Db, actor: Actor, roundId: string, groupId: string): Promise<PlanningGroup> {
  const round = await getRound(db, actor, roundId);
  const group = round.groups.find((g) => g.id === groupId);
  if (!group) throw new NotFoundError("group");
  if (!canListGroupPupils(actor, { ...group, schoolId: actor.schoolId })) throw new ForbiddenError("not a teacher of this group");
  const [pupils, conversations, teachers] = await Promise.all([
    db.pupil.findMany({
      where: { groupId, active: true },
      select: { id: true, firstName: true, lastName: true },
      orderBy: [{ firstName: "asc" }, { lastName: "asc" }],
    }),
    // The round's conversations of the group's pupils now, however each was started (see bot/rounds/membership.ts).
    db.conversation.findMany({
      where: { roundId, status: { not: "cancelled" }, pupil: { groupId, active: true } },
      select: { id: true, pupilId: true, status: true, plannedAt: true, createdAt: true },
    }),
    db.groupTeacher.findMany({ where: { groupId }, select: { staffId: true, workingDays: true } }),
  ]);
  const byPupil = conversationPerPupil(conversations);
  return {
    round,
    group,
    pupils: pupils.map((p) => {
      const c = byPupil.get(p.id);
      return { ...p, conversation: c ? { id: c.id, status: c.status, plannedAt: c.plannedAt } : null };
    }),
    teachers: teachers.map((t) => ({ staffId: t.staffId, workingDays: parseWeekdays(t.workingDays) })),
  };
}

export interface PlanItem {
  pupilId: string;
  plannedAt: Date;
  durationMinutes: number;
  /** Where it takes place (noted for a conversation with the parents); absent leaves it as it was. */
  place?: string;
}

/**
 * Plans (or moves) pupils' conversations in a round. A pupil who already has a conversation in
 * the round that was not held yet is moved, never doubled; a held one is left alone.
 */
export async function planConversations(
  tx: Tx,
  actor: Actor,
  roundId: string,
  groupId: string,
  items: PlanItem[],
  options: { moveExisting: boolean } = { moveExisting: true },
): Promise<{ id: string; pupilId: string; plannedAt: Date; durationMinutes: number }[]> {
  // Two duo-partners planning at once must not both create a pupil's conversation: on PostgreSQL
  // the round row is locked for the transaction (SQLite runs one transaction at a time anyway).
  if (findDirectSql(tx)?.provider === "postgresql") {
    await tx.$queryRawUnsafe(`SELECT "id" FROM "Round" WHERE "id" = $1 FOR UPDATE`, roundId);
  }
  const round = await tx.round.findUnique({ where: { id: roundId }, include: { groups: true, school: { select: { timezone: true } } } });
  if (!round || round.schoolId !== actor.schoolId || round.status !== "active") throw new NotFoundError("round");
  if (!round.groups.some((g) => g.groupId === groupId)) throw new NotFoundError("group");
  // A day outside the window would not belong to the round (bot/rounds/membership.ts).
  for (const item of items) {
    const day = localDate(item.plannedAt, round.school.timezone);
    if (day < round.startDate || day > round.endDate) throw new AppError(ErrorCode.ValidationFailed, "planned outside the round's window");
  }
  const format = await tx.conversationFormat.findFirst({
    where: { key: round.formatKey, OR: [{ schoolId: actor.schoolId }, { schoolId: null }] },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  const planned = [];
  for (const item of items) {
    const pupil = await tx.pupil.findUnique({ where: { id: item.pupilId }, select: { id: true, schoolId: true, groupId: true, active: true } });
    if (!pupil || pupil.schoolId !== actor.schoolId || pupil.groupId !== groupId || !pupil.active) throw new NotFoundError("pupil");
    if (!canWritePupilContent(actor, pupil)) {
      await recordAudit(tx, {
        schoolId: actor.schoolId,
        actorStaffId: actor.staffId,
        action: "refused",
        entity: "pupil",
        entityId: pupil.id,
        pupilId: pupil.id,
      });
      throw new ForbiddenError("no write access to this pupil");
    }
    const inRound = await tx.conversation.findMany({
      where: { roundId, pupilId: item.pupilId, status: { not: "cancelled" } },
      orderBy: { createdAt: "desc" },
    });
    // Held in the round (however it was started): done. Otherwise the latest pending one is moved.
    if (inRound.some((c) => isHeldStatus(c.status))) continue;
    const existing = inRound[0];
    if (existing && !options.moveExisting) continue;
    const data = { plannedAt: item.plannedAt, durationMinutes: item.durationMinutes, groupId, ...(item.place ? { place: item.place } : {}) };
    const conversation = existing
      ? await tx.conversation.update({ where: { id: existing.id }, data })
      : await tx.conversation.create({
          data: {
            ...data,
            schoolId: actor.schoolId,
            pupilId: item.pupilId,
            roundId,
            formatKey: round.formatKey,
            formatVersion: format?.version ?? 1,
            status: "planned",
            createdById: actor.staffId,
            teachers: { create: { staffId: actor.staffId } },
          },
        });
    // Whoever moves it holds it: reminders and the pupil form follow them. (Reminders for the
    // old moment render as nothing: their key names the planned instant.)
    if (existing) {
      await tx.conversationTeacher.deleteMany({ where: { conversationId: existing.id, staffId: { not: actor.staffId } } });
      await tx.conversationTeacher.upsert({
        where: { conversationId_staffId: { conversationId: existing.id, staffId: actor.staffId } },
        create: { conversationId: existing.id, staffId: actor.staffId },
        update: {},
      });
    }
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorStaffId: actor.staffId,
      action: existing ? "update" : "create",
      entity: "conversation",
      entityId: conversation.id,
      pupilId: item.pupilId,
    });
    planned.push({ id: conversation.id, pupilId: item.pupilId, plannedAt: item.plannedAt, durationMinutes: item.durationMinutes });
  }
  // Planned in this round's window; the rule still decides (a later round overlapping the day wins).
  if (planned.length > 0) await syncRoundMembership(tx, actor.schoolId, { conversationIds: planned.map((p) => p.id) });
  return planned;
}

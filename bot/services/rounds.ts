// Conversation rounds: a team leader plans "every pupil of these groups has a conversation between
// these dates"; teachers plan their pupils into it; everyone watches progress as counts only.
import { z } from "zod";
import type { Db, Tx } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { canListGroupPupils, canManageRounds, canViewGroupProgress, canWritePupilContent } from "../auth/policy.js";
import { recordAudit } from "../audit.js";
import { AppError, ErrorCode, ForbiddenError, NotFoundError } from "../errors.js";
import { Bouw, LocalDate, parseWeekdays } from "../domain/vocabulary.js";
import { localDate } from "../domain/local-time.js";
import { cancelPending } from "../outbox/outbox.js";
import { findDirectSql } from "../db/direct-sql.js";

export const RoundInput = z
  .object({
    name: z.string().trim().min(1).max(80),
    formatKey: z.string().min(1).max(64),
    groupIds: z.array(z.string().min(1)).min(1).max(60),
    startDate: LocalDate,
    endDate: LocalDate,
    evaluationIntervalDays: z.number().int().min(7).max(366),
  })
  .refine((r) => r.endDate >= r.startDate, { message: "the end date is before the start date", path: ["endDate"] });
export type RoundInput = z.infer<typeof RoundInput>;

export interface RoundSummary {
  id: string;
  name: string;
  formatKey: string;
  startDate: string;
  endDate: string;
  evaluationIntervalDays: number;
  status: string;
  groups: { id: string; name: string; bouw: string }[];
}

async function requireManageableGroups(db: Db | Tx, actor: Actor, groupIds: string[]) {
  const groups = await db.group.findMany({ where: { id: { in: groupIds }, schoolId: actor.schoolId }, select: { id: true, name: true, bouw: true } });
  if (groups.length !== new Set(groupIds).size) throw new NotFoundError("group");
  for (const group of groups) {
    if (!canManageRounds(actor, actor.schoolId, Bouw.parse(group.bouw))) {
      await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "refused", entity: "round", entityId: group.id });
      throw new ForbiddenError("not the team leader of this bouw");
    }
  }
  return groups;
}

/** The groups a team leader may put in a round: those of the bouwen they lead (all for the admin). */
export async function listRoundableGroups(db: Db, actor: Actor): Promise<{ id: string; name: string; bouw: string }[]> {
  const groups = await db.group.findMany({ where: { schoolId: actor.schoolId }, select: { id: true, name: true, bouw: true }, orderBy: { name: "asc" } });
  return groups.filter((g) => canManageRounds(actor, actor.schoolId, Bouw.parse(g.bouw)));
}

function commonBouw(groups: { bouw: string }[]): string | null {
  const bouwen = new Set(groups.map((g) => g.bouw));
  return bouwen.size === 1 ? [...bouwen][0]! : null;
}

/** What the team leader chose, as stored; the bouw is the groups' own when they share one. */
function roundFields(data: RoundInput, groups: { bouw: string }[]) {
  const { name, formatKey, startDate, endDate, evaluationIntervalDays } = data;
  return { name, formatKey, bouw: commonBouw(groups), startDate, endDate, evaluationIntervalDays };
}

export async function createRound(tx: Tx, actor: Actor, input: RoundInput): Promise<string> {
  const data = RoundInput.parse(input);
  const groups = await requireManageableGroups(tx, actor, data.groupIds);
  const round = await tx.round.create({
    data: {
      ...roundFields(data, groups),
      schoolId: actor.schoolId,
      createdById: actor.staffId,
      groups: { create: groups.map((g) => ({ groupId: g.id })) },
    },
  });
  await recordAudit(tx, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "create", entity: "round", entityId: round.id });
  return round.id;
}

async function requireManageableRound(db: Db | Tx, actor: Actor, roundId: string) {
  const round = await db.round.findUnique({ where: { id: roundId }, include: { groups: { include: { group: { select: { id: true, name: true, bouw: true } } } } } });
  if (!round || round.schoolId !== actor.schoolId) throw new NotFoundError("round");
  await requireManageableGroups(db, actor, round.groups.map((g) => g.groupId));
  return round;
}

export async function updateRound(tx: Tx, actor: Actor, roundId: string, input: RoundInput): Promise<void> {
  const data = RoundInput.parse(input);
  const round = await requireManageableRound(tx, actor, roundId);
  if (round.status !== "active") throw new AppError(ErrorCode.ValidationFailed, "round is cancelled");
  const groups = await requireManageableGroups(tx, actor, data.groupIds);
  await tx.round.update({
    where: { id: roundId },
    data: roundFields(data, groups),
  });
  await tx.roundGroup.deleteMany({ where: { roundId, groupId: { notIn: groups.map((g) => g.id) } } });
  for (const group of groups) {
    await tx.roundGroup.upsert({ where: { roundId_groupId: { roundId, groupId: group.id } }, create: { roundId, groupId: group.id }, update: {} });
  }
  // Queued nudges stay: their renderer compares the round's dates and groups at send time, and
  // the scheduler queues new ones under new keys when the dates changed.
  await recordAudit(tx, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "update", entity: "round", entityId: roundId });
}

/** Cancels the round and its pending nudges. Conversations already planned stay with the teachers. */
export async function cancelRound(tx: Tx, actor: Actor, roundId: string): Promise<void> {
  await requireManageableRound(tx, actor, roundId);
  await tx.round.update({ where: { id: roundId }, data: { status: "cancelled" } });
  await cancelPending(tx, { subjectId: roundId });
  await recordAudit(tx, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "update", entity: "round", entityId: roundId });
}

type RoundRow = Omit<RoundSummary, "groups"> & { groups: { group: RoundSummary["groups"][number] }[] };

function summary(round: RoundRow): RoundSummary {
  return {
    id: round.id,
    name: round.name,
    formatKey: round.formatKey,
    startDate: round.startDate,
    endDate: round.endDate,
    evaluationIntervalDays: round.evaluationIntervalDays,
    status: round.status,
    groups: round.groups.map((g) => g.group).sort((a, b) => a.name.localeCompare(b.name, "nl")),
  };
}

const ROUND_INCLUDE = { groups: { include: { group: { select: { id: true, name: true, bouw: true } } } } } as const;

/** Active rounds the actor manages, or that include a group the actor teaches; newest first. */
export async function listRounds(db: Db, actor: Actor): Promise<(RoundSummary & { manageable: boolean; teaching: boolean })[]> {
  const rounds = await db.round.findMany({ where: { schoolId: actor.schoolId, status: "active" }, include: ROUND_INCLUDE, orderBy: { startDate: "desc" } });
  return rounds
    .map((r) => {
      const s = summary(r);
      const manageable = s.groups.every((g) => canManageRounds(actor, actor.schoolId, Bouw.parse(g.bouw)));
      const teaching = s.groups.some((g) => actor.groupIds.has(g.id));
      return { ...s, manageable, teaching };
    })
    .filter((r) => r.manageable || r.teaching || r.groups.some((g) => canViewGroupProgress(actor, { ...g, schoolId: actor.schoolId })));
}

export async function getRound(db: Db, actor: Actor, roundId: string): Promise<RoundSummary> {
  const round = await db.round.findUnique({ where: { id: roundId }, include: ROUND_INCLUDE });
  if (!round || round.schoolId !== actor.schoolId) throw new NotFoundError("round");
  const s = summary(round);
  if (!s.groups.some((g) => canViewGroupProgress(actor, { ...g, schoolId: actor.schoolId }))) throw new ForbiddenError("not part of this round");
  return s;
}

export interface RoundGroupProgress {
  groupId: string;
  groupName: string;
  pupils: number;
  planned: number;
  held: number;
  evaluated: number;
  /** Planned conversations whose date passed unrecorded, plus, after the round, pupils never planned. */
  overdue: number;
}

const HELD = ["held", "evaluated"];

/** Counts only — never names or content — so a team leader may see it for the whole bouw. */
export async function roundProgress(db: Db, actor: Actor, roundId: string, now: Date): Promise<{ round: RoundSummary; groups: RoundGroupProgress[] }> {
  const round = await getRound(db, actor, roundId);
  const today = localDate(now, actor.timezone);
  const visible = round.groups.filter((g) => canViewGroupProgress(actor, { ...g, schoolId: actor.schoolId }));
  const groupIds = visible.map((g) => g.id);
  const [pupils, conversations] = await Promise.all([
    db.pupil.findMany({ where: { groupId: { in: groupIds }, active: true }, select: { id: true, groupId: true } }),
    db.conversation.findMany({
      where: { roundId, status: { not: "cancelled" }, pupil: { groupId: { in: groupIds }, active: true } },
      select: { pupilId: true, status: true, plannedAt: true, goals: { select: { status: true } } },
    }),
  ]);
  const byPupil = new Map(conversations.map((c) => [c.pupilId!, c]));
  const groups = visible.map((g) => {
    const ids = pupils.filter((p) => p.groupId === g.id).map((p) => p.id);
    let planned = 0, held = 0, evaluated = 0, overdue = 0;
    for (const id of ids) {
      const c = byPupil.get(id);
      if (!c) {
        if (today > round.endDate) overdue++;
        continue;
      }
      planned++;
      if (HELD.includes(c.status)) {
        held++;
        if (c.status === "evaluated" || (c.goals.length > 0 && c.goals.every((goal) => goal.status !== "open"))) evaluated++;
      } else if (c.plannedAt && c.plannedAt < now) overdue++;
    }
    return { groupId: g.id, groupName: g.name, pupils: ids.length, planned, held, evaluated, overdue };
  });
  await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "read", entity: "round_progress", entityId: roundId });
  return { round, groups };
}

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
    db.pupil.findMany({ where: { groupId, active: true }, select: { id: true, firstName: true, lastName: true }, orderBy: [{ firstName: "asc" }, { lastName: "asc" }] }),
    db.conversation.findMany({ where: { roundId, groupId, status: { not: "cancelled" } }, select: { id: true, pupilId: true, status: true, plannedAt: true } }),
    db.groupTeacher.findMany({ where: { groupId }, select: { staffId: true, workingDays: true } }),
  ]);
  const byPupil = new Map(conversations.map((c) => [c.pupilId, c]));
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
  const round = await tx.round.findUnique({ where: { id: roundId }, include: { groups: true } });
  if (!round || round.schoolId !== actor.schoolId || round.status !== "active") throw new NotFoundError("round");
  if (!round.groups.some((g) => g.groupId === groupId)) throw new NotFoundError("group");
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
      await recordAudit(tx, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "refused", entity: "pupil", entityId: pupil.id, pupilId: pupil.id });
      throw new ForbiddenError("no write access to this pupil");
    }
    const existing = await tx.conversation.findFirst({ where: { roundId, pupilId: item.pupilId, status: { not: "cancelled" } } });
    if (existing && (HELD.includes(existing.status) || !options.moveExisting)) continue;
    const data = { plannedAt: item.plannedAt, durationMinutes: item.durationMinutes };
    const conversation = existing
      ? await tx.conversation.update({ where: { id: existing.id }, data })
      : await tx.conversation.create({
          data: {
            ...data,
            schoolId: actor.schoolId,
            pupilId: item.pupilId,
            groupId,
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
    await recordAudit(tx, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: existing ? "update" : "create", entity: "conversation", entityId: conversation.id, pupilId: item.pupilId });
    planned.push({ id: conversation.id, pupilId: item.pupilId, plannedAt: item.plannedAt, durationMinutes: item.durationMinutes });
  }
  return planned;
}

// A round's interval changes rarely and is read on every conversation turn of a round: cached a minute.
const intervalCache = new Map<string, { until: number; days: number | null }>();

/** Days after the conversation that its goals are evaluated, as the round says; null for no round. */
export async function roundEvaluationInterval(db: Db, roundId: string): Promise<number | null> {
  const hit = intervalCache.get(roundId);
  if (hit && hit.until > Date.now()) return hit.days;
  const round = await db.round.findUnique({ where: { id: roundId }, select: { evaluationIntervalDays: true } });
  const days = round?.evaluationIntervalDays ?? null;
  intervalCache.set(roundId, { until: Date.now() + 60_000, days });
  return days;
}

// Conversation rounds: a team leader plans "every pupil of these groups has a conversation between
// these dates"; teachers plan their pupils into it; everyone watches progress as counts only.
import { z } from "zod";
import type { Db, Tx } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { canManageRounds, canViewGroupProgress } from "../auth/policy.js";
import { recordAudit } from "../audit.js";
import { AppError, ErrorCode, ForbiddenError, NotFoundError } from "../errors.js";
import { Bouw, isHeldStatus, LocalDate } from "../domain/vocabulary.js";
import { localDate } from "../domain/local-time.js";
import { cancelPending } from "../outbox/outbox.js";
import { furthestConversation } from "../rounds/membership.js";
import { syncRoundMembership } from "./round-membership.js";

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
  const groups = await db.group.findMany({
    where: { id: { in: groupIds }, schoolId: actor.schoolId, archivedAt: null },
    select: { id: true, name: true, bouw: true },
  });
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
  const groups = await db.group.findMany({
    where: { schoolId: actor.schoolId, archivedAt: null },
    select: { id: true, name: true, bouw: true },
    orderBy: { name: "asc" },
  });
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
  // Conversations already held, prepared or planned in its window count for it from the start.
  await syncRoundMembership(tx, actor.schoolId, { roundIds: [round.id] });
  await recordAudit(tx, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "create", entity: "round", entityId: round.id });
  return round.id;
}

async function requireManageableRound(db: Db | Tx, actor: Actor, roundId: string) {
  const round = await db.round.findUnique({
    where: { id: roundId },
    include: { groups: { include: { group: { select: { id: true, name: true, bouw: true } } } } },
  });
  if (!round || round.schoolId !== actor.schoolId) throw new NotFoundError("round");
  await requireManageableGroups(
    db,
    actor,
    round.groups.map((g) => g.groupId),
  );
  return round;
}

export async function updateRound(tx: Tx, actor: Actor, roundId: string, input: RoundInput): Promise<void> {
  const data = RoundInput.parse(input);
  const round = await requireManageableRound(tx, actor, roundId);
  if (round.status !== "active") throw new AppError(ErrorCode.ValidationFailed, `round is ${round.status}`);
  const groups = await requireManageableGroups(tx, actor, data.groupIds);
  await tx.round.update({
    where: { id: roundId },
    data: roundFields(data, groups),
  });
  await tx.roundGroup.deleteMany({ where: { roundId, groupId: { notIn: groups.map((g) => g.id) } } });
  for (const group of groups) {
    await tx.roundGroup.upsert({ where: { roundId_groupId: { roundId, groupId: group.id } }, create: { roundId, groupId: group.id }, update: {} });
  }
  // A moved window or changed groups take in, and give up, conversations by the same rule.
  await syncRoundMembership(tx, actor.schoolId, { roundIds: [roundId] });
  // Queued nudges stay: their renderer compares the round's dates and groups at send time, and
  // the scheduler queues new ones under new keys when the dates changed.
  await recordAudit(tx, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "update", entity: "round", entityId: roundId });
}

/** Cancels the round and its pending nudges. Conversations already planned stay with the teachers. */
export async function cancelRound(tx: Tx, actor: Actor, roundId: string): Promise<void> {
  const round = await requireManageableRound(tx, actor, roundId);
  // A closed round is history: cancelling it would move its held conversations to another round.
  if (round.status !== "active") throw new AppError(ErrorCode.ValidationFailed, `round is ${round.status}`);
  await tx.round.update({ where: { id: roundId }, data: { status: "cancelled" } });
  await cancelPending(tx, { subjectId: roundId });
  // Its conversations stay its own (history), unless an active round covers them too.
  await syncRoundMembership(tx, actor.schoolId, { roundIds: [roundId] });
  await recordAudit(tx, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "update", entity: "round", entityId: roundId });
}

/**
 * Rounds that ended before `endedBefore` (school-local date) become history: closed, no longer
 * listed or changed. Membership treats a closed round like an active one (bot/rounds/membership.ts).
 */
export async function closeEndedRounds(db: Db, schoolId: string, endedBefore: string, dryRun = false): Promise<number> {
  const where = { schoolId, status: "active", endDate: { lt: endedBefore } };
  return dryRun ? db.round.count({ where }) : (await db.round.updateMany({ where, data: { status: "closed" } })).count;
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

/**
 * Other rounds of the school (running or ended, not cancelled) that cover one of these groups on a day of this period, with the
 * groups they share. Overlap is allowed (a startgesprek round beside a wellbeing round), but a
 * conversation in the overlap belongs to the round that started last (bot/rounds/membership.ts),
 * so whoever creates or moves a round is told which rounds it now shares days with.
 */
export async function overlappingRounds(
  db: Db | Tx,
  actor: Actor,
  period: { groupIds: readonly string[]; startDate: string; endDate: string; exceptRoundId?: string | null },
): Promise<{ name: string; startDate: string; endDate: string; groupNames: string[] }[]> {
  const rounds = await db.round.findMany({
    where: {
      schoolId: actor.schoolId,
      // An ended (closed) round counts like a running one in membership: its held conversations could move too.
      status: { not: "cancelled" },
      startDate: { lte: period.endDate },
      endDate: { gte: period.startDate },
      groups: { some: { groupId: { in: [...period.groupIds] } } },
      ...(period.exceptRoundId ? { id: { not: period.exceptRoundId } } : {}),
    },
    include: ROUND_INCLUDE,
    orderBy: { startDate: "asc" },
  });
  return rounds.map((r) => ({
    name: r.name,
    startDate: r.startDate,
    endDate: r.endDate,
    groupNames: r.groups.filter((g) => period.groupIds.includes(g.group.id)).map((g) => g.group.name),
  }));
}

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

/** Each pupil's conversation in a round: the one furthest along when there are several. */
export function conversationPerPupil<T extends { pupilId: string | null; status: string; createdAt: Date }>(conversations: T[]): Map<string, T> {
  const byPupil = new Map<string, T[]>();
  for (const c of conversations) if (c.pupilId) byPupil.set(c.pupilId, [...(byPupil.get(c.pupilId) ?? []), c]);
  const result = new Map<string, T>();
  for (const [pupilId, list] of byPupil) {
    const furthest = furthestConversation(list);
    if (furthest) result.set(pupilId, furthest);
  }
  return result;
}

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
      select: { pupilId: true, status: true, plannedAt: true, createdAt: true, goals: { select: { status: true } } },
    }),
  ]);
  const byPupil = conversationPerPupil(conversations);
  const groups = visible.map((g) => {
    const ids = pupils.filter((p) => p.groupId === g.id).map((p) => p.id);
    let planned = 0,
      held = 0,
      evaluated = 0,
      overdue = 0;
    for (const id of ids) {
      const c = byPupil.get(id);
      if (!c) {
        if (today > round.endDate) overdue++;
        continue;
      }
      planned++;
      if (isHeldStatus(c.status)) {
        held++;
        if (c.status === "evaluated" || (c.goals.length > 0 && c.goals.every((goal) => goal.status !== "open"))) evaluated++;
      } else if (c.plannedAt && c.plannedAt < now) overdue++;
    }
    return { groupId: g.id, groupName: g.name, pupils: ids.length, planned, held, evaluated, overdue };
  });
  await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "read", entity: "round_progress", entityId: roundId });
  return { round, groups };
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

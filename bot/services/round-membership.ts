// Keeps Conversation.roundId true to the membership rule (bot/rounds/membership.ts), so every read
// of a round (rondes, plannen, the nudges, the evaluation interval, a pupil's data export) is one
// indexed lookup on roundId. Called in the same transaction as every write that can change the
// answer: a conversation planned, prepared, held or re-dated; a round created, changed or
// cancelled. The reminder producer also runs it for the recent rounds, which heals what was
// stored before this rule existed and anything a path outside this list changed.
import type { Db, Tx } from "../db/client.js";
import { addDays } from "../domain/school-calendar.js";
import { localDate, zonedTimeToUtc } from "../domain/local-time.js";
import { membershipDays, roundOfConversation, type MembershipRound } from "../rounds/membership.js";

export interface MembershipScope {
  /** Conversations just written. */
  conversationIds?: readonly string[];
  /** Rounds just created or changed: what they hold now and what they may have to take or give up. */
  roundIds?: readonly string[];
}

const CONVERSATION_SELECT = {
  id: true,
  pupilId: true,
  groupId: true,
  roundId: true,
  status: true,
  heldAt: true,
  plannedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** Instants inside a round's window: [its first day's midnight, the midnight after its last day). */
function windowInstants(round: { startDate: string; endDate: string }, timezone: string) {
  return { gte: zonedTimeToUtc(round.startDate, "00:00", timezone), lt: zonedTimeToUtc(addDays(round.endDate, 1), "00:00", timezone) };
}

interface ScopeRound {
  id: string;
  startDate: string;
  endDate: string;
  groups: { groupId: string }[];
}

const SCOPE_ROUND_SELECT = { id: true, startDate: true, endDate: true, groups: { select: { groupId: true } } } as const;

/** The conversations written, and those the rounds hold now or may have to take (their groups, in their window). */
async function candidates(db: Db | Tx, schoolId: string, conversationIds: readonly string[], rounds: ScopeRound[], timezone: string) {
  const inWindow = rounds.map((r) => {
    const at = windowInstants(r, timezone);
    return {
      pupilId: { not: null },
      groupId: { in: r.groups.map((g) => g.groupId) },
      OR: [{ heldAt: at }, { plannedAt: at }, { plannedAt: null, createdAt: at }],
    };
  });
  const or = [
    ...(conversationIds.length ? [{ id: { in: [...conversationIds] } }] : []),
    ...(rounds.length ? [{ roundId: { in: rounds.map((r) => r.id) } }] : []),
    ...inWindow,
  ];
  if (or.length === 0) return [];
  return db.conversation.findMany({ where: { schoolId, OR: or }, select: CONVERSATION_SELECT });
}

/** The rounds that could hold any of these days for any of these groups. */
async function roundsCovering(db: Db | Tx, schoolId: string, groupIds: string[], days: string[]): Promise<MembershipRound[]> {
  if (groupIds.length === 0 || days.length === 0) return [];
  const sorted = [...days].sort();
  const rows = await db.round.findMany({
    where: { schoolId, startDate: { lte: sorted.at(-1)! }, endDate: { gte: sorted[0]! }, groups: { some: { groupId: { in: groupIds } } } },
    select: { id: true, status: true, startDate: true, endDate: true, createdAt: true, groups: { select: { groupId: true } } },
  });
  return rows.map((r) => ({ ...r, groupIds: r.groups.map((g) => g.groupId) }));
}

/**
 * Sets Conversation.roundId to what the rule says for the conversations in scope; returns how
 * many changed. A row is only changed if it is still as read (same roundId and updatedAt), so a
 * run that read before a concurrent write never undoes it; updatedAt is kept, as membership is
 * derived, not edited by anyone.
 */
export async function syncRoundMembership(db: Db | Tx, schoolId: string, scope: MembershipScope): Promise<number> {
  const school = await db.school.findUnique({ where: { id: schoolId }, select: { timezone: true } });
  if (!school) return 0;
  const rounds = scope.roundIds?.length ? await db.round.findMany({ where: { id: { in: [...scope.roundIds] }, schoolId }, select: SCOPE_ROUND_SELECT }) : [];
  return syncInSchool(db, schoolId, school.timezone, scope.conversationIds ?? [], rounds);
}

async function syncInSchool(db: Db | Tx, schoolId: string, timezone: string, conversationIds: readonly string[], scopeRounds: ScopeRound[]): Promise<number> {
  const rows = await candidates(db, schoolId, conversationIds, scopeRounds, timezone);
  const groupIds = [...new Set(rows.flatMap((c) => (c.groupId ? [c.groupId] : [])))];
  const rounds = await roundsCovering(
    db,
    schoolId,
    groupIds,
    rows.flatMap((c) => membershipDays(c, timezone)),
  );
  let changed = 0;
  for (const c of rows) {
    const roundId = roundOfConversation(c, rounds, timezone);
    if (roundId === c.roundId) continue;
    const result = await db.conversation.updateMany({
      where: { id: c.id, roundId: c.roundId, updatedAt: c.updatedAt },
      data: { roundId, updatedAt: c.updatedAt },
    });
    changed += result.count;
  }
  return changed;
}

/** Rounds still shown in `rondes` (ended four weeks ago or later): the producer's safety net. */
export const RECENT_ROUND_DAYS = 28;

export async function syncRecentRounds(db: Db, school: { id: string; timezone: string }, now: Date): Promise<number> {
  const since = addDays(localDate(now, school.timezone), -RECENT_ROUND_DAYS);
  const rounds = await db.round.findMany({ where: { schoolId: school.id, endDate: { gte: since } }, select: SCOPE_ROUND_SELECT });
  return rounds.length ? syncInSchool(db, school.id, school.timezone, [], rounds) : 0;
}

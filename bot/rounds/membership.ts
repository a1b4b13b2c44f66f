// Round membership, the one rule: a pupil's conversation belongs to the round that covers the
// pupil's group and the conversation's day, however it was started (plannen, voorbereiden or
// gesprek). Pure; bot/services/round-membership.ts keeps Conversation.roundId true to it.
//
// - The group is the pupil's group when the conversation was planned, prepared or held
//   (Conversation.groupId), so last year's conversations stay in last year's rounds after the
//   pupils moved up a group.
// - The day (school-local, both ends of a window inclusive): a held conversation counts by the day
//   it was held; if no round covers that day, by the day it was planned for (planned in the round
//   and held a little late, it is still the round's). One not held yet counts by its planned day,
//   or, without one, by the day it was created.
// - A cancelled conversation, a groepsgesprek, or one outside every window belongs to no round.
// - Two rounds covering the same group and day: an active (or closed: ended, history) round before
//   a cancelled one (a cancelled round keeps its conversations as history unless another covers them), then
//   the one whose window started last, then the one created last, then the greater id.
import { localDate } from "../domain/local-time.js";
import { DISCUSSED_STATUS, isHeldStatus } from "../domain/vocabulary.js";

export interface MembershipConversation {
  pupilId: string | null;
  groupId: string | null;
  status: string;
  heldAt: Date | null;
  plannedAt: Date | null;
  createdAt: Date;
}

export interface MembershipRound {
  id: string;
  status: string;
  startDate: string;
  endDate: string;
  createdAt: Date;
  groupIds: readonly string[];
}

/** The school-local days that place a conversation in a round, the deciding one first. */
export function membershipDays(c: MembershipConversation, timezone: string): string[] {
  // A meeting about the pupil without the pupil (leerlingbespreking) is no conversation of a round.
  if (c.status === "cancelled" || c.status === DISCUSSED_STATUS || c.pupilId === null) return [];
  const instants = isHeldStatus(c.status) ? [c.heldAt, c.plannedAt] : [c.plannedAt ?? c.createdAt];
  return instants.flatMap((at) => (at ? [localDate(at, timezone)] : []));
}

/** Negative when `a` wins over `b` for a conversation both cover. */
export function compareRoundPriority(a: MembershipRound, b: MembershipRound): number {
  const active = Number(b.status !== "cancelled") - Number(a.status !== "cancelled");
  if (active !== 0) return active;
  if (a.startDate !== b.startDate) return a.startDate > b.startDate ? -1 : 1;
  if (a.createdAt.getTime() !== b.createdAt.getTime()) return b.createdAt.getTime() - a.createdAt.getTime();
  return a.id > b.id ? -1 : a.id < b.id ? 1 : 0;
}

/** The id of the round the conversation belongs to, or null. */
export function roundOfConversation(c: MembershipConversation, rounds: readonly MembershipRound[], timezone: string): string | null {
  if (c.groupId === null) return null;
  const groupId = c.groupId;
  for (const day of membershipDays(c, timezone)) {
    const covering = rounds.filter((r) => r.groupIds.includes(groupId) && r.startDate <= day && day <= r.endDate);
    if (covering.length > 0) return [...covering].sort(compareRoundPriority)[0]!.id;
  }
  return null;
}

const PROGRESS: Record<string, number> = { planned: 1, prepared: 2, held: 3, evaluated: 4 };

/**
 * A pupil's conversation in a round when they have several (planned by a colleague and also
 * held by hand, say): the one furthest along, then the latest. What the round counts for the pupil.
 */
export function furthestConversation<T extends { status: string; createdAt: Date }>(conversations: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const c of conversations) {
    if (c.status === "cancelled") continue;
    const rank = PROGRESS[c.status] ?? 0;
    const bestRank = best ? (PROGRESS[best.status] ?? 0) : -1;
    if (!best || rank > bestRank || (rank === bestRank && c.createdAt > best.createdAt)) best = c;
  }
  return best;
}

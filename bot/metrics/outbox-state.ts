// The outbox as the metrics show it: counts per status, the depth of what is still to deliver,
// and how long the oldest due message has waited. Counts and times only.
import type { Db } from "../db/client.js";

export interface OutboxState {
  byStatus: Record<string, number>;
  depth: number;
  oldestDueAgeSeconds: number;
  unreportedFailures: number;
}

/** Statuses that still have to be delivered (bot/outbox/claims.ts). */
const UNDELIVERED = ["pending", "sending"];
const KNOWN_STATUSES = ["pending", "sending", "sent", "dead", "uncertain", "cancelled"];

export async function readOutboxState(db: Db, now: Date): Promise<OutboxState> {
  const [groups, pruned, oldest, unreportedFailures] = await Promise.all([
    db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }),
    // Rows pruned by housekeeping still count: the figures do not drop when old rows go.
    db.outboxPrunedCount.groupBy({ by: ["status"], _sum: { count: true } }),
    db.outboxMessage.findFirst({ where: { status: { in: UNDELIVERED }, dueAt: { lte: now } }, orderBy: { dueAt: "asc" }, select: { dueAt: true } }),
    db.outboxMessage.count({ where: { status: { in: ["dead", "uncertain"] }, reportedAt: null } }),
  ]);
  // Every known status is present, so a status that drops to zero shows 0 rather than vanishing.
  const byStatus: Record<string, number> = Object.fromEntries(KNOWN_STATUSES.map((s) => [s, 0]));
  for (const group of groups) if (KNOWN_STATUSES.includes(group.status)) byStatus[group.status] = group._count._all;
  for (const group of pruned) if (KNOWN_STATUSES.includes(group.status)) byStatus[group.status]! += group._sum.count ?? 0;
  return {
    byStatus,
    depth: UNDELIVERED.reduce((sum, s) => sum + (byStatus[s] ?? 0), 0), // never pruned: undelivered
    oldestDueAgeSeconds: oldest ? Math.max(0, (now.getTime() - oldest.dueAt.getTime()) / 1000) : 0,
    unreportedFailures,
  };
}

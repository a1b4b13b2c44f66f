// Housekeeping: the tables that would otherwise only grow stay bounded. Run daily with retention
// (bot/ops/nightly-job.ts) and by `npm run cli -- retention [--dry-run]`.
// - Outbox rows that are done (sent, cancelled, or failed and reported to an admin) are pruned
//   OUTBOX_KEEP_DAYS after they were due; their counts live on in OutboxPrunedCount. A row about a
//   subject the schedule may still send about is kept, or the producer could queue it again (a
//   doubled message): see liveSubjects.
// - Finished dialogs (completed or stopped) are removed FINISHED_DIALOG_KEEP_DAYS after their last
//   change. Open and paused dialogs hold a teacher's unsaved words: they are never removed here.
// - Rounds that ended RECENT_ROUND_DAYS ago are closed: `rondes` no longer lists them (history).
// Audit rows are removed by retention itself (the school's auditRetentionMonths).
import type { Db } from "../db/client.js";
import { localDate } from "../domain/local-time.js";
import { addDays } from "../domain/school-calendar.js";
import { closeEndedRounds } from "../services/rounds.js";
import { RECENT_ROUND_DAYS } from "../services/round-membership.js";

export const OUTBOX_KEEP_DAYS = 90;
export const FINISHED_DIALOG_KEEP_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

/** Outbox rows nobody needs any more once old: a failure only after an admin was told of it. */
const DONE_OUTBOX = [{ status: { in: ["sent", "cancelled"] } }, { status: { in: ["dead", "uncertain"] }, reportedAt: { not: null } }];
const FINISHED_DIALOGS = ["completed", "cancelled"];

export interface SchoolHousekeeping {
  schoolId: string;
  schoolName: string;
  outboxPruned: number;
  /** Old enough, but kept: its subject is live, so the producer could queue it again (see liveSubjects). */
  outboxKeptLive: number;
  dialogsRemoved: number;
  roundsClosed: number;
}

export interface HousekeepingOptions {
  now: Date;
  dryRun?: boolean;
  schoolId?: string;
}

export async function runHousekeeping(db: Db, options: HousekeepingOptions): Promise<SchoolHousekeeping[]> {
  const { now } = options;
  const schools = await db.school.findMany({
    where: options.schoolId ? { id: options.schoolId } : {},
    select: { id: true, name: true, timezone: true },
    orderBy: { name: "asc" },
  });
  const results: SchoolHousekeeping[] = [];
  for (const school of schools) {
    const dialogWhere = {
      schoolId: school.id,
      status: { in: FINISHED_DIALOGS },
      updatedAt: { lt: new Date(now.getTime() - FINISHED_DIALOG_KEEP_DAYS * DAY_MS) },
    };
    const closeBefore = addDays(localDate(now, school.timezone), -RECENT_ROUND_DAYS);
    const outbox = await pruneOutbox(db, school.id, now, options.dryRun ?? false);
    results.push({
      schoolId: school.id,
      schoolName: school.name,
      ...outbox,
      dialogsRemoved: options.dryRun ? await db.dialogSession.count({ where: dialogWhere }) : (await db.dialogSession.deleteMany({ where: dialogWhere })).count,
      roundsClosed: await closeEndedRounds(db, school.id, closeBefore, options.dryRun ?? false),
    });
  }
  return results;
}

type OutboxResult = Pick<SchoolHousekeeping, "outboxPruned" | "outboxKeptLive">;

async function pruneOutbox(db: Db, schoolId: string, now: Date, dryRun: boolean): Promise<OutboxResult> {
  const cutoff = new Date(now.getTime() - OUTBOX_KEEP_DAYS * DAY_MS);
  let pruned = 0;
  let kept = 0;
  let after = "";
  for (;;) {
    const rows = await db.outboxMessage.findMany({
      where: { schoolId, dueAt: { lt: cutoff }, id: { gt: after }, OR: DONE_OUTBOX },
      select: { id: true, kind: true, status: true, subjectId: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    const live = await liveSubjects(
      db,
      rows.flatMap((r) => (r.subjectId ? [r.subjectId] : [])),
    );
    const prunable = rows.filter((r) => !r.subjectId || !live.has(r.subjectId));
    kept += rows.length - prunable.length;
    if (dryRun) {
      pruned += prunable.length;
      continue;
    }
    const tally = new Map<string, { kind: string; status: string; count: number }>();
    for (const r of prunable) {
      const key = `${r.kind}\u0000${r.status}`;
      const entry = tally.get(key) ?? { kind: r.kind, status: r.status, count: 0 };
      entry.count++;
      tally.set(key, entry);
    }
    pruned += await db.$transaction(async (tx) => {
      // Fenced by status: a row that changed since it was read (re-queued, reported) stays.
      let deleted = 0;
      for (const t of tally.values()) {
        const ids = prunable.filter((r) => r.kind === t.kind && r.status === t.status).map((r) => r.id);
        const count = (await tx.outboxMessage.deleteMany({ where: { id: { in: ids }, status: t.status } })).count;
        if (count === 0) continue;
        deleted += count;
        await tx.outboxPrunedCount.upsert({
          where: { schoolId_kind_status: { schoolId, kind: t.kind, status: t.status } },
          create: { schoolId, kind: t.kind, status: t.status, count },
          update: { count: { increment: count } },
        });
      }
      return deleted;
    });
  }
  return { outboxPruned: pruned, outboxKeptLive: kept };
}

/**
 * The subjects the schedule may still send about under the same key: an open goal, a conversation
 * not yet held, a round still running. Asked of the subject, not of what the schedule wants today,
 * because a mute, a snooze, an inactive teacher or pupil hides a message only for a while: its key
 * comes back, and a pruned row would let it be sent a second time. Other subjects (a staff
 * member's weekly digest, a failed message's report) are keyed by a day or an event that is past.
 */
async function liveSubjects(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const [goals, conversations, rounds] = await Promise.all([
    db.goal.findMany({ where: { id: { in: ids }, status: "open" }, select: { id: true } }),
    db.conversation.findMany({ where: { id: { in: ids }, status: { in: ["planned", "prepared"] } }, select: { id: true } }),
    db.round.findMany({ where: { id: { in: ids }, status: "active" }, select: { id: true } }),
  ]);
  return new Set([...goals, ...conversations, ...rounds].map((x) => x.id));
}

/** Lines for the operator: counts only. */
export function formatHousekeeping(results: SchoolHousekeeping[], dryRun: boolean): string[] {
  const would = dryRun ? "that would be " : "";
  return results.flatMap((r) => [
    `${r.schoolName} (${r.schoolId}): housekeeping`,
    `  outbox messages ${would}pruned (done, due over ${OUTBOX_KEEP_DAYS} days ago): ${r.outboxPruned}` +
      (r.outboxKeptLive ? ` (${r.outboxKeptLive} kept: still about an open goal, a conversation to hold or a running round)` : ""),
    `  finished dialogs ${would}removed (over ${FINISHED_DIALOG_KEEP_DAYS} days old): ${r.dialogsRemoved}`,
    `  rounds ${would}closed (ended over ${RECENT_ROUND_DAYS} days ago): ${r.roundsClosed}`,
  ]);
}

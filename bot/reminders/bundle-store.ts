// The outbox side of bundling (bundle.ts): what the outbox holds, and bringing it in line with
// the bundles wanted now. Every write is conditional on the row not having gone out: a bundle
// claimed by a worker meanwhile is left as it is (zero rows updated), and the items it lacks
// go into the next day's bundle on the next pass. Two instances computing the same state write
// the same payload, so their writes agree; a stale write is corrected on the next recomputation.
import type { Db } from "../db/client.js";
import { enqueue } from "../outbox/outbox.js";
import { BUNDLE_LOOKBACK_MS, type BundleRow, DAILY_BUNDLE, type DesiredBundle } from "./bundle.js";

export interface BundleView {
  rows: Map<string, BundleRow>;
  /** Of the keys asked about, those with an outbox row of their own (an item queued singly before bundling, any other message). */
  singly: Set<string>;
}

const CHUNK = 500;

export async function loadBundleView(db: Db, staffIds: Iterable<string>, itemKeys: string[], now: Date): Promise<BundleView> {
  const rows = new Map<string, BundleRow>();
  const staff = [...staffIds];
  const since = new Date(now.getTime() - BUNDLE_LOOKBACK_MS);
  for (let i = 0; i < staff.length; i += CHUNK) {
    const found = await db.outboxMessage.findMany({
      where: { recipientStaffId: { in: staff.slice(i, i + CHUNK) }, kind: DAILY_BUNDLE, dueAt: { gte: since } },
      select: { id: true, idempotencyKey: true, status: true, payload: true },
    });
    for (const r of found) rows.set(r.idempotencyKey, { id: r.id, key: r.idempotencyKey, status: r.status, payload: r.payload });
  }
  const singly = new Set<string>();
  for (let i = 0; i < itemKeys.length; i += CHUNK) {
    const found = await db.outboxMessage.findMany({ where: { idempotencyKey: { in: itemKeys.slice(i, i + CHUNK) } }, select: { idempotencyKey: true } });
    for (const r of found) singly.add(r.idempotencyKey);
  }
  return { rows, singly };
}

export interface BundleWrites {
  created: number;
  updated: number;
  withdrawn: number;
}

/**
 * Writes the bundles due by `limit`: new ones queued, changed ones updated while still pending
 * (a cancelled one is revived: it never went out), and pending ones no longer wanted withdrawn.
 */
export async function writeBundles(db: Db, schoolId: string, wanted: DesiredBundle[], view: BundleView, limit: number): Promise<BundleWrites> {
  const result: BundleWrites = { created: 0, updated: 0, withdrawn: 0 };
  const keys = new Set(wanted.map((b) => b.idempotencyKey));
  for (const b of wanted) {
    if (b.dueAt.getTime() > limit) continue;
    const payload = JSON.stringify(b.payload);
    const row = view.rows.get(b.idempotencyKey);
    if (!row) {
      const message = { schoolId, recipientStaffId: b.recipientStaffId, kind: DAILY_BUNDLE, subjectId: b.recipientStaffId, dueAt: b.dueAt };
      if (await enqueue(db, { ...message, payload: b.payload, idempotencyKey: b.idempotencyKey })) result.created++;
      // Another instance queued it first: its payload may be older than ours.
      else if ((await updateOpen(db, b.idempotencyKey, payload, b.dueAt)) > 0) result.updated++;
    } else if (row.payload !== payload) {
      if ((await updateOpen(db, row.key, payload, b.dueAt)) > 0) result.updated++;
    }
  }
  for (const row of view.rows.values()) {
    if (row.status !== "pending" || keys.has(row.key)) continue;
    // Emptied as well, so the same items coming back later revive it (see updateOpen).
    const empty = JSON.stringify({ day: row.key.slice(row.key.lastIndexOf(":") + 1), items: [] });
    const withdrawn = await db.outboxMessage.updateMany({ where: { id: row.id, status: "pending" }, data: { status: "cancelled", payload: empty } });
    result.withdrawn += withdrawn.count;
  }
  return result;
}

/**
 * The new list for a bundle that has not gone out. A pending row keeps its due time (a deferral
 * or retry). A cancelled row is revived only with another list than it holds: the renderer
 * cancels a bundle whose items were all stale when it was due, and the same list would only be
 * cancelled again.
 */
async function updateOpen(db: Db, key: string, payload: string, dueAt: Date): Promise<number> {
  const [pending, revived] = [
    await db.outboxMessage.updateMany({ where: { idempotencyKey: key, status: "pending", payload: { not: payload } }, data: { payload } }),
    await db.outboxMessage.updateMany({
      where: { idempotencyKey: key, status: "cancelled", payload: { not: payload } },
      data: { payload, status: "pending", dueAt, attempts: 0, leaseOwner: null, leaseUntil: null, lastError: null },
    }),
  ];
  return pending.count + revived.count;
}

// Per-pupil reminders (evaluate, record, prepare) go out bundled: one message per teacher per
// school day, listing the pupils, each with its own button. The schedule still computes every
// item with its own key; this pure function groups them into bundles, given what the outbox
// already holds:
// - an item goes into the bundle of the first of its candidate days (schedule.ts) whose bundle
//   has not gone out yet: a bundle still pending is updated, a cancelled one revived;
// - an item listed in a bundle that went out (sending, sent, dead, uncertain) is delivered, and so
//   is one that went out as a single message (its row has the item's key: queued before bundling);
// - so an item that appears after the teacher's bundle of that day went out waits for the next
//   school day's bundle: at most one message a day, and it still comes before the conversation
//   (the preparation reminder is planned a school day ahead) or the morning after it.
// An item never delivered that was due longer ago than the lookback is dropped; a bundle holding
// it always lies within the lookback, so an item once delivered is never listed again.
import { BUNDLED_KINDS, bundlePayloadOf, DAILY_BUNDLE, isBundled, type BundleItem, type BundledKind, type BundlePayload } from "../domain/daily-list.js";
import type { DesiredMessage } from "./schedule.js";

export { BUNDLED_KINDS, BundleItem, BundlePayload, DAILY_BUNDLE, isBundled, type BundledKind } from "../domain/daily-list.js";

/** How far back undelivered items and earlier bundles are looked at. */
export const BUNDLE_LOOKBACK_MS = 14 * 24 * 3_600_000;
/** A bundle row in these states has not gone out: it may still change. */
const OPEN_STATUSES = new Set(["pending", "cancelled"]);

export const bundleKey = (staffId: string, day: string) => `${DAILY_BUNDLE}:${staffId}:${day}`;

/** What the outbox holds of a bundle. */
export interface BundleRow {
  id: string;
  key: string;
  status: string;
  payload: string;
}

export const isOpen = (row: BundleRow | undefined) => !row || OPEN_STATUSES.has(row.status);

export function itemsOf(payload: unknown): BundleItem[] {
  return bundlePayloadOf(payload)?.items ?? [];
}

function itemOf(m: DesiredMessage): BundleItem {
  const p = m.payload;
  const item: BundleItem = { kind: m.kind as BundledKind, key: m.idempotencyKey, subjectId: m.subjectId };
  if (typeof p.date === "string") item.date = p.date;
  if (typeof p.at === "string") item.at = p.at;
  return item;
}

// Stored in a fixed order (the renderer orders by pupil name, which the outbox does not hold).
const order = (a: BundleItem, b: BundleItem) => BUNDLED_KINDS.indexOf(a.kind) - BUNDLED_KINDS.indexOf(b.kind) || a.key.localeCompare(b.key);

/** One teacher's bundle for one school day, as the outbox should hold it. */
export interface DesiredBundle {
  recipientStaffId: string;
  dueAt: Date;
  idempotencyKey: string;
  payload: BundlePayload;
}

/**
 * The bundles wanted now, one per teacher and day (the payload is built in a fixed order, so the
 * same state always gives the same text to compare with what is stored). `items` are the
 * schedule's per-pupil messages; `rows` the outbox's bundles within the lookback, by key;
 * `singly` the item keys that have a row of their own.
 */
export function planBundles(items: DesiredMessage[], o: { now: Date; rows: ReadonlyMap<string, BundleRow>; singly: ReadonlySet<string> }): DesiredBundle[] {
  const delivered = new Set(o.singly);
  for (const row of o.rows.values()) if (!isOpen(row)) for (const item of itemsOf(row.payload)) delivered.add(item.key);
  const since = o.now.getTime() - BUNDLE_LOOKBACK_MS;
  const bundles = new Map<string, { staffId: string; day: string; at: Date; items: BundleItem[] }>();
  for (const m of items) {
    if (!isBundled(m.kind) || delivered.has(m.idempotencyKey) || m.dueAt.getTime() < since) continue;
    const target = (m.bundleDays ?? []).find((d) => isOpen(o.rows.get(bundleKey(m.recipientStaffId, d.day))));
    if (!target) continue; // every candidate day's bundle went out (cannot happen within a day)
    const key = bundleKey(m.recipientStaffId, target.day);
    const bundle = bundles.get(key) ?? { staffId: m.recipientStaffId, day: target.day, at: target.at, items: [] };
    // Two groups' teachers can get the same item twice over (one key): list it once.
    if (!bundle.items.some((i) => i.key === m.idempotencyKey)) bundle.items.push(itemOf(m));
    bundles.set(key, bundle);
  }
  return [...bundles.entries()].map(([key, b]) => ({
    recipientStaffId: b.staffId,
    dueAt: b.at,
    idempotencyKey: key,
    payload: { day: b.day, items: b.items.sort(order) },
  }));
}

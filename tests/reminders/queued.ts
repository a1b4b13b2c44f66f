// The per-pupil reminders the outbox holds, one row per item: each teacher's daily bundles
// (bot/reminders/bundle.ts) unfolded, every item with its bundle's due moment, status and id.
// For tests written about single messages that now ask the same of the bundled ones.
import type { Db } from "../../bot/db/client.js";
import { DAILY_BUNDLE, itemsOf } from "../../bot/reminders/bundle.js";

export interface ItemFilter {
  schoolId?: string;
  recipientStaffId?: string;
  kind?: string;
  subjectId?: string;
  status?: string;
}

export async function queuedItems(db: Db, filter: ItemFilter = {}) {
  const rows = await db.outboxMessage.findMany({
    where: {
      kind: DAILY_BUNDLE,
      ...(filter.schoolId && { schoolId: filter.schoolId }),
      ...(filter.recipientStaffId && { recipientStaffId: filter.recipientStaffId }),
      ...(filter.status && { status: filter.status }),
    },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
  });
  return rows
    .flatMap((row) =>
      itemsOf(row.payload).map((item) => ({
        ...row,
        bundleKey: row.idempotencyKey,
        kind: item.kind,
        subjectId: item.subjectId,
        idempotencyKey: item.key,
        item,
      })),
    )
    .filter((i) => (!filter.kind || i.kind === filter.kind) && (!filter.subjectId || i.subjectId === filter.subjectId));
}

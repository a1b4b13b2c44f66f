// The durable outbox: every proactive message is a row with a due time (UTC) and an
// idempotency key, written by producers (reminders, rounds, evaluations) and delivered by the
// worker (worker.ts). The key makes producing idempotent: running a producer twice, or on two
// instances at once, never queues a message twice.
import type { Db, Tx } from "../db/client.js";
import { isUniqueViolation } from "../db/errors.js";

export interface NewOutboxMessage {
  schoolId: string;
  recipientStaffId: string;
  /** What it is (plan_nudge, evaluation_due, …): the worker picks the renderer by it. */
  kind: string;
  /** What it is about (a round, conversation or goal id), so a change can cancel it. */
  subjectId?: string;
  /** Ids and dates only, never names or typed text: the renderer loads the rest at send time. */
  payload: unknown;
  dueAt: Date;
  idempotencyKey: string;
}

function providerOf(db: Db | Tx): "sqlite" | "postgresql" {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

/**
 * Queues a message. Returns false when a message with this key already exists, whatever its
 * state: a sent or cancelled message is never revived. Never throws on a duplicate, also not
 * inside a transaction (PostgreSQL would abort the whole transaction on a unique violation, so
 * there the insert is ON CONFLICT DO NOTHING).
 */
export async function enqueue(db: Db | Tx, message: NewOutboxMessage): Promise<boolean> {
  const data = {
    schoolId: message.schoolId,
    recipientStaffId: message.recipientStaffId,
    kind: message.kind,
    subjectId: message.subjectId ?? null,
    payload: JSON.stringify(message.payload ?? null),
    dueAt: message.dueAt,
    idempotencyKey: message.idempotencyKey,
  };
  if (providerOf(db) === "postgresql") {
    const created = await (db.outboxMessage.createMany as (args: unknown) => Promise<{ count: number }>)({ data: [data], skipDuplicates: true });
    return created.count === 1;
  }
  // SQLite: a failed statement does not abort a transaction there, so catching is safe.
  try {
    await db.outboxMessage.create({ data });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Cancels queued messages about a subject that are no longer due (a round moved, a goal was
 * evaluated). A message whose send has already begun is left alone; one that is claimed but
 * not yet handed to the channel is cancelled too (the worker's conditional update then finds
 * it gone and does not send it).
 */
export async function cancelPending(db: Db | Tx, filter: { subjectId: string; kinds?: string[]; recipientStaffId?: string }): Promise<number> {
  const result = await db.outboxMessage.updateMany({
    where: {
      subjectId: filter.subjectId,
      ...(filter.kinds ? { kind: { in: filter.kinds } } : {}),
      ...(filter.recipientStaffId ? { recipientStaffId: filter.recipientStaffId } : {}),
      OR: [{ status: "pending" }, { status: "sending", sendStartedAt: null }],
    },
    data: { status: "cancelled", leaseOwner: null, leaseUntil: null },
  });
  return result.count;
}

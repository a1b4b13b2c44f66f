// Claiming due outbox rows and every later state change of a claimed row. A claim is a lease:
// the row is marked `sending` with a token unique to this claim (leaseOwner) and a time it is
// held until. Every later change is a conditional update on that token (and the attempt
// number), so a worker whose lease was taken over can neither send nor complete: zero rows
// updated means someone else owns the row now.
import { randomUUID } from "node:crypto";
import { Prisma } from "../db/generated/sqlite/client.js";
import type { Db, Tx } from "../db/client.js";
import { inTransaction } from "../db/transaction.js";

export interface OutboxRow {
  id: string;
  schoolId: string;
  recipientStaffId: string;
  kind: string;
  subjectId: string | null;
  payload: unknown;
  dueAt: Date;
  attempts: number;
  idempotencyKey: string;
}

/** A claimed row with the token its later updates are fenced by. */
export interface Claimed extends OutboxRow {
  token: string;
}

interface RawRow {
  id: string;
  schoolId: string;
  recipientStaffId: string;
  kind: string;
  subjectId: string | null;
  payload: string;
  dueAt: Date | string;
  attempts: number | bigint;
  idempotencyKey: string;
}

function toClaimed(row: RawRow, token: string): Claimed {
  let payload: unknown = null;
  try {
    payload = JSON.parse(row.payload);
  } catch {
    // A payload that does not parse is handed over as null; the renderer decides.
  }
  return {
    id: row.id,
    schoolId: row.schoolId,
    recipientStaffId: row.recipientStaffId,
    kind: row.kind,
    subjectId: row.subjectId,
    payload,
    dueAt: new Date(row.dueAt),
    attempts: Number(row.attempts),
    idempotencyKey: row.idempotencyKey,
    token,
  };
}

export function isPostgres(db: Db | Tx): boolean {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql";
}

export function newClaimToken(workerId: string): string {
  return `${workerId}:${randomUUID().slice(0, 8)}`;
}

/**
 * Claims up to `limit` rows that are due, or whose claim expired before their send began, for
 * the kinds this worker can render (an older instance during a rolling upgrade leaves new kinds
 * alone). PostgreSQL: one statement with FOR UPDATE SKIP LOCKED, so instances claiming at the
 * same moment take different rows without waiting on each other. SQLite (one instance): the same
 * conditions in one transaction.
 */
export async function claimDue(db: Db, o: { workerId: string; now: Date; leaseMs: number; limit: number; kinds: string[] }): Promise<Claimed[]> {
  if (!o.kinds.length || o.limit <= 0) return [];
  const token = newClaimToken(o.workerId);
  const leaseUntil = new Date(o.now.getTime() + o.leaseMs);
  if (isPostgres(db)) {
    // The CTE runs once (a subquery in WHERE may be re-run by the planner), and rows another
    // instance has locked are skipped rather than waited for.
    const rows = await db.$queryRaw<RawRow[]>`
      WITH picked AS (
        SELECT "id" FROM "OutboxMessage"
         WHERE "kind" IN (${Prisma.join(o.kinds)})
           AND (("status" = 'pending' AND "dueAt" <= ${o.now})
             OR ("status" = 'sending' AND "leaseUntil" < ${o.now} AND "sendStartedAt" IS NULL))
         ORDER BY "dueAt"
         LIMIT ${o.limit}
         FOR UPDATE SKIP LOCKED)
      UPDATE "OutboxMessage" AS m
         SET "status" = 'sending', "leaseOwner" = ${token}, "leaseUntil" = ${leaseUntil}, "sendStartedAt" = NULL, "updatedAt" = ${o.now}
        FROM picked
       WHERE m."id" = picked."id"
      RETURNING m."id", m."schoolId", m."recipientStaffId", m."kind", m."subjectId", m."payload", m."dueAt", m."attempts", m."idempotencyKey"`;
    return rows.map((r) => toClaimed(r, token));
  }
  const due = {
    kind: { in: o.kinds },
    OR: [
      { status: "pending", dueAt: { lte: o.now } },
      { status: "sending", leaseUntil: { lt: o.now }, sendStartedAt: null },
    ],
  };
  return inTransaction(db, async (tx) => {
    const candidates = await tx.outboxMessage.findMany({ where: due, orderBy: { dueAt: "asc" }, take: o.limit, select: { id: true } });
    if (!candidates.length) return [];
    await tx.outboxMessage.updateMany({
      where: { ...due, id: { in: candidates.map((c) => c.id) } },
      data: { status: "sending", leaseOwner: token, leaseUntil, sendStartedAt: null },
    });
    const rows = await tx.outboxMessage.findMany({ where: { leaseOwner: token, status: "sending" }, orderBy: { dueAt: "asc" } });
    return rows.map((r) => toClaimed(r, token));
  });
}

const held = (row: Claimed) => ({ id: row.id, leaseOwner: row.token, status: "sending" });

/** Gives a claimed row back, due again at `dueAt` (school hours, a throttle): not an attempt. */
export async function releaseClaim(db: Db, row: Claimed, dueAt: Date): Promise<boolean> {
  const r = await db.outboxMessage.updateMany({
    where: held(row),
    data: { status: "pending", dueAt, leaseOwner: null, leaseUntil: null, sendStartedAt: null },
  });
  return r.count === 1;
}

/** The renderer says the message is no longer relevant. */
export async function cancelClaim(db: Db, row: Claimed): Promise<boolean> {
  const r = await db.outboxMessage.updateMany({ where: held(row), data: { status: "cancelled", leaseOwner: null, leaseUntil: null } });
  return r.count === 1;
}

/**
 * Marks the start of a send: counts the attempt and extends the lease to cover the send. From
 * here on the row is never claimed again by anyone: if this worker dies before completing, the
 * message may have been delivered, and it becomes `uncertain` instead of being sent twice.
 * Returns the attempt number, or null when the claim was lost (cancelled, taken over).
 */
export async function beginSend(db: Db, row: Claimed, now: Date, leaseMs: number): Promise<number | null> {
  const attempt = row.attempts + 1;
  const leaseUntil = new Date(now.getTime() + leaseMs);
  // Once per message on the hot path: on PostgreSQL plain SQL, which skips Prisma's query
  // compiler (about 0.4 ms instead of 1.2 ms per statement).
  const count = isPostgres(db)
    ? await db.$executeRaw`
        UPDATE "OutboxMessage" SET "attempts" = ${attempt}, "sendStartedAt" = ${now}, "leaseUntil" = ${leaseUntil}, "updatedAt" = ${now}
         WHERE "id" = ${row.id} AND "leaseOwner" = ${row.token} AND "status" = 'sending'`
    : (await db.outboxMessage.updateMany({ where: held(row), data: { attempts: attempt, sendStartedAt: now, leaseUntil } })).count;
  return count === 1 ? attempt : null;
}

/**
 * The fence of a begun send: this claim's token and this attempt. A row a lease sweep marked
 * uncertain meanwhile still matches (same claim), so a late success is recorded after all.
 */
const begun = (row: Claimed, attempt: number) => ({ id: row.id, leaseOwner: row.token, attempts: attempt, status: { in: ["sending", "uncertain"] } });

export async function completeSent(db: Db, row: Claimed, attempt: number, now: Date, channel: string | undefined): Promise<boolean> {
  const count = isPostgres(db)
    ? await db.$executeRaw`
        UPDATE "OutboxMessage"
           SET "status" = 'sent', "sentAt" = ${now}, "channel" = ${channel ?? null}, "lastError" = NULL, "leaseUntil" = NULL, "sendStartedAt" = NULL, "updatedAt" = ${now}
         WHERE "id" = ${row.id} AND "leaseOwner" = ${row.token} AND "attempts" = ${attempt} AND "status" IN ('sending', 'uncertain')`
    : (
        await db.outboxMessage.updateMany({
          where: begun(row, attempt),
          data: { status: "sent", sentAt: now, channel: channel ?? null, lastError: null, leaseUntil: null, sendStartedAt: null },
        })
      ).count;
  return count === 1;
}

/** Throttled (429): due again after the wait asked for; the attempt is not counted. */
export async function completeThrottled(db: Db, row: Claimed, attempt: number, dueAt: Date): Promise<boolean> {
  const r = await db.outboxMessage.updateMany({
    where: { ...begun(row, attempt), status: "sending" },
    data: { status: "pending", attempts: attempt - 1, dueAt, lastError: "throttled", leaseOwner: null, leaseUntil: null, sendStartedAt: null },
  });
  return r.count === 1;
}

/** A failed attempt that may be retried: due again after the backoff. */
export async function completeRetry(db: Db, row: Claimed, attempt: number, dueAt: Date, error: string): Promise<boolean> {
  const r = await db.outboxMessage.updateMany({
    where: { ...begun(row, attempt), status: "sending" },
    data: { status: "pending", dueAt, lastError: error, leaseOwner: null, leaseUntil: null, sendStartedAt: null },
  });
  return r.count === 1;
}

/**
 * The end of the road for a message: `dead` (undeliverable) or `uncertain` (may have arrived,
 * must not be re-sent). `then` runs in the same transaction when this worker still held the row
 * (it queues the report to the school's admins).
 */
export async function completeFailed(
  db: Db,
  row: Claimed,
  attempt: number,
  status: "dead" | "uncertain",
  error: string,
  then: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const r = await tx.outboxMessage.updateMany({
      where: { ...begun(row, attempt), status: "sending" },
      data: { status, lastError: error, leaseUntil: null },
    });
    if (r.count !== 1) return false;
    await then(tx);
    return true;
  });
}

/**
 * Rows whose send began but whose lease ran out: the worker died mid-send (or hangs). The
 * platform may have the message, so the caller marks them uncertain (completeFailed with the
 * dead claim's own token and attempt) and reports them; they are never re-sent.
 */
export async function findExpiredSends(db: Db, now: Date): Promise<{ row: Claimed; attempt: number }[]> {
  const rows = await db.outboxMessage.findMany({
    where: { status: "sending", leaseUntil: { lt: now }, sendStartedAt: { not: null } },
    orderBy: { dueAt: "asc" },
    take: 100,
  });
  return rows.map((r) => ({ row: toClaimed(r, r.leaseOwner ?? ""), attempt: r.attempts }));
}

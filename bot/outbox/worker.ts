// The outbox worker: node-cron only ticks; each tick claims due rows with a lease, renders and
// sends them through the core's ProactiveSender, and records the outcome with an update fenced
// by the claim (see claims.ts). Safe with several instances on one PostgreSQL: a row is sent by
// at most one of them, and a crashed instance's claims are picked up after their lease expires.
// On SQLite (one instance) the same code runs.
import { randomUUID } from "node:crypto";
import cron, { type ScheduledTask } from "node-cron";
import type { Db } from "../db/client.js";
import type { Logger } from "../logger.js";
import type { BotReply } from "../channel/types.js";
import type { ProactiveSender, SendOutcome } from "../proactive/send.js";
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from "./backoff.js";
import {
  beginSend,
  cancelClaim,
  claimDue,
  completeFailed,
  completeRetry,
  completeSent,
  completeThrottled,
  findExpiredSends,
  releaseClaim,
  type Claimed,
  type OutboxRow,
} from "./claims.js";
import { heartbeat, leave } from "./instances.js";
import { DEFAULT_REPORT_DELAY_MS, markReported, queueFailureReports, renderUndeliverableReport, UNDELIVERABLE_REPORT, type FailureReason } from "./report.js";

export type { OutboxRow };

/** Null: the message is no longer relevant and is cancelled. */
export type OutboxRenderer = (message: OutboxRow, db: Db) => Promise<BotReply[] | null>;

export interface OutboxWorkerOptions {
  db: Db;
  proactive: ProactiveSender;
  renderers: Record<string, OutboxRenderer>;
  logger: Logger;
  /** Unique per process; the default adds a random part. */
  workerId?: string;
  clock?: () => Date;
  /** How long a claim holds; it must outlast a send (the SDK waits out 429s inside a send). */
  leaseMs?: number;
  batchSize?: number;
  /** Failed sends (not throttles) before a message is dead. */
  maxAttempts?: number;
  /** How long to wait before trying again for someone who has not installed the app yet (4 h). */
  noAddressWaitMs?: number;
  /** School hours etc.: a later time to postpone this message to, or null to send now. */
  deferUntil?: (message: OutboxRow, now: Date) => Promise<Date | null>;
  /** Sends in flight at once; the channel's rate limiter paces them. */
  concurrency?: number;
  backoff?: BackoffPolicy;
  /** Seconds between cron ticks (1–59). */
  intervalSeconds?: number;
  /** How long a report to the admins waits, so a burst of failures becomes one message (60 s). */
  reportDelayMs?: number;
  /** Told every send's outcome (the metrics); must not throw. */
  onSend?: (outcome: SendOutcome & { channel?: string }) => void;
  /** Told every error a tick or a row failed with (the metrics count the database's); must not throw. */
  onError?: (error: unknown) => void;
}

export interface TickResult {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  cancelled: number;
  deferred: number;
}

type RowResult = keyof Omit<TickResult, "claimed"> | "lost";

export interface OutboxWorker {
  tick(): Promise<TickResult>;
  start(): void;
  stop(): Promise<void>;
  readonly workerId: string;
}

const HEARTBEAT_EVERY_MS = 1000;
const MIN_THROTTLE_WAIT_MS = 1000;

export function createOutboxWorker(o: OutboxWorkerOptions): OutboxWorker {
  const { db, proactive, logger } = o;
  const workerId = o.workerId ?? `outbox-${randomUUID().slice(0, 8)}`;
  const clock = o.clock ?? (() => new Date());
  const leaseMs = o.leaseMs ?? 5 * 60_000;
  const batchSize = o.batchSize ?? 50;
  const maxAttempts = o.maxAttempts ?? 5;
  const noAddressWaitMs = o.noAddressWaitMs ?? 4 * 3_600_000;
  const concurrency = o.concurrency ?? 8;
  const backoff = o.backoff ?? DEFAULT_BACKOFF;
  const reportDelayMs = o.reportDelayMs ?? DEFAULT_REPORT_DELAY_MS;
  // Every worker can deliver the reports about undeliverable messages.
  const renderers: Record<string, OutboxRenderer> = { [UNDELIVERABLE_REPORT]: renderUndeliverableReport, ...o.renderers };
  const kinds = Object.keys(renderers);
  const log = logger.child({ component: "outbox", workerId });

  const quiet = (message: unknown) => log.debug({ cron: String(message instanceof Error ? message.name : message) }, "node-cron");
  const cronLogger = {
    info: quiet,
    warn: quiet,
    debug: quiet,
    error: (message: unknown) => log.error({ cron: String(message instanceof Error ? message.name : message) }, "node-cron"),
  };
  let task: ScheduledTask | undefined;
  let running: Promise<TickResult> | undefined;
  let stopping = false;

  async function fail(row: Claimed, attempt: number, status: "dead" | "uncertain", reason: FailureReason, error: string): Promise<RowResult> {
    const now = clock();
    const done = await completeFailed(db, row, attempt, status, error, async (tx) => {
      await queueFailureReports(tx, row, reason, new Date(now.getTime() + reportDelayMs));
    });
    if (!done) return "lost";
    log.warn({ messageId: row.id, kind: row.kind, status, error, attempt }, "outbox message undeliverable");
    return "dead";
  }

  async function retryOrDie(row: Claimed, attempt: number, error: string): Promise<RowResult> {
    if (attempt >= maxAttempts) return fail(row, attempt, "dead", "exhausted", error);
    const dueAt = new Date(clock().getTime() + retryDelayMs(attempt, backoff));
    return (await completeRetry(db, row, attempt, dueAt, error)) ? "retried" : "lost";
  }

  async function record(row: Claimed, attempt: number, outcome: SendOutcome & { channel?: string }): Promise<RowResult> {
    if (outcome.ok) {
      if (!(await completeSent(db, row, attempt, clock(), outcome.channel))) return "lost";
      if (row.kind === UNDELIVERABLE_REPORT) await markReported(db, row, clock());
      return "sent";
    }
    // Nobody to send to yet: the teacher has not installed the app. That is often fixed within a
    // day, so it is tried again a few times (the renderer still drops what went stale) before
    // the admins are told. A report to an admin without an address is not waited for.
    if (outcome.permanent && outcome.reason === "no_address" && row.kind !== UNDELIVERABLE_REPORT && attempt < maxAttempts) {
      const dueAt = new Date(clock().getTime() + noAddressWaitMs);
      return (await completeRetry(db, row, attempt, dueAt, "no_address")) ? "retried" : "lost";
    }
    if (outcome.permanent) return fail(row, attempt, "dead", outcome.reason, outcome.reason);
    if (outcome.reason === "throttled") {
      const dueAt = new Date(clock().getTime() + Math.max(MIN_THROTTLE_WAIT_MS, outcome.retryAfterMs));
      return (await completeThrottled(db, row, attempt, dueAt)) ? "retried" : "lost";
    }
    if (outcome.reason === "uncertain") return fail(row, attempt, "uncertain", "uncertain", `uncertain:${outcome.detail}`);
    return retryOrDie(row, attempt, `error:${outcome.detail}`);
  }

  async function deliver(row: Claimed): Promise<RowResult> {
    const now = clock();
    const later = o.deferUntil ? await o.deferUntil(row, now) : null;
    if (later && later.getTime() > now.getTime()) return (await releaseClaim(db, row, later)) ? "deferred" : "lost";
    let replies: BotReply[] | null;
    try {
      replies = await renderers[row.kind]!(row, db);
    } catch (error) {
      log.error({ err: error, messageId: row.id, kind: row.kind }, "outbox renderer failed");
      const attempt = await beginSend(db, row, clock(), leaseMs);
      return attempt === null ? "lost" : retryOrDie(row, attempt, "render_failed");
    }
    if (replies === null) return (await cancelClaim(db, row)) ? "cancelled" : "lost";
    const attempt = await beginSend(db, row, clock(), leaseMs);
    if (attempt === null) return "lost";
    const outcome = await proactive.sendToStaff(row.recipientStaffId, replies, { idempotencyKey: row.idempotencyKey });
    o.onSend?.(outcome);
    return record(row, attempt, outcome);
  }

  /** A send that began under a lease that has since expired: uncertain, reported, not re-sent. */
  async function expireStartedSends(): Promise<number> {
    let count = 0;
    for (const { row, attempt } of await findExpiredSends(db, clock())) {
      if ((await fail(row, attempt, "uncertain", "uncertain", "lease_expired_during_send")) === "dead") count++;
    }
    return count;
  }

  async function processBatch(rows: Claimed[], totals: TickResult): Promise<void> {
    let next = 0;
    const lane = async () => {
      while (next < rows.length) {
        const row = rows[next++]!;
        let result: RowResult;
        try {
          result = await deliver(row);
        } catch (error) {
          // A database failure mid-row: the claim expires, and the row is claimed again (or,
          // if its send had begun, becomes uncertain and is reported).
          log.error({ err: error, messageId: row.id }, "outbox row failed; its claim will expire");
          o.onError?.(error);
          continue;
        }
        if (result === "lost") log.warn({ messageId: row.id }, "outbox claim lost to another worker; nothing recorded");
        else totals[result]++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, lane));
  }

  /**
   * Several reports to one admin in a batch: the first is sent and takes the others along (see
   * report.ts), so those are given back unsent, pending, for it to fold.
   */
  async function oneReportPerAdmin(rows: Claimed[]): Promise<Claimed[]> {
    const admins = new Set<string>();
    const keep: Claimed[] = [];
    for (const row of rows) {
      if (row.kind !== UNDELIVERABLE_REPORT) keep.push(row);
      else if (!admins.has(row.recipientStaffId)) {
        admins.add(row.recipientStaffId);
        keep.push(row);
      } else await releaseClaim(db, row, row.dueAt);
    }
    return keep;
  }

  /** Claims and delivers batches until nothing is due (or stop() is called). */
  async function drain(): Promise<TickResult> {
    const totals: TickResult = { claimed: 0, sent: 0, retried: 0, dead: 0, cancelled: 0, deferred: 0 };
    totals.dead += await expireStartedSends();
    let beat: NodeJS.Timeout | undefined;
    let beating: Promise<void> | undefined;
    try {
      while (!stopping) {
        const rows = await claimDue(db, { workerId, now: clock(), leaseMs, limit: batchSize, kinds });
        if (!rows.length) break;
        totals.claimed += rows.length;
        if (!beat) {
          // Delivering: count in the split of the shared limits, and keep counting while busy.
          proactive.setShare(1 / (await heartbeat(db, workerId, clock())));
          beat = setInterval(() => {
            beating ??= heartbeat(db, workerId, clock())
              .then((n) => proactive.setShare(1 / n))
              .catch((error: unknown) => log.warn({ err: error }, "outbox heartbeat failed"))
              .finally(() => (beating = undefined));
          }, HEARTBEAT_EVERY_MS);
        }
        await processBatch(await oneReportPerAdmin(rows), totals);
        if (rows.length < batchSize) break;
      }
    } finally {
      if (beat) {
        clearInterval(beat);
        // A heartbeat still in flight would otherwise count this instance in again after it left.
        await beating;
        await leave(db, workerId, clock()).catch((error: unknown) => log.warn({ err: error }, "outbox leave failed"));
      }
    }
    if (totals.claimed || totals.dead) log.info({ ...totals }, "outbox tick");
    return totals;
  }

  function tick(): Promise<TickResult> {
    // Ticks never overlap: a tick asked for while one runs joins it.
    if (!running) running = drain().finally(() => (running = undefined));
    return running;
  }

  return {
    workerId,
    tick,
    start() {
      if (task) return;
      stopping = false;
      const seconds = Math.min(59, Math.max(1, Math.round(o.intervalSeconds ?? 5)));
      task = cron.schedule(
        `*/${seconds} * * * * *`,
        async () => {
          if (running) return;
          await tick().catch((error: unknown) => {
            log.error({ err: error }, "outbox tick failed");
            o.onError?.(error);
          });
        },
        // A tick that drains a long queue outlasts the interval: skipping is expected, not news.
        { noOverlap: true, name: `outbox-${workerId}`, logger: cronLogger },
      );
    },
    async stop() {
      stopping = true;
      await task?.stop();
      await task?.destroy();
      task = undefined;
      await running?.catch(() => undefined);
    },
  };
}

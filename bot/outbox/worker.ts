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
import { joinDelivering } from "./instances.js";
import { PacedQueue } from "./paced-queue.js";
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
  /** Sends in flight at once, over all tenants; the channel's rate limiter paces each tenant and conversation. */
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
/** A row whose channel has room within this long waits in memory; a longer wait goes back to the database. */
const HOLD_IN_MEMORY_MS = 1000;
/** How often lanes look again, at the most, when every claimed row waits for its channel. */
const POLL_MS = 20;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createOutboxWorker(o: OutboxWorkerOptions): OutboxWorker {
  const { db, proactive, logger } = o;
  const workerId = o.workerId ?? `outbox-${randomUUID().slice(0, 8)}`;
  const clock = o.clock ?? (() => new Date());
  const leaseMs = o.leaseMs ?? 5 * 60_000;
  const batchSize = o.batchSize ?? 50;
  // Claimed rows held waiting: enough to reach past one tenant's backlog, few to go out within the lease.
  const maxWaiting = batchSize * 10;
  const maxAttempts = o.maxAttempts ?? 5;
  const noAddressWaitMs = o.noAddressWaitMs ?? 4 * 3_600_000;
  const concurrency = o.concurrency ?? 64;
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

  async function deliverCounted(row: Claimed, totals: TickResult): Promise<void> {
    let result: RowResult;
    try {
      result = await deliver(row);
    } catch (error) {
      // A database failure mid-row: the claim expires, and the row is claimed again (or,
      // if its send had begun, becomes uncertain and is reported).
      log.error({ err: error, messageId: row.id }, "outbox row failed; its claim will expire");
      o.onError?.(error);
      return;
    }
    if (result === "lost") log.warn({ messageId: row.id }, "outbox claim lost to another worker; nothing recorded");
    else totals[result]++;
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

  /**
   * Claims and delivers until nothing is due (or stop() is called). Lanes take the first claimed
   * row whose channel has room for it now; rows of a tenant or conversation at its limit wait in
   * memory (briefly) or go back to the database (longer), and more rows are claimed meanwhile, so
   * every tenant and conversation is sent to at its own pace, side by side.
   */
  async function drain(): Promise<TickResult> {
    const totals: TickResult = { claimed: 0, sent: 0, retried: 0, dead: 0, cancelled: 0, deferred: 0 };
    totals.dead += await expireStartedSends();
    const waiting = new PacedQueue<Claimed>();
    let napping: Promise<void> | undefined;
    let more = true;
    let claiming: Promise<void> | undefined;
    let delivering: Promise<{ stop(): Promise<void> }> | undefined;

    const claimMore = async () => {
      const rows = await claimDue(db, { workerId, now: clock(), leaseMs, limit: batchSize, kinds });
      if (rows.length < batchSize) more = false;
      if (!rows.length) return;
      totals.claimed += rows.length;
      for (const row of await oneReportPerAdmin(rows)) waiting.add(row);
      // Delivering: count in the split of the shared limits, and keep counting while busy.
      await (delivering ??= joinDelivering(db, {
        workerId,
        clock,
        everyMs: HEARTBEAT_EVERY_MS,
        onCount: (n) => proactive.setShare(1 / n),
        onError: (error) => log.warn({ err: error }, "outbox heartbeat failed"),
      }));
    };

    const readyIn = (row: Claimed) => proactive.readyIn(row.recipientStaffId).catch(() => ({ waitMs: 0, key: undefined }));
    const failed = (what: string) => (error: unknown) => {
      log.error({ err: error }, `outbox ${what} failed`);
      o.onError?.(error);
      return false;
    };
    /** One claim at a time; a failed claim ends claiming for this tick (what is held is still sent). */
    const claimSoon = () =>
      (claiming ??= claimMore()
        .catch((error: unknown) => void (more = failed("claim")(error)))
        .finally(() => (claiming = undefined)));
    /** The next row a lane can send now; undefined when nothing is left to do. */
    const nextRow = async (): Promise<Claimed | undefined> => {
      while (!stopping) {
        const now = Date.now();
        const row = waiting.take(now);
        if (row) {
          const { waitMs, key } = await readyIn(row);
          if (waitMs <= 0) return row;
          // This row's tenant or conversation is at its limit: fetch more rows, others' may be next.
          if (more && waiting.size < maxWaiting) void claimSoon();
          if (waitMs <= HOLD_IN_MEMORY_MS) waiting.postpone(row, now, waitMs, key);
          // A long wait (Retry-After, a conversation's 30 s window): due again then, not an attempt. A
          // failed release leaves the claim to expire and be claimed again; the other lanes go on.
          else if (await releaseClaim(db, row, new Date(clock().getTime() + waitMs)).catch(failed("release"))) totals.deferred++;
          continue;
        }
        // Nothing ready: another tenant's rows may be.
        if (more && waiting.size < maxWaiting) {
          await claimSoon();
          continue;
        }
        if (claiming) await claiming;
        else if (!waiting.size) return undefined;
        // One timer for all idle lanes, until the soonest row may go.
        else await (napping ??= sleep(Math.max(1, Math.min(POLL_MS, waiting.soonest() - now))).finally(() => (napping = undefined)));
      }
      return undefined;
    };

    const lane = async () => {
      for (let row = await nextRow(); row; row = await nextRow()) await deliverCounted(row, totals);
    };
    try {
      await Promise.all(Array.from({ length: concurrency }, lane));
    } finally {
      // Stopped with rows still waiting: give them back unsent, due as they were.
      await claiming;
      for (const row of waiting.takeAll()) await releaseClaim(db, row, row.dueAt).catch(() => false);
      await (await delivering?.catch(() => undefined))?.stop();
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

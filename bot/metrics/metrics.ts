// The service's Prometheus metrics, on a registry of their own (never prom-client's global one,
// so two apps in one process — the tests — keep separate counts).
// Labels hold only values from a fixed set in our code: channel names, route names, error codes,
// outbox statuses, send outcomes. Never a staff id, name, e-mail, tenant or typed text: a label
// value is stored in every scrape and kept for months by the monitoring system.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Db } from "../db/client.js";
import type { SendOutcome } from "../proactive/send.js";
import { isDatabaseError } from "./database-errors.js";
import { readOutboxState, type OutboxState } from "./outbox-state.js";

/** What the turn pipeline reports about one turn (bot/chat/handle-turn.ts). */
export interface TurnObservation {
  channel: string;
  /** The route's name from our code (a command id, "dialog.<step kind>"); "none" when the turn failed before routing. */
  route: string;
  /** "ok", or the error code the turn was refused or failed with. */
  outcome: string;
  seconds: number;
  error?: unknown;
}

/** Where a database error surfaced. */
export type DatabaseErrorSource = "turn" | "outbox" | "metrics";

export interface Metrics {
  readonly registry: Registry;
  observeTurn(turn: TurnObservation): void;
  observeSend(outcome: SendOutcome & { channel?: string }): void;
  /** Counts the error if it comes from the database (driver or Prisma); other errors are ignored. */
  observeError(source: DatabaseErrorSource, error: unknown): void;
  /** The Prometheus text exposition, with the outbox gauges read from the database now. */
  render(): Promise<string>;
  readonly contentType: string;
}

// Turn latency as the core sees it (identify → reply), in seconds: a dialog step takes 1–50 ms
// (README, bench:teams), a PDF export a few hundred.
const TURN_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Route names are code, but a route that ever carried text must not explode the series count. */
const SAFE_LABEL = /^[a-z][a-zA-Z0-9_.]{0,63}$/;
const safe = (value: string | undefined, fallback: string) => (value && SAFE_LABEL.test(value) ? value : fallback);

function sendStatus(outcome: SendOutcome): string {
  if (outcome.ok) return "sent";
  return outcome.reason;
}

export function createMetrics(db: Db, clock: () => Date = () => new Date()): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const turns = new Counter({
    name: "gesprekswijzer_turns_total",
    help: "Chat turns handled, by channel, route (command or dialog step kind) and outcome (ok or an error code).",
    labelNames: ["channel", "route", "outcome"] as const,
    registers: [registry],
  });
  const turnSeconds = new Histogram({
    name: "gesprekswijzer_turn_duration_seconds",
    help: "Time the core took for a chat turn (identify, load, route, reply), by channel.",
    labelNames: ["channel"] as const,
    buckets: TURN_BUCKETS,
    registers: [registry],
  });
  const sends = new Counter({
    name: "gesprekswijzer_sends_total",
    help: "Proactive sends by the outbox worker, by channel and status (sent, throttled, uncertain, error, blocked, not_found, no_address).",
    labelNames: ["channel", "status"] as const,
    registers: [registry],
  });
  const databaseErrors = new Counter({
    name: "gesprekswijzer_database_errors_total",
    help: "Errors raised by the database (driver or Prisma), by where they surfaced (turn, outbox, metrics).",
    labelNames: ["source"] as const,
    registers: [registry],
  });

  // The outbox gauges are read from the database on each scrape, before anything is rendered (so
  // a failed read is already counted in the same scrape). They describe every instance's work,
  // not this one's, so any instance can be scraped.
  const depth = new Gauge({
    name: "gesprekswijzer_outbox_depth",
    help: "Outbox messages waiting to be delivered (pending or being sent), due or not.",
    registers: [registry],
  });
  const oldestDueAge = new Gauge({
    name: "gesprekswijzer_outbox_oldest_due_age_seconds",
    help: "How long the oldest due, undelivered outbox message has been due (0 when none is due).",
    registers: [registry],
  });
  const byStatus = new Gauge({
    name: "gesprekswijzer_outbox_messages",
    help: "Outbox messages by status (pending, sending, sent, dead, uncertain, cancelled), including those pruned after the retention period.",
    labelNames: ["status"] as const,
    registers: [registry],
  });
  const unreported = new Gauge({
    name: "gesprekswijzer_outbox_unreported_failures",
    help: "Dead or uncertain outbox messages that no school admin has been told about yet.",
    registers: [registry],
  });

  async function readOutbox(): Promise<void> {
    let state: OutboxState;
    try {
      state = await readOutboxState(db, clock());
    } catch (error) {
      // The scrape still answers; the outbox gauges keep their last values.
      if (isDatabaseError(error)) databaseErrors.inc({ source: "metrics" });
      return;
    }
    depth.set(state.depth);
    oldestDueAge.set(state.oldestDueAgeSeconds);
    for (const [status, count] of Object.entries(state.byStatus)) byStatus.set({ status }, count);
    unreported.set(state.unreportedFailures);
  }

  return {
    registry,
    contentType: registry.contentType,
    // Counting never fails a turn or a send: these run inside both, so they cannot throw.
    observeTurn(turn) {
      try {
        const channel = safe(turn.channel, "other");
        turns.inc({ channel, route: safe(turn.route, "other"), outcome: safe(turn.outcome, "other") });
        turnSeconds.observe({ channel }, turn.seconds);
        if (turn.error !== undefined && isDatabaseError(turn.error)) databaseErrors.inc({ source: "turn" });
      } catch {
        // A metric that cannot be recorded is lost; the turn goes on.
      }
    },
    observeSend(outcome) {
      try {
        sends.inc({ channel: safe(outcome.channel, "none"), status: safe(sendStatus(outcome), "other") });
      } catch {
        // As above.
      }
    },
    observeError(source, error) {
      if (isDatabaseError(error)) databaseErrors.inc({ source });
    },
    async render() {
      await readOutbox();
      return registry.metrics();
    },
  };
}

// One delivering instance for the multi-process outbox test and `npm run bench:reminders`: its
// own process, database client, Teams adapter and sender, and outbox worker on cron ticks —
// what each server instance runs. It prints one JSON line when it is delivering and stops
// cleanly on SIGTERM. Env: DATABASE_URL, OUTBOX_WORKER_ID, OUTBOX_INTERVAL_SECONDS,
// OUTBOX_CONCURRENCY, OUTBOX_REPORT_DELAY_MS, LOG_LEVEL; OUTBOX_CLOCK_START (ISO time): the
// clock starts there and runs, and the scheduler's per-row checks (school hours, the teacher's
// mute and snooze) run as in production, for plan_nudge messages.
import { openDatabase } from "../bot/db/client.js";
import { createLogger } from "../bot/logger.js";
import { ProactiveSender } from "../bot/proactive/send.js";
import { startOutbox } from "../bot/outbox/start.js";
import { createTeamsAdapter } from "../adapters/teams/teams-channel.js";
import { createTeamsSender } from "../adapters/teams/teams-sender.js";
import { createDeferral } from "../bot/reminders/scheduler.js";
import { sendDecision } from "../bot/reminders/preferences.js";
import type { OutboxRenderer } from "../bot/outbox/worker.js";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");
const logger = createLogger(process.env.LOG_LEVEL ?? "warn");
const database = await openDatabase(url);
const proactive = new ProactiveSender(database.db);
proactive.register(createTeamsSender(createTeamsAdapter({ appType: "MultiTenant", localMode: true }), ""));

const plain: OutboxRenderer = async () => [{ text: "Herinnering: plan deze week je kindgesprekken." }];
const clockStart = process.env.OUTBOX_CLOCK_START ? new Date(process.env.OUTBOX_CLOCK_START).getTime() : undefined;
const started = Date.now();
const clock = clockStart === undefined ? undefined : () => new Date(clockStart + Date.now() - started);
const scheduled = clock
  ? {
      clock,
      deferUntil: createDeferral(database.db, clock),
      // As the scheduler's renderers: a muted kind is not sent.
      plan_nudge: (async (message, db) =>
        (await sendDecision(db, message.recipientStaffId, "plan_nudge")) === "muted" ? null : plain(message, db)) satisfies OutboxRenderer,
    }
  : undefined;

const worker = startOutbox({
  db: database.db,
  proactive,
  logger,
  // A plain reminder: the engine is measured here, not the reminders' own queries.
  renderers: { reminder: plain, ...(scheduled ? { plan_nudge: scheduled.plan_nudge } : {}) },
  ...(scheduled ? { clock: scheduled.clock, deferUntil: scheduled.deferUntil } : {}),
  ...(process.env.OUTBOX_WORKER_ID ? { workerId: process.env.OUTBOX_WORKER_ID } : {}),
  intervalSeconds: Number(process.env.OUTBOX_INTERVAL_SECONDS ?? 1),
  ...(process.env.OUTBOX_CONCURRENCY ? { concurrency: Number(process.env.OUTBOX_CONCURRENCY) } : {}),
  ...(process.env.OUTBOX_REPORT_DELAY_MS ? { reportDelayMs: Number(process.env.OUTBOX_REPORT_DELAY_MS) } : {}),
});
process.stdout.write(`${JSON.stringify({ ready: true, workerId: worker.workerId, pid: process.pid })}\n`);

let stopping = false;
process.on("SIGTERM", () => {
  if (stopping) return;
  stopping = true;
  void (async () => {
    await worker.stop();
    await database.close();
    process.stdout.write(`${JSON.stringify({ stopped: true, workerId: worker.workerId })}\n`);
    process.exit(0);
  })();
});

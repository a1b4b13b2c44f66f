// One delivering instance for the multi-process outbox test and `npm run bench:reminders`: its
// own process, database client, Teams adapter and sender, and outbox worker on cron ticks —
// what each server instance runs. It prints one JSON line when it is delivering and stops
// cleanly on SIGTERM. Env: DATABASE_URL, OUTBOX_WORKER_ID, OUTBOX_INTERVAL_SECONDS,
// OUTBOX_CONCURRENCY, OUTBOX_REPORT_DELAY_MS, LOG_LEVEL.
import { openDatabase } from "../bot/db/client.js";
import { createLogger } from "../bot/logger.js";
import { ProactiveSender } from "../bot/proactive/send.js";
import { startOutbox } from "../bot/outbox/start.js";
import { createTeamsAdapter } from "../adapters/teams/teams-channel.js";
import { createTeamsSender } from "../adapters/teams/teams-sender.js";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");
const logger = createLogger(process.env.LOG_LEVEL ?? "warn");
const database = await openDatabase(url);
const proactive = new ProactiveSender(database.db);
proactive.register(createTeamsSender(createTeamsAdapter({ appType: "MultiTenant", localMode: true }), ""));

const worker = startOutbox({
  db: database.db,
  proactive,
  logger,
  // A plain reminder: the engine is measured here, not the reminders' own queries.
  renderers: { reminder: async () => [{ text: "Herinnering: plan deze week je kindgesprekken." }] },
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

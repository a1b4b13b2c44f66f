// The composition root: configuration in, a running service out. Everything is passed down
// explicitly; nothing below reads the environment.
import type { Server } from "node:http";
import type { Express } from "express";
import type { ChannelModule } from "../bot/channel/types.js";
import type { BotCore } from "../bot/chat/handle-turn.js";
import type { Config } from "../bot/config.js";
import { openDatabase, type Database } from "../bot/db/client.js";
import { migrateDatabase } from "../bot/db/migrate.js";
import { seedDemoSchool } from "../bot/roster/demo.js";
import { syncBuiltinFormats } from "../bot/formats/registry.js";
import { createHttpApp } from "../bot/http/server.js";
import type { Logger } from "../bot/logger.js";
import { startScheduler, type Scheduler } from "../bot/reminders/scheduler.js";
import { safeErrorHandler, unmatchedRequests } from "../bot/http/request-guards.js";
import { startRetentionJob } from "../bot/ops/nightly-job.js";
import { createCore } from "./core.js";
import { createMetrics, type Metrics } from "../bot/metrics/metrics.js";
import { mountMetrics } from "../bot/metrics/http.js";

export interface RunningApp {
  database: Database;
  core: BotCore;
  http: Express;
  server: Server;
  /** The port actually bound (useful with PORT=0 in tests). */
  port: number;
  /** Reminders and the outbox; absent with SCHEDULER=false. */
  scheduler: Scheduler | undefined;
  /** The Prometheus metrics served at GET /metrics. */
  metrics: Metrics;
  /** Resolves when every channel's work after its acks is done (tests wait on it, never sleep). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** Every channel mounts itself alike; each stays off (and loads nothing) unless configured. */
const CHANNELS = [
  async (deps: ChannelMountDeps) => (await import("../adapters/teams/index.js")).mountTeams(deps),
  async (deps: ChannelMountDeps) => (await import("../adapters/slack/index.js")).mountSlack(deps),
];

type ChannelMountDeps = { http: Express; core: BotCore; config: Config; logger: Logger; publicBaseUrl: string };

/** Why the HTTP server could not listen, in words an operator acts on. */
function listenError(error: unknown, config: Config): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EADDRINUSE") return new Error(`port ${config.PORT} on ${config.HOST} is already in use (another instance?); set PORT to a free port`);
  if (code === "EACCES") return new Error(`no permission to listen on port ${config.PORT}; use a port above 1023 or run with the right to bind it`);
  if (code === "EADDRNOTAVAIL") return new Error(`HOST ${config.HOST} is not an address of this machine`);
  return error instanceof Error ? error : new Error(String(error));
}

export async function startApp(config: Config, logger: Logger): Promise<RunningApp> {
  if (config.AUTO_MIGRATE) {
    const result = await migrateDatabase(config.DATABASE_URL);
    logger.info({ provider: config.databaseProvider, applied: result.applied.length, alreadyApplied: result.alreadyApplied }, "migrations checked");
    if (result.modified.length) logger.warn({ migrations: result.modified }, "applied migrations were modified afterwards");
  }
  const database = await openDatabase(config.DATABASE_URL);
  const formats = await syncBuiltinFormats(database.db);
  if (formats.changed.length) logger.warn({ formats: formats.changed }, "built-in format files changed after release; add a new version instead");
  if (config.SEED_DEMO && (await database.db.school.count()) === 0) {
    const demo = await seedDemoSchool(database.db);
    logger.info({ schoolId: demo.schoolId, staff: demo.staff, pupils: demo.pupils }, "demo school created");
  }
  const publicBaseUrl = config.PUBLIC_BASE_URL?.replace(/\/$/, "") ?? `http://localhost:${config.PORT}`;
  const metrics = createMetrics(database.db);
  const core = createCore({ db: database.db, logger, defaultLocale: config.DEFAULT_LOCALE, publicBaseUrl, onTurn: metrics.observeTurn });
  const http = createHttpApp({ db: database.db, logger });
  mountMetrics(http, metrics, logger, config.METRICS_TOKEN);
  const channels: ChannelModule[] = [];
  for (const mount of CHANNELS) {
    const channel = await mount({ http, core, config, logger, publicBaseUrl });
    if (!channel) continue;
    core.proactive.register(channel.sender);
    channels.push(channel);
  }
  http.use(unmatchedRequests(http));
  http.use(safeErrorHandler(logger));

  // Express 5 calls back with the error (a port in use) instead of emitting it: a start that cannot
  // listen must fail, not log "listening" and run a scheduler beside the instance that does.
  const server = await new Promise<Server>((resolve, reject) => {
    const s = http.listen(config.PORT, config.HOST, (error?: Error) => (error ? reject(error) : resolve(s)));
  }).catch(async (error: unknown) => {
    for (const channel of channels) await channel.stop();
    await database.close();
    throw listenError(error, config);
  });
  // After the channels registered their senders: the scheduler sends through them.
  const outboxHooks = { onSend: metrics.observeSend, onError: (error: unknown) => metrics.observeError("outbox", error) };
  const scheduler = config.SCHEDULER ? startScheduler({ db: database.db, proactive: core.proactive, logger, outboxHooks }) : undefined;
  const retention = config.SCHEDULER ? startRetentionJob({ db: database.db, logger }) : undefined;
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  logger.info({ port, provider: config.databaseProvider }, "listening");

  return {
    database,
    core,
    http,
    server,
    port,
    scheduler,
    metrics,
    async settled() {
      for (const channel of channels) await channel.settled?.();
    },
    async close() {
      await scheduler?.stop();
      await retention?.stop();
      for (const channel of channels) await channel.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

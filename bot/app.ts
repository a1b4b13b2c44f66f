// The composition root: configuration in, a running service out. Everything is passed down
// explicitly; nothing below reads the environment.
import type { Server } from "node:http";
import express, { type Express } from "express";
import type { Config } from "./config.js";
import { openDatabase, type Database } from "./db/client.js";
import { migrateDatabase } from "./db/migrate.js";
import type { Logger } from "./logger.js";
import { createHttpApp } from "./http/server.js";
import { createBotCore, type BotCore } from "./chat/handle-turn.js";
import { seedDemoSchool } from "./demo.js";
import { syncBuiltinFormats } from "../dialogs/formats/registry.js";
import { startScheduler, type Scheduler } from "./reminders/scheduler.js";
import { createMetrics, type Metrics } from "./metrics/metrics.js";
import { mountMetrics } from "./metrics/http.js";

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
  close(): Promise<void>;
}

/** POST /api/messages: authenticated with app credentials, or in explicit local mode only. */
async function mountTeams(http: Express, core: BotCore, config: Config, logger: Logger): Promise<void> {
  if (!config.MICROSOFT_APP_ID && !config.TEAMS_LOCAL_MODE) {
    logger.warn({ channel: "teams" }, "Teams is off: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD, or TEAMS_LOCAL_MODE=true for the Agents Playground");
    http.post("/api/messages", (_req, res) => {
      res.status(503).json({ error: "Teams is not configured on this server (MICROSOFT_APP_ID, or TEAMS_LOCAL_MODE=true locally)" });
    });
    return;
  }
  if (!config.MICROSOFT_APP_ID) {
    logger.warn(
      { channel: "teams", localMode: true },
      "TEAMS LOCAL MODE: /api/messages accepts UNAUTHENTICATED requests. For the Agents Playground and tests only; never expose this server.",
    );
  }
  // The Teams SDKs cost about half a second and 100 MB to load: only when Teams is on.
  const { createTeamsChannel } = await import("../adapters/teams/teams-channel.js");
  const { createTeamsSender } = await import("../adapters/teams/teams-sender.js");
  const baseUrl = config.PUBLIC_BASE_URL?.replace(/\/$/, "") ?? `http://localhost:${config.PORT}`;
  const teams = createTeamsChannel({
    core,
    logger,
    auth: {
      ...(config.MICROSOFT_APP_ID ? { appId: config.MICROSOFT_APP_ID } : {}),
      ...(config.MICROSOFT_APP_PASSWORD ? { appPassword: config.MICROSOFT_APP_PASSWORD } : {}),
      ...(config.MICROSOFT_APP_TENANT_ID ? { tenantId: config.MICROSOFT_APP_TENANT_ID } : {}),
      appType: config.MICROSOFT_APP_TYPE,
      localMode: config.TEAMS_LOCAL_MODE,
    },
    linkFor: async (user, file) => `${baseUrl}${await core.fileLink(user, file)}`,
  });
  core.proactive.register(createTeamsSender(teams.adapter, teams.appId));
  http.post("/api/messages", express.json({ limit: "1mb" }), (req, res) => {
    teams.handle(req, res).catch((error: unknown) => {
      logger.error({ err: error, channel: "teams" }, "teams request failed");
      if (!res.headersSent) res.status(500).end();
    });
  });
}

/** POST /slack/events: Bolt in HTTP mode, only when a signing secret and bot token are configured. */
async function mountSlack(http: Express, core: BotCore, database: Database, config: Config, logger: Logger): Promise<{ stop(): void } | undefined> {
  if (!config.SLACK_SIGNING_SECRET || !config.SLACK_BOT_TOKEN) {
    http.post("/slack/events", (_req, res) => {
      res.status(503).json({ error: "Slack is not configured on this server (SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)" });
    });
    return undefined;
  }
  // Bolt and the Slack Web API client load only when Slack is on.
  const { createSlackChannel } = await import("../adapters/slack/slack-channel.js");
  const baseUrl = config.PUBLIC_BASE_URL?.replace(/\/$/, "") ?? `http://localhost:${config.PORT}`;
  const slack = createSlackChannel({
    core,
    db: database.db,
    logger,
    http,
    signingSecret: config.SLACK_SIGNING_SECRET,
    botToken: config.SLACK_BOT_TOKEN,
    ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
    defaultLocale: config.DEFAULT_LOCALE,
    linkFor: async (user, file) => `${baseUrl}${await core.fileLink(user, file)}`,
  });
  core.proactive.register(slack.sender);
  logger.info({ channel: "slack" }, "Slack is on at POST /slack/events");
  return slack;
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
  const core = createBotCore({ db: database.db, logger, defaultLocale: config.DEFAULT_LOCALE, publicBaseUrl, onTurn: metrics.observeTurn });
  const http = createHttpApp({ db: database.db, logger });
  mountMetrics(http, metrics, logger, config.METRICS_TOKEN);
  await mountTeams(http, core, config, logger);
  const slack = await mountSlack(http, core, database, config, logger);
  // After the channels registered their senders: the scheduler sends through them.
  const outboxHooks = { onSend: metrics.observeSend, onError: (error: unknown) => metrics.observeError("outbox", error) };
  const scheduler = config.SCHEDULER ? startScheduler({ db: database.db, proactive: core.proactive, logger, outboxHooks }) : undefined;

  const server = await new Promise<Server>((resolve, reject) => {
    const s = http.listen(config.PORT, config.HOST, () => resolve(s));
    s.once("error", reject);
  });
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
    async close() {
      await scheduler?.stop();
      slack?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

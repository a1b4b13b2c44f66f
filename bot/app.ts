// The composition root: configuration in, a running service out. Everything is passed down
// explicitly; nothing below reads the environment.
import type { Server } from "node:http";
import type { Express } from "express";
import type { Config } from "./config.js";
import { openDatabase, type Database } from "./db/client.js";
import { migrateDatabase } from "./db/migrate.js";
import type { Logger } from "./logger.js";
import { createHttpApp } from "./http/server.js";
import { createBotCore, type BotCore } from "./chat/handle-turn.js";
import { seedDemoSchool } from "./demo.js";
import { syncBuiltinFormats } from "../dialogs/formats/registry.js";

export interface RunningApp {
  database: Database;
  core: BotCore;
  http: Express;
  server: Server;
  /** The port actually bound (useful with PORT=0 in tests). */
  port: number;
  close(): Promise<void>;
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
  const core = createBotCore({ db: database.db, logger, defaultLocale: config.DEFAULT_LOCALE });
  const http = createHttpApp({ db: database.db, logger });

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
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

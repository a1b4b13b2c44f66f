// `npm run chat [-- --as <e-mail>] [--exports <folder>]`: talk to the bot in the terminal as a
// member of staff. Uses the configured database (the embedded SQLite file by default) and the demo
// school. Exports (PDFs, calendar files: pupil data) go to --exports, else next to the SQLite file
// (where the pupil data already is), or on PostgreSQL to this checkout's data/exports (git-ignored);
// never into whatever folder the chat was started from.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseOptions } from "../bot/cli/parse-options.js";
import { loadConfig } from "../bot/config.js";
import { ConfigError } from "../bot/errors.js";
import { createLogger } from "../bot/logger.js";
import { openDatabase, sqliteFilePath } from "../bot/db/client.js";
import { migrateDatabase } from "../bot/db/migrate.js";
import { createCore } from "./core.js";
import { DEMO_TEACHER_EMAIL, seedDemoSchool } from "../bot/roster/demo.js";
import { TerminalChat } from "../adapters/local/terminal-chat.js";

let values: { as?: string; exports?: string };
try {
  ({ values } = parseOptions({ options: { as: { type: "string" }, exports: { type: "string" } } }));
} catch (error) {
  console.error(`${(error as Error).message}\nusage: npm run chat [-- --as <e-mail>] [--exports <folder>]`);
  process.exit(2);
}

try {
  process.loadEnvFile(".env");
} catch {
  // No .env: the environment alone configures the chat.
}
let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
// Logs go to stderr at warning level, so the conversation stays readable.
const logger = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, process.stderr);
await migrateDatabase(config.DATABASE_URL);
const database = await openDatabase(config.DATABASE_URL);
if ((await database.db.school.count()) === 0) {
  await seedDemoSchool(database.db);
  console.log("De demoschool is aangemaakt (fictieve leerkrachten en leerlingen).");
}
const email = values.as ?? DEMO_TEACHER_EMAIL;
console.log(`Gesprekswijzer — lokale chat als ${email}. Typ 'help', of 'exit' om te stoppen.`);
const chat = new TerminalChat({
  core: createCore({ db: database.db, logger, defaultLocale: config.DEFAULT_LOCALE }),
  user: { channel: "local", externalId: email, email },
  input: process.stdin,
  output: process.stdout,
  color: process.stdout.isTTY,
  exportDir: path.resolve(
    values.exports ??
      (database.provider === "sqlite"
        ? path.join(path.dirname(sqliteFilePath(config.DATABASE_URL)), "exports")
        : fileURLToPath(new URL("../data/exports", import.meta.url))),
  ),
});
await chat.run();
await database.close();

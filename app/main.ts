// `npm start`: runs the service until SIGINT/SIGTERM.
import { loadConfig } from "../bot/config.js";
import { ConfigError } from "../bot/errors.js";
import { createLogger } from "../bot/logger.js";
import { startApp } from "./start-app.js";

/** The Agents Playground next to the bot: a Teams-like chat page, no tenant needed. */
async function startPlaygroundFor(botPort: number, port: number, logger: ReturnType<typeof createLogger>, app: { close(): Promise<void> }) {
  const { startPlayground } = await import("../adapters/teams/playground.js");
  const { PLAYGROUND_USERS } = await import("../bot/roster/demo.js");
  try {
    const playground = await startPlayground({ botEndpoint: `http://localhost:${botPort}/api/messages`, port, users: PLAYGROUND_USERS });
    const close = app.close.bind(app);
    app.close = async () => {
      await playground.stop();
      await close();
    };
    console.log(`\n  Gesprekswijzer in a Teams-like chat: open ${playground.url}  (you are ${PLAYGROUND_USERS[0]!.name}, demo teacher of groep 5)\n`);
  } catch (error) {
    logger.error({ err: error }, "the Agents Playground did not start");
    console.error(`The Agents Playground did not start: ${error instanceof Error ? error.message : String(error)}. The bot itself runs on.`);
  }
}

async function main(): Promise<void> {
  let config;
  try {
    try {
      process.loadEnvFile(".env");
    } catch {
      // No .env file: the environment alone configures the service.
    }
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let app;
  try {
    app = await startApp(config, logger);
  } catch (error) {
    // Start-up errors concern configuration and infrastructure (no pupil data): show the message.
    logger.fatal({ err: error }, "start-up failed");
    console.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    return;
  }
  const running = app;
  if (config.PLAYGROUND) await startPlaygroundFor(config.PORT, config.PLAYGROUND_PORT, logger, running);
  const stop = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    await running.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

await main();

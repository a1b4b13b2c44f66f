// `npm start`: runs the service until SIGINT/SIGTERM.
import { loadConfig } from "./config.js";
import { ConfigError } from "./errors.js";
import { createLogger } from "./logger.js";
import { startApp } from "./app.js";

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
  const stop = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    await running.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

await main();

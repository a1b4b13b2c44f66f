// Starts the real service (HTTP server, migrations, core) on a fresh test database and an
// ephemeral port, with logs captured in memory.
import { Writable } from "node:stream";
import { loadConfig } from "../../bot/config.js";
import { createLogger } from "../../bot/logger.js";
import type { RunningApp } from "../../app/start-app.js";
import { loadStartApp } from "./target.js";
import { createEmptyDatabaseUrl } from "./test-db.js";

export interface TestApp extends RunningApp {
  baseUrl: string;
  logs: string[];
  stop(): Promise<void>;
}

export function memoryLogStream(lines: string[]): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp & { databaseUrl: string }> {
  const empty = await createEmptyDatabaseUrl();
  const logs: string[] = [];
  // The scheduler ticks on real time: tests that want it turn it on, or drive one with a fake clock.
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATABASE_URL: empty.url, LOG_LEVEL: "debug", SCHEDULER: "false", ...env });
  const startApp = await loadStartApp();
  const app = await startApp(config, createLogger(config.LOG_LEVEL, memoryLogStream(logs)));
  return {
    ...app,
    databaseUrl: empty.url,
    baseUrl: `http://127.0.0.1:${app.port}`,
    logs,
    async stop() {
      await app.close();
      await empty.drop();
    },
  };
}

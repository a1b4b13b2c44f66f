// The service's own process on a board's database, with the scheduler on: how long until /readyz
// answers, and its resident memory once the producer has run (idle) and at its highest (peak,
// the kernel's VmHWM). Used by `npm run bench:board`. The production bundle is measured when
// dist/ is built (`npm run build`), otherwise the development run (tsx adds its compiler).
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

export interface MemoryFigures {
  run: "production" | "development";
  readyMs: number;
  idleMiB: number;
  peakMiB: number;
}

function status(pid: number, field: "VmRSS" | "VmHWM"): number {
  const text = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(text)?.[1] ?? 0) / 1024;
}

let nextPort = 43000 + Math.floor(Math.random() * 1000);

/** Runs the service for `seconds` after it is ready (long enough for a scheduler tick on the minute). */
export async function measureServiceMemory(databaseUrl: string, seconds = 75): Promise<MemoryFigures> {
  const production = existsSync("dist/bot/main.js");
  const args = production ? ["dist/bot/main.js"] : ["--import", "tsx", "app/main.ts"];
  const port = nextPort++;
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", SCHEDULER: "true", AUTO_MIGRATE: "false" },
    stdio: "ignore",
  });
  try {
    let readyMs = Number.NaN;
    while (Number.isNaN(readyMs)) {
      if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
      if (performance.now() - started > 120_000) throw new Error("the service was not ready within 2 minutes");
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) readyMs = performance.now() - started;
      } catch {
        // not listening yet
      }
      if (Number.isNaN(readyMs)) await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, seconds * 1000));
    return { run: production ? "production" : "development", readyMs, idleMiB: status(child.pid!, "VmRSS"), peakMiB: status(child.pid!, "VmHWM") };
  } finally {
    child.kill("SIGKILL");
  }
}

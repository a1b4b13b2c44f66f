// What the benchmarks that start the service as a process share: a demo-school database to start
// it on, and waiting until it answers.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "../bot/db/client.js";
import { migrateDatabase } from "../bot/db/migrate.js";
import { seedDemoSchool } from "../bot/roster/demo.js";

/** A fresh SQLite file with the demo school; `remove()` deletes it. */
export async function demoSchoolDatabase(): Promise<{ url: string; demo: Awaited<ReturnType<typeof seedDemoSchool>>; remove(): void }> {
  const dir = mkdtempSync(path.join(tmpdir(), "gw-bench-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  await migrateDatabase(url);
  const database = await openDatabase(url);
  const demo = await seedDemoSchool(database.db);
  await database.close();
  return { url, demo, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Polls `url` every few ms until it answers 2xx; fails when the process exits or after `timeoutMs`. */
export async function waitForOk(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no answer from ${url}`);
}

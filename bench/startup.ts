// `npm run bench:startup`: start-up time and idle memory (RSS) of `npm start`'s process with the
// demo school (445 pupils) on SQLite, next to a bare Node HTTP server measured in the same run.
// Figures, not a test: the machine is noisy, so each is the median of several runs.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "../bot/db/client.js";
import { migrateDatabase } from "../bot/db/migrate.js";
import { seedDemoSchool } from "../bot/roster/demo.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const IDLE_MS = 3000;
let nextPort = 41000 + Math.floor(Math.random() * 1000);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function waitForOk(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
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

async function measure(args: string[], env: NodeJS.ProcessEnv, probePath: string): Promise<{ ms: number; rss: number }> {
  const port = nextPort++;
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port) }, stdio: "ignore" });
  try {
    await waitForOk(`http://127.0.0.1:${port}${probePath}`, child);
    const ms = performance.now() - started;
    await new Promise((r) => setTimeout(r, IDLE_MS));
    return { ms, rss: rssMiB(child.pid!) };
  } finally {
    child.kill("SIGKILL");
  }
}

const dir = mkdtempSync(path.join(tmpdir(), "gw-bench-"));
const url = `file:${path.join(dir, "bench.db")}`;
await migrateDatabase(url);
const database = await openDatabase(url);
const demo = await seedDemoSchool(database.db);
await database.close();

const baselineScript = `require("node:http").createServer((q, s) => s.end("ok")).listen(process.env.PORT, "127.0.0.1")`;
const results = { baseline: [] as { ms: number; rss: number }[], bot: [] as { ms: number; rss: number }[], teams: [] as { ms: number; rss: number }[] };
const botEnv = { DATABASE_URL: url, HOST: "127.0.0.1", LOG_LEVEL: "warn" };
for (let i = 0; i < RUNS; i++) {
  results.baseline.push(await measure(["-e", baselineScript], {}, "/"));
  results.bot.push(await measure(["--import", "tsx", "app/main.ts"], botEnv, "/readyz"));
  results.teams.push(await measure(["--import", "tsx", "app/main.ts"], { ...botEnv, TEAMS_LOCAL_MODE: "true" }, "/readyz"));
}
rmSync(dir, { recursive: true, force: true });

const row = (name: string, xs: { ms: number; rss: number }[]) =>
  `| ${name} | ${median(xs.map((x) => x.ms)).toFixed(0)} ms | ${median(xs.map((x) => x.rss)).toFixed(1)} MiB |`;
console.log(`Start-up until ready, and RSS after ${IDLE_MS / 1000} s idle; median of ${RUNS} runs; ${demo.pupils} pupils, ${demo.staff} staff on SQLite.\n`);
console.log("| process | start-up | idle RSS |\n| --- | --- | --- |");
console.log(row("bare node:http server (baseline)", results.baseline));
console.log(row("gesprekswijzer (npm start, Teams off)", results.bot));
console.log(row("gesprekswijzer (npm start, Teams on)", results.teams));

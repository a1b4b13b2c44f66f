// `npm run bench:startup`: start-up time and idle memory (RSS) of the service with the demo school
// (445 pupils) on SQLite: the development run (`npm start`, TypeScript compiled on the fly by tsx)
// and the production run (`npm run start:prod`, the compiled dist/ from `npm run build`), each with
// Teams off and on. Two baselines are measured in the same run, interleaved with the others: a bare
// node:http server, and a bare botbuilder echo bot (bench/echo-bot.mjs), which loads the same SDK.
// Figures, not a test: the machine is noisy, so each is the median of several runs.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { demoSchoolDatabase, waitForOk } from "./service-process.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const IDLE_MS = 3000;
let nextPort = 41000 + Math.floor(Math.random() * 1000);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
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

if (!existsSync("dist/bot/main.js")) {
  console.error("dist/ is missing: run `npm run build` first (the production run is measured too).");
  process.exit(1);
}

const { url, demo, remove } = await demoSchoolDatabase();

const baselineScript = `require("node:http").createServer((q, s) => s.end("ok")).listen(process.env.PORT, "127.0.0.1")`;
const botEnv = { DATABASE_URL: url, HOST: "127.0.0.1", LOG_LEVEL: "warn" };
const DEV = ["--import", "tsx", "app/main.ts"];
const PROD = ["dist/bot/main.js"];
// Production with Teams on is configured as in production: app credentials (dummy ones; nothing is
// fetched with them until a message is sent), SingleTenant, NODE_ENV=production.
const prodTeams = {
  NODE_ENV: "production",
  MICROSOFT_APP_ID: "00000000-0000-4000-8000-000000000001",
  MICROSOFT_APP_PASSWORD: "bench-not-a-secret",
  MICROSOFT_APP_TYPE: "SingleTenant",
  MICROSOFT_APP_TENANT_ID: "00000000-0000-4000-8000-000000000002",
};
const cases: { name: string; args: string[]; env: NodeJS.ProcessEnv; probe: string }[] = [
  { name: "bare node:http server (baseline)", args: ["-e", baselineScript], env: {}, probe: "/" },
  { name: "bare botbuilder echo bot (baseline)", args: ["bench/echo-bot.mjs"], env: {}, probe: "/healthz" },
  { name: "development (npm start), Teams off", args: DEV, env: botEnv, probe: "/readyz" },
  { name: "development (npm start), Teams on", args: DEV, env: { ...botEnv, TEAMS_LOCAL_MODE: "true" }, probe: "/readyz" },
  { name: "production (npm run start:prod), Teams off", args: PROD, env: botEnv, probe: "/readyz" },
  { name: "production (npm run start:prod), Teams on", args: PROD, env: { ...botEnv, ...prodTeams }, probe: "/readyz" },
];
const results = cases.map(() => [] as { ms: number; rss: number }[]);
for (let i = 0; i < RUNS; i++) {
  for (const [n, c] of cases.entries()) results[n]!.push(await measure(c.args, c.env, c.probe));
}
remove();

const med = (n: number) => ({ ms: median(results[n]!.map((x) => x.ms)), rss: median(results[n]!.map((x) => x.rss)) });
const echo = med(1);
console.log(
  `Start-up until ready, and RSS after ${IDLE_MS / 1000} s idle; median of ${RUNS} runs; ${demo.pupils} pupils, ${demo.staff} staff on SQLite; Node ${process.version}.\n`,
);
console.log("| process | start-up | idle RSS | start-up vs echo | RSS vs echo |\n| --- | --- | --- | --- | --- |");
for (const [n, c] of cases.entries()) {
  const m = med(n);
  const vs = n === 1 ? "| — | — |" : `| ${(m.ms / echo.ms).toFixed(2)}× | ${(m.rss / echo.rss).toFixed(2)}× |`;
  console.log(`| ${c.name} | ${m.ms.toFixed(0)} ms | ${m.rss.toFixed(1)} MiB ${vs}`);
}
const prod = med(cases.length - 1);
const met = prod.ms <= 1.5 * echo.ms && prod.rss <= 2 * echo.rss;
console.log(`\nTarget (production, Teams on: start-up ≤ 1.5× echo, RSS ≤ 2× echo): ${met ? "met" : "NOT met"} on the medians.`);
// The machine's load drifts during a run; a ratio within one round (measured seconds apart) is steadier.
const ratios = results[cases.length - 1]!.map((r, i) => r.ms / results[1]![i]!.ms).sort((a, b) => a - b);
console.log(`Start-up ÷ echo per round: median ${median(ratios).toFixed(2)}×, range ${ratios[0]!.toFixed(2)}–${ratios.at(-1)!.toFixed(2)}×.`);

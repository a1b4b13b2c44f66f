// `npm run bench:idle`: the CPU an idle service spends (nobody chatting, nothing due), the whole
// night and most of the day on a school's server. The production build (dist/) with the demo school
// on SQLite, with the scheduler off and on, beside a bare botbuilder echo bot as the baseline; all
// three run at the same time, so the machine's noise falls on each alike. Figures, not a test.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { demoSchoolDatabase, waitForOk } from "./service-process.js";

const SETTLE_MS = Number(process.env.BENCH_SETTLE_SECONDS ?? 20) * 1000;
const MEASURE_MS = Number(process.env.BENCH_IDLE_SECONDS ?? 60) * 1000;
// /proc/<pid>/stat counts CPU in clock ticks; USER_HZ is 100 on Linux.
const TICK_MS = 10;
let nextPort = 42000 + Math.floor(Math.random() * 1000);

/** User + system CPU of a process so far, in ms. */
function cpuMs(pid: number): number {
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

if (!existsSync("dist/bot/main.js")) {
  console.error("dist/ is missing: run `npm run build` first.");
  process.exit(1);
}

const { url, remove } = await demoSchoolDatabase();

const app = { DATABASE_URL: url, HOST: "127.0.0.1", LOG_LEVEL: "warn", TEAMS_LOCAL_MODE: "true" };
const cases = [
  { name: "bare botbuilder echo bot (baseline)", args: ["bench/echo-bot.mjs"], env: {}, probe: "/healthz" },
  { name: "production, Teams on, scheduler off", args: ["dist/bot/main.js"], env: { ...app, SCHEDULER: "false" }, probe: "/readyz" },
  { name: "production, Teams on, scheduler on", args: ["dist/bot/main.js"], env: { ...app, SCHEDULER: "true" }, probe: "/readyz" },
];
const children = cases.map((c) => {
  const port = nextPort++;
  const child = spawn(process.execPath, c.args, { env: { ...process.env, ...c.env, PORT: String(port) }, stdio: "ignore" });
  return { ...c, child, port };
});
try {
  await Promise.all(children.map((c) => waitForOk(`http://127.0.0.1:${c.port}${c.probe}`, c.child)));
  // Start-up work (the first producer pass, compiling the first queries) is not idle.
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const before = children.map((c) => cpuMs(c.child.pid!));
  await new Promise((r) => setTimeout(r, MEASURE_MS));
  const spent = children.map((c, i) => cpuMs(c.child.pid!) - before[i]!);
  console.log(
    `CPU while idle, over ${MEASURE_MS / 1000} s after ${SETTLE_MS / 1000} s settling; demo school on SQLite; Node ${process.version}; local time ${new Date().toString()}.\n`,
  );
  console.log("| process | CPU while idle | share of one core |\n| --- | --- | --- |");
  for (const [i, c] of children.entries()) {
    const perSecond = spent[i]! / (MEASURE_MS / 1000);
    console.log(`| ${c.name} | ${perSecond.toFixed(1)} ms/s | ${(perSecond / 10).toFixed(2)} % |`);
  }
} finally {
  for (const c of children) c.child.kill("SIGKILL");
  remove();
}

// `npm run bench:teams`: many concurrent teachers answer dialog steps over HTTP (Bot Framework
// activities into /api/messages, replies to a local fake connector); next to a bare botbuilder
// echo bot measured in the same run against the same connector. Prints p50/p99 turn latency and
// turns per second, on SQLite and on PostgreSQL, plus the server process's CPU time per turn.
// The echo and the dialog server run side by side and are measured in alternating rounds, so a
// machine whose speed drifts (other work, a scheduler tick) weighs on both alike. Figures, not a test. BENCH_SCHOOLS=40: the same beside a board of 40 schools (bench/board-seed.ts).
//
// Process layout, as in production: the server under test (the real app via startApp, or the
// echo bot) runs alone in a child process (bench/teams-server.ts); this process is the load
// generator and the fake connector, as Microsoft's connector is never inside our process. Each
// connector call is then paid once in the server's CPU (its client side), not twice.
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { FakeConnector } from "../tests/support/fake-connector.js";
import { findPostgresBinDir, startThrowawayPostgres } from "../tests/support/postgres-server.js";
import type { ServerMessage, ServerRequest } from "./teams-server.js";

const TEACHERS = Number(process.env.BENCH_TEACHERS ?? 20);
/** Measured turns per teacher in each round, and the rounds (each: an echo block, then a dialog block). */
const TURNS_PER_TEACHER = Number(process.env.BENCH_TURNS ?? 60);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/**
 * Unmeasured turns per teacher first, for echo and dialog alike: figures are for a warm server.
 * Every server is a fresh process, so this is its whole warm-up; BENCH_DEBUG shows the server's
 * CPU per turn settling after about 120 turns per teacher for the echo (2 ms → 0.8 ms) and 80 for
 * the dialog. With 20, as when everything shared one already-warm process, the echo ran cold.
 */
const WARMUP_TURNS = Number(process.env.BENCH_WARMUP ?? 300);
const WARMUP_BLOCK = 20;
const TENANT = "11111111-2222-3333-4444-555555555555";
/** Which databases to run ("sqlite", "postgresql" or both, the default): e.g. to profile one. */
const DATABASES = (process.env.BENCH_DB ?? "sqlite,postgresql").split(",");
/** BENCH_PG_STATEMENTS=1: PostgreSQL's own figures per statement (pg_stat_statements), printed after the run. */
const STATEMENTS = Boolean(process.env.BENCH_PG_STATEMENTS);
const SERVER_SCRIPT = fileURLToPath(new URL("./teams-server.ts", import.meta.url));

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

interface Result {
  /** Request sent → response received, at this (client) process over loopback; the server answers once the turn is done. */
  p50: number;
  p99: number;
  perSecond: number;
  /** The same turns timed inside the server: request in → response finished. */
  serverP50: number;
  serverP99: number;
  /** The server process's CPU time per turn (process.cpuUsage in the child): less noisy than rates. */
  serverCpuMsPerTurn: number;
  /** This process's (load generator and fake connector) CPU time per turn, for reference. */
  driverCpuMsPerTurn: number;
  /** Calls the bot made to the connector per turn (sends and card updates). */
  outboundPerTurn: number;
  /** Cores busy on the whole machine during the measured turns, and of those the server's and this process's. */
  machineCores: number;
  ourCores: number;
  /** PostgreSQL's processes' CPU time per turn (0 beside SQLite and for the echo). */
  postgresCpuMsPerTurn: number;
  /** Turns per second of each measured block, in order, and the server's CPU per turn in each. */
  blockRates: number[];
  blockCpu: number[];
  /** The server's CPU while idle, before the warm-up (its scheduler and timers), in ms per second. */
  idleCpuMsPerSecond: number;
}

/** Busy CPU time of the whole machine so far, in ms (from /proc/stat; 0 where there is none). */
function machineBusyMs(): number {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    return ((user + nice + system + irq + softirq + steal) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return 0;
  }
}

/** CPU time so far of every PostgreSQL process on the machine (backends, autovacuum, WAL writer), in ms; 0 without /proc. */
function postgresCpuMs(): number {
  let ticks = 0;
  try {
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      } catch {
        continue; // ended meanwhile
      }
      // "pid (comm) state ppid …": utime and stime are fields 14 and 15; comm may hold spaces.
      const close = stat.lastIndexOf(")");
      if (stat.slice(stat.indexOf("(") + 1, close) !== "postgres") continue;
      const fields = stat.slice(close + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return 0;
  }
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** A forked server under test and its IPC conversation (one request at a time). */
class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(env: Record<string, string>): Promise<ServerProcess> {
    const child = fork(SERVER_SCRIPT, [], {
      // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile of its turns there (teams-server.ts).
      execArgv: ["--import", "tsx"],
      env: { ...process.env, BENCH_TEACHERS: String(TEACHERS), BENCH_TENANT: TENANT, ...env },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const ready = await new Promise<ServerMessage>((resolve, reject) => {
      child.once("message", (m: ServerMessage) => resolve(m));
      child.once("exit", (code) => reject(new Error(`server process exited with ${code} before it was ready`)));
    });
    if (ready.type !== "ready") throw new Error(`unexpected first message ${ready.type}`);
    return new ServerProcess(child, `http://127.0.0.1:${ready.port}/api/messages`);
  }

  ask<T extends ServerMessage["type"]>(request: ServerRequest, expect: T): Promise<Extract<ServerMessage, { type: T }>> {
    return new Promise((resolve, reject) => {
      const died = (code: number | null) => reject(new Error(`server process exited with ${code} while asked to ${request.cmd}`));
      this.child.once("exit", died);
      this.child.once("message", (m: ServerMessage) => {
        this.child.off("exit", died);
        if (m.type === expect) resolve(m as Extract<ServerMessage, { type: T }>);
        else reject(new Error(`expected ${expect}, got ${m.type}`));
      });
      this.child.send(request);
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.send({ cmd: "stop" } satisfies ServerRequest);
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

function activity(connectorUrl: string, i: number, fields: Record<string, unknown>) {
  const aad = `bbbbbbbb-0000-0000-0000-${String(i).padStart(12, "0")}`;
  return {
    type: "message",
    id: `in-${Math.random()}`,
    channelId: "msteams",
    serviceUrl: connectorUrl,
    from: { id: `29:${aad}`, name: `Leerkracht ${i}`, aadObjectId: aad },
    recipient: { id: "28:bot", name: "Gesprekswijzer" },
    conversation: { id: `a:${aad}`, conversationType: "personal", tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    ...fields,
  };
}

async function post(url: string, body: unknown): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  if (res.status >= 300) throw new Error(`HTTP ${res.status}`);
  return performance.now() - started;
}

type Turn = (teacher: number, n: number) => Promise<number>;

/** Unmeasured turns (JIT, connection pools, caches), in blocks, so BENCH_DEBUG can show the server's CPU per turn settling. */
async function warmUp(server: ServerProcess, turn: Turn): Promise<void> {
  const warmupCpu: string[] = [];
  for (let done = 0; done < WARMUP_TURNS; done += WARMUP_BLOCK) {
    const block = Math.min(WARMUP_BLOCK, WARMUP_TURNS - done);
    await server.ask({ cmd: "mark" }, "marked");
    await Promise.all(
      Array.from({ length: TEACHERS }, async (_, t) => {
        for (let n = 0; n < block; n++) await turn(t, done + n);
      }),
    );
    warmupCpu.push(((await server.ask({ cmd: "report" }, "report")).cpuMs / (block * TEACHERS)).toFixed(2));
  }
  if (process.env.BENCH_DEBUG) console.error(`server CPU ms per turn during warm-up, by block of ${WARMUP_BLOCK} turns per teacher: ${warmupCpu.join(" ")}`);
}

/** The server's CPU while nobody talks to it (its scheduler, timers), in ms per second. */
async function idleCpu(server: ServerProcess, ms = 3000): Promise<number> {
  await server.ask({ cmd: "mark" }, "marked");
  await new Promise((resolve) => setTimeout(resolve, ms));
  return (await server.ask({ cmd: "report" }, "report")).cpuMs / (ms / 1000);
}

interface Block {
  latencies: number[];
  serverLatencies: number[];
  seconds: number;
  serverCpuMs: number;
  driverCpuMs: number;
  outbound: number;
  machineMs: number;
  postgresMs: number;
}

/** One measured block: `turns` sequential turns per teacher, all teachers at once. */
async function measure(server: ServerProcess, connector: FakeConnector, turn: Turn, turns: number, offset: number): Promise<Block> {
  const latencies: number[] = [];
  // The fake connector keeps what it received; a real one does not grow in anyone's memory during the run.
  connector.activities.length = 0;
  connector.attempts.length = 0;
  await server.ask({ cmd: "mark" }, "marked");
  const cpu = process.cpuUsage();
  const machineBefore = machineBusyMs();
  const postgresBefore = postgresCpuMs();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: TEACHERS }, async (_, t) => {
      for (let n = 0; n < turns; n++) latencies.push(await turn(t, offset + n));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const machineMs = machineBusyMs() - machineBefore;
  const postgresMs = postgresCpuMs() - postgresBefore;
  const used = process.cpuUsage(cpu);
  const report = await server.ask({ cmd: "report" }, "report");
  if (report.latencies.length !== latencies.length) throw new Error(`server timed ${report.latencies.length} requests, client ${latencies.length}`);
  return {
    latencies,
    serverLatencies: report.latencies,
    seconds,
    serverCpuMs: report.cpuMs,
    driverCpuMs: (used.user + used.system) / 1000,
    outbound: connector.activities.length,
    machineMs,
    postgresMs,
  };
}

function combine(blocks: Block[], idleCpuMsPerSecond: number): Result {
  const latencies = blocks.flatMap((b) => b.latencies);
  const serverLatencies = blocks.flatMap((b) => b.serverLatencies);
  const sum = (f: (b: Block) => number) => blocks.reduce((total, b) => total + f(b), 0);
  const seconds = sum((b) => b.seconds);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    perSecond: latencies.length / seconds,
    blockRates: blocks.map((b) => b.latencies.length / b.seconds),
    blockCpu: blocks.map((b) => b.serverCpuMs / b.latencies.length),
    serverP50: percentile(serverLatencies, 50),
    serverP99: percentile(serverLatencies, 99),
    serverCpuMsPerTurn: sum((b) => b.serverCpuMs) / latencies.length,
    driverCpuMsPerTurn: sum((b) => b.driverCpuMs) / latencies.length,
    outboundPerTurn: sum((b) => b.outbound) / latencies.length,
    machineCores: sum((b) => b.machineMs) / 1000 / seconds,
    ourCores: (sum((b) => b.serverCpuMs) + sum((b) => b.driverCpuMs)) / 1000 / seconds,
    postgresCpuMsPerTurn: sum((b) => b.postgresMs) / latencies.length,
    idleCpuMsPerSecond,
  };
}

/**
 * The echo and the dialog server side by side: both warmed up, then ROUNDS rounds of one echo
 * block and one dialog block each. A machine that gets slower or faster during the run (other
 * work, CPU frequency) then weighs on both alike, and a scheduler tick on the minute falls into
 * one block of many instead of deciding a whole run.
 */
async function compare(echo: ServerProcess, dialog: ServerProcess, connector: FakeConnector, dialogTurn: Turn): Promise<{ echo: Result; dialog: Result }> {
  const echoTurn: Turn = (t) => post(echo.url, activity(connector.url, t, { text: "hallo" }));
  const idle = { echo: await idleCpu(echo), dialog: await idleCpu(dialog) };
  await warmUp(echo, echoTurn);
  await warmUp(dialog, dialogTurn);
  const echoBlocks: Block[] = [];
  const dialogBlocks: Block[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const offset = WARMUP_TURNS + round * TURNS_PER_TEACHER;
    echoBlocks.push(await measure(echo, connector, echoTurn, TURNS_PER_TEACHER, offset));
    dialogBlocks.push(await measure(dialog, connector, dialogTurn, TURNS_PER_TEACHER, offset));
  }
  const result = { echo: combine(echoBlocks, idle.echo), dialog: combine(dialogBlocks, idle.dialog) };
  if (process.env.BENCH_DEBUG)
    console.error(
      `server CPU ms per turn by round: echo ${result.echo.blockCpu.map((c) => c.toFixed(2)).join(" ")}, dialog ${result.dialog.blockCpu.map((c) => c.toFixed(2)).join(" ")}`,
    );
  return result;
}

/** The app in its own process, with each teacher's preparation open at the "aim" step; returns its turn. */
async function startDialog(databaseUrl: string, connector: FakeConnector): Promise<{ server: ServerProcess; turn: Turn }> {
  // The child migrates, starts the app and sets up the bench school (one teacher, group and pupil each).
  const server = await ServerProcess.start({ BENCH_SERVER: "app", DATABASE_URL: databaseUrl });
  const url = server.url;
  // Each teacher opens a preparation and answers the format step (not measured).
  for (let t = 0; t < TEACHERS; t++) {
    await post(url, activity(connector.url, t, { text: "voorbereiden Kind" }));
    const card = [...connector.activities].reverse().find((a) => a.conversationId.endsWith(String(t).padStart(12, "0")))!;
    const content = (card.activity.attachments as Array<{ content: { actions: Array<{ data: Record<string, unknown> }> } }>)[0]!.content;
    const data = content.actions.find((a) => a.data.action === "submit")!.data;
    await post(url, activity(connector.url, t, { replyToId: card.activityId, value: { ...data, f_format: "kindplan" } }));
  }
  const { sessions } = await server.ask({ cmd: "sessions" }, "sessions");
  // Measured: the "aim" step submitted with three text fields (stored, advances), then "back".
  const turnsSoFar = new Array<number>(TEACHERS).fill(0);
  const turn: Turn = async (t) => {
    const s = sessions[t]!;
    const n = turnsSoFar[t]!;
    turnsSoFar[t] = n + 1;
    const value =
      n % 2 === 0
        ? {
            gw: "step",
            sessionId: s.sessionId,
            stepId: "aim",
            version: s.version,
            action: "submit",
            f_reason: `reden ${n}`,
            f_aim: "doel van het gesprek",
            f_theme: "lezen",
          }
        : { gw: "step", sessionId: s.sessionId, stepId: "when", version: s.version, action: "back" };
    const ms = await post(url, activity(connector.url, t, { replyToId: "card", value }));
    s.version += 1;
    return ms;
  };
  return { server, turn };
}

async function run(databaseUrl: string, connector: FakeConnector): Promise<{ echo: Result; dialog: Result }> {
  const echo = await ServerProcess.start({ BENCH_SERVER: "echo" });
  let dialog: ServerProcess | undefined;
  try {
    const started = await startDialog(databaseUrl, connector);
    dialog = started.server;
    return await compare(echo, dialog, connector, started.turn);
  } finally {
    await dialog?.stop();
    await echo.stop();
  }
}

/**
 * The statements PostgreSQL spent most time on during the whole run (warm-up, measured turns, the
 * scheduler; not the bench's own setup): calls, mean execution and planning time, and how often it planned (a generic plan
 * is planned a few times per connection, a custom plan on every call).
 */
async function statementStatistics(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    const { rows } = await client.query<{ calls: string; exec: number; plan: number; plans: string; query: string }>(
      `SELECT calls, mean_exec_time AS exec, mean_plan_time AS plan, plans, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query
         FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND query !~* '^ *(VACUUM|ANALYZE|CREATE|DROP|ALTER) '
         ORDER BY total_exec_time + total_plan_time DESC LIMIT 8`,
    );
    return [
      "\nPostgreSQL's statements by total time (pg_stat_statements, whole run):\n",
      "| calls | mean execution | mean planning | plans | statement |",
      "| --- | --- | --- | --- | --- |",
      ...rows.map(
        (r) => `| ${r.calls} | ${Number(r.exec).toFixed(3)} ms | ${Number(r.plan).toFixed(3)} ms | ${r.plans} | \`${r.query.replaceAll("|", "\\|")}\` |`,
      ),
    ].join("\n");
  } finally {
    await client.end();
  }
}

function row(name: string, r: Result, base?: Result): string {
  const byRound = base ? r.blockRates.map((rate, i) => (rate / base.blockRates[i]!).toFixed(2)).join(" ") : "—";
  const ratio = base ? ` | ${(r.p99 / base.p99).toFixed(2)}× | ${(r.perSecond / base.perSecond).toFixed(2)}× | ${byRound}` : " | — | — | —";
  return `| ${name} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.perSecond.toFixed(0)}${ratio} |`;
}

function serverRow(name: string, r: Result, base?: Result): string {
  const ratio = base ? ` | ${(r.serverP99 / base.serverP99).toFixed(2)}× | ${(r.serverCpuMsPerTurn / base.serverCpuMsPerTurn).toFixed(2)}×` : " | — | —";
  return `| ${name} | ${r.serverP50.toFixed(1)} ms | ${r.serverP99.toFixed(1)} ms | ${r.serverCpuMsPerTurn.toFixed(2)} ms | ${r.idleCpuMsPerSecond.toFixed(1)} ms/s | ${r.driverCpuMsPerTurn.toFixed(2)} ms | ${r.postgresCpuMsPerTurn.toFixed(2)} ms | ${r.outboundPerTurn.toFixed(2)}${ratio} | ${r.machineCores.toFixed(2)} (${r.ourCores.toFixed(2)}) |`;
}

const connector = new FakeConnector();
await connector.start();
const dir = mkdtempSync(path.join(tmpdir(), "gw-bench-teams-"));
const runs: { database: string; echo: Result; dialog: Result }[] = [];
let skipped = "";
try {
  if (DATABASES.includes("sqlite")) runs.push({ database: "SQLite", ...(await run(`file:${path.join(dir, "bench.db")}`, connector)) });
  const bin = findPostgresBinDir();
  if (!DATABASES.includes("postgresql")) {
    // not asked for
  } else if (bin || process.env.TEST_POSTGRES_URL) {
    const server = process.env.TEST_POSTGRES_URL
      ? null
      : await startThrowawayPostgres(
          bin!,
          STATEMENTS ? { settings: { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track_planning": "on" } } : {},
        );
    const adminUrl = process.env.TEST_POSTGRES_URL ?? server!.url;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query("DROP DATABASE IF EXISTS gw_bench_teams");
    await admin.query("CREATE DATABASE gw_bench_teams");
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = "/gw_bench_teams";
    try {
      runs.push({ database: "PostgreSQL", ...(await run(url.toString(), connector)) });
      if (STATEMENTS) console.log(await statementStatistics(url.toString()));
    } finally {
      server?.stop();
    }
  } else {
    skipped = "| dialog step, PostgreSQL | skipped: no PostgreSQL (apt-get install postgresql) | | | | | |";
  }
} finally {
  await connector.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `${TEACHERS} concurrent teachers; each server warmed up with ${WARMUP_TURNS} unmeasured turns per teacher, then ${ROUNDS} rounds of` +
    ` ${TURNS_PER_TEACHER} turns per teacher on the echo and then on the dialog server (both running side by side).` +
    " Server under test in its own process; load generator and fake connector in this one. Latency = request sent → turn done and answered," +
    " timed by the load generator over loopback." +
    (process.env.BENCH_SCHOOLS ? ` The database also holds a board of ${process.env.BENCH_SCHOOLS} schools (BENCH_SCHOOLS), the scheduler on.\n` : "\n"),
);
console.log("| turn | p50 | p99 | turns/s | p99 vs echo | throughput vs echo | throughput vs echo, by round |\n| --- | --- | --- | --- | --- | --- | --- |");
for (const { database, echo, dialog } of runs) {
  console.log(row(`bare botbuilder echo (beside ${database})`, echo));
  console.log(row(`dialog step, ${database}`, dialog, echo));
}
if (skipped) console.log(skipped);
console.log(
  "\nInside the server process: request in → response finished, CPU time per turn, CPU while idle (before the warm-up); the load generator's CPU, PostgreSQL's CPU (all its processes) and connector calls per turn;" +
    ` cores busy on the whole ${cpus().length}-core machine while measuring (of which server + load generator; the rest is PostgreSQL or other work).\n`,
);
console.log(
  "| turn | server p50 | server p99 | server CPU/turn | server CPU idle | driver CPU/turn | PostgreSQL CPU/turn | connector calls/turn | server p99 vs echo | server CPU vs echo | cores busy (ours) |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const { database, echo, dialog } of runs) {
  console.log(serverRow(`bare botbuilder echo (beside ${database})`, echo));
  console.log(serverRow(`dialog step, ${database}`, dialog, echo));
}

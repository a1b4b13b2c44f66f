// `npm run bench:teams`: many concurrent teachers answer dialog steps over HTTP (Bot Framework
// activities into /api/messages, replies to a local fake connector); next to a bare botbuilder
// echo bot measured in the same run against the same connector. Prints p50/p99 turn latency
// (request in → turn done, replies sent, measured on loopback) and turns per second, on SQLite
// and on PostgreSQL. Figures, not a test.
import express from "express";
import type { Server } from "node:http";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import { loadConfig } from "../bot/config.js";
import { createLogger } from "../bot/logger.js";
import { startApp } from "../bot/app.js";
import { applySchoolSetup } from "../bot/roster/index.js";
import { migrateDatabase } from "../bot/db/migrate.js";
import { FakeConnector } from "../tests/support/fake-connector.js";
import { findPostgresBinDir, startThrowawayPostgres } from "../tests/support/postgres-server.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const TEACHERS = Number(process.env.BENCH_TEACHERS ?? 20);
const TURNS_PER_TEACHER = Number(process.env.BENCH_TURNS ?? 60);
/** Unmeasured turns per teacher first, for echo and dialog alike: figures are for a warm server. */
const WARMUP_TURNS = Number(process.env.BENCH_WARMUP ?? 20);
const TENANT = "11111111-2222-3333-4444-555555555555";
/** Which databases to run ("sqlite", "postgresql" or both, the default): e.g. to profile one. */
const DATABASES = (process.env.BENCH_DB ?? "sqlite,postgresql").split(",");

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

interface Result {
  p50: number;
  p99: number;
  perSecond: number;
  /** This process's CPU time per turn (server, fake connector and client alike): less noisy than rates. */
  cpuMsPerTurn: number;
  /** Calls the bot made to the connector per turn (sends and card updates). */
  outboundPerTurn: number;
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

/** Runs `turns` sequential turns per teacher, all teachers at once; returns latencies and rate. */
async function drive(connector: FakeConnector, turn: (teacher: number, n: number) => Promise<number>): Promise<Result> {
  // Warm-up (JIT, connection pools, caches), not measured.
  await Promise.all(Array.from({ length: TEACHERS }, async (_, t) => { for (let n = 0; n < WARMUP_TURNS; n++) await turn(t, n); }));
  const latencies: number[] = [];
  // The fake connector keeps what it received; a real one is not in our process, so neither is its memory.
  connector.activities.length = 0;
  const outboundBefore = connector.activities.length;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: TEACHERS }, async (_, t) => {
      for (let n = 0; n < TURNS_PER_TEACHER; n++) latencies.push(await turn(t, n));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  if (process.env.BENCH_DEBUG) {
    const tenth = Math.floor(latencies.length / 10);
    console.error("p99 by tenth of the run:", Array.from({ length: 10 }, (_, i) => percentile(latencies.slice(i * tenth, (i + 1) * tenth), 99).toFixed(0)).join(" "));
  }
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    perSecond: latencies.length / seconds,
    cpuMsPerTurn: (used.user + used.system) / 1000 / latencies.length,
    outboundPerTurn: (connector.activities.length - outboundBefore) / latencies.length,
  };
}

async function echoBaseline(connector: FakeConnector): Promise<Result> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const app = express();
  app.post("/api/messages", express.json(), (req, res) => {
    void adapter.process(req, res, async (context) => {
      await context.sendActivity(`echo: ${context.activity.text}`);
    });
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api/messages`;
  try {
    return await drive(connector, (t) => post(url, activity(connector.url, t, { text: "hallo" })));
  } finally {
    server.close();
  }
}

async function dialogRun(databaseUrl: string, connector: FakeConnector): Promise<Result> {
  await migrateDatabase(databaseUrl);
  const config = loadConfig({ DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", TEAMS_LOCAL_MODE: "true" });
  // BENCH_DEBUG: also report how long the core took per turn (its "turn" log line), to tell the
  // core's time from the channel's.
  const coreMs: number[] = [];
  const logStream = { write: (line: string) => void (line.includes('"msg":"turn"') && coreMs.push(JSON.parse(line).ms as number)) };
  const app = await startApp(config, process.env.BENCH_DEBUG ? createLogger("info", logStream) : createLogger("silent"));
  const url = `http://127.0.0.1:${app.port}/api/messages`;
  try {
    const emails = Array.from({ length: TEACHERS }, (_, i) => `leerkracht${i}@bench.example`);
    const setup = await applySchoolSetup(app.database.db, {
      school: { name: "Benchschool", teamsTenantIds: [TENANT] },
      schoolYear: "2026-2027",
      staff: emails.map((email, i) => ({ email, name: `Leerkracht ${i}`, roles: ["teacher"], teamsAadObjectId: `bbbbbbbb-0000-0000-0000-${String(i).padStart(12, "0")}` })),
      groups: emails.map((email, i) => ({ name: `groep ${(i % 8) + 1}${String.fromCharCode(97 + Math.floor(i / 8))}`, teachers: [{ email }] })),
    });
    const groups = await app.database.db.group.findMany({ where: { schoolId: setup.schoolId }, include: { teachers: true } });
    for (const g of groups) {
      await app.database.db.pupil.create({ data: { schoolId: setup.schoolId, groupId: g.id, externalId: g.id, firstName: "Kind", lastName: g.name } });
    }
    // Each teacher opens a preparation and answers the format step (not measured).
    const sessions: { sessionId: string; version: number; stepId: string }[] = [];
    for (let t = 0; t < TEACHERS; t++) {
      await post(url, activity(connector.url, t, { text: "voorbereiden Kind" }));
      const card = [...connector.activities].reverse().find((a) => a.conversationId.endsWith(String(t).padStart(12, "0")))!;
      const content = (card.activity.attachments as Array<{ content: { actions: Array<{ data: Record<string, unknown> }> } }>)[0]!.content;
      const data = content.actions.find((a) => a.data.action === "submit")!.data;
      await post(url, activity(connector.url, t, { replyToId: card.activityId, value: { ...data, f_format: "kindplan" } }));
      const s = await app.database.db.dialogSession.findFirstOrThrow({ where: { staff: { email: emails[t]! }, status: "active" } });
      sessions.push({ sessionId: s.id, version: s.version, stepId: s.stepId });
    }
    // Measured: the "aim" step submitted with three text fields (stored, advances), then "back".
    const turnsSoFar = new Array<number>(TEACHERS).fill(0);
    coreMs.length = 0;
    const measured = await drive(connector, async (t) => {
      const s = sessions[t]!;
      const n = turnsSoFar[t]!;
      turnsSoFar[t] = n + 1;
      const forward = n % 2 === 0;
      const value = forward
        ? { gw: "step", sessionId: s.sessionId, stepId: "aim", version: s.version, action: "submit", f_reason: `reden ${n}`, f_aim: "doel van het gesprek", f_theme: "lezen" }
        : { gw: "step", sessionId: s.sessionId, stepId: "when", version: s.version, action: "back" };
      const ms = await post(url, activity(connector.url, t, { replyToId: "card", value }));
      s.version += 1;
      return ms;
    });
    if (process.env.BENCH_DEBUG) console.error(`core time per turn: p50 ${percentile(coreMs, 50)} ms, p99 ${percentile(coreMs, 99)} ms`);
    return measured;
  } finally {
    await app.close();
  }
}

function row(name: string, r: Result, base?: Result): string {
  const ratio = base ? ` | ${(r.p99 / base.p99).toFixed(2)}× | ${(r.perSecond / base.perSecond).toFixed(2)}×` : " | — | —";
  return `| ${name} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.perSecond.toFixed(0)}${ratio} |`;
}

const connector = new FakeConnector();
await connector.start();
const dir = mkdtempSync(path.join(tmpdir(), "gw-bench-teams-"));
const lines: string[] = [];
const cpuLines: string[] = [];
const noteCpu = (name: string, r: Result) => cpuLines.push(`${name}: ${r.cpuMsPerTurn.toFixed(2)} ms, ${r.outboundPerTurn.toFixed(2)} connector calls`);
try {
  // One whole echo run first, unmeasured: otherwise the first baseline runs on a colder process
  // than the second (JIT of express, botbuilder and fetch) and flatters the first comparison.
  await echoBaseline(connector);
  if (DATABASES.includes("sqlite")) {
    const echo = await echoBaseline(connector);
    const sqlite = await dialogRun(`file:${path.join(dir, "bench.db")}`, connector);
    lines.push(row("bare botbuilder echo (baseline)", echo), row("dialog step, SQLite", sqlite, echo));
    noteCpu("echo", echo);
    noteCpu("dialog step, SQLite", sqlite);
  }
  const bin = findPostgresBinDir();
  if (!DATABASES.includes("postgresql")) {
    // not asked for
  } else if (bin || process.env.TEST_POSTGRES_URL) {
    const server = process.env.TEST_POSTGRES_URL ? null : await startThrowawayPostgres(bin!);
    const adminUrl = process.env.TEST_POSTGRES_URL ?? server!.url;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query("DROP DATABASE IF EXISTS gw_bench_teams");
    await admin.query("CREATE DATABASE gw_bench_teams");
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = "/gw_bench_teams";
    try {
      const echoAgain = await echoBaseline(connector);
      const postgres = await dialogRun(url.toString(), connector);
      lines.push(row("bare botbuilder echo (baseline, again)", echoAgain), row("dialog step, PostgreSQL", postgres, echoAgain));
      noteCpu("echo (again)", echoAgain);
      noteCpu("dialog step, PostgreSQL (Node only; the server's CPU is not counted)", postgres);
    } finally {
      server?.stop();
    }
  } else {
    lines.push("| dialog step, PostgreSQL | skipped: no PostgreSQL (apt-get install postgresql) | | | | |");
  }
} finally {
  await connector.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`${TEACHERS} concurrent teachers × ${TURNS_PER_TEACHER} turns each, after ${WARMUP_TURNS} unmeasured; latency = request in → turn done (loopback).\n`);
console.log("| turn | p50 | p99 | turns/s | p99 vs echo | throughput vs echo |\n| --- | --- | --- | --- | --- | --- |");
for (const line of lines) console.log(line);
console.log(`\nPer turn, CPU time of this process and calls to the connector — ${cpuLines.join("; ")}`);

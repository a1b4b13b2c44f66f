// The system under test for `npm run bench:teams`, in its own process: either the real app
// (startApp, Teams in local mode, a bench school set up in its database) or a bare botbuilder
// echo bot. bench/teams.ts forks it and drives it over HTTP from another process, where the fake
// connector lives too, as Microsoft's connector is never inside our process. Talks to the parent
// over the IPC channel: "ready" (with the port), then answers "mark" (start counting), "report"
// (this process's CPU time and its own request-to-response times since the mark) and "sessions".
// Env: BENCH_SERVER ("echo" or "app"), DATABASE_URL, BENCH_TEACHERS, BENCH_TENANT, BENCH_DEBUG, BENCH_SCHOOLS,
// BENCH_CPU_PROF (a directory: a V8 CPU profile of the turns, from the first mark after the idle
// measurement to the stop, so seeding a board and starting up do not drown the turns in it).
import express from "express";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import type { Server } from "node:http";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import { loadConfig } from "../bot/config.js";
import { createLogger } from "../bot/logger.js";
import { startApp, type RunningApp } from "../app/start-app.js";
import { applySchoolSetup } from "../bot/roster/index.js";
import { migrateDatabase } from "../bot/db/migrate.js";
import { openDatabase } from "../bot/db/client.js";
import { seedBoard } from "./board-seed.js";
import { localDate } from "../bot/domain/local-time.js";

export type ServerRequest = { cmd: "mark" } | { cmd: "report" } | { cmd: "sessions" } | { cmd: "stop" };
export type ServerMessage =
  | { type: "ready"; port: number }
  | { type: "marked" }
  | { type: "report"; cpuMs: number; latencies: number[]; coreMs: number[] }
  | { type: "sessions"; sessions: { sessionId: string; version: number; stepId: string }[] }
  | { type: "stopped" };

const mode = process.env.BENCH_SERVER;
const teachers = Number(process.env.BENCH_TEACHERS ?? 20);
const tenant = process.env.BENCH_TENANT ?? "";
const debug = Boolean(process.env.BENCH_DEBUG);
const boardSchools = Number(process.env.BENCH_SCHOOLS ?? 0);
const send = (message: ServerMessage) => process.send!(message);
const emails = Array.from({ length: teachers }, (_, i) => `leerkracht${i}@bench.example`);

/** The bare baseline: every message answered with one send through botbuilder's CloudAdapter. */
async function startEcho(): Promise<{ server: Server; close: () => Promise<void> }> {
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
  return { server, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

// BENCH_DEBUG: the core's own time per turn (its "turn" log line), to tell the core's time from the channel's.
const coreMs: number[] = [];
const logStream = { write: (line: string) => void (line.includes('"msg":"turn"') && coreMs.push(JSON.parse(line).ms as number)) };

async function startBenchApp(databaseUrl: string): Promise<RunningApp> {
  await migrateDatabase(databaseUrl);
  // BENCH_SCHOOLS: a board of that many schools beside the bench school (bench/board-seed.ts).
  if (boardSchools > 0) {
    const board = await openDatabase(databaseUrl);
    await seedBoard(board.db, boardSchools, localDate(new Date(), "Europe/Amsterdam"));
    await board.close();
  }
  const config = loadConfig({ DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", TEAMS_LOCAL_MODE: "true" });
  const app = await startApp(config, debug ? createLogger("info", logStream) : createLogger("silent"));
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Benchschool", teamsTenantIds: [tenant] },
    schoolYear: "2026-2027",
    staff: emails.map((email, i) => ({
      email,
      name: `Leerkracht ${i}`,
      roles: ["teacher"],
      teamsAadObjectId: `bbbbbbbb-0000-0000-0000-${String(i).padStart(12, "0")}`,
    })),
    groups: emails.map((email, i) => ({ name: `groep ${(i % 8) + 1}${String.fromCharCode(97 + Math.floor(i / 8))}`, teachers: [{ email }] })),
  });
  const groups = await app.database.db.group.findMany({ where: { schoolId: setup.schoolId } });
  for (const g of groups) {
    await app.database.db.pupil.create({ data: { schoolId: setup.schoolId, groupId: g.id, externalId: g.id, firstName: "Kind", lastName: g.name } });
  }
  // A settled database, as a running board's is: without this, PostgreSQL's autovacuum works through the freshly
  // seeded board (and its planner has no statistics) while the turns are measured.
  if (app.database.provider === "postgresql") await app.database.db.$executeRawUnsafe("VACUUM ANALYZE");
  return app;
}

let app: RunningApp | undefined;
let running: { server: Server; close: () => Promise<void> };
if (mode === "echo") {
  running = await startEcho();
} else if (mode === "app") {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is required");
  app = await startBenchApp(process.env.DATABASE_URL);
  running = { server: app.server, close: () => app!.close() };
} else {
  throw new Error(`BENCH_SERVER must be "echo" or "app", not ${mode}`);
}

// Request in (headers parsed) → response finished, as this server sees it: no client, no loopback queueing.
let latencies: number[] = [];
running.server.prependListener("request", (req, res) => {
  if (req.method !== "POST") return;
  const started = performance.now();
  res.once("finish", () => latencies.push(performance.now() - started));
});

const profileDir = process.env.BENCH_CPU_PROF;
let profiler: Session | undefined;
let marks = 0;

let cpuMark = process.cpuUsage();
process.on("message", (request: ServerRequest) => {
  void (async () => {
    if (request.cmd === "mark") {
      // The first mark measures the idle server; the second starts the warm-up turns.
      if (profileDir && ++marks === 2) {
        profiler = new Session();
        profiler.connect();
        await profiler.post("Profiler.enable");
        await profiler.post("Profiler.start");
      }
      latencies = [];
      coreMs.length = 0;
      cpuMark = process.cpuUsage();
      send({ type: "marked" });
    } else if (request.cmd === "report") {
      const used = process.cpuUsage(cpuMark);
      send({ type: "report", cpuMs: (used.user + used.system) / 1000, latencies, coreMs: [...coreMs] });
    } else if (request.cmd === "sessions") {
      const sessions = [];
      for (const email of emails) {
        const s = await app!.database.db.dialogSession.findFirstOrThrow({ where: { staff: { email }, status: "active" } });
        sessions.push({ sessionId: s.id, version: s.version, stepId: s.stepId });
      }
      send({ type: "sessions", sessions });
    } else if (request.cmd === "stop") {
      if (profiler && profileDir) {
        const { profile } = await profiler.post("Profiler.stop");
        writeFileSync(path.join(profileDir, `${mode}-${process.pid}.cpuprofile`), JSON.stringify(profile));
      }
      await running.close();
      send({ type: "stopped" });
      process.disconnect();
    }
  })();
});
const address = running.server.address();
send({ type: "ready", port: typeof address === "object" && address ? address.port : 0 });

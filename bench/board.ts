// `npm run bench:board`: a school board of 1, 10 and 40 schools (bench/board-seed.ts) on SQLite and
// PostgreSQL. Per size: p50/p99 of the interactive reads and a dialog turn on the first school
// (bench/board-reads.ts; timed in rounds that alternate between the sizes), the database's size,
// and the service's own process on that database with the scheduler on: time to ready, RSS after
// the first producer tick and its peak (bench/board-memory.ts). The 1-school figures of the same run are the baseline. Figures, not a test.
// Env: BENCH_SIZES ("1,10,40"), BENCH_DATABASES ("sqlite,postgresql"), BENCH_SAMPLES (30),
// BENCH_IDLE_SECONDS (75: long enough for a tick on the minute).
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateDatabase } from "../bot/db/migrate.js";
import { openDatabase } from "../bot/db/client.js";
import { findPostgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from "../tests/support/postgres-server.js";
import { seedBoard } from "./board-seed.js";
import { localDate } from "../bot/domain/local-time.js";
import { measureReads, type ReadSamples } from "./board-reads.js";
import { measureServiceMemory, type MemoryFigures } from "./board-memory.js";

const SIZES = (process.env.BENCH_SIZES ?? "1,10,40").split(",").map(Number);
const DATABASES = (process.env.BENCH_DATABASES ?? "sqlite,postgresql").split(",") as ("sqlite" | "postgresql")[];
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 75);

type ReadFigures = Record<string, { p50: number; p99: number }>;

interface SizeFigures {
  schools: number;
  seedSeconds: number;
  reads: ReadFigures;
  databaseMiB: number;
  memory: MemoryFigures;
}

const postgres: { server: ThrowawayPostgres | null } = { server: null };
async function freshDatabase(provider: "sqlite" | "postgresql", name: string): Promise<{ url: string; size(): Promise<number>; drop(): Promise<void> }> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "gw-board-"));
    const file = path.join(dir, "board.db");
    const size = async () => ["", "-wal"].reduce((sum, suffix) => sum + (statSync(file + suffix, { throwIfNoEntry: false })?.size ?? 0), 0);
    return { url: `file:${file}`, size, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (!postgres.server && !process.env.TEST_POSTGRES_URL) {
    const bin = findPostgresBinDir();
    if (!bin) throw new Error("bench:board needs PostgreSQL (apt-get install postgresql) or TEST_POSTGRES_URL");
    postgres.server = await startThrowawayPostgres(bin);
  }
  const adminUrl = process.env.TEST_POSTGRES_URL ?? postgres.server!.url;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    size: async () => Number((await admin(`SELECT pg_database_size('${name}') AS bytes`)).rows[0].bytes),
    drop: async () => void (await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const ratio = (x: number, base: number) => `${(x / base).toFixed(2)}×`;

const ROUNDS = 5;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

interface Board {
  schools: number;
  seedSeconds: number;
  database: Awaited<ReturnType<typeof freshDatabase>>;
  opened: Awaited<ReturnType<typeof openDatabase>>;
  firstSchool: string;
  samples: ReadSamples;
}

const results = new Map<string, SizeFigures[]>();
try {
  for (const provider of DATABASES) {
    // Every size is built first, then the reads are timed round by round across the sizes, so a
    // busy moment of the machine falls on all of them alike.
    const boards: Board[] = [];
    try {
      for (const schools of SIZES) {
        const database = await freshDatabase(provider, `gw_bench_board_${schools}`);
        await migrateDatabase(database.url);
        const opened = await openDatabase(database.url);
        const seeded = performance.now();
        const ids = await seedBoard(opened.db, schools, localDate(new Date(), "Europe/Amsterdam"));
        const seedSeconds = (performance.now() - seeded) / 1000;
        console.error(`${provider}, ${schools} school(s): seeded in ${seedSeconds.toFixed(0)} s`);
        boards.push({ schools, seedSeconds, database, opened, firstSchool: ids[0]!, samples: new Map() });
      }
      // A first pass over every size, not counted: the process's JIT and caches warm up once.
      for (const board of boards) await measureReads(board.opened.db, board.firstSchool, 5, new Map());
      for (let round = 0; round < ROUNDS; round++) {
        // Each round starts with another size.
        for (let i = 0; i < boards.length; i++) {
          const board = boards[(i + round) % boards.length]!;
          await measureReads(board.opened.db, board.firstSchool, Math.ceil(SAMPLES / ROUNDS), board.samples);
        }
      }
      const list: SizeFigures[] = [];
      results.set(provider, list);
      for (const board of boards) {
        await board.opened.close();
        const reads: ReadFigures = {};
        for (const [read, times] of board.samples) reads[read] = { p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
        const databaseMiB = (await board.database.size()) / 1024 / 1024;
        const memory = await measureServiceMemory(board.database.url, IDLE_SECONDS);
        list.push({ schools: board.schools, seedSeconds: board.seedSeconds, reads, databaseMiB, memory });
        console.error(`${provider}, ${board.schools} school(s): ${JSON.stringify(list.at(-1))}`);
      }
    } finally {
      for (const board of boards) await board.database.drop();
    }
  }
} finally {
  postgres.server?.stop();
}

console.log(
  `School board on one instance: copies of the demo school (445 pupils each) with two held conversations and two goals per pupil; Node ${process.version}.`,
);
console.log(
  `Reads: p50 / p99 in ms over ${SAMPLES} samples on the first school, in process; × is the p50 against 1 school in the same run (target at 40: ≤ 1.3×).\n`,
);
for (const [provider, list] of results) {
  const base = list.find((x) => x.schools === 1) ?? list[0]!;
  const reads = Object.keys(base.reads);
  console.log(`**${provider}**\n`);
  console.log(`| schools | ${reads.join(" | ")} | database | ready | RSS idle / peak (${base.memory.run}) |`);
  console.log(`| --- | ${reads.map(() => "---").join(" | ")} | --- | --- | --- |`);
  for (const x of list) {
    const cells = reads.map((r) => `${ms(x.reads[r]!.p50)} / ${ms(x.reads[r]!.p99)} (${ratio(x.reads[r]!.p50, base.reads[r]!.p50)})`);
    console.log(
      `| ${x.schools} | ${cells.join(" | ")} | ${x.databaseMiB.toFixed(0)} MiB | ${(x.memory.readyMs / 1000).toFixed(1)} s | ${x.memory.idleMiB.toFixed(0)} / ${x.memory.peakMiB.toFixed(0)} MiB |`,
    );
  }
  console.log("");
}
console.log("Producer ticks: `npm run bench:producer`; the 08:30 burst: `npm run bench:burst`.");

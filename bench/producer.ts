// `npm run bench:producer`: what the reminder producer's every-minute tick costs on a school board
// (bench/board-seed.ts: copies of the demo school with a term of history), on SQLite and
// PostgreSQL. Per board size: the full pass (what every tick cost before the producer became
// incremental, and what `produceReminders` still does), the first tick (the peak: every school
// recomputed), the steady tick (nothing changed), and the tick after a typical change (a teacher
// plans one conversation); with the statements each sends. Figures, not a test.
// Env: BENCH_SIZES ("1,10,40"), BENCH_DATABASES ("sqlite,postgresql"), BENCH_REPEAT (5).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../bot/db/client.js";
import { migrateDatabase } from "../bot/db/migrate.js";
import { localDate } from "../bot/domain/local-time.js";
import { atSchoolTime, schoolDayOnOrAfter } from "../bot/domain/school-calendar.js";
import { readBoardSignature } from "../bot/reminders/changes.js";
import { createIncrementalProducer, produceReminders } from "../bot/reminders/producer.js";
import { loadSchoolCalendar } from "../bot/services/school-calendar.js";
import { findPostgresBinDir, startThrowawayPostgres } from "../tests/support/postgres-server.js";
import { seedBoard } from "./board-seed.js";

const SIZES = (process.env.BENCH_SIZES ?? "1,10,40").split(",").map(Number);
const DATABASES = (process.env.BENCH_DATABASES ?? "sqlite,postgresql").split(",");
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Row {
  database: string;
  schools: number;
  fullMs: number;
  fullStatements: number;
  firstMs: number;
  firstStatements: number;
  steadyMs: number;
  steadyStatements: number;
  changeMs: number;
  changeStatements: number;
  signatureRows: number;
}

async function freshPostgres(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function measure(database: string, url: string, schools: number): Promise<Row> {
  await migrateDatabase(url);
  let statements = 0;
  const opened = await openDatabase(url, { onQuery: () => statements++ });
  const db = opened.db;
  try {
    const today = localDate(new Date(), "Europe/Amsterdam");
    const seeded = Date.now();
    const ids = await seedBoard(db, schools, today);
    console.error(`${database} ${schools} school(s) seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
    // Mid-morning of the next school day: inside every school's active window.
    const calendar = await loadSchoolCalendar(db, ids[0]!);
    let now = atSchoolTime(calendar, schoolDayOnOrAfter(calendar, today), "10:00");
    const timed = async (act: () => Promise<unknown>) => {
      statements = 0;
      const started = performance.now();
      await act();
      return { ms: performance.now() - started, statements };
    };
    const minute = () => (now = new Date(now.getTime() + 60_000));
    // The full pass, as every tick ran it before (the first one also queues; the rest find all known).
    await produceReminders(db, now);
    const full: { ms: number; statements: number }[] = [];
    for (let i = 0; i < Math.max(1, Math.floor(REPEAT / 2)); i++) full.push(await timed(() => produceReminders(db, minute())));
    const producer = createIncrementalProducer(db);
    const first = await timed(() => producer.tick(minute()));
    const steady: { ms: number; statements: number }[] = [];
    for (let i = 0; i < REPEAT; i++) steady.push(await timed(() => producer.tick(minute())));
    const change: { ms: number; statements: number }[] = [];
    const teacher = await db.groupTeacher.findFirstOrThrow({ where: { group: { schoolId: ids[0]! } }, select: { staffId: true, groupId: true } });
    const pupils = await db.pupil.findMany({ where: { groupId: teacher.groupId, active: true }, select: { id: true }, take: REPEAT });
    for (const [i, pupil] of pupils.entries()) {
      await db.conversation.create({
        data: {
          schoolId: ids[0]!,
          pupilId: pupil.id,
          groupId: teacher.groupId,
          formatKey: "middenbouw-kindgesprek",
          formatVersion: 1,
          plannedAt: new Date(now.getTime() + (26 + i) * 3_600_000),
          durationMinutes: 15,
          createdById: teacher.staffId,
          teachers: { create: { staffId: teacher.staffId } },
        },
      });
      change.push(await timed(() => producer.tick(minute())));
    }
    const signatureRows = [...(await readBoardSignature(db)).values()].reduce((n, v) => n + Number(v.split(":")[0]), 0);
    return {
      database,
      schools,
      fullMs: median(full.map((x) => x.ms)),
      fullStatements: median(full.map((x) => x.statements)),
      firstMs: first.ms,
      firstStatements: first.statements,
      steadyMs: median(steady.map((x) => x.ms)),
      steadyStatements: median(steady.map((x) => x.statements)),
      changeMs: median(change.map((x) => x.ms)),
      changeStatements: median(change.map((x) => x.statements)),
      signatureRows,
    };
  } finally {
    await opened.close();
  }
}

const rows: Row[] = [];
let server: Awaited<ReturnType<typeof startThrowawayPostgres>> | null = null;
try {
  for (const database of DATABASES) {
    let adminUrl = "";
    if (database === "postgresql") {
      const bin = findPostgresBinDir();
      if (!bin && !process.env.TEST_POSTGRES_URL) {
        console.error("skipping PostgreSQL: install postgresql or set TEST_POSTGRES_URL");
        continue;
      }
      server = process.env.TEST_POSTGRES_URL ? null : await startThrowawayPostgres(bin!);
      adminUrl = process.env.TEST_POSTGRES_URL ?? server!.url;
    }
    for (const schools of SIZES) {
      if (database === "sqlite") {
        const dir = mkdtempSync(path.join(tmpdir(), "gw-bench-producer-"));
        try {
          rows.push(await measure(database, `file:${path.join(dir, "bench.db")}`, schools));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      } else {
        rows.push(await measure(database, await freshPostgres(adminUrl, `gw_bench_producer_${schools}`), schools));
      }
      console.error(JSON.stringify(rows.at(-1)));
    }
  }
} finally {
  await server?.stop();
}

const ms = (x: number) => x.toFixed(1).padStart(8);
console.log("database    schools   full pass (before)   first tick (peak)   steady tick   after a change   rows in signature   steady vs 1-school full pass");
for (const r of rows) {
  // The baseline is the full pass at the first size (1 school by default), measured in this run.
  const base = rows.find((x) => x.database === r.database && x.schools === SIZES[0]);
  console.log(
    [
      r.database.padEnd(10),
      String(r.schools).padStart(7),
      `${ms(r.fullMs)} ms ${String(r.fullStatements).padStart(5)} st`,
      `${ms(r.firstMs)} ms ${String(r.firstStatements).padStart(5)} st`,
      `${ms(r.steadyMs)} ms ${r.steadyStatements} st`,
      `${ms(r.changeMs)} ms ${String(r.changeStatements).padStart(3)} st`,
      String(r.signatureRows).padStart(10),
      base ? `${(r.steadyMs / base.fullMs).toFixed(2)}×` : "",
    ].join("   "),
  );
}

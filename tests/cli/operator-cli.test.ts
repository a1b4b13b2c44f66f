// The operator CLI as the school's IT person uses it: real processes, real files, real database.
// Every test gets its own database and files; the seeded demo school is made once and copied.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from "vitest";
import { openDatabase, sqliteFilePath } from "../../bot/db/client.js";
import { migrateDatabase } from "../../bot/db/migrate.js";
import { seedDemoSchool } from "../../bot/roster/demo.js";
import { createEmptyDatabaseUrl, testProvider } from "../support/test-db.js";
import { cliArgs } from "../support/target.js";

function cli(url: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [...cliArgs(), ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** A database that does not exist yet (SQLite) or has no tables (PostgreSQL), deleted when the test ends. */
async function emptyDatabase(): Promise<string> {
  const { url, drop } = await createEmptyDatabaseUrl();
  onTestFinished(drop);
  return url;
}

/** A database with every migration applied and no school yet. */
async function migratedDatabase(): Promise<string> {
  const url = await emptyDatabase();
  await migrateDatabase(url);
  return url;
}

// The demo school as `seed-demo` leaves it (445 pupils), seeded once; no test writes to it.
let demoTemplate: { url: string; drop(): Promise<void> };

beforeAll(async () => {
  demoTemplate = await createEmptyDatabaseUrl();
  await migrateDatabase(demoTemplate.url);
  const { db, close } = await openDatabase(demoTemplate.url);
  await seedDemoSchool(db);
  await close();
});
afterAll(async () => demoTemplate?.drop());

/** A copy of the seeded demo school for this test alone. */
async function demoSchoolDatabase(): Promise<string> {
  if (testProvider() === "sqlite") {
    const url = await emptyDatabase();
    // SQLite's backup API, so the copy is whole whatever the template's WAL file holds.
    const template = new Sqlite(sqliteFilePath(demoTemplate.url), { fileMustExist: true });
    try {
      await template.backup(sqliteFilePath(url));
    } finally {
      template.close();
    }
    return url;
  }
  // PostgreSQL copies a database nobody is connected to: CREATE DATABASE … TEMPLATE.
  const adminUrl = inject("postgresAdminUrl");
  const name = `gw_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${new URL(demoTemplate.url).pathname.slice(1)}`);
  } finally {
    await admin.end();
  }
  onTestFinished(async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A roster export the IT person saved, in a folder of this test's own. */
function rosterFile(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "gw-cli-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const DEMO_SCHOOL = "OBS De Regenboog (demo)";
const GOOD_ROSTER = "pupil_id,first_name,last_name,group,teacher_emails\n900010,Ada,L.,Groep 5,alex.wilber@regenboog.example\n";

describe(`operator CLI on ${testProvider()}`, () => {
  it("migrates an empty database, then finds nothing left to do", async () => {
    const url = await emptyDatabase();
    const first = cli(url, "migrate");
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/[1-9]\d* migrations applied, 0 already applied/);
    expect(cli(url, "migrate").out).toMatch(/ 0 migrations applied/);
  });

  it("seeds the demo school idempotently", async () => {
    const url = await migratedDatabase();
    expect(cli(url, "seed-demo").out).toContain("33 staff, 445 pupils");
    expect(cli(url, "seed-demo").code).toBe(0);
    const { db, close } = await openDatabase(url);
    expect(await db.pupil.count()).toBe(445);
    // One running middenbouw round, not two after seeding twice.
    const rounds = await db.round.findMany({ include: { groups: true } });
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ bouw: "middenbouw", status: "active" });
    expect(rounds[0]!.groups.length).toBeGreaterThan(0);
    await close();
  });

  it("rejects a bad roster with every bad line and changes nothing", async () => {
    const url = await demoSchoolDatabase();
    const file = rosterFile(
      "bad.csv",
      "\uFEFFleerlingnummer;voornaam;achternaam;groep;leerkracht_email\r\n" +
        "900001;Geheimnaam;X;groep 5;alex.wilber@regenboog.example\r\n" +
        "900002;;Y;groep 5;alex.wilber@regenboog.example\r\n" +
        "900003;Z;Z;groep 12;alex.wilber@regenboog.example\r\n" +
        "900004;Q;Q;groep 5;nobody@regenboog.example\r\n",
    );
    const result = cli(url, "roster-import", "--school", DEMO_SCHOOL, file);
    expect(result.code).toBe(1);
    expect(result.err).toContain("nothing was changed");
    expect(result.err).toMatch(/line 3: /);
    expect(result.err).toMatch(/line 4: .*group/);
    expect(result.err).toMatch(/line 5: .*nobody@regenboog.example/);
    expect(result.err).not.toMatch(/line 2:/);
    expect(result.err + result.out).not.toContain("Geheimnaam");
    const { db, close } = await openDatabase(url);
    expect(await db.pupil.count({ where: { active: true } })).toBe(445);
    await close();
  });

  it("imports a good roster: pupils not listed are marked as left", async () => {
    const url = await demoSchoolDatabase();
    const file = rosterFile("good.csv", GOOD_ROSTER);
    const dry = cli(url, "roster-import", "--school", DEMO_SCHOOL, "--dry-run", file);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ ok: true, dryRun: true, created: 1, deactivated: 445 });
    const real = cli(url, "roster-import", "--school", DEMO_SCHOOL, file);
    expect(JSON.parse(real.out)).toMatchObject({ ok: true, created: 1, deactivated: 445 });
  });

  it("stages next school year's roster: nothing changes now, and rollover lists it as waiting", async () => {
    const url = await demoSchoolDatabase();
    const file = rosterFile("next.csv", GOOD_ROSTER);
    // The school year after the one today falls in (1 August starts a year).
    const now = new Date();
    const first = now.getUTCMonth() >= 7 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
    const next = `${first}-${first + 1}`;
    const staged = cli(url, "roster-import", "--school", DEMO_SCHOOL, "--school-year", next, file);
    expect(staged.code).toBe(0);
    expect(JSON.parse(staged.out)).toMatchObject({ ok: true, staged: true, schoolYear: next, effectiveOn: `${first}-08-01`, deactivated: 445 });
    const rollover = cli(url, "rollover");
    expect(rollover.code).toBe(0);
    const report = JSON.parse(rollover.out);
    expect(report.applied).toEqual([]);
    expect(report.waiting).toEqual([expect.objectContaining({ schoolYear: next, effectiveOn: `${first}-08-01` })]);
    const { db, close } = await openDatabase(url);
    expect(await db.pupil.count({ where: { active: true } })).toBe(445);
    await close();
    const tooFar = cli(url, "roster-import", "--school", DEMO_SCHOOL, "--school-year", `${first + 1}-${first + 2}`, file);
    expect(tooFar.code).toBe(1);
    expect(tooFar.err).toContain("cannot be imported now");
  });

  it("explains usage mistakes", async () => {
    const url = await demoSchoolDatabase();
    const file = rosterFile("good.csv", GOOD_ROSTER);
    const noSchool = cli(url, "roster-import", file);
    expect(noSchool.code).toBe(2);
    expect(noSchool.err).toContain("--school is required");
    expect(cli(url, "roster-import", "--school", "Nergens", file).err).toContain('No school named or with id "Nergens"');
    expect(cli(url, "frobnicate").code).toBe(2);
    // An unknown option, or one without its value: the usage, not a stack trace.
    for (const args of [
      ["backup", "--out", "x.db", "--bogus"],
      ["backup", "--out"],
      ["rollover", "--verbose"],
      ["backup", "--out", "x.db", "--force"],
    ]) {
      const mistake = cli(url, ...args);
      expect(mistake.code, args.join(" ")).toBe(2);
      expect(mistake.err).toContain("usage:");
      expect(mistake.err).not.toMatch(/\bat \w+ \(|TypeError/);
    }
    // An option of another command is not ignored either.
    expect(cli(url, "rollover", "--out", "x").err).toContain("rollover does not take --out");
  });

  it("help prints the usage with success; a reader that stops early ends it quietly", async () => {
    const url = await migratedDatabase();
    for (const word of ["help", "--help"]) {
      const asked = cli(url, word);
      expect(asked.code).toBe(0);
      expect(asked.out).toContain("npm run cli -- backup");
      expect(asked.err).toBe("");
    }
    // As `npm run cli -- help | head -0`: the pipe is closed before the CLI writes.
    const child = spawn(process.execPath, [...cliArgs(), "help"], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" } });
    child.stdout.destroy();
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(err).not.toContain("EPIPE");
    expect(code).toBe(0);
    // A failing command keeps its exit code when its output's reader is gone.
    const failing = spawn(process.execPath, [...cliArgs(), "frobnicate"], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" } });
    failing.stdout.destroy();
    failing.stderr.destroy();
    expect(await new Promise<number | null>((resolve) => failing.on("close", resolve))).toBe(2);
  });

  it("a command about existing records refuses a database file that is not there, and makes none", () => {
    const missing = path.join(mkdtempSync(path.join(tmpdir(), "gw-missing-")), "typo.db");
    for (const args of [["erasures"], ["outbox-failures"], ["audit", "--school", "X", "--pupil", "1"]]) {
      const result = cli(`file:${missing}`, ...args);
      expect(result.code, args[0]).toBe(1);
      expect(result.err).toContain(`no database at ${missing}`);
      expect(existsSync(missing)).toBe(false);
    }
  });

  it("names a malformed configuration variable", () => {
    const result = spawnSync(process.execPath, [...cliArgs(), "migrate"], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: "mysql://nope" },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL");
  });
});

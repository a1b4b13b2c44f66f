// `npm run roster:import` with an EDEX.XML, as the school's IT person runs it: a real process on a
// real database. The format is recognised from the file; --format names it, and a wrong one is refused.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../bot/db/client.js";
import { migrateDatabase } from "../../bot/db/migrate.js";
import { makeSchool, makeStaff } from "../support/fixtures.js";
import { cliArgs } from "../support/target.js";
import { createEmptyDatabaseUrl, testProvider } from "../support/test-db.js";

const SCHOOL = "OBS De Zonnewijzer";
const dir = mkdtempSync(path.join(tmpdir(), "gw-edex-"));
/**
 * A fixture declaring the school year the real clock is in (the CLI runs on it; 1 August starts a
 * year), so the file imports now whatever day the suite runs. The year is ASCII in every encoding used.
 */
function fixture(name: string): string {
  const now = new Date();
  const first = now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const bytes = readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from(bytes.toString("latin1").replace("2026-2027", `${first}-${first + 1}`), "latin1"));
  return file;
}

let url: string;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ url, drop } = await createEmptyDatabaseUrl());
  await migrateDatabase(url);
  const { db, close } = await openDatabase(url);
  const school = await makeSchool(db, SCHOOL);
  for (const name of ["juf.joke", "meester.uilke", "juf.lia", "juf.sanne"]) await makeStaff(db, school.id, { email: `${name}@zonnewijzer.example` });
  await close();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await drop?.();
});

function rosterImport(...args: string[]) {
  const result = spawnSync(process.execPath, [...cliArgs(), "roster-import", "--school", SCHOOL, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function pupilCount(): Promise<number> {
  const { db, close } = await openDatabase(url);
  try {
    return await db.pupil.count({ where: { active: true } });
  } finally {
    await close();
  }
}

describe(`roster:import of an EDEX.XML on ${testProvider()}`, () => {
  it("imports the file, recognised as EDEXML, and a second run changes nothing", async () => {
    const first = rosterImport(fixture("EDEX.XML"));
    expect(first.err).not.toContain("note:"); // UTF-8 as declared: nothing to say
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ ok: true, pupilsInFile: 7, created: 7, groupsCreated: 4, teacherLinksAdded: 5 });
    expect(await pupilCount()).toBe(7);
    const again = rosterImport("--format", "edexml", fixture("EDEX.XML"));
    expect(JSON.parse(again.out)).toMatchObject({ ok: true, created: 0, unchanged: 7, deactivated: 0, teacherLinksAdded: 0 });
  });

  it("reports a Windows-1252 export's conversion in a dry run, and writes nothing", async () => {
    const before = await pupilCount();
    const dry = rosterImport("--dry-run", fixture("EDEX-windows-1252.XML"));
    expect(dry.code).toBe(0);
    expect(dry.err).toMatch(/note: The file was read as Windows-1252/);
    expect(JSON.parse(dry.out)).toMatchObject({ ok: true, dryRun: true, created: 3 });
    expect(await pupilCount()).toBe(before);
  });

  it("follows --format, and refuses a format it does not know", async () => {
    const asCsv = rosterImport("--format", "csv", fixture("EDEX.XML"));
    expect(asCsv.code).toBe(1);
    expect(asCsv.err).toMatch(/Import rejected: .*nothing was changed\.\n {2}line 1: header: /);
    const unknown = rosterImport("--format", "xml", fixture("EDEX.XML"));
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("--format must be csv or edexml");
  });
});

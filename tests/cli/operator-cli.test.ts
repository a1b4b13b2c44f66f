// The operator CLI as the school's IT person uses it: real processes, real files, real database.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../bot/db/client.js";
import { createEmptyDatabaseUrl, testProvider } from "../support/test-db.js";
import { cliArgs } from "../support/target.js";

let url: string;
let drop: () => Promise<void>;
const dir = mkdtempSync(path.join(tmpdir(), "gw-cli-"));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [...cliArgs(), ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(async () => {
  ({ url, drop } = await createEmptyDatabaseUrl());
});
afterAll(async () => drop());

// Written as a story: each test goes on from where the one before left off, so these run in order
// (npm test shuffles every other file's tests; making these independent is a follow-up).
describe(`operator CLI on ${testProvider()}`, { shuffle: false }, () => {
  it("migrates an empty database, then finds nothing left to do", () => {
    const first = cli("migrate");
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/[1-9]\d* migration\(s\) applied, 0 already applied/);
    expect(cli("migrate").out).toMatch(/ 0 migration\(s\) applied/);
  });

  it("seeds the demo school idempotently", async () => {
    expect(cli("seed-demo").out).toContain("33 staff, 445 pupils");
    expect(cli("seed-demo").code).toBe(0);
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
    const file = path.join(dir, "bad.csv");
    writeFileSync(
      file,
      "\uFEFFleerlingnummer;voornaam;achternaam;groep;leerkracht_email\r\n" +
        "900001;Geheimnaam;X;groep 5;alex.wilber@regenboog.example\r\n" +
        "900002;;Y;groep 5;alex.wilber@regenboog.example\r\n" +
        "900003;Z;Z;groep 12;alex.wilber@regenboog.example\r\n" +
        "900004;Q;Q;groep 5;nobody@regenboog.example\r\n",
    );
    const result = cli("roster-import", "--school", "OBS De Regenboog (demo)", file);
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
    const file = path.join(dir, "good.csv");
    writeFileSync(file, "pupil_id,first_name,last_name,group,teacher_emails\n900010,Ada,L.,Groep 5,alex.wilber@regenboog.example\n");
    const dry = cli("roster-import", "--school", "OBS De Regenboog (demo)", "--dry-run", file);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ ok: true, dryRun: true, created: 1, deactivated: 445 });
    const real = cli("roster-import", "--school", "OBS De Regenboog (demo)", file);
    expect(JSON.parse(real.out)).toMatchObject({ ok: true, created: 1, deactivated: 445 });
  });

  it("explains usage mistakes", () => {
    const noSchool = cli("roster-import", path.join(dir, "good.csv"));
    expect(noSchool.code).toBe(2);
    expect(noSchool.err).toContain("--school is required");
    expect(cli("roster-import", "--school", "Nergens", path.join(dir, "good.csv")).err).toContain('No school named or with id "Nergens"');
    expect(cli("frobnicate").code).toBe(2);
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

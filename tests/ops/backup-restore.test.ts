// Backup while the bot serves Teams turns, restore into a fresh database, and the bot started on
// that database serves the restored school over HTTP. The real CLI in a child process
// (`npm run cli -- backup|restore`), the real service, the real database.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector, type RecordedActivity } from "../support/fake-connector.js";
import { TeamsDriver } from "../support/teams-driver.js";
import { createEmptyDatabaseUrl, testProvider } from "../support/test-db.js";
import { cliArgs, loadStartApp } from "../support/target.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { backupDatabase } from "../../bot/ops/backup.js";
import { loadConfig } from "../../bot/config.js";
import { createLogger } from "../../bot/logger.js";

const run = promisify(execFile);
const TENANT = "11111111-2222-3333-4444-555555555555";
const ALEX = { aad: "aaaaaaaa-0000-0000-0000-000000000001", name: "Alex Wilber", email: "alex@school.example" };
const NOTE = "vertelde trots over zijn boomhut";

// pg_dump and pg_restore come with Debian's postgresql package (CI installs it).
const hasPgTools = await run("pg_dump", ["--version"]).then(
  () => true,
  () => false,
);
const runnable = testProvider() === "sqlite" || hasPgTools;

// Teams' side, shared: each turn reads only the replies it caused.
const connector = new FakeConnector();

async function cli(databaseUrl: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, [...cliArgs(), ...args], { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

const say = (baseUrl: string, text: string): Promise<RecordedActivity[]> => new TeamsDriver({ baseUrl }, connector, TENANT).say(ALEX, text);
const textOf = (sent: RecordedActivity[]) => sent.map((a) => String(a.activity.text ?? "")).join("\n");

/** A running bot for Backupschool: Alex teaches groep 5, where Sam is, and has written a note about Sam in Teams. */
async function startSchool(): Promise<TestApp & { databaseUrl: string }> {
  const bot = await startTestApp({ TEAMS_LOCAL_MODE: "true" });
  const setup = await applySchoolSetup(bot.database.db, {
    school: { name: "Backupschool", teamsTenantIds: [TENANT] },
    schoolYear: "2026-2027",
    staff: [{ email: ALEX.email, name: ALEX.name, roles: ["teacher"], teamsAadObjectId: ALEX.aad }],
    groups: [{ name: "groep 5", teachers: [{ email: ALEX.email }] }],
  });
  const group = await bot.database.db.group.findFirstOrThrow({ where: { schoolId: setup.schoolId } });
  await bot.database.db.pupil.create({ data: { schoolId: setup.schoolId, groupId: group.id, externalId: "1", firstName: "Sam", lastName: "de Boer" } });
  await say(bot.baseUrl, `notitie Sam: ${NOTE}`);
  return bot;
}

/** The bot, started as in production on an existing database; stopped when the test ends. */
async function startBotOn(databaseUrl: string): Promise<{ baseUrl: string }> {
  const startApp = await loadStartApp();
  const config = loadConfig({ DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", SCHEDULER: "false", TEAMS_LOCAL_MODE: "true" });
  const bot = await startApp(config, createLogger("silent"));
  onTestFinished(() => bot.close());
  return { baseUrl: `http://127.0.0.1:${bot.port}` };
}

/** A database nobody has used yet, deleted when the test ends. */
async function emptyDatabase(): Promise<string> {
  const { url, drop } = await createEmptyDatabaseUrl();
  onTestFinished(drop);
  return url;
}

/** A folder of this test's own for backups and other files, removed when the test ends. */
function workDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "gw-backup-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// Made once before the tests and changed by none: the school's running bot (no test sends it a
// turn) and a backup of it that the tests restore from.
let school: TestApp & { databaseUrl: string };
let schoolBackup: string;
const shared = mkdtempSync(path.join(tmpdir(), "gw-backup-"));

beforeAll(async () => {
  if (!runnable) return;
  await connector.start();
  connector.members.set(`29:${ALEX.aad}`, { id: `29:${ALEX.aad}`, name: ALEX.name, aadObjectId: ALEX.aad, email: ALEX.email, userPrincipalName: ALEX.email });
  school = await startSchool();
  // What `npm run cli -- backup` runs, in this process: the first test runs the CLI itself.
  schoolBackup = (await backupDatabase(school.databaseUrl, path.join(shared, "school.db"))).file;
});
afterAll(async () => {
  await school?.stop();
  await connector.stop();
  rmSync(shared, { recursive: true, force: true });
});

describe.runIf(runnable)(`backup and restore on ${testProvider()}`, () => {
  it("backs up while the bot serves turns", async () => {
    const bot = await startSchool();
    onTestFinished(() => bot.stop());
    const backupFile = path.join(workDir(), "backup.db");
    // Turns keep writing while the backup runs (the CLI is another process).
    const turns = Promise.all(Array.from({ length: 6 }, (_, i) => say(bot.baseUrl, i % 2 ? "help" : "leerling Sam")));
    const backup = await cli(bot.databaseUrl, "backup", "--out", backupFile);
    await turns;
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/backup written to .*backup\.db \(\d+ bytes, 1 school\)/);
    // Every pupil's record: readable by its owner only, whatever the umask.
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
  });

  it("refuses to overwrite a backup, and names what is missing", async () => {
    const before = readFileSync(schoolBackup);
    const again = await cli(school.databaseUrl, "backup", "--out", schoolBackup);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
    expect(readFileSync(schoolBackup).equals(before)).toBe(true);
    const noFile = await cli(await emptyDatabase(), "restore");
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain("--from");
  });

  it("restores into a fresh database, and the bot serves the restored school over HTTP", async () => {
    const target = await emptyDatabase();
    const restore = await cli(target, "restore", "--from", schoolBackup);
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain("restored (1 school)");

    const restored = await startBotOn(target);
    const reply = textOf(await say(restored.baseUrl, "leerling Sam"));
    expect(reply).toContain("Sam de Boer");
    expect(reply).toContain(NOTE);
  });

  it("a restore that undoes erasures names their receipts; erasures lists the receipts", async () => {
    const target = await emptyDatabase();
    expect((await cli(target, "restore", "--from", schoolBackup)).code).toBe(0);
    // Sam's erasure is recorded after the backup was made.
    const erased = await cli(target, "pupil-erase", "--school", "Backupschool", "--pupil", "1", "--yes");
    expect(erased.code).toBe(0);
    const receipt = /erasure receipt (\S+)/.exec(erased.stdout)![1]!;
    const listed = await cli(target, "erasures", "--school", "Backupschool");
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain("1 erasure receipt at Backupschool");
    expect(listed.stdout).toMatch(new RegExp(`${receipt}\\s+request`));

    const restore = await cli(target, "restore", "--from", schoolBackup, "--force");
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain("WARNING: the database it replaced recorded 1 erasure that this backup predates");
    expect(restore.stdout).toMatch(new RegExp(`receipt ${receipt}\\s+erased \\d{4}-\\d\\d-\\d\\dT.*\\(request\\)`));
    expect(restore.stdout).not.toContain("Sam");
    // The receipt stays: the request was carried out, and its proof is not restored away.
    expect(restore.stdout).toContain("Their receipts are kept");
    const afterRestore = await cli(target, "erasures", "--school", "Backupschool");
    expect(afterRestore.stdout).toContain("1 erasure receipt at Backupschool");
    expect(afterRestore.stdout).toMatch(new RegExp(`${receipt}\\s+request`));
    // Sam is back, as the warning says, until erased again: then both receipts are listed.
    expect((await cli(target, "pupil-erase", "--school", "Backupschool", "--pupil", "1", "--yes")).code).toBe(0);
    expect((await cli(target, "erasures", "--school", "Backupschool")).stdout).toContain("2 erasure receipts at Backupschool");
    // A restore into a database without erasures (or an empty one) warns of nothing.
    const again = await cli(await emptyDatabase(), "restore", "--from", schoolBackup);
    expect(again.stdout).not.toContain("WARNING");
  });

  it.runIf(testProvider() === "sqlite")("does not replace a database that is in use, even with --force", async () => {
    const bot = await startSchool();
    onTestFinished(() => bot.stop());
    const busy = await cli(bot.databaseUrl, "restore", "--from", schoolBackup, "--force");
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain("is in use");
    // Without --force an existing database is never replaced.
    const existing = await cli(bot.databaseUrl, "restore", "--from", schoolBackup);
    expect(existing.code).toBe(1);
    expect(existing.stderr).toContain("already exists");
  });

  it("refuses a file that is not one of our databases", async () => {
    const junk = path.join(workDir(), "junk.db");
    writeFileSync(junk, "not a database");
    const result = await cli(await emptyDatabase(), "restore", "--from", junk);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not a readable SQLite database|pg_restore failed/);
  });
});

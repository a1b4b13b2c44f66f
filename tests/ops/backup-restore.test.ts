// Backup while the bot serves Teams turns, restore into a fresh database, and the bot started on
// that database serves the restored school over HTTP. The real CLI in a child process
// (`npm run cli -- backup|restore`), the real service, the real database.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector, type RecordedActivity } from "../support/fake-connector.js";
import { TeamsDriver } from "../support/teams-driver.js";
import { createEmptyDatabaseUrl, testProvider } from "../support/test-db.js";
import { cliArgs, loadStartApp } from "../support/target.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { loadConfig } from "../../bot/config.js";
import { createLogger } from "../../bot/logger.js";
import type { RunningApp } from "../../app/start-app.js";

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

let source: TestApp & { databaseUrl: string };
let restored: RunningApp | undefined;
let target: { url: string; drop(): Promise<void> };
const connector = new FakeConnector();
const dir = mkdtempSync(path.join(tmpdir(), "gw-backup-"));
const backupFile = path.join(dir, "backup.db");

async function cli(databaseUrl: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, [...cliArgs(), ...args], { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

const say = (baseUrl: string, text: string): Promise<RecordedActivity[]> => new TeamsDriver({ baseUrl }, connector, TENANT).say(ALEX, text);
const textOf = (sent: RecordedActivity[]) => sent.map((a) => String(a.activity.text ?? "")).join("\n");

beforeAll(async () => {
  if (!runnable) return;
  await connector.start();
  connector.members.set(`29:${ALEX.aad}`, { id: `29:${ALEX.aad}`, name: ALEX.name, aadObjectId: ALEX.aad, email: ALEX.email, userPrincipalName: ALEX.email });
  source = await startTestApp({ TEAMS_LOCAL_MODE: "true" });
  const setup = await applySchoolSetup(source.database.db, {
    school: { name: "Backupschool", teamsTenantIds: [TENANT] },
    schoolYear: "2026-2027",
    staff: [{ email: ALEX.email, name: ALEX.name, roles: ["teacher"], teamsAadObjectId: ALEX.aad }],
    groups: [{ name: "groep 5", teachers: [{ email: ALEX.email }] }],
  });
  const group = await source.database.db.group.findFirstOrThrow({ where: { schoolId: setup.schoolId } });
  await source.database.db.pupil.create({ data: { schoolId: setup.schoolId, groupId: group.id, externalId: "1", firstName: "Sam", lastName: "de Boer" } });
  target = await createEmptyDatabaseUrl();
});
afterAll(async () => {
  await restored?.close();
  await source?.stop();
  await target?.drop();
  await connector.stop();
  rmSync(dir, { recursive: true, force: true });
});

// Written as a story: each test goes on from where the one before left off, so these run in order
// (npm test shuffles every other file's tests; making these independent is a follow-up).
describe.runIf(runnable)(`backup and restore on ${testProvider()}`, { shuffle: false }, () => {
  it("backs up while the bot serves turns", async () => {
    await say(source.baseUrl, `notitie Sam: ${NOTE}`);
    // Turns keep writing while the backup runs (the CLI is another process).
    const turns = Promise.all(Array.from({ length: 6 }, (_, i) => say(source.baseUrl, i % 2 ? "help" : "leerling Sam")));
    const backup = await cli(source.databaseUrl, "backup", "--out", backupFile);
    await turns;
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/backup written to .*backup\.db \(\d+ bytes, 1 school\(s\)\)/);
  });

  it("refuses to overwrite a backup, and names what is missing", async () => {
    const again = await cli(source.databaseUrl, "backup", "--out", backupFile);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
    const noFile = await cli(target.url, "restore");
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain("--from");
  });

  it("restores into a fresh database, and the bot serves the restored school over HTTP", async () => {
    const restore = await cli(target.url, "restore", "--from", backupFile);
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain("restored (1 school(s))");

    const startApp = await loadStartApp();
    const config = loadConfig({ DATABASE_URL: target.url, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", SCHEDULER: "false", TEAMS_LOCAL_MODE: "true" });
    restored = await startApp(config, createLogger("silent"));
    const reply = textOf(await say(`http://127.0.0.1:${restored.port}`, "leerling Sam"));
    expect(reply).toContain("Sam de Boer");
    expect(reply).toContain(NOTE);
  });

  it.runIf(testProvider() === "sqlite")("does not replace a database that is in use, even with --force", async () => {
    const busy = await cli(target.url, "restore", "--from", backupFile, "--force");
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain("is in use");
    // Without --force an existing database is never replaced.
    const existing = await cli(target.url, "restore", "--from", backupFile);
    expect(existing.code).toBe(1);
    expect(existing.stderr).toContain("already exists");
  });

  it("refuses a file that is not one of our databases", async () => {
    const junk = path.join(dir, "junk.db");
    writeFileSync(junk, "not a database");
    const { url, drop } = await createEmptyDatabaseUrl();
    try {
      const result = await cli(url, "restore", "--from", junk);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/not a readable SQLite database|pg_restore failed/);
    } finally {
      await drop();
    }
  });
});

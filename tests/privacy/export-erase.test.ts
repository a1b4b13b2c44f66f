// The access export and erasure, against the real database: the export holds every record of the
// pupil and nothing of another; after erasure no row references the pupil and (SQLite) no byte of
// the pupil's name or notes is left in the database file or its write-ahead log.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteFilePath } from "../../bot/db/client.js";
import { directSqlOf } from "../../bot/db/direct-sql.js";
import { exportPupilData } from "../../bot/privacy/export.js";
import { erasePupil, planErasure } from "../../bot/privacy/erase.js";
import { runPrivacyCommand } from "../../bot/cli/privacy-cli.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makeSchool, makeStaff } from "../support/fixtures.js";
import { allRowsAsText, seedPupilEverywhere, type SeededPupil } from "./pupil-data.js";

let t: TestDatabase;
let schoolName: string;
let base: { schoolId: string; groupId: string; teacherId: string; adminId: string };
let seeded = 0;
/** A pupil with a record everywhere; tags never prefix one another, so names stay distinct. */
const seed = (): Promise<SeededPupil> => seedPupilEverywhere(t.db, { ...base, tag: `X${String(++seeded).padStart(2, "0")}` });

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db, "OBS Privacy");
  schoolName = school.name;
  const group = await makeGroup(t.db, school.id, "groep 6", "bovenbouw");
  const teacher = await makeStaff(t.db, school.id, { groups: [group.id] });
  const admin = await makeStaff(t.db, school.id, { roles: [{ role: "admin" }] });
  base = { schoolId: school.id, groupId: group.id, teacherId: teacher.id, adminId: admin.id };
});

afterAll(async () => t?.destroy());

/** The SQLite main file and its WAL, as bytes (what someone with the files could read). */
function databaseBytes(): Buffer {
  const file = sqliteFilePath(t.url);
  return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
};

describe(`access export and erasure on ${testProvider()}`, () => {
  it("the export holds every record of the pupil and nothing of another pupil", async () => {
    const [target, neighbour] = [await seed(), await seed()];
    // An answer in a section of the conversation's format, beside one the format does not have.
    const conversation = await t.db.conversation.findFirstOrThrow({ where: { pupilId: target.pupilId } });
    const answers = {
      ...(JSON.parse(conversation.answers) as object),
      s_nogMoeilijk: { stillHard: "breuken vergelijken", extraNote: "een losse aantekening" },
    };
    await t.db.conversation.update({ where: { id: conversation.id }, data: { answers: JSON.stringify(answers) } });
    const files = await exportPupilData(t.db, {
      schoolId: (await t.db.pupil.findUniqueOrThrow({ where: { id: target.pupilId } })).schoolId,
      pupilId: target.pupilId,
      actorStaffId: null,
    });
    for (const id of target.recordIds) expect(files.json, `record ${id}`).toContain(id);
    expect(files.json).toContain(target.canary);
    expect(files.html).toContain(target.canary);
    expect(files.html).toContain(target.name);
    expect(files.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Readable for the parents: the format's own question with the answer, statuses in Dutch; what the
    // format does not name is there too, as stored.
    expect(files.html).toContain("Wat ik nog moeilijk vind — Wat ik nog moeilijk vind…");
    expect(files.html).toContain("breuken vergelijken");
    expect(files.html).not.toContain("s_nogMoeilijk.stillHard");
    expect(files.html).toContain("gehouden");
    expect(files.html).not.toMatch(/>held</);
    expect(files.html).toContain("Overige velden (zoals opgeslagen)");
    // A field the format does not have, inside a section it does, is not dropped.
    expect(files.html).toContain("s_nogMoeilijk.extraNote: een losse aantekening");
    for (const id of neighbour.recordIds) expect(files.json).not.toContain(id);
    expect(files.json).not.toContain(neighbour.canary);
    expect(files.html).not.toContain(neighbour.name);
    expect(files.counts).toMatchObject({
      conversations: 1,
      goals: 1,
      agreements: 1,
      evaluations: 1,
      notes: 1,
      dialogDrafts: 2,
      outboxMessages: 3,
      fileLinks: 1,
    });
    // Making the export is itself in the audit trail.
    expect(await t.db.auditEvent.count({ where: { pupilId: target.pupilId, entity: "access_export" } })).toBe(1);
  });

  it("the CLI writes the export as JSON, HTML and PDF, and refuses an unknown pupil", async () => {
    const target = await seed();
    const out = mkdtempSync(path.join(tmpdir(), "gw-export-"));
    const ok = io();
    expect(await runPrivacyCommand(t.db, "pupil-export", ["--school", schoolName, "--pupil", target.externalId, "--out", out], ok.io)).toBe(0);
    const json = JSON.parse(readFileSync(path.join(out, `pupil-${target.externalId}.json`), "utf8")) as { pupil: { externalId: string } };
    expect(json.pupil.externalId).toBe(target.externalId);
    expect(readFileSync(path.join(out, `pupil-${target.externalId}.html`), "utf8")).toContain(target.canary);
    expect(ok.out.join("\n")).not.toContain(target.name);
    // The pupil's data: readable by its owner only.
    for (const ext of ["json", "html", "pdf"]) expect(statSync(path.join(out, `pupil-${target.externalId}.${ext}`)).mode & 0o777).toBe(0o600);
    const missing = io();
    expect(await runPrivacyCommand(t.db, "pupil-export", ["--school", schoolName, "--pupil", "nobody", "--out", out], missing.io)).toBe(1);
    // An --out that is a file: refused before anything is read, and nothing is audited as exported.
    const exports = () => t.db.auditEvent.count({ where: { entity: "access_export", action: "export", pupilId: target.pupilId } });
    const before = await exports();
    const file = path.join(out, `pupil-${target.externalId}.json`);
    const notAFolder = io();
    expect(await runPrivacyCommand(t.db, "pupil-export", ["--school", schoolName, "--pupil", target.externalId, "--out", file], notAFolder.io)).toBe(1);
    expect(notAFolder.err.join("\n")).toContain("not a folder; nothing was exported");
    expect(await exports()).toBe(before);
    // A place that refuses new folders with ENOENT (/proc) is refused too: Node 20's recursive mkdir spun there for ever.
    if (existsSync("/proc/self")) {
      const proc = io();
      expect(await runPrivacyCommand(t.db, "pupil-export", ["--school", schoolName, "--pupil", target.externalId, "--out", "/proc/gw-export/x"], proc.io)).toBe(
        1,
      );
      expect(proc.err.join("\n")).toContain("cannot make the folder /proc/gw-export/x");
      expect(await exports()).toBe(before);
    }
    // An option given twice is refused: the last one won, so an erasure could hit the second pupil named.
    await expect(
      runPrivacyCommand(t.db, "pupil-erase", ["--school", schoolName, "--pupil", target.externalId, "--pupil", "other", "--yes"], io().io),
    ).rejects.toThrow("--pupil is given more than once");
    expect(await t.db.pupil.count({ where: { id: target.pupilId } })).toBe(1);
    // An option the command does not take is a usage mistake, not ignored.
    await expect(runPrivacyCommand(t.db, "retention", ["--pupil", target.externalId], io().io)).rejects.toThrow("retention does not take --pupil");
  });

  it("--by names who asked for an export or the audit trail: an admin is named in the trail, a teacher is refused", async () => {
    const target = await seed();
    const out = mkdtempSync(path.join(tmpdir(), "gw-export-"));
    const admin = await t.db.staff.findUniqueOrThrow({ where: { id: base.adminId } });
    const teacher = await t.db.staff.findUniqueOrThrow({ where: { id: base.teacherId } });
    const args = ["--school", schoolName, "--pupil", target.externalId];
    const refused = io();
    expect(await runPrivacyCommand(t.db, "pupil-export", [...args, "--out", out, "--by", teacher.email], refused.io)).toBe(1);
    expect(refused.err.join("\n")).toContain("is not an active admin or privacy officer");
    expect(existsSync(path.join(out, `pupil-${target.externalId}.json`))).toBe(false);
    // The refusal is in the pupil's audit trail, naming the teacher who asked.
    const refusal = await t.db.auditEvent.findFirstOrThrow({ where: { action: "refused", entity: "access_export", pupilId: target.pupilId } });
    expect(refusal.actorStaffId).toBe(teacher.id);
    expect(await runPrivacyCommand(t.db, "pupil-export", [...args, "--out", out, "--by", admin.email], io().io)).toBe(0);
    const exported = await t.db.auditEvent.findFirstOrThrow({ where: { entity: "access_export", pupilId: target.pupilId }, orderBy: { at: "desc" } });
    expect(exported.actorStaffId).toBe(admin.id);
    const trail = io();
    expect(await runPrivacyCommand(t.db, "audit", [...args, "--by", admin.email], trail.io)).toBe(0);
    expect(trail.out.join("\n")).toMatch(new RegExp(`${admin.displayName}\\s+export\\s+access_export`));
    expect(await runPrivacyCommand(t.db, "audit", [...args, "--by", teacher.email], io().io)).toBe(1);
  });

  it("the audit command lists who read or changed the records", async () => {
    const target = await seed();
    await exportPupilData(t.db, { schoolId: base.schoolId, pupilId: target.pupilId, actorStaffId: base.adminId });
    const r = io();
    expect(await runPrivacyCommand(t.db, "audit", ["--school", schoolName, "--pupil", target.externalId], r.io)).toBe(0);
    const text = r.out.join("\n");
    expect(text).toMatch(/read\s+pupil_record/);
    expect(text).toMatch(/refused\s+pupil/);
    expect(text).toMatch(/export\s+access_export/);
  });

  it("npm run cli reaches the privacy commands (a dry run), and explains a missing option", async () => {
    const target = await seed();
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "bot/cli/main.ts", ...args], {
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: "silent" },
      });
    const dry = cli("pupil-erase", "--school", schoolName, "--pupil", target.externalId);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain("Nothing was changed. Add --yes to erase.");
    const missing = cli("audit", "--school", schoolName);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("--pupil <administration id> is required");
  });

  it("a dry run shows what would go and changes nothing", async () => {
    const target = await seed();
    const before = await allRowsAsText(t.db);
    const r = io();
    expect(await runPrivacyCommand(t.db, "pupil-erase", ["--school", schoolName, "--pupil", target.externalId], r.io)).toBe(0);
    expect(r.out.join("\n")).toMatch(/notes\s+1/);
    const after = await allRowsAsText(t.db);
    // Only the audit trail grew (reading it is recorded); every other table is as it was.
    for (const table of Object.keys(before).filter((name) => name !== "AuditEvent")) expect(after[table], table).toBe(before[table]);
    expect(await planErasure(t.db, target.pupilId)).toMatchObject({ pupil: 1, notes: 1, dialogDrafts: 2 });
  });

  it("after erasure no row references the pupil, a receipt is kept, and the neighbour is untouched", async () => {
    const [target, neighbour] = [await seed(), await seed()];
    const schoolId = (await t.db.pupil.findUniqueOrThrow({ where: { id: target.pupilId } })).schoolId;
    const auditBefore = await t.db.auditEvent.count();
    if (testProvider() === "sqlite") {
      // The test could fail: the name and the canary are in the files before erasure.
      const bytes = databaseBytes();
      expect(bytes.includes(Buffer.from(target.canary))).toBe(true);
      expect(bytes.includes(Buffer.from(target.name.split(" ")[0]!))).toBe(true);
    }
    // Named as the one who asked, a teacher is refused (and nothing happens); the admin is accepted.
    const teacherEmail = (await t.db.staff.findFirstOrThrow({ where: { roles: { some: { role: "teacher" } }, schoolId } })).email;
    const refused = io();
    expect(
      await runPrivacyCommand(t.db, "pupil-erase", ["--school", schoolName, "--pupil", target.externalId, "--yes", "--by", teacherEmail], refused.io),
    ).toBe(1);
    expect(await t.db.pupil.count({ where: { id: target.pupilId } })).toBe(1);
    const admin = await t.db.staff.findFirstOrThrow({ where: { roles: { some: { role: "admin" } }, schoolId } });
    const r = io();
    expect(await runPrivacyCommand(t.db, "pupil-erase", ["--school", schoolName, "--pupil", target.externalId, "--yes", "--by", admin.email], r.io)).toBe(0);
    const printed = r.out.join("\n");
    expect(printed).toMatch(/erasure receipt \w+/);
    expect(printed).not.toContain(target.name);

    const rows = await allRowsAsText(t.db);
    for (const [table, text] of Object.entries(rows)) {
      for (const id of target.recordIds) expect(text.includes(id), `${table} still holds ${id}`).toBe(false);
      expect(text.includes(target.canary), `${table} still holds the canary`).toBe(false);
      expect(text.includes(target.name.split(" ")[0]!), `${table} still holds the name`).toBe(false);
      expect(text.includes(target.externalId), `${table} still holds the administration id`).toBe(false);
    }
    // Audit rows stay (plus the teacher's refusal and the erasure), without the pupil's identity.
    expect(await t.db.auditEvent.count()).toBe(auditBefore + 2);
    const receipt = await t.db.erasureReceipt.findFirstOrThrow({ where: { schoolId }, orderBy: { erasedAt: "desc" } });
    expect(JSON.parse(receipt.counts)).toMatchObject({ pupil: 1, notes: 1, goals: 1, evaluations: 1, dialogDrafts: 2, outboxMessages: 3 });
    expect(receipt).toMatchObject({ actorLabel: "cli", actorStaffId: admin.id, reason: "request" });
    // The neighbour keeps everything.
    for (const id of neighbour.recordIds)
      expect(
        Object.values(rows).some((text) => text.includes(id)),
        id,
      ).toBe(true);

    if (testProvider() === "postgresql") {
      // What PostgreSQL allows: the tables were vacuumed after the erasure.
      const [row] = await directSqlOf(t.db).rows<{ last_vacuum: unknown }>(`SELECT last_vacuum FROM pg_stat_user_tables WHERE relname = 'Note'`);
      expect(row?.last_vacuum).toBeTruthy();
    }
    if (testProvider() === "sqlite") {
      const bytes = databaseBytes();
      expect(bytes.includes(Buffer.from(target.canary)), "canary bytes left in the database files").toBe(false);
      expect(bytes.includes(Buffer.from(target.name.split(" ")[0]!)), "name bytes left in the database files").toBe(false);
      expect(bytes.includes(Buffer.from(neighbour.canary))).toBe(true);
    }
  });

  it("erasing a pupil of another school is refused", async () => {
    const neighbour = await seed();
    const other = await makeSchool(t.db, "Elders");
    await expect(
      erasePupil(t.db, { schoolId: other.id, pupilId: neighbour.pupilId, actorStaffId: null, actorLabel: "test", reason: "request" }),
    ).rejects.toThrow();
    expect(await t.db.pupil.count({ where: { id: neighbour.pupilId } })).toBe(1);
  });
});

// Roster import against a real database: validation of the whole file before anything is written,
// the yearly and mid-year changes (rename, move, leave, return), teacher links, idempotence, dry run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { importRoster } from "../../bot/roster/import-roster.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

const NOW = new Date("2026-09-01T10:00:00Z"); // school year 2026-2027
const LATER = new Date("2026-11-02T10:00:00Z");
const HEADER = "Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Groep;Leerkrachten";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database?.destroy();
});

let schoolCounter = 0;
/** A school with five active teachers t1…t5 and one former teacher. */
async function newSchool(): Promise<{ schoolId: string; staffId: Record<string, string> }> {
  const school = await db.school.create({ data: { name: `Importschool ${++schoolCounter}` } });
  const staffId: Record<string, string> = {};
  for (const name of ["t1", "t2", "t3", "t4", "t5", "gone"]) {
    const staff = await db.staff.create({
      data: { schoolId: school.id, email: `${name}@school.example`, displayName: name.toUpperCase(), active: name !== "gone" },
    });
    staffId[name] = staff.id;
  }
  return { schoolId: school.id, staffId };
}

function csv(lines: string[], { bom = true, eol = "\r\n" } = {}): string {
  return (bom ? "\uFEFF" : "") + [HEADER, ...lines].join(eol) + eol;
}

async function snapshot(schoolId: string) {
  const [pupils, groups, links, audits] = await Promise.all([
    db.pupil.findMany({ where: { schoolId }, orderBy: { externalId: "asc" } }),
    db.group.findMany({ where: { schoolId }, orderBy: { name: "asc" } }),
    db.groupTeacher.findMany({ where: { group: { schoolId } }, orderBy: { id: "asc" } }),
    db.auditEvent.count({ where: { schoolId } }),
  ]);
  return { pupils, groups, links, audits };
}

const FIRST_FILE = [
  "1;Anna;de;Zonnekamp;Groep 3a;t1@school.example,t2@school.example",
  "2;Bram;;Klaverhout;Groep 3a;t1@school.example,t2@school.example",
  "3;Cas;van;Duinewaard;Groep 4/5;t3@school.example",
  "4;Dewi;;Linde;Groep 4/5;t3@school.example",
  "5;Eva;;Regenhout;Groep 8;t4@school.example",
];

describe(`importRoster on ${testProvider()}`, () => {
  it("imports a good file: groups, teachers and pupils", async () => {
    const { schoolId, staffId } = await newSchool();
    const report = await importRoster(db, { schoolId, csvText: csv(FIRST_FILE), now: NOW });
    expect(report).toEqual({
      ok: true,
      dryRun: false,
      schoolYear: "2026-2027",
      effectiveOn: "2026-09-01",
      staged: false,
      groupsArchived: 0,
      evaluationsHandedOver: 0,
      groupsHandedOver: 0,
      pupilsInFile: 5,
      created: 5,
      updated: 0,
      moved: 0,
      deactivated: 0,
      reactivated: 0,
      unchanged: 0,
      groupsCreated: 3,
      teacherLinksAdded: 4,
      teacherLinksRemoved: 0,
    });
    const { pupils, groups, links, audits } = await snapshot(schoolId);
    expect(groups.map((g) => [g.name, g.bouw, g.yearLevels, g.schoolYear])).toEqual([
      ["groep 3a", "middenbouw", "3", "2026-2027"],
      ["groep 4/5", "middenbouw", "4,5", "2026-2027"],
      ["groep 8", "bovenbouw", "8", "2026-2027"],
    ]);
    const groupOf = new Map(groups.map((g) => [g.id, g.name]));
    expect(pupils.map((p) => [p.externalId, p.firstName, p.lastName, groupOf.get(p.groupId!), p.active])).toEqual([
      ["1", "Anna", "de Zonnekamp", "groep 3a", true],
      ["2", "Bram", "Klaverhout", "groep 3a", true],
      ["3", "Cas", "van Duinewaard", "groep 4/5", true],
      ["4", "Dewi", "Linde", "groep 4/5", true],
      ["5", "Eva", "Regenhout", "groep 8", true],
    ]);
    const teachersOf = (name: string) =>
      links
        .filter((l) => groupOf.get(l.groupId) === name)
        .map((l) => l.staffId)
        .sort();
    expect(teachersOf("groep 3a")).toEqual([staffId.t1, staffId.t2].sort());
    expect(teachersOf("groep 4/5")).toEqual([staffId.t3]);
    expect(audits).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { schoolId } });
    expect(audit).toMatchObject({ action: "import", entity: "roster", actorStaffId: null, pupilId: null });
  });

  it("reads a ','-separated file without BOM", async () => {
    const { schoolId } = await newSchool();
    const text = [
      "pupil_id,first_name,last_name,group,teacher_emails",
      '10,Fien,V,6,"t1@school.example,t2@school.example"',
      "11,Gijs,W,6,t1@school.example|t2@school.example",
    ].join("\n");
    const report = await importRoster(db, { schoolId, csvText: text, now: NOW });
    expect(report).toMatchObject({ ok: true, created: 2, groupsCreated: 1, teacherLinksAdded: 2 });
  });

  it("rejects a file with bad lines, reports every one of them, and applies nothing", async () => {
    const { schoolId } = await newSchool();
    await importRoster(db, { schoolId, csvText: csv(FIRST_FILE), now: NOW });
    const before = await snapshot(schoolId);
    const bad = [
      "1;Anna;de;Zonnekamp;Groep 3b;t1@school.example", // 2: fine (would move)
      ";Bram;;Klaverhout;Groep 3a;t1@school.example", // 3: missing id
      "3;;van;Duinewaard;Groep 4/5;t3@school.example", // 4: empty first name
      "4;Dewi;;Linde;Groep 10;t3@school.example", // 5: unknown group
      "5;Eva;;Regenhout;Groep 8;t4(at)school.example", // 6: bad e-mail
      "6;Fay;;Hof;Groep 8;nobody@school.example", // 7: not on the staff list
      "7;Gus;;Hof;Groep 8;GONE@school.example", // 8: former teacher
      "1;Hans;;Hof;Groep 8;t4@school.example", // 9: duplicate id
      "8;Ivo;;Hof;Groep 8;t4@school.example", // 10: fine (new pupil)
    ];
    const report = await importRoster(db, { schoolId, csvText: csv(bad), now: LATER });
    expect(report).toEqual({
      ok: false,
      errors: [
        { line: 3, reason: "missing pupil id" },
        { line: 4, reason: "empty first name" },
        { line: 5, reason: "unknown group 'Groep 10'" },
        { line: 6, reason: "invalid teacher e-mail 't4(at)school.example'" },
        { line: 7, reason: "teacher e-mail not on the staff list: nobody@school.example" },
        { line: 8, reason: "teacher e-mail belongs to staff who is no longer active: gone@school.example" },
        { line: 9, reason: "duplicate pupil id '1' (first on line 2)" },
      ],
    });
    expect(await snapshot(schoolId)).toEqual(before);
  });

  it("rejects a file with a missing column or without pupils and applies nothing", async () => {
    const { schoolId } = await newSchool();
    await importRoster(db, { schoolId, csvText: csv(FIRST_FILE), now: NOW });
    const before = await snapshot(schoolId);
    const noGroup = "leerlingnummer;roepnaam;achternaam;leerkrachten\r\n1;Anna;Z;t1@school.example\r\n";
    const report = await importRoster(db, { schoolId, csvText: noGroup, now: LATER });
    expect(report).toEqual({ ok: false, errors: [{ line: 1, reason: expect.stringMatching(/missing required column 'group'/) }] });
    const empty = await importRoster(db, { schoolId, csvText: csv([]), now: LATER });
    expect(empty).toEqual({ ok: false, errors: [{ line: 1, reason: "the file lists no pupils" }] });
    expect(await snapshot(schoolId)).toEqual(before);
  });

  it("applies a re-import: rename, move, leave, return, teacher changes; a second run changes nothing", async () => {
    const { schoolId, staffId } = await newSchool();
    await importRoster(db, { schoolId, csvText: csv(FIRST_FILE), now: NOW });
    // Pupil 5 left before; t2 works Wednesday to Friday in groep 3a.
    await importRoster(db, { schoolId, csvText: csv(FIRST_FILE.slice(0, 4)), now: NOW });
    const groep3a = await db.group.findFirstOrThrow({ where: { schoolId, name: "groep 3a" } });
    await db.groupTeacher.updateMany({ where: { groupId: groep3a.id, staffId: staffId.t2 }, data: { workingDays: "3,4,5" } });
    const left = await db.pupil.findFirstOrThrow({ where: { schoolId, externalId: "5" } });
    expect(left).toMatchObject({ active: false, leftAt: NOW });

    const second = [
      "1;Anna;de;Zonnekamp-Wolk;Groep 3a;t2@school.example|t5@school.example", // renamed; t1 leaves 3a, t5 joins
      "2;Bram;;Klaverhout;Groep 4/5;t3@school.example", // moved to 4/5
      "3;Cas;van;Duinewaard;Groep 4/5;t3@school.example", // unchanged
      // 4 (Dewi) left the school
      "5;Eva;;Regenhout;Groep 8;t4@school.example", // came back
      "6;Fay;;Hof;Groep 1/2a;t5@school.example", // new pupil, new group
    ];
    const report = await importRoster(db, { schoolId, csvText: csv(second), now: LATER });
    expect(report).toEqual({
      ok: true,
      dryRun: false,
      schoolYear: "2026-2027",
      effectiveOn: "2026-11-02",
      staged: false,
      groupsArchived: 0,
      evaluationsHandedOver: 0,
      groupsHandedOver: 0,
      pupilsInFile: 5,
      created: 1,
      updated: 1,
      moved: 1,
      deactivated: 1,
      reactivated: 1,
      unchanged: 1,
      groupsCreated: 1,
      teacherLinksAdded: 2, // t5 in 3a, t5 in 1/2a
      teacherLinksRemoved: 1, // t1 from 3a
    });
    const pupils = await db.pupil.findMany({ where: { schoolId }, include: { group: true }, orderBy: { externalId: "asc" } });
    const view = pupils.map((p) => [p.externalId, p.lastName, p.group?.name, p.active, p.leftAt?.toISOString() ?? null]);
    expect(view).toEqual([
      ["1", "de Zonnekamp-Wolk", "groep 3a", true, null],
      ["2", "Klaverhout", "groep 4/5", true, null],
      ["3", "van Duinewaard", "groep 4/5", true, null],
      ["4", "Linde", "groep 4/5", false, LATER.toISOString()], // record and group kept
      ["5", "Regenhout", "groep 8", true, null],
      ["6", "Hof", "groep 1/2a", true, null],
    ]);
    const links3a = await db.groupTeacher.findMany({ where: { groupId: groep3a.id } });
    expect(links3a.map((l) => [l.staffId, l.workingDays]).sort()).toEqual(
      [
        [staffId.t2, "3,4,5"], // kept, with its working days
        [staffId.t5, "1,2,3,4,5"],
      ].sort(),
    );

    // The same file again: nothing changes, not even a pupil's updatedAt.
    const before = await snapshot(schoolId);
    const again = await importRoster(db, { schoolId, csvText: csv(second), now: new Date("2026-12-01T10:00:00Z") });
    expect(again).toMatchObject({
      ok: true,
      created: 0,
      updated: 0,
      moved: 0,
      deactivated: 0,
      reactivated: 0,
      unchanged: 5,
      groupsCreated: 0,
      teacherLinksAdded: 0,
      teacherLinksRemoved: 0,
    });
    const after = await snapshot(schoolId);
    expect(after.pupils).toEqual(before.pupils);
    expect(after.groups).toEqual(before.groups);
    expect(after.links).toEqual(before.links);
    expect(after.audits).toBe(before.audits + 1);
  });

  it("moves everybody into next year's groups when a new school year starts", async () => {
    const { schoolId } = await newSchool();
    await importRoster(db, { schoolId, csvText: csv(FIRST_FILE), now: NOW });
    const nextYear = FIRST_FILE.map((l) => l.replace("Groep 3a", "Groep 4a").replace("Groep 4/5", "Groep 5/6"));
    const report = await importRoster(db, { schoolId, csvText: csv(nextYear), now: new Date("2027-08-20T10:00:00Z") });
    expect(report).toMatchObject({
      ok: true,
      schoolYear: "2027-2028",
      moved: 5,
      groupsCreated: 3,
      created: 0,
      staged: false,
      groupsArchived: 3,
      groupsHandedOver: 3,
    });
    const groups = await db.group.findMany({ where: { schoolId }, orderBy: [{ schoolYear: "asc" }, { name: "asc" }] });
    expect(groups.map((g) => `${g.schoolYear} ${g.name}`)).toEqual([
      "2026-2027 groep 3a",
      "2026-2027 groep 4/5",
      "2026-2027 groep 8",
      "2027-2028 groep 4a",
      "2027-2028 groep 5/6",
      "2027-2028 groep 8",
    ]);
  });

  it("a dry run reports the counts and writes nothing", async () => {
    const { schoolId } = await newSchool();
    await importRoster(db, { schoolId, csvText: csv(FIRST_FILE.slice(0, 3)), now: NOW });
    const before = await snapshot(schoolId);
    const report = await importRoster(db, { schoolId, csvText: csv(FIRST_FILE), now: LATER, dryRun: true });
    expect(report).toMatchObject({ ok: true, dryRun: true, created: 2, unchanged: 3, groupsCreated: 1, teacherLinksAdded: 1 });
    expect(await snapshot(schoolId)).toEqual(before);
    const invalid = await importRoster(db, { schoolId, csvText: csv([";A;;B;5;t1@school.example"]), dryRun: true });
    expect(invalid).toEqual({ ok: false, errors: [{ line: 2, reason: "missing pupil id" }] });
  });

  it("records the acting staff member in the audit trail, without personal data", async () => {
    const { schoolId, staffId } = await newSchool();
    await importRoster(db, { schoolId, csvText: csv(FIRST_FILE), now: NOW, actorStaffId: staffId.t1 });
    const events = await db.auditEvent.findMany({ where: { schoolId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "import", entity: "roster", actorStaffId: staffId.t1, entityId: null, pupilId: null });
  });

  it("refuses an unknown school or a malformed school year", async () => {
    await expect(importRoster(db, { schoolId: "nope", csvText: csv(FIRST_FILE) })).rejects.toMatchObject({ code: "not_found" });
    const { schoolId } = await newSchool();
    await expect(importRoster(db, { schoolId, csvText: csv(FIRST_FILE), schoolYear: "2026-2028" })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });

  it("imports 450 pupils quickly and re-imports them without writes", async () => {
    const { schoolId } = await newSchool();
    const groups = ["1/2a", "1/2b", "3a", "3b", "4", "5", "6", "7", "8"];
    const lines = Array.from({ length: 450 }, (_, i) => {
      const group = groups[i % groups.length]!;
      return `${100000 + i};Kind${i};;Achter${i};Groep ${group};t${(i % 5) + 1}@school.example|t${((i + 1) % 5) + 1}@school.example`;
    });
    const text = csv(lines);
    let started = performance.now();
    const first = await importRoster(db, { schoolId, csvText: text, now: NOW });
    const firstMs = performance.now() - started;
    expect(first).toMatchObject({ ok: true, created: 450, groupsCreated: 9 });
    started = performance.now();
    const second = await importRoster(db, { schoolId, csvText: text, now: LATER });
    const secondMs = performance.now() - started;
    expect(second).toMatchObject({ ok: true, unchanged: 450, created: 0 });
    console.info(`roster import of 450 pupils on ${testProvider()}: first ${firstMs.toFixed(0)} ms, re-import ${secondMs.toFixed(0)} ms`);
    // Well under a second on SQLite; a generous bound keeps slow CI machines green.
    expect(firstMs).toBeLessThan(3000);
    expect(secondMs).toBeLessThan(3000);
  });
});

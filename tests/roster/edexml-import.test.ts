// EDEXML through importRoster against a real database: the same school as the equivalent CSV,
// idempotent, all-or-nothing on a bad file, names intact in UTF-8 and Windows-1252, and nothing
// stored of what EDEXML carries beyond the fields the roster uses.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { decodeRosterBytes, importRoster } from "../../bot/roster/index.js";
import { makeSchool, makeStaff } from "../support/fixtures.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

const NOW = new Date("2026-09-01T10:00:00Z"); // school year 2026-2027
const fixture = (name: string) => decodeRosterBytes(readFileSync(new URL(`./fixtures/${name}`, import.meta.url))).text;
const SCHOOL_XML = fixture("EDEX.XML");
const SCHOOL_CSV = fixture("edex-school.csv");
const STAFF = ["juf.joke", "meester.uilke", "juf.lia", "juf.sanne"].map((name) => `${name}@zonnewijzer.example`);

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database?.destroy();
});

/** A school whose staff list holds the four teachers of the fixtures. */
async function newSchool(): Promise<string> {
  const school = await makeSchool(db);
  for (const email of STAFF) await makeStaff(db, school.id, { email });
  return school.id;
}

/** The school's roster as stored, by natural keys only, so two schools can be compared. */
async function rosterOf(schoolId: string) {
  const [pupils, groups, links] = await Promise.all([
    db.pupil.findMany({ where: { schoolId }, include: { group: true }, orderBy: { externalId: "asc" } }),
    db.group.findMany({ where: { schoolId }, orderBy: { name: "asc" } }),
    db.groupTeacher.findMany({ where: { group: { schoolId } }, include: { group: true, staff: true } }),
  ]);
  return {
    pupils: pupils.map((p) => ({ externalId: p.externalId, firstName: p.firstName, lastName: p.lastName, group: p.group?.name, active: p.active })),
    groups: groups.map((g) => ({ name: g.name, schoolYear: g.schoolYear, yearLevels: g.yearLevels, bouw: g.bouw })),
    links: links.map((l) => `${l.group.name} ${l.staff.email}`).sort(),
  };
}

describe(`EDEXML roster import on ${testProvider()}`, () => {
  it("imports the same school as the equivalent CSV: pupils, groups and teacher links", async () => {
    const viaXml = await newSchool();
    const viaCsv = await newSchool();
    const xmlReport = await importRoster(db, { schoolId: viaXml, csvText: SCHOOL_XML, now: NOW });
    const csvReport = await importRoster(db, { schoolId: viaCsv, csvText: SCHOOL_CSV, now: NOW });
    expect(xmlReport).toEqual(csvReport);
    expect(xmlReport).toMatchObject({ ok: true, pupilsInFile: 7, created: 7, groupsCreated: 4, teacherLinksAdded: 5 });
    const stored = await rosterOf(viaXml);
    expect(stored).toEqual(await rosterOf(viaCsv));
    expect(stored.groups.map((g) => g.name)).toEqual(["groep 1/2a", "groep 4a", "groep 5/6", "groep 8"]);
    expect(stored.links).toEqual([
      "groep 1/2a juf.joke@zonnewijzer.example",
      "groep 1/2a meester.uilke@zonnewijzer.example",
      "groep 4a meester.uilke@zonnewijzer.example",
      "groep 5/6 juf.lia@zonnewijzer.example",
      "groep 8 juf.sanne@zonnewijzer.example",
    ]);
    // UTF-8 names arrive as written.
    expect(stored.pupils.map((p) => `${p.firstName} ${p.lastName}`)).toEqual([
      "Anna de Zonnekamp",
      "Bram Klaverhout",
      "Ayşe Yılmaz",
      "Gradje van 't Hof",
      "Thiện Nguyễn",
      "Ismaël Assati",
      "Eva Regenhout",
    ]);
  });

  it("changes nothing when the same file is imported again", async () => {
    const schoolId = await newSchool();
    await importRoster(db, { schoolId, csvText: SCHOOL_XML, now: NOW });
    const before = await rosterOf(schoolId);
    const again = await importRoster(db, { schoolId, csvText: SCHOOL_XML, format: "edexml", now: NOW });
    expect(again).toEqual({
      ok: true,
      dryRun: false,
      schoolYear: "2026-2027",
      effectiveOn: "2026-09-01",
      staged: false,
      groupsArchived: 0,
      evaluationsHandedOver: 0,
      groupsHandedOver: 0,
      pupilsInFile: 7,
      created: 0,
      updated: 0,
      moved: 0,
      deactivated: 0,
      reactivated: 0,
      unchanged: 7,
      groupsCreated: 0,
      teacherLinksAdded: 0,
      teacherLinksRemoved: 0,
    });
    expect(await rosterOf(schoolId)).toEqual(before);
  });

  it("stages an export for next school year by its own schooljaar, and refuses a --school-year that contradicts it", async () => {
    const schoolId = await newSchool();
    const nextYear = SCHOOL_XML.replace("<schooljaar>2026-2027</schooljaar>", "<schooljaar>2027-2028</schooljaar>");
    expect(nextYear).not.toBe(SCHOOL_XML);
    const staged = await importRoster(db, { schoolId, csvText: nextYear, now: NOW });
    expect(staged).toMatchObject({ ok: true, staged: true, schoolYear: "2027-2028", effectiveOn: "2027-08-01" });
    expect(await db.pupil.count({ where: { schoolId } })).toBe(0);
    const contradiction = await importRoster(db, { schoolId, csvText: nextYear, schoolYear: "2026-2027", now: NOW });
    expect(contradiction).toEqual({ ok: false, errors: [{ line: 1, reason: expect.stringMatching(/for school year 2027-2028 .*not 2026-2027/) }] });
  });

  it("rejects a file with bad records, reports each with its line and key, and writes nothing", async () => {
    const schoolId = await newSchool();
    await importRoster(db, { schoolId, csvText: SCHOOL_XML, now: NOW });
    const before = await rosterOf(schoolId);
    const audits = await db.auditEvent.count({ where: { schoolId } });
    const bad = SCHOOL_XML.replace("<achternaam>Regenhout</achternaam>", "") // 100007: no last name
      .replace("<emailadres>juf.lia@zonnewijzer.example</emailadres>", "<emailadres>nieuw@zonnewijzer.example</emailadres>") // not on the staff list
      .replace('<groep key="G4A"/>\n\t\t\t</groepen>', "</groepen>") // 4A loses its only teacher
      .replace("<roepnaam>Gradje</roepnaam>", "<roepnaam>Gradus</roepnaam>"); // a rename that must not be applied
    const lineOf = (marker: string) => bad.slice(0, bad.indexOf(marker)).split("\n").length;
    const report = await importRoster(db, { schoolId, csvText: bad, now: NOW });
    expect(report).toEqual({
      ok: false,
      errors: [
        { line: lineOf('<groep key="G4A">'), reason: "groep 'G4A' (naam '4A'): no leerkracht is linked to this groep, so its 2 pupils would have no teacher" },
        { line: lineOf('key="100007"'), reason: "leerling '100007': empty last name" },
        { line: lineOf('key="LK3"'), reason: "leerkracht 'LK3': teacher e-mail not on the staff list: nieuw@zonnewijzer.example" },
      ],
    });
    expect(JSON.stringify(report)).not.toMatch(/Regenhout|Eva|Gradus|Ayşe|Yılmaz/);
    expect(await rosterOf(schoolId)).toEqual(before);
    expect(await db.auditEvent.count({ where: { schoolId } })).toBe(audits);
  });

  it("stores the names of a Windows-1252 export intact", async () => {
    const schoolId = await newSchool();
    const report = await importRoster(db, { schoolId, csvText: fixture("EDEX-windows-1252.XML"), now: NOW });
    expect(report).toMatchObject({ ok: true, created: 3 });
    const pupils = await db.pupil.findMany({ where: { schoolId }, orderBy: { externalId: "asc" } });
    expect(pupils.map((p) => `${p.firstName} ${p.lastName}`)).toEqual(["Zoë Çelik", "Noël van der Brüggen", "François Œzil"]);
  });

  it("stores nothing of the EDEXML fields it does not use: no birth date, BSN, address, photo, e-mail or extra names", async () => {
    const schoolId = await newSchool();
    const dry = await importRoster(db, { schoolId, csvText: SCHOOL_XML, now: NOW, dryRun: true });
    expect(dry).toMatchObject({ ok: true, dryRun: true, created: 7 });
    expect(await db.pupil.count({ where: { schoolId } })).toBe(0);
    await importRoster(db, { schoolId, csvText: SCHOOL_XML, now: NOW });
    const dump = JSON.stringify(
      await Promise.all([
        db.pupil.findMany({ where: { schoolId } }),
        db.group.findMany({ where: { schoolId } }),
        db.groupTeacher.findMany({ where: { group: { schoolId } } }),
        db.staff.findMany({ where: { schoolId } }),
        db.auditEvent.findMany({ where: { schoolId } }),
        db.school.findMany({ where: { id: schoolId } }),
      ]),
    );
    expect(dump).toContain("Ayşe"); // the dump does hold what the import stores
    const carriedButNotUsed = [
      "2021-03-14", // geboortedatum
      "2020-11-02",
      "999990019", // bsn
      '"4321"', // bsn_ondwnr-4, as a whole value (four digits could occur inside a generated id)
      "1234AB", // postcodenl
      "foto.example", // fotourl
      "LL_000000001", // eckid
      "eva.leerling@", // a pupil's emailadres
      "Maria", // the second of the voornamen
      "Hassan",
      "2025-03-15", // instroomdatum
      "Plusklas", // samengestelde groep
      "Hoofdgebouw", // vestiging
      "Zonnebloem", // a groep naam that was not stored as the name
      "Bemmel", // leerkracht names: staff come from the school setup, not the roster
      "Veldman",
      "ib@elders.example",
      "99ZZ", // brincode
    ];
    for (const value of carriedButNotUsed) expect(dump, value).not.toContain(value);
  });
});

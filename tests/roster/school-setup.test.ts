// The school setup file against a real database, and the demo files (setup, then roster).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { AppError } from "../../bot/errors.js";
import { applySchoolSetup, findSchool, importRoster, parseRosterCsv, parseSchoolSetup } from "../../bot/roster/index.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const demoSetup = readFileSync(path.join(ROOT, "prisma/seed/demo-school.json"), "utf8");
const demoRoster = readFileSync(path.join(ROOT, "prisma/seed/demo-roster.csv"), "utf8");
const NOW = new Date("2026-09-01T10:00:00Z");

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database?.destroy();
});

/** Runs `fn`, expects an AppError and returns it. */
async function rejection(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected a rejection");
}

function smallSetup(name: string) {
  const slug = name.replace(/\s+/g, "-").toLowerCase();
  return {
    school: {
      name,
      timezone: "Europe/Amsterdam",
      schoolDays: [1, 2, 3, 4, 5],
      closures: [{ kind: "holiday", name: "Herfstvakantie", startDate: "2026-10-17", endDate: "2026-10-25" }],
      slackTeamIds: [`T-${slug}`],
    },
    schoolYear: "2026-2027",
    staff: [
      { email: "Juf.A@School.example", name: "Juf A", roles: ["teacher"], slackUserId: "U0001" },
      { email: "meester.b@school.example", name: "Meester B", roles: ["teacher", "team_leader"], leads: ["middenbouw"] },
      { email: "ib@school.example", name: "IB", roles: ["ib"], teamsAadObjectId: `aad-ib-${slug}` },
      { email: "dir@school.example", name: "Directeur", roles: ["admin"], locale: "en" },
    ],
    groups: [
      {
        name: "Groep 4/5",
        teachers: [
          { email: "juf.a@school.example", workingDays: [1, 2, 3] },
          { email: "meester.b@school.example", workingDays: [4, 5] },
        ],
      },
    ],
    ibAssignments: [{ ib: "ib@school.example", pupilIds: ["p1", "p2"] }],
  };
}

describe(`school setup on ${testProvider()}`, () => {
  it("applies the demo setup and then the demo roster cleanly", async () => {
    const setup = await applySchoolSetup(db, demoSetup, { now: NOW });
    expect(setup).toMatchObject({
      schoolCreated: true,
      schoolYear: "2026-2027",
      staffCreated: 33,
      staffUpdated: 0,
      staffDeactivated: 0,
      groupsCreated: 19,
      closuresReplaced: true,
      bindingsAdded: 1,
      // The IB'er's pupils come with the roster (seedDemoSchool applies the setup again after it).
      ibAssignmentsAdded: 0,
      unknownPupilIds: ["260226", "260236", "260238"],
    });
    const school = await db.school.findUniqueOrThrow({ where: { id: setup.schoolId }, include: { closures: true, bindings: true } });
    expect(school).toMatchObject({ name: "OBS De Regenboog (demo)", timezone: "Europe/Amsterdam", schoolDays: "1,2,3,4,5" });
    expect(school.closures.map((c) => c.name).sort()).toEqual(expect.arrayContaining(["Herfstvakantie", "Kerstvakantie", "Studiedag team"]));
    expect(school.bindings).toEqual([expect.objectContaining({ channel: "teams", externalId: "00000000-0000-0000-0000-0000000000001" })]);

    const alex = await db.staff.findUniqueOrThrow({
      where: { schoolId_email: { schoolId: setup.schoolId, email: "alex.wilber@regenboog.example" } },
      include: { identities: true, groups: { include: { group: true } } },
    });
    expect(alex.identities).toEqual([expect.objectContaining({ channel: "teams", externalId: "00000000-0000-0000-0000-0000000000020" })]);
    expect(alex.groups.map((g) => [g.group.name, g.workingDays])).toEqual([["groep 5", "1,2,3"]]);
    const groep5 = await db.groupTeacher.count({ where: { groupId: alex.groups[0]!.groupId } });
    expect(groep5).toBe(2); // a duo-partner

    const leaders = await db.staffRole.findMany({ where: { role: "team_leader", staff: { schoolId: setup.schoolId } } });
    expect(leaders.map((r) => r.bouw).sort()).toEqual(["bovenbouw", "middenbouw", "onderbouw"]);
    const groups = await db.group.findMany({ where: { schoolId: setup.schoolId }, orderBy: { name: "asc" } });
    expect(groups.map((g) => g.name)).toContain("groep 1/2a");
    expect(groups.map((g) => g.name)).toContain("groep 8b");

    const roster = await importRoster(db, { schoolId: setup.schoolId, csvText: demoRoster, now: NOW });
    if (!roster.ok) throw new Error(JSON.stringify(roster.errors));
    expect(roster.created).toBeGreaterThanOrEqual(400);
    expect(roster.created).toBeLessThanOrEqual(500);
    // The roster names the same teachers as the setup: no group or teacher link changes.
    expect(roster).toMatchObject({ groupsCreated: 0, teacherLinksAdded: 0, teacherLinksRemoved: 0, deactivated: 0 });
    const perGroup = await db.pupil.groupBy({ by: ["groupId"], where: { schoolId: setup.schoolId }, _count: true });
    expect(perGroup).toHaveLength(19);
    // Working days of the duo-partners survive the roster import.
    const after = await db.groupTeacher.findFirstOrThrow({ where: { staffId: alex.id } });
    expect(after.workingDays).toBe("1,2,3");

    // Applied again after the roster, the setup links the IB'er's pupils and changes nothing else.
    const again = await applySchoolSetup(db, demoSetup, { now: NOW });
    expect(again).toMatchObject({
      schoolId: setup.schoolId,
      schoolCreated: false,
      schoolUpdated: false,
      staffCreated: 0,
      staffUpdated: 0,
      staffUnchanged: 33,
      staffDeactivated: 0,
      groupsCreated: 0,
      groupsUpdated: 0,
      teacherLinksAdded: 0,
      teacherLinksUpdated: 0,
      teacherLinksRemoved: 0,
      closuresReplaced: false,
      bindingsAdded: 0,
      ibAssignmentsAdded: 3,
      ibAssignmentsRemoved: 0,
      unknownPupilIds: [],
    });
    const third = await applySchoolSetup(db, demoSetup, { now: NOW });
    expect(third).toMatchObject({ staffUnchanged: 33, groupsCreated: 0, ibAssignmentsAdded: 0, ibAssignmentsRemoved: 0, unknownPupilIds: [] });
  });

  it("the demo roster is a valid ';' file with BOM and CRLF over the demo groups", () => {
    expect(demoRoster.startsWith("\uFEFF")).toBe(true);
    expect(demoRoster).toContain("\r\n");
    const parsed = parseRosterCsv(demoRoster);
    expect(parsed.errors).toEqual([]);
    expect(parsed.delimiter).toBe(";");
    const setupGroups = new Set(parseSchoolSetup(demoSetup).groups!.map((g) => g.name));
    expect(new Set(parsed.rows.map((r) => r.group))).toEqual(setupGroups);
    const emails = JSON.stringify(parseSchoolSetup(demoSetup).staff.map((s) => s.email));
    expect(emails).not.toMatch(/@(?![a-z]+\.example")/);
  });

  it("applies a small setup: roles, identities, working days, closures, IB'er's pupils", async () => {
    const report = await applySchoolSetup(db, smallSetup("De Klimop"), { now: NOW });
    expect(report).toMatchObject({
      schoolCreated: true,
      staffCreated: 4,
      groupsCreated: 1,
      teacherLinksAdded: 2,
      bindingsAdded: 1,
      ibAssignmentsAdded: 0,
      unknownPupilIds: ["p1", "p2"],
    });
    const staff = await db.staff.findMany({
      where: { schoolId: report.schoolId },
      include: { roles: true, identities: true },
      orderBy: { email: "asc" },
    });
    const view = staff.map((s) => ({
      email: s.email,
      locale: s.locale,
      roles: s.roles.map((r) => `${r.role}${r.bouw ? `:${r.bouw}` : ""}`).sort(),
      identities: s.identities.map((i) => `${i.channel}:${i.externalId}`),
    }));
    expect(view).toEqual([
      { email: "dir@school.example", locale: "en", roles: ["admin"], identities: [] },
      { email: "ib@school.example", locale: null, roles: ["ib"], identities: ["teams:aad-ib-de-klimop"] },
      { email: "juf.a@school.example", locale: null, roles: ["teacher"], identities: ["slack:T-de-klimop:U0001"] },
      { email: "meester.b@school.example", locale: null, roles: ["teacher", "team_leader:middenbouw"], identities: [] },
    ]);

    // The IB'er's pupils arrive with the roster; applying the setup again links them.
    const group = await db.group.findFirstOrThrow({ where: { schoolId: report.schoolId } });
    for (const id of ["p1", "p2", "p3"]) {
      await db.pupil.create({ data: { schoolId: report.schoolId, externalId: id, firstName: "K", lastName: "L", groupId: group.id } });
    }
    const linked = await applySchoolSetup(db, smallSetup("De Klimop"), { now: NOW });
    expect(linked).toMatchObject({ ibAssignmentsAdded: 2, ibAssignmentsRemoved: 0, unknownPupilIds: [], staffUnchanged: 4 });

    // Changes: a teacher leaves, roles change, working days change, the IB'er's list shrinks,
    // the closures change, the Teams identity moves to a new e-mail address.
    const changed = smallSetup("De Klimop");
    changed.staff = [
      { email: "juf.a@school.example", name: "Juf A. (renamed)", roles: ["teacher", "content_reader"], slackUserId: "U0001" },
      { email: "ib.new@school.example", name: "IB", roles: ["ib"], teamsAadObjectId: "aad-ib-de-klimop" },
      { email: "dir@school.example", name: "Directeur", roles: ["admin"], locale: "en" },
    ];
    changed.groups = [{ name: "groep 4/5", teachers: [{ email: "juf.a@school.example", workingDays: [1, 2, 3, 4, 5] }] }];
    changed.ibAssignments = [{ ib: "ib.new@school.example", pupilIds: ["p3"] }];
    changed.school.closures = [{ kind: "study_day", name: "Studiedag", startDate: "2026-11-18", endDate: "2026-11-18" }];
    // The teacher who leaves also teaches a group the file does not list, and has a dialog open.
    const meesterB = await db.staff.findFirstOrThrow({ where: { schoolId: report.schoolId, email: "meester.b@school.example" } });
    const unlisted = await db.group.create({
      data: { schoolId: report.schoolId, name: "groep 8", bouw: "bovenbouw", yearLevels: "8", schoolYear: "2026-2027" },
    });
    await db.groupTeacher.create({ data: { groupId: unlisted.id, staffId: meesterB.id } });
    await db.dialogSession.create({ data: { schoolId: report.schoolId, staffId: meesterB.id, kind: "note", stepId: "text" } });
    const third = await applySchoolSetup(db, changed, { now: NOW });
    expect(third).toMatchObject({
      staffCreated: 1,
      staffUpdated: 1,
      staffUnchanged: 1,
      staffDeactivated: 2,
      teacherLinksUpdated: 1,
      teacherLinksRemoved: 1,
      closuresReplaced: true,
      ibAssignmentsAdded: 1,
    });
    const inactive = await db.staff.findMany({ where: { schoolId: report.schoolId, active: false }, orderBy: { email: "asc" } });
    expect(inactive.map((s) => s.email)).toEqual(["ib@school.example", "meester.b@school.example"]);
    // Deactivated as in the chat (bot/roster/school-setup-staff.ts deactivateStaff): every group link ends, the open dialog is paused.
    expect(await db.groupTeacher.count({ where: { staffId: meesterB.id } })).toBe(0);
    expect((await db.dialogSession.findMany({ where: { staffId: meesterB.id } })).map((d) => d.status)).toEqual(["paused"]);
    const moved = await db.staffIdentity.findFirstOrThrow({ where: { externalId: "aad-ib-de-klimop" }, include: { staff: true } });
    expect(moved.staff.email).toBe("ib.new@school.example");
    const closures = await db.schoolClosure.findMany({ where: { schoolId: report.schoolId } });
    expect(closures.map((c) => c.name)).toEqual(["Studiedag"]);
    const juf = await db.staff.findFirstOrThrow({
      where: { schoolId: report.schoolId, email: "juf.a@school.example" },
      include: { roles: true, groups: true },
    });
    expect(juf.displayName).toBe("Juf A. (renamed)");
    expect(juf.roles.map((r) => r.role).sort()).toEqual(["content_reader", "teacher"]);
    expect(juf.groups.map((g) => g.workingDays)).toEqual(["1,2,3,4,5"]);

    // A returning staff member is reactivated.
    const back = await applySchoolSetup(db, smallSetup("De Klimop"), { now: NOW });
    expect(back.staffDeactivated).toBe(1); // ib.new leaves again
    expect(await db.staff.count({ where: { schoolId: report.schoolId, active: true } })).toBe(4);
  });

  it("rejects an invalid file with every problem by JSON path and applies nothing", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: a deliberately broken document, edited in place
    const bad = smallSetup("Nooit Aangemaakt") as Record<string, any>;
    bad.school.timezone = "Europe/Atlantis";
    bad.school.closures[0].endDate = "2026-10-01";
    bad.staff[0].email = "not-an-email";
    bad.staff[1].leads = undefined;
    bad.staff[2].roles = ["ib", "janitor"];
    bad.staff.push({ email: "dir@school.example", name: "Dubbel", roles: ["admin"] });
    bad.groups[0].teachers.push({ email: "stranger@school.example" });
    bad.groups.push({ name: "groep 9", teachers: [] });
    bad.ibAssignments[0].ib = "dir@school.example";
    bad.extraKey = true;
    const error = await rejection(() => applySchoolSetup(db, bad, { now: NOW }));
    expect(error.code).toBe("validation_failed");
    const paths = (error.details as { path: string }[]).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "(file)", // the unknown key
        "school.timezone",
        "school.closures[0].endDate",
        "staff[0].email",
        "staff[2].roles[1]",
      ]),
    );
    expect(error.message).toContain("school.timezone: not a known IANA time zone");
    expect(await db.school.count({ where: { name: "Nooit Aangemaakt" } })).toBe(0);

    // Once the schema passes, cross-checks name their paths too.
    // biome-ignore lint/suspicious/noExplicitAny: a deliberately inconsistent document, edited in place
    const cross = smallSetup("Nooit Aangemaakt") as Record<string, any>;
    cross.staff[1].leads = undefined;
    cross.staff.push({ email: "DIR@school.example", name: "Dubbel", roles: ["admin"] });
    cross.groups[0].teachers.push({ email: "stranger@school.example" });
    cross.ibAssignments[0].ib = "dir@school.example";
    const crossError = await rejection(() => applySchoolSetup(db, cross, { now: NOW }));
    expect(crossError.details).toEqual([
      { path: "staff[1].leads", message: "a team_leader needs the bouw or bouwen they lead" },
      { path: "staff[4].email", message: "duplicate e-mail, also staff[3]" },
      { path: "groups[0].teachers[2].email", message: "not in the staff list: stranger@school.example" },
      { path: "ibAssignments[0].ib", message: "staff[3] does not have the role 'ib'" },
    ]);

    // Working days must be school days (the same rule as the admin's chat command).
    const weekend = smallSetup("Nooit Aangemaakt");
    weekend.groups[0]!.teachers[1]!.workingDays = [5, 6];
    const weekendError = await rejection(() => applySchoolSetup(db, weekend, { now: NOW }));
    expect(weekendError.details).toEqual([{ path: "groups[0].teachers[1].workingDays", message: "the school is closed on day 6 (schoolDays)" }]);

    const syntax = await rejection(() => applySchoolSetup(db, "{ not json", { now: NOW }));
    expect(syntax.details).toEqual([{ path: "(file)", message: expect.stringMatching(/not valid JSON/) }]);
    expect(await db.school.count({ where: { name: "Nooit Aangemaakt" } })).toBe(0);
  });

  it("rolls everything back when an identity belongs to another school", async () => {
    await applySchoolSetup(db, smallSetup("Het Anker"), { now: NOW });
    const thief = smallSetup("De Vuurtoren");
    // Someone else (another e-mail) names the IB'er's identity: the same e-mail would be the same person.
    (thief.staff[3] as { teamsAadObjectId?: string }).teamsAadObjectId = "aad-ib-het-anker";
    const error = await rejection(() => applySchoolSetup(db, thief, { now: NOW }));
    expect(error.code).toBe("conflict");
    expect(error.message).toContain("staff[3].teamsAadObjectId");
    expect(await db.school.count({ where: { name: "De Vuurtoren" } })).toBe(0);
  });

  it("refuses next school year's groups, which would show beside this year's, and applies nothing", async () => {
    const early = { ...smallSetup("De Zandloper"), schoolYear: "2027-2028" };
    const error = await rejection(() => applySchoolSetup(db, early, { now: NOW }));
    expect(error.code).toBe("validation_failed");
    expect(JSON.stringify(error.details)).toContain("roster:import --school-year 2027-2028");
    expect(await db.school.count({ where: { name: "De Zandloper" } })).toBe(0);
    // Once that year has begun, the same file applies.
    const later = await applySchoolSetup(db, early, { now: new Date("2027-08-02T10:00:00Z") });
    expect(later.schoolYear).toBe("2027-2028");
  });

  it("refuses a staff list that would leave the school without an active admin, and applies nothing", async () => {
    await applySchoolSetup(db, smallSetup("De Kompasroos"), { now: NOW });
    const school = (await findSchool(db, "De Kompasroos"))!;
    const onlyJuf = { ...smallSetup("De Kompasroos"), staff: [smallSetup("De Kompasroos").staff[0]!], groups: [], ibAssignments: [] };
    const error = await rejection(() => applySchoolSetup(db, onlyJuf, { now: NOW }));
    expect(error.code).toBe("validation_failed");
    expect(JSON.stringify(error.details)).toContain("without an active admin");
    expect(await db.staff.count({ where: { schoolId: school.id, active: true } })).toBe(4);
    // With an admin kept, the same cut applies.
    const withAdmin = { ...onlyJuf, staff: [smallSetup("De Kompasroos").staff[0]!, smallSetup("De Kompasroos").staff[3]!] };
    expect((await applySchoolSetup(db, withAdmin, { now: NOW })).staffDeactivated).toBe(2);
  });

  it("a dry run reports what the file would change and changes nothing", async () => {
    const first = await applySchoolSetup(db, smallSetup("De Windwijzer"), { now: NOW, dryRun: true });
    expect(first).toMatchObject({ schoolCreated: true, staffCreated: 4, groupsCreated: 1 });
    expect(await db.school.count({ where: { name: "De Windwijzer" } })).toBe(0);
    await applySchoolSetup(db, smallSetup("De Windwijzer"), { now: NOW });
    const school = (await findSchool(db, "De Windwijzer"))!;
    const cut = { ...smallSetup("De Windwijzer"), staff: smallSetup("De Windwijzer").staff.slice(2), groups: [] };
    const preview = await applySchoolSetup(db, cut, { now: NOW, dryRun: true });
    expect(preview.staffDeactivated).toBe(2);
    expect(await db.staff.count({ where: { schoolId: school.id, active: true } })).toBe(4);
  });

  it("lets the same person (the same e-mail) at a second school of the board name her identity, which stays where it is", async () => {
    const first = await applySchoolSetup(db, smallSetup("De Kompasroos"), { now: NOW });
    const second = smallSetup("De Windroos");
    second.staff[2]!.teamsAadObjectId = "aad-ib-de-kompasroos";
    await applySchoolSetup(db, second, { now: NOW });
    const identity = await db.staffIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: "teams", externalId: "aad-ib-de-kompasroos" } } });
    expect((await db.staff.findUniqueOrThrow({ where: { id: identity.staffId } })).schoolId).toBe(first.schoolId);
  });

  it("finds a school by id or by name", async () => {
    const report = await applySchoolSetup(db, smallSetup("De Zonnewijzer"), { now: NOW });
    expect((await findSchool(db, report.schoolId))?.name).toBe("De Zonnewijzer");
    expect((await findSchool(db, "De Zonnewijzer"))?.id).toBe(report.schoolId);
    expect((await findSchool(db, "  de zonnewijzer "))?.id).toBe(report.schoolId);
    expect(await findSchool(db, "Bestaat Niet")).toBeNull();
    await db.school.create({ data: { name: "Dubbelnaam" } });
    await db.school.create({ data: { name: "Dubbelnaam" } });
    await expect(findSchool(db, "Dubbelnaam")).rejects.toMatchObject({ code: "conflict" });
    // A setup finds its school by name whatever the case.
    const again = await applySchoolSetup(db, smallSetup("DE ZONNEWIJZER"), { now: NOW });
    expect(again.schoolId).toBe(report.schoolId);
  });
});

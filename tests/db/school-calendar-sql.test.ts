// The school calendar and staff working days (bot/services/school-calendar.ts) are read by one
// plain statement on every preparation turn: the same answer as Prisma's model queries, on the
// client and inside a transaction, on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, Tx } from "../../bot/db/client.js";
import { inTransaction } from "../../bot/db/transaction.js";
import { loadSchoolCalendar, loadSchoolDates } from "../../bot/services/school-calendar.js";
import { parseWeekdays } from "../../bot/domain/vocabulary.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { loadActor } from "../../bot/auth/actor.js";
import { loadPupilContext } from "../../bot/services/conversations.js";

let t: TestDatabase;
let schoolId: string;
let otherSchoolId: string;
let groupA: string;
let groupB: string;
let duo: string;
let partner: string;
let ib: string;
let elsewhere: string;
beforeAll(async () => {
  t = await createTestDatabase();
  schoolId = (await makeSchool(t.db)).id;
  otherSchoolId = (await makeSchool(t.db)).id;
  await t.db.school.update({
    where: { id: schoolId },
    data: { timezone: "Europe/Brussels", schoolDays: "1,2,3,4", dayStart: "08:15", dayEnd: "14:30", openPublicHolidays: "2027-05-05" },
  });
  await t.db.schoolClosure.createMany({
    data: [
      { schoolId, kind: "holiday", name: "Kerstvakantie", startDate: "2026-12-19", endDate: "2027-01-03" },
      { schoolId, kind: "study_day", name: "", startDate: "2026-10-05", endDate: "2026-10-05" },
      { schoolId, kind: "holiday", name: "Herfstvakantie", startDate: "2026-10-17", endDate: "2026-10-25" },
      { schoolId: otherSchoolId, kind: "holiday", name: "Elders", startDate: "2026-11-02", endDate: "2026-11-06" },
    ],
  });
  groupA = (await makeGroup(t.db, schoolId, "groep 3")).id;
  groupB = (await makeGroup(t.db, schoolId, "groep 5")).id;
  // Last year's group (archived at the rollover): its working days no longer count.
  const lastYear = await makeGroup(t.db, schoolId, "groep 2");
  await t.db.group.update({ where: { id: lastYear.id }, data: { schoolYear: "2025-2026", archivedAt: new Date() } });
  duo = (await makeStaff(t.db, schoolId, { groups: [groupA, groupB, lastYear.id] })).id;
  partner = (await makeStaff(t.db, schoolId, { groups: [groupA] })).id;
  ib = (await makeStaff(t.db, schoolId, { roles: [{ role: "ib" }] })).id;
  elsewhere = (await makeStaff(t.db, otherSchoolId, { groups: [(await makeGroup(t.db, otherSchoolId)).id] })).id;
  await t.db.groupTeacher.updateMany({ where: { staffId: duo, groupId: groupA }, data: { workingDays: "1,2" } });
  await t.db.groupTeacher.updateMany({ where: { staffId: duo, groupId: groupB }, data: { workingDays: "4" } });
  await t.db.groupTeacher.updateMany({ where: { staffId: partner }, data: { workingDays: "3,4" } });
});
afterAll(async () => t?.destroy());

/** What Prisma's model queries give (closures in start-date order, as the plain statement returns them). */
async function prismaDates(db: Db | Tx, reader: string, staffIds: string[], groupId: string | null) {
  const school = await db.school.findUniqueOrThrow({ where: { id: schoolId }, include: { closures: true } });
  const rows = await db.groupTeacher.findMany({
    where: { staffId: { in: staffIds }, staff: { schoolId }, group: { archivedAt: null } },
    select: { staffId: true, groupId: true, workingDays: true, staff: { select: { displayName: true } } },
  });
  const people = new Map<string, { workingDays: Set<number>; name: string | null }>();
  for (const id of new Set(staffIds)) {
    const mine = rows.filter((r) => r.staffId === id);
    if (mine.length === 0) continue;
    const inGroup = mine.find((r) => r.groupId === groupId);
    const days = (inGroup ? [inGroup] : mine).flatMap((r) => parseWeekdays(r.workingDays));
    people.set(id, { workingDays: new Set(days), name: id === reader ? null : mine[0]!.staff.displayName });
  }
  const closures = [...school.closures]
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : 1))
    .map((c) => ({ kind: c.kind, name: c.name, startDate: c.startDate, endDate: c.endDate }));
  const calendar = {
    timezone: school.timezone,
    schoolDays: new Set(parseWeekdays(school.schoolDays)),
    dayStart: school.dayStart,
    dayEnd: school.dayEnd,
    closures,
    openDays: new Set(school.openPublicHolidays.split(",").filter(Boolean)),
  };
  return { calendar, people };
}

describe(`school calendar in plain SQL on ${testProvider()}`, () => {
  const cases = () =>
    [
      { reader: duo, staffIds: [duo], groupId: groupA }, // the days in the pupil's group
      { reader: duo, staffIds: [duo], groupId: null }, // else the days of all their groups
      { reader: ib, staffIds: [duo, partner, ib, elsewhere, duo], groupId: groupA }, // no days for the IB'er, none from another school
      { reader: ib, staffIds: [], groupId: groupB },
    ] as const;

  it("reads the calendar and working days as Prisma does", async () => {
    for (const c of cases()) {
      const read = await loadSchoolDates(t.db, { schoolId, staffId: c.reader }, { staffIds: c.staffIds, groupId: c.groupId });
      expect(read).toEqual(await prismaDates(t.db, c.reader, [...c.staffIds], c.groupId));
    }
    expect((await loadSchoolCalendar(t.db, schoolId)).closures.map((c) => c.name)).toEqual(["", "Herfstvakantie", "Kerstvakantie"]);
    expect(await loadSchoolCalendar(t.db, schoolId)).toEqual((await prismaDates(t.db, duo, [], null)).calendar);
  });

  it("reads the same inside a transaction", async () => {
    await inTransaction(t.db, async (tx) => {
      for (const c of cases()) {
        const read = await loadSchoolDates(tx, { schoolId, staffId: c.reader }, { staffIds: c.staffIds, groupId: c.groupId });
        expect(read).toEqual(await prismaDates(tx, c.reader, [...c.staffIds], c.groupId));
      }
      expect(await loadSchoolCalendar(tx, schoolId)).toEqual((await prismaDates(tx, duo, [], null)).calendar);
    });
  });

  it("reads the same along a pupil's context (one statement on PostgreSQL)", async () => {
    const pupil = await makePupil(t.db, schoolId, groupA);
    const actor = await loadActor(t.db, duo);
    const context = await loadPupilContext(t.db, actor, pupil.id, { calendarFor: [duo] });
    // Read along only where a statement is a round trip; SQLite reads it on its own, as before.
    expect(context.calendar === undefined).toBe(testProvider() === "sqlite");
    const plain = await loadPupilContext(t.db, actor, pupil.id);
    expect({ ...context, calendar: undefined }).toEqual({ ...plain, calendar: undefined });
    for (const groupId of [groupA, groupB, null]) {
      const read = await loadSchoolDates(t.db, { schoolId, staffId: duo }, { staffIds: [duo], groupId }, context.calendar);
      expect(read).toEqual(await prismaDates(t.db, duo, [duo], groupId));
    }
    // Rows read for other staff are not taken for this question.
    const other = await loadSchoolDates(t.db, { schoolId, staffId: ib }, { staffIds: [partner], groupId: groupA }, context.calendar);
    expect(other).toEqual(await prismaDates(t.db, ib, [partner], groupA));
  });

  it("fails for a school that does not exist, as Prisma's findUniqueOrThrow did", async () => {
    await expect(loadSchoolCalendar(t.db, "no-such-school")).rejects.toThrow();
    await expect(loadSchoolDates(t.db, { schoolId: "no-such-school", staffId: duo }, { staffIds: [duo] })).rejects.toThrow();
  });
});

// Holidays as data, end to end through the real producer on a fixed clock: a school that confirmed
// its region's (midden) holidays gets no reminder on a day of them, nor on Goede Vrijdag, Tweede
// Paasdag or Pinkstermaandag; a school that did not confirm keeps its own closures (and still
// skips the public holidays). The outbox is what we check.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-db.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { confirmClosures, proposeClosures } from "../../bot/roster/school-holidays.js";
import { produceReminders } from "../../bot/reminders/producer.js";
import { localDate, localTime, zonedTimeToUtc } from "../../bot/domain/local-time.js";
import { queuedItems } from "./queued.js";

const TZ = "Europe/Amsterdam";
let t: TestDatabase;
const schools: Record<"confirmed" | "own", { schoolId: string; teacherId: string; groupId: string; pupilId: string }> = {} as never;

async function makeSchool(name: string, email: string) {
  const setup = await applySchoolSetup(
    t.db,
    {
      school: {
        name,
        holidayRegion: "midden",
        // Its own closure: a study day; the region's voorjaarsvakantie (26 Feb – 5 Mar 2028) is not in it.
        closures: [{ kind: "study_day", name: "Studiedag", startDate: "2028-03-08", endDate: "2028-03-08" }],
      },
      schoolYear: "2027-2028",
      staff: [{ email, name: "Juf Test", roles: ["teacher"] }],
      groups: [{ name: "groep 5", teachers: [{ email }] }],
      // Applied once that school year has begun (a setup refuses next year's groups).
    },
    { now: zonedTimeToUtc("2027-09-01", "12:00", TZ) },
  );
  const teacher = await t.db.staff.findFirstOrThrow({ where: { schoolId: setup.schoolId } });
  const group = await t.db.group.findFirstOrThrow({ where: { schoolId: setup.schoolId } });
  const pupil = await t.db.pupil.create({ data: { schoolId: setup.schoolId, groupId: group.id, externalId: "1", firstName: "Sam", lastName: "T." } });
  return { schoolId: setup.schoolId, teacherId: teacher.id, groupId: group.id, pupilId: pupil.id };
}

beforeAll(async () => {
  t = await createTestDatabase();
  schools.confirmed = await makeSchool("Bevestigd", "juf@bevestigd.example");
  schools.own = await makeSchool("Eigen rooster", "juf@eigen.example");
  await confirmClosures(t.db, await proposeClosures(t.db, { school: schools.confirmed.schoolId, schoolYear: "2027-2028" }));
});
afterAll(async () => t?.close());

beforeEach(async () => {
  await t.db.outboxMessage.deleteMany();
  await t.db.goal.deleteMany();
  await t.db.conversation.deleteMany();
});

/** A goal of the school's pupil, evaluated on `date`; the producer runs at 07:00 that day. Returns the evaluation reminders' due moments. */
async function evaluationReminders(which: keyof typeof schools, date: string): Promise<string[]> {
  const s = schools[which];
  await t.db.goal.create({ data: { pupilId: s.pupilId, goalText: "x", evaluationDate: date, evaluatorId: s.teacherId, createdById: s.teacherId } });
  await produceReminders(t.db, zonedTimeToUtc(date, "07:00", TZ), s.schoolId);
  const rows = await queuedItems(t.db, { schoolId: s.schoolId, kind: "evaluation_due" });
  return rows.map((r) => `${localDate(r.dueAt, TZ)} ${localTime(r.dueAt, TZ)}`);
}

describe("holidays in the reminder producer", () => {
  it("a school that confirmed region midden gets no reminder in the region's voorjaarsvakantie", async () => {
    // Wednesday 1 March 2028: in the holiday; the next school day (Monday 6 March) is beyond the producer's horizon.
    expect(await evaluationReminders("confirmed", "2028-03-01")).toEqual([]);
    await t.db.goal.deleteMany();
    // On the Sunday the holiday ends, the reminder is queued for Monday morning.
    expect(await evaluationReminders("confirmed", "2028-03-05")).toEqual(["2028-03-06 08:30"]);
  });

  it("a school that did not confirm keeps its own closures: the region's holiday is a school day for it", async () => {
    expect(await evaluationReminders("own", "2028-03-01")).toEqual(["2028-03-01 08:30"]);
    await t.db.goal.deleteMany();
    await t.db.outboxMessage.deleteMany();
    expect(await evaluationReminders("own", "2028-03-08")).toEqual(["2028-03-09 08:30"]); // its own study day
  });

  for (const which of ["confirmed", "own"] as const) {
    it(`no reminder on Goede Vrijdag, Tweede Paasdag or Pinkstermaandag (${which})`, async () => {
      // Goede Vrijdag, Friday 14 April 2028: Monday is Tweede Paasdag, so nothing within the horizon.
      expect(await evaluationReminders(which, "2028-04-14")).toEqual([]);
      await t.db.goal.deleteMany();
      expect(await evaluationReminders(which, "2028-04-17")).toEqual(["2028-04-18 08:30"]); // Tweede Paasdag → Tuesday
      await t.db.goal.deleteMany();
      await t.db.outboxMessage.deleteMany();
      expect(await evaluationReminders(which, "2028-06-05")).toEqual(["2028-06-06 08:30"]); // Pinkstermaandag → Tuesday
    });
  }

  it("the preparation reminder goes out the school day before, skipping Easter", async () => {
    const s = schools.confirmed;
    await t.db.conversation.create({
      data: {
        schoolId: s.schoolId,
        pupilId: s.pupilId,
        groupId: s.groupId,
        formatKey: "middenbouw-kindgesprek",
        formatVersion: 1,
        status: "planned",
        plannedAt: zonedTimeToUtc("2028-04-18", "10:00", TZ),
        durationMinutes: 15,
        createdById: s.teacherId,
        teachers: { create: { staffId: s.teacherId } },
      },
    });
    await produceReminders(t.db, zonedTimeToUtc("2028-04-12", "12:00", TZ), s.schoolId);
    const rows = await queuedItems(t.db, { schoolId: s.schoolId, kind: "prepare_reminder" });
    // Thursday 13 April: Friday is Goede Vrijdag and Monday Tweede Paasdag.
    expect(rows.map((r) => `${localDate(r.dueAt, TZ)} ${localTime(r.dueAt, TZ)}`)).toEqual(["2028-04-13 08:30"]);
  });
});

// What a producer tick costs when nothing changed, at night, and whether it lets other work run.
// Every statement is captured (openDatabase's onQuery), as in tests/scale/query-plans.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zonedTimeToUtc } from "../../bot/domain/local-time.js";
import { createIncrementalProducer } from "../../bot/reminders/producer.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

const TZ = "Europe/Amsterdam";
const at = (date: string, time: string) => zonedTimeToUtc(date, time, TZ);
const SCHOOLS = 3;
let t: TestDatabase;
let capturing: string[] | null = null;
let teacherId = "";

async function statementsOf<T>(act: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  capturing = [];
  try {
    const result = await act();
    return { result, statements: capturing.filter((s) => /^\s*(SELECT|UPDATE|DELETE|INSERT|WITH)\b/i.test(s)) };
  } finally {
    capturing = null;
  }
}

/** Statements that read a school's schedule state (loadScheduleState's tables), not the change signature. */
const readsState = (sql: string) =>
  !/UNION ALL/.test(sql) && /\b(FROM|JOIN)\s+\S*\b(Conversation|Goal|Pupil|Group|GroupTeacher|Round|ReminderPreference)\b/.test(sql);

beforeAll(async () => {
  t = await createTestDatabase({ onQuery: (sql) => capturing?.push(sql) });
  for (let i = 0; i < SCHOOLS; i++) {
    const school = await makeSchool(t.db);
    const group = await makeGroup(t.db, school.id);
    const teacher = await makeStaff(t.db, school.id, { groups: [group.id] });
    teacherId ||= teacher.id;
    const pupil = await makePupil(t.db, school.id, group.id);
    await t.db.conversation.create({
      data: {
        schoolId: school.id,
        pupilId: pupil.id,
        groupId: group.id,
        formatKey: "middenbouw-kindgesprek",
        formatVersion: 1,
        plannedAt: at("2027-03-10", "10:00"),
        createdById: teacher.id,
        teachers: { create: { staffId: teacher.id } },
      },
    });
  }
}, 60_000);
afterAll(async () => t?.destroy());

describe(`the producer's tick costs what changes (${testProvider()})`, () => {
  it("reads no school's state on a tick where nothing changed: two statements", async () => {
    const producer = createIncrementalProducer(t.db);
    const first = await statementsOf(() => producer.tick(at("2027-03-08", "09:00")));
    expect(first.result.recomputed).toHaveLength(SCHOOLS);
    expect(first.statements.some(readsState)).toBe(true); // the capture sees the state reads
    const quiet = await statementsOf(() => producer.tick(at("2027-03-08", "09:01")));
    expect(quiet.result.recomputed).toEqual([]);
    expect(quiet.statements).toHaveLength(2); // the calendars' change signature, then the board's
    expect(quiet.statements.some(readsState)).toBe(false);
    // A change in one school recomputes that school only.
    await t.db.reminderPreference.create({ data: { staffId: teacherId, kind: "weekly_digest", enabled: true } });
    const changed = await statementsOf(() => producer.tick(at("2027-03-08", "09:02")));
    expect(changed.result.recomputed.map((r) => r.reason)).toEqual(["changed"]);
  });

  it("runs nothing heavy outside the hours anything can fall due, even after a change", async () => {
    const producer = createIncrementalProducer(t.db);
    await producer.tick(at("2027-03-08", "14:00"));
    await t.db.conversation.updateMany({ data: { durationMinutes: 20 } });
    for (const moment of [at("2027-03-08", "15:00"), at("2027-03-08", "23:30"), at("2027-03-13", "10:00")]) {
      const night = await statementsOf(() => producer.tick(moment));
      expect(night.result.recomputed).toEqual([]);
      expect(night.statements.some(readsState)).toBe(false);
      expect(night.statements).toHaveLength(1); // the calendars' change signature only
      expect(night.statements[0]).not.toMatch(/"Conversation"|"Goal"|"Pupil"/);
    }
    // The next school day's window opens with the full pass.
    expect((await producer.tick(at("2027-03-15", "07:30"))).recomputed).toHaveLength(SCHOOLS);
  });

  it("spreads the hourly full pass over several ticks instead of one heavy tick", async () => {
    const producer = createIncrementalProducer(t.db);
    expect((await producer.tick(at("2027-03-10", "09:00"))).recomputed).toHaveLength(SCHOOLS);
    const reasons: string[][] = [];
    for (const time of ["10:00", "10:01", "10:02", "10:03"]) reasons.push((await producer.tick(at("2027-03-10", time))).recomputed.map((r) => r.reason));
    expect(reasons).toEqual([["safety"], ["safety"], ["safety"], []]);
  });

  it("lets the event loop run between schools (SQLite's driver blocks while a statement runs)", async () => {
    const producer = createIncrementalProducer(t.db);
    let turns = 0;
    let done = false;
    const spin = () => {
      turns++;
      if (!done) setImmediate(spin);
    };
    setImmediate(spin);
    const result = await producer.tick(at("2027-03-09", "09:00")).finally(() => (done = true));
    expect(result.recomputed).toHaveLength(SCHOOLS);
    // A waiting request gets a turn before each school's recomputation.
    expect(turns).toBeGreaterThanOrEqual(SCHOOLS);
  });
});

// The incremental producer queues exactly what a full recomputation would. Two schools live
// through a day of typical changes, each written the way the product writes it (rows created,
// updated and deleted), at different clock times; after every tick the outbox of each school in
// its active window is compared with the reference: every message that
// desiredMessages(loadScheduleState(…)) wanted at one of the same moments, with the dueAt it had
// when it was first wanted (the full producer never re-queues a known key) — nothing missing,
// nothing extra. Outside the window the reference is not taken: the outbox sends nothing there, and
// the window's first tick must catch up (recompute-rule.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { zonedTimeToUtc } from "../../bot/domain/local-time.js";
import { createIncrementalProducer, loadScheduleState, type IncrementalProducer } from "../../bot/reminders/producer.js";
import { inActiveWindow } from "../../bot/reminders/recompute-rule.js";
import { desiredMessages, HORIZON_MS } from "../../bot/reminders/schedule.js";
import { loadSchoolCalendar } from "../../bot/services/school-calendar.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { queuedItems } from "./queued.js";
import { DAILY_BUNDLE, isBundled, planBundles } from "../../bot/reminders/bundle.js";
import { loadBundleView } from "../../bot/reminders/bundle-store.js";

const TZ = "Europe/Amsterdam";
const at = (date: string, time: string) => zonedTimeToUtc(date, time, TZ);
const MON = "2027-03-08";
const TUE = "2027-03-09";

let t: TestDatabase;
let db: Db;
let producer: IncrementalProducer;
/** The full producer's outbox, sampled at the same moments: key → the dueAt it was first queued with. */
const reference = new Map<string, { schoolId: string; dueAt: number }>();
const ids: Record<string, string> = {};

async function conversation(schoolId: string, pupilId: string, groupId: string, staffId: string, plannedAt: Date, durationMinutes = 15) {
  return db.conversation.create({
    data: {
      schoolId,
      pupilId,
      groupId,
      formatKey: "middenbouw-kindgesprek",
      formatVersion: 1,
      plannedAt,
      durationMinutes,
      createdById: staffId,
      teachers: { create: { staffId } },
    },
  });
}

/** One producer tick at `now`, then the comparison for every school inside its window. */
async function tickAndCompare(now: Date) {
  const result = await producer.tick(now);
  expect(result.failed).toEqual([]);
  for (const school of await db.school.findMany({ select: { id: true } })) {
    if (!inActiveWindow(await loadSchoolCalendar(db, school.id), now)) continue;
    const state = await loadScheduleState(db, school.id, now);
    const desired = desiredMessages(state);
    for (const m of desired.filter((x) => !isBundled(x.kind)))
      if (!reference.has(m.idempotencyKey)) reference.set(m.idempotencyKey, { schoolId: school.id, dueAt: m.dueAt.getTime() });
    const queued = await db.outboxMessage.findMany({
      where: { schoolId: school.id, kind: { not: DAILY_BUNDLE } },
      select: { idempotencyKey: true, dueAt: true },
    });
    const wanted = [...reference].filter(([, r]) => r.schoolId === school.id).map(([key, r]) => [key, new Date(r.dueAt).toISOString()] as const);
    expect(new Map(queued.map((q) => [q.idempotencyKey, q.dueAt.toISOString()]))).toEqual(new Map(wanted));
    // The bundles pending are exactly those a full recomputation wants now (no worker runs here).
    const items = desired.filter((x) => isBundled(x.kind));
    const view = await loadBundleView(
      db,
      state.activeStaffIds,
      items.map((m) => m.idempotencyKey),
      now,
    );
    const bundles = planBundles(items, { now, rows: view.rows, singly: view.singly }).filter((b) => b.dueAt.getTime() <= now.getTime() + HORIZON_MS);
    const pending = await db.outboxMessage.findMany({ where: { schoolId: school.id, kind: DAILY_BUNDLE, status: "pending" } });
    expect(new Map(pending.map((p) => [p.idempotencyKey, `${p.dueAt.toISOString()} ${p.payload}`]))).toEqual(
      new Map(bundles.map((b) => [b.idempotencyKey, `${b.dueAt.toISOString()} ${JSON.stringify(b.payload)}`])),
    );
  }
  return result;
}

const reasonsOf = (result: Awaited<ReturnType<IncrementalProducer["tick"]>>) => Object.fromEntries(result.recomputed.map((r) => [r.schoolId, r.reason]));

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  // Without the hourly full pass: the change signature and the wake-up alone must find everything.
  producer = createIncrementalProducer(db, { safetyPassMs: Number.POSITIVE_INFINITY });
  // School A keeps the default hours (08:30–15:00); school B is open 07:00–21:00, so a message
  // of B enters the 36-hour horizon during its window (the producer must wake for it by itself).
  const a = await makeSchool(db);
  const b = await db.school.create({ data: { name: "Late school", dayStart: "07:00", dayEnd: "21:00" } });
  Object.assign(ids, { a: a.id, b: b.id });
  const g1 = await makeGroup(db, a.id, "groep 4", "middenbouw");
  const g2 = await makeGroup(db, a.id, "groep 7", "bovenbouw");
  const t1 = await makeStaff(db, a.id, { groups: [g1.id] });
  const t2 = await makeStaff(db, a.id, { groups: [g2.id] });
  const t3 = await makeStaff(db, a.id);
  ids.t5 = (await makeStaff(db, a.id, { groups: [g2.id], active: false })).id;
  Object.assign(ids, { g1: g1.id, g2: g2.id, t1: t1.id, t2: t2.id, t3: t3.id });
  for (const [i, g] of [g1, g2].entries()) for (let n = 0; n < 3; n++) ids[`p${i + 1}${n}`] = (await makePupil(db, a.id, g.id)).id;
  // A round whose halfway (Wed 3 March) is past: its plan nudge moves with working days and the calendar.
  const r0 = await db.round.create({
    data: {
      schoolId: a.id,
      name: "Winter",
      formatKey: "middenbouw-kindgesprek",
      startDate: "2027-02-22",
      endDate: "2027-03-12",
      evaluationIntervalDays: 42,
      createdById: t1.id,
      groups: { create: { groupId: g1.id } },
    },
  });
  ids.r0 = r0.id;
  const gb = await makeGroup(db, b.id, "groep 5", "middenbouw");
  const tb = await makeStaff(db, b.id, { groups: [gb.id] });
  const pb = await makePupil(db, b.id, gb.id);
  // Ends Wed 19:45 with the grace: bundled into Thursday's 07:00 message, which enters the horizon Tue 19:00.
  await conversation(b.id, pb.id, gb.id, tb.id, at("2027-03-10", "19:00"));
}, 60_000);
afterAll(async () => t?.destroy());

describe(`incremental producer = full recomputation (${testProvider()})`, () => {
  it("queues what the full recomputation wants, after every kind of change and as the clock moves", async () => {
    expect(reasonsOf(await tickAndCompare(at(MON, "07:45")))).toEqual({ [ids.a!]: "first", [ids.b!]: "first" });
    expect((await tickAndCompare(at(MON, "08:00"))).recomputed).toEqual([]);

    // A round made for both groups (its announcement is due this morning).
    const r1 = await db.round.create({
      data: {
        schoolId: ids.a!,
        name: "Voorjaar",
        formatKey: "middenbouw-kindgesprek",
        startDate: MON,
        endDate: "2027-03-26",
        evaluationIntervalDays: 42,
        createdById: ids.t1!,
        groups: { create: [{ groupId: ids.g1! }, { groupId: ids.g2! }] },
      },
    });
    expect(reasonsOf(await tickAndCompare(at(MON, "09:00")))).toEqual({ [ids.a!]: "changed" });

    // A bovenbouw conversation planned (invitation and preparation reminder are due at once).
    const c1 = await conversation(ids.a!, ids.p20!, ids.g2!, ids.t2!, at("2027-03-10", "10:00"));
    await tickAndCompare(at(MON, "09:10"));
    // Handed to another teacher, who joins the group (a delete and an insert of teacher rows).
    await db.groupTeacher.create({ data: { groupId: ids.g2!, staffId: ids.t3! } });
    await tickAndCompare(at(MON, "09:15"));
    await db.conversationTeacher.deleteMany({ where: { conversationId: c1.id } });
    await db.conversationTeacher.create({ data: { conversationId: c1.id, staffId: ids.t3! } });
    await tickAndCompare(at(MON, "09:20"));
    // Moved to tomorrow.
    await db.conversation.update({ where: { id: c1.id }, data: { plannedAt: at(TUE, "13:00") } });
    await tickAndCompare(at(MON, "09:30"));

    // A teacher mutes preparation reminders, plans, and unmutes.
    await db.reminderPreference.create({ data: { staffId: ids.t1!, kind: "prepare_reminder", muted: true } });
    const c2 = await conversation(ids.a!, ids.p10!, ids.g1!, ids.t1!, at("2027-03-10", "09:00"));
    await tickAndCompare(at(MON, "09:40"));
    await db.reminderPreference.update({ where: { staffId_kind: { staffId: ids.t1!, kind: "prepare_reminder" } }, data: { muted: false } });
    await tickAndCompare(at(MON, "09:50"));

    // A conversation held with a goal to evaluate today; then the goal is evaluated and a pupil leaves.
    const c3 = await conversation(ids.a!, ids.p11!, ids.g1!, ids.t1!, at(MON, "09:55"));
    await db.conversation.update({ where: { id: c3.id }, data: { status: "held", heldAt: at(MON, "10:00") } });
    await tickAndCompare(at(MON, "09:58"));
    const goal = await db.goal.create({ data: { pupilId: ids.p11!, conversationId: c3.id, goalText: "x", evaluationDate: MON, createdById: ids.t1! } });
    await tickAndCompare(at(MON, "10:00"));
    await db.goal.update({ where: { id: goal.id }, data: { status: "reached" } });
    await db.pupil.update({ where: { id: ids.p12! }, data: { active: false } });
    await tickAndCompare(at(MON, "10:10"));

    // The winter round's nudge moves with the teacher's working days, a study day and the school days.
    await db.groupTeacher.updateMany({ where: { groupId: ids.g1!, staffId: ids.t1! }, data: { workingDays: "1,2,4,5" } });
    expect(reasonsOf(await tickAndCompare(at(MON, "10:20")))).toEqual({ [ids.a!]: "changed" });
    await db.schoolClosure.create({ data: { schoolId: ids.a!, kind: "study_day", name: "Studiedag", startDate: "2027-03-04", endDate: "2027-03-04" } });
    await tickAndCompare(at(MON, "10:30"));
    await db.school.update({ where: { id: ids.a! }, data: { schoolDays: "1,2,3,4" } });
    await tickAndCompare(at(MON, "10:40"));

    // The round starts a day later; a new group with its teacher joins it.
    await db.round.update({ where: { id: r1.id }, data: { startDate: TUE } });
    await tickAndCompare(at(MON, "10:50"));
    const g3 = await makeGroup(db, ids.a!, "groep 6", "middenbouw");
    const t4 = await makeStaff(db, ids.a!, { groups: [g3.id] });
    await makePupil(db, ids.a!, g3.id);
    await tickAndCompare(at(MON, "11:00"));
    await db.roundGroup.create({ data: { roundId: r1.id, groupId: g3.id } });
    await tickAndCompare(at(MON, "11:10"));
    // Groep 4 becomes bovenbouw (its planned conversation now needs a pupil form), a teacher who
    // had left comes back, a pupil leaves with a conversation planned and comes back.
    await db.group.update({ where: { id: ids.g1! }, data: { bouw: "bovenbouw" } });
    await tickAndCompare(at(MON, "11:12"));
    await db.staff.update({ where: { id: ids.t5! }, data: { active: true } });
    await tickAndCompare(at(MON, "11:14"));
    await db.pupil.update({ where: { id: ids.p22! }, data: { active: false } });
    await conversation(ids.a!, ids.p22!, ids.g2!, ids.t2!, at(TUE, "11:00"));
    await tickAndCompare(at(MON, "11:16"));
    await db.pupil.update({ where: { id: ids.p22! }, data: { active: true } });
    await tickAndCompare(at(MON, "11:18"));
    // A planned conversation deleted.
    await db.conversation.delete({ where: { id: c2.id } });
    await tickAndCompare(at(MON, "11:20"));
    expect(await db.outboxMessage.count({ where: { recipientStaffId: t4.id } })).toBeGreaterThan(0);

    // After school A's day ends a conversation is planned for tomorrow morning: nothing happens
    // for A until its window opens (school B, still open, has nothing to do).
    await conversation(ids.a!, ids.p21!, ids.g2!, ids.t2!, at(TUE, "10:00"));
    expect((await tickAndCompare(at(MON, "15:30"))).recomputed).toEqual([]);
    expect((await tickAndCompare(at(MON, "23:00"))).recomputed).toEqual([]);
    // Tuesday: each window opens with a full pass, which catches up; B's nudge (in Thursday's
    // bundle) enters the horizon at 19:00 with nothing changed: only the producer's own wake-up finds it.
    expect(reasonsOf(await tickAndCompare(at(TUE, "06:30")))).toEqual({ [ids.b!]: "first" });
    expect(reasonsOf(await tickAndCompare(at(TUE, "07:30")))).toEqual({ [ids.a!]: "first" });
    expect(await queuedItems(db, { schoolId: ids.b!, kind: "unrecorded_nudge" })).toHaveLength(0);
    expect(reasonsOf(await tickAndCompare(at(TUE, "18:50")))).toEqual({});
    expect(reasonsOf(await tickAndCompare(at(TUE, "19:05")))).toEqual({ [ids.b!]: "horizon" });
    expect(await queuedItems(db, { schoolId: ids.b!, kind: "unrecorded_nudge" })).toHaveLength(1);
  }, 120_000);
});

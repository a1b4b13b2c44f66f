// Teachers mute, snooze and opt in per kind of reminder, in the chat; the producer, the renderers
// and the deferral all respect it. Real core and database; the clock is fixed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { createCore } from "../../app/core.js";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import { createLogger } from "../../bot/logger.js";
import { produceReminders } from "../../bot/reminders/producer.js";
import { createDeferral, createRenderers } from "../../bot/reminders/scheduler.js";
import { zonedTimeToUtc, localDate, localTime } from "../../bot/domain/local-time.js";
import type { OutboxRow } from "../../bot/outbox/worker.js";
import { queuedItems } from "./queued.js";
import { DAILY_BUNDLE } from "../../bot/reminders/bundle.js";

const TZ = "Europe/Amsterdam";
// Monday 8 March 2027, 07:00 school time: before school.
const NOW = zonedTimeToUtc("2027-03-08", "07:00", TZ);
let t: TestDatabase;
let core: BotCore;
let teacher: { id: string; email: string };
let conversationId: string;
const user = () => ({ channel: "local" as const, externalId: teacher.email, email: teacher.email });
const say = async (text: string) => (await core.handleTurn({ user: user(), text })).replies.map((r) => r.text).join("\n");

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db);
  const group = await makeGroup(t.db, school.id, "groep 5");
  teacher = await makeStaff(t.db, school.id, { groups: [group.id] });
  const pupil = await makePupil(t.db, school.id, group.id, "Sam");
  const conversation = await t.db.conversation.create({
    data: {
      schoolId: school.id,
      pupilId: pupil.id,
      groupId: group.id,
      formatKey: "middenbouw-kindgesprek",
      formatVersion: 1,
      status: "planned",
      plannedAt: zonedTimeToUtc("2027-03-09", "10:00", TZ),
      durationMinutes: 15,
      createdById: teacher.id,
      teachers: { create: { staffId: teacher.id } },
    },
  });
  conversationId = conversation.id;
  core = createCore({ db: t.db, logger: createLogger("silent"), defaultLocale: "nl", clock: () => NOW });
});
afterAll(async () => t?.close());

// Each test starts from the defaults: no settings, nothing queued, a full working week.
beforeEach(async () => {
  await t.db.reminderPreference.deleteMany({ where: { staffId: teacher.id } });
  await t.db.outboxMessage.deleteMany({ where: { recipientStaffId: teacher.id } });
  await t.db.groupTeacher.updateMany({ where: { staffId: teacher.id }, data: { workingDays: "1,2,3,4,5" } });
});

const kinds = async () => (await t.db.outboxMessage.findMany({ where: { recipientStaffId: teacher.id } })).map((m) => m.kind).sort();

describe("reminder preferences", () => {
  it("shows every kind, on by default, the digest off", async () => {
    const text = await say("herinneringen");
    expect(text).toMatch(/voorbereiden \(schooldag ervoor\): aan/);
    expect(text).toMatch(/weekoverzicht \(maandag\): uit/);
  });

  it("a muted kind is not queued, and a message queued before muting is not sent", async () => {
    await produceReminders(t.db, NOW);
    const [item] = await queuedItems(t.db, { recipientStaffId: teacher.id, kind: "prepare_reminder" });
    expect(item).toBeTruthy();
    const row = await t.db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: item!.bundleKey } });
    const render = () => createRenderers(() => NOW)[DAILY_BUNDLE]!({ ...row, payload: JSON.parse(row.payload) } as OutboxRow, t.db);
    expect(await say("herinneringen uit voorbereiden")).toMatch(/staan uit/);
    // Queued before muting: the bundle leaves the muted kind out when it is sent…
    expect(JSON.stringify(await render())).not.toMatch(/"command":"prepare"/);
    // …and a new pass takes it out of the pending bundle.
    await produceReminders(t.db, NOW);
    expect(await queuedItems(t.db, { recipientStaffId: teacher.id, kind: "prepare_reminder", status: "pending" })).toEqual([]);
    expect(await say("herinneringen aan voorbereiden")).toMatch(/staan aan/);
    const again = (await render())?.[0]?.lists?.flatMap((l) => l.items) ?? [];
    expect(again.map((i) => i.text).join("\n")).toMatch(/Sam/);
    expect(again.map((i) => i.action.action)).toContainEqual({ command: "prepare", args: { pupilId: expect.any(String) } });
  });

  it("a snoozed kind waits until the snooze ends, at the start of that school day", async () => {
    expect(await say("herinneringen uitstellen vastleggen 1 week")).toMatch(/wachten tot ma 15 mrt/);
    const defer = createDeferral(t.db, () => NOW);
    const message = {
      id: "x",
      schoolId: (await t.db.staff.findUniqueOrThrow({ where: { id: teacher.id } })).schoolId,
      recipientStaffId: teacher.id,
      kind: "unrecorded_nudge",
      subjectId: conversationId,
      payload: {},
      dueAt: NOW,
      attempts: 0,
      idempotencyKey: "k",
    } as OutboxRow;
    const later = await defer(message, zonedTimeToUtc("2027-03-09", "11:00", TZ));
    expect(`${localDate(later!, TZ)} ${localTime(later!, TZ)}`).toBe("2027-03-15 08:30");
    // Another kind is not affected: inside school hours it goes now, outside it waits for the morning.
    expect(await defer({ ...message, kind: "prepare_reminder" }, zonedTimeToUtc("2027-03-09", "11:00", TZ))).toBeNull();
    const evening = await defer({ ...message, kind: "prepare_reminder" }, zonedTimeToUtc("2027-03-09", "19:00", TZ));
    expect(`${localDate(evening!, TZ)} ${localTime(evening!, TZ)}`).toBe("2027-03-10 08:30");
  });

  it("outside school hours a message waits for the next school day the teacher works", async () => {
    await t.db.groupTeacher.updateMany({ where: { staffId: teacher.id }, data: { workingDays: "1,2" } });
    const defer = createDeferral(t.db, () => NOW);
    const message = {
      id: "y",
      schoolId: (await t.db.staff.findUniqueOrThrow({ where: { id: teacher.id } })).schoolId,
      recipientStaffId: teacher.id,
      kind: "prepare_reminder",
      subjectId: conversationId,
      payload: {},
      dueAt: NOW,
      attempts: 0,
      idempotencyKey: "k2",
    } as OutboxRow;
    const tuesdayEvening = await defer(message, zonedTimeToUtc("2027-03-09", "19:00", TZ));
    expect(`${localDate(tuesdayEvening!, TZ)} ${localTime(tuesdayEvening!, TZ)}`).toBe("2027-03-15 08:30"); // not Wednesday: a day off
    expect(await defer(message, zonedTimeToUtc("2027-03-10", "10:00", TZ))).not.toBeNull(); // Wednesday during school: still waits
  });

  it("the weekly digest is opt-in and lists the week", async () => {
    await produceReminders(t.db, NOW);
    expect(await kinds()).not.toContain("weekly_digest");
    expect(await say("herinneringen aan weekoverzicht")).toMatch(/staan aan/);
    await produceReminders(t.db, NOW);
    const row = await t.db.outboxMessage.findFirstOrThrow({ where: { kind: "weekly_digest" } });
    expect(`${localDate(row.dueAt, TZ)} ${localTime(row.dueAt, TZ)}`).toBe("2027-03-08 08:30");
    const digest = await createRenderers(() => NOW).weekly_digest!({ ...row, payload: JSON.parse(row.payload) } as OutboxRow, t.db);
    expect(digest?.[0]?.text).toMatch(/Je week/);
    expect(digest?.[0]?.text).toMatch(/di 9 mrt 10:00 — Sam T./);
  });

  it("an unknown kind or amount gets a clear answer and changes nothing", async () => {
    const before = await t.db.reminderPreference.count();
    expect(await say("herinneringen uit alles")).toMatch(/Kies uit: plannen, voorbereiden/);
    expect(await say("herinneringen uitstellen evalueren 99 weken")).toMatch(/Hoe lang/);
    expect(await t.db.reminderPreference.count()).toBe(before);
  });
});

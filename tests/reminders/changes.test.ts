// What happens to queued reminders when plans change: a round renamed or moved, a conversation
// moved to another time the same day or by the duo-partner, two partners planning at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { inTransaction } from "../../bot/db/transaction.js";
import { createRound, updateRound, type RoundInput } from "../../bot/services/rounds.js";
import { planConversations } from "../../bot/services/round-planning.js";
import { produceReminders } from "../../bot/reminders/producer.js";
import { createRenderers } from "../../bot/reminders/scheduler.js";
import { zonedTimeToUtc } from "../../bot/domain/local-time.js";
import type { OutboxRow } from "../../bot/outbox/worker.js";
import { queuedItems } from "./queued.js";

const TZ = "Europe/Amsterdam";
const NOW = zonedTimeToUtc("2027-03-08", "07:00", TZ); // Monday before school
let t: TestDatabase;
let schoolId: string;
let leader: Actor;
let alexId: string;
let boId: string;
let groups = 0;

/**
 * Each test plans in a group of its own, taught by the duo Alex and Bo, with a round for it: the
 * tests hold in any order.
 */
async function groupWithRound(startDate = "2027-03-08") {
  const groupId = (await makeGroup(t.db, schoolId, `groep ${++groups}`, "middenbouw")).id;
  await t.db.groupTeacher.createMany({ data: [alexId, boId].map((staffId) => ({ groupId, staffId })) });
  const pupils: string[] = [];
  for (const name of ["Anna", "Bram", "Cas"]) pupils.push((await makePupil(t.db, schoolId, groupId, name)).id);
  const roundId = await inTransaction(t.db, (tx) => createRound(tx, leader, { ...input, startDate, groupIds: [groupId] }));
  return { groupId, pupils, roundId, alex: await loadActor(t.db, alexId), bo: await loadActor(t.db, boId) };
}

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db);
  schoolId = school.id;
  leader = await loadActor(t.db, (await makeStaff(t.db, school.id, { roles: [{ role: "team_leader", bouw: "middenbouw" }] })).id);
  alexId = (await makeStaff(t.db, school.id)).id;
  boId = (await makeStaff(t.db, school.id)).id;
});
afterAll(async () => t?.destroy());

const renderers = createRenderers(() => NOW);
async function render(row: { kind: string; payload: string } & Record<string, unknown>) {
  return renderers[row.kind]!({ ...row, payload: JSON.parse(row.payload) } as unknown as OutboxRow, t.db);
}
const rowsOf = (kind: string, subjectId: string) => t.db.outboxMessage.findMany({ where: { kind, subjectId }, orderBy: { createdAt: "asc" } });

const input: RoundInput = {
  name: "Voorjaar",
  formatKey: "middenbouw-kindgesprek",
  groupIds: [],
  startDate: "2027-03-08",
  endDate: "2027-03-26",
  evaluationIntervalDays: 42,
};

describe(`changing plans on ${testProvider()}`, () => {
  it("renaming a round keeps its queued announcement; moving its start replaces it", async () => {
    const { groupId, roundId, alex } = await groupWithRound();
    await produceReminders(t.db, NOW);
    const [first] = await rowsOf("round_announcement", roundId);
    expect(first).toBeTruthy();
    await inTransaction(t.db, (tx) => updateRound(tx, leader, roundId, { ...input, name: "Voorjaarsronde", groupIds: [groupId] }));
    await produceReminders(t.db, NOW);
    const afterRename = await rowsOf("round_announcement", roundId);
    expect(afterRename.filter((r) => r.recipientStaffId === alex.staffId)).toHaveLength(1);
    const rendered = await render(afterRename.find((r) => r.recipientStaffId === alex.staffId)!);
    expect(rendered?.[0]?.text).toContain("Voorjaarsronde");
    await inTransaction(t.db, (tx) => updateRound(tx, leader, roundId, { ...input, name: "Voorjaarsronde", groupIds: [groupId], startDate: "2027-03-09" }));
    await produceReminders(t.db, NOW);
    const afterMove = (await rowsOf("round_announcement", roundId)).filter((r) => r.recipientStaffId === alex.staffId);
    expect(afterMove).toHaveLength(2);
    expect(await render(afterMove[0]!)).toBeNull(); // planned for the old start
    expect(await render(afterMove[1]!)).not.toBeNull();
  });

  it("a conversation moved to another time the same day gets reminders for the new time only", async () => {
    const { groupId, pupils, roundId, alex } = await groupWithRound();
    const [c] = await inTransaction(t.db, (tx) =>
      planConversations(tx, alex, roundId, groupId, [{ pupilId: pupils[0]!, plannedAt: zonedTimeToUtc("2027-03-09", "10:30", TZ), durationMinutes: 15 }]),
    );
    await produceReminders(t.db, NOW);
    const before = await queuedItems(t.db, { kind: "prepare_reminder", subjectId: c!.id });
    expect(before).toHaveLength(1);
    await inTransaction(t.db, (tx) =>
      planConversations(tx, alex, roundId, groupId, [{ pupilId: pupils[0]!, plannedAt: zonedTimeToUtc("2027-03-09", "13:00", TZ), durationMinutes: 15 }]),
    );
    await produceReminders(t.db, NOW);
    // The pending bundle now lists the new time only (it was updated, not joined by a second one).
    const rows = await queuedItems(t.db, { kind: "prepare_reminder", subjectId: c!.id });
    expect(rows.map((r) => [r.bundleKey, r.item.at])).toEqual([[before[0]!.bundleKey, zonedTimeToUtc("2027-03-09", "13:00", TZ).toISOString()]]);
    const text = JSON.stringify(await render(await t.db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: rows[0]!.bundleKey } })));
    expect(text).toMatch(/13:00/);
    expect(text).not.toMatch(/10:30/);
  });

  it("the partner who moves a conversation holds it: the reminders go to them", async () => {
    const { groupId, pupils, roundId, alex, bo } = await groupWithRound();
    const [c] = await inTransaction(t.db, (tx) =>
      planConversations(tx, alex, roundId, groupId, [{ pupilId: pupils[1]!, plannedAt: zonedTimeToUtc("2027-03-10", "10:30", TZ), durationMinutes: 15 }]),
    );
    await inTransaction(t.db, (tx) =>
      planConversations(tx, bo, roundId, groupId, [{ pupilId: pupils[1]!, plannedAt: zonedTimeToUtc("2027-03-11", "09:00", TZ), durationMinutes: 15 }]),
    );
    const teachers = await t.db.conversationTeacher.findMany({ where: { conversationId: c!.id } });
    expect(teachers.map((x) => x.staffId)).toEqual([bo.staffId]);
    await produceReminders(t.db, zonedTimeToUtc("2027-03-09", "12:00", TZ)); // within 36 h of Wednesday morning
    const reminders = (await queuedItems(t.db, { kind: "prepare_reminder", subjectId: c!.id })).filter(
      (r) => r.item.at === zonedTimeToUtc("2027-03-11", "09:00", TZ).toISOString(),
    );
    expect(reminders.map((r) => r.recipientStaffId)).toEqual([bo.staffId]);
  });

  it("two partners planning the same pupil at once make one conversation", async () => {
    const { groupId, pupils, roundId, alex, bo } = await groupWithRound();
    const at = zonedTimeToUtc("2027-03-15", "10:30", TZ);
    await Promise.all([
      inTransaction(t.db, (tx) =>
        planConversations(tx, alex, roundId, groupId, [{ pupilId: pupils[2]!, plannedAt: at, durationMinutes: 15 }], { moveExisting: false }),
      ),
      inTransaction(t.db, (tx) =>
        planConversations(tx, bo, roundId, groupId, [{ pupilId: pupils[2]!, plannedAt: at, durationMinutes: 15 }], { moveExisting: false }),
      ),
    ]);
    expect(await t.db.conversation.count({ where: { roundId, pupilId: pupils[2]! } })).toBe(1);
  });
});

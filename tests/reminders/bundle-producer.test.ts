// Reminders bundled, the producer's side: one message per teacher per school day listing the
// pupils, duo-partners on their own days; re-running or a second instance adds nothing; a
// change before sending updates the pending bundle, and a bundle no longer wanted is withdrawn.
// A real database and the real producer on a fixed clock (harness: bundle-harness.ts).
import { describe, expect, it, onTestFinished } from "vitest";
import { testProvider } from "../support/test-db.js";
import { openDatabase } from "../../bot/db/client.js";
import { createIncrementalProducer, produceReminders } from "../../bot/reminders/producer.js";
import { DAILY_BUNDLE, itemsOf } from "../../bot/reminders/bundle.js";
import { createRenderers } from "../../bot/reminders/scheduler.js";
import type { OutboxRow } from "../../bot/outbox/worker.js";
import { app, at, bundlesOf, school, summary, THU, useBundleHarness, usualDay, WED } from "./bundle-harness.js";

useBundleHarness();

describe(`reminders bundled per teacher and school day on ${testProvider()}`, () => {
  it("one message per teacher per school day lists the right pupils, each duo-partner on their own day; re-running adds nothing", async () => {
    const s = await school();
    const d = await usualDay(s);
    const names = { [s.jufId]: "juf", [s.duoId]: "duo" };
    expect((await produceReminders(s.db, at(WED, "07:00"), s.schoolId)).failed).toEqual([]);
    const first = await bundlesOf(s);
    const items = [`evaluation_due ${d.casGoal.id}`, `unrecorded_nudge ${d.annaTalk.id}`];
    expect(summary(first, names).map((r) => ({ ...r, items: [...r.items].sort() }))).toEqual([
      // Wednesday is the juf's: Bram (Thursday) and Daan (Friday) to prepare, Anna to record, Cas's goal.
      { kind: DAILY_BUNDLE, to: "juf", status: "pending", dueAt: at(WED, "08:30").toISOString(), items: expect.any(Array) },
      // Her duo works Thursday: the same pupils then, Bram still before his conversation.
      { kind: DAILY_BUNDLE, to: "duo", status: "pending", dueAt: at(THU, "08:30").toISOString(), items: expect.any(Array) },
    ]);
    const talks = await s.db.conversation.findMany({ where: { schoolId: s.schoolId, status: "planned" }, select: { id: true, pupilId: true } });
    const prepare = talks.filter((t) => t.pupilId !== d.anna).map((t) => `prepare_reminder ${t.id}`);
    for (const row of summary(first, names)) expect([...row.items].sort()).toEqual([...items, ...prepare].sort());
    expect(first.every((r) => !r.payload.includes("Anna") && !r.payload.includes("Smit"))).toBe(true); // ids only

    // Again, later, and on a second instance with its own connection: nothing is added or changed.
    const again = await produceReminders(s.db, at(WED, "07:05"), s.schoolId);
    expect(again.enqueued).toBe(0);
    const second = await openDatabase(app.databaseUrl);
    onTestFinished(() => second.close());
    await createIncrementalProducer(second.db).tick(at(WED, "07:10"));
    const after = await bundlesOf(s);
    expect(after.map((r) => [r.id, r.payload, r.status, r.updatedAt.toISOString()])).toEqual(
      first.map((r) => [r.id, r.payload, r.status, r.updatedAt.toISOString()]),
    );
  });

  it("a change before sending updates the pending bundle; a bundle no longer wanted is withdrawn, and comes back with its items", async () => {
    const s = await school();
    const d = await usualDay(s);
    await produceReminders(s.db, at(WED, "07:00"), s.schoolId);
    const jufBundle = () => s.db.outboxMessage.findFirstOrThrow({ where: { recipientStaffId: s.jufId, kind: DAILY_BUNDLE } });
    const before = await jufBundle();
    // Anna's conversation is recorded, and Eva gets a goal due today.
    await s.db.conversation.update({ where: { id: d.annaTalk.id }, data: { status: "held", heldAt: at("2027-03-09", "10:10") } });
    const eva = await s.pupil("Eva", "Visser");
    const evaGoal = await s.goal(eva, WED);
    await produceReminders(s.db, at(WED, "07:30"), s.schoolId);
    const updated = await jufBundle();
    expect(updated.id).toBe(before.id);
    expect(updated.status).toBe("pending");
    const kinds = itemsOf(updated.payload).map((i) => `${i.kind} ${i.subjectId}`);
    expect(kinds).toContain(`evaluation_due ${evaGoal.id}`);
    expect(kinds).not.toContain(`unrecorded_nudge ${d.annaTalk.id}`);
    expect(kinds).toHaveLength(4);
    expect(await s.db.outboxMessage.count({ where: { schoolId: s.schoolId } })).toBe(2);

    // The duo mutes all three kinds: the Thursday bundle is withdrawn; unmuted, it is back.
    for (const kind of ["prepare_reminder", "unrecorded_nudge", "evaluation_due"])
      await s.db.reminderPreference.create({ data: { staffId: s.duoId, kind, muted: true } });
    await produceReminders(s.db, at(WED, "07:40"), s.schoolId);
    const duoBundle = () => s.db.outboxMessage.findFirstOrThrow({ where: { recipientStaffId: s.duoId, kind: DAILY_BUNDLE } });
    expect((await duoBundle()).status).toBe("cancelled");
    await s.db.reminderPreference.deleteMany({ where: { staffId: s.duoId } });
    await produceReminders(s.db, at(WED, "07:50"), s.schoolId);
    expect((await duoBundle()).status).toBe("pending");
    expect(itemsOf((await duoBundle()).payload)).toHaveLength(4);
  });

  it("speaks the teacher's language, with plural forms for the counts", async () => {
    const s = await school();
    await usualDay(s);
    await s.db.staff.update({ where: { id: s.jufId }, data: { locale: "en" } });
    await produceReminders(s.db, at(WED, "07:00"), s.schoolId);
    const render = async (staffId: string, now: Date) => {
      const row = await s.db.outboxMessage.findFirstOrThrow({ where: { recipientStaffId: staffId, kind: DAILY_BUNDLE } });
      const replies = await createRenderers(() => now)[DAILY_BUNDLE]!({ ...row, payload: JSON.parse(row.payload) } as OutboxRow, s.db);
      return replies!.flatMap((r) => [r.text, ...(r.lists ?? []).map((l) => l.heading)]);
    };
    expect(await render(s.jufId, at(WED, "08:30"))).toEqual([
      expect.stringMatching(/^\*\*For .+\*\*: 4 pupils on your list\.$/),
      "1 goal to evaluate",
      "1 conversation not recorded yet",
      "2 conversations to prepare",
    ]);
    // Thursday after Bram's conversation began: his line drops out, one of each is left for the duo.
    expect(await render(s.duoId, at(THU, "10:05"))).toEqual([
      expect.stringMatching(/^\*\*Voor .+\*\*: 3 leerlingen op je lijstje\.$/),
      "1 doel om te evalueren",
      "1 gesprek nog niet vastgelegd",
      "1 gesprek om voor te bereiden",
    ]);
  });
});

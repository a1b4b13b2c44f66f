// Reminders bundled, the channels' side: the bundles go out through the running app's proactive
// sender to Teams (the fake connector) for one duo-partner and to Slack (the fake Web API) for
// the other, each on their own working days, with a button per pupil that works when pressed;
// a group of 32 is split within each platform's limits, never cut (harness: bundle-harness.ts).
import { describe, expect, it } from "vitest";
import { testProvider } from "../support/test-db.js";
import { produceReminders } from "../../bot/reminders/producer.js";
import { itemsOf } from "../../bot/reminders/bundle.js";
import { encodeAction } from "../../adapters/shared/button-action.js";
import type { CommandAction } from "../../bot/channel/types.js";
import { at, connector, fake, school, sim, statuses, teamsButtons, teamsText, THU, useBundleHarness, usualDay, WED, worker } from "./bundle-harness.js";

useBundleHarness();

describe(`bundled reminders through Teams and Slack on ${testProvider()}`, () => {
  it("Teams: the juf's bundle lists the pupils by section and name, one button each, and a button works when pressed", async () => {
    const s = await school();
    const d = await usualDay(s);
    await produceReminders(s.db, at(WED, "07:00"), s.schoolId);
    const since = connector.activities.length;
    await worker(s.db, at(WED, "08:31")).tick();
    expect(await statuses(s)).toEqual({ juf: "sent", duo: "pending" }); // the duo's waits for Thursday
    const { sent, buttons } = teamsButtons(s.juf, since);
    expect(sent).toHaveLength(1);
    const text = teamsText(sent);
    expect(text).toContain("Voor wo 10 mrt");
    expect(text).toContain("4 leerlingen op je lijstje");
    expect(text).toContain("1 doel om te evalueren");
    expect(text).toContain("1 gesprek nog niet vastgelegd");
    expect(text).toContain("2 gesprekken om voor te bereiden");
    // Evaluate, then record, then prepare; within a section by name (Bram before Daan).
    const order = ["Cas Jansen", "Anna Smit", "Bram de Vries", "Daan Bakker"].map((name) => text.indexOf(name));
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(buttons.map((b) => [b.title, b.data.command, b.data.args])).toEqual([
      ["Evalueren", "evaluate", { goalId: d.casGoal.id }],
      ["Gesprek vastleggen", "conversation", { pupilId: d.anna }],
      ["Voorbereiden", "prepare", { pupilId: d.bram }],
      ["Voorbereiden", "prepare", { pupilId: d.daan }],
    ]);
    expect((await s.db.outboxMessage.findFirstOrThrow({ where: { recipientStaffId: s.jufId } })).status).toBe("sent");
    // Pressing Bram's button starts preparing Bram's conversation.
    const reply = await s.teams.post("juf", { value: buttons[2]!.data });
    expect(JSON.stringify(reply.map((a) => a.activity))).toContain("Bram");

    // Sent: a goal due today that comes after it waits for her next school day (Monday), not a second message today.
    const eva = await s.pupil("Eva", "Visser");
    const evaGoal = await s.goal(eva, WED);
    await produceReminders(s.db, at(WED, "11:00"), s.schoolId);
    expect(await s.db.outboxMessage.count({ where: { recipientStaffId: s.jufId } })).toBe(1);
    await produceReminders(s.db, at("2027-03-14", "21:00"), s.schoolId);
    const monday = await s.db.outboxMessage.findFirstOrThrow({ where: { recipientStaffId: s.jufId, status: "pending" } });
    expect(monday.dueAt.toISOString()).toBe(at("2027-03-15", "08:30").toISOString());
    expect(itemsOf(monday.payload).map((i) => i.subjectId)).toContain(evaGoal.id);
    expect(itemsOf(monday.payload).map((i) => i.subjectId)).not.toContain(d.casGoal.id); // delivered on Wednesday
  });

  it("Slack: the duo's bundle comes on Thursday with a button per pupil, and a button works when pressed", async () => {
    const s = await school();
    const d = await usualDay(s);
    await produceReminders(s.db, at(WED, "07:00"), s.schoolId);
    await worker(s.db, at(WED, "08:31")).tick();
    expect(await statuses(s)).toEqual({ juf: "sent", duo: "pending" });
    const since = fake.calls.length;
    await worker(s.db, at(THU, "08:31")).tick();
    expect(await statuses(s)).toEqual({ juf: "sent", duo: "sent" });
    const posts = fake.callsOf("chat.postMessage", since).filter((c) => c.args.channel === s.dm && c.result === "ok");
    expect(posts).toHaveLength(1);
    const blocks = posts[0]!.args.blocks as { type: string; text?: { text: string }; accessory?: { action_id: string; value: string; text: unknown } }[];
    const text = JSON.stringify(blocks);
    expect(text).toContain("Voor do 11 mrt");
    const buttons = blocks.filter((b) => b.accessory).map((b) => JSON.parse(b.accessory!.value) as CommandAction);
    expect(buttons).toEqual([
      { command: "evaluate", args: { goalId: d.casGoal.id } },
      { command: "conversation", args: { pupilId: d.anna } },
      { command: "prepare", args: { pupilId: d.bram } },
      { command: "prepare", args: { pupilId: d.daan } },
    ]);
    // Pressing Cas's button opens the evaluation of his goal.
    const message = fake.messages.findLast((m) => m.channel === s.dm)!;
    const button = blocks[blocks.findIndex((b) => b.accessory?.value === encodeAction(buttons[0]!))]!.accessory!;
    const pressed = fake.calls.length;
    const payload = sim.blockActions(
      s.duo,
      { type: "button", action_id: button.action_id, text: button.text, value: button.value },
      { message: { channel: s.dm, ts: message.ts } },
    );
    expect((await sim.interaction(payload)).status).toBe(200);
    await sim.settled();
    const answered = JSON.stringify(
      fake.calls
        .slice(pressed)
        .filter((c) => c.result === "ok")
        .map((c) => c.args),
    );
    expect(answered).toContain("Hoe ging het?");
  });

  it("a group of 32 with all three kinds: nothing is cut, split within Teams' and Slack's limits, every pupil keeps its buttons", async () => {
    const s = await school();
    const names = Array.from({ length: 32 }, (_, i) => [`Kind${String(i + 1).padStart(2, "0")}`, "Groot"] as const);
    const wanted: string[] = [];
    for (const [first, last] of names) {
      const id = await s.pupil(first, last);
      await s.plan(id, "2027-03-09", "09:00"); // Tuesday, not recorded
      await s.plan(id, "2027-03-12", "11:00"); // Friday, to prepare
      const goal = await s.goal(id, WED);
      wanted.push(encodeAction({ command: "evaluate", args: { goalId: goal.id } }));
      wanted.push(encodeAction({ command: "conversation", args: { pupilId: id } }), encodeAction({ command: "prepare", args: { pupilId: id } }));
    }
    await produceReminders(s.db, at(WED, "07:00"), s.schoolId);
    expect(await s.db.outboxMessage.count({ where: { schoolId: s.schoolId } })).toBe(2); // one per teacher, 96 items each
    const since = connector.activities.length;
    await worker(s.db, at(WED, "08:31")).tick();
    const { sent, buttons } = teamsButtons(s.juf, since);
    expect(sent.length).toBeGreaterThan(1); // split over several cards…
    for (const a of sent) expect(Buffer.byteLength(JSON.stringify(a.activity))).toBeLessThan(28_000); // …each within Teams' size
    expect(buttons.map((b) => encodeAction({ command: String(b.data.command), args: b.data.args as Record<string, string> })).sort()).toEqual(
      [...wanted].sort(),
    );
    expect(teamsText(sent)).toContain("32 leerlingen op je lijstje");
    expect(teamsText(sent)).toContain("32 doelen om te evalueren");

    const before = fake.calls.length;
    await worker(s.db, at(THU, "08:31")).tick();
    const posts = fake.callsOf("chat.postMessage", before).filter((c) => c.args.channel === s.dm && c.result === "ok");
    expect(posts.length).toBeGreaterThan(1);
    const values: string[] = [];
    for (const post of posts) {
      const blocks = post.args.blocks as { accessory?: { action_id: string; value: string } }[];
      expect(blocks.length).toBeLessThanOrEqual(50);
      const ids = blocks.flatMap((b) => (b.accessory ? [b.accessory.action_id] : []));
      expect(new Set(ids).size).toBe(ids.length); // unique within a message
      values.push(...blocks.flatMap((b) => (b.accessory ? [b.accessory.value] : [])));
    }
    expect(values.sort()).toEqual([...wanted].sort());
    expect(await statuses(s)).toEqual({ juf: "sent", duo: "sent" });
  });
});

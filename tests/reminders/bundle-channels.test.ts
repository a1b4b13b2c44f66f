// Reminders bundled: one message per teacher per school day listing the pupils, each with its
// own button. A real database and the real producer on a fixed clock; the bundles go out
// through the running app's proactive sender, to Teams (the fake connector) for one duo-partner
// and to Slack (the fake Web API) for the other, each on their own working days; the buttons are
// pressed where the channel shows them. Every test makes its own school, teachers and pupils.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector } from "../support/fake-connector.js";
import { FakeSlackApi } from "../support/fake-slack-api.js";
import { SlackSimulator, type SlackPerson } from "../support/slack-requests.js";
import { testProvider } from "../support/test-db.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { zonedTimeToUtc } from "../../bot/domain/local-time.js";
import { openDatabase } from "../../bot/db/client.js";
import { createIncrementalProducer, produceReminders } from "../../bot/reminders/producer.js";
import { createDeferral, createRenderers } from "../../bot/reminders/scheduler.js";
import { createOutboxWorker } from "../../bot/outbox/worker.js";
import { createLogger } from "../../bot/logger.js";
import { DAILY_BUNDLE, itemsOf } from "../../bot/reminders/bundle.js";
import { encodeAction } from "../../adapters/shared/button-action.js";
import type { CommandAction } from "../../bot/channel/types.js";
import { makeHeldGoal } from "../evaluations/fixtures.js";
import { TeamsDriver, teamsConversation, type TeamsPerson } from "../evaluations/teams-driver.js";

const TZ = "Europe/Amsterdam";
const SECRET = "bundle-signing-secret-0123456789abcdef";
const TOKEN = "xoxb-bundle-test";
// Wednesday 10 March 2027, before school: the juf works Monday–Wednesday, her duo Thursday–Friday.
const WED = "2027-03-10";
const THU = "2027-03-11";
const at = (date: string, time: string) => zonedTimeToUtc(date, time, TZ);

let app: TestApp & { databaseUrl: string };
const connector = new FakeConnector();
const fake = new FakeSlackApi(TOKEN);
let sim: SlackSimulator;
let schools = 0;

beforeAll(async () => {
  await connector.start();
  await fake.start();
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true", SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.url });
  sim = new SlackSimulator(`${app.baseUrl}/slack/events`, SECRET, fake, () => app.settled());
});
afterAll(async () => {
  await app?.stop();
  await connector.stop();
  await fake.stop();
});

/** A school of its own: groep 5 with a juf on Teams (Mon–Wed) and her duo on Slack (Thu–Fri), pupils and what is due. */
async function school(pupilCount = 4) {
  const n = ++schools;
  const tenant = `bundle-tenant-${n}-0000-0000-000000000000`;
  const team = `T0BUNDLE${n}`;
  const juf: TeamsPerson & { email: string } = {
    aad: `bbbbbbbb-0000-0000-0000-00000000000${n}`,
    name: "Juf Jansen",
    tenantId: tenant,
    email: `juf${n}@bundle.example`,
  };
  const duo: SlackPerson & { email: string } = { userId: `U0BUNDLE${n}`, teamId: team, email: `duo${n}@bundle.example` };
  connector.members.set(`29:${juf.aad}`, { id: `29:${juf.aad}`, name: juf.name, aadObjectId: juf.aad, email: juf.email });
  fake.users.set(duo.userId, { id: duo.userId, teamId: team, email: duo.email });
  const db = app.database.db;
  const setup = await applySchoolSetup(db, {
    school: { name: `Bundelschool ${n}`, teamsTenantIds: [tenant], slackTeamIds: [team] },
    schoolYear: "2026-2027",
    staff: [
      { email: juf.email, name: "Juf Jansen", roles: ["teacher"] },
      { email: duo.email, name: "Meester Duo", roles: ["teacher"] },
    ],
    groups: [
      {
        name: "groep 5",
        teachers: [
          { email: juf.email, workingDays: [1, 2, 3] },
          { email: duo.email, workingDays: [4, 5] },
        ],
      },
    ],
  });
  const schoolId = setup.schoolId;
  const { id: groupId } = await db.group.findFirstOrThrow({ where: { schoolId, name: "groep 5" } });
  const jufId = (await db.staff.findFirstOrThrow({ where: { email: juf.email } })).id;
  const duoId = (await db.staff.findFirstOrThrow({ where: { email: duo.email } })).id;
  const teams = new TeamsDriver(() => app.baseUrl, connector, { juf });
  await teams.post("juf", { type: "installationUpdate", action: "add" });
  const dm = `D${duo.userId.slice(1)}`;
  const before = fake.calls.length;
  await sim.event(duo, { type: "app_home_opened", user: duo.userId, tab: "messages", channel: dm });
  await fake.waitFor((c) => c.method === "chat.postMessage" && c.args.channel === dm, before);

  const pupil = async (firstName: string, lastName: string) =>
    (await db.pupil.create({ data: { schoolId, groupId, externalId: `${n}-${firstName}-${lastName}`, firstName, lastName } })).id;
  const plan = (pupilId: string, date: string, time: string, status = "planned") =>
    db.conversation.create({
      data: {
        schoolId,
        pupilId,
        groupId,
        formatKey: "middenbouw",
        formatVersion: 1,
        status,
        plannedAt: at(date, time),
        durationMinutes: 15,
        createdById: jufId,
        teachers: { create: [{ staffId: jufId }, { staffId: duoId }] },
      },
    });
  const goal = async (pupilId: string, date: string) =>
    (await makeHeldGoal(db, { schoolId, pupilId, createdById: jufId, evaluatorId: null, evaluationDate: date, goalText: "Ik wil netjes schrijven" })).goal;
  return { n, db, schoolId, groupId, juf, jufId, duo, duoId, dm, teams, pupil, plan, goal, pupilCount };
}

/** The usual day: Cas's goal is due Wednesday; Anna's conversation of Tuesday is not recorded; Bram (Thursday) and Daan (Friday) to prepare. */
async function usualDay(s: Awaited<ReturnType<typeof school>>) {
  const [anna, bram, cas, daan] = [
    await s.pupil("Anna", "Smit"),
    await s.pupil("Bram", "de Vries"),
    await s.pupil("Cas", "Jansen"),
    await s.pupil("Daan", "Bakker"),
  ];
  const annaTalk = await s.plan(anna, "2027-03-09", "10:00");
  const bramTalk = await s.plan(bram, THU, "10:00");
  await s.plan(daan, "2027-03-12", "09:00");
  const casGoal = await s.goal(cas, WED);
  return { anna, bram, cas, daan, annaTalk, bramTalk, casGoal };
}

const bundlesOf = (s: { db: TestApp["database"]["db"]; schoolId: string }) =>
  s.db.outboxMessage.findMany({ where: { schoolId: s.schoolId }, orderBy: [{ dueAt: "asc" }, { recipientStaffId: "asc" }] });

const summary = (rows: Awaited<ReturnType<typeof bundlesOf>>, names: Record<string, string>) =>
  rows.map((r) => ({
    kind: r.kind,
    to: names[r.recipientStaffId],
    status: r.status,
    dueAt: r.dueAt.toISOString(),
    items: itemsOf(r.payload).map((i) => `${i.kind} ${i.subjectId}`),
  }));

/** The status of each teacher's bundle in this school (the worker also sends other tests' rows). */
async function statuses(s: { db: TestApp["database"]["db"]; schoolId: string; jufId: string; duoId: string }) {
  const rows = await s.db.outboxMessage.findMany({ where: { schoolId: s.schoolId, kind: DAILY_BUNDLE } });
  const of = (id: string) =>
    rows
      .filter((r) => r.recipientStaffId === id)
      .map((r) => r.status)
      .join(",");
  return { juf: of(s.jufId), duo: of(s.duoId) };
}

function worker(db: TestApp["database"]["db"], now: Date) {
  const clock = () => now;
  return createOutboxWorker({
    db,
    proactive: app.core.proactive,
    logger: createLogger("silent"),
    renderers: createRenderers(clock),
    deferUntil: createDeferral(db, clock),
    clock,
  });
}

/** Every Action.Submit anywhere in the Teams cards sent to this person since `since`. */
function teamsButtons(juf: TeamsPerson, since: number) {
  const found: { title: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      if (o.type === "Action.Submit") found.push({ title: String(o.title), data: o.data as Record<string, unknown> });
      Object.values(o).forEach(walk);
    }
  };
  const sent = connector.activities.slice(since).filter((a) => a.conversationId === teamsConversation(juf));
  walk(sent.map((a) => a.activity.attachments));
  return { sent, buttons: found };
}

const teamsText = (sent: { activity: { attachments?: unknown } }[]) => JSON.stringify(sent.map((a) => a.activity.attachments));

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
});

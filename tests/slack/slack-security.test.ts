// Signatures, stale and unsigned requests, unknown workspaces and users, Slack's retries of events
// and repeated interaction payloads, and proactive DMs within Slack's rate limits.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeSlackApi, type SlackCall } from "../support/fake-slack-api.js";
import { makeStaff } from "../support/fixtures.js";
import { SlackSimulator, slackSignature, type SlackPerson } from "../support/slack-requests.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { testProvider } from "../support/test-db.js";
import { localDate } from "../../bot/domain/local-time.js";
import { fillModal, SlackTeacher } from "./slack-driver.js";

const SECRET = "0123456789abcdef0123456789abcdef";
const TOKEN = "xoxb-test-1111-gesprekswijzer";
const TEAM = "T0SCHOOL02";
const OTHER_TEAM = "T0ELSEWHR1";
const STRANGER: SlackPerson = { userId: "U0STRANGE2", teamId: TEAM };
// Someone in another workspace whose Slack account carries the e-mail address of a teacher here.
const FOREIGN: SlackPerson = { userId: "U0FOREIGN1", teamId: OTHER_TEAM };
const today = localDate(new Date(), "Europe/Amsterdam");

let app: TestApp;
const fake = new FakeSlackApi(TOKEN);
let sim: SlackSimulator;
let schoolId: string;
let groupId: string;
let stranger: SlackTeacher;

type Teacher = SlackTeacher & { staffId: string };
let juf: Teacher;
let meester: Teacher;
let teachers = 0;
/** When the requests of earlier tests had all been handled (beforeEach). */
let settledAt = 0;
/** The Slack users of earlier tests, whose Home tab refreshes may still land in a later test. */
const earlier = new Set<string>();

beforeAll(async () => {
  await fake.start();
  fake.users.set(STRANGER.userId, { id: STRANGER.userId, teamId: TEAM, email: "iemand@elders.example" });
  fake.users.set(FOREIGN.userId, { id: FOREIGN.userId, teamId: OTHER_TEAM, email: "anna@school.example" });
  app = await startTestApp({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.url });
  // Anna is the teacher whose address FOREIGN's account carries; each test adds the colleagues it uses.
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Beveiligde school", slackTeamIds: [TEAM] },
    schoolYear: "2026-2027",
    staff: [{ email: "anna@school.example", name: "Anna Jansen", roles: ["teacher"] }],
    groups: [{ name: "groep 2", teachers: [{ email: "anna@school.example" }] }],
  });
  schoolId = setup.schoolId;
  groupId = (await app.database.db.group.findFirstOrThrow({ where: { schoolId } })).id;
  await app.database.db.pupil.create({ data: { schoolId, groupId, externalId: "7", firstName: "Noor", lastName: "Visser" } });
  sim = new SlackSimulator(`${app.baseUrl}/slack/events`, SECRET, fake, () => app.settled());
  stranger = new SlackTeacher(STRANGER, sim, fake, today);
});
// Every test has a juf and a meester of its own, both teaching groep 2 and new to the bot in Slack.
beforeEach(async () => {
  // What an earlier test's requests set going is done before this test counts anything.
  await sim.settled();
  settledAt = Date.now();
  if (juf) earlier.add(juf.who.userId);
  if (meester) earlier.add(meester.who.userId);
  juf = await newTeacher("juf");
  meester = await newTeacher("meester");
});
afterAll(async () => {
  await app?.stop();
  await fake.stop();
});

/** A teacher of groep 2 (Noor's group) who has never used the bot in Slack: a new member of staff
 *  with a new Slack account, so no identity, DM history, open dialog or rate-limit window yet. */
async function newTeacher(name: string): Promise<Teacher> {
  const n = ++teachers;
  const email = `${name}${n}@school.example`;
  const who: SlackPerson = { userId: `U0${name.toUpperCase()}${n}`, teamId: TEAM };
  fake.users.set(who.userId, { id: who.userId, teamId: TEAM, email });
  const staff = await makeStaff(app.database.db, schoolId, { email, groups: [groupId] });
  return Object.assign(new SlackTeacher(who, sim, fake, today), { staffId: staff.id });
}

/** The teacher's first use of the bot in Slack (`help`): from then on it can reach them proactively. */
async function firstUse(teacher: Teacher): Promise<void> {
  const since = fake.calls.length;
  await sim.command(teacher.who, "help");
  await teacher.dmContaining("voorbereiden", since);
  await sim.settled();
}

/** Waits until nothing else goes on around the teacher's DM: her last message is over a second old
 *  (Slack's window for the channel is empty), and the Home tab refreshes that earlier tests' turns
 *  scheduled have gone out (debounced by 1.5 s, so settled() does not wait for them). */
async function quiet(teacher: Teacher): Promise<void> {
  const lastMessage = teacher.posted(0).at(-1)?.at ?? 0;
  const wait = Math.max(lastMessage + 1000, settledAt + 1500) + 200 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** The Web API calls from index `since` on, less Home tab refreshes for teachers of earlier tests:
 *  those are debounced after a turn, so settled() does not wait for them and one may land later.
 *  A Home published for anyone else (a malformed user id, say) still counts. */
function callsSince(since: number): SlackCall[] {
  return fake.calls.slice(since).filter((c) => c.method !== "views.publish" || !earlier.has(String(c.args.user_id)));
}

describe(`Slack request security on ${testProvider()}`, () => {
  const body = () => sim.commandBody(juf.who, "mijn groep").toString();
  const form = "application/x-www-form-urlencoded";

  it("refuses a bad signature, a stale or future timestamp, and an unsigned request, doing nothing", async () => {
    const since = fake.calls.length;
    const logged = app.logs.length;
    const now = Math.floor(Date.now() / 1000);
    const wrongSecret = slackSignature("not-the-signing-secret-at-all!!", now, body());
    expect((await sim.send(body(), form, { signature: wrongSecret })).status).toBe(401);
    // A valid signature over a different body (tampered payload).
    const tampered = body();
    expect((await sim.send(tampered.replace("mijn+groep", "export+Noor"), form, { signature: slackSignature(SECRET, now, tampered) })).status).toBe(401);
    expect((await sim.send(body(), form, { timestamp: now - 6 * 60 })).status).toBe(401);
    expect((await sim.send(body(), form, { timestamp: now + 6 * 60 })).status).toBe(401);
    expect((await sim.send(body(), form, { unsigned: true })).status).toBe(401);
    expect((await sim.send(body(), form, { signature: "v0=" })).status).toBe(401);
    // Nothing reached the core: no identity was made for the juf, nothing was sent.
    expect(await app.database.db.staffIdentity.count({ where: { channel: "slack", staffId: juf.staffId } })).toBe(0);
    expect(callsSince(since)).toEqual([]);
    // The same request, correctly signed, works.
    const ok = await sim.send(body(), form);
    expect(ok.status).toBe(200);
    await juf.dmContaining("Noor Visser", since);
    expect(app.logs.slice(logged).join("\n")).not.toContain("Noor");
  });

  it("serves an unknown workspace nothing but a refusal", async () => {
    const since = fake.calls.length;
    const response = await sim.command(FOREIGN, "mijn groep");
    const ack = (await response.json()) as { text: string };
    expect(ack.text).toContain("niet gekoppeld");
    expect(JSON.stringify(ack)).not.toContain("Noor");
    await sim.dm(FOREIGN, "mijn groep");
    await sim.event(FOREIGN, { type: "app_home_opened", user: FOREIGN.userId, tab: "home" });
    const interaction = await sim.interaction(
      sim.blockActions(FOREIGN, { type: "button", action_id: "gw_cmd:0", value: "mijn groep" }, { message: { channel: "D0FOREIGN1", ts: "1.2" } }),
    );
    expect(interaction.status).toBe(200);
    // Everything the server did after acknowledging these is done; a known-good request still works.
    await sim.settled();
    await sim.command(juf.who, "help");
    await juf.dmContaining("voorbereiden", since);
    expect(fake.calls.slice(since).filter((c) => JSON.stringify(c.args).includes("FOREIGN"))).toEqual([]);
    expect(await app.database.db.staffIdentity.count({ where: { externalId: { startsWith: OTHER_TEAM } } })).toBe(0);
  });

  it("acknowledges malformed payloads without acting on them or failing", async () => {
    const since = fake.calls.length;
    const logged = app.logs.length;
    const bad: Array<Record<string, unknown>> = [
      {
        type: "block_actions",
        team: { id: TEAM },
        user: { id: "not an id", team_id: TEAM },
        trigger_id: fake.trigger(),
        actions: [{ action_id: "gw_cmd:0", value: "help" }],
      },
      {
        type: "block_actions",
        team: { id: TEAM },
        user: { id: juf.who.userId, team_id: TEAM },
        trigger_id: fake.trigger(),
        actions: [{ action_id: "gw_step_submit", value: 7 }],
      },
      { type: "view_submission", team: { id: TEAM }, user: { id: juf.who.userId, team_id: TEAM }, view: { callback_id: "gw_step", private_metadata: 5 } },
      { type: "view_closed", team: { id: TEAM }, user: { id: juf.who.userId }, view: { id: "V1", callback_id: "gw_step", private_metadata: "{}" } },
    ];
    // Refused by the payload guard (400) or acknowledged and dropped (200): never a 5xx.
    for (const payload of bad) expect((await sim.interaction(payload)).status).toBeLessThan(500);
    expect((await sim.event(juf.who, { type: "message", channel_type: "im", channel: 42, user: juf.who.userId, text: { a: 1 } })).status).toBeLessThan(500);
    expect((await sim.event(juf.who, { type: "app_home_opened", user: "lowercase", tab: "home" })).status).toBeLessThan(500);
    // Not JSON, or JSON of no known kind: a clean 4xx or an empty ack, never a 5xx.
    for (const body of ["payload=%7Bnot-json", "payload=%5B1%2C2%5D", "payload=%7B%22type%22%3A%22mystery%22%7D"]) {
      expect((await sim.send(body, "application/x-www-form-urlencoded")).status).toBeLessThan(500);
    }
    expect((await sim.send("{not json", "application/json")).status).toBeLessThan(500);
    await sim.settled();
    expect(callsSince(since).filter((c) => c.method !== "auth.test")).toEqual([]);
    expect(app.logs.slice(logged).join("\n")).not.toMatch(/slack (handler|request) failed/);
  });

  it("answers a button whose action is unreadable like unreadable input, politely and without data", async () => {
    // A teacher who uses the bot already presses three buttons in her DM, each with an unreadable action.
    await firstUse(juf);
    const since = fake.calls.length;
    for (const value of [JSON.stringify({ command: "drop tables;" }), "{not json", JSON.stringify({ command: "pupil", args: { pupilId: 7 } })]) {
      const response = await sim.interaction(
        sim.blockActions(juf.who, { type: "button", action_id: "gw_cmd:0", value }, { message: { channel: juf.dmChannel, ts: "1.2" } }),
      );
      expect(response.status).toBe(200);
    }
    await sim.settled();
    const replies = juf.posted(since).map((c) => String(c.args.text));
    expect(replies).toHaveLength(3);
    for (const reply of replies) expect(reply).toContain("Dat begrijp ik niet");
    expect(juf.textOf(juf.posted(since))).not.toContain("Noor");
  });

  it("gives someone not on the staff list a polite refusal and no data", async () => {
    const since = fake.calls.length;
    await sim.dm(STRANGER, "mijn groep");
    const reply = await stranger.dmContaining("personeelslijst", since);
    expect(JSON.stringify(reply.args)).not.toContain("Noor");
    await sim.event(STRANGER, { type: "app_home_opened", user: STRANGER.userId, tab: "home" });
    await fake.waitFor((c) => c.method === "views.publish" && c.args.user_id === STRANGER.userId, since);
    expect(JSON.stringify(fake.homes.get(STRANGER.userId))).toContain("personeelslijst");
    expect(JSON.stringify(fake.homes.get(STRANGER.userId))).not.toContain("Noor");
  });
});

describe(`Slack retries never double anything on ${testProvider()}`, () => {
  it("handles a retried event (same event_id, X-Slack-Retry-Num) once: one note, one reply", async () => {
    const since = fake.calls.length;
    const text = "notitie Noor: bouwde een toren van blokken";
    await sim.dm(juf.who, text, { eventId: "Ev0RETRY0001" });
    await juf.dmContaining("Notitie opgeslagen", since);
    const retry = await sim.dm(juf.who, text, { eventId: "Ev0RETRY0001", retryNum: 1 });
    expect(retry.status).toBe(200);
    await sim.dm(juf.who, text, { eventId: "Ev0RETRY0001", retryNum: 2 });
    // Any doubled reply would have been sent by now; a later, different event is still answered.
    await sim.settled();
    await sim.dm(juf.who, "help", { eventId: "Ev0RETRY0002" });
    await juf.dmContaining("voorbereiden", since);
    expect(await app.database.db.note.count({ where: { text: "bouwde een toren van blokken" } })).toBe(1);
    expect(juf.posted(since).filter((c) => String(c.args.text).includes("Notitie opgeslagen"))).toHaveLength(1);
  });

  it("handles a repeated interaction payload once, and a repeated modal submission once", async () => {
    let since = fake.calls.length;
    await sim.dm(juf.who, "notitie Noor");
    await juf.dmContaining("gw_open_modal", since);
    const stepMessage = fake.messages.filter((m) => m.channel === juf.dmChannel && JSON.stringify(m.blocks).includes("gw_open_modal")).at(-1)!;
    type El = { action_id: string; value?: string };
    const open = (stepMessage.blocks as Array<{ elements?: El[] }>).flatMap((b) => b.elements ?? []).find((e) => e.action_id === "gw_open_modal")!;
    const click = sim.blockActions(
      juf.who,
      { type: "button", action_id: "gw_open_modal", value: open.value },
      { message: { channel: juf.dmChannel, ts: stepMessage.ts } },
    );
    since = fake.calls.length;
    await sim.interaction(click);
    await sim.interaction(click);
    const modal = await juf.openedModal(since);
    const submission = sim.viewSubmission(juf.who, {
      ...modal,
      type: "modal",
      callback_id: "gw_step",
      state: { values: fillModal(modal, today, { text: "vertelde over haar konijn" }) },
    });
    const first = await sim.interaction(submission);
    const again = await sim.interaction(submission);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    await juf.dmContaining("Notitie opgeslagen", since);
    await sim.settled();
    await sim.dm(juf.who, "help");
    await juf.dmContaining("voorbereiden", since);
    expect(fake.callsOf("views.open", since)).toHaveLength(1);
    expect(await app.database.db.note.count({ where: { text: "vertelde over haar konijn" } })).toBe(1);
    expect(juf.posted(since).filter((c) => String(c.args.text).includes("Notitie opgeslagen"))).toHaveLength(1);
  });

  it("refuses a modal submitted by someone else (a forwarded or forged view), changing nothing", async () => {
    let since = fake.calls.length;
    await meester.command("notitie Noor");
    const modal = await meester.openedModal(since);
    since = fake.calls.length;
    const forged = sim.viewSubmission(juf.who, {
      ...modal,
      type: "modal",
      callback_id: "gw_step",
      state: { values: fillModal(modal, today, { text: "niet van mij" }) },
    });
    const response = await sim.interaction(forged);
    expect(response.status).toBe(200);
    await juf.dmContaining("iemand anders", since);
    expect(await app.database.db.note.count({ where: { text: "niet van mij" } })).toBe(0);
  });
});

describe(`proactive Slack DMs on ${testProvider()}`, () => {
  it("sends through the core's proactive API with the idempotency key in message metadata", async () => {
    await firstUse(juf);
    const since = fake.calls.length;
    const outcome = await app.core.proactive.sendToStaff(juf.staffId, [{ text: "Herinnering: **morgen** gesprek met Noor" }], {
      idempotencyKey: "outbox-1",
    });
    expect(outcome).toMatchObject({ ok: true, channel: "slack" });
    const sent = fake.callsOf("chat.postMessage", since).at(-1)!;
    expect(sent.args.channel).toBe(juf.dmChannel);
    expect(sent.args.metadata).toEqual({ event_type: "gesprekswijzer_message", event_payload: { idempotencyKey: "outbox-1", part: 0 } });
    expect(JSON.stringify(sent.args.blocks)).toContain("*morgen*");
  });

  it("keeps to one message per second per channel", async () => {
    await firstUse(juf);
    // Neither the reply to her `help` nor another test's leftovers may land in this test's one-second windows.
    await quiet(juf);
    fake.enforceLimits = true;
    try {
      const since = fake.calls.length;
      const started = Date.now();
      const outcome = await app.core.proactive.sendToStaff(juf.staffId, [{ text: "een" }, { text: "twee" }, { text: "drie" }]);
      expect(outcome).toMatchObject({ ok: true });
      expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
      expect(fake.callsOf("chat.postMessage", since).map((c) => c.result)).toEqual(["ok", "ok", "ok"]);
    } finally {
      fake.enforceLimits = false;
    }
  });

  it("returns a 429 at once as throttled with Retry-After, without stalling other sends, and never re-posts what went out", async () => {
    const [anna, tom] = [juf.staffId, meester.staffId];
    await firstUse(juf);
    await firstUse(meester);
    fake.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 1800 });
    const since = fake.calls.length;
    const started = Date.now();
    const throttled = await app.core.proactive.sendToStaff(anna, [{ text: "Herinnering" }], { idempotencyKey: "outbox-2" });
    expect(throttled).toMatchObject({ ok: false, permanent: false, reason: "throttled", retryAfterMs: 1_800_000 });
    expect(Date.now() - started).toBeLessThan(2000);
    // Another teacher's send goes straight through: the client's queue is not paused.
    expect(await app.core.proactive.sendToStaff(tom, [{ text: "Voor Tom" }])).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeLessThan(3000);
    // Until Retry-After has passed, nothing more is sent to that DM: throttled without a call.
    const calls = fake.calls.length;
    expect(await app.core.proactive.sendToStaff(anna, [{ text: "nog eens" }])).toMatchObject({ reason: "throttled" });
    expect(callsSince(calls)).toEqual([]);
    // A two-part message throttled on part 2 sends only part 2 when retried.
    fake.failNext("chat.postMessage", null);
    fake.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 1 });
    const partial = await app.core.proactive.sendToStaff(tom, [{ text: "deel een" }, { text: "deel twee" }], { idempotencyKey: "outbox-3" });
    expect(partial).toMatchObject({ ok: false, reason: "throttled", retryAfterMs: 1000 });
    expect(await app.core.proactive.sendToStaff(tom, [{ text: "deel een" }, { text: "deel twee" }], { idempotencyKey: "outbox-3" })).toMatchObject({
      ok: true,
    });
    const texts = fake
      .callsOf("chat.postMessage", since)
      .filter((c) => c.result === "ok")
      .map((c) => c.args.text);
    expect(texts.filter((t) => t === "deel een")).toHaveLength(1);
    expect(texts.filter((t) => t === "deel twee")).toHaveLength(1);
  });

  it("reports a 5xx as uncertain without re-posting, and a deactivated account as blocked", async () => {
    const tom = meester.staffId;
    await firstUse(meester);
    fake.failNext("chat.postMessage", { status: 503 });
    const since = fake.calls.length;
    expect(await app.core.proactive.sendToStaff(tom, [{ text: "misschien" }])).toMatchObject({ ok: false, reason: "uncertain" });
    expect(fake.callsOf("chat.postMessage", since)).toHaveLength(1);
    fake.failNext("chat.postMessage", { error: "account_inactive" });
    expect(await app.core.proactive.sendToStaff(tom, [{ text: "weg" }])).toMatchObject({ ok: false, permanent: true, reason: "blocked" });
    expect((await app.database.db.channelAddress.findFirstOrThrow({ where: { staffId: tom, channel: "slack" } })).status).toBe("blocked");
  });
});

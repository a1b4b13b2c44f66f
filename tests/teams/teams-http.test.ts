// Real Bot Framework activities over HTTP into the running server (teams-ai Application on
// CloudAdapter, local mode), replies captured by a fake connector at the activity's serviceUrl.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector, type RecordedActivity } from "../support/fake-connector.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { testProvider } from "../support/test-db.js";
import { localDate } from "../../bot/domain/local-time.js";
import { type Card, cardOf, fillCard as fillCardFor, submitData, TeamsDriver, textOf } from "../support/teams-driver.js";

const TENANT = "11111111-2222-3333-4444-555555555555";
const ALEX = { aad: "aaaaaaaa-0000-0000-0000-000000000001", name: "Alex Wilber", email: "alex@school.example" };
const BO = { aad: "aaaaaaaa-0000-0000-0000-000000000002", name: "Bo Duo", email: "bo@school.example" };
const NEW = { aad: "aaaaaaaa-0000-0000-0000-000000000003", name: "Nieuwe Juf", email: "nieuw@school.example" };
const STRANGER = { aad: "aaaaaaaa-0000-0000-0000-000000000009", name: "Iemand", email: "iemand@elders.example" };
type User = typeof ALEX;

let app: TestApp;
let teams: TeamsDriver;
let schoolId: string;
const connector = new FakeConnector();
const conv = (u: User) => `a:personal-${u.aad}`;
const today = localDate(new Date(), "Europe/Amsterdam");

beforeAll(async () => {
  await connector.start();
  for (const u of [ALEX, BO, NEW, STRANGER])
    connector.members.set(`29:${u.aad}`, { id: `29:${u.aad}`, name: u.name, aadObjectId: u.aad, email: u.email, userPrincipalName: u.email });
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true" });
  teams = new TeamsDriver(app, connector, TENANT);
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Teamsschool", teamsTenantIds: [TENANT] },
    schoolYear: "2026-2027",
    staff: [
      { email: ALEX.email, name: ALEX.name, roles: ["teacher"], teamsAadObjectId: ALEX.aad },
      { email: BO.email, name: BO.name, roles: ["teacher"], teamsAadObjectId: BO.aad },
      { email: NEW.email, name: NEW.name, roles: ["teacher"] },
    ],
    groups: [{ name: "groep 5", teachers: [{ email: ALEX.email }, { email: BO.email }, { email: NEW.email }] }],
  });
  schoolId = setup.schoolId;
  const group = await app.database.db.group.findFirstOrThrow({ where: { schoolId } });
  await app.database.db.pupil.create({ data: { schoolId: setup.schoolId, groupId: group.id, externalId: "1", firstName: "Sam", lastName: "de Boer" } });
});
afterAll(async () => {
  await app?.stop();
  await connector.stop();
});

const activity = (user: User, fields: Record<string, unknown>, tenantId = TENANT) => teams.activity(user, fields, tenantId);
const post = (body: unknown): Promise<RecordedActivity[]> => teams.post(body);
const say = (user: User, text: string) => teams.say(user, text);
const fillCard = (card: Card, overrides: Record<string, string> = {}) => fillCardFor(card, today, overrides);

/** Submits the last step card until the dialog completes; returns the last replies. */
async function completeDialog(user: User, first: RecordedActivity[], overrides: Record<string, Record<string, string>> = {}): Promise<RecordedActivity[]> {
  let sent = first;
  for (let i = 0; i < 40; i++) {
    const cardActivity = [...sent].reverse().find((a) => cardOf(a)?.actions?.some((x) => x.data?.action === "submit"));
    if (!cardActivity) return sent;
    const card = cardOf(cardActivity)!;
    const data = submitData(card);
    sent = await post(activity(user, { replyToId: cardActivity.activityId, value: { ...data, ...fillCard(card, overrides[String(data.stepId)]) } }));
  }
  throw new Error("dialog did not complete");
}

type NewTeacher = { user: User; staffId: string; conversation: string };
let known = 0;
/** A teacher of her own, on the staff list but new to the bot: nothing another test does reaches her. */
async function newTeacher(name: string): Promise<NewTeacher> {
  const k = String(++known).padStart(2, "0");
  const user = { aad: `aaaaaaaa-0000-0000-0001-0000000000${k}`, name, email: `juf${k}@school.example` };
  connector.members.set(`29:${user.aad}`, { id: `29:${user.aad}`, name, aadObjectId: user.aad, email: user.email, userPrincipalName: user.email });
  const staff = await app.database.db.staff.create({ data: { schoolId, email: user.email, displayName: name, roles: { create: { role: "teacher" } } } });
  return { user, staffId: staff.id, conversation: conv(user) };
}

describe(`Teams over HTTP on ${testProvider()}`, () => {
  it("greets on install with buttons and stores the conversation reference", async () => {
    const lotte = await newTeacher("Lotte Nieuw");
    expect(await app.database.db.channelAddress.count({ where: { staffId: lotte.staffId } })).toBe(0);
    const sent = await post(activity(lotte.user, { type: "installationUpdate", action: "add", text: undefined }));
    const card = cardOf(sent[0]!)!;
    expect(JSON.stringify(card)).toContain("Hoi Lotte");
    expect(card.actions!.map((a) => a.data.command)).toEqual(expect.arrayContaining(["prepare", "conversation", "note", "help"]));
    const address = await app.database.db.channelAddress.findFirstOrThrow({ where: { channel: "teams", staffId: lotte.staffId } });
    expect(JSON.parse(address.reference).conversation.id).toBe(lotte.conversation);
  });

  it("answers typed commands in Dutch and English, and buttons", async () => {
    expect(textOf(await say(ALEX, "help"))).toContain("voorbereiden");
    expect(textOf(await post(activity(ALEX, { value: { gw: "cmd", command: "mijn groep" } })))).toContain("Sam de Boer");
    expect(textOf(await say(ALEX, "english"))).toContain("English");
    expect(textOf(await say(ALEX, "my group"))).toContain("1 pupil<br>"); // one pupil: the singular (was "1 pupils")
    await say(ALEX, "nederlands");
  });

  it("takes typed actions from buttons and drop-downs, legacy command buttons as text, and answers an unreadable one politely", async () => {
    expect(textOf(await post(activity(ALEX, { value: { gw: "act", command: "myGroup" } })))).toContain("Sam de Boer");
    const choice = JSON.stringify({ command: "myGroup" });
    expect(textOf(await post(activity(ALEX, { value: { gw: "act-choice", gwAction: choice } })))).toContain("Sam de Boer");
    expect(textOf(await post(activity(ALEX, { value: { gw: "cmd-choice", command: "mijn groep" } })))).toContain("Sam de Boer");
    for (const unreadable of [
      { gw: "act", command: "drop tables;" },
      { gw: "act-choice", gwAction: "{not json" },
      { gw: "act", command: "pupil", args: ["x"] },
    ]) {
      const reply = textOf(await post(activity(ALEX, { value: unreadable })));
      expect(reply).toContain("Dat begrijp ik niet");
      expect(reply).not.toContain("Sam");
    }
  });

  it("walks a preparation and a conversation with cards, replacing each answered card", async () => {
    const start = await say(ALEX, "voorbereiden Sam");
    const firstCard = start.find((a) => cardOf(a));
    expect(JSON.stringify(cardOf(firstCard!))).toContain("Welk gespreksformat?");
    const afterFirst = await post(
      activity(ALEX, { replyToId: firstCard!.activityId, value: { ...submitData(cardOf(firstCard!)!), ...fillCard(cardOf(firstCard!)!) } }),
    );
    const update = afterFirst.find((a) => a.kind === "update");
    expect(update?.activityId).toBe(firstCard!.activityId);
    expect(JSON.stringify(cardOf(update!))).not.toContain("Action.Submit");
    await completeDialog(ALEX, afterFirst);
    const prepared = await app.database.db.conversation.findFirstOrThrow({ where: { pupil: { firstName: "Sam" } } });
    expect(prepared.status).toBe("prepared");

    const done = await completeDialog(ALEX, await say(ALEX, "gesprek Sam"));
    expect(textOf(done)).toContain("opgeslagen");
    const held = await app.database.db.conversation.findUniqueOrThrow({ where: { id: prepared.id }, include: { goals: true, agreements: true } });
    expect(held.status).toBe("held");
    expect(held.goals).toHaveLength(1);
    expect(held.agreements[0]?.what).toBe("leest elke dag 10 minuten in zijn leesboek");
  });

  it("shows validation errors inline on the same card, keeping what was typed", async () => {
    const start = await say(ALEX, "voorbereiden Sam");
    let card = start.find((a) => cardOf(a))!;
    let sent = await post(activity(ALEX, { replyToId: card.activityId, value: { ...submitData(cardOf(card)!), ...fillCard(cardOf(card)!) } }));
    card = sent.find((a) => a.kind !== "update" && cardOf(a))!;
    sent = await post(activity(ALEX, { replyToId: card.activityId, value: { ...submitData(cardOf(card)!), ...fillCard(cardOf(card)!) } }));
    card = sent.find((a) => a.kind !== "update" && cardOf(a))!;
    expect(JSON.stringify(cardOf(card))).toContain("Wanneer en waar?");
    sent = await post(
      activity(ALEX, {
        replyToId: card.activityId,
        value: { ...submitData(cardOf(card)!), ...fillCard(cardOf(card)!, { date: "31-02-2027", place: "de leeshoek" }) },
      }),
    );
    const updated = sent.find((a) => a.kind === "update" && a.activityId === card.activityId)!;
    const json = JSON.stringify(cardOf(updated));
    expect(json).toContain("Typ een datum");
    expect(json).toContain("de leeshoek");
    await say(ALEX, "stop");
    await say(ALEX, "ja");
  });

  it("lets a teacher type the answers instead, one question at a time", async () => {
    const start = await say(ALEX, "notitie Sam");
    expect(start.some((a) => cardOf(a))).toBe(true);
    const typed = await say(ALEX, "Sam vertelde trots over zijn tekening");
    expect(String(typed[0]!.activity.text)).toContain("Vraag 2/3");
    expect(typed.some((a) => cardOf(a))).toBe(false);
    await say(ALEX, "-");
    const done = await say(ALEX, "nee");
    expect(textOf(done)).toContain("Notitie opgeslagen");
    const note = await app.database.db.note.findFirstOrThrow({ where: { text: "Sam vertelde trots over zijn tekening" } });
    expect(note.shareWithParents).toBe(false);
  });

  it("refuses a foreign user's and a doubled submission, changing nothing", async () => {
    const start = await say(ALEX, "voorbereiden Sam");
    const card = start.find((a) => cardOf(a))!;
    const value = { ...submitData(cardOf(card)!), ...fillCard(cardOf(card)!) };
    // The card forwarded to the duo-partner: refused, and the card is not touched.
    const foreign = await post(activity(BO, { replyToId: card.activityId, value }));
    expect(textOf(foreign)).toContain("iemand anders");
    expect(foreign.some((a) => a.kind === "update")).toBe(false);
    const first = await post(activity(ALEX, { replyToId: card.activityId, value }));
    expect(first.some((a) => a.kind === "update")).toBe(true);
    const again = await post(activity(ALEX, { replyToId: card.activityId, value }));
    expect(textOf(again)).toContain("niet meer actueel");
    const session = await app.database.db.dialogSession.findFirstOrThrow({ where: { status: "active" }, orderBy: { updatedAt: "desc" } });
    expect(session.stepId).toBe("aim");
    await say(ALEX, "stop");
    await say(ALEX, "ja");
  });

  it("serves an unknown tenant and a stranger nothing but a polite refusal", async () => {
    expect(
      textOf(await say({ ...ALEX }, "mijn groep").then(() => post(activity(ALEX, { text: "mijn groep" }, "99999999-0000-0000-0000-000000000000")))),
    ).toContain("niet gekoppeld");
    const stranger = textOf(await say(STRANGER, "mijn groep"));
    expect(stranger).toContain("personeelslijst");
    expect(stranger).not.toContain("Sam");
    const noTenant = await post({
      ...activity(ALEX, { text: "mijn groep" }),
      conversation: { id: conv(ALEX), conversationType: "personal" },
      channelData: {},
    });
    expect(textOf(noTenant)).toContain("niet gekoppeld");
  });

  it("matches a new teacher by e-mail on first contact and remembers the Teams identity", async () => {
    expect(textOf(await say(NEW, "mijn groep"))).toContain("Sam de Boer");
    const identity = await app.database.db.staffIdentity.findFirstOrThrow({ where: { channel: "teams", externalId: NEW.aad } });
    expect(identity).toBeTruthy();
  });

  it("acts once on an activity Teams delivers twice (claimed in the database: across restarts and instances)", async () => {
    const sam = await app.database.db.pupil.findFirstOrThrow({ where: { firstName: "Sam" } });
    // Start outside any dialog an earlier test left open, so the note is a command, not an answer.
    await app.database.db.dialogSession.updateMany({ where: { status: "active" }, data: { status: "paused" } });
    const before = await app.database.db.note.count({ where: { pupilId: sam.id } });
    const once = activity(ALEX, { text: "notitie Sam: vertelde over de moestuin, twee keer bezorgd" });
    const first = await post(once);
    const second = await post(once);
    const third = await post(once);
    expect(textOf(first)).toContain("opgeslagen");
    expect(second).toEqual([]);
    expect(third).toEqual([]);
    expect(await app.database.db.note.count({ where: { pupilId: sam.id } })).toBe(before + 1);
    // A new activity with the same text is a new message, and acts.
    await post(activity(ALEX, { text: "notitie Sam: vertelde over de moestuin, twee keer bezorgd" }));
    expect(await app.database.db.note.count({ where: { pupilId: sam.id } })).toBe(before + 2);
  });
});

describe(`proactive Teams messages on ${testProvider()}`, () => {
  // Each test throttles, fails or blocks the conversation of a teacher of its own, who has used the bot.
  async function teacherInTeams(): Promise<NewTeacher> {
    const juf = await newTeacher(`Juf ${known + 1}`);
    await say(juf.user, "help"); // first contact: the bot now knows where to reach her
    return juf;
  }

  it("retries a 429 after Retry-After, delivering exactly once", async () => {
    const juf = await teacherInTeams();
    connector.failNext(juf.conversation, { status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    const before = connector.sentTo(juf.conversation).length;
    const outcome = await app.core.proactive.sendToStaff(juf.staffId, [{ text: "Herinnering: morgen gesprek met Sam" }]);
    expect(outcome.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(connector.sentTo(juf.conversation).length - before).toBe(1);
  });

  it("does not re-send when the service may have accepted the message (5xx)", async () => {
    const juf = await teacherInTeams();
    connector.failNext(juf.conversation, { status: 502, acceptAnyway: true });
    const attemptsBefore = connector.attempts.length;
    const outcome = await app.core.proactive.sendToStaff(juf.staffId, [{ text: "Herinnering" }]);
    expect(outcome).toMatchObject({ ok: false, reason: "uncertain" });
    expect(connector.attempts.length - attemptsBefore).toBe(1);
  });

  it("records a removed installation (403) and keeps going without crashing", async () => {
    const juf = await teacherInTeams();
    connector.block(juf.conversation, 403);
    const outcome = await app.core.proactive.sendToStaff(juf.staffId, [{ text: "Herinnering" }]);
    expect(outcome).toMatchObject({ ok: false, permanent: true, reason: "blocked" });
    expect((await app.database.db.channelAddress.findFirstOrThrow({ where: { staffId: juf.staffId } })).status).toBe("blocked");
    expect(await app.core.proactive.sendToStaff(juf.staffId, [{ text: "nog een" }])).toMatchObject({ reason: "no_address" });
  });
});

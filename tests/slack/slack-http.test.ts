// Signed Slack requests (slash command, block_actions, view_submission, app_home_opened,
// message.im) into the running server; Bolt's replies go to a local fake of Slack's Web API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeSlackApi } from "../support/fake-slack-api.js";
import { SlackSimulator, type SlackPerson } from "../support/slack-requests.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { testProvider } from "../support/test-db.js";
import { localDate } from "../../bot/domain/local-time.js";
import { fillModal, SlackTeacher, type View } from "./slack-driver.js";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const TOKEN = "xoxb-test-0000-gesprekswijzer";
const TEAM = "T0SCHOOL01";
const ALEX: SlackPerson = { userId: "U0ALEX0001", teamId: TEAM };
const BO: SlackPerson = { userId: "U0BODUO001", teamId: TEAM };
const NEW: SlackPerson = { userId: "U0NIEUW001", teamId: TEAM };
const STRANGER: SlackPerson = { userId: "U0STRANGE1", teamId: TEAM };
const today = localDate(new Date(), "Europe/Amsterdam");

let app: TestApp;
const fake = new FakeSlackApi(TOKEN);
let sim: SlackSimulator;
let alex: SlackTeacher;
let newTeacher: SlackTeacher;

beforeAll(async () => {
  await fake.start();
  fake.users.set(ALEX.userId, { id: ALEX.userId, teamId: TEAM, email: "alex@school.example" });
  fake.users.set(BO.userId, { id: BO.userId, teamId: TEAM, email: "bo@school.example" });
  fake.users.set(NEW.userId, { id: NEW.userId, teamId: TEAM, email: "Nieuw@School.example" });
  fake.users.set(STRANGER.userId, { id: STRANGER.userId, teamId: TEAM, email: "iemand@elders.example" });
  app = await startTestApp({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.url });
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Slackschool", slackTeamIds: [TEAM] },
    schoolYear: "2026-2027",
    staff: [
      { email: "alex@school.example", name: "Alex Wilber", roles: ["teacher"], slackUserId: ALEX.userId },
      { email: "bo@school.example", name: "Bo Duo", roles: ["teacher"], slackUserId: BO.userId },
      { email: "nieuw@school.example", name: "Nieuwe Juf", roles: ["teacher"] },
    ],
    groups: [{ name: "groep 5", teachers: [{ email: "alex@school.example" }, { email: "bo@school.example" }, { email: "nieuw@school.example" }] }],
  });
  const group = await app.database.db.group.findFirstOrThrow({ where: { schoolId: setup.schoolId } });
  await app.database.db.pupil.create({ data: { schoolId: setup.schoolId, groupId: group.id, externalId: "1", firstName: "Sam", lastName: "de Boer" } });
  sim = new SlackSimulator(`${app.baseUrl}/slack/events`, SECRET, fake, () => app.settled());
  alex = new SlackTeacher(ALEX, sim, fake, today);
  newTeacher = new SlackTeacher(NEW, sim, fake, today);
});
afterAll(async () => {
  await app?.stop();
  await fake.stop();
});

describe(`Slack over HTTP on ${testProvider()}`, () => {
  it("answers /kindgesprek in the DM, in Dutch and English, and acks at once", async () => {
    const started = Date.now();
    const { response, since } = await alex.command("help");
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await response.text()).toBe("");
    await alex.dmContaining("voorbereiden", since);

    const english = await alex.command("english");
    await alex.dmContaining("English", english.since);
    const group = await alex.command("my group");
    await alex.dmContaining("Sam de Boer", group.since);
    const dutch = await alex.command("nederlands");
    await alex.dmContaining("Nederlands", dutch.since);
  });

  it("settles a turn: once the app says so, the replies after the ack have been sent", async () => {
    const since = fake.calls.length;
    const response = await sim.dm(ALEX, "mijn groep");
    expect(response.status).toBe(200);
    await sim.settled();
    // No waiting for a call: it must be there already.
    expect(alex.posted(since).map((c) => JSON.stringify(c.args))).toEqual([expect.stringContaining("Sam de Boer")]);
  });

  it("answers a command typed in a channel only in the DM, never in the channel", async () => {
    const since = fake.calls.length;
    const response = await sim.command(ALEX, "mijn groep", "C0GENERAL1");
    const ack = (await response.json()) as { response_type: string; text: string };
    expect(ack.response_type).toBe("ephemeral");
    expect(ack.text).not.toContain("Sam");
    await alex.dmContaining("Sam de Boer", since);
    expect(fake.calls.slice(since).some((c) => c.args.channel === "C0GENERAL1")).toBe(false);
  });

  it("walks a preparation in modals from the slash command and stores it", async () => {
    const { since } = await alex.command("voorbereiden Sam");
    const first = await alex.openedModal(since);
    expect(first.title.text.length).toBeLessThanOrEqual(24);
    expect(first.blocks.length).toBeLessThanOrEqual(100);
    const visited = await alex.completeModal(first);
    expect(visited.length).toBeGreaterThan(2);
    await alex.dmContaining("Voorbereiding opgeslagen", since);
    const prepared = await app.database.db.conversation.findFirstOrThrow({ where: { pupil: { firstName: "Sam" } } });
    expect(prepared.status).toBe("prepared");
  });

  it("returns invalid modal fields as field errors, keeping the session and what was entered", async () => {
    const { since } = await alex.command("gesprek Sam");
    let view = await alex.openedModal(since);
    const has = (v: View, blockId: string) => v.blocks.some((b) => b.block_id === blockId);
    for (let i = 0; i < 20 && !has(view, "f_evaluationDate"); i++) {
      const ack = await alex.submit(view, fillModal(view, today));
      expect(ack?.response_action).toBe("update");
      const stored = fake.applyViewUpdate(view.id, ack!.view as Record<string, unknown>);
      view = { ...(ack!.view as View), id: stored.id, hash: stored.hash };
    }
    expect(has(view, "f_evaluationDate")).toBe(true);
    const before = await app.database.db.dialogSession.findFirstOrThrow({ where: { status: "active", staff: { email: "alex@school.example" } } });
    const values = fillModal(view, today, { evaluationDate: today, successCriteria: "Sam zegt de tafels foutloos op" });
    const ack = await alex.submit(view, values);
    expect(ack?.response_action).toBe("errors");
    expect(Object.keys(ack!.errors as object)).toEqual(["f_evaluationDate"]);
    expect(String((ack!.errors as Record<string, string>).f_evaluationDate)).toContain("na vandaag");
    const after = await app.database.db.dialogSession.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.stepId).toBe(before.stepId);
    // Everything else that was entered is kept in the draft.
    expect(after.rawInputs + after.answers).toContain("Sam zegt de tafels foutloos op");
    // Corrected, the same modal moves on.
    const fixed = await alex.submit(view, fillModal(view, today, { successCriteria: "Sam zegt de tafels foutloos op" }));
    expect(fixed?.response_action).toBe("update");
    const moved = await app.database.db.dialogSession.findUniqueOrThrow({ where: { id: before.id } });
    expect(moved.stepId).not.toBe(before.stepId);
    // Stop asks first (answers would be discarded); "ja" confirms.
    const asked = fake.calls.length;
    await sim.dm(ALEX, "stop");
    await alex.dmContaining("Stoppen met", asked);
    const cancelled = fake.calls.length;
    await sim.dm(ALEX, "ja");
    await alex.dmContaining("Gestopt", cancelled);
  });

  it("takes typed DMs as commands and, during a dialog, as answers one question at a time", async () => {
    let since = fake.calls.length;
    await sim.dm(ALEX, "notitie Sam");
    const step = await alex.dmContaining("gw_", since);
    expect(JSON.stringify(step.args.blocks)).toContain("gw_open_modal");
    since = fake.calls.length;
    await sim.dm(ALEX, "Sam vertelde trots over zijn tekening");
    const next = await alex.dmContaining("2/3", since);
    expect(JSON.stringify(next.args.blocks)).not.toContain("gw_open_modal");
    since = fake.calls.length;
    await sim.dm(ALEX, "-");
    await alex.dmContaining("3/3", since);
    since = fake.calls.length;
    await sim.dm(ALEX, "nee");
    await alex.dmContaining("Notitie opgeslagen", since);
    const note = await app.database.db.note.findFirstOrThrow({ where: { text: "Sam vertelde trots over zijn tekening" } });
    expect(note.shareWithParents).toBe(false);
  });

  it("answers a DM step with one click, replaces the answered message, and opens the rest as a modal", async () => {
    let since = fake.calls.length;
    await sim.dm(ALEX, "voorbereiden Sam");
    const stepCall = await alex.dmContaining("gw_field:format", since);
    const message = fake.messages.find(
      (m) => m.ts === fake.messages.filter((x) => x.channel === alex.dmChannel && JSON.stringify(x.blocks).includes("gw_field:format")).at(-1)!.ts,
    )!;
    expect(stepCall.args.blocks).toEqual(message.blocks);
    type Actions = { type: string; block_id?: string; elements?: Array<Record<string, unknown> & { options?: Array<{ text: unknown; value: string }> }> };
    const formatBlock = (message.blocks as Actions[]).find(
      (b) => b.type === "actions" && b.elements?.some((e) => String(e.action_id).startsWith("gw_field:format")),
    )!;
    const element = formatBlock.elements![0]!;
    const chosen = element.options ? { type: "static_select", action_id: element.action_id, selected_option: element.options[0] } : { ...element };
    since = fake.calls.length;
    await sim.interaction(sim.blockActions(ALEX, { ...chosen, block_id: formatBlock.block_id }, { message: { channel: alex.dmChannel, ts: message.ts } }));
    await fake.waitFor((c) => c.method === "chat.update" && c.args.ts === message.ts, since);
    expect(JSON.stringify(message.blocks)).toContain("white_check_mark");
    expect(JSON.stringify(message.blocks)).not.toContain("gw_field:format");
    // The next step needs typing: "Fill in" opens it as a modal.
    const next = await alex.dmContaining("gw_open_modal", since);
    const openButton = (next.args.blocks as Actions[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === "gw_open_modal")!;
    const nextTs = fake.messages.filter((m) => m.channel === alex.dmChannel && JSON.stringify(m.blocks).includes("gw_open_modal")).at(-1)!.ts;
    since = fake.calls.length;
    await sim.interaction(
      sim.blockActions(ALEX, { type: "button", action_id: "gw_open_modal", value: openButton.value }, { message: { channel: alex.dmChannel, ts: nextTs } }),
    );
    const modal = await alex.openedModal(since);
    expect(String((modal.close as { text: string }).text)).toMatch(/^pauze/i);
    // Closing it pauses the dialog and keeps what was typed.
    since = fake.calls.length;
    const values = fillModal(modal, today);
    await sim.interaction({ ...sim.viewSubmission(ALEX, { ...modal, state: { values } }), type: "view_closed" });
    await alex.dmContaining("", since);
    const paused = await app.database.db.dialogSession.findFirstOrThrow({
      where: { kind: "prepare", staff: { email: "alex@school.example" } },
      orderBy: { updatedAt: "desc" },
    });
    expect(paused.status).toBe("paused");
    const firstText = Object.values(values)
      .map((v) => (v.value as { value?: string }).value)
      .find((v) => typeof v === "string");
    if (firstText) expect(paused.answers + paused.rawInputs).toContain(firstText);
    since = fake.calls.length;
    await sim.dm(ALEX, "stop");
    await alex.dmContaining("", since);
  });

  it("matches a new teacher by the e-mail from users.info and remembers the Slack identity", async () => {
    const { since } = await newTeacher.command("mijn groep");
    await newTeacher.dmContaining("Sam de Boer", since);
    expect(fake.callsOf("users.info", since).map((c) => c.args.user)).toContain(NEW.userId);
    const identity = await app.database.db.staffIdentity.findFirstOrThrow({ where: { channel: "slack", externalId: `${TEAM}:${NEW.userId}` } });
    expect(identity).toBeTruthy();
    const address = await app.database.db.channelAddress.findFirstOrThrow({ where: { channel: "slack", staffId: identity.staffId } });
    expect(JSON.parse(address.reference)).toMatchObject({ teamId: TEAM, userId: NEW.userId, channelId: newTeacher.dmChannel });
  });

  it("publishes the Home tab with drafts, upcoming conversations and groups, and refreshes it after a change", async () => {
    let since = fake.calls.length;
    await sim.dm(ALEX, "voorbereiden Sam");
    await alex.dmContaining("Stap", since);
    await sim.dm(ALEX, "pauze");
    await alex.dmContaining("", fake.calls.length);
    since = fake.calls.length;
    await sim.event(ALEX, { type: "app_home_opened", user: ALEX.userId, tab: "home", channel: alex.dmChannel });
    await fake.waitFor((c) => c.method === "views.publish" && c.args.user_id === ALEX.userId, since);
    const home = JSON.stringify(fake.homes.get(ALEX.userId));
    expect(home).toContain("groep 5");
    expect(home).toContain("Sam de Boer");
    // The paused draft's button resumes it by a typed action, not by command text.
    const draft = await app.database.db.dialogSession.findFirstOrThrow({
      where: { status: "paused", staff: { email: "alex@school.example" } },
      orderBy: { updatedAt: "desc" },
    });
    const buttons = (fake.homes.get(ALEX.userId)!.blocks as Array<{ elements?: Array<{ value?: string }> }>).flatMap((b) => b.elements ?? []);
    expect(buttons.map((b) => b.value)).toContain(JSON.stringify({ command: "resume", args: { sessionId: draft.id } }));
    since = fake.calls.length;
    await sim.dm(ALEX, "notitie Sam: speelde vandaag samen met Noor");
    await alex.dmContaining("Notitie opgeslagen", since);
    await fake.waitFor((c) => c.method === "views.publish" && c.args.user_id === ALEX.userId, since);
  });
});

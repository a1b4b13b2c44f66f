// An answer longer than its field's limit, sent from a Teams card (a real activity over HTTP) or a
// Slack modal (a signed view_submission), is refused with the limit and how much too long, and
// the text comes back whole: nothing is stored, nothing is cut.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector, type RecordedActivity } from "../support/fake-connector.js";
import { cardOf, TeamsDriver } from "../support/teams-driver.js";
import { FakeSlackApi } from "../support/fake-slack-api.js";
import { SlackSimulator } from "../support/slack-requests.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { testProvider } from "../support/test-db.js";
import { localDate } from "../../bot/domain/local-time.js";
import { fillModal, SlackTeacher } from "../slack/slack-driver.js";

const TENANT = "33333333-4444-5555-6666-777777777777";
const TEAM = "T0LIMITS01";
const SECRET = "limits-signing-secret-0123456789ab";
const TOKEN = "xoxb-limits-test";
const TEAMS_USER = { aad: "cccccccc-0000-0000-0000-000000000001", name: "Teams Juf", email: "teams.limiet@school.example" };
const SLACK_USER = { userId: "U0LIMIET01", teamId: TEAM, email: "slack.limiet@school.example" };
const today = localDate(new Date(), "Europe/Amsterdam");

let app: TestApp;
const connector = new FakeConnector();
const fake = new FakeSlackApi(TOKEN);
let slack: SlackTeacher;
let sim: SlackSimulator;

/** A child's story told at length: 3001 characters, one more than a long answer holds. */
const LONG_STORY = "Sam vertelde over de hut die hij met zijn opa bouwde. ".repeat(60).slice(0, 3001);

beforeAll(async () => {
  await connector.start();
  await fake.start();
  connector.members.set(`29:${TEAMS_USER.aad}`, { id: `29:${TEAMS_USER.aad}`, name: "Teams Juf", aadObjectId: TEAMS_USER.aad, email: TEAMS_USER.email });
  fake.users.set(SLACK_USER.userId, { id: SLACK_USER.userId, teamId: TEAM, email: SLACK_USER.email });
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true", SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.url });
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Limietschool", teamsTenantIds: [TENANT], slackTeamIds: [TEAM] },
    schoolYear: "2026-2027",
    staff: [
      { email: TEAMS_USER.email, name: "Teams Juf", roles: ["teacher"] },
      { email: SLACK_USER.email, name: "Slack Juf", roles: ["teacher"] },
    ],
    groups: [{ name: "groep 6", teachers: [{ email: TEAMS_USER.email }, { email: SLACK_USER.email }] }],
  });
  const group = await app.database.db.group.findFirstOrThrow({ where: { schoolId: setup.schoolId } });
  await app.database.db.pupil.create({ data: { schoolId: setup.schoolId, groupId: group.id, externalId: "1", firstName: "Sam", lastName: "de Boer" } });
  sim = new SlackSimulator(`${app.baseUrl}/slack/events`, SECRET, fake, () => app.settled());
  slack = new SlackTeacher(SLACK_USER, sim, fake, today);
});
afterAll(async () => {
  await app?.stop();
  await connector.stop();
  await fake.stop();
});

const teams = (fields: Record<string, unknown>): Promise<RecordedActivity[]> => {
  const driver = new TeamsDriver(app, connector, TENANT);
  return driver.post(driver.activity(TEAMS_USER, fields));
};

const notes = () => app.database.db.note.count();

describe(`an over-long answer through the channels on ${testProvider()}`, () => {
  it("Teams: the card is refused over HTTP with the limit named, and comes back holding the whole text", async () => {
    const started = (await teams({ text: "notitie Sam" })).find((a) => cardOf(a))!;
    const card = cardOf(started)!;
    expect(card.body.find((el) => el.id === "f_text")).toMatchObject({ type: "Input.Text", maxLength: 3000 });
    expect(JSON.stringify(card)).toContain("Hoogstens 3000 tekens.");
    const submit = card.actions!.find((a) => a.data.action === "submit")!.data;
    const before = await notes();

    const sent = await teams({ replyToId: started.activityId, value: { ...submit, f_text: LONG_STORY, f_goal: "", f_text__share: "false" } });
    const shown = JSON.stringify(sent.map((a) => cardOf(a) ?? a.activity.text));
    expect(shown).toContain("Dit is 1 teken te lang: hier passen hoogstens 3000 tekens.");
    const again = sent.map(cardOf).find((c) => c?.body.some((el) => el.id === "f_text"))!;
    expect(again.body.find((el) => el.id === "f_text")).toMatchObject({ value: LONG_STORY, maxLength: LONG_STORY.length });
    expect(await notes()).toBe(before);
    await teams({ text: "stop" });
    await teams({ text: "ja" });
  });

  it("Slack: the modal submission is refused with the limit named, under the input, and the text is kept", async () => {
    const { since } = await slack.command("notitie Sam");
    const view = await slack.openedModal(since);
    const input = view.blocks.find((b) => b.block_id === "f_text")!;
    expect(input.element).toMatchObject({ type: "plain_text_input", max_length: 3000 });
    expect(JSON.stringify(input)).toContain("Hoogstens 3000 tekens.");
    const before = await notes();

    const ack = await slack.submit(view, fillModal(view, today, { text: LONG_STORY, text__share: "false" }));
    expect(ack?.response_action).toBe("errors");
    expect((ack?.errors ?? {}) as Record<string, string>).toHaveProperty("f_text");
    expect(((ack?.errors ?? {}) as Record<string, string>).f_text).toContain("Dit is 1 teken te lang: hier passen hoogstens 3000 tekens.");
    expect(await notes()).toBe(before);
    // Slack keeps the typed text in the modal on "errors"; the session keeps it too.
    const staff = await app.database.db.staff.findFirstOrThrow({ where: { email: SLACK_USER.email } });
    const session = await app.database.db.dialogSession.findFirstOrThrow({ where: { staffId: staff.id, status: "active" } });
    expect(JSON.parse(session.rawInputs).note.text).toBe(LONG_STORY);
    await sim.dm(SLACK_USER, "stop");
  });
});

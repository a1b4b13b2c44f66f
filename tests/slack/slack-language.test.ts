// Slack's own texts in the teacher's language, through the real Slack adapter over HTTP: the
// apology when a turn fails and the "I'll answer in the DM" note (Slack sends no locale of its
// own, so the teacher's stored language decides, the default for someone unknown).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeSlackApi } from "../support/fake-slack-api.js";
import { SlackSimulator, type SlackPerson } from "../support/slack-requests.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { testProvider } from "../support/test-db.js";

const SECRET = "3e9a1c5d7f0b2468ace13579bdf02468";
const TOKEN = "xoxb-test-0000-taal";
const TEAM = "T0TAAL0001";
const ENGLISH: SlackPerson = { userId: "U0ENGLISH1", teamId: TEAM };
const DUTCH: SlackPerson = { userId: "U0DUTCH001", teamId: TEAM };

let app: TestApp;
const fake = new FakeSlackApi(TOKEN);
let sim: SlackSimulator;

beforeAll(async () => {
  await fake.start();
  fake.users.set(ENGLISH.userId, { id: ENGLISH.userId, teamId: TEAM, email: "english@taal.example" });
  fake.users.set(DUTCH.userId, { id: DUTCH.userId, teamId: TEAM, email: "dutch@taal.example" });
  app = await startTestApp({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.url });
  await applySchoolSetup(app.database.db, {
    school: { name: "Slack-taalschool", slackTeamIds: [TEAM] },
    schoolYear: "2026-2027",
    staff: [
      { email: "english@taal.example", name: "Emma English", roles: ["teacher"], slackUserId: ENGLISH.userId },
      { email: "dutch@taal.example", name: "Daan Dutch", roles: ["teacher"], slackUserId: DUTCH.userId },
    ],
    groups: [{ name: "groep 3", teachers: [{ email: "english@taal.example" }, { email: "dutch@taal.example" }] }],
  });
  await app.database.db.staff.updateMany({ where: { email: "english@taal.example" }, data: { locale: "en" } });
  sim = new SlackSimulator(`${app.baseUrl}/slack/events`, SECRET, fake, () => app.settled());
});
afterAll(async () => {
  await app?.stop();
  await fake.stop();
});

/** What the bot posts last after `text`, when its first answer cannot be posted (Slack refuses it). */
async function failedTurn(who: SlackPerson, text: string): Promise<string> {
  fake.failNext("chat.postMessage", { error: "internal_error" });
  const since = fake.calls.length;
  expect((await sim.dm(who, text)).status).toBe(200);
  await sim.settled();
  const posts = fake.callsOf("chat.postMessage", since);
  expect(posts.length).toBe(2);
  return String(posts.at(-1)!.args.text);
}

describe(`Slack texts in the teacher's language on ${testProvider()}`, () => {
  it("apologises for a failed turn in the teacher's own language", async () => {
    expect(await failedTurn(ENGLISH, "help")).toContain("Something went wrong on my side");
    expect(await failedTurn(DUTCH, "help")).toContain("Er ging iets mis aan mijn kant");
  });

  it("says it answers in the DM in the teacher's own language", async () => {
    const ack = async (who: SlackPerson) => ((await (await sim.command(who, "help", "C0GENERAL1")).json()) as { text: string }).text;
    expect(await ack(ENGLISH)).toContain("I'll answer you in our direct messages");
    expect(await ack(DUTCH)).toContain("Ik antwoord je in ons privégesprek");
    await sim.settled();
  });
});

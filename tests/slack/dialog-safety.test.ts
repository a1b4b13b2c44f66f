// Issue 10 over signed Slack requests: a stale modal keeps what the teacher entered, and a command
// typed in the DM during a dialog is asked about (with buttons), not stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeSlackApi } from "../support/fake-slack-api.js";
import { SlackSimulator, type SlackPerson } from "../support/slack-requests.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { testProvider } from "../support/test-db.js";
import { localDate } from "../../bot/domain/local-time.js";
import { fillModal, SlackTeacher, type View } from "./slack-driver.js";

const SECRET = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const TOKEN = "xoxb-test-0000-safety";
const TEAM = "T0SAFETY01";
const NINA: SlackPerson = { userId: "U0NINA0001", teamId: TEAM };
const today = localDate(new Date(), "Europe/Amsterdam");

let app: TestApp;
const fake = new FakeSlackApi(TOKEN);
let sim: SlackSimulator;
let nina: SlackTeacher;

beforeAll(async () => {
  await fake.start();
  fake.users.set(NINA.userId, { id: NINA.userId, teamId: TEAM, email: "nina@school.example" });
  app = await startTestApp({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.url });
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Slack veilig", slackTeamIds: [TEAM] },
    schoolYear: "2026-2027",
    staff: [{ email: "nina@school.example", name: "Nina Smit", roles: ["teacher"], slackUserId: NINA.userId }],
    groups: [{ name: "groep 7", teachers: [{ email: "nina@school.example" }] }],
  });
  const group = await app.database.db.group.findFirstOrThrow({ where: { schoolId: setup.schoolId } });
  await app.database.db.pupil.create({ data: { schoolId: setup.schoolId, groupId: group.id, externalId: "1", firstName: "Daan", lastName: "Kok" } });
  sim = new SlackSimulator(`${app.baseUrl}/slack/events`, SECRET, fake, () => app.settled());
  nina = new SlackTeacher(NINA, sim, fake, today);
});
afterAll(async () => {
  await app?.stop();
  await fake.stop();
});

/** A DM typed by the teacher, once the bot has answered it (events are handled after the ack). */
async function typed(text: string) {
  const since = fake.calls.length;
  await sim.dm(NINA, text);
  await nina.dmContaining("", since);
}

const activeSession = () => app.database.db.dialogSession.findFirstOrThrow({ where: { status: "active" }, orderBy: { updatedAt: "desc" } });

describe(`dialog safety over Slack on ${testProvider()}`, () => {
  it("a stale modal comes back with what was entered, storing none of it", async () => {
    const { since } = await nina.command("voorbereiden Daan");
    const first: View = await nina.openedModal(since);
    const moved = await nina.submit(first, fillModal(first, today));
    expect(moved?.response_action).toBe("update");
    const stored = fake.applyViewUpdate(first.id, moved!.view as Record<string, unknown>);
    const aim = { ...(moved!.view as View), id: stored.id, hash: stored.hash };
    // The teacher answers the same step by typing in the DM meanwhile: the modal is now stale.
    await typed("Daan is vaak moe");
    const before = await activeSession();
    const ack = await nina.submit(aim, fillModal(aim, today, { aim: "Daan kiest zelf wanneer hij pauze neemt" }));
    const after = await activeSession();
    expect(after.answers).toBe(before.answers);
    expect(after.version).toBe(before.version);
    // The modal shows the step again with the entered text in it, and says nothing was saved yet.
    expect(ack?.response_action).toBe("update");
    const shown = JSON.stringify(ack!.view);
    expect(shown).toContain("Daan kiest zelf wanneer hij pauze neemt");
    expect(shown + JSON.stringify(fake.calls.slice(since))).toContain("niet meer actueel");
    await app.database.db.dialogSession.updateMany({ where: { status: "active" }, data: { status: "cancelled" } });
  });

  it("a command typed in the DM during a dialog is asked about with buttons, and 'nee' stores it once", async () => {
    const { since } = await nina.command("voorbereiden Daan");
    await nina.openedModal(since);
    await typed("ok");
    const session = await activeSession();
    const asked = fake.calls.length;
    await sim.dm(NINA, "overzicht");
    const question = await nina.dmContaining("Bedoel je het commando", asked);
    expect(JSON.stringify(question.args.blocks)).toContain("dialogReply");
    expect((await activeSession()).answers).toBe(session.answers);
    const answered = fake.calls.length;
    await sim.dm(NINA, "nee");
    await nina.dmContaining("", answered);
    const stored = (await app.database.db.dialogSession.findUniqueOrThrow({ where: { id: session.id } })).answers;
    expect(stored.split('"overzicht"').length - 1).toBe(1);
  });
});

// The one-tap "who set this goal / who chose how" on the short way's record card, over real HTTP
// into the Teams adapter (an Adaptive Card choice set) and the Slack adapter (a modal select): the
// tap is shown with its three answers, what is tapped is stored with the goal, and the ownership
// skills follow from it — a goal the teacher set is not the pupil's own goal, however full the card.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector, type RecordedActivity } from "../support/fake-connector.js";
import { FakeSlackApi } from "../support/fake-slack-api.js";
import { SlackSimulator } from "../support/slack-requests.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { testProvider } from "../support/test-db.js";
import { localDate } from "../../bot/domain/local-time.js";
import { type Card, cardInputs, cardOf, submitData, TeamsDriver, textOf } from "../support/teams-driver.js";
import { SlackTeacher, type View } from "../slack/slack-driver.js";
import { weekdayAhead } from "../support/dialog-driver.js";
import { makeGroup, makePupil, makeStaff } from "../support/fixtures.js";
import { modalState } from "./counting.js";

const TENANT = "11111111-2222-3333-4444-888888888888";
const TEAM = "T0OWNTAPS";
const SECRET = "ownership-taps-signing-secret-0123456789";
const TOKEN = "xoxb-ownership-taps-test";
const today = localDate(new Date(), "Europe/Amsterdam");

let app: TestApp;
let teams: TeamsDriver;
const connector = new FakeConnector();
const fake = new FakeSlackApi(TOKEN);
let sim: SlackSimulator;
let schoolId: string;
let n = 0;

beforeAll(async () => {
  await connector.start();
  await fake.start();
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true", SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.url });
  teams = new TeamsDriver(app, connector, TENANT);
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Tikschool", teamsTenantIds: [TENANT], slackTeamIds: [TEAM] },
    schoolYear: "2026-2027",
    staff: [{ email: "ib.tik@school.example", name: "IB Tik", roles: ["ib"] }],
    groups: [],
  });
  schoolId = setup.schoolId;
  sim = new SlackSimulator(`${app.baseUrl}/slack/events`, SECRET, fake, () => app.settled());
});
afterAll(async () => {
  await app?.stop();
  await connector.stop();
  await fake.stop();
});

/** A teacher of a groep 5 of their own with pupil Otis, working the short way. */
async function classOf(email: string) {
  const i = ++n;
  const group = await makeGroup(app.database.db, schoolId, `groep 5${String.fromCharCode(96 + i)}`, "middenbouw");
  const staff = await makeStaff(app.database.db, schoolId, { email, groups: [group.id] });
  await app.database.db.staff.update({ where: { id: staff.id }, data: { conversationMode: "short" } });
  const pupil = await makePupil(app.database.db, schoolId, group.id, "Otis");
  return { pupilId: pupil.id };
}

const held = (pupilId: string) => app.database.db.conversation.findFirstOrThrow({ where: { pupilId, status: "held" }, include: { goals: true } });
const A_GOAL = {
  goalText: "de tafel van 6 zonder fouten opzeggen",
  ownPlan: "ik oefen elke dag met flitskaarten",
  successCriteria: "Otis zegt de tafel van 6 op zonder fouten",
  evaluationDate: weekdayAhead(today, 21),
};

describe(`who set the goal, tapped on the record card, on ${testProvider()}`, () => {
  it("Teams: the record card offers the tap, and a goal the pupil set with an approach chosen together counts as own goal and self-instruction", async () => {
    const i = ++n;
    const juf = { aad: `dddddddd-0000-0000-0000-${String(i).padStart(12, "0")}`, name: `Juf Tik ${i}`, email: `juf.tik${i}@school.example` };
    connector.members.set(`29:${juf.aad}`, { id: `29:${juf.aad}`, name: juf.name, aadObjectId: juf.aad, email: juf.email, userPrincipalName: juf.email });
    const { pupilId } = await classOf(juf.email);
    const stepCard = (sent: RecordedActivity[]) => [...sent].reverse().find((a) => cardOf(a)?.actions?.some((x) => x.data?.action === "submit"))!;
    let at = stepCard(await teams.say(juf, "gesprek Otis"));
    at = stepCard(await teams.submit(juf, at, { ...submitData(cardOf(at)!) }));
    const record: Card = cardOf(at)!;
    const tap = cardInputs(record).find((input) => input.id === "f_setBy")!;
    expect(tap.type).toBe("Input.ChoiceSet");
    expect((tap.choices as Array<{ title: string; value: string }>).map((c) => [c.value, c.title])).toEqual([
      ["pupil", "de leerling zelf"],
      ["together", "samen"],
      ["teacher", "ik (de leerkracht)"],
    ]);
    expect(tap.value ?? "").toBe(""); // nothing chosen for the teacher
    const shown = Object.fromEntries(cardInputs(record).map((input) => [String(input.id), input.value === undefined ? "" : String(input.value)]));
    const goal = Object.fromEntries(Object.entries(A_GOAL).map(([k, v]) => [`f_${k}`, v]));
    const sent = await teams.submit(juf, at, { ...submitData(record), ...shown, ...goal, f_setBy: "pupil", f_approachBy: "together" });
    expect(textOf(sent)).toContain("Eigenaarschap in dit gesprek: eigen doelen stellen, zelfinstructie.");
    const stored = await held(pupilId);
    expect(stored.goals.map((g) => [g.setBy, g.approachBy])).toEqual([["pupil", "together"]]);
    expect(JSON.parse(stored.skills)).toEqual(["ownGoals", "selfInstruction"]);
  });

  it("Slack: the record modal offers the tap, and a full goal the teacher set shows no ownership skill", async () => {
    const i = ++n;
    const who = { userId: `U0TIK${i}`, teamId: TEAM, email: `slack.tik${i}@school.example` };
    fake.users.set(who.userId, { id: who.userId, teamId: TEAM, email: who.email });
    const { pupilId } = await classOf(who.email);
    const juf = new SlackTeacher(who, sim, fake, today);
    const { since } = await juf.command("gesprek Otis");
    let view: View = await juf.openedModal(since);
    const ack = await juf.submit(view, modalState(view.blocks));
    const stored0 = fake.applyViewUpdate(view.id, ack!.view as Record<string, unknown>);
    view = { ...(ack!.view as View), id: stored0.id, hash: stored0.hash };
    const tap = view.blocks.find((b) => (b as { block_id?: string }).block_id === "f_setBy") as unknown as {
      element: { type: string; options: Array<{ value: string }> };
    };
    expect(["radio_buttons", "static_select"]).toContain(tap.element.type);
    expect(tap.element.options.map((o) => o.value)).toEqual(["pupil", "together", "teacher"]);
    // Every box filled in, the pupil's plan too: still the teacher's goal and the teacher's approach.
    const done = await juf.submit(view, modalState(view.blocks, { ...A_GOAL, nowText: "ik ken de tafel van 5", setBy: "teacher", approachBy: "teacher" }));
    expect(done === null || done.response_action === "clear").toBe(true);
    const stored = await held(pupilId);
    expect(stored.goals.map((g) => [g.goalText, g.setBy, g.approachBy])).toEqual([[A_GOAL.goalText, "teacher", "teacher"]]);
    expect(JSON.parse(stored.skills)).toEqual([]);
  });
});

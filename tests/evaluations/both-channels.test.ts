// Evaluation answers given through Teams and through Slack are stored the same way. One running
// server serves both channels; a teacher on each gets the evaluation-due message proactively,
// presses its button, and answers the same evaluations (the shared scenario in
// channel-scenario.ts): reached → new goal, partly → extend to a new date, and later → a new
// date. The Evaluation rows and goal updates must be identical apart from ids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector } from "../support/fake-connector.js";
import { FakeSlackApi } from "../support/fake-slack-api.js";
import { SlackSimulator, type SlackPerson } from "../support/slack-requests.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { testProvider } from "../support/test-db.js";
import { localDate } from "../../bot/domain/local-time.js";
import { proposedEvaluationDate } from "../../bot/services/evaluations.js";
import { loadSchoolCalendar } from "../../bot/services/school-calendar.js";
import { evaluationDueMessage } from "../../bot/reminders/evaluation-message.js";
import type { Channel } from "../../bot/domain/vocabulary.js";
import { answerEvaluation, carriesAction, type ChannelDriver, type EvaluationAnswers } from "./channel-scenario.js";
import { makeHeldGoal } from "./fixtures.js";
import { SlackDriver } from "./slack-driver.js";
import { cardOf, TeamsDriver, teamsConversation, type TeamsPerson } from "./teams-driver.js";

const TENANT = "33333333-4444-5555-6666-777777777777";
const TEAM = "T0EVALUATE";
const SECRET = "evaluations-signing-secret-0123456789";
const TOKEN = "xoxb-evaluations-test";
const TEAMS_JUF: TeamsPerson & { email: string } = {
  aad: "cccccccc-0000-0000-0000-000000000001",
  name: "Teams Juf",
  tenantId: TENANT,
  email: "teams.juf@school.example",
};
const SLACK_JUF: SlackPerson & { email: string } = { userId: "U0EVALJUF1", teamId: TEAM, email: "slack.juf@school.example" };
const today = localDate(new Date(), "Europe/Amsterdam");

let app: TestApp;
const connector = new FakeConnector();
const fake = new FakeSlackApi(TOKEN);
let sim: SlackSimulator;
let schoolId = "";
let newDate = "";

interface ChannelRun {
  channel: Channel;
  email: string;
  driver: ChannelDriver;
  staffId: string;
  pupilId: string;
  /** What the proactive send put in front of the teacher (text and buttons), from call/activity index `since`. */
  delivered(since: number): string;
  mark(): number;
}

const runs: ChannelRun[] = [];

/** The same answers, in the same order, on every channel. */
const plan = (): Array<{ goalText: string; answers: EvaluationAnswers; steps: string[] }> => [
  {
    goalText: "Ik wil de tafels van 6 en 7 foutloos opzeggen",
    answers: { outcome: "reached", assessedBy: "pupil", note: "Sam zei alle tafels foutloos op", share: true, nextStep: "new_goal" },
    steps: ["outcome", "next"],
  },
  {
    goalText: "Ik wil mijn werk netjes afmaken",
    answers: { outcome: "partly", assessedBy: "together", note: "Lukt op maandag en dinsdag", share: false, nextStep: "extend", newDate },
    steps: ["outcome", "next", "extend"],
  },
  { goalText: "Ik wil op tijd beginnen", answers: { outcome: "later", note: "", share: false, newDate }, steps: ["outcome", "later"] },
];

beforeAll(async () => {
  await connector.start();
  await fake.start();
  connector.members.set(`29:${TEAMS_JUF.aad}`, { id: `29:${TEAMS_JUF.aad}`, name: TEAMS_JUF.name, aadObjectId: TEAMS_JUF.aad, email: TEAMS_JUF.email });
  fake.users.set(SLACK_JUF.userId, { id: SLACK_JUF.userId, teamId: TEAM, email: SLACK_JUF.email });
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true", SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.url });
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Evaluatie-op-twee-kanalenschool", teamsTenantIds: [TENANT], slackTeamIds: [TEAM] },
    schoolYear: "2026-2027",
    staff: [
      { email: TEAMS_JUF.email, name: "Teams Juf", roles: ["teacher"] },
      { email: SLACK_JUF.email, name: "Slack Juf", roles: ["teacher"] },
    ],
    groups: [
      { name: "groep 6a", teachers: [{ email: TEAMS_JUF.email }] },
      { name: "groep 6b", teachers: [{ email: SLACK_JUF.email }] },
    ],
  });
  schoolId = setup.schoolId;
  newDate = proposedEvaluationDate(await loadSchoolCalendar(app.database.db, schoolId), today);
  const db = app.database.db;
  const pupilIn = async (group: string) => {
    const { id: groupId } = await db.group.findFirstOrThrow({ where: { schoolId, name: group } });
    return (await db.pupil.create({ data: { schoolId, groupId, externalId: group, firstName: "Sam", lastName: "de Boer" } })).id;
  };
  const staffId = async (email: string) => (await db.staff.findFirstOrThrow({ where: { email } })).id;

  const teams = new TeamsDriver(() => app.baseUrl, connector, { juf: TEAMS_JUF });
  // Installing the app in Teams stores where to reach this teacher proactively.
  await teams.post("juf", { type: "installationUpdate", action: "add" });
  runs.push({
    channel: "teams",
    email: TEAMS_JUF.email,
    driver: teams,
    staffId: await staffId(TEAMS_JUF.email),
    pupilId: await pupilIn("groep 6a"),
    mark: () => connector.activities.length,
    delivered: (since) =>
      connector.activities
        .slice(since)
        .filter((a) => a.conversationId === teamsConversation(TEAMS_JUF))
        .map((a) => `${String(a.activity.text ?? "")} ${JSON.stringify(cardOf(a) ?? "")}`)
        .join("\n"),
  });

  sim = new SlackSimulator(`${app.baseUrl}/slack/events`, SECRET, fake, () => app.settled());
  const slack = new SlackDriver(sim, fake, { juf: SLACK_JUF }, today);
  // Opening the app's Messages tab in Slack does the same (and brings the welcome).
  const dm = `D${SLACK_JUF.userId.slice(1)}`;
  const beforeWelcome = fake.calls.length;
  expect((await sim.event(SLACK_JUF, { type: "app_home_opened", user: SLACK_JUF.userId, tab: "messages", channel: dm })).status).toBe(200);
  await fake.waitFor((c) => c.method === "chat.postMessage" && c.args.channel === dm, beforeWelcome);
  runs.push({
    channel: "slack",
    email: SLACK_JUF.email,
    driver: slack,
    staffId: await staffId(SLACK_JUF.email),
    pupilId: await pupilIn("groep 6b"),
    mark: () => fake.calls.length,
    delivered: (since) =>
      fake
        .callsOf("chat.postMessage", since)
        .filter((c) => c.args.channel === dm && c.result === "ok")
        .map((c) => `${String(c.args.text ?? "")} ${JSON.stringify(c.args.blocks ?? [])}`)
        .join("\n"),
  });
});
afterAll(async () => {
  await app?.stop();
  await connector.stop();
  await fake.stop();
});

/** Everything stored about one channel's goals, with that channel's ids replaced by placeholders. */
async function storedGoals(run: ChannelRun) {
  const goals = await app.database.db.goal.findMany({
    where: { pupilId: run.pupilId },
    orderBy: { createdAt: "asc" },
    include: { evaluations: { orderBy: { evaluatedAt: "asc" } } },
  });
  const who = (id: string | null) => (id === run.staffId ? "<teacher>" : id);
  return goals.map(({ id: _id, pupilId: _p, conversationId: _c, createdAt: _a, updatedAt: _u, evaluations, evaluatorId, createdById, ...goal }) => ({
    ...goal,
    evaluatorId: who(evaluatorId),
    createdById: who(createdById),
    evaluations: evaluations.map(({ id: _eid, goalId: _g, evaluatedAt: _at, evaluatedById, ...evaluation }) => ({
      ...evaluation,
      evaluatedById: who(evaluatedById),
    })),
  }));
}

// Each channel's evaluations run once, whichever test needs them first: the comparison below
// does not depend on the tests before it having run.
const evaluated = new Map<string, Promise<void>>();
function evaluatedThrough(name: "teams" | "slack"): Promise<void> {
  if (!evaluated.has(name)) evaluated.set(name, evaluateThrough(name));
  return evaluated.get(name)!;
}

async function evaluateThrough(name: "teams" | "slack"): Promise<void> {
  const run = runs.find((r) => r.channel === name)!;
  for (const [i, { goalText, answers, steps }] of plan().entries()) {
    const { goal } = await makeHeldGoal(app.database.db, { schoolId, pupilId: run.pupilId, createdById: run.staffId, evaluationDate: today, goalText });
    const replies = await evaluationDueMessage(
      {
        id: `m-${name}-${i}`,
        schoolId,
        recipientStaffId: run.staffId,
        kind: "evaluation_due",
        subjectId: goal.id,
        payload: { goalId: goal.id, date: today },
        dueAt: new Date(),
        attempts: 0,
        idempotencyKey: `due-${name}-${i}`,
      },
      app.database.db,
    );
    const since = run.mark();
    expect(await app.core.proactive.sendToStaff(run.staffId, replies!, { idempotencyKey: `due-${name}-${i}` })).toEqual({ ok: true, channel: name });
    const shown = run.delivered(since);
    expect(shown).toContain("Vandaag evalueren");
    expect(shown).toContain("Nu evalueren");
    expect(carriesAction(shown, { command: "evaluate", args: { goalId: goal.id } })).toBe(true);

    // The driver presses the button it finds in that message, then answers the step cards/modals.
    const answered = await answerEvaluation(run.driver, "juf", goal.id, answers);
    expect(answered.steps).toEqual(steps);
    expect(answered.opened).toContain("Hoe ging het?");
    expect(answered.opened).toContain("oefent elke dag vijf minuten de tafels");
    expect(answered.text).toContain("Evaluatie opgeslagen");
    if (answers.outcome === "reached") expect(carriesAction(answered.text, { command: "conversation", args: { pupilId: run.pupilId } })).toBe(true);
  }
}

describe(`evaluations through Teams and Slack on ${testProvider()}`, () => {
  it.each(["teams", "slack"] as const)("%s: the evaluation-due message, its button, and the answers", async (name) => {
    await evaluatedThrough(name);
  });

  it("stored identical evaluations and goal updates for both channels", async () => {
    for (const name of ["teams", "slack"] as const) await evaluatedThrough(name);
    const [viaTeams, viaSlack] = await Promise.all(runs.map(storedGoals));
    // What the plan asked for, so that two identical but wrong outcomes fail too.
    expect(viaTeams!.map((g) => ({ status: g.status, evaluationDate: g.evaluationDate, evaluations: g.evaluations }))).toEqual([
      {
        status: "reached",
        evaluationDate: today,
        evaluations: [
          {
            outcome: "reached",
            assessedBy: "pupil",
            note: "Sam zei alle tafels foutloos op",
            nextStep: "new_goal",
            shareWithParents: true,
            evaluatedById: "<teacher>",
          },
        ],
      },
      {
        status: "open",
        evaluationDate: newDate,
        evaluations: [
          {
            outcome: "partly",
            assessedBy: "together",
            note: "Lukt op maandag en dinsdag",
            nextStep: "extend",
            shareWithParents: false,
            evaluatedById: "<teacher>",
          },
        ],
      },
      {
        status: "open",
        evaluationDate: newDate,
        evaluations: [{ outcome: "later", assessedBy: null, note: null, nextStep: null, shareWithParents: false, evaluatedById: "<teacher>" }],
      },
    ]);
    expect(viaSlack).toEqual(viaTeams);
  });
});

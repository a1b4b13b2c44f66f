// The leerlingbespreking walked through the rich channels over HTTP: a teacher in Teams answers the
// step cards, a teacher in Slack the modals. On both the sharpened goal comes back pre-filled on the
// educational goal's card/modal (nothing retyped), the IB'er is one of the evaluators, and the same
// meeting is stored: "discussed", no skills, no kindplan. The outbox worker then tells the IB'er (in
// Teams, in her language) once per meeting, however often the producer and the worker run again,
// and she opens the meeting from the message's button.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "../../bot/auth/actor.js";
import { inTransaction } from "../../bot/db/transaction.js";
import { localDate } from "../../bot/domain/local-time.js";
import { createLogger } from "../../bot/logger.js";
import { createOutboxWorker } from "../../bot/outbox/worker.js";
import { createRenderers } from "../../bot/reminders/scheduler.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { notifySupporters, REVIEW_RECORDED } from "../../bot/services/pupil-review.js";
import { cardOf, TeamsDriver, teamsConversation, type TeamsPerson } from "../evaluations/teams-driver.js";
import { startTestApp, type TestApp } from "../support/app.js";
import { weekdayAhead } from "../support/dialog-driver.js";
import { FakeConnector } from "../support/fake-connector.js";
import { FakeSlackApi } from "../support/fake-slack-api.js";
import { SlackSimulator, type SlackPerson } from "../support/slack-requests.js";
import { testProvider } from "../support/test-db.js";
import { fillModal, SlackTeacher, type View } from "../slack/slack-driver.js";

const TENANT = "55555555-6666-7777-8888-999999999999";
const TEAM = "T0REVIEWS";
const SECRET = "review-signing-secret-0123456789abcdef";
const TOKEN = "xoxb-review-test";
const GOAL = "Werkt na de groepsinstructie 10 minuten zelfstandig aan een taak";
const NEED = "Heeft korte instructie aan de instructietafel nodig om daarna zelfstandig te starten";
const QUESTION = "Hoe begin je aan een opdracht?";
const TEAMS_JUF: TeamsPerson & { email: string } = {
  aad: "dddddddd-0000-0000-0000-000000000001",
  name: "Teams Juf",
  tenantId: TENANT,
  email: "teams.juf@review.example",
};
const TEAMS_IB: TeamsPerson & { email: string } = {
  aad: "dddddddd-0000-0000-0000-000000000002",
  name: "Ilse IB",
  tenantId: TENANT,
  email: "ilse.ib@review.example",
};
const SLACK_JUF: SlackPerson & { email: string } = { userId: "U0REVIEWJ1", teamId: TEAM, email: "slack.juf@review.example" };
const today = localDate(new Date(), "Europe/Amsterdam");

let app: TestApp;
const connector = new FakeConnector();
const fake = new FakeSlackApi(TOKEN);
let teams: TeamsDriver;
let slackTeacher: SlackTeacher;
let schoolId = "";
const ids = { ib: "", teamsJuf: "", slackJuf: "", finn: "", noor: "" };

beforeAll(async () => {
  await connector.start();
  await fake.start();
  for (const u of [TEAMS_JUF, TEAMS_IB])
    connector.members.set(`29:${u.aad}`, { id: `29:${u.aad}`, name: u.name, aadObjectId: u.aad, email: u.email, userPrincipalName: u.email });
  fake.users.set(SLACK_JUF.userId, { id: SLACK_JUF.userId, teamId: TEAM, email: SLACK_JUF.email });
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true", SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.url });
  const db = app.database.db;
  const setup = await applySchoolSetup(db, {
    school: { name: "Bespreekschool op twee kanalen", teamsTenantIds: [TENANT], slackTeamIds: [TEAM] },
    schoolYear: "2026-2027",
    staff: [
      { email: TEAMS_JUF.email, name: "Teams Juf", roles: ["teacher"] },
      { email: SLACK_JUF.email, name: "Slack Juf", roles: ["teacher"] },
      { email: TEAMS_IB.email, name: "Ilse IB", roles: ["ib"] },
    ],
    groups: [
      { name: "groep 5a", teachers: [{ email: TEAMS_JUF.email }] },
      { name: "groep 5b", teachers: [{ email: SLACK_JUF.email }] },
    ],
  });
  schoolId = setup.schoolId;
  const staffId = async (email: string) => (await db.staff.findFirstOrThrow({ where: { email } })).id;
  Object.assign(ids, { ib: await staffId(TEAMS_IB.email), teamsJuf: await staffId(TEAMS_JUF.email), slackJuf: await staffId(SLACK_JUF.email) });
  await db.staff.update({ where: { id: ids.ib }, data: { locale: "en" } });
  for (const [name, group] of [
    ["Finn", "groep 5a"],
    ["Noor", "groep 5b"],
  ] as const) {
    const { id: groupId } = await db.group.findFirstOrThrow({ where: { schoolId, name: group } });
    const pupil = await db.pupil.create({ data: { schoolId, groupId, externalId: name, firstName: name, lastName: "de Vries" } });
    await db.pupilSupport.create({ data: { pupilId: pupil.id, staffId: ids.ib } });
    ids[name === "Finn" ? "finn" : "noor"] = pupil.id;
  }
  teams = new TeamsDriver(() => app.baseUrl, connector, { juf: TEAMS_JUF, ib: TEAMS_IB });
  await teams.post("ib", { type: "installationUpdate", action: "add" }); // where to reach the IB'er
  const sim = new SlackSimulator(`${app.baseUrl}/slack/events`, SECRET, fake, () => app.settled());
  slackTeacher = new SlackTeacher(SLACK_JUF, sim, fake, today);
});
afterAll(async () => {
  await app?.stop();
  await connector.stop();
  await fake.stop();
});

/** An input of the last step card shown in this Teams chat, by its id. */
function teamsInput(who: TeamsPerson, id: string): Record<string, unknown> | undefined {
  const find = (node: unknown): Record<string, unknown> | undefined => {
    if (!node || typeof node !== "object") return undefined;
    if ((node as { id?: unknown }).id === id) return node as Record<string, unknown>;
    for (const value of Object.values(node)) {
      const hit = find(value);
      if (hit) return hit;
    }
    return undefined;
  };
  const cards = connector.activities
    .filter((a) => a.conversationId === teamsConversation(who))
    .map(cardOf)
    .filter(Boolean);
  return find(cards.at(-1));
}

/** What was stored for one pupil's meeting, without ids that differ per channel. */
async function storedMeeting(pupilId: string) {
  const db = app.database.db;
  const meeting = await db.conversation.findFirstOrThrow({ where: { pupilId, formatKey: "leerlingbespreking" }, include: { goals: true, agreements: true } });
  const answers = JSON.parse(meeting.answers) as Record<string, Record<string, unknown>>;
  return {
    status: meeting.status,
    skills: JSON.parse(meeting.skills) as string[],
    agreements: meeting.agreements.length,
    goals: meeting.goals.map((g) => ({
      goalText: g.goalText,
      evaluator: g.evaluatorId === ids.ib ? "<ib>" : g.evaluatorId,
      nowText: g.nowText,
      ownPlan: g.ownPlan,
    })),
    need: answers.s_onderwijsbehoefte?.needs,
    kindplanSteps: Object.keys(answers).filter((k) => /^(goal|agreement)\d/.test(k)),
    proposed: await db.conversation.count({ where: { pupilId, status: "planned" } }),
  };
}

const EXPECTED = {
  status: "discussed",
  skills: [],
  agreements: 0,
  goals: [{ goalText: GOAL, evaluator: "<ib>", nowText: null, ownPlan: null }],
  need: NEED,
  kindplanSteps: [],
  proposed: 1,
};

const reviewed = new Map<string, Promise<void>>();
const once = (name: string, run: () => Promise<void>) => {
  if (!reviewed.has(name)) reviewed.set(name, run());
  return reviewed.get(name)!;
};

const teamsReview = () =>
  once("teams", async () => {
    await teams.type("juf", "leerlingbespreking Finn");
    const answers: Record<string, Record<string, string>> = {
      s_zorg: { concern: "Hij werkt niet door na de uitleg" },
      s_observatie: { whatObserved: "Kijkt rond na de instructie" },
      s_watWerkt: {},
      s_sterkeKanten: {},
      s_doelScherpstellen: { observableGoal: GOAL },
      s_onderwijsbehoefte: { needs: NEED },
      s_kindgesprek: { holdConversation: "propose", approachTask: "de rekentaak", questionsForPupil: QUESTION },
    };
    let step: string | null = "s_zorg";
    for (const [expected, values] of Object.entries(answers)) {
      expect(step).toBe(expected);
      step = (await teams.submitStep("juf", values)).stepId;
    }
    expect(step).toBe("educationalGoal");
    // The card shows the sharpened goal already in the input, and the IB'er among the evaluators.
    const goal = teamsInput(TEAMS_JUF, "f_goalText");
    expect(goal?.value).toBe(GOAL);
    expect(JSON.stringify(teamsInput(TEAMS_JUF, "f_evaluator"))).toContain("Ilse IB");
    step = (await teams.submitStep("juf", { goalText: String(goal!.value), evaluationDate: weekdayAhead(today, 28), evaluator: ids.ib })).stepId;
    expect(step).toBe("confirm");
    const done = await teams.submitStep("juf", { confirmed: "true" });
    expect(done.stepId).toBeNull();
    expect(done.text).toContain("Leerlingbespreking over <b>Finn</b> opgeslagen");
  });

const slackReview = () =>
  once("slack", async () => {
    const { since } = await slackTeacher.command("leerlingbespreking Noor");
    let view: View = await slackTeacher.openedModal(since);
    const overrides: Record<string, Record<string, string | string[]>> = {
      s_doelScherpstellen: { observableGoal: GOAL },
      s_onderwijsbehoefte: { needs: NEED },
      s_kindgesprek: { holdConversation: "propose", questionsForPupil: QUESTION },
      confirm: { confirmed: "true" },
    };
    const visited: string[] = [];
    for (let i = 0; i < 12; i++) {
      const stepId = (JSON.parse(view.private_metadata) as { stepId: string }).stepId;
      visited.push(stepId);
      if (stepId === "educationalGoal") {
        // Slack sends a pre-filled input's initial value back as the answer.
        const block = view.blocks.find((b) => b.block_id === "f_goalText");
        expect(block?.element?.initial_value).toBe(GOAL);
        expect(JSON.stringify(view.blocks)).toContain("Ilse IB");
        overrides.educationalGoal = { goalText: String(block!.element!.initial_value), evaluator: ids.ib };
      }
      const ack = await slackTeacher.submit(view, fillModal(view, today, overrides[stepId]));
      if (ack?.response_action === "clear" || ack === null) break;
      if (ack.response_action === "errors") throw new Error(`step ${stepId} refused: ${JSON.stringify(ack.errors)}`);
      const stored = fake.applyViewUpdate(view.id, ack.view as Record<string, unknown>);
      view = { ...(ack.view as View), id: stored.id, hash: stored.hash };
    }
    expect(visited.slice(-2)).toEqual(["educationalGoal", "confirm"]);
    await app.settled();
  });

describe(`the leerlingbespreking in Teams and Slack on ${testProvider()}`, () => {
  it("Teams: the step cards carry the sharpened goal into the educational goal and store a meeting", async () => {
    await teamsReview();
    expect(await storedMeeting(ids.finn)).toEqual(EXPECTED);
  });

  it("Slack: the modals carry the sharpened goal into the educational goal and store the same meeting", async () => {
    await slackReview();
    expect(await storedMeeting(ids.noor)).toEqual(EXPECTED);
  });

  it("tells the IB'er in Teams once per meeting through the outbox, and she opens it from the button", async () => {
    await teamsReview();
    await slackReview();
    const db = app.database.db;
    const clock = () => new Date();
    const worker = createOutboxWorker({ db, proactive: app.core.proactive, logger: createLogger("silent"), renderers: createRenderers(clock), clock });
    const toIb = () =>
      connector.activities.filter((a) => a.conversationId === teamsConversation(TEAMS_IB) && JSON.stringify(a.activity).includes("pupil review"));
    await worker.tick();
    const sent = toIb();
    expect(sent).toHaveLength(2);
    const shown = JSON.stringify(sent.map((a) => a.activity));
    expect(shown).toMatch(/Teams Juf.{0,8} recorded a pupil review about .{0,8}Finn de Vries/);
    expect(shown).toContain("Read the pupil review");
    // The producer again (each meeting), and the worker again: nothing new goes out.
    const juf = await loadActor(db, ids.teamsJuf);
    for (const pupilId of [ids.finn, ids.noor]) {
      const meeting = await db.conversation.findFirstOrThrow({ where: { pupilId, status: "discussed" } });
      await inTransaction(db, (tx) => notifySupporters(tx, juf, { conversationId: meeting.id, pupilId, now: new Date() }));
    }
    await worker.tick();
    expect(toIb()).toHaveLength(2);
    expect(await db.outboxMessage.count({ where: { schoolId, kind: REVIEW_RECORDED, recipientStaffId: ids.ib, status: "sent" } })).toBe(2);
    // Her button opens the meeting: the goal and the need, read by the IB'er.
    const finnMeeting = await db.conversation.findFirstOrThrow({ where: { pupilId: ids.finn, status: "discussed" } });
    const read = await teams.press("ib", { command: "viewConversation", args: { conversationId: finnMeeting.id } });
    expect(read).toContain(GOAL);
    expect(read).toContain(NEED);
  });
});

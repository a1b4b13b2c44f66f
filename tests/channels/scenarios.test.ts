// The same scenarios — a preparation, the conversation, a quick note — run through Teams (Bot
// Framework activities, Adaptive Cards) and Slack (slash command, modals, DMs) against one
// running server; both must store exactly the same outcome.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector, type RecordedActivity } from "../support/fake-connector.js";
import { FakeSlackApi } from "../support/fake-slack-api.js";
import { SlackSimulator } from "../support/slack-requests.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { testProvider } from "../support/test-db.js";
import { localDate } from "../../bot/domain/local-time.js";
import { SlackTeacher } from "../slack/slack-driver.js";
import { plannedAnswer, type FieldShape } from "./answers.js";

const TENANT = "22222222-3333-4444-5555-666666666666";
const TEAM = "T0CHANNELS";
const SECRET = "channels-signing-secret-0123456789";
const TOKEN = "xoxb-channels-test";
const TEAMS_USER = { aad: "bbbbbbbb-0000-0000-0000-000000000001", email: "teams.juf@school.example" };
const SLACK_USER = { userId: "U0SLACKJUF", teamId: TEAM, email: "slack.juf@school.example" };
const today = localDate(new Date(), "Europe/Amsterdam");

let app: TestApp;
const connector = new FakeConnector();
const fake = new FakeSlackApi(TOKEN);
let slack: SlackTeacher;
let sim: SlackSimulator;
let n = 0;

beforeAll(async () => {
  await connector.start();
  await fake.start();
  connector.members.set(`29:${TEAMS_USER.aad}`, { id: `29:${TEAMS_USER.aad}`, name: "Teams Juf", aadObjectId: TEAMS_USER.aad, email: TEAMS_USER.email });
  fake.users.set(SLACK_USER.userId, { id: SLACK_USER.userId, teamId: TEAM, email: SLACK_USER.email });
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true", SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.url });
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Tweekanalenschool", teamsTenantIds: [TENANT], slackTeamIds: [TEAM] },
    schoolYear: "2026-2027",
    staff: [
      { email: TEAMS_USER.email, name: "Teams Juf", roles: ["teacher"] },
      { email: SLACK_USER.email, name: "Slack Juf", roles: ["teacher"] },
    ],
    groups: [
      { name: "groep 5a", teachers: [{ email: TEAMS_USER.email }] },
      { name: "groep 5b", teachers: [{ email: SLACK_USER.email }] },
    ],
  });
  for (const name of ["groep 5a", "groep 5b"]) {
    const group = await app.database.db.group.findFirstOrThrow({ where: { schoolId: setup.schoolId, name } });
    await app.database.db.pupil.create({ data: { schoolId: setup.schoolId, groupId: group.id, externalId: name, firstName: "Sam", lastName: "de Boer" } });
  }
  sim = new SlackSimulator(`${app.baseUrl}/slack/events`, SECRET, fake, () => app.settled());
  slack = new SlackTeacher(SLACK_USER, sim, fake, today);
});
afterAll(async () => {
  await app?.stop();
  await connector.stop();
  await fake.stop();
});

// ---------------------------------------------------------------------------------------------
// Teams: activities in, cards out; every card filled per the shared answer plan.

type Card = { body: Array<Record<string, unknown>>; actions?: Array<{ title: string; data: Record<string, unknown> }> };
const cardOf = (a: RecordedActivity): Card | undefined =>
  ((a.activity.attachments as Array<{ contentType: string; content: Card }> | undefined) ?? []).find(
    (x) => x.contentType === "application/vnd.microsoft.card.adaptive",
  )?.content;

async function teams(fields: Record<string, unknown>): Promise<RecordedActivity[]> {
  const before = connector.activities.length;
  const res = await fetch(`${app.baseUrl}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      type: "message",
      id: `in-${++n}`,
      channelId: "msteams",
      serviceUrl: connector.url,
      from: { id: `29:${TEAMS_USER.aad}`, name: "Teams Juf", aadObjectId: TEAMS_USER.aad },
      recipient: { id: "28:gesprekswijzer", name: "Gesprekswijzer" },
      conversation: { id: `a:personal-${TEAMS_USER.aad}`, conversationType: "personal", tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
      ...fields,
    }),
  });
  expect(res.status).toBeLessThan(300);
  return connector.activities.slice(before);
}

function teamsShape(input: Record<string, unknown>): FieldShape {
  if (input.type === "Input.Date") return "date";
  if (input.type === "Input.Time") return "time";
  if (input.type === "Input.Number") return "number";
  if (input.type === "Input.ChoiceSet") return input.isMultiSelect ? "multi" : "choice";
  return "text";
}

function fillCard(card: Card): Record<string, string> {
  const values: Record<string, string> = {};
  const inputs = card.body
    .flatMap(function walk(el): Array<Record<string, unknown>> {
      const nested = [
        ...((el.items as Array<Record<string, unknown>>) ?? []),
        ...((el.columns as Array<Record<string, unknown>>) ?? []).flatMap((c) => (c.items as Array<Record<string, unknown>>) ?? []),
      ];
      return [el, ...nested.flatMap(walk)];
    })
    .filter((el) => String(el.type).startsWith("Input."));
  for (const input of inputs) {
    const id = String(input.id);
    const options = ((input.choices as Array<{ value: string }>) ?? []).map((c) => c.value);
    const answer = plannedAnswer(id.replace(/^f_/, ""), teamsShape(input), options, today, input.min !== undefined ? Number(input.min) : undefined);
    values[id] = Array.isArray(answer) ? answer.join(",") : answer;
  }
  return values;
}

async function teamsCompleteDialog(first: RecordedActivity[]): Promise<RecordedActivity[]> {
  let sent = first;
  for (let i = 0; i < 40; i++) {
    const cardActivity = [...sent].reverse().find((a) => cardOf(a)?.actions?.some((x) => x.data?.action === "submit"));
    if (!cardActivity) return sent;
    const card = cardOf(cardActivity)!;
    const data = card.actions!.find((a) => a.data?.action === "submit")!.data;
    sent = await teams({ replyToId: cardActivity.activityId, value: { ...data, ...fillCard(card) } });
  }
  throw new Error("Teams dialog did not complete");
}

// ---------------------------------------------------------------------------------------------
// The scenarios, per channel.

interface ChannelRun {
  name: "teams" | "slack";
  email: string;
  prepare(): Promise<void>;
  converse(): Promise<void>;
  quickNote(text: string): Promise<void>;
}

const runs: ChannelRun[] = [
  {
    name: "teams",
    email: TEAMS_USER.email,
    prepare: async () => {
      const done = await teamsCompleteDialog(await teams({ text: "voorbereiden Sam" }));
      expect(JSON.stringify(done.map((a) => a.activity))).toContain("opgeslagen");
    },
    converse: async () => {
      const done = await teamsCompleteDialog(await teams({ text: "gesprek Sam" }));
      expect(JSON.stringify(done.map((a) => a.activity))).toContain("opgeslagen");
    },
    quickNote: async (text) => {
      const sent = await teams({ text });
      expect(JSON.stringify(sent.map((a) => a.activity))).toContain("Notitie opgeslagen");
    },
  },
  {
    name: "slack",
    email: SLACK_USER.email,
    prepare: async () => {
      const { since } = await slack.command("voorbereiden Sam");
      await slack.completeModal(await slack.openedModal(since));
      await slack.dmContaining("opgeslagen", since);
    },
    converse: async () => {
      const { since } = await slack.command("gesprek Sam");
      await slack.completeModal(await slack.openedModal(since));
      await slack.dmContaining("opgeslagen", since);
    },
    quickNote: async (text) => {
      const since = fake.calls.length;
      await sim.dm(SLACK_USER, text);
      await slack.dmContaining("Notitie opgeslagen", since);
    },
  },
];

/** Everything stored about this teacher's pupil, with ids and instants replaced by placeholders. */
async function storedOutcome(email: string) {
  const db = app.database.db;
  const staff = await db.staff.findFirstOrThrow({ where: { email } });
  const pupil = await db.pupil.findFirstOrThrow({
    where: { groupId: { in: (await db.groupTeacher.findMany({ where: { staffId: staff.id } })).map((g) => g.groupId) } },
  });
  const conversations = await db.conversation.findMany({
    where: { pupilId: pupil.id },
    orderBy: { createdAt: "asc" },
    include: { goals: { orderBy: { createdAt: "asc" } }, agreements: { orderBy: { createdAt: "asc" } } },
  });
  const notes = await db.note.findMany({ where: { pupilId: pupil.id }, orderBy: { createdAt: "asc" } });
  const ids = new Map<string, string>([
    [staff.id, "<teacher>"],
    [pupil.id, "<pupil>"],
    [pupil.groupId!, "<group>"],
    ...conversations.map((c, i) => [c.id, `<conversation${i}>`] as [string, string]),
    ...conversations.flatMap((c) => c.goals.map((g, i) => [g.id, `<goal${i}>`] as [string, string])),
  ]);
  const scrub = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "string" && ids.has(v) ? ids.get(v) : v)));
  return scrub({
    conversations: conversations.map((c) => ({
      status: c.status,
      formatKey: c.formatKey,
      formatVersion: c.formatVersion,
      plannedAt: c.plannedAt?.toISOString() ?? null,
      place: c.place,
      durationMinutes: c.durationMinutes,
      preparation: JSON.parse(c.preparation) as unknown,
      answers: JSON.parse(c.answers) as unknown,
      skills: JSON.parse(c.skills) as unknown,
      held: c.heldAt !== null,
      createdBy: c.createdById,
      goals: c.goals.map(({ id: _id, pupilId: _p, conversationId: _c, createdAt: _a, updatedAt: _u, ...rest }) => rest),
      agreements: c.agreements.map(({ id: _id, pupilId: _p, conversationId: _c, goalId, createdAt: _a, ...rest }) => ({ ...rest, goalId })),
    })),
    notes: notes.map((note) => ({ text: note.text, goalText: note.goalText, shareWithParents: note.shareWithParents, author: note.authorId })),
  });
}

// Each channel's scenario runs once, whichever test needs it first: the comparison below does not
// depend on the tests before it having run.
const recorded = new Map<string, Promise<void>>();
function recordedThrough(run: ChannelRun): Promise<void> {
  if (!recorded.has(run.name)) {
    recorded.set(
      run.name,
      (async () => {
        await run.prepare();
        await run.converse();
        await run.quickNote("notitie Sam: vertelde over zijn hut doel: zelf een hut bouwen");
        await run.quickNote("notitie Sam: hielp een klasgenoot met lezen");
      })(),
    );
  }
  return recorded.get(run.name)!;
}

describe(`the same scenarios through Teams and Slack on ${testProvider()}`, () => {
  for (const run of runs) {
    it(`${run.name}: preparation, conversation and quick notes`, async () => {
      await recordedThrough(run);
    });
  }

  it("stored identical outcomes for both channels", async () => {
    for (const run of runs) await recordedThrough(run);
    const viaTeams = await storedOutcome(TEAMS_USER.email);
    const viaSlack = await storedOutcome(SLACK_USER.email);
    expect((viaTeams as { conversations: unknown[] }).conversations).toHaveLength(1);
    expect((viaTeams as { notes: unknown[] }).notes).toHaveLength(2);
    expect((viaTeams as { conversations: { status: string }[] }).conversations[0]!.status).toBe("held");
    expect(viaSlack).toEqual(viaTeams);
  });
});

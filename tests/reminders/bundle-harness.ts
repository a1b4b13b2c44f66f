// The harness of the bundled-reminder tests (bundle-*.test.ts): a running app with the fake
// Teams connector and the fake Slack Web API, and a school of its own per test: groep 5 with a
// juf on Teams (Mon–Wed) and her duo on Slack (Thu–Fri), pupils, and what is due on a fixed
// clock in the week of 8 March 2027.
import { afterAll, beforeAll } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector } from "../support/fake-connector.js";
import { FakeSlackApi } from "../support/fake-slack-api.js";
import { SlackSimulator, type SlackPerson } from "../support/slack-requests.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { zonedTimeToUtc } from "../../bot/domain/local-time.js";
import { createDeferral, createRenderers } from "../../bot/reminders/scheduler.js";
import { createOutboxWorker } from "../../bot/outbox/worker.js";
import { createLogger } from "../../bot/logger.js";
import { DAILY_BUNDLE, itemsOf } from "../../bot/reminders/bundle.js";
import { makeHeldGoal } from "../evaluations/fixtures.js";
import { TeamsDriver, teamsConversation, type TeamsPerson } from "../evaluations/teams-driver.js";

const TZ = "Europe/Amsterdam";
const SECRET = "bundle-signing-secret-0123456789abcdef";
const TOKEN = "xoxb-bundle-test";
// Wednesday 10 March 2027, before school: the juf works Monday–Wednesday, her duo Thursday–Friday.
export const WED = "2027-03-10";
export const THU = "2027-03-11";
export const at = (date: string, time: string) => zonedTimeToUtc(date, time, TZ);

export let app: TestApp & { databaseUrl: string };
export const connector = new FakeConnector();
export const fake = new FakeSlackApi(TOKEN);
export let sim: SlackSimulator;
let schools = 0;

/** Starts the app and the fakes for the calling test file. */
export function useBundleHarness() {
  beforeAll(async () => {
    await connector.start();
    await fake.start();
    app = await startTestApp({ TEAMS_LOCAL_MODE: "true", SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.url });
    sim = new SlackSimulator(`${app.baseUrl}/slack/events`, SECRET, fake, () => app.settled());
  });
  afterAll(async () => {
    await app?.stop();
    await connector.stop();
    await fake.stop();
  });
}

/** A school of its own: groep 5 with a juf on Teams (Mon–Wed) and her duo on Slack (Thu–Fri), pupils and what is due. */
export async function school(pupilCount = 4) {
  const n = ++schools;
  const tenant = `bundle-tenant-${n}-0000-0000-000000000000`;
  const team = `T0BUNDLE${n}`;
  const juf: TeamsPerson & { email: string } = {
    aad: `bbbbbbbb-0000-0000-0000-00000000000${n}`,
    name: "Juf Jansen",
    tenantId: tenant,
    email: `juf${n}@bundle.example`,
  };
  const duo: SlackPerson & { email: string } = { userId: `U0BUNDLE${n}`, teamId: team, email: `duo${n}@bundle.example` };
  connector.members.set(`29:${juf.aad}`, { id: `29:${juf.aad}`, name: juf.name, aadObjectId: juf.aad, email: juf.email });
  fake.users.set(duo.userId, { id: duo.userId, teamId: team, email: duo.email });
  const db = app.database.db;
  const setup = await applySchoolSetup(db, {
    school: { name: `Bundelschool ${n}`, teamsTenantIds: [tenant], slackTeamIds: [team] },
    schoolYear: "2026-2027",
    staff: [
      { email: juf.email, name: "Juf Jansen", roles: ["teacher"] },
      { email: duo.email, name: "Meester Duo", roles: ["teacher"] },
    ],
    groups: [
      {
        name: "groep 5",
        teachers: [
          { email: juf.email, workingDays: [1, 2, 3] },
          { email: duo.email, workingDays: [4, 5] },
        ],
      },
    ],
  });
  const schoolId = setup.schoolId;
  const { id: groupId } = await db.group.findFirstOrThrow({ where: { schoolId, name: "groep 5" } });
  const jufId = (await db.staff.findFirstOrThrow({ where: { email: juf.email } })).id;
  const duoId = (await db.staff.findFirstOrThrow({ where: { email: duo.email } })).id;
  const teams = new TeamsDriver(() => app.baseUrl, connector, { juf });
  await teams.post("juf", { type: "installationUpdate", action: "add" });
  const dm = `D${duo.userId.slice(1)}`;
  const before = fake.calls.length;
  await sim.event(duo, { type: "app_home_opened", user: duo.userId, tab: "messages", channel: dm });
  await fake.waitFor((c) => c.method === "chat.postMessage" && c.args.channel === dm, before);

  const pupil = async (firstName: string, lastName: string) =>
    (await db.pupil.create({ data: { schoolId, groupId, externalId: `${n}-${firstName}-${lastName}`, firstName, lastName } })).id;
  const plan = (pupilId: string, date: string, time: string, status = "planned") =>
    db.conversation.create({
      data: {
        schoolId,
        pupilId,
        groupId,
        formatKey: "middenbouw",
        formatVersion: 1,
        status,
        plannedAt: at(date, time),
        durationMinutes: 15,
        createdById: jufId,
        teachers: { create: [{ staffId: jufId }, { staffId: duoId }] },
      },
    });
  const goal = async (pupilId: string, date: string) =>
    (await makeHeldGoal(db, { schoolId, pupilId, createdById: jufId, evaluatorId: null, evaluationDate: date, goalText: "Ik wil netjes schrijven" })).goal;
  return { n, db, schoolId, groupId, juf, jufId, duo, duoId, dm, teams, pupil, plan, goal, pupilCount };
}

/** The usual day: Cas's goal is due Wednesday; Anna's conversation of Tuesday is not recorded; Bram (Thursday) and Daan (Friday) to prepare. */
export async function usualDay(s: Awaited<ReturnType<typeof school>>) {
  const [anna, bram, cas, daan] = [
    await s.pupil("Anna", "Smit"),
    await s.pupil("Bram", "de Vries"),
    await s.pupil("Cas", "Jansen"),
    await s.pupil("Daan", "Bakker"),
  ];
  const annaTalk = await s.plan(anna, "2027-03-09", "10:00");
  const bramTalk = await s.plan(bram, THU, "10:00");
  await s.plan(daan, "2027-03-12", "09:00");
  const casGoal = await s.goal(cas, WED);
  return { anna, bram, cas, daan, annaTalk, bramTalk, casGoal };
}

export const bundlesOf = (s: { db: TestApp["database"]["db"]; schoolId: string }) =>
  s.db.outboxMessage.findMany({ where: { schoolId: s.schoolId }, orderBy: [{ dueAt: "asc" }, { recipientStaffId: "asc" }] });

export const summary = (rows: Awaited<ReturnType<typeof bundlesOf>>, names: Record<string, string>) =>
  rows.map((r) => ({
    kind: r.kind,
    to: names[r.recipientStaffId],
    status: r.status,
    dueAt: r.dueAt.toISOString(),
    items: itemsOf(r.payload).map((i) => `${i.kind} ${i.subjectId}`),
  }));

/** The status of each teacher's bundle in this school (the worker also sends other tests' rows). */
export async function statuses(s: { db: TestApp["database"]["db"]; schoolId: string; jufId: string; duoId: string }) {
  const rows = await s.db.outboxMessage.findMany({ where: { schoolId: s.schoolId, kind: DAILY_BUNDLE } });
  const of = (id: string) =>
    rows
      .filter((r) => r.recipientStaffId === id)
      .map((r) => r.status)
      .join(",");
  return { juf: of(s.jufId), duo: of(s.duoId) };
}

export function worker(db: TestApp["database"]["db"], now: Date) {
  const clock = () => now;
  return createOutboxWorker({
    db,
    proactive: app.core.proactive,
    logger: createLogger("silent"),
    renderers: createRenderers(clock),
    deferUntil: createDeferral(db, clock),
    clock,
  });
}

/** Every Action.Submit anywhere in the Teams cards sent to this person since `since`. */
export function teamsButtons(juf: TeamsPerson, since: number) {
  const found: { title: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      if (o.type === "Action.Submit") found.push({ title: String(o.title), data: o.data as Record<string, unknown> });
      Object.values(o).forEach(walk);
    }
  };
  const sent = connector.activities.slice(since).filter((a) => a.conversationId === teamsConversation(juf));
  walk(sent.map((a) => a.activity.attachments));
  return { sent, buttons: found };
}

export const teamsText = (sent: { activity: { attachments?: unknown } }[]) => JSON.stringify(sent.map((a) => a.activity.attachments));

// The startgesprek (driehoeksgesprek) through every channel against one running server: typed in
// the text channel, on Teams cards and in Slack modals. Each ends with the parents' summary
// offered as files, and Teams and Slack store the same outcome (agreements with the parents as
// owners, no share questions asked).
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector, type RecordedActivity } from "../support/fake-connector.js";
import { FakeSlackApi } from "../support/fake-slack-api.js";
import { SlackSimulator } from "../support/slack-requests.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { testProvider } from "../support/test-db.js";
import { localDate } from "../../bot/domain/local-time.js";
import { weekdayAhead } from "../support/dialog-driver.js";
import { createCore } from "../../app/core.js";
import { openDatabase } from "../../bot/db/client.js";
import { TerminalChat } from "../../adapters/local/terminal-chat.js";
import { SlackTeacher } from "../slack/slack-driver.js";
import { cardInputs, cardOf } from "../support/teams-driver.js";
import { plannedAnswer, type FieldShape } from "./answers.js";
import { pdfText } from "../support/pdf-text.js";
import { squash } from "../exports/printed-text.js";

const TENANT = "22222222-3333-4444-5555-777777777777";
const TEAM = "T0STARTGESPREK";
const SECRET = "startgesprek-signing-secret-0123456789";
const TOKEN = "xoxb-startgesprek-test";
const TEAMS_USER = { aad: "bbbbbbbb-0000-0000-0000-000000000021", email: "teams.juf@start.example" };
const SLACK_USER = { userId: "U0STARTJUF", teamId: TEAM, email: "slack.juf@start.example" };
const TEXT_USER = "text.juf@start.example";
const today = localDate(new Date(), "Europe/Amsterdam");

let app: TestApp & { databaseUrl: string };
const connector = new FakeConnector();
const fake = new FakeSlackApi(TOKEN);
let slack: SlackTeacher;
let n = 0;

beforeAll(async () => {
  await connector.start();
  await fake.start();
  connector.members.set(`29:${TEAMS_USER.aad}`, { id: `29:${TEAMS_USER.aad}`, name: "Teams Juf", aadObjectId: TEAMS_USER.aad, email: TEAMS_USER.email });
  fake.users.set(SLACK_USER.userId, { id: SLACK_USER.userId, teamId: TEAM, email: SLACK_USER.email });
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true", SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.url });
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Driehoekschool", teamsTenantIds: [TENANT], slackTeamIds: [TEAM] },
    schoolYear: "2026-2027",
    staff: [
      { email: TEAMS_USER.email, name: "Teams Juf", roles: ["teacher"] },
      { email: SLACK_USER.email, name: "Slack Juf", roles: ["teacher"] },
      { email: TEXT_USER, name: "Tekst Juf", roles: ["teacher"] },
    ],
    groups: [
      { name: "groep 5a", teachers: [{ email: TEAMS_USER.email }] },
      { name: "groep 5b", teachers: [{ email: SLACK_USER.email }] },
      { name: "groep 5c", teachers: [{ email: TEXT_USER }] },
    ],
  });
  for (const name of ["groep 5a", "groep 5b", "groep 5c"]) {
    const group = await app.database.db.group.findFirstOrThrow({ where: { schoolId: setup.schoolId, name } });
    await app.database.db.pupil.create({ data: { schoolId: setup.schoolId, groupId: group.id, externalId: name, firstName: "Sam", lastName: "de Boer" } });
  }
  const sim = new SlackSimulator(`${app.baseUrl}/slack/events`, SECRET, fake, () => app.settled());
  slack = new SlackTeacher(SLACK_USER, sim, fake, today);
});
afterAll(async () => {
  await app?.stop();
  await connector.stop();
  await fake.stop();
});

/** A field's answer in either rich channel: a suggested who is kept, everything else per the shared plan. */
function answerFor(fieldId: string, shape: FieldShape, options: string[], suggested: unknown, min?: number): string | string[] {
  if (fieldId === "who" && typeof suggested === "string" && suggested) return suggested;
  if (fieldId === "another") return "false";
  return plannedAnswer(fieldId, shape, options, today, min);
}

async function teams(fields: Record<string, unknown>): Promise<RecordedActivity[]> {
  const before = connector.activities.length;
  const res = await fetch(`${app.baseUrl}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      type: "message",
      id: `sg-${++n}`,
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

const teamsShape = (input: Record<string, unknown>): FieldShape =>
  input.type === "Input.Date"
    ? "date"
    : input.type === "Input.Time"
      ? "time"
      : input.type === "Input.Number"
        ? "number"
        : input.type === "Input.ChoiceSet"
          ? input.isMultiSelect
            ? "multi"
            : "choice"
          : "text";

/** Fills every card until the dialog completes; returns everything sent and the inputs seen per card. */
async function teamsWalk(first: RecordedActivity[]): Promise<{ sent: RecordedActivity[]; inputs: string[] }> {
  let sent = first;
  const all: RecordedActivity[] = [...first];
  const inputs: string[] = [];
  for (let i = 0; i < 40; i++) {
    const cardActivity = [...sent].reverse().find((a) => cardOf(a)?.actions?.some((x) => x.data?.action === "submit"));
    if (!cardActivity) return { sent: all, inputs };
    const card = cardOf(cardActivity)!;
    const values: Record<string, string> = {};
    for (const input of cardInputs(card)) {
      const id = String(input.id);
      inputs.push(id);
      const options = ((input.choices as Array<{ value: string }>) ?? []).map((c) => c.value);
      const answer = answerFor(id.replace(/^f_/, ""), teamsShape(input), options, input.value, input.min !== undefined ? Number(input.min) : undefined);
      values[id] = Array.isArray(answer) ? answer.join(",") : answer;
    }
    const data = card.actions!.find((a) => a.data?.action === "submit")!.data;
    sent = await teams({ replyToId: cardActivity.activityId, value: { ...data, ...values } });
    all.push(...sent);
  }
  throw new Error("Teams dialog did not complete");
}

async function storedAgreements(email: string) {
  const db = app.database.db;
  const staff = await db.staff.findFirstOrThrow({ where: { email } });
  const groupIds = (await db.groupTeacher.findMany({ where: { staffId: staff.id } })).map((g) => g.groupId);
  const held = await db.conversation.findFirstOrThrow({
    where: { pupil: { groupId: { in: groupIds } }, status: "held" },
    include: { agreements: { orderBy: { createdAt: "asc" } }, goals: true },
  });
  return {
    formatKey: held.formatKey,
    agreements: held.agreements.map((a) => ({ who: a.who, what: a.what, whenText: a.whenText, shareWithParents: a.shareWithParents })),
    goalsShared: held.goals.map((g) => g.shareWithParents),
    shareChoices: held.answers.includes("__share"),
  };
}

const recorded = new Map<string, Promise<string>>();
function once(name: string, run: () => Promise<string>): Promise<string> {
  if (!recorded.has(name)) recorded.set(name, run());
  return recorded.get(name)!;
}

const viaTeams = () =>
  once("teams", async () => {
    const { sent, inputs } = await teamsWalk(await teams({ text: "startgesprek Sam" }));
    expect(inputs.filter((id) => id.endsWith("__share"))).toEqual([]);
    return JSON.stringify(sent.map((a) => a.activity));
  });

const viaSlack = () =>
  once("slack", async () => {
    const { since } = await slack.command("startgesprek Sam");
    const first = await slack.openedModal(since);
    expect(JSON.stringify(first.blocks)).toContain("Vraag de ouders bijvoorbeeld");
    // The shared answer plan names the pupil as owner of the one agreement, as the suggestion does.
    await slack.completeModal(first);
    await slack.dmContaining("samenvatting voor de ouders", since);
    const pdf = await slack.dmContaining(`startgesprek-sam-de-boer-${today}.pdf`, since);
    return JSON.stringify(pdf.args);
  });

describe(`the startgesprek in every channel on ${testProvider()}`, () => {
  it("text: typed line by line, with the parents' questions shown and the parents as owner of the second agreement", async () => {
    // The sources' core on a connection of its own: the served app may be the production build,
    // whose database client the sources' core does not know.
    const own = await openDatabase(app.databaseUrl);
    const core = createCore({ db: own.db, logger: pino({ level: "silent" }), defaultLocale: "nl" });
    const chat = new TerminalChat({
      core,
      user: { channel: "local", externalId: TEXT_USER, email: TEXT_USER },
      input: new PassThrough(),
      output: new PassThrough(),
    });
    const date = weekdayAhead(today, 21).split("-").reverse().join("-");
    let out = await chat.send("startgesprek Sam");
    expect(out).toContain("Startgesprek met ouders — Sam");
    expect(out).toContain("Vraag de ouders bijvoorbeeld:");
    for (const line of ["kennismaken", "ik kan goed tekenen", "de tafels", "mijn zwemdiploma", "leest voor", "-", "een vaste plek", "helpt anderen", "-"])
      out = await chat.send(line);
    expect(out).toContain("Dit jaar wil ik leren");
    // The goal step ends with who set the goal and who chose the way (the ownership taps).
    for (const line of [
      "de tafels tot 10",
      "korte uitleg",
      "-",
      "Ik wil de tafels van 6 en 7 foutloos opzeggen",
      "-",
      "samen",
      "de leerling zelf",
      "-",
      "oefenen in de auto",
      "-",
    ])
      out = await chat.send(line);
    for (const line of ["Sam zegt de tafels op zonder fouten", date, "1", "nee"]) out = await chat.send(line);
    expect(out).toContain("Nu ingevuld: Sam");
    for (const line of ["ok", "oefent elke dag 5 minuten de tafel van 6", "elke dag na de pauze", "ja"]) out = await chat.send(line);
    expect(out).toContain("Nu ingevuld: Ouders van Sam");
    for (const line of ["ok", "vragen elke avond twee tafelsommen bij het eten", "elke avond bij het eten", "nee"]) out = await chat.send(line);
    out = await chat.send("ja");
    expect(out).toContain("Gesprek met Sam de Boer opgeslagen");
    expect(out).toContain("samenvatting voor de ouders");
    expect(out).toMatch(/startgesprek-sam-de-boer-\d{4}-\d{2}-\d{2}\.pdf/);
    // Later, export brings the kindplan and the parents' summary again.
    const exported = await chat.send("export Sam");
    expect(exported).toContain("Ook de samenvatting van het laatste startgesprek voor de ouders zit erbij.");
    expect(exported).toMatch(/kindplan-sam-de-boer-\d{4}-\d{2}-\d{2}\.pdf/);
    expect(exported).toMatch(/startgesprek-sam-de-boer-\d{4}-\d{2}-\d{2}\.pdf/);
    expect(await storedAgreements(TEXT_USER)).toEqual({
      formatKey: "startgesprek",
      agreements: [
        { who: "Sam", what: "oefent elke dag 5 minuten de tafel van 6", whenText: "elke dag na de pauze", shareWithParents: true },
        { who: "Ouders van Sam", what: "vragen elke avond twee tafelsommen bij het eten", whenText: "elke avond bij het eten", shareWithParents: true },
      ],
      goalsShared: [true],
      shareChoices: false,
    });
    await own.close();
  });

  it("teams: cards without share questions, ending with the parents' summary", async () => {
    const sent = await viaTeams();
    expect(sent).toContain("Vraag de ouders bijvoorbeeld");
    expect(sent).toContain("samenvatting voor de ouders");
    expect(sent).toMatch(/startgesprek-sam-de-boer-\d{4}-\d{2}-\d{2}\.pdf/);
  });

  it("slack: modals, ending with the parents' summary, whose PDF link opens the printout", async () => {
    const done = await viaSlack();
    const path = /\/files\/[A-Za-z0-9_-]+/.exec(done)?.[0];
    expect(path).toBeDefined();
    const res = await fetch(`${app.baseUrl}${path}`);
    expect(res.status).toBe(200);
    const text = squash(pdfText(Buffer.from(await res.arrayBuffer())));
    expect(text).toContain("Startgesprek met Sam");
    expect(text).toContain("Beste ouders van Sam");
    expect(text).toContain("Wie doet wat, en wanneer");
    expect(text).toContain("Sam: leest elke dag 10 minuten in zijn leesboek (elke dag na de lunch)");
  });

  it("stores the same outcome through Teams and Slack", async () => {
    await viaTeams();
    await viaSlack();
    const teamsOutcome = await storedAgreements(TEAMS_USER.email);
    expect(teamsOutcome).toMatchObject({ formatKey: "startgesprek", goalsShared: [true], shareChoices: false });
    expect(teamsOutcome.agreements.map((a) => a.who)).toEqual(["Sam"]);
    expect(await storedAgreements(SLACK_USER.email)).toEqual(teamsOutcome);
  });
});

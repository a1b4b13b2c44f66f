// Welbevinden in the first weeks over real HTTP: the groep 3–8 check as a round's planned
// conversation through Teams cards and Slack modals (stored alike, no plan, the summary by the
// face chosen), and the onderbouw picture cards from the button a quick moment offers (Teams) and
// the slash command (Slack), opened through the file link and read with pdftotext.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector, type RecordedActivity } from "../support/fake-connector.js";
import { FakeSlackApi } from "../support/fake-slack-api.js";
import { SlackSimulator } from "../support/slack-requests.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { testProvider } from "../support/test-db.js";
import { localDate } from "../../bot/domain/local-time.js";
import { SlackTeacher } from "../slack/slack-driver.js";
import { cardOf, fillCard, submitData, TeamsDriver, textOf, type TeamsUser } from "../support/teams-driver.js";
import { makeGroup, makePupil, makeStaff } from "../support/fixtures.js";
import { pdfText } from "../support/pdf-text.js";
import { squash } from "../exports/printed-text.js";

const TENANT = "33333333-4444-5555-6666-777777777777";
const TEAM = "T0WELBEVIN";
const SECRET = "welbevinden-signing-secret-0123456789";
const TOKEN = "xoxb-welbevinden-test";
const today = localDate(new Date(), "Europe/Amsterdam");

let app: TestApp;
const connector = new FakeConnector();
const fake = new FakeSlackApi(TOKEN);
let teams: TeamsDriver;
let sim: SlackSimulator;
let schoolId: string;
let n = 0;

beforeAll(async () => {
  await connector.start();
  await fake.start();
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true", SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.url });
  teams = new TeamsDriver(app, connector, TENANT);
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Welbevindenschool", teamsTenantIds: [TENANT], slackTeamIds: [TEAM] },
    schoolYear: "2026-2027",
    staff: [{ email: "ib.welbevinden@school.example", name: "IB", roles: ["ib"] }],
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

/** A teacher of a group of their own with one pupil; in a middenbouw group, the round planned the check for the pupil. */
async function teacherWith(bouw: "onderbouw" | "middenbouw", email: string) {
  const i = ++n;
  const group = await makeGroup(app.database.db, schoolId, `groep ${bouw === "onderbouw" ? "1/2" : "5"}${String.fromCharCode(96 + i)}`, bouw);
  const staff = await makeStaff(app.database.db, schoolId, { email, groups: [group.id] });
  const pupil = await makePupil(app.database.db, schoolId, group.id, "Sam");
  if (bouw === "middenbouw") {
    await app.database.db.conversation.create({
      data: { schoolId, pupilId: pupil.id, groupId: group.id, formatKey: "welbevinden-start", formatVersion: 1, status: "planned", createdById: staff.id },
    });
  }
  return { pupilId: pupil.id };
}

function teamsUser(): TeamsUser {
  const i = ++n;
  const user = { aad: `dddddddd-0000-0000-0000-${String(i).padStart(12, "0")}`, name: `Juf Welbevinden ${i}`, email: `teams.welbevinden${i}@school.example` };
  connector.members.set(`29:${user.aad}`, { id: `29:${user.aad}`, name: user.name, aadObjectId: user.aad, email: user.email, userPrincipalName: user.email });
  return user;
}

function slackTeacher(): { juf: SlackTeacher; email: string } {
  const i = ++n;
  const who = { userId: `U0WELB${i}`, teamId: TEAM, email: `slack.welbevinden${i}@school.example` };
  fake.users.set(who.userId, { id: who.userId, teamId: TEAM, email: who.email });
  return { juf: new SlackTeacher(who, sim, fake, today), email: who.email };
}

const stepCard = (sent: RecordedActivity[]) => [...sent].reverse().find((a) => cardOf(a)?.actions?.some((x) => x.data?.action === "submit"));

/** The PDF behind a file link, fetched as the teacher's browser would. */
async function fileAt(url: string): Promise<Buffer> {
  const res = await fetch(`${app.baseUrl}/files/${url.split("/files/")[1]}`);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** What was stored, the same whichever channel it came through. */
async function storedCheck(pupilId: string) {
  const held = await app.database.db.conversation.findFirstOrThrow({ where: { pupilId }, include: { goals: true, agreements: true } });
  const answers = JSON.parse(held.answers) as Record<string, Record<string, unknown>>;
  return {
    status: held.status,
    format: `${held.formatKey}@${held.formatVersion}`,
    goals: held.goals.length,
    agreements: held.agreements.length,
    feeling: answers.s_inDeGroep?.feeling,
    steps: Object.keys(answers).sort(),
  };
}

describe(`welbevinden over Teams and Slack HTTP on ${testProvider()}`, () => {
  it("walks the groep 3–8 check through Teams cards and Slack modals, storing the same, without a plan", async () => {
    const juf = teamsUser();
    const viaTeams = await teacherWith("middenbouw", juf.email);
    let sent = await teams.say(juf, "gesprek Sam");
    expect(textOf(sent)).toContain("Hoe voel je je in de groep?");
    for (let i = 0; i < 10 && stepCard(sent); i++) {
      const at = stepCard(sent)!;
      const card = cardOf(at)!;
      sent = await teams.submit(juf, at, { ...submitData(card), ...fillCard(card, today) });
    }
    expect(textOf(sent)).toContain("opgeslagen");
    expect(textOf(sent)).toContain("Gekozen: 😄 Heel fijn");

    const { juf: slack, email } = slackTeacher();
    const viaSlack = await teacherWith("middenbouw", email);
    const { since } = await slack.command("gesprek Sam");
    const visited = await slack.completeModal(await slack.openedModal(since));
    expect(visited).toEqual(["s_inDeGroep", "s_samenwerken", "s_watHelpt", "s_afsluiten", "confirm"]);
    await slack.dmContaining("Gekozen: 😄 Heel fijn", since);

    const teamsOutcome = await storedCheck(viaTeams.pupilId);
    expect(teamsOutcome).toMatchObject({ status: "held", format: "welbevinden-start@1", goals: 0, agreements: 0, feeling: "great" });
    expect(await storedCheck(viaSlack.pupilId)).toEqual(teamsOutcome);
  });

  it("offers the onderbouw picture cards as a Teams button when a quick moment starts, and opens the PDF", async () => {
    const juf = teamsUser();
    const { pupilId } = await teacherWith("onderbouw", juf.email);
    const started = await teams.say(juf, "gesprek Sam");
    const button = started.flatMap((a) => cardOf(a)?.actions ?? []).find((x) => x.title === "Plaatjes printen (PDF)");
    expect(button?.data).toBeDefined();
    const sent = await teams.post(teams.activity(juf, { value: button!.data }));
    expect(textOf(sent)).toContain("17 plaatjes");
    const open = sent.flatMap((a) => (cardOf(a)?.actions ?? []) as Array<{ type?: string; url?: string }>).find((x) => x.type === "Action.OpenUrl");
    const text = squash(pdfText(await fileAt(open!.url!)));
    for (const label of ["Blij", "Verdrietig", "Hulp", "Samen", "Trots", "Leren"]) expect(text).toContain(label);
    // The quick moment itself is still open, at its first step.
    const session = await app.database.db.dialogSession.findFirst({ where: { pupilId, kind: "conversation" } });
    expect(session).toMatchObject({ status: "active", formatKey: "onderbouw-welbevinden", stepId: "s_gevoel" });
  });

  it("sends the picture cards for the slash command in Slack, in the teacher's language", async () => {
    const { juf: slack, email } = slackTeacher();
    await teacherWith("onderbouw", email);
    await app.database.db.staff.updateMany({ where: { email }, data: { locale: "en" } });
    const { since } = await slack.command("picture cards");
    const message = await slack.dmContaining("picture-cards-onderbouw-welbevinden-en.pdf", since);
    const url = /<([^|>]+)\|/.exec(JSON.stringify(message.args.blocks))?.[1];
    const text = squash(pdfText(await fileAt(url!)));
    for (const label of ["Happy", "Scared or nervous", "Help", "What I'm good at", "Free time"]) expect(text).toContain(label);
    expect(text).not.toContain("Verdrietig");
  });
});

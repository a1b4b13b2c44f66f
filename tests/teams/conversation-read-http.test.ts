// Reading a held conversation through the Teams adapter over HTTP: a teacher holds the
// conversation with cards, her duo-partner opens the pupil's timeline and presses the button it
// offers, and reads every answer; the team leader pressing the same button is refused (audited).
// A long conversation arrives whole, as several messages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "../../bot/auth/actor.js";
import { openDatabase } from "../../bot/db/client.js";
import { inTransaction } from "../../bot/db/transaction.js";
import { localDate } from "../../bot/domain/local-time.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { recordHeldConversation } from "../../bot/services/conversations.js";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector, type RecordedActivity } from "../support/fake-connector.js";
import { cardOf, fillCard, submitData, TeamsDriver, type TeamsUser } from "../support/teams-driver.js";
import { testProvider } from "../support/test-db.js";

const TENANT = "11111111-2222-3333-4444-666666666666";
const ALEX = { aad: "bbbbbbbb-0000-0000-0000-000000000001", name: "Alex Wilber", email: "alex@lees.example" };
const BO = { aad: "bbbbbbbb-0000-0000-0000-000000000002", name: "Bo Duo", email: "bo@lees.example" };
const LEA = { aad: "bbbbbbbb-0000-0000-0000-000000000003", name: "Lea Leider", email: "lea@lees.example" };

let app: TestApp & { databaseUrl: string };
let teams: TeamsDriver;
const connector = new FakeConnector();
const today = localDate(new Date(), "Europe/Amsterdam");
const ids: Record<string, string> = {};

beforeAll(async () => {
  await connector.start();
  for (const u of [ALEX, BO, LEA])
    connector.members.set(`29:${u.aad}`, { id: `29:${u.aad}`, name: u.name, aadObjectId: u.aad, email: u.email, userPrincipalName: u.email });
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true" });
  teams = new TeamsDriver(app, connector, TENANT);
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Leesschool", teamsTenantIds: [TENANT] },
    schoolYear: "2026-2027",
    staff: [
      { email: ALEX.email, name: ALEX.name, roles: ["teacher"], teamsAadObjectId: ALEX.aad },
      { email: BO.email, name: BO.name, roles: ["teacher"], teamsAadObjectId: BO.aad },
      { email: LEA.email, name: LEA.name, roles: ["team_leader"], leads: ["middenbouw"], teamsAadObjectId: LEA.aad },
    ],
    groups: [{ name: "groep 5", teachers: [{ email: ALEX.email }, { email: BO.email }] }],
  });
  const group = await app.database.db.group.findFirstOrThrow({ where: { schoolId: setup.schoolId } });
  const sam = await app.database.db.pupil.create({
    data: { schoolId: setup.schoolId, groupId: group.id, externalId: "1", firstName: "Sam", lastName: "de Boer" },
  });
  const lang = await app.database.db.pupil.create({
    data: { schoolId: setup.schoolId, groupId: group.id, externalId: "2", firstName: "Lang", lastName: "Verhaal" },
  });
  Object.assign(ids, { school: setup.schoolId, sam: sam.id, lang: lang.id });
});
afterAll(async () => {
  await app?.stop();
  await connector.stop();
});

const texts = (sent: RecordedActivity[]) => sent.map((a) => String(a.activity.text ?? "")).join("\n");

/** Submits the last step card until the dialog completes. */
async function completeDialog(user: TeamsUser, first: RecordedActivity[]): Promise<RecordedActivity[]> {
  let sent = first;
  for (let i = 0; i < 40; i++) {
    const cardActivity = [...sent].reverse().find((a) => cardOf(a)?.actions?.some((x) => x.data?.action === "submit"));
    if (!cardActivity) return sent;
    const card = cardOf(cardActivity)!;
    sent = await teams.submit(user, cardActivity, { ...submitData(card), ...fillCard(card, today) });
  }
  throw new Error("dialog did not complete");
}

/** The timeline's button for the pupil's held conversation, as the card carries it. */
async function timelineButton(user: TeamsUser, name: string) {
  const sent = await teams.say(user, `leerling ${name}`);
  const withButtons = sent.find((a) => cardOf(a)?.actions?.some((x) => x.data.command === "viewConversation"))!;
  return { activity: withButtons, data: cardOf(withButtons)!.actions!.find((x) => x.data.command === "viewConversation")!.data };
}

describe(`reading a held conversation in Teams over HTTP (${testProvider()})`, () => {
  it("the duo-partner presses the timeline's button and reads what her partner recorded; the team leader is refused", async () => {
    const done = await completeDialog(ALEX, await teams.say(ALEX, "gesprek Sam"));
    expect(texts(done)).toContain("opgeslagen");
    const held = await app.database.db.conversation.findFirstOrThrow({ where: { pupilId: ids.sam, status: "held" } });

    const button = await timelineButton(BO, "Sam");
    expect(button.data).toMatchObject({ gw: "act", command: "viewConversation", args: { conversationId: held.id } });
    const read = texts(await teams.submit(BO, button.activity, button.data));
    expect(read).toContain("<b>Gesprek met Sam de Boer</b>");
    expect(read).toContain("Gehouden door: Alex Wilber");
    // What the card dialog stored comes back: the answers, the goal and the agreement.
    expect(read).toContain("antwoord summary");
    expect(read).toContain("leest elke dag 10 minuten in zijn leesboek");
    expect(read).toContain("<b>Doelen</b>");
    const bo = await app.database.db.staff.findFirstOrThrow({ where: { email: BO.email } });
    expect(await app.database.db.auditEvent.count({ where: { actorStaffId: bo.id, action: "read", entity: "conversation", entityId: held.id } })).toBe(1);

    const refused = texts(await teams.submit(LEA, button.activity, button.data));
    expect(refused).toContain("Dit gesprek mag jij niet lezen.");
    expect(refused).not.toContain("antwoord");
    const lea = await app.database.db.staff.findFirstOrThrow({ where: { email: LEA.email } });
    expect(await app.database.db.auditEvent.findMany({ where: { actorStaffId: lea.id }, select: { action: true, entity: true, entityId: true } })).toEqual([
      { action: "refused", entity: "conversation", entityId: held.id },
    ]);
    expect(app.logs.join("\n")).not.toMatch(/Sam|antwoord|leesboek/);
  });

  it("a long conversation arrives whole, in several messages", async () => {
    const long = (tag: string) => `${tag} ${"vandaag vertelde ik over mijn boek en mijn vriend ".repeat(60)}`.slice(0, 2900).trim();
    const answers = {
      s_start: { feelingNote: long("A1") },
      s_trots: { proudOf: long("B1") },
      s_moeilijk: { stillHard: long("C1") },
      s_hoeLeerJe: { helpsMeNote: long("D1").slice(0, 1000) },
      s_afsluiten: { summary: long("E1") },
    };
    // Recorded through the sources' core on a connection of its own: the served app may be the
    // production build, whose database client the sources' core does not know.
    const own = await openDatabase(app.databaseUrl);
    const alex = await own.db.staff.findFirstOrThrow({ where: { email: ALEX.email } });
    const actor = await loadActor(own.db, alex.id);
    await inTransaction(own.db, (tx) =>
      recordHeldConversation(tx, actor, {
        pupilId: ids.lang!,
        groupId: null,
        conversationId: null,
        formatKey: "middenbouw-kindgesprek",
        formatVersion: 2,
        answers,
        skills: [],
        goals: [],
        agreements: [],
        heldAt: new Date(),
      }),
    );
    await own.close();
    const button = await timelineButton(BO, "Lang");
    const sent = await teams.submit(BO, button.activity, button.data);
    expect(sent.length).toBeGreaterThan(3);
    const all = texts(sent);
    for (const step of Object.values(answers)) for (const value of Object.values(step)) expect(all).toContain(value);
  });
});

// Issue 10 over real HTTP into the Teams adapter: a stale card keeps what the teacher filled in,
// the card's Stoppen asks first, and a command typed mid-dialog is asked about, not stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector, type RecordedActivity } from "../support/fake-connector.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { testProvider } from "../support/test-db.js";
import { localDate } from "../../bot/domain/local-time.js";
import { cardOf, fillCard, submitData, TeamsDriver, textOf } from "../support/teams-driver.js";

const TENANT = "11111111-2222-3333-4444-666666666666";
const JUF = { aad: "bbbbbbbb-0000-0000-0000-000000000001", name: "Juf Safe", email: "juf.safe@school.example" };
const today = localDate(new Date(), "Europe/Amsterdam");

let app: TestApp;
let teams: TeamsDriver;
const connector = new FakeConnector();

beforeAll(async () => {
  await connector.start();
  connector.members.set(`29:${JUF.aad}`, { id: `29:${JUF.aad}`, name: JUF.name, aadObjectId: JUF.aad, email: JUF.email, userPrincipalName: JUF.email });
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true" });
  teams = new TeamsDriver(app, connector, TENANT);
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Veilige school", teamsTenantIds: [TENANT] },
    schoolYear: "2026-2027",
    staff: [{ email: JUF.email, name: JUF.name, roles: ["teacher"], teamsAadObjectId: JUF.aad }],
    groups: [{ name: "groep 6", teachers: [{ email: JUF.email }] }],
  });
  const group = await app.database.db.group.findFirstOrThrow({ where: { schoolId: setup.schoolId } });
  await app.database.db.pupil.create({ data: { schoolId: setup.schoolId, groupId: group.id, externalId: "s1", firstName: "Noor", lastName: "Veenstra" } });
});
afterAll(async () => {
  await app?.stop();
  await connector.stop();
});

const lastCard = (sent: RecordedActivity[]) => [...sent].reverse().find((a) => cardOf(a)?.actions?.some((x) => x.data?.action === "submit"))!;
const activeSession = () => app.database.db.dialogSession.findFirstOrThrow({ where: { status: "active" }, orderBy: { updatedAt: "desc" } });

/** A preparation at its second step ("aim"), as a card. */
async function atAimStep(): Promise<RecordedActivity> {
  const first = lastCard(await teams.say(JUF, "voorbereiden Noor"));
  const card = cardOf(first)!;
  return lastCard(await teams.submit(JUF, first, { ...submitData(card), ...fillCard(card, today) }));
}

async function stopAll() {
  await app.database.db.dialogSession.updateMany({ where: { status: { in: ["active", "paused"] } }, data: { status: "cancelled" } });
}

describe(`dialog safety over Teams HTTP on ${testProvider()}`, () => {
  it("a stale card comes back with what the teacher filled in, and stores none of it", async () => {
    const aim = await atAimStep();
    const card = cardOf(aim)!;
    // Typing an answer in the chat moves the dialog on a version: the card is now stale.
    await teams.say(JUF, "Noor wil graag meer lezen");
    const stored = await activeSession();
    const value = { ...submitData(card), ...fillCard(card, today, { aim: "Noor kiest zelf een boek", theme: "lezen" }) };
    const sent = await teams.submit(JUF, aim, value);
    expect(textOf(sent)).toContain("niet meer actueel");
    expect(textOf(sent)).toContain("weer klaar");
    const shown = JSON.stringify(sent.map((a) => cardOf(a)));
    expect(shown).toContain("Noor kiest zelf een boek");
    expect(shown).toContain("lezen");
    const after = await activeSession();
    expect(after.answers).toBe(stored.answers);
    expect(after.answers).not.toContain("Noor kiest zelf een boek");
    // Sent again from the refreshed card, it is stored once.
    const fresh = lastCard(sent);
    const again = await teams.submit(JUF, fresh, { ...submitData(cardOf(fresh)!), ...fillCard(cardOf(fresh)!, today, { aim: "Noor kiest zelf een boek" }) });
    expect(textOf(again)).not.toContain("niet meer actueel");
    const saved = await app.database.db.dialogSession.findUniqueOrThrow({ where: { id: after.id } });
    expect(saved.answers.split("Noor kiest zelf een boek").length - 1).toBe(1);
    await stopAll();
  });

  it("a doubled card is simply not current: nothing new to keep", async () => {
    const aim = await atAimStep();
    const value = { ...submitData(cardOf(aim)!), ...fillCard(cardOf(aim)!, today) };
    await teams.submit(JUF, aim, value);
    const again = await teams.submit(JUF, aim, value);
    expect(textOf(again)).toContain("niet meer actueel");
    expect(textOf(again)).not.toContain("weer klaar");
    await stopAll();
  });

  it("the card's Stoppen asks first; 'Nee, ga verder' keeps everything, 'Ja, stoppen' discards", async () => {
    const aim = await atAimStep();
    const session = await activeSession();
    const asked = await teams.submit(JUF, aim, { ...submitData(cardOf(aim)!, "cancel") });
    expect(textOf(asked)).toContain("Stoppen met");
    const buttons = asked.flatMap((a) => cardOf(a)?.actions ?? []).filter((a) => a.data.command === "dialogReply");
    expect(buttons.map((b) => b.title)).toEqual(["Ja, stoppen", "Nee, ga verder", "Pauzeren"]);
    const kept = await teams.post(teams.activity(JUF, { value: buttons[1]!.data }));
    // A pressed button brings the step back as a card, as it was.
    expect(cardOf(lastCard(kept))).toBeDefined();
    expect(textOf(kept)).toContain("Waarom dit gesprek?");
    expect((await app.database.db.dialogSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("active");
    const again = await teams.submit(JUF, aim, { ...submitData(cardOf(lastCard(kept))!, "cancel") });
    const yes = again.flatMap((a) => cardOf(a)?.actions ?? []).find((a) => a.title === "Ja, stoppen")!;
    const stopped = await teams.post(teams.activity(JUF, { value: yes.data }));
    expect(textOf(stopped)).toContain("Gestopt");
    expect((await app.database.db.dialogSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("cancelled");
  });

  it("a command typed during a dialog is asked about, not stored", async () => {
    await atAimStep();
    const session = await activeSession();
    const asked = await teams.say(JUF, "leerling Noor");
    expect(textOf(asked)).toContain("Bedoel je het commando");
    expect((await activeSession()).answers).toBe(session.answers);
    const yes = asked.flatMap((a) => cardOf(a)?.actions ?? []).find((a) => a.title === "Ja, het commando")!;
    const ran = await teams.post(teams.activity(JUF, { value: yes.data }));
    expect(textOf(ran)).toContain("Noor");
    const after = await activeSession();
    expect(after.id).toBe(session.id);
    expect(after.answers).toBe(session.answers);
    await stopAll();
  });
});

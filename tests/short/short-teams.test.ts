// The short way over real HTTP into the Teams adapter: a new teacher starts a middenbouw
// conversation, takes the offer to work short, fills the conversation card and the record card.
// Counted: card submits (the offer's button included) at most 3, typed fields at most 6.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector, type RecordedActivity } from "../support/fake-connector.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { testProvider } from "../support/test-db.js";
import { localDate } from "../../bot/domain/local-time.js";
import { type Card, cardInputs, cardOf, submitData, TeamsDriver, textOf } from "../support/teams-driver.js";
import { weekdayAhead } from "../support/dialog-driver.js";
import { addHoliday, typedFieldsOf } from "./counting.js";
import { makeGroup, makePupil, makeStaff } from "../support/fixtures.js";

const TENANT = "11111111-2222-3333-4444-777777777777";
const today = localDate(new Date(), "Europe/Amsterdam");
const MAX_SUBMITS = 3;
const MAX_TYPED = 6;

let app: TestApp;
let teams: TeamsDriver;
const connector = new FakeConnector();
let schoolId: string;
let n = 0;

beforeAll(async () => {
  await connector.start();
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true" });
  teams = new TeamsDriver(app, connector, TENANT);
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Korte school", teamsTenantIds: [TENANT] },
    schoolYear: "2026-2027",
    staff: [{ email: "ib.kort@school.example", name: "IB Kort", roles: ["ib"] }],
    groups: [],
  });
  schoolId = setup.schoolId;
});
afterAll(async () => {
  await app?.stop();
  await connector.stop();
});

/** A teacher of a groep 4 of their own (with their own pupil Otis), who never chose a way of working. */
async function newTeacher() {
  const i = ++n;
  const juf = { aad: `cccccccc-0000-0000-0000-${String(i).padStart(12, "0")}`, name: `Juf Kort ${i}`, email: `juf.kort${i}@school.example` };
  connector.members.set(`29:${juf.aad}`, { id: `29:${juf.aad}`, name: juf.name, aadObjectId: juf.aad, email: juf.email, userPrincipalName: juf.email });
  const group = await makeGroup(app.database.db, schoolId, `groep 4${String.fromCharCode(96 + i)}`, "middenbouw");
  const staff = await makeStaff(app.database.db, schoolId, { email: juf.email, groups: [group.id] });
  const pupil = await makePupil(app.database.db, schoolId, group.id, "Otis");
  return { juf, staffId: staff.id, pupilId: pupil.id };
}

const stepCard = (sent: RecordedActivity[]) => [...sent].reverse().find((a) => cardOf(a)?.actions?.some((x) => x.data?.action === "submit"));
const buttonData = (sent: RecordedActivity[], title: string) => sent.flatMap((a) => cardOf(a)?.actions ?? []).find((x) => x.title === title)?.data;
/** Every input of a card as it is shown (a card's submit sends them all). */
const asShown = (card: Card) => Object.fromEntries(cardInputs(card).map((i) => [String(i.id), i.value === undefined ? "" : String(i.value)]));
const held = (pupilId: string) => app.database.db.conversation.findFirst({ where: { pupilId, status: "held" }, include: { goals: true, agreements: true } });

describe(`the short way over Teams HTTP on ${testProvider()}`, () => {
  it("records a middenbouw conversation with one goal and one agreement in at most 3 submits and 6 typed fields", async () => {
    const { juf, pupilId, staffId } = await newTeacher();
    let submits = 0;
    let typed = 0;
    let sent = await teams.say(juf, "gesprek Otis");
    const offer = buttonData(sent, "Kort werken");
    expect(offer).toBeDefined();
    submits++;
    sent = await teams.post(teams.activity(juf, { value: offer }));
    let at = stepCard(sent)!;
    expect(textOf(sent)).toContain("Gesprekskaart");
    // The conversation card: two words jotted while talking.
    const card: Card = cardOf(at)!;
    const jots = { f_goalWords: "de tafel van 6 zonder fouten opzeggen", f_agreementWords: "oefent elke dag 5 minuten met flitskaarten" };
    typed += typedFieldsOf(card, jots);
    submits++;
    sent = await teams.submit(juf, at, { ...submitData(card), ...jots });
    at = stepCard(sent)!;
    const record = cardOf(at)!;
    expect(JSON.stringify(record)).toContain("de tafel van 6 zonder fouten opzeggen");
    const filled = {
      ...asShown(record),
      f_successCriteria: "Otis zegt de tafel van 6 op zonder fouten",
      f_evaluationDate: weekdayAhead(today, 21),
      f_when: "elke dag na de pauze",
      f_goalText__share: "true",
    };
    typed += typedFieldsOf(record, filled);
    submits++;
    sent = await teams.submit(juf, at, { ...submitData(record), ...filled });
    expect(textOf(sent)).toContain("opgeslagen");
    expect(submits).toBeLessThanOrEqual(MAX_SUBMITS);
    expect(typed).toBeLessThanOrEqual(MAX_TYPED);

    const stored = await held(pupilId);
    expect(stored?.goals.map((g) => [g.goalText, g.successCriteria, g.evaluationDate, g.evaluatorId, g.shareWithParents])).toEqual([
      ["de tafel van 6 zonder fouten opzeggen", "Otis zegt de tafel van 6 op zonder fouten", weekdayAhead(today, 21), staffId, true],
    ]);
    expect(stored?.agreements.map((a) => [a.who, a.what, a.whenText, a.shareWithParents])).toEqual([
      ["Otis", "oefent elke dag 5 minuten met flitskaarten", "elke dag na de pauze", false],
    ]);
    // The choice is remembered: the next conversation starts with the conversation card, without an offer.
    const again = await teams.say(juf, "gesprek Otis");
    expect(textOf(again)).toContain("Gesprekskaart");
    expect(buttonData(again, "Kort werken")).toBeUndefined();
  });

  it("sends a record card with a holiday date and an empty goal back with everything typed, and stores a re-delivery once", async () => {
    const { juf, pupilId } = await newTeacher();
    await teams.say(juf, "werkwijze kort");
    let at = stepCard(await teams.say(juf, "gesprek Otis"))!;
    at = stepCard(await teams.submit(juf, at, { ...submitData(cardOf(at)!) }))!;
    const record = cardOf(at)!;
    const holiday = await addHoliday(app.database.db, schoolId, today);
    const bad = {
      ...asShown(record),
      f_goalWhen: "now",
      f_goalText: "",
      f_successCriteria: "Otis zegt de tafel op",
      f_evaluationDate: holiday,
      f_who: "Otis",
      f_what: "oefent elke dag met flitskaarten",
      f_when: "elke dag na de pauze",
    };
    let sent = await teams.submit(juf, at, { ...submitData(record), ...bad });
    const again = cardOf(stepCard(sent)!)!;
    const shown = JSON.stringify(again);
    expect(shown).toContain("Vul dit in, of kies bij Doel");
    expect(shown).toContain("Otis zegt de tafel op");
    expect(shown).toContain("oefent elke dag met flitskaarten");
    expect(shown).toContain("Studiedag");
    // Fixed and sent; then the same activity delivered again: stored once, the second is stale.
    const fixed = { ...submitData(again), ...bad, f_goalText: "de tafel van 6 kennen", f_evaluationDate: weekdayAhead(today, 21) };
    const activity = teams.activity(juf, { replyToId: stepCard(sent)!.activityId, value: fixed });
    sent = await teams.post(activity);
    expect(textOf(sent)).toContain("opgeslagen");
    sent = await teams.post({ ...activity, id: `${activity.id}-again` });
    const stored = await app.database.db.goal.findMany({ where: { pupilId } });
    expect(stored.map((g) => g.goalText)).toEqual(["de tafel van 6 kennen"]);
  });

  it("after going back to the conversation card, the record card takes its new words where the teacher had not changed them", async () => {
    const { juf, pupilId } = await newTeacher();
    await teams.say(juf, "werkwijze kort");
    let at = stepCard(await teams.say(juf, "gesprek Otis"))!;
    const jots = { f_goalWords: "de tafel van 6 kennen", f_agreementWords: "oefent met flitskaarten" };
    at = stepCard(await teams.submit(juf, at, { ...submitData(cardOf(at)!), ...jots }))!;
    // Sent as shown but for her own goal text, and refused (no when): the answers are kept as sent.
    let record = cardOf(at)!;
    const own = { ...asShown(record), f_goalText: "ik wil de tafel van 6 zonder fouten opzeggen", f_successCriteria: "Otis zegt de tafel op" };
    at = stepCard(await teams.submit(juf, at, { ...submitData(record), ...own }))!;
    record = cardOf(at)!;
    at = stepCard(await teams.submit(juf, at, { ...submitData(record, "back"), ...asShown(record) }))!;
    expect(textOf([at])).toContain("Gesprekskaart");
    const newJots = { f_goalWords: "de tafel van 7 kennen", f_agreementWords: "elke dag 5 minuten tafelkaartjes oefenen met Boaz" };
    at = stepCard(await teams.submit(juf, at, { ...submitData(cardOf(at)!), ...newJots }))!;
    record = cardOf(at)!;
    const input = (id: string) => cardInputs(record).find((i) => i.id === id)?.value;
    expect(input("f_what")).toBe("elke dag 5 minuten tafelkaartjes oefenen met Boaz");
    expect(input("f_goalText")).toBe("ik wil de tafel van 6 zonder fouten opzeggen");
    const done = { ...asShown(record), f_evaluationDate: weekdayAhead(today, 21), f_when: "elke dag na de pauze" };
    const sent = await teams.submit(juf, at, { ...submitData(record), ...done });
    expect(textOf(sent)).toContain("opgeslagen");
    const stored = await held(pupilId);
    expect(stored?.agreements.map((a) => a.what)).toEqual(["elke dag 5 minuten tafelkaartjes oefenen met Boaz"]);
    expect(stored?.goals.map((g) => g.goalText)).toEqual(["ik wil de tafel van 6 zonder fouten opzeggen"]);
  });
});

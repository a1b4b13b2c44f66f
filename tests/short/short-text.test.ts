// The short way in the text channel (the terminal chat over the core's handleTurn): a middenbouw
// conversation with one goal and one agreement is recorded in at most 12 typed messages, one
// line each (a terminal sends one line per message), with the kindplan's own checks on the way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDate } from "../../bot/domain/local-time.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { middenbouwTeacher as teacherAt } from "./terminal-teacher.js";
import { weekdayAhead } from "../support/dialog-driver.js";

const MAX_MESSAGES = 12;
let t: TestDatabase;
const today = localDate(new Date(), "Europe/Amsterdam");
const typedDate = (iso: string) => iso.split("-").reverse().join("-");

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

const middenbouwTeacher = () => teacherAt(t.db);

const held = (pupilId: string) => t.db.conversation.findFirst({ where: { pupilId, status: "held" }, include: { goals: true, agreements: true } });

describe(`the short way in the text channel on ${testProvider()}`, () => {
  it("records a middenbouw conversation with one goal and one agreement in at most 12 messages", async () => {
    const juf = await middenbouwTeacher();
    expect(await juf.say("werkwijze kort")).toContain("kort");
    let out = await juf.say("gesprek Otis");
    expect(out).toContain("Gesprekskaart");
    expect(out).toContain("3. Doel, in de woorden van de leerling");
    await juf.say("1: leest graag strips");
    await juf.say("3: ik wil de tafel van 6 zonder fouten opzeggen");
    await juf.say("4: oefent elke dag 5 minuten met de flitskaarten");
    out = await juf.say("klaar");
    expect(out).toContain("Vastleggen");
    // What was jotted during the conversation is on the record card already.
    expect(out).toContain("ik wil de tafel van 6 zonder fouten opzeggen");
    await juf.say("8: Otis zegt de tafel van 6 op zonder fouten");
    await juf.say(`9: ${typedDate(weekdayAhead(today, 21))}`);
    await juf.say("13: elke dag na de pauze");
    out = await juf.say("klaar");
    expect(out).toContain("Gesprek met Otis T. opgeslagen");
    expect(juf.sent.length).toBeLessThanOrEqual(MAX_MESSAGES);

    const record = await held(juf.pupilId);
    expect(record?.goals.map((g) => [g.goalText, g.successCriteria, g.evaluationDate])).toEqual([
      ["ik wil de tafel van 6 zonder fouten opzeggen", "Otis zegt de tafel van 6 op zonder fouten", weekdayAhead(today, 21)],
    ]);
    expect(record?.goals[0]?.evaluatorId).toBe(juf.teacherId);
    expect(record?.agreements.map((a) => [a.who, a.what, a.whenText])).toEqual([
      ["Otis", "oefent elke dag 5 minuten met de flitskaarten", "elke dag na de pauze"],
    ]);
    // Read back in full, the words jotted on the card are there beside the goal and agreement.
    const read = await juf.say("gesprek bekijken Otis");
    expect(read).toContain("Gaat goed (steekwoorden)");
    expect(read).toContain("leest graag strips");
    expect(read).toContain("ik wil de tafel van 6 zonder fouten opzeggen");
  });

  it("keeps what was typed through a bad field, a control word and a pause, and stores it once", async () => {
    const juf = await middenbouwTeacher();
    await juf.say("werkwijze kort");
    await juf.say("gesprek Otis");
    await juf.say("klaar");
    // A goal set now without the goal itself, and an agreement without a when: each refused under its field.
    let out = await juf.say("8: Otis kent de tafel");
    out = await juf.say("klaar");
    expect(out).toContain("Vastleggen");
    expect(out).toMatch(/4\. Straks wil ik kunnen\/weten …: —\n\s+⚠️ Vul dit in, of kies bij Doel/);
    expect(out).toContain("8. Hoe weten we dat het doel bereikt is? (wat zien of horen we): Otis kent de tafel");
    // A question that is not there is said, and the line with it kept for retyping.
    out = await juf.say("40: iets");
    expect(out).toContain("Die vraag is er niet");
    out = await juf.say("pauze");
    expect(out).toContain("Gepauzeerd");
    out = await juf.say("verder");
    expect(out).toContain("Otis kent de tafel");
    await juf.say("4: de tafel van 7 kennen");
    await juf.say(`9: ${typedDate(weekdayAhead(today, 21))}`);
    await juf.say("12: leest elke dag een bladzijde voor");
    out = await juf.say("klaar");
    expect(out).toMatch(/13\. Afspraak — wanneer \/ hoe vaak\?: —\n\s+⚠️/);
    await juf.say("13: elke dag na de lunch");
    out = await juf.say("klaar");
    expect(out).toContain("opgeslagen");
    const record = await held(juf.pupilId);
    expect(record?.goals.map((g) => g.goalText)).toEqual(["de tafel van 7 kennen"]);
    expect(record?.agreements.map((a) => a.whenText)).toEqual(["elke dag na de lunch"]);
  });

  it("asks once, at the start of a first conversation, and the step guide stays the default", async () => {
    const juf = await middenbouwTeacher();
    const out = await juf.say("gesprek Otis");
    expect(out).toContain("Stap 1/");
    expect(out).toContain("Kort werken");
    const staff = await t.db.staff.findUniqueOrThrow({ where: { id: juf.teacherId } });
    expect(staff.conversationMode).toBe("steps");
    await juf.say("stop");
    await juf.say("ja");
    expect(await juf.say("werkwijze")).toContain("Nu: stap voor stap");
    expect(await juf.say("gesprek Otis")).not.toContain("Kort werken");
    await juf.say("stop");
    // The English aliases, and the choice kept on the staff row (every instance reads it there).
    await juf.say("way of working short");
    expect((await t.db.staff.findUniqueOrThrow({ where: { id: juf.teacherId } })).conversationMode).toBe("short");
    await juf.say("way of working steps");
    expect((await t.db.staff.findUniqueOrThrow({ where: { id: juf.teacherId } })).conversationMode).toBe("steps");
  });
});

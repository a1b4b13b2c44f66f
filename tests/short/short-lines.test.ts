// Lines typed to the short way's numbered cards in the text channel (one line per message, as a
// chat sends it): a line without a number continues the box typed in last on this card (the reply
// says where), or waits for a box number when there is none yet; a numbered line into a box that
// holds text replaces it and says so, showing the old text. Nothing typed is lost, misplaced or doubled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDate } from "../../bot/domain/local-time.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { weekdayAhead } from "../support/dialog-driver.js";
import { middenbouwTeacher } from "./terminal-teacher.js";

let t: TestDatabase;
const today = localDate(new Date(), "Europe/Amsterdam");
const typedDate = (iso: string) => iso.split("-").reverse().join("-");

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

async function onTheCard(locale: "nl" | "en" = "nl") {
  const juf = await middenbouwTeacher(t.db, locale);
  await juf.say(locale === "nl" ? "werkwijze kort" : "way of working short");
  await juf.say(locale === "nl" ? "gesprek Otis" : "conversation Otis");
  return juf;
}

/** What the open dialog holds for a step (the session's answers as stored). */
async function stored(teacherId: string, stepId: string): Promise<Record<string, unknown>> {
  const session = await t.db.dialogSession.findFirstOrThrow({ where: { staffId: teacherId, status: "active" } });
  return (JSON.parse(session.answers) as Record<string, Record<string, unknown>>)[stepId] ?? {};
}

const held = (pupilId: string) => t.db.conversation.findFirst({ where: { pupilId, status: "held" }, include: { goals: true, agreements: true } });

describe(`lines typed to the short way's cards on ${testProvider()}`, () => {
  it("adds a line without a number to the box typed in last, and says where it went", async () => {
    const juf = await onTheCard();
    await juf.say("2: tafels van 7 en 8");
    const out = await juf.say("en stil blijven bij instructie");
    expect(out).toContain("Toegevoegd aan 2. Lastig");
    expect(out).toContain("2. Lastig (steekwoorden): tafels van 7 en 8 en stil blijven bij instructie");
    expect(out).toContain("3. Doel, in de woorden van de leerling: —");
    expect(await stored(juf.teacherId, "kaart")).toEqual({ hard: "tafels van 7 en 8\nen stil blijven bij instructie" });
    // The goal box was empty: her goal goes in without a word about replacing.
    expect(await juf.say("3: ik wil de tafel van 7 leren")).not.toContain("Vervangen");
    expect(await stored(juf.teacherId, "kaart")).toEqual({
      hard: "tafels van 7 en 8\nen stil blijven bij instructie",
      goalWords: "ik wil de tafel van 7 leren",
    });
  });

  it("continues the last box, not the first empty one (4, then a line without a number)", async () => {
    const juf = await onTheCard();
    await juf.say("4: samen lezen");
    expect(await juf.say("ook klokkijken")).toContain("Toegevoegd aan 4. Afspraak");
    expect(await stored(juf.teacherId, "kaart")).toEqual({ agreementWords: "samen lezen\nook klokkijken" });
  });

  it("says what a numbered line replaced, showing the old text", async () => {
    const juf = await onTheCard();
    await juf.say("3: ik wil de tafel van 7 leren");
    const out = await juf.say("3: ik wil de tafels van 7 en 8 leren");
    expect(out).toContain("Vervangen");
    expect(out).toContain("ik wil de tafel van 7 leren");
    expect(await stored(juf.teacherId, "kaart")).toEqual({ goalWords: "ik wil de tafels van 7 en 8 leren" });
  });

  it("on the record card, a replaced or refused date shows as typed and 'klaar' does not pass a refused one", async () => {
    const juf = await onTheCard();
    await juf.say("3: ik wil de tafel van 6 kennen");
    await juf.say("4: oefent met flitskaarten");
    await juf.say("klaar");
    await juf.say("8: Otis zegt de tafel van 6 op");
    await juf.say("13: na de pauze");
    const first = weekdayAhead(today, 21);
    await juf.say(`9: ${typedDate(first)}`);
    // Replacing a date: the old one as the teacher writes it, and no "type the old words again".
    let out = await juf.say("9: 31-02");
    expect(out).toContain(`Vervangen in 9. Evaluatiedatum — er stond: “${typedDate(first)}”.`);
    expect(out).not.toContain("Wil je beide");
    // The refused date holds the card: nothing is stored in its place.
    out = await juf.say("klaar");
    expect(out).not.toContain("opgeslagen");
    expect(out).toContain("31-02");
    expect(await held(juf.pupilId)).toBeNull();
    const second = weekdayAhead(today, 28);
    await juf.say(`9: ${typedDate(second)}`);
    expect(await juf.say("klaar")).toContain("opgeslagen");
    expect((await held(juf.pupilId))?.goals.map((g) => g.evaluationDate)).toEqual([second]);
  });

  it("asks for the box of a first line without a number and keeps the line until it has one", async () => {
    const juf = await onTheCard();
    let out = await juf.say("leest graag strips");
    expect(out).toContain("Bij welk vakje hoort");
    expect(out).toContain("1. Gaat goed (steekwoorden): —");
    expect(out).toContain("leest graag strips");
    expect(await stored(juf.teacherId, "kaart")).toEqual({});
    // Kept through a pause, and "klaar" does not pass it by.
    await juf.say("pauze");
    expect(await juf.say("verder")).toContain("leest graag strips");
    out = await juf.say("klaar");
    expect(out).toContain("Gesprekskaart");
    expect(out).not.toContain("Vastleggen");
    expect(out).toContain("leest graag strips");
    out = await juf.say("1");
    expect(out).toContain("Toegevoegd aan 1. Gaat goed");
    expect(await stored(juf.teacherId, "kaart")).toEqual({ goesWell: "leest graag strips" });
    // The next line without a number continues that box.
    await juf.say("en tekent veel");
    expect(await stored(juf.teacherId, "kaart")).toEqual({ goesWell: "leest graag strips\nen tekent veel" });
  });

  it("applies the same rules on the record card", async () => {
    const juf = await onTheCard();
    await juf.say("3: ik wil de tafel van 6 kennen");
    await juf.say("klaar");
    await juf.say(`9: ${typedDate(weekdayAhead(today, 21))}`);
    await juf.say("8: Otis zegt de tafel van 6 op");
    expect(await juf.say("zonder fouten")).toContain("Toegevoegd aan 8. Hoe weten we");
    await juf.say("12: oefent elke dag");
    await juf.say("13: na de pauze");
    expect(await juf.say("12: oefent elke dag met flitskaarten")).toContain("Vervangen");
    expect(await juf.say("klaar")).toContain("opgeslagen");
    const record = await held(juf.pupilId);
    expect(record?.goals.map((g) => g.successCriteria)).toEqual(["Otis zegt de tafel van 6 op\nzonder fouten"]);
    expect(record?.agreements.map((a) => [a.what, a.whenText])).toEqual([["oefent elke dag met flitskaarten", "na de pauze"]]);
  });

  it("asks for the box after a choice, and gives a box asked anew with wijzig the next line", async () => {
    const juf = await onTheCard();
    await juf.say("3: ik wil de tafel van 6 kennen");
    await juf.say("klaar");
    await juf.say("1: 1");
    // Not added to "how did it go" (a choice): it waits for its box.
    let out = await juf.say("hij vertelde veel");
    expect(out).toContain("Bij welk vakje hoort “hij vertelde veel”?");
    expect(out).toContain("1. Hoe ging het gesprek?: Goed");
    out = await juf.say("7");
    expect(out).toContain("Toegevoegd aan 7. Mijn juf/meester helpt me door");
    expect((await stored(juf.teacherId, "record")).howItWent).toBe("good");
    expect(await juf.say("wijzig 4")).toContain("4. Straks wil ik kunnen/weten …: ik wil de tafel van 6 kennen\n   ✏️ Typ de nieuwe woorden");
    out = await juf.say("ik wil de tafel van 6 en 7 kennen");
    expect(out).toContain("Vervangen in 4.");
    expect(out).toContain("er stond: “ik wil de tafel van 6 kennen”");
    const record = await stored(juf.teacherId, "record");
    expect([record.goalText, record.helpTeacher]).toEqual(["ik wil de tafel van 6 en 7 kennen", "hij vertelde veel"]);
  });

  it("files a line that read as a command, once the teacher says it is her answer, like any line without a number", async () => {
    const juf = await onTheCard();
    await juf.say("2: tafels van 7");
    expect(await juf.say("overzicht")).toContain("Bedoel je");
    expect(await juf.say("nee")).toContain("Toegevoegd aan 2. Lastig");
    expect(await stored(juf.teacherId, "kaart")).toEqual({ hard: "tafels van 7\noverzicht" });
  });

  it("explains the numbered card on help, in Dutch and in English", async () => {
    const juf = await onTheCard();
    let out = await juf.say("help");
    expect(out).toContain("zonder nummer");
    expect(out).toContain("klaar");
    expect(out).not.toContain("overslaan");
    expect(out).not.toContain("wijzig");
    const en = await onTheCard("en");
    out = await en.say("help");
    expect(out).toContain("without a number");
    expect(out).toContain("done");
    expect(out).not.toContain("skip");
    expect(out).not.toContain("edit <");
  });
});

describe(`the record card follows the conversation card on ${testProvider()}`, () => {
  it("takes the card's new words after going back, where the teacher had not changed them", async () => {
    const juf = await onTheCard();
    await juf.say("3: ik wil de tafel van 6 kennen");
    await juf.say("4: oefent met flitskaarten");
    expect(await juf.say("klaar")).toContain("12. Afspraak — doet wat, en hoe?: oefent met flitskaarten");
    await juf.say("terug");
    await juf.say("4: elke dag 5 minuten tafelkaartjes oefenen met Boaz");
    let out = await juf.say("klaar");
    expect(out).toContain("12. Afspraak — doet wat, en hoe?: elke dag 5 minuten tafelkaartjes oefenen met Boaz");
    await juf.say("8: Otis zegt de tafel van 6 op");
    await juf.say(`9: ${typedDate(weekdayAhead(today, 21))}`);
    await juf.say("13: na de pauze");
    out = await juf.say("klaar");
    expect(out).toContain("opgeslagen");
    const record = await held(juf.pupilId);
    expect(record?.agreements.map((a) => a.what)).toEqual(["elke dag 5 minuten tafelkaartjes oefenen met Boaz"]);
    expect(record?.goals.map((g) => g.goalText)).toEqual(["ik wil de tafel van 6 kennen"]);
  });

  it("follows the card also after a record card that was refused, and keeps what the teacher typed there", async () => {
    const juf = await onTheCard();
    await juf.say("3: ik wil de tafel van 6 kennen");
    await juf.say("4: oefent met flitskaarten");
    await juf.say("klaar");
    // Refused (no success criteria, no when): the record card's answers are stored as they stand.
    await juf.say("klaar");
    await juf.say("8: Otis zegt de tafel van 6 op");
    await juf.say("terug");
    await juf.say("3: ik wil de tafel van 7 kennen");
    await juf.say("4: oefent elke dag");
    const out = await juf.say("klaar");
    expect(out).toContain("4. Straks wil ik kunnen/weten …: ik wil de tafel van 7 kennen");
    expect(out).toContain("12. Afspraak — doet wat, en hoe?: oefent elke dag");
    expect(out).toContain("Otis zegt de tafel van 6 op");
    // Changed on the record card: it stays as she typed it, whatever the card says later.
    await juf.say("12: oefent elke dag met Boaz");
    await juf.say("terug");
    await juf.say("4: iets anders");
    expect(await juf.say("klaar")).toContain("12. Afspraak — doet wat, en hoe?: oefent elke dag met Boaz");
  });
});

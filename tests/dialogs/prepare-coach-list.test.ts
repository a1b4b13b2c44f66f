// The question coach's step after the planned questions. Typed one message at a time, a teacher's
// second question lands here: it once took the place of the first without a word (a teacher's
// try-out, twice). Now one line is added, unless it is the coach's own proposal for a question
// (which then replaces that question); a list of several lines replaces them all. The step lists
// the questions as they stand, and the confirmation lists what was kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { DialogEngine, type EngineResult } from "../../dialogs/engine/engine.js";
import { FLOWS, PREPARE } from "../../dialogs/flows/index.js";
import { renderStepText } from "../../dialogs/render/text.js";
import type { StepView } from "../../dialogs/engine/types.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { autoValues } from "../support/dialog-driver.js";

const NOW = new Date("2026-11-23T09:00:00Z"); // a Monday
const TODAY = "2026-11-23";
let t: TestDatabase;
let teacher: Actor;
let pupilId: string;
let engine: DialogEngine;

const stepOf = (r: EngineResult | null): StepView => {
  if (r?.kind !== "step") throw new Error(`expected a step, got ${r?.kind}`);
  return r.view;
};

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db);
  const group = await makeGroup(t.db, school.id, "groep 5", "middenbouw");
  pupilId = (await makePupil(t.db, school.id, group.id, "Finn")).id;
  teacher = await loadActor(t.db, (await makeStaff(t.db, school.id, { groups: [group.id] })).id);
  engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
});
afterAll(async () => t?.destroy());

/** A preparation typed up to the coach step, with one planned question. */
async function atCoach(question: string): Promise<StepView> {
  let view = stepOf(await engine.start(teacher, PREPARE, { pupilId, groupId: null, conversationId: null, formatKey: null, formatVersion: null }));
  while (view.stepId !== "questions") {
    view = stepOf(
      await engine.submit(teacher, {
        sessionId: view.sessionId,
        stepId: view.stepId,
        version: view.version,
        action: "submit",
        values: autoValues(view, TODAY),
      }),
    );
  }
  return stepOf(await engine.answerText(teacher, question));
}

async function storedQuestions(): Promise<string[]> {
  const conversation = await t.db.conversation.findFirstOrThrow({ where: { pupilId }, orderBy: { createdAt: "desc" } });
  return JSON.parse(conversation.preparation ?? "{}").plannedQuestions;
}

describe(`the question coach's rewrite on ${testProvider()}`, () => {
  it("lists the questions as they stand and says what a line and a list do", async () => {
    const coach = await atCoach("Vind je rekenen leuk?");
    expect(coach.stepId).toBe("coach");
    const prompt = renderStepText(coach);
    expect(prompt).toContain("Je vragen nu:\n• Vind je rekenen leuk?");
    expect(prompt).toContain("Nog een vraag? Typ hem hier: hij komt erbij.");
    expect((await engine.answerText(teacher, "-"))?.kind).toBe("completed");
    expect(await storedQuestions()).toEqual(["Vind je rekenen leuk?"]);
  });

  it("keeps the planned questions with '-', and replaces them with what is written", async () => {
    await atCoach("Wat gaat goed in de klas?");
    expect((await engine.answerText(teacher, "-"))?.kind).toBe("completed");
    expect(await storedQuestions()).toEqual(["Wat gaat goed in de klas?"]);

    // The coach's proposal for the closed question takes its place.
    await atCoach("Vind je rekenen leuk?");
    expect((await engine.answerText(teacher, "Wat vind je van rekenen?"))?.kind).toBe("completed");
    expect(await storedQuestions()).toEqual(["Wat vind je van rekenen?"]);
  });

  it("adds a second question typed as a message of its own, and a list replaces them all", async () => {
    await atCoach("Vind je het fijn in de klas?");
    const saved = await engine.answerText(teacher, "Wat ging er goed deze week?");
    if (saved?.kind !== "completed") throw new Error(saved?.kind);
    expect(await storedQuestions()).toEqual(["Vind je het fijn in de klas?", "Wat ging er goed deze week?"]);
    expect(saved.completion.text).toContain("Je vragen:\n• Vind je het fijn in de klas?\n• Wat ging er goed deze week?");

    await atCoach("Vind je rekenen leuk?");
    expect((await engine.answerText(teacher, "- Wat vind je van rekenen?\n- Wanneer lukt het goed?"))?.kind).toBe("completed");
    expect(await storedQuestions()).toEqual(["Wat vind je van rekenen?", "Wanneer lukt het goed?"]);
  });
});

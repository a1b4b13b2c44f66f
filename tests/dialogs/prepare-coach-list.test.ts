// The question coach's "write them again" replaces the planned questions. Typed one line at a time,
// a second question there silently took the place of the first (a teacher's try-out); the step now
// lists the questions as they stand and says that what is written replaces them.
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
  it("lists the questions it would replace and asks for the whole list", async () => {
    const coach = await atCoach("Vind je rekenen leuk?");
    expect(coach.stepId).toBe("coach");
    const prompt = renderStepText(coach);
    expect(prompt).toContain("Je vragen nu:\n• Vind je rekenen leuk?");
    expect(prompt).toContain("dit vervangt je vragen");
    expect((await engine.answerText(teacher, "-"))?.kind).toBe("completed");
    expect(await storedQuestions()).toEqual(["Vind je rekenen leuk?"]);
  });

  it("keeps the planned questions with '-', and replaces them with what is written", async () => {
    await atCoach("Wat gaat goed in de klas?");
    expect((await engine.answerText(teacher, "-"))?.kind).toBe("completed");
    expect(await storedQuestions()).toEqual(["Wat gaat goed in de klas?"]);

    await atCoach("Vind je rekenen leuk?");
    expect((await engine.answerText(teacher, "Wat vind je van rekenen?"))?.kind).toBe("completed");
    expect(await storedQuestions()).toEqual(["Wat vind je van rekenen?"]);
  });
});

// "overslaan" on a step the teacher already half answered, one question at a time: what she typed
// is kept and stored, never thrown away with the step. Found by a teacher's try-out: the last help
// question of a goal skipped, and the teacher's and parents' help typed before it were lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { DialogEngine, type EngineResult } from "../../dialogs/engine/engine.js";
import type { Answers, DialogFlow } from "../../dialogs/engine/flow.js";
import { field } from "../../dialogs/flows/field.js";
import { localized } from "../../bot/i18n/translate.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";

const NOW = new Date("2026-11-23T09:00:00Z");
const label = localized("dialog.note");
let t: TestDatabase;
let teacher: Actor;
let pupilId: string;
let engine: DialogEngine;
const completed: Answers[] = [];

// Two steps: "help" (skippable, three optional questions, or one required and two optional) and "end".
function flowWith(firstRequired: boolean): DialogFlow {
  return {
    kind: "note",
    async load() {
      return {
        title: "test",
        steps: () => [
          {
            id: "help",
            title: label,
            skippable: true,
            fields: [
              field({ id: "teacher", kind: "longText", label }),
              field({ id: "parents", kind: "longText", label }),
              field({ id: "others", kind: "longText", label, required: firstRequired }),
            ],
          },
          { id: "end", title: label, fields: [field({ id: "done", kind: "shortText", label, required: true })] },
        ],
      };
    },
    async complete(_ctx, _subject, answers) {
      completed.push(answers);
      return { text: "klaar" };
    },
  };
}

const subject = () => ({ pupilId, groupId: null, conversationId: null, formatKey: null, formatVersion: null });
const stepId = (r: EngineResult | null) => (r?.kind === "step" ? r.view.stepId : r?.kind);
const stored = async (sessionId: string) => {
  const row = await t.db.dialogSession.findUniqueOrThrow({ where: { id: sessionId } });
  return { answers: JSON.parse(row.answers), rawInputs: JSON.parse(row.rawInputs) };
};

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db);
  const group = await makeGroup(t.db, school.id, "groep 5", "middenbouw");
  pupilId = (await makePupil(t.db, school.id, group.id, "Finn")).id;
  teacher = await loadActor(t.db, (await makeStaff(t.db, school.id, { groups: [group.id] })).id);
});
afterAll(async () => t?.destroy());

describe(`skipping a half-answered step on ${testProvider()}`, () => {
  it("keeps the answers typed before 'overslaan' and stores them with the step", async () => {
    engine = new DialogEngine({ db: t.db, flows: { note: flowWith(false) }, clock: () => NOW });
    const start = await engine.start(teacher, "note", subject());
    if (start.kind !== "step") throw new Error("no step");
    await engine.answerText(teacher, "Juf helpt door dictee te oefenen");
    await engine.answerText(teacher, "Mama oefent thuis");
    const skipped = await engine.answerText(teacher, "overslaan");
    expect(stepId(skipped)).toBe("end");
    const { answers } = await stored(start.sessionId);
    expect(answers.help).toEqual({ teacher: "Juf helpt door dictee te oefenen", parents: "Mama oefent thuis", others: "" });

    const done = await engine.answerText(teacher, "ja");
    expect(done?.kind).toBe("completed");
    expect(completed.at(-1)?.help).toEqual({ teacher: "Juf helpt door dictee te oefenen", parents: "Mama oefent thuis", others: "" });
  });

  it("still skips a step nothing was answered in, recording no answers", async () => {
    engine = new DialogEngine({ db: t.db, flows: { note: flowWith(false) }, clock: () => NOW });
    const start = await engine.start(teacher, "note", subject());
    if (start.kind !== "step") throw new Error("no step");
    expect(stepId(await engine.answerText(teacher, "overslaan"))).toBe("end");
    expect((await stored(start.sessionId)).answers.help).toEqual({ __skipped: true });
    await engine.answerText(teacher, "stop");
    await engine.answerText(teacher, "ja");
  });

  it("does not skip a half-answered step whose required question is still open: it says so and keeps the answers", async () => {
    engine = new DialogEngine({ db: t.db, flows: { note: flowWith(true) }, clock: () => NOW });
    const start = await engine.start(teacher, "note", subject());
    if (start.kind !== "step") throw new Error("no step");
    await engine.answerText(teacher, "Juf helpt");
    const refused = await engine.answerText(teacher, "overslaan");
    expect(stepId(refused)).toBe("help");
    if (refused?.kind !== "step") throw new Error("no step");
    expect(refused.view.errors.join(" ")).toContain("Overslaan zou weggooien");
    expect((await stored(start.sessionId)).answers.help).toEqual({ teacher: "Juf helpt" });
    await engine.answerText(teacher, "stop");
    await engine.answerText(teacher, "ja");
  });

  it("does not skip a step whose refused answer waits to be typed again", async () => {
    engine = new DialogEngine({ db: t.db, flows: { note: flowWith(false) }, clock: () => NOW });
    const start = await engine.start(teacher, "note", subject());
    if (start.kind !== "step") throw new Error("no step");
    await engine.answerText(teacher, "Juf helpt");
    await engine.answerText(teacher, "x".repeat(3001)); // over the long-text limit: refused, kept as typed
    expect(stepId(await engine.answerText(teacher, "overslaan"))).toBe("help");
    const { answers, rawInputs } = await stored(start.sessionId);
    expect(answers.help).toEqual({ teacher: "Juf helpt" });
    expect(rawInputs.help.parents).toHaveLength(3001);
    await engine.answerText(teacher, "stop");
    await engine.answerText(teacher, "ja");
  });

  it("does not store the defaults a card sends with its skip button", async () => {
    engine = new DialogEngine({ db: t.db, flows: { note: flowWith(false) }, clock: () => NOW });
    const start = await engine.start(teacher, "note", subject());
    if (start.kind !== "step") throw new Error("no step");
    const view = start.view;
    const skipped = await engine.submit(teacher, {
      sessionId: view.sessionId,
      stepId: view.stepId,
      version: view.version,
      action: "skip",
      values: { teacher: "op de kaart getypt" },
    });
    expect(stepId(skipped)).toBe("end");
    const { answers, rawInputs } = await stored(start.sessionId);
    expect(answers.help).toEqual({ __skipped: true });
    expect(rawInputs.help).toEqual({ teacher: "op de kaart getypt" });
    // Not stored, and not lost unseen either: the confirmation hands it back.
    const done = await engine.answerText(teacher, "ja");
    if (done?.kind !== "completed") throw new Error(`expected completion, got ${done?.kind}`);
    expect(done.completion.text).toContain("niet opgeslagen");
    expect(done.completion.text).toContain("• op de kaart getypt");
    expect(completed.at(-1)?.help).toEqual({ __skipped: true });
  });
});

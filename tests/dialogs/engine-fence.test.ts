// The engine's guards, each as a teacher would meet it (issue 18 found each removable without a
// failing test): a colleague cannot resume my dialog, an old card for the current step changes
// nothing, a doubled last submission stores once, and a finished dialog stays finished.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { DialogEngine, type EngineResult } from "../../dialogs/engine/engine.js";
import { FLOWS } from "../../dialogs/flows/index.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";

const NOW = new Date("2026-11-23T09:00:00Z");
let t: TestDatabase;
let juf: Actor;
let duo: Actor;
let engine: DialogEngine;
let pupilId: string;
const subject = () => ({ pupilId, groupId: null, conversationId: null, formatKey: null, formatVersion: null });
const stepOf = (r: EngineResult) => {
  if (r.kind !== "step") throw new Error(`expected a step, got ${r.kind}`);
  return r.view;
};

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db);
  const group = await makeGroup(t.db, school.id, "groep 5", "middenbouw");
  pupilId = (await makePupil(t.db, school.id, group.id, "Sam")).id;
  juf = await loadActor(t.db, (await makeStaff(t.db, school.id, { groups: [group.id] })).id);
  duo = await loadActor(t.db, (await makeStaff(t.db, school.id, { groups: [group.id] })).id);
  engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
});
afterAll(async () => t?.destroy());

describe(`the engine's guards on ${testProvider()}`, () => {
  it("a duo-partner cannot resume or answer my open dialog, even with its id", async () => {
    const view = stepOf(await engine.start(juf, "note", subject()));
    expect((await engine.resume(duo, view.sessionId)).kind).toBe("refused");
    const answered = await engine.submit(duo, {
      sessionId: view.sessionId,
      stepId: view.stepId,
      version: view.version,
      action: "submit",
      values: { text: "van de ander" },
    });
    expect(answered.kind).toBe("refused");
    expect(await t.db.note.count({ where: { text: "van de ander" } })).toBe(0);
    await engine.abandonActive(juf);
  });

  it("a doubled last submission stores the note once, and the dialog is finished after it", async () => {
    const view = stepOf(await engine.start(juf, "note", subject()));
    const card = {
      sessionId: view.sessionId,
      stepId: view.stepId,
      version: view.version,
      action: "submit" as const,
      values: { text: "Sam vertelde over zijn hut", goal: "", text__share: "false" },
    };
    const [first, second] = [await engine.submit(juf, card), await engine.submit(juf, card)];
    expect(first.kind).toBe("completed");
    expect(second.kind).toBe("stale");
    expect(await t.db.note.count({ where: { text: "Sam vertelde over zijn hut" } })).toBe(1);
    expect((await t.db.dialogSession.findUniqueOrThrow({ where: { id: view.sessionId } })).status).toBe("completed");
    expect(await engine.activeSession(juf)).toBeNull();
  });

  it("an old card of the current step (an earlier version) changes nothing", async () => {
    const first = stepOf(await engine.start(juf, "prepare", subject()));
    // Typing an answer moves the version on while the step stays the same card.
    const typed = await engine.answerText(juf, "x-niet-een-optie");
    const now = stepOf(typed!);
    expect(now.stepId).toBe(first.stepId);
    expect(now.version).toBeGreaterThan(first.version);
    const before = (await t.db.dialogSession.findUniqueOrThrow({ where: { id: first.sessionId } })).answers;
    const stale = await engine.submit(juf, { sessionId: first.sessionId, stepId: first.stepId, version: first.version, action: "submit", values: {} });
    expect(stale.kind).toBe("stale");
    expect((await t.db.dialogSession.findUniqueOrThrow({ where: { id: first.sessionId } })).answers).toBe(before);
    await engine.abandonActive(juf);
  });
});

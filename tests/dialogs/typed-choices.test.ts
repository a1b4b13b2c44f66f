// Typed answers to a choice question land on the option the teacher meant: "nee" to "Heeft de
// leerling zich voorbereid?" is "Nog niet", not "Niet nodig" (whose English label holds "nee").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { DialogEngine, type EngineResult } from "../../dialogs/engine/engine.js";
import { FLOWS } from "../../dialogs/flows/index.js";
import { testProvider, type TestDatabase } from "../support/test-db.js";
import { oneClass } from "../support/one-class.js";
import { autoValues } from "../support/dialog-driver.js";

const NOW = new Date("2026-11-23T09:00:00Z");
const TODAY = "2026-11-23";
let t: TestDatabase;
let teacher: Actor;
let engine: DialogEngine;
let pupilId: string;

beforeAll(async () => {
  const world = await oneClass({ teachers: ["juf.keuze@test.example"] });
  ({ t, pupilId } = world);
  teacher = await loadActor(t.db, world.staffIds[0]!);
  engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
});
afterAll(async () => t?.destroy());

async function toReadyStep(): Promise<EngineResult> {
  let r = await engine.start(teacher, "prepare", { pupilId, groupId: null, conversationId: null, formatKey: null, formatVersion: null });
  while (r.kind === "step" && r.view.stepId !== "ready") {
    const v = r.view;
    r = await engine.submit(teacher, { sessionId: v.sessionId, stepId: v.stepId, version: v.version, action: "submit", values: autoValues(v, TODAY) });
  }
  return r;
}

describe(`typed answers to a choice on ${testProvider()}`, () => {
  for (const [typed, stored] of [
    ["nee", "not_yet"],
    ["niet nodig", "not_needed"],
    ["no", "not_yet"],
    ["3", "not_yet"],
  ] as const) {
    it(`"${typed}" is stored as ${stored}`, async () => {
      const ready = await toReadyStep();
      if (ready.kind !== "step") throw new Error(ready.kind);
      await engine.answerText(teacher, "ja"); // does the pupil know why, where, when and how long?
      await engine.answerText(teacher, typed);
      const session = await t.db.dialogSession.findUniqueOrThrow({ where: { id: ready.view.sessionId } });
      expect(JSON.parse(session.answers).ready?.prepared).toBe(stored);
      await engine.abandonActive(teacher);
    });
  }
});

// A goal's new evaluation date ("later", "extend") goes through the one school-date rule, in the
// dialog and again in the evaluations service: a school day after today on which the goal's
// evaluator works. The dialog's suggestion passes the same rule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { inTransaction } from "../../bot/db/transaction.js";
import { ErrorCode } from "../../bot/errors.js";
import { goalToken, recordEvaluation, type EvaluationInput } from "../../bot/services/evaluations.js";
import { DialogEngine, type EngineResult } from "../../dialogs/engine/engine.js";
import { EVALUATE, FLOWS } from "../../dialogs/flows/index.js";
import type { StepView } from "../../dialogs/engine/types.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { makeHeldGoal } from "./fixtures.js";

const NOW = new Date("2026-11-23T09:00:00Z"); // Monday
const TODAY = "2026-11-23";
let t: TestDatabase;
let engine: DialogEngine;
let teacher: Actor; // works Monday–Wednesday
let duoId: string; // "Bo Duo", works Thursday–Friday: the goals' evaluator
let schoolId: string;
let groupId: string;

const stepOf = (r: EngineResult): StepView => {
  if (r.kind !== "step") throw new Error(`expected a step, got ${r.kind}`);
  return r.view;
};
const submit = (view: StepView, values: Record<string, unknown>) =>
  engine.submit(teacher, { sessionId: view.sessionId, stepId: view.stepId, version: view.version, action: "submit", values });
const startEvaluation = async (pupilId: string, goal: { id: string; evaluationDate: string | null }) =>
  stepOf(
    await engine.start(
      teacher,
      EVALUATE,
      { pupilId, groupId: null, conversationId: null, formatKey: null, formatVersion: null },
      { goal: { goal: goalToken(goal) } },
    ),
  );
const newDateOf = (view: StepView) => view.fields.find((f) => f.id === "newDate")!;

async function goalOfDuo(name: string) {
  const pupil = await makePupil(t.db, schoolId, groupId, name);
  const { goal } = await makeHeldGoal(t.db, { schoolId, pupilId: pupil.id, createdById: teacher.staffId, evaluatorId: duoId });
  return { pupil, goal };
}

beforeAll(async () => {
  t = await createTestDatabase();
  schoolId = (await makeSchool(t.db)).id;
  await t.db.schoolClosure.create({ data: { schoolId, kind: "holiday", name: "Kerstvakantie", startDate: "2026-12-19", endDate: "2027-01-03" } });
  groupId = (await makeGroup(t.db, schoolId, "groep 5")).id;
  const me = await makeStaff(t.db, schoolId, { groups: [groupId] });
  const duo = await makeStaff(t.db, schoolId, { groups: [groupId] });
  await t.db.staff.update({ where: { id: duo.id }, data: { displayName: "Bo Duo" } });
  await t.db.groupTeacher.updateMany({ where: { staffId: me.id }, data: { workingDays: "1,2,3" } });
  await t.db.groupTeacher.updateMany({ where: { staffId: duo.id }, data: { workingDays: "4,5" } });
  teacher = await loadActor(t.db, me.id);
  duoId = duo.id;
  engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
});
afterAll(async () => t?.destroy());

describe(`evaluating "later" on ${testProvider()}`, () => {
  it("suggests a day the evaluator works, refuses a Saturday, the Kerstvakantie and their day off, and accepts a school day", async () => {
    const { pupil, goal } = await goalOfDuo("Sam");
    const outcome = await startEvaluation(pupil.id, goal);
    const later = stepOf(await submit(outcome, { outcome: "later", note: "Nog even oefenen" }));
    expect(later.stepId).toBe("later");
    // Two weeks ahead is Monday 7 December; Bo works Thursday and Friday.
    expect(newDateOf(later)).toMatchObject({ value: "2026-12-10", isDefault: true });

    const saturday = stepOf(await submit(later, { newDate: "28-11-2026" }));
    expect(saturday.stepId).toBe("later");
    expect(newDateOf(saturday).error).toBe("Zaterdag 28 november 2026 is geen schooldag: het is weekend. Kies bijvoorbeeld donderdag 3 december 2026.");
    expect(newDateOf(saturday).value).toBe("2026-11-28");
    const holiday = stepOf(await submit(saturday, { newDate: "2026-12-22" }));
    expect(newDateOf(holiday).error).toBe("Dinsdag 22 december 2026 is geen schooldag: Kerstvakantie. Kies bijvoorbeeld donderdag 7 januari 2027.");
    const dayOff = stepOf(await submit(holiday, { newDate: "2026-12-08" }));
    expect(newDateOf(dayOff).error).toBe("Bo Duo werkt niet op dinsdag 8 december 2026 (werkdagen: do, vr). Kies bijvoorbeeld donderdag 10 december 2026.");
    const past = stepOf(await submit(dayOff, { newDate: "2026-11-20" }));
    expect(newDateOf(past).error).toBe("De datum moet na vandaag liggen. Kies bijvoorbeeld donderdag 26 november 2026.");

    const done = await submit(past, { newDate: "2026-12-11" });
    expect(done.kind).toBe("completed");
    expect(await t.db.goal.findUniqueOrThrow({ where: { id: goal.id } })).toMatchObject({ status: "open", evaluationDate: "2026-12-11" });
  });

  it("applies the same rule to 'extend'", async () => {
    const { pupil, goal } = await goalOfDuo("Noor");
    const outcome = await startEvaluation(pupil.id, goal);
    const next = stepOf(await submit(outcome, { outcome: "partly", note: "" }));
    const extend = stepOf(await submit(next, { nextStep: "extend" }));
    expect(extend.stepId).toBe("extend");
    const refused = stepOf(await submit(extend, { newDate: "2026-12-23" }));
    expect(newDateOf(refused).error).toMatch(/Kerstvakantie\. Kies bijvoorbeeld donderdag 7 januari 2027\.$/);
    expect((await submit(refused, { newDate: "2027-01-07" })).kind).toBe("completed");
  });

  it("is refused by the service too, by the same rule, and nothing is stored", async () => {
    const { goal } = await goalOfDuo("Daan");
    const answer = (input: EvaluationInput) => inTransaction(t.db, (tx) => recordEvaluation(tx, teacher, input, TODAY, NOW));
    const token = goalToken(goal);
    for (const [newDate, problem] of [
      ["2026-11-28", "weekend"],
      ["2026-12-22", "closure"],
      ["2026-12-08", "notWorking"],
      [TODAY, "notAfterToday"],
    ] as const) {
      await expect(answer({ token, outcome: "later", newDate })).rejects.toMatchObject({
        code: ErrorCode.ValidationFailed,
        details: { newDate: problem },
      });
    }
    expect(await t.db.evaluation.count({ where: { goalId: goal.id } })).toBe(0);
    expect(await answer({ token, outcome: "later", newDate: "2026-12-10" })).toMatchObject({ kind: "saved", newDate: "2026-12-10" });
  });
});

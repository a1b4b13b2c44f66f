// The evaluations service on a real database: every outcome and next step, who may answer
// (evaluator, duo-partner, IB'er; not a stranger or another school), stale and concurrent
// answers, school dates for "later", and the policy rule itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { canEvaluateGoal } from "../../bot/auth/policy.js";
import { inTransaction } from "../../bot/db/transaction.js";
import { ErrorCode } from "../../bot/errors.js";
import {
  CELEBRATION_COUNT,
  celebrationText,
  findGoalForEvaluation,
  goalStatusAfter,
  evaluationDateRule,
  goalToken,
  loadEvaluablePupil,
  proposedEvaluationDate,
  recordEvaluation,
  type EvaluationInput,
} from "../../bot/services/evaluations.js";
import { loadSchoolCalendar } from "../../bot/services/school-calendar.js";
import { checkSchoolDate } from "../../bot/domain/school-day-rule.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { makeHeldGoal } from "./fixtures.js";

const NOW = new Date("2026-11-23T09:00:00Z"); // Monday
const TODAY = "2026-11-23";
let t: TestDatabase;
const a = {} as Record<"teacher" | "duo" | "stranger" | "ib" | "admin" | "foreign" | "movedEvaluator", Actor>;
let schoolId: string;
let pupilId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db);
  schoolId = school.id;
  await t.db.schoolClosure.create({ data: { schoolId, kind: "holiday", name: "Kerstvakantie", startDate: "2026-12-19", endDate: "2027-01-03" } });
  const group = await makeGroup(t.db, school.id, "groep 5");
  const otherGroup = await makeGroup(t.db, school.id, "groep 8", "bovenbouw");
  pupilId = (await makePupil(t.db, school.id, group.id, "Sam")).id;
  const other = await makeSchool(t.db);
  const load = async (s: { id: string }) => loadActor(t.db, s.id);
  a.teacher = await load(await makeStaff(t.db, school.id, { groups: [group.id] }));
  a.duo = await load(await makeStaff(t.db, school.id, { groups: [group.id] }));
  a.stranger = await load(await makeStaff(t.db, school.id, { groups: [otherGroup.id] }));
  a.movedEvaluator = await load(await makeStaff(t.db, school.id, { groups: [otherGroup.id] }));
  a.ib = await load(await makeStaff(t.db, school.id, { roles: [{ role: "ib" }], supports: [pupilId] }));
  a.admin = await load(await makeStaff(t.db, school.id, { roles: [{ role: "admin" }, { role: "content_reader" }] }));
  a.foreign = await load(await makeStaff(t.db, other.id, { roles: [{ role: "teacher" }, { role: "admin" }] }));
});
afterAll(async () => t?.destroy());

const newGoal = (spec: { evaluatorId?: string | null; evaluationDate?: string | null } = {}) =>
  makeHeldGoal(t.db, { schoolId, pupilId, createdById: a.teacher.staffId, ...spec });

const answer = (actor: Actor, input: EvaluationInput) => inTransaction(t.db, (tx) => recordEvaluation(tx, actor, input, TODAY, NOW));

const expectCode = async (promise: Promise<unknown>, code: string) => {
  await expect(promise).rejects.toMatchObject({ code });
};

describe(`goal evaluations on ${testProvider()}`, () => {
  const cases: Array<{ outcome: EvaluationInput["outcome"]; nextStep: "new_goal" | "extend" | "stop" | null; status: string; moves: boolean }> = [
    { outcome: "reached", nextStep: "new_goal", status: "reached", moves: false },
    { outcome: "reached", nextStep: "stop", status: "reached", moves: false },
    { outcome: "reached", nextStep: "extend", status: "open", moves: true },
    { outcome: "partly", nextStep: "extend", status: "open", moves: true },
    { outcome: "partly", nextStep: "new_goal", status: "partly", moves: false },
    { outcome: "partly", nextStep: "stop", status: "stopped", moves: false },
    { outcome: "not_reached", nextStep: "new_goal", status: "not_reached", moves: false },
    { outcome: "not_reached", nextStep: "stop", status: "stopped", moves: false },
    { outcome: "later", nextStep: null, status: "open", moves: true },
  ];
  for (const c of cases) {
    it(`stores ${c.outcome}${c.nextStep ? ` + ${c.nextStep}` : ""} as an Evaluation and sets the goal ${c.status}`, async () => {
      const { goal, conversation } = await newGoal();
      const newDate = c.moves ? "2026-12-07" : null;
      const result = await answer(a.teacher, {
        token: goalToken(goal),
        outcome: c.outcome,
        note: "ging goed",
        shareWithParents: true,
        nextStep: c.nextStep,
        newDate,
      });
      expect(result).toMatchObject({ kind: "saved", goalStatus: c.status, outcome: c.outcome, newDate });
      const stored = await t.db.goal.findUniqueOrThrow({ where: { id: goal.id }, include: { evaluations: true } });
      expect(stored.status).toBe(c.status);
      expect(stored.evaluationDate).toBe(c.moves ? "2026-12-07" : "2026-11-23");
      expect(stored.evaluations).toHaveLength(1);
      expect(stored.evaluations[0]).toMatchObject({
        outcome: c.outcome,
        note: "ging goed",
        nextStep: c.nextStep,
        shareWithParents: true,
        evaluatedById: a.teacher.staffId,
      });
      expect(stored.evaluations[0]!.evaluatedAt.toISOString()).toBe(NOW.toISOString());
      // The conversation counts as evaluated once its last open goal is closed.
      const conv = await t.db.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
      expect(conv.status).toBe(c.status === "open" ? "held" : "evaluated");
      const audit = await t.db.auditEvent.findFirst({ where: { action: "create", entity: "evaluation", entityId: stored.evaluations[0]!.id } });
      expect(audit?.pupilId).toBe(pupilId);
    });
  }

  it("lets the duo-partner, the pupil's IB'er and a moved evaluator answer; refuses a stranger and another school", async () => {
    const forDuo = await newGoal();
    expect(await answer(a.duo, { token: goalToken(forDuo.goal), outcome: "partly", nextStep: "stop" })).toMatchObject({ kind: "saved" });
    const forIb = await newGoal();
    expect(await answer(a.ib, { token: goalToken(forIb.goal), outcome: "reached", nextStep: "stop" })).toMatchObject({ kind: "saved" });
    const named = await newGoal({ evaluatorId: a.movedEvaluator.staffId });
    expect((await findGoalForEvaluation(t.db, a.movedEvaluator, named.goal.id)).status).toBe("open");
    expect(await answer(a.movedEvaluator, { token: goalToken(named.goal), outcome: "reached", nextStep: "stop" })).toMatchObject({ kind: "saved" });

    const closed = await newGoal();
    await expectCode(answer(a.stranger, { token: goalToken(closed.goal), outcome: "reached", nextStep: "stop" }), ErrorCode.Forbidden);
    await expectCode(findGoalForEvaluation(t.db, a.stranger, closed.goal.id), ErrorCode.Forbidden);
    await expectCode(findGoalForEvaluation(t.db, a.admin, closed.goal.id), ErrorCode.Forbidden);
    await expectCode(loadEvaluablePupil(t.db, a.stranger, pupilId), ErrorCode.Forbidden);
    await expectCode(findGoalForEvaluation(t.db, a.foreign, closed.goal.id), ErrorCode.NotFound);
    await expectCode(answer(a.foreign, { token: goalToken(closed.goal), outcome: "reached", nextStep: "stop" }), ErrorCode.NotFound);
    expect(await t.db.evaluation.count({ where: { goalId: closed.goal.id } })).toBe(0);
    expect((await t.db.goal.findUniqueOrThrow({ where: { id: closed.goal.id } })).status).toBe("open");
    const refusals = await t.db.auditEvent.count({ where: { action: "refused", actorStaffId: a.stranger.staffId } });
    expect(refusals).toBeGreaterThanOrEqual(2);
  });

  it("only lists the goals a moved evaluator is named on", async () => {
    const fresh = await makePupil(t.db, schoolId, (await t.db.pupil.findUniqueOrThrow({ where: { id: pupilId } })).groupId, "Noor");
    const mine = await makeHeldGoal(t.db, { schoolId, pupilId: fresh.id, createdById: a.teacher.staffId, evaluatorId: a.movedEvaluator.staffId });
    await makeHeldGoal(t.db, { schoolId, pupilId: fresh.id, createdById: a.teacher.staffId, goalText: "Ik wil netter schrijven" });
    expect((await loadEvaluablePupil(t.db, a.movedEvaluator, fresh.id)).goals.map((g) => g.id)).toEqual([mine.goal.id]);
    expect((await loadEvaluablePupil(t.db, a.duo, fresh.id)).goals).toHaveLength(2);
  });

  it("refuses a stale answer: the goal was evaluated or rescheduled since the card was shown", async () => {
    const { goal } = await newGoal();
    const token = goalToken(goal);
    expect(await answer(a.teacher, { token, outcome: "later", newDate: "2026-12-07" })).toMatchObject({ kind: "saved" });
    // The duo-partner's card still carries the old date: nothing is stored.
    const stale = await answer(a.duo, { token, outcome: "reached", nextStep: "stop" });
    expect(stale).toMatchObject({ kind: "stale", status: "open", last: { outcome: "later" } });
    const moved = await t.db.goal.findUniqueOrThrow({ where: { id: goal.id } });
    expect(await answer(a.duo, { token: goalToken(moved), outcome: "reached", nextStep: "stop" })).toMatchObject({ kind: "saved" });
    const again = await answer(a.teacher, { token: goalToken(moved), outcome: "not_reached", nextStep: "stop" });
    expect(again.kind).toBe("stale");
    expect(await t.db.evaluation.count({ where: { goalId: goal.id } })).toBe(2);
    expect((await t.db.goal.findUniqueOrThrow({ where: { id: goal.id } })).status).toBe("reached");
  });

  it("stores exactly one of two simultaneous answers", async () => {
    const { goal } = await newGoal();
    const token = goalToken(goal);
    const results = await Promise.all([
      answer(a.teacher, { token, outcome: "reached", nextStep: "stop" }),
      answer(a.duo, { token, outcome: "not_reached", nextStep: "stop" }),
    ]);
    expect(results.map((r) => r.kind).sort()).toEqual(["saved", "stale"]);
    expect(await t.db.evaluation.count({ where: { goalId: goal.id } })).toBe(1);
  });

  it("accepts only a future school day as the new date", async () => {
    const calendar = await loadSchoolCalendar(t.db, schoolId);
    const check = (date: string) => {
      const result = checkSchoolDate(evaluationDateRule(calendar, TODAY), date);
      return result.ok ? "ok" : result.problem.kind;
    };
    expect(check("2026-11-23")).toBe("notAfterToday");
    expect(check("2026-11-28")).toBe("weekend"); // Saturday
    expect(check("2026-12-22")).toBe("closure"); // Christmas holiday
    expect(check("2026-12-08")).toBe("ok");
    expect(proposedEvaluationDate(calendar, TODAY)).toBe("2026-12-07");
    // Two weeks ahead falls in the holiday: the first school day after it.
    expect(proposedEvaluationDate(calendar, "2026-12-10")).toBe("2027-01-04");
    const { goal } = await newGoal();
    await expectCode(answer(a.teacher, { token: goalToken(goal), outcome: "later", newDate: "2026-11-28" }), ErrorCode.ValidationFailed);
    await expectCode(answer(a.teacher, { token: goalToken(goal), outcome: "partly", nextStep: "extend" }), ErrorCode.ValidationFailed);
    await expectCode(answer(a.teacher, { token: goalToken(goal), outcome: "reached" }), ErrorCode.ValidationFailed);
    expect(await t.db.evaluation.count({ where: { goalId: goal.id } })).toBe(0);
  });
});

describe("the evaluation rules", () => {
  const pupil = { id: "p1", schoolId: "s1", groupId: "g1" };
  const actor = (over: Partial<Actor>): Actor => ({
    kind: "staff",
    staffId: "me",
    schoolId: "s1",
    locale: "nl",
    timezone: "Europe/Amsterdam",
    roles: new Set(["teacher"]),
    leads: new Set(),
    groupIds: new Set(),
    archivedGroupIds: new Set(),
    supportedPupilIds: new Set(),
    ...over,
  });

  it("allows the group's teachers, the IB'er and the named evaluator, and nobody from another school", () => {
    expect(canEvaluateGoal(actor({ groupIds: new Set(["g1"]) }), pupil, { evaluatorId: "someone" })).toBe(true);
    expect(canEvaluateGoal(actor({ roles: new Set(["ib"]), supportedPupilIds: new Set(["p1"]) }), pupil, { evaluatorId: null })).toBe(true);
    expect(canEvaluateGoal(actor({}), pupil, { evaluatorId: "me" })).toBe(true);
    expect(canEvaluateGoal(actor({}), pupil, { evaluatorId: null })).toBe(false);
    expect(canEvaluateGoal(actor({ roles: new Set(["admin", "content_reader"]) }), pupil, { evaluatorId: "x" })).toBe(false);
    expect(canEvaluateGoal(actor({ schoolId: "s2", groupIds: new Set(["g1"]) }), pupil, { evaluatorId: "me" })).toBe(false);
  });

  it("maps outcome and next step to the goal's status", () => {
    expect(goalStatusAfter("later", null)).toBe("open");
    expect(goalStatusAfter("not_reached", "extend")).toBe("open");
    expect(goalStatusAfter("reached", "stop")).toBe("reached");
    expect(goalStatusAfter("partly", "stop")).toBe("stopped");
    expect(goalStatusAfter("not_reached", "new_goal")).toBe("not_reached");
  });

  it("celebrates in varied words, with the pupil's name, in both languages", () => {
    const seeds = Array.from({ length: 40 }, (_, i) => `evaluation-${i}`);
    for (const locale of ["nl", "en"] as const) {
      const texts = new Set(seeds.map((s) => celebrationText("Sam", locale, s)));
      expect(texts.size).toBe(CELEBRATION_COUNT);
      for (const text of texts) expect(text).toContain("Sam");
    }
    expect(celebrationText("Sam", "nl", "x")).not.toBe(celebrationText("Sam", "en", "x"));
  });
});

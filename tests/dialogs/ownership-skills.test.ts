// The ownership skills come from what the pupil did, never from which fields hold text: the rule
// itself (bot/domain/ownership-skills.ts), then the step guide, a second conversation's look back,
// the evaluation dialog and the leerlingbespreking through the engine, with what is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { deriveSkills, evaluationSkills, type SkillEvidence } from "../../bot/domain/ownership-skills.js";
import { goalToken } from "../../bot/services/evaluations.js";
import { DialogEngine, type EngineResult } from "../../dialogs/engine/engine.js";
import { CONVERSATION, EVALUATE, FLOWS } from "../../dialogs/flows/index.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { walkToEnd } from "../support/dialog-driver.js";

const NOW = new Date("2026-11-23T09:00:00Z");
const TODAY = "2026-11-23";
let t: TestDatabase;
let engine: DialogEngine;
let teacher: Actor;
let schoolId: string;
let groupId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  schoolId = (await makeSchool(t.db)).id;
  groupId = (await makeGroup(t.db, schoolId, "groep 6", "bovenbouw")).id;
  teacher = await loadActor(t.db, (await makeStaff(t.db, schoolId, { groups: [groupId] })).id);
  engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
});
afterAll(async () => t?.destroy());

const evidence = (over: Partial<SkillEvidence>): SkillEvidence => ({ subject: "pupil", goals: [], lookedBackBy: null, ...over });
const goal = (setBy: string | null, approachBy: string | null = null) => ({ setBy, approachBy }) as SkillEvidence["goals"][number];

describe("the rule", () => {
  it("counts an own goal when the pupil set it, alone or together, and not when the teacher did", () => {
    expect(deriveSkills(evidence({ goals: [goal("pupil")] }))).toEqual(["ownGoals"]);
    expect(deriveSkills(evidence({ goals: [goal("together")] }))).toEqual(["ownGoals"]);
    expect(deriveSkills(evidence({ goals: [goal("teacher")] }))).toEqual([]);
    expect(deriveSkills(evidence({ goals: [goal(null)] }))).toEqual([]);
  });

  it("counts self-instruction when the pupil chose the way, and self-evaluation only when the pupil judged the earlier goal themself", () => {
    expect(deriveSkills(evidence({ goals: [goal("teacher", "pupil")] }))).toEqual(["selfInstruction"]);
    expect(deriveSkills(evidence({ lookedBackBy: "pupil" }))).toEqual(["selfEvaluation", "selfMonitoring"]);
    expect(deriveSkills(evidence({ lookedBackBy: "together" }))).toEqual(["selfMonitoring"]);
    expect(deriveSkills(evidence({ lookedBackBy: "teacher" }))).toEqual([]);
    expect(evaluationSkills("pupil")).toEqual(["selfEvaluation"]);
    expect(evaluationSkills("together")).toEqual([]);
    expect(evaluationSkills(null)).toEqual([]);
  });

  it("yields nothing for a conversation without the pupil, whatever was tapped", () => {
    const everything = { goals: [goal("pupil", "pupil")], lookedBackBy: "pupil" as const };
    expect(deriveSkills(evidence({ ...everything, subject: "colleague" }))).toEqual([]);
    expect(deriveSkills(evidence({ ...everything, subject: "group" }))).toEqual([]);
  });
});

const subject = (pupilId: string, formatKey: string) => ({ pupilId, groupId: null, conversationId: null, formatKey, formatVersion: null });
const completedText = (r: EngineResult) => (r.kind === "completed" ? (r.completion.text ?? "") : `not completed: ${r.kind}`);
const heldOf = (pupilId: string, formatKey = "kindplan") =>
  t.db.conversation.findMany({
    where: { pupilId, formatKey, status: { in: ["held", "evaluated", "discussed"] } },
    include: { goals: true },
    orderBy: { heldAt: "asc" },
  });

/** Walks the kindplan's step guide to the end with the taps given for goal 1 (and the opening). */
async function holdKindplan(pupilId: string, goal1: Record<string, unknown>, opening: Record<string, unknown> = {}) {
  const started = await engine.start(teacher, CONVERSATION, subject(pupilId, "kindplan"));
  return walkToEnd(engine, teacher, started, TODAY, { goal1, opening });
}

describe(`through the engine on ${testProvider()}`, () => {
  it("stores who set the goal: the pupil's goal counts as an own goal", async () => {
    const pupil = await makePupil(t.db, schoolId, groupId, "Mila");
    const { result } = await holdKindplan(pupil.id, { setBy: "pupil", approachBy: "teacher" });
    expect(completedText(result)).toContain("Eigenaarschap in dit gesprek: eigen doelen stellen.");
    const [held] = await heldOf(pupil.id);
    expect(held!.goals.map((g) => [g.setBy, g.approachBy])).toEqual([["pupil", "teacher"]]);
    expect(JSON.parse(held!.skills)).toEqual(["ownGoals"]);
  });

  it("counts nothing for a kindplan filled in to the last box when the teacher set the goal and the way", async () => {
    const pupil = await makePupil(t.db, schoolId, groupId, "Daan");
    const { result, visited } = await holdKindplan(pupil.id, { setBy: "teacher", approachBy: "teacher" });
    expect(visited).toEqual(expect.arrayContaining(["goal1", "goal1help", "goal1check", "agreement1"]));
    expect(completedText(result)).toContain("Eigenaarschap in dit gesprek: geen.");
    const [held] = await heldOf(pupil.id);
    expect(held!.goals[0]).toMatchObject({ nowText: expect.any(String), ownPlan: expect.any(String), successCriteria: expect.any(String), setBy: "teacher" });
    expect(JSON.parse(held!.skills)).toEqual([]);
  });

  it("asks at the next conversation who looked back: the pupil judging last time's goal is self-evaluation", async () => {
    const pupil = await makePupil(t.db, schoolId, groupId, "Ravi");
    await holdKindplan(pupil.id, { setBy: "teacher", approachBy: "teacher" });
    const second = await holdKindplan(pupil.id, { setBy: "together", approachBy: "pupil" }, { lookedBackBy: "pupil" });
    expect(second.visited[0]).toBe("opening");
    const [, held] = await heldOf(pupil.id);
    expect(JSON.parse(held!.skills)).toEqual(["ownGoals", "selfEvaluation", "selfMonitoring", "selfInstruction"]);
  });

  it("asks the short way's record card who looked back, when there was a last time", async () => {
    const shortTeacher = await loadActor(t.db, (await makeStaff(t.db, schoolId, { groups: [groupId] })).id);
    await t.db.staff.update({ where: { id: shortTeacher.staffId }, data: { conversationMode: "short" } });
    const pupil = await makePupil(t.db, schoolId, groupId, "Sofie");
    const hold = async (record: Record<string, unknown>) =>
      walkToEnd(engine, shortTeacher, await engine.start(shortTeacher, CONVERSATION, subject(pupil.id, "kindplan")), TODAY, { record });
    const first = await hold({ setBy: "teacher", approachBy: "teacher" });
    expect(first.visited).toEqual(["kaart", "record"]);
    await hold({ setBy: "teacher", approachBy: "teacher", lookedBackBy: "together" });
    const [, second] = await heldOf(pupil.id);
    expect(JSON.parse(second!.skills)).toEqual(["selfMonitoring"]);
  });

  it("stores who judged an evaluation, and the pupil's own judgement is self-evaluation", async () => {
    const pupil = await makePupil(t.db, schoolId, groupId, "Fenna");
    await holdKindplan(pupil.id, { setBy: "pupil" });
    const [held] = await heldOf(pupil.id);
    const token = goalToken(held!.goals[0]!);
    const started = await engine.start(teacher, EVALUATE, subject(pupil.id, ""), { goal: { goal: token } });
    const { result } = await walkToEnd(engine, teacher, started, TODAY, { outcome: { outcome: "reached" }, next: { assessedBy: "pupil", nextStep: "stop" } });
    expect(completedText(result)).toContain("Eigenaarschap in dit gesprek: zelfevaluatie.");
    const evaluation = await t.db.evaluation.findFirstOrThrow({ where: { goalId: held!.goals[0]!.id } });
    expect(evaluation.assessedBy).toBe("pupil");
  });

  it("never asks the taps in a leerlingbespreking, and stores no ownership skills for it", async () => {
    const pupil = await makePupil(t.db, schoolId, groupId, "Jesse");
    const started = await engine.start(teacher, CONVERSATION, subject(pupil.id, "leerlingbespreking"));
    const seen: string[] = [];
    let result = started;
    // Every step's fields: none of them is a who-did-it tap.
    while (result.kind === "step") {
      seen.push(...result.view.fields.map((f) => f.id));
      const next = await walkToEnd(engine, teacher, result, TODAY, {}, 1);
      result = next.result;
    }
    expect(seen).toContain("goalText");
    expect(seen).not.toEqual(expect.arrayContaining(["setBy"]));
    expect(seen).not.toContain("approachBy");
    const [held] = await heldOf(pupil.id, "leerlingbespreking");
    expect(JSON.parse(held!.skills)).toEqual([]);
  });
});

// The one school-date rule at every place a teacher picks a date: a goal's evaluation date in a
// conversation (kindplan), a conversation planned by hand, the date in a preparation. A Saturday,
// a day in the Kerstvakantie and a day the evaluator does not work are refused with why and a
// proposed date that passes the same rule; a school day is accepted; what was picked stays.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { DialogEngine, type EngineResult } from "../../dialogs/engine/engine.js";
import { CONVERSATION, FLOWS, PREPARE } from "../../dialogs/flows/index.js";
import type { StepView } from "../../dialogs/engine/types.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { autoValues, walkToEnd } from "../support/dialog-driver.js";

const NOW = new Date("2026-11-23T09:00:00Z"); // Monday
const TODAY = "2026-11-23";
const SATURDAY = "2026-11-28";
const IN_KERSTVAKANTIE = "2026-12-22"; // Tuesday
let t: TestDatabase;
let engine: DialogEngine;
let teacher: Actor; // works Monday–Wednesday
let duoId: string; // "Bo Duo", works Thursday–Friday
let schoolId: string;
let groupId: string;

const base = { pupilId: null, groupId: null, conversationId: null, formatKey: null, formatVersion: null };
const stepOf = (r: EngineResult | null): StepView => {
  if (r?.kind !== "step") throw new Error(`expected a step, got ${r?.kind}`);
  return r.view;
};
const submit = (actor: Actor, view: StepView, values: Record<string, unknown>) =>
  engine.submit(actor, { sessionId: view.sessionId, stepId: view.stepId, version: view.version, action: "submit", values });
const errorOf = (view: StepView, fieldId: string) => view.fields.find((f) => f.id === fieldId)?.error;

/** Answers every step with ordinary values until the wanted step is shown. */
async function advanceTo(actor: Actor, result: EngineResult, stepId: string): Promise<StepView> {
  let view = stepOf(result);
  for (let i = 0; i < 30 && view.stepId !== stepId; i++) view = stepOf(await submit(actor, view, autoValues(view, TODAY)));
  expect(view.stepId).toBe(stepId);
  return view;
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

describe(`the evaluation date of a goal in a conversation on ${testProvider()}`, () => {
  async function goalCheck(name: string): Promise<{ pupilId: string; view: StepView }> {
    const pupilId = (await makePupil(t.db, schoolId, groupId, name)).id;
    const started = await engine.start(teacher, CONVERSATION, { ...base, pupilId, formatKey: "kindplan", formatVersion: 1 });
    return { pupilId, view: await advanceTo(teacher, started, "goal1check") };
  }
  const check = (evaluationDate: string, evaluator: string) => ({
    successCriteria: "Sam zegt de tafels foutloos op bij de juf",
    evaluationDate,
    evaluator,
    another: "false",
  });

  it("refuses a Saturday, the Kerstvakantie and the evaluator's day off, each with a proposal, and accepts a school day", async () => {
    const { pupilId, view } = await goalCheck("Sam");
    const saturday = stepOf(await submit(teacher, view, check(SATURDAY, teacher.staffId)));
    expect(saturday.stepId).toBe("goal1check");
    expect(errorOf(saturday, "evaluationDate")).toBe(
      "Zaterdag 28 november 2026 is geen schooldag: het is weekend. Kies bijvoorbeeld maandag 30 november 2026.",
    );
    // What was picked stays, with everything else on the step.
    expect(saturday.fields.find((f) => f.id === "evaluationDate")?.value).toBe(SATURDAY);
    expect(saturday.fields.find((f) => f.id === "successCriteria")?.value).toBe("Sam zegt de tafels foutloos op bij de juf");

    const holiday = stepOf(await submit(teacher, saturday, check(IN_KERSTVAKANTIE, teacher.staffId)));
    expect(errorOf(holiday, "evaluationDate")).toBe("Dinsdag 22 december 2026 is geen schooldag: Kerstvakantie. Kies bijvoorbeeld maandag 4 januari 2027.");
    // The duo-partner evaluates: their working days count, and so does the proposal.
    const dayOff = stepOf(await submit(teacher, holiday, check("2026-12-08", duoId)));
    expect(errorOf(dayOff, "evaluationDate")).toBe(
      "Bo Duo werkt niet op dinsdag 8 december 2026 (werkdagen: do, vr). Kies bijvoorbeeld donderdag 10 december 2026.",
    );
    const ownDayOff = stepOf(await submit(teacher, dayOff, check("2026-12-10", teacher.staffId)));
    expect(errorOf(ownDayOff, "evaluationDate")).toBe(
      "Je werkt niet op donderdag 10 december 2026 (je werkdagen: ma, di, wo). Kies bijvoorbeeld maandag 14 december 2026.",
    );
    const inHolidayForDuo = stepOf(await submit(teacher, ownDayOff, check(IN_KERSTVAKANTIE, duoId)));
    expect(errorOf(inHolidayForDuo, "evaluationDate")).toMatch(/Kerstvakantie\. Kies bijvoorbeeld donderdag 7 januari 2027\.$/);

    const accepted = await submit(teacher, inHolidayForDuo, check("2026-12-10", duoId));
    expect(stepOf(accepted).stepId).not.toBe("goal1check");
    expect((await walkToEnd(engine, teacher, accepted, TODAY)).result.kind).toBe("completed");
    const goal = await t.db.goal.findFirstOrThrow({ where: { pupilId } });
    expect(goal).toMatchObject({ evaluationDate: "2026-12-10", evaluatorId: duoId });
  });

  it("a refused date taken along by back is not passed over going forward: the step is shown again with why", async () => {
    const { pupilId, view } = await goalCheck("Ilse");
    const back = await engine.submit(teacher, {
      sessionId: view.sessionId,
      stepId: view.stepId,
      version: view.version,
      action: "back",
      values: check(SATURDAY, teacher.staffId),
    });
    const help = stepOf(back);
    expect(help.stepId).toBe("goal1help");
    const again = stepOf(await submit(teacher, help, autoValues(help, TODAY)));
    expect(again.stepId).toBe("goal1check");
    expect(again.fields.find((f) => f.id === "successCriteria")?.value).toBe("Sam zegt de tafels foutloos op bij de juf");
    expect(errorOf(again, "evaluationDate")).toContain("geen schooldag");
    const fixed = await submit(teacher, again, check("2026-11-30", teacher.staffId));
    expect((await walkToEnd(engine, teacher, fixed, TODAY)).result.kind).toBe("completed");
    expect(await t.db.goal.findFirstOrThrow({ where: { pupilId } })).toMatchObject({ evaluationDate: "2026-11-30" });
  });

  it("keeps today's rule, says it in English too, and asks a typed date again", async () => {
    const { view } = await goalCheck("Noor");
    const today = stepOf(await submit(teacher, view, check(TODAY, teacher.staffId)));
    expect(errorOf(today, "evaluationDate")).toBe("De datum moet na vandaag liggen. Kies bijvoorbeeld dinsdag 24 november 2026.");
    // Typed: the refused date is the question again, and the typed answer replaces it.
    const typed = stepOf(await engine.answerText(teacher, "28-11-2026"));
    expect(errorOf(typed, "evaluationDate")).toMatch(/^Zaterdag 28 november 2026 is geen schooldag/);
    expect(typed.fields.find((f) => f.id === "evaluationDate")?.value).toBe(SATURDAY);
    const fixed = stepOf(await engine.answerText(teacher, "01-12-2026"));
    expect(fixed.stepId).not.toBe("goal1check");
    await engine.submit(teacher, { sessionId: fixed.sessionId, stepId: fixed.stepId, version: fixed.version, action: "cancel", values: {} });

    await t.db.staff.update({ where: { id: teacher.staffId }, data: { locale: "en" } });
    const english = await loadActor(t.db, teacher.staffId);
    const pupilId = (await makePupil(t.db, schoolId, groupId, "Ivy")).id;
    const en = await advanceTo(english, await engine.start(english, CONVERSATION, { ...base, pupilId, formatKey: "kindplan", formatVersion: 1 }), "goal1check");
    const refused = stepOf(await submit(english, en, check(IN_KERSTVAKANTIE, duoId)));
    expect(errorOf(refused, "evaluationDate")).toBe(
      "Tuesday, 22 December 2026 is not a school day: Kerstvakantie. Choose, for example, Thursday, 7 January 2027.",
    );
    await engine.submit(english, { sessionId: refused.sessionId, stepId: refused.stepId, version: refused.version, action: "cancel", values: {} });
    await t.db.staff.update({ where: { id: teacher.staffId }, data: { locale: null } });
  });

  it("suggests a date the rule accepts: a round's interval that ends in the Kerstvakantie moves past it", async () => {
    const pupilId = (await makePupil(t.db, schoolId, groupId, "Daan")).id;
    const round = await t.db.round.create({
      data: {
        schoolId,
        name: "Ronde 2",
        formatKey: "kindplan",
        startDate: TODAY,
        endDate: "2026-12-18",
        evaluationIntervalDays: 28,
        createdById: teacher.staffId,
      },
    });
    await t.db.conversation.create({
      data: { schoolId, pupilId, formatKey: "kindplan", formatVersion: 1, status: "planned", roundId: round.id, createdById: teacher.staffId },
    });
    const started = await engine.start(teacher, CONVERSATION, { ...base, pupilId, formatKey: "kindplan", formatVersion: 1 });
    const view = await advanceTo(teacher, started, "goal1check");
    // Today + 28 days is Monday 21 December, in the holiday: the first day after it that the teacher works.
    expect(view.fields.find((f) => f.id === "evaluationDate")).toMatchObject({ value: "2027-01-04", isDefault: true });
    await engine.submit(teacher, { sessionId: view.sessionId, stepId: view.stepId, version: view.version, action: "cancel", values: {} });
  });
});

describe(`a preparation's date on ${testProvider()}`, () => {
  it("must be a school day the teacher works", async () => {
    const pupilId = (await makePupil(t.db, schoolId, groupId, "Mees")).id;
    const view = await advanceTo(teacher, await engine.start(teacher, PREPARE, { ...base, pupilId }), "when");
    const when = (date: string) => ({ date, time: "10:30", place: "de leeshoek", duration: "15" });
    const saturday = stepOf(await submit(teacher, view, when(SATURDAY)));
    expect(errorOf(saturday, "date")).toBe("Zaterdag 28 november 2026 is geen schooldag: het is weekend. Kies bijvoorbeeld maandag 30 november 2026.");
    expect(saturday.fields.find((f) => f.id === "place")?.value).toBe("de leeshoek");
    const holiday = stepOf(await submit(teacher, saturday, when(IN_KERSTVAKANTIE)));
    expect(errorOf(holiday, "date")).toBe("Dinsdag 22 december 2026 is geen schooldag: Kerstvakantie. Kies bijvoorbeeld maandag 4 januari 2027.");
    const dayOff = stepOf(await submit(teacher, holiday, when("2026-11-26")));
    expect(errorOf(dayOff, "date")).toBe("Je werkt niet op donderdag 26 november 2026 (je werkdagen: ma, di, wo). Kies bijvoorbeeld maandag 30 november 2026.");
    const accepted = stepOf(await submit(teacher, dayOff, when("2026-11-25")));
    expect(accepted.stepId).toBe("ready");
    await engine.submit(teacher, { sessionId: accepted.sessionId, stepId: accepted.stepId, version: accepted.version, action: "cancel", values: {} });
  });
});

describe(`a conversation planned by hand on ${testProvider()}`, () => {
  it("must be a school day of the round that the teacher works", async () => {
    const pupilId = (await makePupil(t.db, schoolId, groupId, "Eva")).id;
    const round = await t.db.round.create({
      data: { schoolId, name: "Ronde winter", formatKey: "kindplan", startDate: "2026-11-30", endDate: "2027-01-29", createdById: teacher.staffId },
    });
    await t.db.roundGroup.create({ data: { roundId: round.id, groupId } });
    const mode = stepOf(await engine.start(teacher, "plan", base));
    expect(mode.stepId).toBe("mode");
    const manual = stepOf(await submit(teacher, mode, { mode: "manual" }));
    const plan = (date: string) => ({ pupil: pupilId, date, time: "10:30", minutes: "15", more: "false" });

    const saturday = stepOf(await submit(teacher, manual, plan("2026-12-05")));
    expect(errorOf(saturday, "date")).toBe("Zaterdag 5 december 2026 is geen schooldag: het is weekend. Kies bijvoorbeeld maandag 7 december 2026.");
    expect(saturday.fields.find((f) => f.id === "date")?.value).toBe("2026-12-05");
    const holiday = stepOf(await submit(teacher, saturday, plan(IN_KERSTVAKANTIE)));
    expect(errorOf(holiday, "date")).toBe("Dinsdag 22 december 2026 is geen schooldag: Kerstvakantie. Kies bijvoorbeeld maandag 4 januari 2027.");
    const dayOff = stepOf(await submit(teacher, holiday, plan("2026-12-03")));
    expect(errorOf(dayOff, "date")).toBe("Je werkt niet op donderdag 3 december 2026 (je werkdagen: ma, di, wo). Kies bijvoorbeeld maandag 7 december 2026.");
    // After the round: the proposal is the round's last day the teacher works.
    const after = stepOf(await submit(teacher, dayOff, plan("2027-02-10")));
    expect(errorOf(after, "date")).toBe(
      "Woensdag 10 februari 2027 valt buiten de periode van maandag 30 november 2026 tot en met vrijdag 29 januari 2027. Kies bijvoorbeeld woensdag 27 januari 2027.",
    );
    const done = await submit(teacher, after, plan("2026-12-08"));
    expect(done.kind).toBe("completed");
    const planned = await t.db.conversation.findFirstOrThrow({ where: { pupilId, roundId: round.id } });
    expect(planned.plannedAt?.toISOString()).toBe("2026-12-08T09:30:00.000Z");
  });
});

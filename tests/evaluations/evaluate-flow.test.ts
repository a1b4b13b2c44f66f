// The evaluation dialog through the engine (as a card would answer it, and typed), the commands
// that start it, what comes back at the next conversation, and the evaluation-due message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { createCore } from "../../app/core.js";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { BotReply, CommandAction } from "../../bot/channel/types.js";
import { goalToken } from "../../bot/services/evaluations.js";
import { evaluationDueMessage } from "../../bot/reminders/evaluation-message.js";
import { DialogEngine, type EngineResult } from "../../dialogs/engine/engine.js";
import { CONVERSATION, EVALUATE, FLOWS } from "../../dialogs/flows/index.js";
import type { StepView } from "../../dialogs/engine/types.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { walkToEnd } from "../support/dialog-driver.js";
import { makeHeldGoal } from "./fixtures.js";

const NOW = new Date("2026-11-23T09:00:00Z"); // Monday
const TODAY = "2026-11-23";
// The last conversation was held before NOW, on the test's clock rather than the machine's: an
// evaluation counts as "since the last conversation" only when it came after it.
const HELD_AT = new Date(NOW.getTime() - 30 * 86_400_000);
let t: TestDatabase;
let engine: DialogEngine;
let teacher: Actor;
let duo: Actor;
let schoolId: string;
let groupId: string;

const subjectFor = (pupilId: string) => ({ pupilId, groupId: null, conversationId: null, formatKey: null, formatVersion: null });
const stepOf = (r: EngineResult): StepView => {
  if (r.kind !== "step") throw new Error(`expected a step, got ${r.kind}`);
  return r.view;
};
const submit = (actor: Actor, view: StepView, values: Record<string, unknown>) =>
  engine.submit(actor, { sessionId: view.sessionId, stepId: view.stepId, version: view.version, action: "submit", values });

async function pupilWithGoal(name: string) {
  const pupil = await makePupil(t.db, schoolId, groupId, name);
  const { goal } = await makeHeldGoal(t.db, { schoolId, pupilId: pupil.id, createdById: teacher.staffId, heldAt: HELD_AT });
  return { pupil, goal };
}

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db);
  schoolId = school.id;
  groupId = (await makeGroup(t.db, school.id, "groep 5")).id;
  teacher = await loadActor(t.db, (await makeStaff(t.db, school.id, { groups: [groupId] })).id);
  duo = await loadActor(t.db, (await makeStaff(t.db, school.id, { groups: [groupId] })).id);
  engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
});
afterAll(async () => t?.destroy());

describe(`the evaluation dialog on ${testProvider()}`, () => {
  it("shows the goal, celebrates a reached goal, and offers to start a new one", async () => {
    const { pupil, goal } = await pupilWithGoal("Sam");
    const started = await engine.start(teacher, EVALUATE, subjectFor(pupil.id), { goal: { goal: goalToken(goal) } });
    const first = stepOf(started);
    expect(first.stepId).toBe("outcome");
    expect(first.info.join("\n")).toContain("tafels van 6 en 7");
    expect(first.info.join("\n")).toContain("oefent elke dag vijf minuten");
    expect(first.fields.map((f) => f.id)).toEqual(["outcome", "note", "outcome__share"]);
    const walk = await walkToEnd(engine, teacher, started, TODAY, {
      outcome: { outcome: "reached", note: "Sam kent ze nu", outcome__share: "true" },
      next: { nextStep: "new_goal" },
    });
    expect(walk.visited).toEqual(["outcome", "next"]);
    if (walk.result.kind !== "completed") throw new Error(walk.result.kind);
    expect(walk.result.completion.text).toContain("🎉");
    expect(walk.result.completion.text).toMatch(/Sam[,!]|, Sam/);
    expect(walk.result.completion.actions?.map((a) => a.action)).toEqual([
      { command: "conversation", args: { pupilId: pupil.id } },
      { command: "note", args: { pupilId: pupil.id } },
    ]);
    const stored = await t.db.evaluation.findFirstOrThrow({ where: { goalId: goal.id } });
    expect(stored).toMatchObject({ outcome: "reached", nextStep: "new_goal", note: "Sam kent ze nu", shareWithParents: true, evaluatedById: teacher.staffId });
  });

  it("asks for a new school date for 'later' and refuses a weekend", async () => {
    const { pupil, goal } = await pupilWithGoal("Lotte");
    const outcome = stepOf(await engine.start(teacher, EVALUATE, subjectFor(pupil.id), { goal: { goal: goalToken(goal) } }));
    const later = stepOf(await submit(teacher, outcome, { outcome: "later", note: "" }));
    expect(later.stepId).toBe("later");
    expect(later.fields[0]).toMatchObject({ id: "newDate", value: "2026-12-07", isDefault: true });
    const refused = stepOf(await submit(teacher, later, { newDate: "28-11-2026" }));
    expect(refused.stepId).toBe("later");
    expect(refused.fields[0]!.error).toMatch(/schooldag/);
    const done = await submit(teacher, refused, { newDate: "08-12-2026" });
    expect(done.kind).toBe("completed");
    const moved = await t.db.goal.findUniqueOrThrow({ where: { id: goal.id }, include: { evaluations: true } });
    expect(moved).toMatchObject({ status: "open", evaluationDate: "2026-12-08" });
    expect(moved.evaluations.map((e) => [e.outcome, e.nextStep])).toEqual([["later", null]]);
  });

  it("asks the new date for 'extend', and lets a teacher type every answer", async () => {
    const { pupil, goal } = await pupilWithGoal("Mees");
    await engine.start(teacher, EVALUATE, subjectFor(pupil.id), { goal: { goal: goalToken(goal) } });
    const typed: EngineResult[] = [];
    for (const text of ["2", "Gaat al beter met de tafel van 6", "nee", "samen", "2"]) typed.push((await engine.answerText(teacher, text))!);
    expect(stepOf(typed.at(-1)!).stepId).toBe("extend");
    const done = await engine.answerText(teacher, "15-12-2026");
    expect(done?.kind).toBe("completed");
    const goalNow = await t.db.goal.findUniqueOrThrow({ where: { id: goal.id }, include: { evaluations: true } });
    expect(goalNow).toMatchObject({ status: "open", evaluationDate: "2026-12-15" });
    expect(goalNow.evaluations[0]).toMatchObject({
      outcome: "partly",
      assessedBy: "together",
      nextStep: "extend",
      note: "Gaat al beter met de tafel van 6",
      shareWithParents: false,
    });
  });

  it("takes a typed 'later' as the outcome, not as 'pause'", async () => {
    const { pupil } = await pupilWithGoal("Noor");
    const started = stepOf(await engine.start(teacher, EVALUATE, subjectFor(pupil.id)));
    if (started.stepId === "goal") await engine.answerText(teacher, "1");
    const after = await engine.answerText(teacher, "later");
    expect(stepOf(after!).fields.find((f) => f.id === "outcome")?.value).toBe("later");
    expect((await engine.activeSession(teacher))?.status).toBe("active");
    // Elsewhere "later" still pauses: on the note field it is not an option.
    const paused = await engine.answerText(teacher, "pauze");
    expect(paused?.kind).not.toBe("step");
  });

  it("does not ask who judged a goal that is put off ('later'): that answer would be dropped", async () => {
    const { pupil, goal } = await pupilWithGoal("Daan");
    const started = stepOf(await engine.start(teacher, EVALUATE, subjectFor(pupil.id), { goal: { goal: goalToken(goal) } }));
    const asked: string[] = [];
    let view = started;
    for (const text of ["later", "Nog niet aan toegekomen", "nee"]) {
      asked.push(view.fields.find((f) => f.value === undefined || f.value === "")?.id ?? "");
      view = stepOf((await engine.answerText(teacher, text))!);
    }
    expect(view.stepId).toBe("later");
    expect(view.fields.map((f) => f.id)).toEqual(["newDate"]);
    expect(asked).not.toContain("assessedBy");
  });

  it("put off before its date ('later'), proposes the goal's own date, not two weeks from today", async () => {
    const pupil = await makePupil(t.db, schoolId, groupId, "Vera");
    // Due on Monday 1 February 2027; evaluated early, on 23 November.
    const { goal } = await makeHeldGoal(t.db, { schoolId, pupilId: pupil.id, createdById: teacher.staffId, heldAt: HELD_AT, evaluationDate: "2027-02-01" });
    const started = stepOf(await engine.start(teacher, EVALUATE, subjectFor(pupil.id), { goal: { goal: goalToken(goal) } }));
    const later = stepOf((await submit(teacher, started, { outcome: "later", note: "", outcome__share: "false" }))!);
    expect(later.stepId).toBe("later");
    expect(later.fields.find((f) => f.id === "newDate")?.value).toBe("2027-02-01");
    // "Partly, go on" is a new period: two weeks from today, as before.
    const again = stepOf(await engine.start(teacher, EVALUATE, subjectFor(pupil.id), { goal: { goal: goalToken(goal) } }));
    const partly = stepOf((await submit(teacher, again, { outcome: "partly", note: "", outcome__share: "false" }))!);
    const extend = stepOf((await submit(teacher, partly, { assessedBy: "together", nextStep: "extend" }))!);
    expect(extend.stepId).toBe("extend");
    expect(String(extend.fields.find((f) => f.id === "newDate")?.value) < "2027-01-01").toBe(true);
    // A goal that is due gets two weeks ahead, as before.
    const { pupil: due, goal: dueGoal } = await pupilWithGoal("Wout");
    const dueStart = stepOf(await engine.start(teacher, EVALUATE, subjectFor(due.id), { goal: { goal: goalToken(dueGoal) } }));
    const dueLater = stepOf((await submit(teacher, dueStart, { outcome: "later", note: "", outcome__share: "false" }))!);
    expect(String(dueLater.fields.find((f) => f.id === "newDate")?.value) < "2027-01-01").toBe(true);
    expect(String(dueLater.fields.find((f) => f.id === "newDate")?.value) > TODAY).toBe(true);
  });

  it("keeps who judged it in a session begun when the outcome step asked it", async () => {
    const { pupil, goal } = await pupilWithGoal("Ilse");
    const started = stepOf(await engine.start(teacher, EVALUATE, subjectFor(pupil.id), { goal: { goal: goalToken(goal) } }));
    const next = stepOf((await submit(teacher, started, { outcome: "reached", note: "", outcome__share: "false" }))!);
    expect(next.stepId).toBe("next");
    // The answer as such a session holds it: on the outcome step.
    const session = await t.db.dialogSession.findUniqueOrThrow({ where: { id: next.sessionId } });
    const answers = JSON.parse(session.answers) as Record<string, Record<string, unknown>>;
    await t.db.dialogSession.update({
      where: { id: session.id },
      data: { answers: JSON.stringify({ ...answers, outcome: { ...answers.outcome, assessedBy: "together" } }) },
    });
    const done = await submit(teacher, next, { nextStep: "stop" });
    expect(done?.kind).toBe("completed");
    expect((await t.db.evaluation.findFirstOrThrow({ where: { goalId: goal.id } })).assessedBy).toBe("together");
  });

  it("politely refuses the second of two duo-partners, giving the note back", async () => {
    const { pupil, goal } = await pupilWithGoal("Noor");
    const mine = await engine.start(teacher, EVALUATE, subjectFor(pupil.id), { goal: { goal: goalToken(goal) } });
    const theirs = await engine.start(duo, EVALUATE, subjectFor(pupil.id), { goal: { goal: goalToken(goal) } });
    const duoDone = await walkToEnd(engine, duo, theirs, TODAY, { outcome: { outcome: "reached", note: "" }, next: { nextStep: "stop" } });
    expect(duoDone.result.kind).toBe("completed");
    const late = await walkToEnd(engine, teacher, mine, TODAY, {
      outcome: { outcome: "not_reached", note: "Noor vond het moeilijk" },
      next: { nextStep: "stop" },
    });
    if (late.result.kind !== "completed") throw new Error(late.result.kind);
    expect(late.result.completion.text).toContain("al geëvalueerd");
    expect(late.result.completion.text).toContain("Noor vond het moeilijk");
    expect(await t.db.evaluation.count({ where: { goalId: goal.id } })).toBe(1);
    expect((await t.db.goal.findUniqueOrThrow({ where: { id: goal.id } })).status).toBe("reached");
  });

  it("brings the evaluation and the agreements back at the start of the next conversation", async () => {
    const { pupil, goal } = await pupilWithGoal("Daan");
    const other = await makeHeldGoal(t.db, {
      schoolId,
      pupilId: pupil.id,
      createdById: teacher.staffId,
      goalText: "Ik wil mijn werk netjes afmaken",
      heldAt: HELD_AT,
    });
    await walkToEnd(engine, teacher, await engine.start(teacher, EVALUATE, subjectFor(pupil.id), { goal: { goal: goalToken(goal) } }), TODAY, {
      outcome: { outcome: "reached", note: "kent alle tafels" },
      next: { nextStep: "stop" },
    });
    await walkToEnd(engine, teacher, await engine.start(teacher, EVALUATE, subjectFor(pupil.id), { goal: { goal: goalToken(other.goal) } }), TODAY, {
      outcome: { outcome: "later", note: "" },
      later: { newDate: "2026-12-09" },
    });
    const opening = stepOf(await engine.start(teacher, CONVERSATION, { ...subjectFor(pupil.id), formatKey: "kindplan", formatVersion: 1 }));
    expect(opening.stepId).toBe("opening");
    const info = opening.info.join("\n");
    expect(info).toContain("Afspraak van vorige keer: Sam en juf Anna — oefent elke dag vijf minuten de tafels");
    expect(info).toContain("Geëvalueerd doel: Ik wil de tafels van 6 en 7 foutloos opzeggen — bereikt — “kent alle tafels”");
    expect(info).toMatch(/Open doel: Ik wil mijn werk netjes afmaken \(evaluatie .*9 dec.*\) — laatste evaluatie: nog te vroeg/);
    expect(opening.fields.map((f) => f.id)).toContain("previousReview");
    await engine.submit(teacher, { sessionId: opening.sessionId, stepId: opening.stepId, version: opening.version, action: "cancel", values: {} });
  });
});

describe(`evaluation commands and the evaluation-due message on ${testProvider()}`, () => {
  let core: BotCore;
  const emailOf = async (actor: Actor) => (await t.db.staff.findUniqueOrThrow({ where: { id: actor.staffId } })).email;
  const userOf = async (actor: Actor) => ({ channel: "local" as const, externalId: await emailOf(actor), email: await emailOf(actor) });
  const say = async (actor: Actor, text: string, isCommand = false) =>
    (await core.handleTurn({ user: await userOf(actor), text, ...(isCommand ? { isCommand } : {}) })).replies;
  const press = async (actor: Actor, action: CommandAction) => (await core.handleTurn({ user: await userOf(actor), text: "", action })).replies;
  const message = (goalId: string, recipientStaffId: string, date = TODAY) => ({
    id: "m1",
    schoolId,
    recipientStaffId,
    kind: "evaluation_due",
    subjectId: goalId,
    payload: { goalId, date },
    dueAt: new Date(`${date}T07:30:00Z`),
    attempts: 0,
    idempotencyKey: `k-${goalId}`,
  });

  beforeAll(async () => {
    core = createCore({ db: t.db, logger: pino({ level: "silent" }), defaultLocale: "nl", clock: () => NOW });
  });

  it("renders the message in the recipient's language with a button that opens the evaluation", async () => {
    const { pupil, goal } = await pupilWithGoal("Fenna");
    const nl = (await evaluationDueMessage(message(goal.id, teacher.staffId), t.db)) as BotReply[];
    expect(nl[0]!.text).toContain("Vandaag evalueren: het doel van **Fenna**");
    expect(nl[0]!.actions?.[0]).toEqual({ label: "Nu evalueren", action: { command: "evaluate", args: { goalId: goal.id } } });
    await t.db.staff.update({ where: { id: duo.staffId }, data: { locale: "en" } });
    const en = (await evaluationDueMessage(message(goal.id, duo.staffId), t.db)) as BotReply[];
    expect(en[0]!.text).toContain("**Fenna**'s goal");
    expect(en[0]!.actions?.[0]?.label).toBe("Evaluate now");
    await t.db.staff.update({ where: { id: duo.staffId }, data: { locale: null } });

    const started = await press(teacher, nl[0]!.actions![0]!.action);
    expect(started[0]!.step?.stepId).toBe("outcome");
    // Pressing it again brings back the same evaluation rather than a second one.
    const again = await press(teacher, nl[0]!.actions![0]!.action);
    expect(again[0]!.step?.sessionId).toBe(started[0]!.step?.sessionId);
    expect((await say(teacher, "stop"))[0]!.text).toContain("Stoppen met");
    expect((await say(teacher, "ja"))[0]!.text).toContain("Gestopt");
    expect(pupil.id).toBeTruthy();
  });

  it("renders nothing for a closed or rescheduled goal, or a recipient who may not evaluate it", async () => {
    const { goal } = await pupilWithGoal("Jip");
    const stranger = await makeStaff(t.db, schoolId, { groups: [(await makeGroup(t.db, schoolId, "groep 2", "onderbouw")).id] });
    expect(await evaluationDueMessage(message(goal.id, stranger.id), t.db)).toBeNull();
    expect(await evaluationDueMessage(message(goal.id, teacher.staffId, "2026-11-20"), t.db)).toBeNull();
    expect(await evaluationDueMessage({ ...message(goal.id, teacher.staffId), subjectId: "missing" }, t.db)).toBeNull();
    await t.db.goal.update({ where: { id: goal.id }, data: { status: "reached" } });
    expect(await evaluationDueMessage(message(goal.id, teacher.staffId), t.db)).toBeNull();
    const replies = await press(teacher, { command: "evaluate", args: { goalId: goal.id } });
    expect(replies[0]!.text).toContain("al geëvalueerd");
  });

  it("evaluates by name, lists due goals with buttons, and shows the evaluation in the timeline", async () => {
    const { goal } = await pupilWithGoal("Roos");
    const list = await say(duo, "evaluaties");
    expect(list[0]!.text).toContain("Doelen om te evalueren");
    const button = list[0]!.actions!.find((a) => a.action.command === "evaluate" && a.action.args?.goalId === goal.id);
    expect(button?.label).toContain("Roos");
    const started = await say(duo, "evalueer Roos");
    expect(started[0]!.step?.stepId).toBe("outcome");
    await say(duo, "1");
    await say(duo, "Roos zei de tafels foutloos op");
    await say(duo, "ja");
    await say(duo, "-");
    const done = await say(duo, "3");
    expect(done[0]!.text).toContain("Evaluatie opgeslagen");
    const timeline = (await say(teacher, "leerling Roos"))[0]!.text;
    expect(timeline).toMatch(
      /Evaluatie \(bereikt, door Staff \d+\): Ik wil de tafels van 6 en 7 foutloos opzeggen — “Roos zei de tafels foutloos op” — verder: doel afgesloten/,
    );
    expect(timeline).toContain("Doel (bereikt)");
    expect((await say(teacher, "evalueer Roos"))[0]!.text).toContain("geen open doelen");
  });
});

// Edge cases found in review: answers of steps that no longer exist, skipped steps, a dialog that
// can no longer load, text typed when nothing is asked, and option numbers out of range.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { createCore } from "../../app/core.js";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import { DialogEngine, type EngineResult } from "../../dialogs/engine/engine.js";
import { CONVERSATION, FLOWS } from "../../dialogs/flows/index.js";
import { parseFieldInput } from "../../dialogs/engine/parse-field.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { autoValues } from "../support/dialog-driver.js";

const NOW = new Date("2026-11-23T09:00:00Z");
const TODAY = "2026-11-23";
let t: TestDatabase;
let teacher: Actor;
let teacherEmail: string;
let engine: DialogEngine;
let core: BotCore;
let schoolId: string;
let otherGroupId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db);
  schoolId = school.id;
  const group = await makeGroup(t.db, school.id, "groep 5", "middenbouw");
  otherGroupId = (await makeGroup(t.db, school.id, "groep 6", "bovenbouw")).id;
  for (const name of ["Een", "Twee", "Drie", "Vier"]) await makePupil(t.db, school.id, group.id, name);
  const staff = await makeStaff(t.db, school.id, { groups: [group.id], email: "edge@test.example" });
  teacherEmail = staff.email;
  teacher = await loadActor(t.db, staff.id);
  engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
  core = createCore({ db: t.db, logger: pino({ level: "silent" }), defaultLocale: "nl" });
});
afterAll(async () => t?.destroy());

const pupil = (name: string) => t.db.pupil.findFirstOrThrow({ where: { firstName: name, schoolId } });
const base = { groupId: null, conversationId: null, formatKey: "kindplan", formatVersion: 1 };

async function answerUntil(result: EngineResult, stepId: string, overrides: Record<string, Record<string, unknown>> = {}): Promise<EngineResult> {
  while (result.kind === "step" && result.view.stepId !== stepId) {
    const v = result.view;
    result = await engine.submit(teacher, {
      sessionId: v.sessionId,
      stepId: v.stepId,
      version: v.version,
      action: "submit",
      values: autoValues(v, TODAY, overrides[v.stepId]),
    });
  }
  return result;
}

const submitHere = (r: EngineResult, values: Record<string, unknown>, action: "submit" | "back" | "skip" = "submit") => {
  if (r.kind !== "step") throw new Error(`expected a step, got ${r.kind}`);
  const v = r.view;
  return engine.submit(teacher, {
    sessionId: v.sessionId,
    stepId: v.stepId,
    version: v.version,
    action,
    values: action === "submit" ? autoValues(v, TODAY, values) : values,
  });
};

describe(`dialog edge cases on ${testProvider()}`, () => {
  it("drops a second goal when the teacher goes back and says no more goals", async () => {
    const p = await pupil("Een");
    let r = await engine.start(teacher, CONVERSATION, { ...base, pupilId: p.id });
    r = await answerUntil(r, "goal2check", { goal1check: { another: "true" }, goal2: { goalText: "EXTRA-doel", goalText__share: "true" } });
    r = await submitHere(r, {}, "back"); // goal2help
    r = await submitHere(r, {}, "back"); // goal2
    r = await submitHere(r, {}, "back"); // goal1check
    expect(r.kind === "step" && r.view.stepId).toBe("goal1check");
    r = await submitHere(r, { another: "false" });
    r = await answerUntil(r, "confirm");
    const done = await submitHere(r, { confirmed: "true" });
    if (done.kind !== "completed") throw new Error(done.kind);
    const goals = await t.db.goal.findMany({ where: { conversationId: done.completion.conversationId! } });
    expect(goals.map((g) => g.goalText)).not.toContain("EXTRA-doel");
    expect(goals).toHaveLength(1);
    // The finished session keeps no draft copy of the answers.
    expect((await t.db.dialogSession.findUniqueOrThrow({ where: { id: done.sessionId } })).answers).toBe("{}");
  });

  it("a skipped agreement stores no agreement, but keeps what was typed as a draft", async () => {
    const p = await pupil("Twee");
    let r = await engine.start(teacher, CONVERSATION, { ...base, pupilId: p.id });
    r = await answerUntil(r, "agreement1");
    r = await submitHere(r, { who: "", what: "beter je best doen", when: "" }, "skip");
    expect(r.kind === "step" && r.view.stepId).toBe("confirm");
    const back = await submitHere(r, {}, "back");
    expect(back.kind === "step" && back.view.fields.find((f) => f.id === "what")?.raw).toBe("beter je best doen");
    const again = await submitHere(back, {}, "skip");
    const done = await submitHere(again, { confirmed: "true" });
    if (done.kind !== "completed") throw new Error(done.kind);
    expect(await t.db.agreement.count({ where: { conversationId: done.completion.conversationId! } })).toBe(0);
  });

  it("ends a dialog that can no longer load instead of trapping the teacher", async () => {
    const p = await pupil("Drie");
    const user = { channel: "local" as const, externalId: teacherEmail, email: teacherEmail };
    await core.handleTurn({ user, text: `gesprek Drie` });
    await t.db.pupil.update({ where: { id: p.id }, data: { groupId: otherGroupId } });
    const result = await core.handleTurn({ user, text: "mijn groep" });
    const text = result.replies.map((r) => r.text).join("\n");
    expect(text).toContain("kan niet verder");
    expect(text).toContain("groep 5");
    expect(await engine.activeSession(teacher)).toBeNull();
  });

  it("does not take typed text as an answer when the step asks nothing", async () => {
    const p = await pupil("Vier");
    let r = await engine.start(teacher, CONVERSATION, { ...base, pupilId: p.id });
    r = await answerUntil(r, "s_nogMoeilijk");
    r = await submitHere(r, {}, "back");
    if (r.kind !== "step") throw new Error(r.kind);
    const before = await t.db.dialogSession.findUniqueOrThrow({ where: { id: r.sessionId } });
    const typed = await engine.answerText(teacher, "een heel nieuw antwoord");
    expect(typed?.kind === "step" && typed.view.errors.join(" ")).toContain("wijzig");
    expect((await t.db.dialogSession.findUniqueOrThrow({ where: { id: r.sessionId } })).answers).toBe(before.answers);
    const ok = await engine.answerText(teacher, "ok");
    expect(ok?.kind === "step" && ok.view.stepId).toBe("s_nogMoeilijk");
    await engine.answerText(teacher, "stop");
  });

  it("refuses an option number beyond the list", () => {
    const field = {
      id: "evaluator",
      kind: "singleChoice" as const,
      label: { nl: "Wie?", en: "Who?" },
      required: true,
      shareable: false,
      skills: [],
      coach: false,
      educationalNeed: false,
      options: [
        { value: "a", label: { nl: "Anna", en: "Anna" } },
        { value: "b", label: { nl: "Bo", en: "Bo" } },
      ],
    };
    expect(parseFieldInput(field, "2", { today: TODAY })).toEqual({ ok: true, value: "b" });
    expect(parseFieldInput(field, "3", { today: TODAY }).ok).toBe(false);
    expect(parseFieldInput(field, "4", { today: TODAY }).ok).toBe(false);
  });
});

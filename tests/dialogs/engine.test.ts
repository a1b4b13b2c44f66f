// The guided-dialog engine on a real database: drafts, restart, invalid input, back/edit,
// skip, pause/resume, cancel, and stale, doubled or foreign submissions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { DialogEngine, type EngineResult } from "../../dialogs/engine/engine.js";
import { FLOWS, PREPARE } from "../../dialogs/flows/index.js";
import { openDatabase } from "../../bot/db/client.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { addDays, autoValues } from "../support/dialog-driver.js";
import type { StepView } from "../../dialogs/engine/types.js";

const NOW = new Date("2026-11-23T09:00:00Z"); // a Monday, 10:00 in Amsterdam
const TODAY = "2026-11-23";
let t: TestDatabase;
let teacher: Actor;
let duo: Actor;
let other: Actor;
let pupilId: string;
let engine: DialogEngine;

const subject = () => ({ pupilId, groupId: null, conversationId: null, formatKey: null, formatVersion: null });
const stepOf = (r: EngineResult): StepView => {
  if (r.kind !== "step") throw new Error(`expected a step, got ${r.kind}`);
  return r.view;
};
const submit = (actor: Actor, view: StepView, values: Record<string, unknown>, action: "submit" | "back" | "skip" | "pause" | "cancel" = "submit") =>
  engine.submit(actor, { sessionId: view.sessionId, stepId: view.stepId, version: view.version, action, values });

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db);
  const group = await makeGroup(t.db, school.id, "groep 7", "bovenbouw");
  const otherGroup = await makeGroup(t.db, school.id, "groep 3", "middenbouw");
  pupilId = (await makePupil(t.db, school.id, group.id, "Sam")).id;
  teacher = await loadActor(t.db, (await makeStaff(t.db, school.id, { groups: [group.id] })).id);
  duo = await loadActor(t.db, (await makeStaff(t.db, school.id, { groups: [group.id] })).id);
  other = await loadActor(t.db, (await makeStaff(t.db, school.id, { groups: [otherGroup.id] })).id);
  engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
});
afterAll(async () => t?.destroy());

describe(`dialog engine on ${testProvider()}`, () => {
  it("stores each answer as a draft and resumes at the same step after a restart", async () => {
    const first = stepOf(await engine.start(teacher, PREPARE, subject()));
    expect(first.stepId).toBe("format");
    const second = stepOf(await submit(teacher, first, autoValues(first, TODAY)));
    expect(second.stepId).toBe("aim");
    const third = stepOf(await submit(teacher, second, { reason: "Sam lijkt stil de laatste weken", aim: "horen hoe het met hem gaat", theme: "welbevinden" }));
    expect(third.stepId).toBe("when");

    // A new process: another client on the same database, another engine instance.
    const again = await openDatabase(t.url);
    try {
      const restarted = new DialogEngine({ db: again.db, flows: FLOWS, clock: () => NOW });
      const resumed = stepOf(await restarted.resume(teacher, first.sessionId));
      expect(resumed.stepId).toBe("when");
      const back = stepOf(
        await restarted.submit(teacher, { sessionId: resumed.sessionId, stepId: "when", version: resumed.version, action: "back", values: {} }),
      );
      expect(back.stepId).toBe("aim");
      expect(back.fields.find((f) => f.id === "reason")?.value).toBe("Sam lijkt stil de laatste weken");
      expect(back.fields.find((f) => f.id === "theme")?.value).toBe("welbevinden");
      await restarted.submit(teacher, { sessionId: back.sessionId, stepId: "aim", version: back.version, action: "cancel", values: {} });
    } finally {
      await again.close();
    }
  });

  it("keeps every valid answer and what was typed when input is invalid", async () => {
    let view = stepOf(await engine.start(teacher, PREPARE, subject()));
    view = stepOf(await submit(teacher, view, autoValues(view, TODAY)));
    view = stepOf(await submit(teacher, view, autoValues(view, TODAY)));
    expect(view.stepId).toBe("when");
    const invalid = stepOf(await submit(teacher, view, { date: "31-02-2027", time: "25:99", place: "de leeshoek", duration: "twintig" }));
    expect(invalid.stepId).toBe("when");
    const byId = Object.fromEntries(invalid.fields.map((f) => [f.id, f]));
    expect(byId.date!.error).toMatch(/datum/);
    expect(byId.date!.raw).toBe("31-02-2027");
    expect(byId.time!.raw).toBe("25:99");
    expect(byId.duration!.error).toMatch(/getal/);
    expect(byId.place!.value).toBe("de leeshoek");
    // The errors survive a restart: they are recomputed from what was typed.
    const resumed = stepOf(await engine.resume(teacher, invalid.sessionId));
    expect(resumed.fields.find((f) => f.id === "date")?.error).toMatch(/datum/);
    const fixed = stepOf(await submit(teacher, resumed, { date: "25-11-2026", time: "10.30", place: "de leeshoek", duration: "20" }));
    expect(fixed.stepId).toBe("ready");
    await submit(teacher, fixed, {}, "cancel");
  });

  it("walks back, edits an earlier answer, keeps later answers, and returns to where it was", async () => {
    let view = stepOf(await engine.start(teacher, PREPARE, subject()));
    view = stepOf(await submit(teacher, view, autoValues(view, TODAY)));
    view = stepOf(await submit(teacher, view, { reason: "eerste versie", aim: "doel", theme: "" }));
    view = stepOf(await submit(teacher, view, autoValues(view, TODAY)));
    expect(view.stepId).toBe("ready");
    view = stepOf(await submit(teacher, view, {}, "back"));
    view = stepOf(await submit(teacher, view, {}, "back"));
    expect(view.stepId).toBe("aim");
    view = stepOf(await submit(teacher, view, { reason: "tweede versie", aim: "doel", theme: "" }));
    // Back at the first step not yet answered; the answers in between are kept.
    expect(view.stepId).toBe("ready");
    view = stepOf(await submit(teacher, view, {}, "back"));
    expect(view.stepId).toBe("when");
    expect(view.fields.find((f) => f.id === "date")?.value).toBe(addDays(TODAY, 14));
    const session = await t.db.dialogSession.findUniqueOrThrow({ where: { id: view.sessionId } });
    expect(JSON.parse(session.answers).aim.reason).toBe("tweede versie");
    await submit(teacher, view, {}, "cancel");
  });

  it("pre-fills the school's default format and takes it when the teacher leaves it", async () => {
    const view = stepOf(await engine.start(teacher, PREPARE, subject()));
    const format = view.fields.find((f) => f.id === "format")!;
    expect(format).toMatchObject({ value: "bovenbouw-kindgesprek", isDefault: true });
    expect(format.options?.[0]?.value).toBe("bovenbouw-kindgesprek");
    const next = stepOf(await submit(teacher, view, {}));
    expect(next.stepId).toBe("aim");
    const session = await t.db.dialogSession.findUniqueOrThrow({ where: { id: view.sessionId } });
    expect(JSON.parse(session.answers).format.format).toBe("bovenbouw-kindgesprek");
    await submit(teacher, next, {}, "cancel");
  });

  it("skips only skippable steps", async () => {
    let view = stepOf(await engine.start(teacher, PREPARE, subject()));
    const refused = stepOf(await submit(teacher, view, {}, "skip"));
    expect(refused.stepId).toBe("format");
    expect(refused.errors.join(" ")).toMatch(/niet overslaan/);
    view = refused;
    for (const id of ["format", "aim", "when", "ready"]) {
      expect(view.stepId).toBe(id);
      view = stepOf(await submit(teacher, view, autoValues(view, TODAY)));
    }
    expect(view.stepId).toBe("previous");
    view = stepOf(await submit(teacher, view, {}, "skip"));
    expect(view.stepId).toBe("questions");
    await submit(teacher, view, {}, "cancel");
  });

  it("pauses with the typed input kept, and resumes", async () => {
    let view = stepOf(await engine.start(teacher, PREPARE, subject()));
    view = stepOf(await submit(teacher, view, autoValues(view, TODAY)));
    const paused = await submit(teacher, view, { reason: "half getypt" }, "pause");
    expect(paused.kind).toBe("paused");
    expect(await engine.activeSession(teacher)).toBeNull();
    // An old card of a paused dialog changes nothing.
    expect((await submit(teacher, view, { reason: "x", aim: "y" })).kind).toBe("stale");
    const resumed = stepOf(await engine.resume(teacher, view.sessionId));
    expect(resumed.stepId).toBe("aim");
    expect(resumed.fields.find((f) => f.id === "reason")?.value).toBe("half getypt");
    await submit(teacher, resumed, {}, "cancel");
  });

  it("cancel stores nothing in the pupil's record", async () => {
    const before = await t.db.conversation.count();
    const view = stepOf(await engine.start(teacher, PREPARE, subject()));
    expect((await submit(teacher, view, {}, "cancel")).kind).toBe("cancelled");
    expect(await t.db.conversation.count()).toBe(before);
    expect((await t.db.dialogSession.findUniqueOrThrow({ where: { id: view.sessionId } })).status).toBe("cancelled");
    expect((await engine.resume(teacher, view.sessionId)).kind).toBe("stale");
  });

  it("refuses stale, doubled, foreign and malformed submissions without changing anything", async () => {
    const first = stepOf(await engine.start(teacher, PREPARE, subject()));
    const values = autoValues(first, TODAY);
    const [a, b] = await Promise.all([submit(teacher, first, values), submit(teacher, first, values)]);
    // A double click: exactly one is accepted.
    expect([a.kind, b.kind].sort()).toEqual(["stale", "step"]);
    const current = stepOf(a.kind === "step" ? a : b);
    const sessionBefore = await t.db.dialogSession.findUniqueOrThrow({ where: { id: first.sessionId } });

    const old = await submit(teacher, first, values);
    expect(old.kind).toBe("stale");
    if (old.kind === "stale") expect(old.view?.stepId).toBe(current.stepId);

    // The duo-partner shares the pupil, but not this dialog; a teacher of another group neither.
    for (const stranger of [duo, other]) {
      const foreign = await submit(stranger, current, { reason: "overschreven", aim: "overschreven" });
      expect(foreign.kind).toBe("refused");
    }
    expect((await engine.submit(teacher, { sessionId: current.sessionId, stepId: current.stepId, version: "x", action: "submit" })).kind).toBe("refused");
    expect((await engine.submit(teacher, { gw: "something else" })).kind).toBe("refused");
    expect((await engine.submit(teacher, { sessionId: "nope", stepId: "aim", version: 0, action: "submit", values: {} })).kind).toBe("refused");

    const sessionAfter = await t.db.dialogSession.findUniqueOrThrow({ where: { id: first.sessionId } });
    expect(sessionAfter.version).toBe(sessionBefore.version);
    expect(sessionAfter.answers).toBe(sessionBefore.answers);
    await submit(teacher, current, {}, "cancel");
  });

  it("starting a second dialog pauses the first; typed text goes to the active one", async () => {
    const a = stepOf(await engine.start(teacher, PREPARE, subject()));
    const b = stepOf(await engine.start(teacher, PREPARE, subject()));
    expect((await t.db.dialogSession.findUniqueOrThrow({ where: { id: a.sessionId } })).status).toBe("paused");
    expect((await engine.activeSession(teacher))?.id).toBe(b.sessionId);
    const typed = await engine.answerText(teacher, "1");
    expect(stepOf(typed!).stepId).toBe("aim");
    await engine.answerText(teacher, "stop");
    await engine.resume(teacher, a.sessionId);
    await engine.answerText(teacher, "stop");
  });
});

// The engine's guards, each as a teacher would meet it (issue 18 found each removable without a
// failing test): a colleague cannot resume my dialog, an old card for the current step changes
// nothing, a doubled last submission stores once, and a finished dialog stays finished.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { translate } from "../../bot/i18n/translate.js";
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
const stepOf = (r: EngineResult | null) => {
  if (r?.kind !== "step") throw new Error(`expected a step, got ${r?.kind}`);
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
beforeEach(async () => {
  await engine.abandonActive(juf);
});

const nl = (key: Parameters<typeof translate>[1]) => translate("nl", key);
const card = (view: { sessionId: string; stepId: string; version: number }, values: Record<string, unknown>, action = "submit") =>
  engine.submit(juf, { sessionId: view.sessionId, stepId: view.stepId, version: view.version, action, values });
const refusals = (entityId: string | null) => t.db.auditEvent.count({ where: { action: "refused", entity: "dialog_session", entityId } });

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

  it("every refusal of someone else's dialog is in the audit trail, by the dialog's id (or none for an unknown id)", async () => {
    const view = stepOf(await engine.start(juf, "note", subject()));
    const before = await refusals(view.sessionId);
    expect((await engine.resume(duo, view.sessionId)).kind).toBe("refused");
    expect((await engine.answerQuestion(duo, view.sessionId, "yes")).kind).toBe("refused");
    expect((await engine.submit(duo, { sessionId: view.sessionId, stepId: view.stepId, version: view.version, action: "submit", values: {} })).kind).toBe(
      "refused",
    );
    expect(await refusals(view.sessionId)).toBe(before + 3);
    const unknown = await refusals(null);
    expect((await engine.resume(juf, "geen-dialoog")).kind).toBe("refused");
    expect((await engine.answerQuestion(juf, "geen-dialoog", "no")).kind).toBe("refused");
    expect((await engine.submit(juf, { sessionId: "geen-dialoog", stepId: "note", version: 0, action: "submit", values: {} })).kind).toBe("refused");
    expect(await refusals(null)).toBe(unknown + 3);
  });

  it("a finished dialog stays finished when resumed; the open one resumed elsewhere keeps its card valid", async () => {
    const done = stepOf(await engine.start(juf, "note", subject()));
    expect((await card(done, { text: "Afgerond verhaal", goal: "", text__share: "false" })).kind).toBe("completed");
    expect(await engine.resume(juf, done.sessionId)).toEqual({ kind: "stale", text: nl("engine.finished") });
    expect((await t.db.dialogSession.findUniqueOrThrow({ where: { id: done.sessionId } })).status).toBe("completed");
    const open = stepOf(await engine.start(juf, "note", subject()));
    expect(stepOf(await engine.resume(juf, open.sessionId)).version).toBe(open.version);
    expect((await card(open, { text: "Van de eerste kaart", goal: "", text__share: "false" })).kind).toBe("completed");
  });

  it("a card of a paused or stopped dialog changes nothing and says why", async () => {
    const view = stepOf(await engine.start(juf, "note", subject()));
    expect((await card(view, { text: "half" }, "pause")).kind).toBe("paused");
    const paused = await engine.submit(juf, { ...view, version: view.version + 1, action: "submit", values: { text: "te laat" } });
    expect(paused).toEqual({ kind: "stale", text: nl("engine.pausedStale") });
    expect(await engine.answerQuestion(juf, view.sessionId, "no")).toEqual({ kind: "stale", text: nl("engine.pausedStale") });
    const resumed = stepOf(await engine.resume(juf, view.sessionId));
    expect(resumed.fields.find((f) => f.id === "text")?.value).toBe("half");
    await engine.abandonActive(juf);
    expect(await card(resumed, { text: "na het stoppen" })).toEqual({ kind: "stale", text: nl("engine.finished") });
    expect(await engine.answerQuestion(juf, view.sessionId, "no")).toEqual({ kind: "stale", text: nl("engine.finished") });
    expect(await t.db.note.count({ where: { text: { in: ["te laat", "na het stoppen"] } } })).toBe(0);
  });

  it("a card that names another step than the current one changes nothing, even with the current version", async () => {
    const view = stepOf(await engine.start(juf, "note", subject()));
    const forged = await engine.submit(juf, { sessionId: view.sessionId, stepId: "elders", version: view.version, action: "submit", values: { text: "x" } });
    expect(forged.kind).toBe("stale");
    expect((await t.db.dialogSession.findUniqueOrThrow({ where: { id: view.sessionId } })).version).toBe(view.version);
  });

  it("without an open dialog, typed text and 'wijzig' are not the engine's", async () => {
    expect(await engine.answerText(juf, "iets")).toBeNull();
    expect(await engine.reopenField(juf, 1)).toBeNull();
    expect(await engine.abandonActive(juf)).toBeNull();
  });

  it("'wijzig n' asks that answer again; a number beyond the step's questions shows the step unchanged", async () => {
    const view = stepOf(await engine.start(juf, "note", subject()));
    await engine.answerText(juf, "Sam bouwde een hut");
    const edit = stepOf(await engine.reopenField(juf, 1));
    expect(edit.fields.find((f) => f.editing)?.id).toBe("text");
    const none = stepOf(await engine.reopenField(juf, 9));
    expect(none.fields.some((f) => f.editing)).toBe(true); // still changing answer 1, nothing else
    expect((await t.db.dialogSession.findUniqueOrThrow({ where: { id: view.sessionId } })).version).toBe(none.version);
  });

  it("stopping with answers asks first; 'nee' keeps everything, other text drops the question so a later 'ja' stops nothing", async () => {
    stepOf(await engine.start(juf, "note", subject()));
    await engine.answerText(juf, "Sam vertelde over voetbal");
    expect((await engine.answerText(juf, "stop"))?.kind).toBe("question");
    const active = (await engine.activeSession(juf))!;
    const kept = await engine.replyToQuestion(juf, active, "nee");
    if (!("result" in kept)) throw new Error("expected an answer to the question");
    expect(stepOf(kept.result).fields.find((f) => f.id === "text")?.value).toBe("Sam vertelde over voetbal");
    expect((await engine.activeSession(juf))?.pending).toBeNull();
    expect((await engine.answerText(juf, "stop"))?.kind).toBe("question");
    const moved = await engine.replyToQuestion(juf, (await engine.activeSession(juf))!, "wat was de vraag");
    if (!("session" in moved)) throw new Error("expected the session back");
    expect(moved.session.pending).toBeNull();
    expect((await engine.activeSession(juf))?.pending).toBeNull();
    expect((await engine.answerQuestion(juf, moved.session.id, "yes")).kind).toBe("stale"); // the question is gone
    expect((await engine.activeSession(juf))?.status).toBe("active");
  });

  it("without a question, or while an answer is being changed, typed text is handled as usual", async () => {
    stepOf(await engine.start(juf, "note", subject()));
    const plain = (await engine.activeSession(juf))!;
    expect(await engine.replyToQuestion(juf, plain, "iets")).toEqual({ session: plain });
    await engine.answerText(juf, "Sam lachte");
    await engine.reopenField(juf, 1);
    const editing = (await engine.activeSession(juf))!;
    expect(await engine.replyToQuestion(juf, editing, "Sam lachte hard")).toEqual({ session: editing });
  });

  it("text that reads as a command asks first and names the question it would answer; 'nee' files it there", async () => {
    stepOf(await engine.start(juf, "note", subject()));
    const asked = await engine.answerText(juf, "  leerling Otis ", { commandLike: true });
    if (asked?.kind !== "question") throw new Error(`expected a question, got ${asked?.kind}`);
    expect(asked.text).toContain("leerling Otis");
    expect(asked.text).toContain(translate("nl", "dialog.note"));
    const pending = (await engine.activeSession(juf))!.pending;
    expect(pending).toEqual({ kind: "command", text: "leerling Otis", fieldId: "text" });
    const answer = await engine.answerQuestion(juf, (await engine.activeSession(juf))!.id, "no");
    expect(stepOf(answer).fields.find((f) => f.id === "text")?.value).toBe("leerling Otis");
    // "ja": it was a command; the dialog stays where it was.
    await engine.answerText(juf, "help mij", { commandLike: true });
    expect(await engine.answerQuestion(juf, (await engine.activeSession(juf))!.id, "yes")).toMatchObject({ kind: "command", text: "help mij" });
  });
});

// The engine's step rules on a small flow of its own (four steps, one conditional, one skippable,
// one with checks and defaults), on a real database: where a dialog starts and continues, what a
// skip keeps, how typed words are read, and that a failing save is not hidden. Found as surviving
// mutants (issue 18): the real flows never made these rules decide.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { DialogEngine, type EngineResult } from "../../dialogs/engine/engine.js";
import type { Answers, DialogFlow } from "../../dialogs/engine/flow.js";
import { FieldDefinition, type StepDefinition, type StepView } from "../../dialogs/engine/types.js";
import { translate } from "../../bot/i18n/translate.js";
import { shareFieldId } from "../../bot/formats/share.js";
import { testProvider, type TestDatabase } from "../support/test-db.js";
import { oneClass } from "../support/one-class.js";

const NOW = new Date("2026-11-23T09:00:00Z"); // Monday 10:00 in Amsterdam
const text = (nl: string) => ({ nl, en: nl });
const field = (o: Record<string, unknown>) => FieldDefinition.parse({ label: text(String(o.id)), ...o });
const option = (value: string, label: string) => ({ value, label: text(label) });

/** a (keuze: kort|lang) → b (only for "lang", skippable) → c (checked) → d (defaults and a date). */
function steps(answers: Answers): StepDefinition[] {
  const all: StepDefinition[] = [
    {
      id: "a",
      title: text("Keuze"),
      fields: [
        field({
          id: "keuze",
          kind: "singleChoice",
          required: true,
          options: [option("kort", "Kort"), option("lang", "Lang"), option("later", "Op een later moment"), option("halt", "Stop")],
        }),
        field({ id: "noot", kind: "shortText" }),
      ],
    },
    {
      id: "b",
      title: text("Extra"),
      skippable: true,
      fields: [
        field({ id: "x", kind: "shortText", required: true }),
        field({ id: "x2", kind: "shortText" }),
        field({ id: "lijst", kind: "multiChoice", options: [option("p", "P"), option("q", "Q")] }),
      ],
    },
    {
      id: "c",
      title: text("Gecontroleerd"),
      fields: [field({ id: "y", kind: "shortText", required: true }), field({ id: "y2", kind: "shortText" })],
      validate: (v) =>
        v.y2 === undefined
          ? [{ fieldId: null, message: text("Geen y2") }]
          : v.y === "fout"
            ? [{ fieldId: null, message: text("De stap klopt niet") }]
            : v.y === "veldfout"
              ? [{ fieldId: "y", message: text("Dit veld klopt niet") }]
              : [],
    },
    {
      id: "d",
      title: text("Standaard"),
      fields: [
        field({ id: "z1", kind: "shortText", required: true, defaultValue: "eerste" }),
        field({ id: "z2", kind: "shortText", required: true, defaultValue: "tweede" }),
        field({ id: "datum", kind: "date", required: true }),
      ],
    },
  ];
  // b is there only for "lang", and goes away when its own answer is "weg".
  return answers.a?.keuze === "kort" || answers.b?.x === "weg" ? all.filter((s) => s.id !== "b") : all;
}

const stored: Answers[] = [];
let completedAt: unknown;
const flow: DialogFlow = {
  kind: "note",
  load: async () => ({ title: "Proef", steps }),
  complete: async (ctx, _subject, answers) => {
    if (answers.c?.y === "boem") throw new Error("opslaan mislukt");
    stored.push(answers);
    completedAt = ctx.now;
    return { text: "Opgeslagen" };
  },
};

/** A pupil to choose (from the flow's own list), an item the pupil may share, and a last question. */
let vanishing = false;
const pupilsFlow: DialogFlow = {
  kind: "round", // any kind: this engine knows only these two flows
  load: async (_ctx, subject) => {
    // Stands in for an erasure that removes the dialog while a turn is under way.
    if (vanishing && "id" in subject) await t.db.dialogSession.delete({ where: { id: String(subject.id) } });
    return {
      title: "Kies",
      pupilOptions: [
        { value: "p-sam", label: "Sam de Vries" },
        { value: "p-samira", label: "Samira Amrani" },
      ],
      steps: () => [
        { id: "wie", title: text("Wie"), fields: [field({ id: "leerling", kind: "pupil", required: true })] },
        { id: "deel", title: text("Delen"), fields: [field({ id: "w", kind: "shortText", shareable: true })] },
        {
          id: "slot",
          title: text("Slot"),
          fields: [field({ id: "v", kind: "shortText", required: true }), field({ id: "meer", kind: "yesNo", defaultValue: false })],
        },
      ],
    };
  },
  complete: async (_ctx, _subject, answers) => {
    stored.push(answers);
    return { text: "Opgeslagen" };
  },
};

let t: TestDatabase;
let juf: Actor;
let engine: DialogEngine;
let pupilId: string;
const subject = () => ({ pupilId, groupId: null, conversationId: null, formatKey: null, formatVersion: null });
const stepOf = (r: EngineResult | null): StepView => {
  if (r?.kind !== "step") throw new Error(`expected a step, got ${r?.kind}`);
  return r.view;
};
const card = (view: StepView, values: Record<string, unknown>, action: "submit" | "back" | "skip" = "submit") =>
  engine.submit(juf, { sessionId: view.sessionId, stepId: view.stepId, version: view.version, action, values });
const typed = async (words: string) => stepOf(await engine.answerText(juf, words));
const session = (id: string) => t.db.dialogSession.findUniqueOrThrow({ where: { id } });
const answersOf = async (id: string) => JSON.parse((await session(id)).answers) as Answers;
const draftsOf = async (id: string) => JSON.parse((await session(id)).rawInputs) as Record<string, Record<string, string>>;
const fieldValue = (view: StepView, id: string) => view.fields.find((f) => f.id === id)?.value;

beforeAll(async () => {
  const world = await oneClass({ teachers: ["juf.rules@test.example"], group: "groep 6", bouw: "bovenbouw" });
  t = world.t;
  pupilId = world.pupilId;
  juf = await loadActor(t.db, world.staffIds[0]!);
  engine = new DialogEngine({ db: t.db, flows: { note: flow, round: pupilsFlow }, clock: () => NOW });
});
afterAll(async () => t?.destroy());
beforeEach(async () => {
  vanishing = false;
  await engine.abandonActive(juf);
});

describe(`the engine's step rules on ${testProvider()}`, () => {
  it("starts at the first step not answered yet: an empty required answer does not count, an optional one is not needed", async () => {
    expect(stepOf(await engine.start(juf, "note", subject())).stepId).toBe("a");
    expect(stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "" } })).stepId).toBe("a");
    expect(stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "lang" } })).stepId).toBe("b");
    expect(stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "lang" }, b: { __skipped: true } })).stepId).toBe("c");
    expect(stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "kort" }, c: { y: "ja" } })).stepId).toBe("d");
  });

  it("an unknown kind of dialog is an error, not a dialog", async () => {
    await expect(engine.start(juf, "onbekend", subject())).rejects.toThrow("unknown dialog kind onbekend");
  });

  it("a skipped step keeps only what was typed as a draft and stores no answer", async () => {
    const a = stepOf(await engine.start(juf, "note", subject()));
    const b = stepOf(await card(a, { keuze: "lang", noot: "" }));
    const c = stepOf(await card(b, { x: "half getypt", lijst: [] }, "skip"));
    expect(c.stepId).toBe("c");
    expect(await draftsOf(a.sessionId)).toEqual({ b: { x: "half getypt" } });
    expect((await answersOf(a.sessionId)).b).toEqual({ __skipped: true });
  });

  it("going forward passes over a skipped step", async () => {
    stepOf(await engine.start(juf, "note", subject(), { a: { noot: "eerst dit" }, b: { __skipped: true } }));
    expect((await typed("lang")).stepId).toBe("c");
  });

  it("a skip with nothing typed leaves no draft", async () => {
    const a = stepOf(await engine.start(juf, "note", subject()));
    const b = stepOf(await card(a, { keuze: "lang", noot: "" }));
    await card(b, { x: "", lijst: [] }, "skip");
    expect(await draftsOf(a.sessionId)).toEqual({});
  });

  it("a check on the step as a whole is shown with the step, a check on a field with that field", async () => {
    const c = stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "kort" } }));
    const whole = stepOf(await card(c, { y: "fout" }));
    expect(whole.stepId).toBe("c");
    expect(whole.errors).toEqual(["De stap klopt niet"]);
    expect(whole.fields.find((f) => f.id === "y")?.error).toBeUndefined();
    const one = stepOf(await card(whole, { y: "veldfout" }));
    expect(one.errors).toEqual([]);
    expect(one.fields.find((f) => f.id === "y")?.error).toBe("Dit veld klopt niet");
  });

  it("'ok' keeps the default of the question asked, and only that one; 'ook' is an answer", async () => {
    const d = stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "kort" }, c: { y: "ja" } }));
    expect(d.stepId).toBe("d");
    const kept = await typed(" OK ");
    expect(fieldValue(kept, "z1")).toBe("eerste");
    expect(kept.fields.find((f) => f.id === "z2")?.isDefault).toBe(true); // still asked
    const own = await typed("ook");
    expect(fieldValue(own, "z2")).toBe("ook");
  });

  it("a date is read from the school's today: 'morgen' is tomorrow", async () => {
    const d = stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "kort" }, c: { y: "ja" }, d: { z1: "x", z2: "y" } }));
    const done = await card(d, { z1: "x", z2: "y", datum: "morgen" });
    expect(done.kind).toBe("completed");
    expect(stored.at(-1)?.d?.datum).toBe("2026-11-24");
  });

  it("an option named like a control word is an answer, typed in any case; a confirmation counts only as the whole text", async () => {
    stepOf(await engine.start(juf, "note", subject()));
    expect(fieldValue(await typed("  LATER "), "keuze")).toBe("later"); // the option's value, not "pause"
    await engine.abandonActive(juf);
    stepOf(await engine.start(juf, "note", subject()));
    expect(fieldValue(await typed("stop"), "keuze")).toBe("halt"); // the option's label, not "cancel"
    // Everything of this step answered (back from the next step): only a confirmation moves on.
    expect((await typed("-")).stepId).toBe("b");
    expect((await typed("terug")).stepId).toBe("a");
    for (const words of ["ja maar nog iets", "mama ook"]) {
      const again = await typed(words);
      expect(again.stepId, words).toBe("a");
      expect(again.errors.length, words).toBe(1);
    }
    // Text that reads as a command, with nothing left to answer: "nee" (not a command) stores it nowhere.
    const before = JSON.parse((await t.db.dialogSession.findFirstOrThrow({ where: { staffId: juf.staffId, status: "active" } })).answers);
    const asked = await engine.answerText(juf, "leerling Otis", { commandLike: true });
    expect(asked?.kind).toBe("question");
    const open = (await engine.activeSession(juf))!;
    expect(open.pending).toEqual({ kind: "command", text: "leerling Otis", fieldId: null });
    expect((await engine.answerQuestion(juf, open.id, "no")).kind).toBe("step");
    expect(await answersOf(open.id)).toEqual(before);
    expect((await typed(" ok ")).stepId).toBe("b");
  });

  it("a dialog whose step no longer exists continues at the first open step, or the last when all are done", async () => {
    const a = stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "lang" } }));
    await t.db.dialogSession.update({ where: { id: a.sessionId }, data: { stepId: "verdwenen" } });
    expect(stepOf(await engine.resume(juf, a.sessionId)).stepId).toBe("b");
    await engine.abandonActive(juf);
    const all = { a: { keuze: "kort" }, c: { y: "ja" }, d: { z1: "x", z2: "y", datum: "2026-11-30" } };
    const done = stepOf(await engine.start(juf, "note", subject(), all));
    await t.db.dialogSession.update({ where: { id: done.sessionId }, data: { stepId: "verdwenen" } });
    expect(stepOf(await engine.resume(juf, done.sessionId)).stepId).toBe("d");
  });

  it("a save that fails is reported as a failure, not as an old card, and the dialog stays open", async () => {
    const c = stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "kort" }, d: { z1: "x", z2: "y", datum: "2026-11-30" } }));
    const last = stepOf(await card(c, { y: "boem" }));
    expect(last.stepId).toBe("d");
    await expect(card(last, { z1: "x", z2: "y", datum: "2026-11-30" })).rejects.toThrow("opslaan mislukt");
    expect((await session(c.sessionId)).status).toBe("active");
  });

  it("an engine without a clock of its own works in the present", async () => {
    const plain = new DialogEngine({ db: t.db, flows: { note: flow } });
    const d = stepOf(await plain.start(juf, "note", subject(), { a: { keuze: "kort" }, c: { y: "ja" }, d: { z1: "x", z2: "y" } }));
    const done = await plain.submit(juf, {
      sessionId: d.sessionId,
      stepId: "d",
      version: d.version,
      action: "submit",
      values: { z1: "x", z2: "y", datum: "vandaag" },
    });
    expect(done.kind).toBe("completed");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: juf.timezone }).format(new Date());
    expect(stored.at(-1)?.d?.datum).toBe(today);
    expect(completedAt).toBeInstanceOf(Date);
    expect(Math.abs((completedAt as Date).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("a pupil is chosen by name from the flow's own pupils", async () => {
    stepOf(await engine.start(juf, "round", subject()));
    const next = await typed("samira");
    expect(next.stepId).toBe("deel");
    expect(await answersOf(next.sessionId)).toMatchObject({ wie: { leerling: "p-samira" } });
  });

  it("going forward stops at a step whose item has words but whose share question is not answered yet", async () => {
    const first = stepOf(await engine.start(juf, "round", subject(), { deel: { w: "tekenen" } }));
    expect(first.stepId).toBe("wie");
    const next = await typed("Sam de Vries");
    expect(next.stepId).toBe("deel");
    expect(next.fields.find((f) => f.id === shareFieldId("w"))?.value).toBeUndefined();
  });

  it("the command question names the answer it would go to; 'nee' stores it there, and a failing save is not hidden", async () => {
    const d = stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "kort" }, c: { y: "boem" }, d: { z1: "x", datum: "2026-11-30" } }));
    expect(d.stepId).toBe("d");
    const asked = await engine.answerText(juf, "leerling Otis", { commandLike: true });
    expect(asked?.kind).toBe("question");
    const question = asked?.kind === "question" ? asked.text : "";
    expect(question).toBe(translate("nl", "question.command", { command: "leerling Otis", dialog: "Proef", field: "z2" }));
    const open = (await engine.activeSession(juf))!;
    await expect(engine.replyToQuestion(juf, open, "nee")).rejects.toThrow("opslaan mislukt");
    expect((await session(d.sessionId)).status).toBe("active");
  });

  it("'nee' to a command question whose answer is no longer on the step stores the text nowhere and stays", async () => {
    const a = stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "kort", noot: "x" } }));
    const pending = { kind: "command", text: "leerling Otis", fieldId: "verdwenen" };
    // Back on the first step, everything on it answered (so an answer would move the dialog on).
    await t.db.dialogSession.update({ where: { id: a.sessionId }, data: { stepId: "a", pending: JSON.stringify(pending) } });
    const before = await answersOf(a.sessionId);
    const shown = stepOf(await engine.answerQuestion(juf, a.sessionId, "no"));
    expect(shown.stepId).toBe("a");
    expect(await answersOf(a.sessionId)).toEqual(before);
    expect((await session(a.sessionId)).pending).toBeNull();
  });

  it("a card of another dialog, sent while this one is open, never touches the open one", async () => {
    const old = stepOf(await engine.start(juf, "note", subject()));
    await engine.abandonActive(juf);
    const open = stepOf(await engine.start(juf, "note", subject()));
    const active = (await engine.activeSession(juf))!;
    const before = await session(open.sessionId);
    const result = await engine.submit(
      juf,
      { sessionId: old.sessionId, stepId: old.stepId, version: old.version, action: "submit", values: { keuze: "lang", noot: "" } },
      { sessionId: open.sessionId, session: active },
    );
    expect(result).toEqual({ kind: "stale", text: translate("nl", "engine.finished") });
    expect(await session(open.sessionId)).toEqual(before);
  });

  it("ending a dialog that can no longer load discards its drafts once, handing back the words given", async () => {
    const a = stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "lang", noot: "iets", stemming: "soSo", noot__share: true } }));
    expect(await engine.abandonActive(juf)).toEqual(["lang", "iets"]);
    const row = await session(a.sessionId);
    expect({ status: row.status, answers: row.answers, rawInputs: row.rawInputs }).toEqual({ status: "cancelled", answers: "{}", rawInputs: "{}" });
    expect(await engine.abandonActive(juf)).toBeNull();
    // A "did you mean the command?" waiting: its text comes back too.
    const b = stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "lang" } }));
    await t.db.dialogSession.update({
      where: { id: b.sessionId },
      data: { pending: JSON.stringify({ kind: "command", text: "leerling Otis", fieldId: null }) },
    });
    expect(await engine.abandonActive(juf)).toEqual(["lang", "leerling Otis"]);
  });

  it("a dialog removed while a turn is under way is reported as finished", async () => {
    stepOf(await engine.start(juf, "round", subject()));
    vanishing = true;
    expect(await engine.answerText(juf, "Sam de Vries")).toEqual({ kind: "stale", text: translate("nl", "engine.finished") });
  });

  it("a card submitted while its dialog is removed is reported as finished, and no dialog is made anew", async () => {
    const wie = stepOf(await engine.start(juf, "round", subject()));
    vanishing = true;
    expect(await card(wie, { leerling: "p-sam" })).toEqual({ kind: "stale", text: translate("nl", "engine.finished") });
    expect(await t.db.dialogSession.count({ where: { id: wie.sessionId } })).toBe(0);
    expect(await engine.activeSession(juf)).toBeFalsy();
  });

  it("a failing save on the last typed answer is not hidden, and the dialog stays open with the answers given", async () => {
    const d = stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "kort" }, c: { y: "boem" }, d: { z1: "x", z2: "y" } }));
    await expect(engine.answerText(juf, "30-11-2026")).rejects.toThrow("opslaan mislukt");
    expect((await session(d.sessionId)).status).toBe("active");
    expect((await answersOf(d.sessionId)).d).toEqual({ z1: "x", z2: "y" });
  });

  it("what a step recorded is told back with the next step, by the pupil's name", async () => {
    stepOf(await engine.start(juf, "round", subject()));
    const next = await engine.answerText(juf, "samira");
    expect(next?.kind === "step" ? next.answered : undefined).toEqual({ stepId: "wie", title: "Wie", items: [{ label: "leerling", value: "Samira Amrani" }] });
  });

  it("a refused skip keeps what the card carried; a skip keeps unreadable input as typed", async () => {
    const c = stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "kort" } }));
    const refused = stepOf(await card(c, { y: "half af" }, "skip"));
    expect(refused.stepId).toBe("c");
    expect(refused.errors.length).toBe(1);
    expect((await answersOf(c.sessionId)).c).toEqual({ y: "half af" });
    await engine.abandonActive(juf);
    const b = stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "lang" } }));
    stepOf(await card(b, { x: "half", lijst: ["zzz"] }, "skip"));
    expect(await draftsOf(b.sessionId)).toEqual({ b: { x: "half", lijst: "zzz" } });
  });

  it("two devices resuming a paused dialog at once both show it at its current version", async () => {
    const a = stepOf(await engine.start(juf, "note", subject()));
    expect((await engine.answerText(juf, "pauze"))?.kind).toBe("paused");
    const both = await Promise.all([engine.resume(juf, a.sessionId), engine.resume(juf, a.sessionId)]);
    const row = await session(a.sessionId);
    expect(row.status).toBe("active");
    expect(both.map((r) => stepOf(r).version)).toEqual([row.version, row.version]);
  });

  it("a check on the whole step waits until every question of the step was answered", async () => {
    stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "kort" } }));
    const half = await typed("iets");
    expect(half.stepId).toBe("c");
    expect(half.errors).toEqual([]);
    const whole = await typed("-");
    expect(whole.stepId).toBe("d");
  });

  it("'ok' keeps a default only as the whole answer: 'oké, prima' is an answer", async () => {
    stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "kort" }, c: { y: "ja", y2: "" } }));
    expect(fieldValue(await typed("oké, prima"), "z1")).toBe("oké, prima");
  });

  it("a skip keeps only what has words as a draft: empty text and empty lists go, chosen options stay", async () => {
    const b = stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "lang" } }));
    stepOf(await card(b, { x: "half", x2: "", lijst: ["p"] }, "skip"));
    expect(await draftsOf(b.sessionId)).toEqual({ b: { x: "half", lijst: "p" } });
  });

  it("going forward goes to the next step, not back to an earlier one with an open optional question", async () => {
    // a's note and b's list are optional and open; c is the current step.
    const c = stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "lang" }, b: { x: "y" } }));
    expect(c.stepId).toBe("c");
    expect(stepOf(await card(c, { y: "goed", y2: "ook goed" })).stepId).toBe("d");
  });

  it("the last step sent again on the dialog as it was before is not stored a second time", async () => {
    const d = stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "kort" }, c: { y: "ja", y2: "" } }));
    const seen = (await engine.activeSession(juf))!;
    const values = { z1: "x", z2: "y", datum: "2026-11-30" };
    const count = stored.length;
    expect((await card(d, values)).kind).toBe("completed");
    const again = await engine.submit(
      juf,
      { sessionId: d.sessionId, stepId: d.stepId, version: d.version, action: "submit", values },
      { sessionId: d.sessionId, session: seen },
    );
    expect(again).toEqual({ kind: "stale", text: translate("nl", "engine.finished") });
    expect(stored.length).toBe(count + 1);
  });

  it("'ok' with every question asked answered takes the default of an optional question text mode does not ask", async () => {
    stepOf(await engine.start(juf, "round", subject(), { wie: { leerling: "p-sam" }, deel: { w: "" } }));
    const slot = await typed("tot slot");
    expect(slot.stepId).toBe("slot");
    const done = await engine.answerText(juf, "ok");
    expect(done?.kind).toBe("completed");
    expect(stored.at(-1)?.slot).toEqual({ v: "tot slot", meer: false });
  });

  it("a step that goes away by its own answer continues at the first open step, or completes when none is open", async () => {
    const b = stepOf(await engine.start(juf, "note", subject(), { a: { keuze: "lang", noot: "n" } }));
    expect(b.stepId).toBe("b");
    expect(stepOf(await card(b, { x: "weg", x2: "", lijst: [] })).stepId).toBe("c");
    await engine.abandonActive(juf);
    const all = { a: { keuze: "lang", noot: "n" }, c: { y: "ja", y2: "" }, d: { z1: "x", z2: "y", datum: "2026-11-30" } };
    const last = stepOf(await engine.start(juf, "note", subject(), all));
    expect(last.stepId).toBe("b");
    expect((await card(last, { x: "weg", x2: "", lijst: [] })).kind).toBe("completed");
    expect(stored.at(-1)).toEqual(all);
  });

  it("a card that loses a race with another turn keeps what it carried in the reply", async () => {
    const a = stepOf(await engine.start(juf, "note", subject()));
    const seen = (await engine.activeSession(juf))!;
    await engine.answerText(juf, "lang"); // another device answers first
    const late = await engine.submit(
      juf,
      { sessionId: a.sessionId, stepId: a.stepId, version: a.version, action: "submit", values: { keuze: "kort", noot: "mijn notitie" } },
      { sessionId: a.sessionId, session: seen },
    );
    // The dialog is still at this step: the card comes back with what it carried, to check and send again.
    expect(late).toMatchObject({ kind: "stale", text: translate("nl", "question.staleKept") });
    const shown = late.kind === "stale" ? late.view : undefined;
    expect(shown?.fields.find((f) => f.id === "noot")?.raw).toBe("mijn notitie");
    expect(shown?.fields.find((f) => f.id === "keuze")?.raw).toBe("kort");
    expect((await answersOf(a.sessionId)).a).toEqual({ keuze: "lang" });
  });
});

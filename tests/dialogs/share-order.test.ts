// Whether an item may be shared with parents is asked one way, in one place: right after the item
// and the pupil's explanation of it, in field order, typed or on a card, with a label that quotes
// the item. A teacher typing through a conversation answers each question in turn; what they type
// must land in the field that question asked, never in the share question or the other way round.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { loadBuiltinFormats } from "../../bot/formats/registry.js";
import type { ConversationFormat } from "../../bot/formats/schema.js";
import { goalToken } from "../../bot/services/evaluations.js";
import { DialogEngine, type EngineResult } from "../../dialogs/engine/engine.js";
import { nextTextField } from "../../dialogs/engine/next-field.js";
import { parseFieldInput } from "../../dialogs/engine/parse-field.js";
import type { FieldView, StepView } from "../../dialogs/engine/types.js";
import { CONVERSATION, EVALUATE, FLOWS, NOTE } from "../../dialogs/flows/index.js";
import { renderStepCard } from "../../dialogs/render/adaptive-card/index.js";
import { renderStepMessage, renderStepModal } from "../../dialogs/render/block-kit/index.js";
import { renderStepText } from "../../dialogs/render/text.js";
import { makeHeldGoal } from "../evaluations/fixtures.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

const NOW = new Date("2026-11-23T09:00:00Z"); // a Monday
const IN_TWO_WEEKS = "07-12-2026";
let t: TestDatabase;
let engine: DialogEngine;
let teacher: Actor;
let schoolId: string;
let groupId: string;

const newest = (key: string): ConversationFormat =>
  loadBuiltinFormats()
    .filter((f) => f.key === key)
    .sort((a, b) => b.version - a.version)[0]!;
const base = { pupilId: null, groupId: null, conversationId: null, formatKey: null, formatVersion: null };
const subject = (format: ConversationFormat, pupilId: string) =>
  format.subject === "group"
    ? { ...base, groupId, formatKey: format.key, formatVersion: format.version }
    : { ...base, pupilId, formatKey: format.key, formatVersion: format.version };

/** What a teacher types for the question asked: the pupil's words, "ja" to share, "1" for a choice. */
function typedAnswer(view: StepView, field: FieldView): string {
  if (field.id.endsWith("__share")) return "ja";
  // The leerlingbespreking's educational goal comes pre-filled with the sharpened goal: kept as it is.
  if (view.stepId === "educationalGoal" && field.id === "goalText") return "ok";
  switch (field.kind) {
    case "yesNo":
      return field.id === "another" ? "nee" : "ja";
    case "singleChoice":
    case "multiChoice":
    case "pupil":
      return "1";
    case "date":
      return IN_TWO_WEEKS;
    case "time":
      return "10:30";
    case "number":
      return String(Math.max(field.min ?? 0, Math.min(field.max ?? 15, 15)));
    default:
      break;
  }
  const words: Record<string, string> = {
    who: "Sam en juf Anna",
    what: "leest elke dag 10 minuten in zijn leesboek",
    when: "elke dag na de instructie",
    goalText: "Ik wil de tafel van 7 uit mijn hoofd kennen",
    observableGoal: "Werkt na de groepsinstructie 10 minuten zelfstandig aan een taak",
  };
  // The pupil's explanation of a shareable item: a bare "ja" is a story too.
  return words[field.id] ?? (EXPLANATIONS.has(field.id) ? "ja" : `woorden over ${field.id}`);
}

/** The fields the built-in formats mark as the pupil's explanation of a shareable item. */
const EXPLANATIONS = new Set(["feelingNote", "howItWorked", "whatIsDifferent"]);

interface Asked {
  stepId: string;
  fieldId: string;
  label: string;
  typed: string;
}

/** Types the answer to every question text mode asks ("ok" when a step has nothing left to ask). */
async function typeThrough(first: EngineResult, answer = typedAnswer, maxTurns = 250): Promise<{ asked: Asked[]; result: EngineResult }> {
  const asked: Asked[] = [];
  let result = first;
  for (let i = 0; i < maxTurns && result.kind === "step"; i++) {
    const view = result.view;
    const field = nextTextField(view);
    const typed = field ? answer(view, field) : "ok";
    if (field) {
      expect(renderStepText(view), `${view.stepId}.${field.id} is the question shown`).toContain(field.label);
      asked.push({ stepId: view.stepId, fieldId: field.id, label: field.label, typed });
    }
    const next = await engine.answerText(teacher, typed);
    if (!next) throw new Error("no active dialog");
    if (next.kind === "step" && field && next.view.stepId === view.stepId && next.view.fields.find((f) => f.id === field.id)?.error) {
      throw new Error(`${view.stepId}.${field.id} refused "${typed}": ${next.view.fields.find((f) => f.id === field.id)?.error}`);
    }
    result = next;
  }
  if (result.kind === "step") throw new Error(`not done after ${maxTurns} turns, at ${result.view.stepId}`);
  return { asked, result };
}

const askedIn = (asked: Asked[], stepId: string) => asked.filter((a) => a.stepId === stepId).map((a) => a.fieldId);

async function storedAnswers(pupilId: string | null): Promise<Record<string, Record<string, unknown>>> {
  // (Not a kindgesprek the leerlingbespreking proposed: that one is planned, with no answers yet.)
  const held = await t.db.conversation.findFirstOrThrow({
    where: { ...(pupilId ? { pupilId } : { groupId }), status: { not: "planned" } },
    orderBy: { createdAt: "desc" },
  });
  return JSON.parse(held.answers) as Record<string, Record<string, unknown>>;
}

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db);
  schoolId = school.id;
  const group = await makeGroup(t.db, school.id, "groep 5", "middenbouw");
  groupId = group.id;
  teacher = await loadActor(t.db, (await makeStaff(t.db, school.id, { groups: [group.id] })).id);
  engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
});
afterAll(async () => t?.destroy());

/** Per built-in format: the order text mode asks the steps with a share question (field ids). */
const EXPECTED: Record<string, Record<string, string[]>> = {
  "middenbouw-kindgesprek": {
    s_start: ["feeling", "feelingNote", "feeling__share"],
    s_trots: ["proudOf", "howItWorked", "proudOf__share"],
  },
  "onderbouw-welbevinden": {
    s_gevoel: ["feeling", "feelingNote", "feeling__share"],
    s_plaatjes: ["themes", "story", "story__share"],
    s_trotsEnWens: ["proudOf", "proudOf__share", "wantsToLearn", "wantsToLearn__share"],
  },
  "hgw-kindgesprek": {
    s_uitzonderingen: ["exceptions", "whatIsDifferent", "exceptions__share"],
    s_sterkeKanten: ["talents", "talents__share", "interests", "interests__share", "supportAround"],
    s_oplossingen: ["pupilSolutions", "pupilSolutions__share", "teacherAdditions", "tipsForTeacher"],
  },
  "bovenbouw-kindgesprek": {
    s_hoeVerBenIk: ["previousGoal", "evaluation", "evaluation__share", "proof", "proof__share"],
    s_waarGaIkNaartoe: ["focusArea", "nextTest", "lastScore", "targetScore", "targetScore__share"],
  },
  kindplan: { s_nuKanIk: ["nowICan", "nowICan__share"], s_goedGevoel: ["feelGood", "feelGood__share"] },
  groepsgesprek: {},
  leerlingbespreking: {},
};
/** The standard closing: the goal and the agreement are shared (or not) as a whole, after all their parts (then who set it and chose the way). */
const PLAN = {
  goal1: ["nowText", "goalText", "ownPlan", "goalText__share", "setBy", "approachBy"],
  agreement1: ["who", "what", "when", "what__share", "another"],
};

describe(`the share question, typed, in every built-in format on ${testProvider()}`, () => {
  for (const key of Object.keys(EXPECTED)) {
    it(`${key}: asks it right after the item and the pupil's explanation, quoting the item`, async () => {
      const format = newest(key);
      const pupilId = (await makePupil(t.db, schoolId, groupId, `Typ-${key}`)).id;
      const { asked, result } = await typeThrough(await engine.start(teacher, CONVERSATION, subject(format, pupilId)));
      expect(result.kind).toBe("completed");

      for (const [stepId, order] of Object.entries(EXPECTED[key]!)) expect(askedIn(asked, stepId), `${key} ${stepId}`).toEqual(order);
      const plan =
        format.subject === "group"
          ? { goal1: ["nowText", "goalText", "ownPlan"], agreement1: [] }
          : format.subject === "colleague"
            ? { ...PLAN, goal1: PLAN.goal1.filter((id) => id !== "setBy" && id !== "approachBy") }
            : PLAN;
      if (format.closeWithPlan) {
        expect(askedIn(asked, "goal1")).toEqual(plan.goal1);
        if (format.subject !== "group") expect(askedIn(asked, "agreement1")).toEqual(plan.agreement1);
      }
      const shares = asked.filter((a) => a.fieldId.endsWith("__share"));
      if (Object.keys(EXPECTED[key]!).length === 0) expect(shares.filter((a) => a.stepId.startsWith("s_"))).toEqual([]);
      // Every share question quotes its item, so it cannot be taken for a content question.
      for (const share of shares) {
        const item = asked.find((a) => a.stepId === share.stepId && a.fieldId === share.fieldId.replace(/__share$/, ""))!;
        expect(share.label).toBe(`Mogen ouders lezen wat de leerling zei over ‘${item.label}’ (ja/nee)`);
      }

      // What was typed landed where it was asked: a "ja" typed as the pupil's story is the story,
      // and the "ja" typed to the share question is the share choice.
      const answers = await storedAnswers(format.subject === "group" ? null : pupilId);
      for (const a of asked.filter((x) => x.stepId.startsWith("s_"))) {
        const stored = answers[a.stepId]?.[a.fieldId];
        if (a.fieldId.endsWith("__share")) expect(stored, `${a.stepId}.${a.fieldId}`).toBe(true);
        else if (a.typed === "ja" || a.typed.startsWith("woorden")) expect(stored, `${a.stepId}.${a.fieldId}`).toBe(a.typed);
      }
    });
  }

  it("the note, the evaluation and the look back on earlier goals ask it the same way", async () => {
    const pupilId = (await makePupil(t.db, schoolId, groupId, "Terugblik")).id;
    const note = await typeThrough(await engine.start(teacher, NOTE, { ...base, pupilId }));
    expect(askedIn(note.asked, "note")).toEqual(["text", "goal", "text__share"]);
    expect((await t.db.note.findFirstOrThrow({ where: { pupilId } })).shareWithParents).toBe(true);

    const { goal } = await makeHeldGoal(t.db, { schoolId, pupilId, createdById: teacher.staffId });
    const evaluation = await typeThrough(await engine.start(teacher, EVALUATE, { ...base, pupilId }, { goal: { goal: goalToken(goal) } }));
    expect(askedIn(evaluation.asked, "outcome")).toEqual(["outcome", "note", "outcome__share"]);
    expect(askedIn(evaluation.asked, "next")).toEqual(["assessedBy", "nextStep"]);
    expect((await t.db.evaluation.findFirstOrThrow({ where: { goalId: goal.id } })).shareWithParents).toBe(true);

    // The pupil now has an earlier goal: the conversation opens by looking back on it.
    const again = await typeThrough(await engine.start(teacher, CONVERSATION, subject(newest("kindplan"), pupilId)));
    expect(askedIn(again.asked, "opening")).toEqual(["previousReview", "previousReview__share", "lookedBackBy"]);
  });
});

async function startAtFeeling(name: string): Promise<{ pupilId: string; view: StepView }> {
  const pupilId = (await makePupil(t.db, schoolId, groupId, name)).id;
  const start = await engine.start(teacher, CONVERSATION, subject(newest("middenbouw-kindgesprek"), pupilId));
  if (start.kind !== "step" || start.view.stepId !== "s_start") throw new Error("expected the first section");
  return { pupilId, view: start.view };
}

const stepOf = (r: EngineResult | null): StepView => {
  if (r?.kind !== "step") throw new Error(`expected a step, got ${r?.kind}`);
  return r.view;
};
const field = (view: StepView, id: string) => view.fields.find((f) => f.id === id)!;

describe(`typing the pupil's words where a yes/no is asked, on ${testProvider()}`, () => {
  it("refuses them with a clear message, keeps what was typed, and stores nothing as the share choice", async () => {
    await startAtFeeling("Woorden");
    await engine.answerText(teacher, "1");
    let view = stepOf(await engine.answerText(teacher, "Ze speelt graag met Noor"));
    expect(nextTextField(view)?.id).toBe("feeling__share");
    view = stepOf(await engine.answerText(teacher, "ja, want ze vindt het fijn in de klas"));
    expect(field(view, "feeling__share")).toMatchObject({ raw: "ja, want ze vindt het fijn in de klas" });
    expect(field(view, "feeling__share").error).toContain("ja/nee-vraag");
    expect(field(view, "feeling__share").value).toBeUndefined();
    expect(field(view, "feelingNote").value).toBe("Ze speelt graag met Noor");
    expect(renderStepText(view)).toContain("Je typte: ja, want ze vindt het fijn in de klas");
    view = stepOf(await engine.answerText(teacher, "nee"));
    const session = await t.db.dialogSession.findUniqueOrThrow({ where: { id: view.sessionId } });
    expect(JSON.parse(session.answers).s_start).toMatchObject({ feelingNote: "Ze speelt graag met Noor", feeling__share: false });
    await engine.abandonActive(teacher);
  });

  it("does not ask to share an item left empty, and an empty item is never shared", async () => {
    const { view: first } = await startAtFeeling("Leeg");
    let view = stepOf(await engine.answerText(teacher, "-"));
    expect(nextTextField(view)?.id).toBe("feelingNote");
    const after = await engine.answerText(teacher, "Ze wilde er niets over zeggen");
    // Nothing is left to ask in this step: no share question about an empty item.
    if (after?.kind === "step" && after.view.stepId === "s_start") {
      expect(nextTextField(after.view)).toBeUndefined();
      view = stepOf(await engine.answerText(teacher, "ok"));
    } else view = stepOf(after);
    expect(view.stepId).not.toBe("s_start");
    const session = await t.db.dialogSession.findUniqueOrThrow({ where: { id: first.sessionId } });
    expect(JSON.parse(session.answers).s_start.feeling__share).not.toBe(true);
    await engine.abandonActive(teacher);
  });
});

describe("a yes/no typed in text", () => {
  const share = {
    id: "feeling__share",
    kind: "yesNo" as const,
    label: { nl: "Delen?", en: "Share?" },
    required: false,
    shareable: false,
    skills: [],
    coach: false,
    educationalNeed: false,
  };
  it("is yes or no only for a yes or a no; 'ok' (typed to move on) and the pupil's words are refused", () => {
    for (const yes of ["ja", "Ja", "j", "yes", "wel"]) expect(parseFieldInput(share, yes, { today: "2026-11-23" })).toEqual({ ok: true, value: true });
    for (const no of ["nee", "n", "no", "niet"]) expect(parseFieldInput(share, no, { today: "2026-11-23" })).toEqual({ ok: true, value: false });
    for (const other of ["ok", "oké", "ja hoor, ze vindt het fijn", "misschien"]) expect(parseFieldInput(share, other, { today: "2026-11-23" }).ok).toBe(false);
  });
});

describe(`the share toggle on a card and in Slack, on ${testProvider()}`, () => {
  it("sits directly under the item and its explanation, with the same label as typed", async () => {
    const { view } = await startAtFeeling("Kaart");
    const label = field(view, "feeling__share").label;
    expect(label).toBe("Mogen ouders lezen wat de leerling zei over ‘Hoe voelt de leerling zich in de klas?’ (ja/nee)");

    const card = renderStepCard(view);
    const inputs = card.body.filter((el): el is typeof el & { id: string; label?: string } => String(el.type).startsWith("Input."));
    expect(inputs.map((i) => i.id)).toEqual(["f_feeling", "f_feelingNote", "f_feeling__share"]);
    expect(inputs[2]!.label).toBe(label);

    const modal = renderStepModal(view);
    const blocks = modal.blocks.filter((b) => b.type === "input") as Array<{ block_id: string; label: { text: string } }>;
    expect(blocks.map((b) => b.block_id)).toEqual(["f_feeling", "f_feelingNote", "f_feeling__share"]);
    expect(blocks[2]!.label.text).toBe(label);

    // In a DM message the explanation needs the form, so the share question goes with it, after it.
    const message = JSON.stringify(renderStepMessage(view).blocks);
    expect(message).not.toContain("gw_field:feeling__share");
    expect(message.indexOf("Wat vertelt de leerling daarover?")).toBeLessThan(message.indexOf("Mogen ouders lezen"));
    await engine.abandonActive(teacher);
  });
});

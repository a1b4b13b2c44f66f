// A field's length limit is one number, the same in the core and in every channel: shown before
// anyone reaches it (text, card, modal), and an over-long answer is refused with a message that
// names the limit and how much too long it is — the text kept and shown again, never cut.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { MAX_TEXT_LIMIT, TEXT_LIMITS } from "../../bot/formats/fields.js";
import { DialogEngine, type EngineResult } from "../../dialogs/engine/engine.js";
import type { StepView } from "../../dialogs/engine/types.js";
import { FLOWS, NOTE } from "../../dialogs/flows/index.js";
import { renderStepCard } from "../../dialogs/render/adaptive-card/index.js";
import { renderStepModal } from "../../dialogs/render/block-kit/index.js";
import { renderStepText } from "../../dialogs/render/text.js";
import { SLACK_LIMITS } from "../../dialogs/render/block-kit/schema.js";
import { localUser, oneClass, quietCore } from "../support/one-class.js";
import { testProvider, type TestDatabase } from "../support/test-db.js";

const NOW = new Date("2026-11-23T09:00:00Z");
let t: TestDatabase;
let engine: DialogEngine;
let teacher: Actor;
let pupilId: string;

beforeAll(async () => {
  const world = await oneClass({ teachers: ["juf.limiet@test.example"] });
  ({ t, pupilId } = world);
  teacher = await loadActor(t.db, world.staffIds[0]!);
  engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
});
afterAll(async () => t?.destroy());

const stepOf = (r: EngineResult | null): StepView => {
  if (r?.kind !== "step") throw new Error(`expected a step, got ${r?.kind}`);
  return r.view;
};
const startNote = async () => stepOf(await engine.start(teacher, NOTE, { pupilId, groupId: null, conversationId: null, formatKey: null, formatVersion: null }));
/** A child's story of `length` characters, in words. */
const story = (length: number) => "Sam vertelde over de hut die hij bouwde. ".repeat(Math.ceil(length / 41)).slice(0, length);

type CardInput = { type: string; id: string; maxLength?: number; value?: string };

describe(`field limits on ${testProvider()}`, () => {
  it("fit what every channel carries: long text 3000 (Slack's most), short text 1000", () => {
    expect(TEXT_LIMITS).toEqual({ shortText: 1000, longText: 3000 });
    expect(MAX_TEXT_LIMIT).toBe(SLACK_LIMITS.plainTextInput);
  });

  it("are shown in the text question, on the card (maxLength and a hint) and in the Slack modal (max_length and a hint)", async () => {
    const view = await startNote();
    expect(view.fields.map((f) => [f.id, f.maxLength])).toEqual([
      ["text", 3000],
      ["goal", 1000],
      ["text__share", undefined],
    ]);
    expect(renderStepText(view)).toContain("Hoogstens 3000 tekens.");

    const card = renderStepCard(view);
    const text = card.body.findIndex((el) => (el as CardInput).id === "f_text");
    expect(card.body[text]).toMatchObject({ type: "Input.Text", maxLength: 3000 });
    expect(JSON.stringify(card.body.slice(text + 1, text + 3))).toContain("Hoogstens 3000 tekens.");
    expect(card.body.find((el) => (el as CardInput).id === "f_goal")).toMatchObject({ maxLength: 1000 });
    expect(JSON.stringify(card)).toContain("Hoogstens 1000 tekens.");

    const modal = renderStepModal(view);
    const input = (id: string) =>
      modal.blocks.find((b) => b.type === "input" && b.block_id === `f_${id}`) as unknown as { element: Record<string, unknown>; hint?: { text: string } };
    expect(input("text").element).toMatchObject({ type: "plain_text_input", max_length: 3000 });
    expect(input("text").hint?.text).toContain("Hoogstens 3000 tekens.");
    expect(input("goal").element).toMatchObject({ max_length: 1000 });
    expect(input("goal").hint?.text).toContain("Hoogstens 1000 tekens.");
    await engine.abandonActive(teacher);
  });

  it("refuse an over-long typed answer, naming the limit and how much too long, and keep the text whole", async () => {
    await startNote();
    const typed = story(3007);
    const view = stepOf(await engine.answerText(teacher, typed));
    const refused = view.fields.find((f) => f.id === "text")!;
    expect(refused.error).toBe("Dit is 7 tekens te lang: hier passen hoogstens 3000 tekens. Maak je tekst korter; er is niets van weggehaald.");
    expect(refused.raw).toBe(typed);
    expect(refused.value).toBeUndefined();
    expect(renderStepText(view)).toContain(`Je typte: ${typed.trim()}`);

    // Shown again whole on a card (the input made to hold it) and beside a Slack input that cannot.
    const card = renderStepCard(view);
    expect(card.body.find((el) => (el as CardInput).id === "f_text")).toMatchObject({ value: typed, maxLength: typed.length });
    const modal = JSON.stringify(renderStepModal(view).blocks);
    const shown = JSON.parse(modal) as Array<{ type: string; text?: { text: string }; element?: { initial_value?: string } }>;
    expect(shown.find((b) => b.type === "input")?.element?.initial_value).toBeUndefined();
    expect(
      shown
        .filter((b) => b.type === "section")
        .map((b) => b.text!.text)
        .join(""),
    ).toContain(typed.trim());

    // One character less fits: stored as typed, not cut.
    const fitting = story(3000);
    const next = await engine.answerText(teacher, fitting);
    const session = await t.db.dialogSession.findUniqueOrThrow({ where: { id: view.sessionId } });
    expect(JSON.parse(session.answers).note.text).toBe(fitting.trim());
    expect(next?.kind).toBe("step");
    await engine.abandonActive(teacher);
  });

  it("refuse an over-long card or modal submission the same way, and a note that fits its limit is stored whole", async () => {
    const view = await startNote();
    const long = story(1001);
    const refused = stepOf(
      await engine.submit(teacher, {
        sessionId: view.sessionId,
        stepId: view.stepId,
        version: view.version,
        action: "submit",
        values: { text: story(3000), goal: long, text__share: "false" },
      }),
    );
    const goal = refused.fields.find((f) => f.id === "goal")!;
    expect(goal.error).toBe("Dit is 1 teken te lang: hier passen hoogstens 1000 tekens. Maak je tekst iets korter; er is niets van weggehaald.");
    expect(goal.raw).toBe(long);
    expect(await t.db.note.count({ where: { pupilId } })).toBe(0);
    const done = await engine.submit(teacher, {
      sessionId: refused.sessionId,
      stepId: refused.stepId,
      version: refused.version,
      action: "submit",
      values: { text: story(3000), goal: story(1000), text__share: "false" },
    });
    expect(done.kind).toBe("completed");
    const note = await t.db.note.findFirstOrThrow({ where: { pupilId } });
    expect(note.text).toBe(story(3000).trim());
    expect(note.goalText).toBe(story(1000).trim());
  });

  it("refuse a quick note typed in one message that is too long, naming the limit and showing the note back", async () => {
    const core = quietCore(t.db);
    const user = localUser("juf.limiet@test.example");
    const before = await t.db.note.count({ where: { pupilId } });
    const typed = story(3002);
    const result = await core.handleTurn({ user, text: `notitie Sam: ${typed}` });
    const replies = result.replies.map((r) => r.text).join("\n");
    expect(replies).toContain("Dit is 2 tekens te lang: hier passen hoogstens 3000 tekens.");
    expect(replies).toContain(typed);
    expect(await t.db.note.count({ where: { pupilId } })).toBe(before);
  });
});

// The short way's two cards as every channel renders them: a valid Adaptive Card 1.5 within
// Teams' size, a Block Kit modal within Slack's limits, the compact text view; in Dutch and
// English, with last time's goal and agreement on the conversation card. And the engine's
// guarantees hold for them: a stale card keeps its input and says so, a double submit stores once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { setConversationMode } from "../../bot/services/conversation-mode.js";
import { DialogEngine, type EngineResult } from "../../dialogs/engine/engine.js";
import type { StepView } from "../../dialogs/engine/types.js";
import { CONVERSATION, FLOWS } from "../../dialogs/flows/index.js";
import { cardByteSize, renderStepCard } from "../../dialogs/render/adaptive-card/index.js";
import { renderStepModal } from "../../dialogs/render/block-kit/index.js";
import { SLACK_LIMITS } from "../../dialogs/render/block-kit/schema.js";
import { renderStepText } from "../../dialogs/render/text.js";
import { makeHeldGoal } from "../evaluations/fixtures.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

const NOW = new Date("2026-11-23T09:00:00Z"); // a Monday
let t: TestDatabase;
let engine: DialogEngine;

beforeAll(async () => {
  t = await createTestDatabase();
  engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
});
afterAll(async () => t?.destroy());

/** A teacher who works short, at a school of their own, with a pupil who had a conversation before. */
async function shortTeacher(locale: "nl" | "en" = "nl"): Promise<{ actor: Actor; pupilId: string }> {
  const school = await makeSchool(t.db);
  const group = await makeGroup(t.db, school.id, "groep 4", "middenbouw");
  const staff = await makeStaff(t.db, school.id, { groups: [group.id] });
  await t.db.staff.update({ where: { id: staff.id }, data: { locale } });
  const pupil = await makePupil(t.db, school.id, group.id, "Otis");
  await makeHeldGoal(t.db, { schoolId: school.id, pupilId: pupil.id, createdById: staff.id, evaluationDate: "2026-12-14" });
  const actor = await loadActor(t.db, staff.id);
  await setConversationMode(t.db, actor, "short");
  return { actor, pupilId: pupil.id };
}

const start = (actor: Actor, pupilId: string) =>
  engine.start(actor, CONVERSATION, { pupilId, groupId: null, conversationId: null, formatKey: "middenbouw-kindgesprek", formatVersion: null });
const viewOf = (result: EngineResult): StepView => {
  if (result.kind !== "step" && result.kind !== "stale") throw new Error(`expected a step, got ${result.kind}`);
  return result.view!;
};
const submit = (actor: Actor, view: StepView, values: Record<string, unknown>) =>
  engine.submit(actor, { sessionId: view.sessionId, stepId: view.stepId, version: view.version, action: "submit", values });

function expectWithinLimits(view: StepView) {
  const card = renderStepCard(view, { clientValidation: false });
  expect(card.version).toBe("1.5");
  expect(cardByteSize(card)).toBeLessThan(28 * 1024);
  const modal = renderStepModal(view, { callbackId: "gw_step" });
  expect(modal.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.modalBlocks);
  expect(modal.private_metadata.length).toBeLessThanOrEqual(SLACK_LIMITS.privateMetadata);
  expect(modal.title.text.length).toBeLessThanOrEqual(SLACK_LIMITS.modalTitle);
  const inputs = modal.blocks.filter((b) => b.type === "input").length;
  expect(inputs).toBe(view.fields.length);
  const text = renderStepText(view);
  view.fields.forEach((f, i) => expect(text).toContain(`${i + 1}. ${f.label}`));
}

describe(`the short way's cards on ${testProvider()}`, () => {
  for (const locale of ["nl", "en"] as const) {
    it(`renders the conversation card and the record card within every channel's limits (${locale})`, async () => {
      const { actor, pupilId } = await shortTeacher(locale);
      const card = viewOf(await start(actor, pupilId));
      expect(card.stepId).toBe("kaart");
      // Last time's goal and agreement are on the card, with the phases' example questions.
      expect(card.info.join("\n")).toContain("oefent elke dag vijf minuten de tafels");
      expect(card.info.join("\n")).toContain("Ik wil de tafels van 6 en 7 foutloos opzeggen");
      expect(card.info.length).toBeGreaterThanOrEqual(3);
      expectWithinLimits(card);
      const record = viewOf(await submit(actor, card, { goalWords: "lezen", hard: "x".repeat(1000) }));
      expect(record.stepId).toBe("record");
      expectWithinLimits(record);
      // With every field refused and typed in full, still within limits.
      const refused = viewOf(
        await submit(actor, record, { goalWhen: "now", goalText: "", what: "x".repeat(3000), when: "y".repeat(1000), evaluationDate: "" }),
      );
      expect(refused.fields.filter((f) => f.error).length).toBeGreaterThanOrEqual(3);
      expectWithinLimits(refused);
    });
  }

  it("leaves the onderbouw quick moment its own few steps, and the leerlingbespreking its goal sharpener", async () => {
    const { actor, pupilId } = await shortTeacher();
    const startWith = async (formatKey: string) =>
      viewOf(await engine.start(actor, CONVERSATION, { pupilId, groupId: null, conversationId: null, formatKey, formatVersion: null }));
    const quick = await startWith("onderbouw-welbevinden");
    expect(quick.stepId).not.toBe("kaart");
    expect(quick.progress.total).toBeLessThanOrEqual(5);
    await t.db.dialogSession.updateMany({ where: { id: quick.sessionId }, data: { status: "cancelled" } });
    const review = await startWith("leerlingbespreking");
    expect(review.stepId).not.toBe("kaart");
  });

  it("keeps a stale card's input and says so; the same submit twice stores once", async () => {
    const { actor, pupilId } = await shortTeacher();
    const card = viewOf(await start(actor, pupilId));
    const record = viewOf(await submit(actor, card, {}));
    // The conversation card again, from before: stale, its words shown back, nothing changed.
    const stale = await submit(actor, card, { goalWords: "zelf een boek kiezen" });
    expect(stale.kind).toBe("stale");
    expect(stale.kind === "stale" && stale.text).toMatch(/niet meer actueel/);
    expect(JSON.stringify(stale)).toContain("zelf een boek kiezen");
    const values = { goalWhen: "later", what: "leest elke dag een bladzijde", when: "elke dag na de pauze", who: "Otis" };
    const done = await submit(actor, record, values);
    expect(done.kind).toBe("completed");
    const again = await submit(actor, record, values);
    expect(again.kind).toBe("stale");
    const agreements = await t.db.agreement.findMany({ where: { pupilId, what: "leest elke dag een bladzijde" } });
    expect(agreements).toHaveLength(1);
    // "Goal later": no goal is stored from this conversation.
    const goals = await t.db.goal.findMany({ where: { pupilId, conversationId: agreements[0]!.conversationId } });
    expect(goals).toHaveLength(0);
  });

  it("says what lines typed with klaar in one message replaced, above the confirmation", async () => {
    const { actor, pupilId } = await shortTeacher();
    await start(actor, pupilId);
    const record = viewOf((await engine.answerText(actor, "4: leest elke dag een bladzijde\nklaar"))!);
    expect(record.stepId).toBe("record");
    const done = await engine.answerText(actor, "2: 2\n12: leest elke dag twee bladzijden\n13: na de pauze\nklaar");
    expect(done?.kind).toBe("completed");
    expect(done?.kind === "completed" && done.completion.text).toContain("er stond: “leest elke dag een bladzijde”");
    const agreements = await t.db.agreement.findMany({ where: { pupilId, whenText: "na de pauze" } });
    expect(agreements.map((a) => a.what)).toEqual(["leest elke dag twee bladzijden"]);
  });
});

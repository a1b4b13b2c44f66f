// Issue 10, item 9, in the text channel: "wijzig n" shows the answer it changes and "ok" keeps it;
// a default shown as filled in is accepted with "ok"; "terug" then "ok" stops at a step that still
// has an unanswered question instead of jumping past it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { BotReply, StepView } from "../../bot/channel/types.js";
import { nextTextField } from "../../dialogs/engine/next-field.js";
import { renderStepText } from "../../dialogs/render/text.js";
import { testProvider, type TestDatabase } from "../support/test-db.js";
import { localUser, oneClass, quietCore } from "../support/one-class.js";

let t: TestDatabase;
let core: BotCore;
const juf = localUser("juf.edit@test.example");

beforeAll(async () => {
  ({ t } = await oneClass({ group: "groep 6", bouw: "bovenbouw", pupil: "Mila", teachers: [juf.externalId] }));
  core = quietCore(t.db);
});
afterAll(async () => t?.destroy());
beforeEach(async () => {
  await t.db.dialogSession.updateMany({ where: { status: { in: ["active", "paused"] } }, data: { status: "cancelled" } });
});

const say = async (text: string): Promise<StepView> => {
  const result = await core.handleTurn({ user: juf, text });
  return result.replies.find((r: BotReply) => r.step)!.step!;
};
const answers = async (id: string) =>
  JSON.parse((await t.db.dialogSession.findUniqueOrThrow({ where: { id } })).answers) as Record<string, Record<string, unknown>>;

describe(`changing and confirming answers in text on ${testProvider()}`, () => {
  it("accepts a default shown as filled in with 'ok'", async () => {
    const first = await say("voorbereiden Mila");
    const format = nextTextField(first)!;
    expect(format.isDefault).toBe(true);
    expect(renderStepText(first)).toContain("typ **ok** om dit te houden");
    const next = await say("ok");
    expect(next.stepId).not.toBe(first.stepId);
    expect((await answers(first.sessionId))[first.stepId]?.[format.id]).toBe(format.value);
  });

  it("'wijzig n' shows the current answer; 'ok' keeps it, new text replaces it once", async () => {
    const first = await say("voorbereiden Mila");
    await say("ok");
    await say("Mila is stil in de kring");
    const editing = await say("wijzig 1");
    const field = nextTextField(editing)!;
    expect(field.editing).toBe(true);
    expect(field.value).toBe("Mila is stil in de kring");
    expect(renderStepText(editing)).toContain("Nu ingevuld: Mila is stil in de kring (typ **ok** om dit te houden)");
    const kept = await say("ok");
    expect(nextTextField(kept)?.editing).toBeUndefined();
    expect((await answers(first.sessionId))[editing.stepId]?.[field.id]).toBe("Mila is stil in de kring");
    await say("wijzig 1");
    await say("Mila zegt weinig in de kring");
    const stored = JSON.stringify(await answers(first.sessionId));
    expect(stored).toContain("Mila zegt weinig in de kring");
    expect(stored).not.toContain("Mila is stil in de kring");
  });

  it("'terug' then 'ok' goes to the step with a question still open, not past it", async () => {
    const first = await say("voorbereiden Mila");
    const aim = await say("ok");
    await say("Mila is stil in de kring");
    const third = await say("Ze wil vaker iets vertellen");
    // Both required questions of this step are answered; its optional one is asked now.
    expect(third.stepId).toBe(aim.stepId);
    const optional = nextTextField(third)!;
    expect(optional.required).toBe(false);
    const back = await say("terug");
    expect(back.stepId).toBe(first.stepId);
    const forward = await say("ok");
    expect(forward.stepId).toBe(aim.stepId);
    expect(nextTextField(forward)?.id).toBe(optional.id);
  });
});

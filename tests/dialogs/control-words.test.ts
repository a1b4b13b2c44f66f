// Control words typed while a dialog is open act and are never stored as an answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import { testProvider, type TestDatabase } from "../support/test-db.js";
import { localUser, oneClass, quietCore } from "../support/one-class.js";

let t: TestDatabase;
let core: BotCore;
const juf = localUser("juf.control@test.example");
// Her own teacher: a refused step stays open after "stop" (it asks first), so it must not meet the others.
const jufOk = localUser("juf.ok@test.example");

beforeAll(async () => {
  ({ t } = await oneClass({ teachers: [juf.externalId, jufOk.externalId] }));
  core = quietCore(t.db);
});
afterAll(async () => t?.destroy());

const say = (text: string) => core.handleTurn({ user: juf, text });
const answersOf = async (sessionId: string) => (await t.db.dialogSession.findUniqueOrThrow({ where: { id: sessionId } })).answers;

describe(`control words during a dialog on ${testProvider()}`, () => {
  for (const word of ["verder", "Verder", "resume"]) {
    it(`"${word}" shows the current step again and stores nothing`, async () => {
      const started = await say("voorbereiden Sam");
      const step = started.replies.find((r) => r.step)!.step!;
      const before = await answersOf(step.sessionId);
      const again = await say(word);
      expect(again.route).toBe("dialog.resume");
      const shown = again.replies.find((r) => r.step)?.step;
      expect(shown?.sessionId).toBe(step.sessionId);
      expect(shown?.stepId).toBe(step.stepId);
      expect(await answersOf(step.sessionId)).toBe(before);
      await say("stop");
    });
  }
});

const sayOk = (text: string) => core.handleTurn({ user: jufOk, text });

describe(`"ok" after a refused answer on ${testProvider()}`, () => {
  it("offers the refused words again and never stores or shows 'ok' in their place", async () => {
    const started = await sayOk("voorbereiden Sam");
    const sessionId = started.replies.find((r) => r.step)!.step!.sessionId;
    await sayOk("1"); // the format
    for (const line of ["wil weten hoe het gaat", "samen een doel kiezen", "-"]) await sayOk(line);
    const sunday = (() => {
      const d = new Date();
      d.setUTCDate(d.getUTCDate() + 14 + ((7 - d.getUTCDay()) % 7));
      return d.toISOString().slice(0, 10);
    })();
    await sayOk(sunday);
    await sayOk("10:00");
    await sayOk("-");
    const refused = (await sayOk("-")).replies.find((r) => r.step)!.step!; // the school-date rule refuses the Sunday
    const dateBefore = refused.fields.find((f) => f.kind === "date")!;
    expect(dateBefore.error).toBeDefined();
    const afterOk = (await sayOk("ok")).replies.find((r) => r.step)!.step!;
    const dateAfter = afterOk.fields.find((f) => f.kind === "date")!;
    expect(dateAfter.error).toBeDefined();
    expect(dateAfter.value).toEqual(dateBefore.value);
    expect(JSON.stringify(dateAfter.value ?? null)).not.toContain("ok");
    expect(await answersOf(sessionId)).not.toContain('"ok"');
    await sayOk("stop");
  });
});

// Control words typed while a dialog is open act and are never stored as an answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import { testProvider, type TestDatabase } from "../support/test-db.js";
import { localUser, oneClass, quietCore } from "../support/one-class.js";

let t: TestDatabase;
let core: BotCore;
const juf = localUser("juf.control@test.example");

beforeAll(async () => {
  ({ t } = await oneClass({ teachers: [juf.externalId] }));
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

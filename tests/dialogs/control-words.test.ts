// Control words typed while a dialog is open act and are never stored as an answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { createCore } from "../../app/core.js";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { ChannelUser } from "../../bot/channel/types.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";

let t: TestDatabase;
let core: BotCore;
let juf: ChannelUser;

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db);
  const group = await makeGroup(t.db, school.id, "groep 5", "middenbouw");
  await makePupil(t.db, school.id, group.id, "Sam");
  const staff = await makeStaff(t.db, school.id, { groups: [group.id], email: "juf.control@test.example" });
  juf = { channel: "local", externalId: staff.email, email: staff.email };
  core = createCore({ db: t.db, logger: pino({ level: "silent" }), defaultLocale: "nl" });
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

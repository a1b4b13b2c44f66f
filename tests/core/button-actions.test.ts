// Buttons carry typed actions (a command id and typed arguments), checked by the core: a forged or
// malformed action runs nothing, arguments reach only what the presser may reach, a button
// interrupts an open dialog (pausing it, nothing lost), and buttons from before typed actions work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { createCore } from "../../app/core.js";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { CommandAction, ChannelUser } from "../../bot/channel/types.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";

let t: TestDatabase;
let core: BotCore;
let juf: ChannelUser;
let sam: { id: string };
let otherSchoolPupil: { id: string };

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db);
  const group = await makeGroup(t.db, school.id, "groep 5", "middenbouw");
  sam = await makePupil(t.db, school.id, group.id, "Sam");
  await makePupil(t.db, school.id, group.id, "Saar");
  const staff = await makeStaff(t.db, school.id, { groups: [group.id], email: "juf.actions@test.example" });
  juf = { channel: "local", externalId: staff.email, email: staff.email };
  const other = await makeSchool(t.db, "Andere school");
  otherSchoolPupil = await makePupil(t.db, other.id, (await makeGroup(t.db, other.id, "groep 5", "middenbouw")).id, "Vreemd");
  core = createCore({ db: t.db, logger: pino({ level: "silent" }), defaultLocale: "nl" });
});
afterAll(async () => t?.destroy());

const press = (action: CommandAction) => core.handleTurn({ user: juf, text: "", action });
const type = (text: string) => core.handleTurn({ user: juf, text });

describe(`typed button actions on ${testProvider()}`, () => {
  it("runs the command with its typed argument", async () => {
    const result = await press({ command: "pupil", args: { pupilId: sam.id } });
    expect(result.route).toBe("pupil");
    expect(result.replies[0]!.text).toContain("Sam");
  });

  it("answers an unknown command, or arguments the command does not take, without running anything", async () => {
    const forged: CommandAction[] = [{ command: "dropTables" }, { command: "pupil", args: { goalId: sam.id } }, { command: "prepare", args: { pupilId: "" } }];
    const sessions = await t.db.dialogSession.count();
    for (const action of forged) {
      const result = await press(action);
      expect(result.route).toBe("unknown");
      expect(result.replies[0]!.text).toContain("Dat begrijp ik niet");
    }
    expect(await t.db.dialogSession.count()).toBe(sessions); // no dialog started
  });

  it("reaches no pupil of another school through a forged id", async () => {
    const sessions = await t.db.dialogSession.count();
    const result = await press({ command: "prepare", args: { pupilId: otherSchoolPupil.id } });
    expect(result.replies[0]!.text).toBe("Die kon ik niet vinden.");
    expect(await t.db.dialogSession.count()).toBe(sessions); // no dialog started
  });

  it("interrupts an open dialog, which keeps its answers and can be resumed", async () => {
    const started = await press({ command: "prepare", args: { pupilId: sam.id } });
    const sessionId = started.replies.find((r) => r.step)!.step!.sessionId;
    const help = await press({ command: "help" });
    expect(help.route).toBe("help");
    const resumed = await press({ command: "resume", args: { sessionId } });
    expect(resumed.replies.find((r) => r.step)?.step?.sessionId).toBe(sessionId);
    await type("stop");
  });

  it("still understands buttons sent before actions were typed", async () => {
    const result = await core.handleTurn({ user: juf, text: `leerling id:${sam.id}`, isCommand: true });
    expect(result.route).toBe("pupil");
    expect(result.replies[0]!.text).toContain("Sam");
  });

  it("offers a choice of pupils as buttons that carry each pupil's id", async () => {
    const result = await type("leerling Sa");
    const ids = result.replies[0]!.actions?.map((a) => a.action);
    expect(ids).toContainEqual({ command: "pupil", args: { pupilId: sam.id } });
    expect(ids).toHaveLength(2);
  });
});

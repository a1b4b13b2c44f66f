// Reads that show a pupil's earlier records are in the audit trail; an access export made in the
// chat is offered as links that an erasure can find (the file link names the pupil).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../app/core.js";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import { createLogger } from "../../bot/logger.js";
import type { ChannelUser } from "../../bot/channel/types.js";
import { erasePupil } from "../../bot/privacy/erase.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";

let t: TestDatabase;
let core: BotCore;
let schoolId: string;
let teacher: ChannelUser;
let admin: ChannelUser;
let withGoal: { id: string; externalId: string };
let fresh: { id: string };

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db, "OBS Inzage");
  schoolId = school.id;
  const group = await makeGroup(t.db, schoolId, "groep 5", "middenbouw");
  const juf = await makeStaff(t.db, schoolId, { groups: [group.id], email: "juf@inzage.example" });
  await makeStaff(t.db, schoolId, { roles: [{ role: "admin" }], email: "dir@inzage.example" });
  withGoal = await makePupil(t.db, schoolId, group.id, "Doelina");
  fresh = await makePupil(t.db, schoolId, group.id, "Nieuwkomer");
  await t.db.goal.create({ data: { pupilId: withGoal.id, goalText: "De tafel van 7 kennen", createdById: juf.id, evaluationDate: "2027-03-01" } });
  core = createCore({ db: t.db, logger: createLogger("silent"), defaultLocale: "nl" });
  teacher = { channel: "local", externalId: "juf@inzage.example", email: "juf@inzage.example" };
  admin = { channel: "local", externalId: "dir@inzage.example", email: "dir@inzage.example" };
});
afterAll(async () => t?.destroy());

const reads = (pupilId: string) => t.db.auditEvent.count({ where: { pupilId, action: "read", entity: { endsWith: "_earlier_records" } } });

// Written as a story: each test goes on from where the one before left off, so these run in order
// (npm test shuffles every other file's tests; making these independent is a follow-up).
describe(`reads and chat exports on ${testProvider()}`, { shuffle: false }, () => {
  it("opening a preparation or a conversation that shows earlier goals records a read, once per opening", async () => {
    await core.handleTurn({ user: teacher, text: `voorbereiden id:${withGoal.id}` });
    expect(await reads(withGoal.id)).toBe(1);
    await core.handleTurn({ user: teacher, text: "stop" });
    await core.handleTurn({ user: teacher, text: `gesprek id:${withGoal.id}` });
    expect(await reads(withGoal.id)).toBe(2);
    await core.handleTurn({ user: teacher, text: "stop" });
    // Nothing earlier to show: no read of earlier records.
    await core.handleTurn({ user: teacher, text: `voorbereiden id:${fresh.id}` });
    expect(await reads(fresh.id)).toBe(0);
  });

  it("an admin's export in the chat becomes links that name the pupil, and the erasure removes them", async () => {
    const result = await core.handleTurn({ user: admin, text: `leerling-export ${withGoal.externalId}` });
    const files = result.replies[0]!.attachments!;
    expect(files.map((f) => f.filename)).toEqual([
      `inzage-${withGoal.externalId}.html`,
      `inzage-${withGoal.externalId}.pdf`,
      `inzage-${withGoal.externalId}.json`,
    ]);
    expect(files[0]!.content).toContain("De tafel van 7 kennen");
    for (const file of files) await core.fileLink(admin, file);
    expect(await t.db.fileLink.count({ where: { pupilId: withGoal.id } })).toBe(3);
    await erasePupil(t.db, { schoolId, pupilId: withGoal.id, actorStaffId: null, actorLabel: "test", reason: "request" });
    expect(await t.db.fileLink.count()).toBe(0);
  });

  it("after erasure the audit command finds no such pupil; without an id it asks for one", async () => {
    const trail = await core.handleTurn({ user: admin, text: `audit ${withGoal.externalId}` });
    expect(trail.replies[0]!.text).toContain(`geen leerling met leerlingnummer '${withGoal.externalId}'`);
    const unknown = await core.handleTurn({ user: admin, text: "audit" });
    expect(unknown.replies[0]!.text).toContain("leerlingnummer");
  });
});

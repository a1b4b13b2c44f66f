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
let groupId: string;
let jufId: string;
let withGoal: { id: string; externalId: string };
let fresh: { id: string };

/** A pupil of groep 5 with one goal: each test that erases makes its own. */
async function pupilWithGoal(name: string) {
  const pupil = await makePupil(t.db, schoolId, groupId, name);
  await t.db.goal.create({ data: { pupilId: pupil.id, goalText: "De tafel van 7 kennen", createdById: jufId, evaluationDate: "2027-03-01" } });
  return pupil;
}

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db, "OBS Inzage");
  schoolId = school.id;
  const group = await makeGroup(t.db, schoolId, "groep 5", "middenbouw");
  groupId = group.id;
  jufId = (await makeStaff(t.db, schoolId, { groups: [group.id], email: "juf@inzage.example" })).id;
  await makeStaff(t.db, schoolId, { roles: [{ role: "admin" }], email: "dir@inzage.example" });
  withGoal = await pupilWithGoal("Doelina");
  fresh = await makePupil(t.db, schoolId, group.id, "Nieuwkomer");
  core = createCore({ db: t.db, logger: createLogger("silent"), defaultLocale: "nl" });
  teacher = { channel: "local", externalId: "juf@inzage.example", email: "juf@inzage.example" };
  admin = { channel: "local", externalId: "dir@inzage.example", email: "dir@inzage.example" };
});
afterAll(async () => t?.destroy());

const reads = (pupilId: string) => t.db.auditEvent.count({ where: { pupilId, action: "read", entity: { endsWith: "_earlier_records" } } });

describe(`reads and chat exports on ${testProvider()}`, () => {
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
    const exported = await pupilWithGoal("Exportina");
    const result = await core.handleTurn({ user: admin, text: `leerling-export ${exported.externalId}` });
    const files = result.replies[0]!.attachments!;
    expect(files.map((f) => f.filename)).toEqual([
      `inzage-${exported.externalId}.html`,
      `inzage-${exported.externalId}.pdf`,
      `inzage-${exported.externalId}.json`,
    ]);
    expect(files[0]!.content).toContain("De tafel van 7 kennen");
    for (const file of files) await core.fileLink(admin, file);
    expect(await t.db.fileLink.count({ where: { pupilId: exported.id } })).toBe(3);
    await erasePupil(t.db, { schoolId, pupilId: exported.id, actorStaffId: null, actorLabel: "test", reason: "request" });
    expect(await t.db.fileLink.count({ where: { pupilId: exported.id } })).toBe(0);
  });

  it("after erasure the audit command finds no such pupil; without an id it asks for one", async () => {
    const erased = await pupilWithGoal("Gewistina");
    await erasePupil(t.db, { schoolId, pupilId: erased.id, actorStaffId: null, actorLabel: "test", reason: "request" });
    const trail = await core.handleTurn({ user: admin, text: `audit ${erased.externalId}` });
    expect(trail.replies[0]!.text).toContain(`geen leerling met leerlingnummer '${erased.externalId}'`);
    const unknown = await core.handleTurn({ user: admin, text: "audit" });
    expect(unknown.replies[0]!.text).toContain("leerlingnummer");
  });
});

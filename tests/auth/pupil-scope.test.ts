// The pupil scope that list queries use (bot/auth/pupil-scope.ts) must select exactly the pupils the
// policy's rules allow, for every kind of staff member: checked pupil by pupil on a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { canReadPupilContent, canWritePupilContent } from "../../bot/auth/policy.js";
import { pupilsWhere } from "../../bot/auth/pupil-scope.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";

let t: TestDatabase;
const actors: Record<string, Actor> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  const { db } = t;
  const school = await makeSchool(db, "A");
  const other = await makeSchool(db, "B");
  const g4 = await makeGroup(db, school.id, "groep 4", "middenbouw");
  const g7 = await makeGroup(db, school.id, "groep 7", "bovenbouw");
  const otherGroup = await makeGroup(db, other.id, "groep 4", "middenbouw");
  await makePupil(db, school.id, g4.id, "Sam");
  const noor = await makePupil(db, school.id, g7.id, "Noor");
  await makePupil(db, school.id, null, "Zonder groep");
  await makePupil(db, other.id, otherGroup.id, "Elders");
  const staff = {
    teacher4: await makeStaff(db, school.id, { groups: [g4.id] }),
    teacherWithoutRole: await makeStaff(db, school.id, { roles: [{ role: "admin" }], groups: [g7.id] }),
    leader: await makeStaff(db, school.id, { roles: [{ role: "team_leader", bouw: "middenbouw" }] }),
    ib: await makeStaff(db, school.id, { roles: [{ role: "ib" }], supports: [noor.id] }),
    ibAndTeacher: await makeStaff(db, school.id, { roles: [{ role: "ib" }, { role: "teacher" }], groups: [g4.id], supports: [noor.id] }),
    admin: await makeStaff(db, school.id, { roles: [{ role: "admin" }] }),
    reader: await makeStaff(db, school.id, { roles: [{ role: "admin" }, { role: "content_reader" }] }),
    otherReader: await makeStaff(db, other.id, { roles: [{ role: "content_reader" }], groups: [otherGroup.id] }),
  };
  for (const [key, s] of Object.entries(staff)) actors[key] = await loadActor(db, s.id);
});
afterAll(async () => t?.destroy());

describe(`the pupil scope agrees with the policy on ${testProvider()}`, () => {
  for (const access of ["read", "write"] as const) {
    it(`selects exactly the pupils the policy lets each actor ${access}`, async () => {
      const everyone = await t.db.pupil.findMany({ select: { id: true, schoolId: true, groupId: true } });
      const rule = access === "read" ? canReadPupilContent : canWritePupilContent;
      for (const [name, actor] of Object.entries(actors)) {
        const scoped = await t.db.pupil.findMany({ where: pupilsWhere(actor, access), select: { id: true } });
        const allowed = everyone.filter((p) => rule(actor, p)).map((p) => p.id);
        expect(scoped.map((p) => p.id).sort(), `${name} (${access})`).toEqual(allowed.sort());
      }
    });
  }

  it("is not vacuous: the actors differ in what they reach", async () => {
    const counts = await Promise.all(Object.values(actors).map((a) => t.db.pupil.count({ where: pupilsWhere(a, "read") })));
    expect(new Set(counts).size).toBeGreaterThan(2);
    expect(await t.db.pupil.count({ where: pupilsWhere(actors.reader!, "read") })).toBe(3);
    expect(await t.db.pupil.count({ where: pupilsWhere(actors.reader!, "write") })).toBe(0);
  });
});

// Every authorization rule, its refusals, and cross-school isolation, against a real database.
// Each test makes the records it reads, so the tests hold in any order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { addNote, getPupilRecord } from "../../bot/services/pupil-records.js";
import { getGroupProgress, listGroupPupils, listTeachingGroups } from "../../bot/services/groups.js";
import { ErrorCode } from "../../bot/errors.js";
import { schoolYearOf, schoolYearSpan } from "../../bot/domain/school-year.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";

let t: TestDatabase;
const ids = {} as Record<string, string>;
const actors = {} as Record<string, Actor>;

// The school year now, in the fixtures' timezone and with the default first day (1 August).
const thisYear = schoolYearSpan(schoolYearOf(new Date(), "Europe/Amsterdam"), "08-01", "Europe/Amsterdam");

beforeAll(async () => {
  t = await createTestDatabase();
  const { db } = t;
  const school = await makeSchool(db, "A");
  const other = await makeSchool(db, "B");
  const g4 = await makeGroup(db, school.id, "groep 4", "middenbouw");
  const g7 = await makeGroup(db, school.id, "groep 7", "bovenbouw");
  const otherGroup = await makeGroup(db, other.id, "groep 4", "middenbouw");
  const sam = await makePupil(db, school.id, g4.id, "Sam");
  const noor = await makePupil(db, school.id, g7.id, "Noor");
  const foreign = await makePupil(db, other.id, otherGroup.id, "Elders");
  Object.assign(ids, { school: school.id, g4: g4.id, g7: g7.id, otherGroup: otherGroup.id, sam: sam.id, noor: noor.id, foreign: foreign.id });

  const staff = {
    teacher4: await makeStaff(db, school.id, { groups: [g4.id] }),
    duo4: await makeStaff(db, school.id, { groups: [g4.id] }),
    teacher7: await makeStaff(db, school.id, { groups: [g7.id] }),
    leaderMidden: await makeStaff(db, school.id, { roles: [{ role: "team_leader", bouw: "middenbouw" }] }),
    ib: await makeStaff(db, school.id, { roles: [{ role: "ib" }], supports: [noor.id] }),
    admin: await makeStaff(db, school.id, { roles: [{ role: "admin" }] }),
    adminReader: await makeStaff(db, school.id, { roles: [{ role: "admin" }, { role: "content_reader" }] }),
    otherTeacher: await makeStaff(db, other.id, { groups: [otherGroup.id] }),
    otherAdmin: await makeStaff(db, other.id, { roles: [{ role: "admin" }, { role: "content_reader" }, { role: "team_leader", bouw: "middenbouw" }] }),
    gone: await makeStaff(db, school.id, { groups: [g4.id], active: false }),
  };
  for (const [key, s] of Object.entries(staff)) {
    ids[key] = s.id;
    if (key !== "gone") actors[key] = await loadActor(db, s.id);
  }
});

afterAll(async () => t?.destroy());

const code = async (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string }) => e.code ?? "thrown",
  );

describe(`authorization on ${testProvider()}`, () => {
  it("a teacher reads and writes the pupils of their own group", async () => {
    const note = await addNote(t.db, actors.teacher4!, { pupilId: ids.sam!, text: "Sam vertelde over zijn Boomhut-verhaal." });
    const record = await getPupilRecord(t.db, actors.teacher4!, ids.sam!);
    expect(record.timeline.map((e) => e.id)).toContain(note.id);
  });

  it("duo-partners share everything of their group", async () => {
    await addNote(t.db, actors.teacher4!, { pupilId: ids.sam!, text: "Sam hielp een klasgenoot." });
    const record = await getPupilRecord(t.db, actors.duo4!, ids.sam!);
    expect(record.timeline.some((e) => e.kind === "note")).toBe(true);
    expect(await code(addNote(t.db, actors.duo4!, { pupilId: ids.sam!, text: "ook gezien" }))).toBe("ok");
  });

  it("a teacher cannot read or write pupils of another group", async () => {
    expect(await code(getPupilRecord(t.db, actors.teacher7!, ids.sam!))).toBe(ErrorCode.Forbidden);
    expect(await code(addNote(t.db, actors.teacher7!, { pupilId: ids.sam!, text: "x" }))).toBe(ErrorCode.Forbidden);
    expect(await code(listGroupPupils(t.db, actors.teacher7!, ids.g4!))).toBe(ErrorCode.Forbidden);
  });

  it("a teacher's group list holds only their own groups", async () => {
    const groups = await listTeachingGroups(t.db, actors.teacher4!);
    expect(groups.map((g) => g.id)).toEqual([ids.g4]);
    expect(groups[0]!.pupils.map((p) => p.id)).toEqual([ids.sam]);
  });

  it("a team leader sees progress figures of their bouw, but no content and no other bouw", async () => {
    const progress = await getGroupProgress(t.db, actors.leaderMidden!, ids.g4!, thisYear);
    expect(progress.pupils).toBe(1);
    expect(await code(getGroupProgress(t.db, actors.leaderMidden!, ids.g7!, thisYear))).toBe(ErrorCode.Forbidden);
    expect(await code(getPupilRecord(t.db, actors.leaderMidden!, ids.sam!))).toBe(ErrorCode.Forbidden);
    expect(await code(listGroupPupils(t.db, actors.leaderMidden!, ids.g4!))).toBe(ErrorCode.Forbidden);
  });

  it("an IB'er sees content only of pupils assigned to them", async () => {
    expect(await code(getPupilRecord(t.db, actors.ib!, ids.noor!))).toBe("ok");
    expect(await code(getPupilRecord(t.db, actors.ib!, ids.sam!))).toBe(ErrorCode.Forbidden);
    expect(await code(getGroupProgress(t.db, actors.ib!, ids.g7!, thisYear))).toBe(ErrorCode.Forbidden);
  });

  it("a school admin manages the roster but sees no content unless granted", async () => {
    expect((await listGroupPupils(t.db, actors.admin!, ids.g4!)).pupils).toHaveLength(1);
    expect(await code(getGroupProgress(t.db, actors.admin!, ids.g7!, thisYear))).toBe("ok");
    expect(await code(getPupilRecord(t.db, actors.admin!, ids.sam!))).toBe(ErrorCode.Forbidden);
    // A content grant allows reading, not writing.
    expect(await code(getPupilRecord(t.db, actors.adminReader!, ids.sam!))).toBe("ok");
    expect(await code(addNote(t.db, actors.adminReader!, { pupilId: ids.sam!, text: "x" }))).toBe(ErrorCode.Forbidden);
  });

  it("staff of one school never reach another school's data, whatever their roles", async () => {
    for (const actor of [actors.otherTeacher!, actors.otherAdmin!]) {
      expect(await code(getPupilRecord(t.db, actor, ids.sam!))).toBe(ErrorCode.NotFound);
      expect(await code(addNote(t.db, actor, { pupilId: ids.sam!, text: "x" }))).toBe(ErrorCode.NotFound);
      expect(await code(listGroupPupils(t.db, actor, ids.g4!))).toBe(ErrorCode.NotFound);
      expect(await code(getGroupProgress(t.db, actor, ids.g4!, thisYear))).toBe(ErrorCode.NotFound);
    }
    expect(await code(getPupilRecord(t.db, actors.adminReader!, ids.foreign!))).toBe(ErrorCode.NotFound);
  });

  it("an inactive staff member is not an actor at all", async () => {
    expect(await code(loadActor(t.db, ids.gone!))).toBe(ErrorCode.UnknownUser);
  });

  it("reads, writes and refusals are audited without content", async () => {
    await addNote(t.db, actors.teacher4!, { pupilId: ids.sam!, text: "Sam vertelde over zijn Boomhut-verhaal." });
    await getPupilRecord(t.db, actors.teacher4!, ids.sam!);
    expect(await code(getPupilRecord(t.db, actors.teacher7!, ids.sam!))).toBe(ErrorCode.Forbidden);
    expect(await code(addNote(t.db, actors.teacher7!, { pupilId: ids.sam!, text: "x" }))).toBe(ErrorCode.Forbidden);
    expect(await code(listGroupPupils(t.db, actors.teacher7!, ids.g4!))).toBe(ErrorCode.Forbidden);
    const events = await t.db.auditEvent.findMany({ where: { schoolId: ids.school! } });
    const actions = new Set(events.map((e) => e.action));
    expect(actions).toEqual(new Set(["read", "create", "refused"]));
    const refusals = events.filter((e) => e.action === "refused" && e.actorStaffId === ids.teacher7);
    expect(refusals.length).toBeGreaterThanOrEqual(3);
    const serialized = JSON.stringify(events);
    expect(serialized).not.toContain("Sam");
    // Canaries with capitals and dashes: a random cuid can never contain them by chance.
    expect(serialized).not.toContain("Boomhut-verhaal");
  });
});

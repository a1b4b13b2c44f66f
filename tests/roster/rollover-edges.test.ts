// The rollover's edges, each school on its own: a school's own first day in its own time zone, a
// staged roster superseded by a later import, a goal from an earlier group that year, agreements
// made without a goal, two instances at once, and groups left over from before archiving existed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "../../bot/auth/actor.js";
import { importRoster } from "../../bot/roster/import-roster.js";
import { archiveEndedGroups } from "../../bot/roster/rollover.js";
import { applyDueStagedRosters, listStagedRosters } from "../../bot/roster/stage-roster.js";
import { deactivateStaffMember } from "../../bot/roster/staff-admin.js";
import { getHandovers } from "../../bot/services/handover.js";
import { makeGroup, makeStaff } from "../support/fixtures.js";
import { startRetentionJob } from "../../bot/ops/nightly-job.js";
import { createLogger } from "../../bot/logger.js";
import { memoryLogStream } from "../support/app.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

let n = 0;
/** A school in 2026-2027 with groep 5, its teacher, next year's teacher and two pupils. */
async function school(schoolYearStart = "08-01") {
  const s = await t.db.school.create({ data: { name: `Edge ${++n}`, schoolYearStart } });
  const group5 = await makeGroup(t.db, s.id, "groep 5");
  const juf = await makeStaff(t.db, s.id, { groups: [group5.id], email: `juf${n}@edge.example` });
  const meester = await makeStaff(t.db, s.id, { email: `meester${n}@edge.example` });
  const a = await t.db.pupil.create({ data: { schoolId: s.id, groupId: group5.id, externalId: "E-1", firstName: "Ada", lastName: "E." } });
  const b = await t.db.pupil.create({ data: { schoolId: s.id, groupId: group5.id, externalId: "E-2", firstName: "Bo", lastName: "E." } });
  const csv = (group: string, email = meester.email) =>
    ["leerlingnummer;roepnaam;achternaam;groep;leerkracht_email", `E-1;Ada;E.;${group};${email}`, `E-2;Bo;E.;${group};${email}`].join("\n");
  return { schoolId: s.id, group5: group5.id, juf, meester, a, b, csv };
}
/** The job runs for every school; the other tests' schools may be due at the same moment. */
const applyFor = async (schoolId: string, at: Date) => (await applyDueStagedRosters(t.db, at)).filter((r) => r.schoolId === schoolId);

describe(`rollover edges (${testProvider()})`, () => {
  it("takes effect at the school's own first day, midnight in its own time zone", async () => {
    const s = await school("08-20");
    const report = await importRoster(t.db, {
      schoolId: s.schoolId,
      csvText: s.csv("groep 6"),
      schoolYear: "2027-2028",
      now: new Date("2027-06-01T10:00:00Z"),
    });
    expect(report).toMatchObject({ ok: true, staged: true, effectiveOn: "2027-08-20" });
    // 23:30 on 19 August in Amsterdam (already 20 August nowhere that matters): not yet.
    expect(await applyFor(s.schoolId, new Date("2027-08-19T21:30:00Z"))).toEqual([]);
    // 00:30 on 20 August in Amsterdam, still the 19th in UTC: now.
    const [applied] = await applyFor(s.schoolId, new Date("2027-08-19T22:30:00Z"));
    expect(applied).toMatchObject({ schoolId: s.schoolId, applied: true, groupsArchived: 1 });
  });

  it("a roster imported for the current year supersedes the staged one, which never applies later", async () => {
    const s = await school();
    await importRoster(t.db, { schoolId: s.schoolId, csvText: s.csv("groep 6"), schoolYear: "2027-2028", now: new Date("2027-06-01T10:00:00Z") });
    // After the first day, the school imports a corrected roster for the year directly.
    const corrected = await importRoster(t.db, { schoolId: s.schoolId, csvText: s.csv("groep 6b"), now: new Date("2027-08-20T10:00:00Z") });
    expect(corrected).toMatchObject({ ok: true, staged: false, schoolYear: "2027-2028" });
    expect(await t.db.stagedPlacement.count({ where: { schoolId: s.schoolId } })).toBe(0);
    expect(await applyFor(s.schoolId, new Date("2027-10-01T01:30:00Z"))).toEqual([]);
    const group = await t.db.pupil.findUniqueOrThrow({ where: { id: s.a.id }, select: { group: { select: { name: true } } } });
    expect(group.group?.name).toBe("groep 6b");
  });

  it("hands over a goal an earlier teacher that year was to evaluate, keeps the IB'er's, and shows agreements made without a goal", async () => {
    const s = await school();
    const group4 = await makeGroup(t.db, s.schoolId, "groep 4");
    const earlier = await makeStaff(t.db, s.schoolId, { groups: [group4.id] });
    const ib = await makeStaff(t.db, s.schoolId, { roles: [{ role: "ib" }], supports: [s.b.id] });
    // Ada came to groep 5 from groep 4 in the spring; her goal still names the groep 4 teacher.
    const fromEarlier = await t.db.goal.create({
      data: { pupilId: s.a.id, goalText: "Ik wil zelf starten", evaluatorId: earlier.id, createdById: earlier.id },
    });
    const ibGoal = await t.db.goal.create({ data: { pupilId: s.b.id, goalText: "Ik wil rustig blijven", evaluatorId: ib.id, createdById: ib.id } });
    const held = await t.db.conversation.create({
      data: {
        schoolId: s.schoolId,
        pupilId: s.b.id,
        groupId: s.group5,
        formatKey: "middenbouw-kindgesprek",
        formatVersion: 1,
        status: "held",
        createdById: s.juf.id,
      },
    });
    await t.db.agreement.create({
      data: { pupilId: s.b.id, conversationId: held.id, who: "Bo", what: "vraagt hulp aan een maatje", whenText: "bij rekenen", shareWithParents: true },
    });
    await importRoster(t.db, { schoolId: s.schoolId, csvText: s.csv("groep 6"), now: new Date("2027-08-20T10:00:00Z") });

    expect((await t.db.goal.findUniqueOrThrow({ where: { id: fromEarlier.id } })).evaluatorId).toBeNull();
    expect((await t.db.goal.findUniqueOrThrow({ where: { id: ibGoal.id } })).evaluatorId).toBe(ib.id);
    const [handover] = await getHandovers(t.db, await loadActor(t.db, s.meester.id));
    const bo = handover?.open.find((p) => p.pupilId === s.b.id);
    expect(bo?.agreements).toEqual([{ text: "Bo — vraagt hulp aan een maatje — bij rekenen", shared: true }]);
  });

  it("two instances applying at once: applied once, neither fails", async () => {
    const s = await school();
    await importRoster(t.db, { schoolId: s.schoolId, csvText: s.csv("groep 6"), schoolYear: "2027-2028", now: new Date("2027-06-01T10:00:00Z") });
    const at = new Date("2027-08-01T01:30:00Z");
    const [one, two] = await Promise.all([applyDueStagedRosters(t.db, at), applyDueStagedRosters(t.db, at)]);
    const mine = [...one, ...two].filter((r) => r.schoolId === s.schoolId);
    expect(mine.map((r) => r.applied)).toEqual([true]);
    expect(await t.db.group.count({ where: { schoolId: s.schoolId, schoolYear: "2027-2028" } })).toBe(1);
    expect(await t.db.stagedPlacement.count({ where: { schoolId: s.schoolId } })).toBe(0);
  });

  it("an admin deactivating a teacher the staged roster names is told, and the waiting list flags it", async () => {
    const s = await school();
    const admin = await makeStaff(t.db, s.schoolId, { roles: [{ role: "admin" }] });
    const now = new Date("2027-06-01T10:00:00Z");
    await importRoster(t.db, { schoolId: s.schoolId, csvText: s.csv("groep 6"), schoolYear: "2027-2028", now });
    const mine = async () => (await listStagedRosters(t.db)).find((v) => v.schoolId === s.schoolId);
    expect(await mine()).toMatchObject({ schoolYear: "2027-2028", pupils: 2, inactiveTeacherEmails: [], effectiveOn: "2027-08-01" });
    const result = await deactivateStaffMember(t.db, await loadActor(t.db, admin.id), s.meester.email, now);
    expect(result).toMatchObject({ outcome: "deactivated", stagedYears: ["2027-2028"] });
    // The e-mails themselves, so whoever corrects the file knows whom it names.
    expect(await mine()).toMatchObject({ inactiveTeacherEmails: [s.meester.email.toLowerCase()] });
    // Deactivating someone the roster does not name says nothing about it.
    expect(await deactivateStaffMember(t.db, await loadActor(t.db, admin.id), s.juf.email, now)).toMatchObject({ stagedYears: [] });
    // On the first day the nightly job leaves it waiting, and its log says how many, never who.
    const lines: string[] = [];
    const job = startRetentionJob({ db: t.db, logger: createLogger("info", memoryLogStream(lines)), clock: () => new Date("2027-08-01T06:00:00Z") });
    try {
      await job.runOnce();
    } finally {
      await job.stop();
    }
    const waiting = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg?.toString().startsWith("staged roster not applied") && l.schoolId === s.schoolId);
    expect(waiting).toMatchObject({ inactiveTeachers: 1, schoolYear: "2027-2028" });
    expect(lines.join("\n")).not.toContain(s.meester.email.toLowerCase());
    expect(lines.join("\n")).not.toContain("@edge.example");
  });

  it("archives last year's groups left in use, once the school has this year's groups", async () => {
    const s = await school();
    const now = new Date("2027-09-01T10:00:00Z");
    // Nothing of 2027-2028 yet: the school's only groups stay in use.
    await archiveEndedGroups(t.db, now);
    expect((await t.db.group.findUniqueOrThrow({ where: { id: s.group5 } })).archivedAt).toBeNull();
    // A group of the new year made before archiving existed (no rollover ran).
    await t.db.group.create({ data: { schoolId: s.schoolId, name: "groep 5", bouw: "middenbouw", yearLevels: "5", schoolYear: "2027-2028" } });
    await archiveEndedGroups(t.db, now);
    expect((await t.db.group.findUniqueOrThrow({ where: { id: s.group5 } })).archivedAt).not.toBeNull();
    expect([...(await loadActor(t.db, s.juf.id)).groupIds]).toEqual([]);
  });
});

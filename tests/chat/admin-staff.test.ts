// The school admin changes staff and groups by typing, through the real turn handler (the path
// every channel takes): add, deactivate, the duo-partner move with working days, a group's format.
// Each change is checked in the database and in the audit trail (ids only); teachers and team
// leaders are refused and nothing changes; bad input gets its own message and nothing changes;
// the reminder producer notices a change made in the chat and plans for it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../app/core.js";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import { zonedTimeToUtc } from "../../bot/domain/local-time.js";
import { createLogger } from "../../bot/logger.js";
import { createIncrementalProducer, loadScheduleState } from "../../bot/reminders/producer.js";
import { desiredMessages } from "../../bot/reminders/schedule.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

const TZ = "Europe/Amsterdam";
const MON = "2027-03-08";
let now = zonedTimeToUtc(MON, "07:50", TZ);
let t: TestDatabase;
let core: BotCore;
const ids: Record<string, string> = {};

const user = (email: string) => ({ channel: "local" as const, externalId: email, email });
async function say(email: string, text: string): Promise<string> {
  return (await core.handleTurn({ user: user(email), text })).replies.map((r) => r.text).join("\n");
}

/** Everything the admin commands can change, in a comparable form: a refused command must leave it equal. */
async function snapshot(schoolId: string) {
  const staff = await t.db.staff.findMany({ where: { schoolId }, include: { roles: true, groups: true }, orderBy: { email: "asc" } });
  const groups = await t.db.group.findMany({ where: { schoolId }, orderBy: { name: "asc" } });
  const dialogs = await t.db.dialogSession.findMany({ where: { schoolId }, orderBy: { id: "asc" } });
  const changes = await t.db.auditEvent.count({ where: { schoolId, action: { not: "refused" } } });
  return JSON.stringify({ staff, groups, dialogs, changes });
}

const auditOf = (schoolId: string, entity: string) =>
  t.db.auditEvent.findMany({
    where: { schoolId, entity },
    select: { action: true, entityId: true, actorStaffId: true, pupilId: true },
    orderBy: { at: "asc" },
  });

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db, "OBS Het Beheer");
  const g5 = await makeGroup(t.db, school.id, "groep 5", "middenbouw");
  const g7 = await makeGroup(t.db, school.id, "groep 7", "bovenbouw");
  // Last school year's groep 5: a name is looked up in the current school year only.
  const lastYear = await t.db.group.create({ data: { schoolId: school.id, name: "groep 5", bouw: "middenbouw", yearLevels: "5", schoolYear: "2025-2026" } });
  const admin = await makeStaff(t.db, school.id, { roles: [{ role: "admin" }], email: "dir@beheer.example" });
  const juf = await makeStaff(t.db, school.id, { groups: [g5.id], email: "juf@beheer.example" });
  const meester = await makeStaff(t.db, school.id, { groups: [g7.id, lastYear.id], email: "meester@beheer.example" });
  await makeStaff(t.db, school.id, { roles: [{ role: "team_leader", bouw: "middenbouw" }, { role: "teacher" }], email: "tl@beheer.example" });
  await makeStaff(t.db, school.id, { roles: [{ role: "ib" }], email: "ib@beheer.example" });
  // Bo has no group yet: the duo-partner the admin links to groep 5.
  const bo = await t.db.staff.update({
    where: { id: (await makeStaff(t.db, school.id, { email: "bo@beheer.example" })).id },
    data: { displayName: "Bo Bakker" },
  });
  const pupil = await makePupil(t.db, school.id, g7.id, "Sam");
  // Meester's records and an unfinished preparation: both must survive the deactivation.
  await t.db.note.create({ data: { pupilId: pupil.id, authorId: meester.id, text: "Vertelde over de tafels" } });
  await t.db.dialogSession.create({ data: { schoolId: school.id, staffId: meester.id, kind: "prepare", pupilId: pupil.id, stepId: "intro" } });
  Object.assign(ids, { bo: bo.id, school: school.id, lastYear: lastYear.id, g5: g5.id, g7: g7.id, admin: admin.id, juf: juf.id, meester: meester.id });
  core = createCore({ db: t.db, logger: createLogger("silent"), defaultLocale: "nl", clock: () => now });
});
afterAll(async () => t?.destroy());

describe(`the admin's staff and group commands (${testProvider()})`, () => {
  it("help shows the admin section to the admin only", async () => {
    expect(await say("dir@beheer.example", "help")).toContain("medewerker toevoegen");
    expect(await say("juf@beheer.example", "help")).not.toContain("medewerker toevoegen");
    expect(await say("juf@beheer.example", "groep")).toContain("groep 5"); // "groep" alone is still "mijn groep"
  });

  it("adds a teacher, says so when the address is already active, and adds a team leader with a bouw", async () => {
    expect(await say("dir@beheer.example", "medewerker toevoegen Ben@Beheer.example Ben Bakker")).toContain(
      "Toegevoegd: Ben Bakker (ben@beheer.example) als leerkracht",
    );
    const ben = await t.db.staff.findUniqueOrThrow({
      where: { schoolId_email: { schoolId: ids.school!, email: "ben@beheer.example" } },
      include: { roles: true },
    });
    expect([ben.displayName, ben.active, ben.roles.map((r) => r.role)]).toEqual(["Ben Bakker", true, ["teacher"]]);
    expect(await auditOf(ids.school!, "staff")).toEqual([{ action: "create", entityId: ben.id, actorStaffId: ids.admin, pupilId: null }]);

    const before = await snapshot(ids.school!);
    expect(await say("dir@beheer.example", "add staff ben@beheer.example Someone Else role admin")).toContain("staat al op de personeelslijst");
    expect(await snapshot(ids.school!)).toBe(before);

    expect(await say("dir@beheer.example", "add staff kim@beheer.example Kim Rol role team_leader, teacher bovenbouw")).toContain("teamleider bovenbouw");
    const kim = await t.db.staff.findFirstOrThrow({ where: { email: "kim@beheer.example" }, include: { roles: true } });
    expect(kim.displayName).toBe("Kim Rol");
    expect(kim.roles.map((r) => `${r.role}/${r.bouw ?? ""}`).sort()).toEqual(["teacher/", "team_leader/bovenbouw"]);
  });

  it("links a duo-partner with working days, changes a teacher's days and shows the group", async () => {
    const linked = await say("dir@beheer.example", "groep 5 leerkracht bo@beheer.example dagen wo,do,vr");
    expect(linked).toContain("Bo Bakker is nu leerkracht van groep 5, op wo, do, vr.");
    expect(await say("dir@beheer.example", "group 5 teacher juf@beheer.example days mon-tue")).toContain("werkt in groep 5 nu op ma, di");
    const links = await t.db.groupTeacher.findMany({ where: { groupId: ids.g5 }, orderBy: { workingDays: "asc" } });
    expect(links.map((l) => [l.staffId, l.workingDays])).toEqual([
      [ids.juf, "1,2"],
      [ids.bo, "3,4,5"],
    ]);
    const inGroup5 = (await auditOf(ids.school!, "group_teacher")).filter((a) => a.entityId?.startsWith(`${ids.g5}:`));
    expect(inGroup5.map((a) => [a.action, a.entityId])).toEqual([
      ["create", `${ids.g5}:${ids.bo}`],
      ["update", `${ids.g5}:${ids.juf}`],
    ]);
    const shown = await say("dir@beheer.example", "groep 5");
    expect(shown).toContain("**groep 5** (middenbouw, schooljaar 2026-2027)");
    expect(shown).toContain("Format: middenbouw-kindgesprek (dat van de bouw)");
    expect(shown).toMatch(/juf@beheer\.example\): ma, di\n.*bo@beheer\.example\): wo, do, vr/);
    // The school-year check: last year's groep 5 was not touched.
    expect(await t.db.groupTeacher.count({ where: { group: { schoolYear: "2025-2026" }, staffId: { in: [ids.bo!, ids.juf!] } } })).toBe(0);
  });

  it("sets a group's format from the registry and puts it back on the bouw's", async () => {
    expect(await say("dir@beheer.example", "groep 5 format bovenbouw-kindgesprek")).toContain("groep 5 gebruikt nu het format bovenbouw-kindgesprek.");
    expect((await t.db.group.findUniqueOrThrow({ where: { id: ids.g5 } })).formatKey).toBe("bovenbouw-kindgesprek");
    expect(await auditOf(ids.school!, "group_format")).toEqual([{ action: "update", entityId: ids.g5, actorStaffId: ids.admin, pupilId: null }]);
    expect(await say("dir@beheer.example", "groep 5 format standaard")).toContain("volgt weer het format van de bouw: middenbouw-kindgesprek");
    expect((await t.db.group.findUniqueOrThrow({ where: { id: ids.g5 } })).formatKey).toBeNull();
  });

  it("deactivates a teacher: records and dialog kept (paused), group links end, a group left without teacher is named", async () => {
    const reply = await say("dir@beheer.example", "medewerker uitschakelen meester@beheer.example");
    // Last year's groep 5 link ends too, but only this year's groups are named.
    expect(reply).toContain("Niet langer leerkracht van: groep 7.\n");
    expect(reply).toContain("1 onafgemaakt gesprek blijft bewaard (gepauzeerd).");
    expect(reply).toContain("Let op: groep 7 heeft nu geen leerkracht.");
    const meester = await t.db.staff.findUniqueOrThrow({ where: { id: ids.meester }, include: { groups: true, dialogs: true } });
    expect([meester.active, meester.groups.length, meester.dialogs.map((d) => d.status)]).toEqual([false, 0, ["paused"]]);
    expect(await t.db.note.count({ where: { authorId: ids.meester } })).toBe(1);
    expect((await auditOf(ids.school!, "staff_deactivated")).map((a) => a.entityId)).toEqual([ids.meester]);
    const ended = (await auditOf(ids.school!, "group_teacher")).filter((a) => a.action === "delete").map((a) => a.entityId);
    expect(ended.sort()).toEqual([`${ids.g7}:${ids.meester}`, `${ids.lastYear}:${ids.meester}`].sort());
    // No access any more; re-adding brings them back (without their groups).
    expect(await say("meester@beheer.example", "help")).toContain("niet op de personeelslijst");
    expect(await say("dir@beheer.example", "medewerker toevoegen meester@beheer.example Meester Mo")).toContain("is weer actief, als leerkracht");
    expect(await t.db.staff.findUniqueOrThrow({ where: { id: ids.meester } })).toMatchObject({ active: true, displayName: "Meester Mo" });
    expect((await auditOf(ids.school!, "staff_reactivated")).map((a) => a.entityId)).toEqual([ids.meester]);
  });

  it("lists active staff with roles and groups, for the admin", async () => {
    // A school of its own: the other tests here change who works where.
    const school = await makeSchool(t.db, "OBS De Lijst");
    const group = await makeGroup(t.db, school.id, "groep 6", "middenbouw");
    await makeStaff(t.db, school.id, { roles: [{ role: "admin" }], email: "dir@lijst.example" });
    await makeStaff(t.db, school.id, { roles: [{ role: "team_leader", bouw: "middenbouw" }], email: "tl@lijst.example" });
    const duo = await makeStaff(t.db, school.id, { groups: [group.id], email: "duo@lijst.example" });
    await t.db.staff.update({ where: { id: duo.id }, data: { displayName: "Dewi Duo" } });
    await t.db.groupTeacher.update({ where: { groupId_staffId: { groupId: group.id, staffId: duo.id } }, data: { workingDays: "3,4,5" } });
    await makeStaff(t.db, school.id, { email: "weg@lijst.example", active: false });
    const list = await say("dir@lijst.example", "medewerkers");
    expect(list).toContain("actieve medewerkers:");
    expect(list).toContain("- Dewi Duo (duo@lijst.example) — leerkracht — groep 6 (wo, do, vr)");
    expect(list).toContain("teamleider middenbouw");
    expect(list).not.toContain("weg@lijst.example");
  });

  it("refuses a teacher and a team leader every command, records the refusal and changes nothing", async () => {
    const before = await snapshot(ids.school!);
    const refusedBefore = await t.db.auditEvent.count({ where: { schoolId: ids.school, action: "refused", entity: "staff_admin" } });
    const commands = [
      "medewerkers",
      "medewerker toevoegen nieuw@beheer.example Nieuw",
      "medewerker uitschakelen juf@beheer.example",
      "groep 5",
      "groep 5 leerkracht tl@beheer.example dagen vr",
      "groep 5 leerkracht weg bo@beheer.example",
      "groep 5 format bovenbouw-kindgesprek",
      "add staff",
    ];
    for (const who of ["juf@beheer.example", "tl@beheer.example"])
      for (const text of commands) expect(await say(who, text), `${who}: ${text}`).toContain("Alleen de beheerder van de school");
    expect(await snapshot(ids.school!)).toBe(before);
    expect(await t.db.auditEvent.count({ where: { schoolId: ids.school, action: "refused", entity: "staff_admin" } })).toBe(refusedBefore + 16);
  });

  it("answers bad input with what is wrong, and changes nothing", async () => {
    const before = await snapshot(ids.school!);
    const cases: [string, string][] = [
      ["groep 5 leerkracht onbekend@beheer.example", "Ik ken geen medewerker met e-mailadres onbekend@beheer.example"],
      ["medewerker uitschakelen onbekend@beheer.example", "Ik ken geen medewerker met e-mailadres onbekend@beheer.example"],
      ["medewerker uitschakelen dir@beheer.example", "Je kunt jezelf niet uitschakelen"],
      ["medewerker toevoegen geen-adres Piet", "'geen-adres' is geen geldig e-mailadres"],
      ["medewerker toevoegen piet@beheer.example Piet rol conciërge", "'conciërge' is geen rol of bouw die ik ken"],
      ["medewerker toevoegen piet@beheer.example Piet rol teamleider", "Een teamleider leidt een bouw"],
      ["medewerker toevoegen piet@beheer.example", "Typ bijvoorbeeld **medewerker toevoegen"],
      ["groep 5 leerkracht bo@beheer.example dagen ma,xx", "'xx' is geen dag die ik ken"],
      ["groep 5 leerkracht bo@beheer.example dagen ma,ma", "'ma' noemt een dag twee keer"],
      ["groep 5 leerkracht bo@beheer.example dagen vr,za", "De school is niet open op za (schooldagen: ma, di, wo, do, vr)"],
      ["groep 5 leerkracht ib@beheer.example", "ib@beheer.example heeft geen rol leerkracht"],
      ["groep 5 leerkracht weg tl@beheer.example", "tl@beheer.example is geen leerkracht van groep 5"],
      ["groep 5 format hgw-onbekend", "'hgw-onbekend' is geen format dat ik ken. Kies uit: "],
      ["groep 9 leerkracht bo@beheer.example", "Ik ken geen groep '9' in schooljaar 2026-2027. Groepen: groep 5, groep 7."],
      ["groep 3b format hgw-kindgesprek", "Ik ken geen groep '3b'"],
    ];
    for (const [text, expected] of cases) {
      const reply = await say("dir@beheer.example", text);
      expect(reply, text).toContain(expected);
      if (expected.includes("format dat ik ken")) expect(reply).toContain("middenbouw-kindgesprek");
    }
    expect(await snapshot(ids.school!)).toBe(before);
  });

  it("a change in the chat re-plans the reminders: a new duo-partner gets the round's announcement", async () => {
    const school = await makeSchool(t.db, "OBS De Herinnering");
    const group = await makeGroup(t.db, school.id, "groep 4", "middenbouw");
    const juf = await makeStaff(t.db, school.id, { groups: [group.id], email: "juf@herinnering.example" });
    await makeStaff(t.db, school.id, { roles: [{ role: "admin" }], email: "dir@herinnering.example" });
    const duo = await makeStaff(t.db, school.id, { email: "duo@herinnering.example" });
    for (let i = 0; i < 3; i++) await makePupil(t.db, school.id, group.id);
    await t.db.round.create({
      data: {
        schoolId: school.id,
        name: "Voorjaar",
        formatKey: "middenbouw-kindgesprek",
        startDate: MON,
        endDate: "2027-03-26",
        createdById: juf.id,
        groups: { create: { groupId: group.id } },
      },
    });
    const producer = createIncrementalProducer(t.db, { safetyPassMs: Number.POSITIVE_INFINITY });
    const reasons = async (at: Date) => (await producer.tick(at)).recomputed.filter((r) => r.schoolId === school.id).map((r) => r.reason);
    const announced = () => t.db.outboxMessage.findMany({ where: { schoolId: school.id, kind: "round_announcement" }, select: { recipientStaffId: true } });
    expect(await reasons(zonedTimeToUtc(MON, "07:45", TZ))).toEqual(["first"]);
    expect((await announced()).map((m) => m.recipientStaffId)).toEqual([juf.id]);
    expect(await reasons(zonedTimeToUtc(MON, "07:50", TZ))).toEqual([]);

    now = zonedTimeToUtc(MON, "07:55", TZ);
    expect(await say("dir@herinnering.example", "groep 4 leerkracht duo@herinnering.example dagen ma,wo")).toContain("is nu leerkracht van groep 4");
    const at = zonedTimeToUtc(MON, "08:00", TZ);
    expect(await reasons(at)).toEqual(["changed"]);
    expect((await announced()).map((m) => m.recipientStaffId).sort()).toEqual([juf.id, duo.id].sort());
    // What was queued is what a full recomputation wants now.
    const wanted = desiredMessages(await loadScheduleState(t.db, school.id, at)).map((m) => m.idempotencyKey);
    const queued = await t.db.outboxMessage.findMany({ where: { schoolId: school.id, status: "pending" }, select: { idempotencyKey: true } });
    expect(new Set(queued.map((q) => q.idempotencyKey))).toEqual(new Set(wanted));

    // Unlinking (a deleted row) is noticed too.
    now = zonedTimeToUtc(MON, "08:05", TZ);
    await say("dir@herinnering.example", "groep 4 leerkracht weg duo@herinnering.example");
    expect(await reasons(zonedTimeToUtc(MON, "08:10", TZ))).toEqual(["changed"]);
  });
});

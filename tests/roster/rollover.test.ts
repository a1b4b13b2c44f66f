// A school walked through the end of a school year into the next, on a fake clock: next year's
// roster is imported in June and nothing changes until the school year's first day; then pupils
// move, last year's group is archived (still readable by its teacher), open evaluations go to the
// new teacher with a handover, and leavers are deactivated. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { TurnResult } from "../../bot/channel/types.js";
import { loadActor } from "../../bot/auth/actor.js";
import { startRetentionJob } from "../../bot/ops/nightly-job.js";
import { createLogger } from "../../bot/logger.js";
import { produceReminders } from "../../bot/reminders/producer.js";
import { importRoster } from "../../bot/roster/import-roster.js";
import { applyDueStagedRosters } from "../../bot/roster/stage-roster.js";
import { HANDOVER_NOTICE, handoverRenderers } from "../../bot/services/handover-notice.js";
import { listTeachingGroups } from "../../bot/services/groups.js";
import { erasePupil } from "../../bot/privacy/erase.js";
import { buildAccessExport } from "../../bot/privacy/export.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { localUser, quietCore } from "../support/one-class.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { queuedItems } from "../reminders/queued.js";

let t: TestDatabase;
let now = new Date("2027-06-15T10:00:00Z");
let core: BotCore;
const clock = () => now;
const text = (turn: TurnResult) => turn.replies.map((r) => r.text).join("\n");

const juf = localUser("juf.groep5@rollover.example"); // groep 5 this year
const meester = localUser("meester.groep6@rollover.example"); // groep 6 next year
let ids: {
  schoolId: string;
  group5: string;
  juf: string;
  meester: string;
  ib: string;
  ayse: string;
  finn: string;
  leaver: string;
  goalJuf: string;
  goalIb: string;
};

const nextYearCsv = [
  "leerlingnummer;roepnaam;achternaam;groep;leerkracht_email",
  `R-1;Ayşe;Yılmaz;groep 6;${meester.email}`,
  `R-2;Finn;de Vries;groep 6;${meester.email}`,
].join("\n");

beforeAll(async () => {
  t = await createTestDatabase();
  core = quietCore(t.db, clock);
  const school = await makeSchool(t.db);
  const group5 = await makeGroup(t.db, school.id, "groep 5", "middenbouw");
  const jufRow = await makeStaff(t.db, school.id, { groups: [group5.id], email: juf.email });
  const meesterRow = await makeStaff(t.db, school.id, { email: meester.email });
  const ayse = await t.db.pupil.create({ data: { schoolId: school.id, groupId: group5.id, externalId: "R-1", firstName: "Ayşe", lastName: "Yılmaz" } });
  const finn = await t.db.pupil.create({ data: { schoolId: school.id, groupId: group5.id, externalId: "R-2", firstName: "Finn", lastName: "de Vries" } });
  const leaver = await makePupil(t.db, school.id, group5.id, "Noor");
  const ib = await makeStaff(t.db, school.id, { roles: [{ role: "ib" }], supports: [finn.id] });
  // This year's conversation with Ayşe in groep 5: a goal juf evaluates after the summer, shared with parents.
  const conversation = await t.db.conversation.create({
    data: {
      schoolId: school.id,
      pupilId: ayse.id,
      groupId: group5.id,
      formatKey: "middenbouw-kindgesprek",
      formatVersion: 1,
      status: "held",
      heldAt: new Date("2027-05-20T10:00:00Z"),
      createdById: jufRow.id,
    },
  });
  const goalJuf = await t.db.goal.create({
    data: {
      pupilId: ayse.id,
      conversationId: conversation.id,
      goalText: "Ik wil de tafels van 6 en 7 kennen",
      evaluationDate: "2027-09-15",
      evaluatorId: jufRow.id,
      shareWithParents: true,
      createdById: jufRow.id,
    },
  });
  await t.db.agreement.create({
    data: {
      pupilId: ayse.id,
      conversationId: conversation.id,
      goalId: goalJuf.id,
      who: "Ayşe",
      what: "oefent elke dag vijf minuten",
      whenText: "na de pauze",
      shareWithParents: false,
    },
  });
  const goalIb = await t.db.goal.create({
    data: { pupilId: finn.id, goalText: "Ik wil rustig blijven bij het werken", evaluationDate: "2027-09-15", evaluatorId: ib.id, createdById: ib.id },
  });
  ids = {
    schoolId: school.id,
    group5: group5.id,
    juf: jufRow.id,
    meester: meesterRow.id,
    ib: ib.id,
    ayse: ayse.id,
    finn: finn.id,
    leaver: leaver.id,
    goalJuf: goalJuf.id,
    goalIb: goalIb.id,
  };
});
afterAll(async () => t?.destroy());

// A story: each step stands on the one before it, so its order is fixed even where the
// suite is shuffled (scripts/run-tests.mjs); the erasure step at the end sets its own clock.
describe(`a school year turns over (${testProvider()})`, { shuffle: false }, () => {
  it("in June, next year's roster is staged: nobody's group changes", async () => {
    // Juf is recording a conversation with Ayşe and leaves it open over the summer.
    await core.handleTurn({ user: juf, text: "gesprek Ayşe" });
    await core.handleTurn({ user: juf, text: "2" });
    await core.handleTurn({ user: juf, text: "Ze vertelde dat ze graag met Finn werkt" });
    expect(await t.db.dialogSession.count({ where: { staffId: ids.juf, status: { in: ["active", "paused"] } } })).toBe(1);
    const report = await importRoster(t.db, { schoolId: ids.schoolId, csvText: nextYearCsv, schoolYear: "2027-2028", now });
    expect(report).toMatchObject({
      ok: true,
      staged: true,
      effectiveOn: "2027-08-01",
      schoolYear: "2027-2028",
      pupilsInFile: 2,
      moved: 2,
      deactivated: 1,
      groupsCreated: 1,
      // Said ahead: on the first day this year's groep 5 is archived.
      groupsArchived: 1,
    });
    // Imported again (a corrected export): replaced, not added.
    await importRoster(t.db, { schoolId: ids.schoolId, csvText: nextYearCsv, schoolYear: "2027-2028", now });
    expect(await t.db.stagedPlacement.count({ where: { schoolId: ids.schoolId } })).toBe(2);

    const groups = await listTeachingGroups(t.db, await loadActor(t.db, ids.juf));
    expect(groups.map((g) => [g.name, g.pupils.length])).toEqual([["groep 5", 3]]);
    expect(await t.db.group.count({ where: { schoolId: ids.schoolId } })).toBe(1);
    expect(text(await core.handleTurn({ user: meester, text: "overzicht" }))).toMatch(/niet gekoppeld aan een groep/);
    expect(await t.db.pupil.findUniqueOrThrow({ where: { id: ids.leaver } })).toMatchObject({ active: true, groupId: ids.group5 });
  });

  it("refuses a year that is not the current or the next", async () => {
    await expect(importRoster(t.db, { schoolId: ids.schoolId, csvText: nextYearCsv, schoolYear: "2028-2029", now })).rejects.toThrow(/2026-2027.*2027-2028/);
    await expect(importRoster(t.db, { schoolId: ids.schoolId, csvText: nextYearCsv, schoolYear: "2025-2026", now })).rejects.toThrow(/cannot be imported now/);
  });

  it("on the last evening of the school year, still nothing changes", async () => {
    now = new Date("2027-07-31T21:00:00Z"); // 23:00 in Amsterdam
    expect(await applyDueStagedRosters(t.db, now)).toEqual([]);
    expect((await t.db.pupil.findUniqueOrThrow({ where: { id: ids.ayse } })).groupId).toBe(ids.group5);
  });

  it("on the first day, the nightly job moves pupils and teachers and archives last year's group", async () => {
    now = new Date("2027-08-01T01:30:00Z"); // 03:30 in Amsterdam
    const job = startRetentionJob({ db: t.db, logger: createLogger("silent"), clock });
    await job.runOnce();
    await job.stop();
    expect(await t.db.stagedPlacement.count({ where: { schoolId: ids.schoolId } })).toBe(0);

    const group6 = await t.db.group.findFirstOrThrow({ where: { schoolId: ids.schoolId, name: "groep 6" } });
    expect(group6).toMatchObject({ schoolYear: "2027-2028", archivedAt: null });
    expect(group6.handedOverAt).not.toBeNull();
    expect((await t.db.group.findUniqueOrThrow({ where: { id: ids.group5 } })).archivedAt).not.toBeNull();
    for (const id of [ids.ayse, ids.finn]) expect((await t.db.pupil.findUniqueOrThrow({ where: { id } })).groupId).toBe(group6.id);
    expect(await t.db.pupil.findUniqueOrThrow({ where: { id: ids.leaver } })).toMatchObject({ active: false });

    const jufNow = await loadActor(t.db, ids.juf);
    expect([...jufNow.groupIds]).toEqual([]);
    expect([...jufNow.archivedGroupIds]).toEqual([ids.group5]);
    expect((await listTeachingGroups(t.db, await loadActor(t.db, ids.meester))).map((g) => [g.name, g.pupils.length])).toEqual([["groep 6", 2]]);
    // Her open conversation cannot go on in last year's group: she gets her words back to copy.
    const resumed = text(await core.handleTurn({ user: juf, text: "verder" }));
    expect(resumed).toMatch(/kan niet verder/);
    expect(resumed).toContain("• Ze vertelde dat ze graag met Finn werkt");
    // Runs again (another instance, the next night): nothing more happens.
    expect(await applyDueStagedRosters(t.db, now)).toEqual([]);
  });

  it("open evaluations go to the new teacher; the IB'er keeps her own", async () => {
    expect((await t.db.goal.findUniqueOrThrow({ where: { id: ids.goalJuf } })).evaluatorId).toBeNull();
    expect((await t.db.goal.findUniqueOrThrow({ where: { id: ids.goalIb } })).evaluatorId).toBe(ids.ib);
    now = new Date("2027-09-14T10:00:00Z");
    await produceReminders(t.db, now, ids.schoolId);
    // Bundled per teacher and day (bot/reminders/bundle.ts): the items, unfolded.
    const due = (await queuedItems(t.db, { schoolId: ids.schoolId, kind: "evaluation_due" })).filter((m) => [ids.goalJuf, ids.goalIb].includes(m.subjectId));
    expect(due.filter((m) => m.subjectId === ids.goalJuf).map((m) => m.recipientStaffId)).toEqual([ids.meester]);
    expect(due.filter((m) => m.subjectId === ids.goalIb).map((m) => m.recipientStaffId)).toEqual([ids.ib]);
  });

  it("the new teacher gets a handover: what is open, what was agreed, what may be shared", async () => {
    const notices = await t.db.outboxMessage.findMany({ where: { kind: HANDOVER_NOTICE, schoolId: ids.schoolId } });
    expect(notices.map((n) => n.recipientStaffId)).toEqual([ids.meester]);
    const [notice] = notices;
    const rendered = await handoverRenderers[HANDOVER_NOTICE]!({ ...notice!, payload: JSON.parse(notice!.payload) }, t.db);
    expect(rendered?.[0]?.text).toMatch(
      /Nieuw schooljaar 2027-2028: je hebt nu \*\*groep 6\*\*\. 2 leerlingen hebben nog open doelen of afspraken van vorig schooljaar/,
    );
    expect(rendered?.[0]?.text).not.toMatch(/Ayşe|Finn/);

    const handover = text(await core.handleTurn({ user: meester, text: "overdracht" }));
    expect(handover).toContain("Overdracht groep 6 (2027-2028)");
    expect(handover).toContain("**Ayşe Yılmaz**");
    expect(handover).toContain("Doel: Ik wil de tafels van 6 en 7 kennen (evalueren op 15-09-2027) — mag gedeeld worden met ouders");
    expect(handover).toContain("Afspraak: Ayşe — oefent elke dag vijf minuten — na de pauze — niet delen met ouders");
    // Finn's goal is open too (the IB'er evaluates it), so he is in the handover.
    expect(handover).toContain("**Finn de Vries**");
    expect(text(await core.handleTurn({ user: juf, text: "overdracht" }))).toMatch(/geen overdracht/);
  });

  it("last year's teacher reads her archived group; the new teacher cannot", async () => {
    const list = text(await core.handleTurn({ user: juf, text: "archief" }));
    expect(list).toContain("groep 5 (2026-2027)");
    expect(text(await core.handleTurn({ user: juf, text: "archief 2026-2027" }))).toContain("groep 5 (2026-2027)");
    const read = text(await core.handleTurn({ user: juf, text: "archief groep 5" }));
    expect(read).toContain("**groep 5 (2026-2027)**, archief: 1 leerling met een gesprek");
    expect(read).toContain("Doel: Ik wil de tafels van 6 en 7 kennen (open)");
    expect(await t.db.auditEvent.count({ where: { entity: "archived_group", entityId: ids.group5, actorStaffId: ids.juf } })).toBe(1);
    expect(text(await core.handleTurn({ user: meester, text: "archief groep 5" }))).toMatch(/Geen groep "groep 5" in je archief/);
    // Writing in last year's group is over: she can no longer record for a pupil who moved on.
    expect(text(await core.handleTurn({ user: juf, text: "notitie Ayşe: vertelde over de vakantie" }))).toMatch(/niet opgeslagen/);
    expect(await t.db.note.count({ where: { pupilId: ids.ayse } })).toBe(0);
  });

  it("the overview counts from the new school year's first day", async () => {
    const overview = text(await core.handleTurn({ user: meester, text: "overzicht" }));
    expect(overview).toMatch(/\*\*groep 6\*\* — 0 van 2 leerlingen hadden een gesprek sinds 01-08-2027/);
  });

  it("a staged roster line is part of the pupil's data: in the access export, gone with an erasure", async () => {
    const pupil = await makePupil(t.db, ids.schoolId, null, "Mila");
    const csv = `leerlingnummer;roepnaam;achternaam;groep;leerkracht_email\n${pupil.externalId};Mila;T.;groep 7;${meester.email}`;
    now = new Date("2028-06-01T10:00:00Z");
    expect(await importRoster(t.db, { schoolId: ids.schoolId, csvText: csv, schoolYear: "2028-2029", now })).toMatchObject({ ok: true, staged: true });
    const exported = await buildAccessExport(t.db, pupil.id, now);
    expect(exported.counts.stagedRosterLines).toBe(1);
    expect(JSON.stringify(exported)).toContain("groep 7");
    const receipt = await erasePupil(t.db, { schoolId: ids.schoolId, pupilId: pupil.id, actorStaffId: null, actorLabel: "cli", reason: "request", now });
    expect(receipt.counts.stagedRosterLines).toBe(1);
    expect(await t.db.stagedPlacement.count({ where: { schoolId: ids.schoolId } })).toBe(0);
  });
});

// One teacher, two schools of one board in one Microsoft 365 tenant: the same e-mail on both staff
// lists. Real Bot Framework activities over HTTP into the Teams adapter. She is asked which school
// first, switches with `school <naam>`, sees only the school she works for, and nothing of the other
// school reaches her through the shared identity. Each test uses a teacher of its own.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { openDatabase } from "../../bot/db/client.js";
import pino from "pino";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector } from "../support/fake-connector.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { testProvider } from "../support/test-db.js";
import { cardOf, submitData, TeamsDriver, textOf as rawTextOf, type TeamsUser } from "../support/teams-driver.js";
import { createCore } from "../../app/core.js";
import { createOutboxWorker } from "../../bot/outbox/worker.js";
import { createDeferral, createRenderers } from "../../bot/reminders/scheduler.js";
import { produceReminders } from "../../bot/reminders/producer.js";
import { zonedTimeToUtc } from "../../bot/domain/local-time.js";
import { createLogger } from "../../bot/logger.js";

const TENANT = "44444444-5555-6666-7777-888888888888";
const LINDE = "Basisschool De Linde";
const ANKER = "Basisschool Het Anker";
let app: TestApp & { databaseUrl: string };
let teams: TeamsDriver;
const connector = new FakeConnector();
const ids = { linde: "", anker: "", lindeGroup: "", ankerGroup: "", sam: "", noor: "" };

beforeAll(async () => {
  await connector.start();
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true" });
  teams = new TeamsDriver(app, connector, TENANT);
  const db = app.database.db;
  for (const [key, name, group] of [
    ["linde", LINDE, "groep 5"],
    ["anker", ANKER, "groep 6"],
  ] as const) {
    const setup = await applySchoolSetup(db, {
      school: { name, teamsTenantIds: [TENANT] },
      schoolYear: "2026-2027",
      staff: [{ email: `directie@${key}.example`, name: "Directie", roles: ["admin"] }],
      groups: [{ name: group, teachers: [] }],
    });
    ids[key] = setup.schoolId;
    ids[`${key}Group`] = (await db.group.findFirstOrThrow({ where: { schoolId: setup.schoolId } })).id;
  }
  ids.sam = (await db.pupil.create({ data: { schoolId: ids.linde, groupId: ids.lindeGroup, externalId: "1", firstName: "Sam", lastName: "de Boer" } })).id;
  ids.noor = (await db.pupil.create({ data: { schoolId: ids.anker, groupId: ids.ankerGroup, externalId: "1", firstName: "Noor", lastName: "Bakker" } })).id;
});
afterAll(async () => {
  await app?.stop();
  await connector.stop();
});

/** The replies' text, with Teams' bold (<b>) written back as the core's markdown. */
const textOf = (sent: Parameters<typeof rawTextOf>[0]) => rawTextOf(sent).replace(/<\/?b>/g, "**");

let known = 0;
/** A teacher with a staff record (and a group) at both schools, new to the bot. */
async function twoSchoolTeacher(): Promise<{ user: TeamsUser; lindeStaff: string; ankerStaff: string }> {
  const k = String(++known).padStart(2, "0");
  const user = { aad: `bbbbbbbb-0000-0000-0000-0000000000${k}`, name: `Eva Twee${k}`, email: `eva${k}@bestuur.example` };
  connector.members.set(`29:${user.aad}`, { id: `29:${user.aad}`, name: user.name, aadObjectId: user.aad, email: user.email, userPrincipalName: user.email });
  const staffAt = async (schoolId: string, groupId: string) =>
    (
      await app.database.db.staff.create({
        data: { schoolId, email: user.email, displayName: user.name, roles: { create: { role: "teacher" } }, groups: { create: { groupId } } },
      })
    ).id;
  return { user, lindeStaff: await staffAt(ids.linde, ids.lindeGroup), ankerStaff: await staffAt(ids.anker, ids.ankerGroup) };
}

const linkedStaff = async (user: TeamsUser) =>
  (await app.database.db.staffIdentity.findUnique({ where: { channel_externalId: { channel: "teams", externalId: user.aad } } }))?.staffId;
const pressSchool = (user: TeamsUser, schoolId: string) => teams.post(teams.activity(user, { value: { gw: "act", command: "school", args: { schoolId } } }));

describe(`a teacher at two schools of one board, over Teams on ${testProvider()}`, () => {
  it("is asked which school on first contact, and the choice is remembered", async () => {
    const eva = await twoSchoolTeacher();
    const greeting = textOf(await teams.post(teams.activity(eva.user, { type: "installationUpdate", action: "add", text: undefined })));
    expect(greeting).toContain("meer dan één school");
    const asked = textOf(await teams.say(eva.user, "mijn groep"));
    expect(asked).toContain("meer dan één school");
    expect(asked).toContain(LINDE);
    expect(asked).toContain(ANKER);
    expect(asked).not.toMatch(/Sam|Noor/);
    expect(await linkedStaff(eva.user)).toBeUndefined(); // nothing remembered before she chooses

    expect(textOf(await pressSchool(eva.user, ids.anker))).toContain(`Je werkt nu voor **${ANKER}**`);
    expect(await linkedStaff(eva.user)).toBe(eva.ankerStaff);
    const group = textOf(await teams.say(eva.user, "mijn groep"));
    expect(group).toContain("Noor Bakker");
    expect(group).not.toContain("Sam");
  });

  it("`school` lists her schools with the current one marked, and `school <naam>` switches", async () => {
    const eva = await twoSchoolTeacher();
    await teams.say(eva.user, "school linde");
    expect(await linkedStaff(eva.user)).toBe(eva.lindeStaff);
    const listed = textOf(await teams.say(eva.user, "school"));
    expect(listed).toContain(`▸ **${LINDE}**`);
    expect(listed).toContain(`- ${ANKER}`);
    const lindeGroup = textOf(await teams.say(eva.user, "mijn groep"));
    expect(lindeGroup).toContain("Sam de Boer");
    expect(lindeGroup).not.toContain("Noor");

    expect(textOf(await teams.say(eva.user, "school het anker"))).toContain(`Je werkt nu voor **${ANKER}**`);
    const ankerGroup = textOf(await teams.say(eva.user, "mijn groep"));
    expect(ankerGroup).toContain("Noor Bakker");
    expect(ankerGroup).not.toContain("Sam");
    expect(textOf(await teams.say(eva.user, "school elders"))).toContain("Je staat niet bij een school 'elders'");
    expect(await linkedStaff(eva.user)).toBe(eva.ankerStaff);
  });

  it("working for one school, nothing of the other school reaches her through the shared identity", async () => {
    const eva = await twoSchoolTeacher();
    await teams.say(eva.user, "school linde");
    const db = app.database.db;
    const director = await db.staff.findFirstOrThrow({ where: { schoolId: ids.anker } });
    const goal = await db.goal.create({
      data: { pupilId: ids.noor, goalText: "GEHEIM-DOEL-ANKER", status: "open", evaluationDate: "2027-01-10", createdById: director.id },
    });

    const lindeOnly = { aad: `cccccccc-0000-0000-0000-0000000000${known}`, name: "Linde Juf", email: `linde${known}@bestuur.example` };
    connector.members.set(`29:${lindeOnly.aad}`, {
      id: `29:${lindeOnly.aad}`,
      name: lindeOnly.name,
      aadObjectId: lindeOnly.aad,
      email: lindeOnly.email,
      userPrincipalName: lindeOnly.email,
    });
    await db.staff.create({ data: { schoolId: ids.linde, email: lindeOnly.email, displayName: "Linde Juf", roles: { create: { role: "teacher" } } } });

    const named = textOf(await teams.say(eva.user, "leerling Noor"));
    expect(named).toContain("geen leerling");
    expect(named).not.toContain("Bakker");
    for (const value of [
      { gw: "act", command: "pupil", args: { pupilId: ids.noor } },
      { gw: "act", command: "prepare", args: { pupilId: ids.noor } },
      { gw: "act", command: "evaluate", args: { goalId: goal.id } },
      { gw: "act", command: "export", args: { pupilId: ids.noor } },
    ]) {
      // Refused, and the reply says which of her schools it is about (a reminder of her other record), nothing more.
      const reply = textOf(await teams.post(teams.activity(eva.user, { value })));
      expect(reply).toContain(`Dit gaat over **${ANKER}**`);
      expect(reply).not.toMatch(/Bakker|GEHEIM-DOEL-ANKER/);
      // A colleague who works at De Linde only learns nothing: not even which school.
      const colleague = textOf(await teams.post(teams.activity(lindeOnly, { value })));
      expect(colleague).toContain("Die kon ik niet vinden");
      expect(colleague).not.toMatch(/Anker|Bakker|GEHEIM-DOEL-ANKER/);
    }
    expect(await db.dialogSession.count({ where: { staffId: { in: [eva.lindeStaff, eva.ankerStaff] } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { actorStaffId: eva.lindeStaff, action: "refused" } })).toBeGreaterThan(0);
    // Her own school's pupil is hers as before.
    expect(textOf(await teams.say(eva.user, "leerling Sam"))).toContain("Sam de Boer");
  });

  it("a dialog of the other school says which school it belongs to, and is not lost", async () => {
    const eva = await twoSchoolTeacher();
    await teams.say(eva.user, "school anker");
    const started = await teams.say(eva.user, "voorbereiden Noor");
    const cardActivity = started.find((a) => cardOf(a))!;
    const session = await app.database.db.dialogSession.findFirstOrThrow({ where: { staffId: eva.ankerStaff } });

    await pressSchool(eva.user, ids.linde); // a button: typed, "school linde" would be asked about first (a dialog is open)
    const submitted = textOf(await teams.submit(eva.user, cardActivity, submitData(cardOf(cardActivity)!)));
    expect(submitted).toContain(`hoort bij **${ANKER}**`);
    expect(submitted).not.toContain("iemand anders");
    const after = await app.database.db.dialogSession.findUniqueOrThrow({ where: { id: session.id } });
    expect({ version: after.version, status: after.status, answers: after.answers }).toEqual({
      version: session.version,
      status: "active",
      answers: session.answers,
    });
    expect(textOf(await teams.say(eva.user, "verder"))).toContain(`1 open gesprek bij **${ANKER}**`);
    const resumeButton = await teams.post(teams.activity(eva.user, { value: { gw: "act", command: "resume", args: { sessionId: session.id } } }));
    expect(textOf(resumeButton)).toContain(`hoort bij **${ANKER}**`);

    await teams.say(eva.user, "school anker");
    expect(await linkedStaff(eva.user)).toBe(eva.ankerStaff);
    expect(textOf(await teams.say(eva.user, "verder"))).toContain("Welk gespreksformat?");
  });

  it("a switch on another instance counts at once there, despite its identity cache", async () => {
    const eva = await twoSchoolTeacher();
    await teams.say(eva.user, "school linde");
    // Another instance: its own connection and core (from the sources, whichever build serves HTTP).
    const second = await openDatabase(app.databaseUrl);
    onTestFinished(() => second.close());
    const other = createCore({ db: second.db, logger: pino({ level: "silent" }), defaultLocale: "nl" });
    const asTeams = { channel: "teams" as const, externalId: eva.user.aad, tenantId: TENANT, email: eva.user.email };
    const turn = async (text: string) => (await other.handleTurn({ user: asTeams, text })).replies.map((r) => r.text).join("\n");
    expect(await turn("mijn groep")).toContain("Sam de Boer"); // the other instance now caches De Linde
    await teams.say(eva.user, "school anker"); // switched through this instance
    const afterSwitch = await turn("mijn groep");
    expect(afterSwitch).toContain("Noor Bakker");
    expect(afterSwitch).not.toContain("Sam");
  });

  it("a reminder for her record at one school names that school, and reaches her chat also for a record added later", async () => {
    const eva = await twoSchoolTeacher();
    await teams.say(eva.user, "school linde"); // she chats as De Linde; her address serves both records
    const db = app.database.db;
    expect(await db.channelAddress.count({ where: { staffId: { in: [eva.lindeStaff, eva.ankerStaff] }, channel: "teams" } })).toBe(2);
    // As if her Het Anker record came after this instance stored her address: the record has none yet.
    await db.channelAddress.deleteMany({ where: { staffId: eva.ankerStaff } });
    // Thursday 11 March 2027, 10:00, at Het Anker: the prepare reminder is due on Wednesday.
    await db.conversation.create({
      data: {
        schoolId: ids.anker,
        pupilId: ids.noor,
        groupId: ids.ankerGroup,
        formatKey: "middenbouw",
        formatVersion: 1,
        status: "planned",
        plannedAt: zonedTimeToUtc("2027-03-11", "10:00", "Europe/Amsterdam"),
        durationMinutes: 15,
        createdById: eva.ankerStaff,
        teachers: { create: { staffId: eva.ankerStaff } },
      },
    });
    const now = zonedTimeToUtc("2027-03-10", "08:35", "Europe/Amsterdam");
    const clock = () => now;
    await produceReminders(db, now);
    const worker = createOutboxWorker({
      db,
      proactive: app.core.proactive,
      logger: createLogger("silent"),
      renderers: createRenderers(clock),
      deferUntil: createDeferral(db, clock),
      clock,
    });
    await worker.tick();
    const sent = connector.activities.filter((a) => a.idempotencyKey?.startsWith("daily_bundle:") && JSON.stringify(a.activity).includes("Noor"));
    expect(sent.length).toBeGreaterThan(0);
    expect(JSON.stringify(sent[0]!.activity)).toContain(ANKER);
    expect(JSON.stringify(sent[0]!.activity.conversation)).toContain(eva.user.aad);
    expect(await db.channelAddress.count({ where: { staffId: eva.ankerStaff } })).toBe(1); // her chat, adopted for the record
  });
});

// The plain-SQL hot path (bot/db/direct-sql.ts) against what Prisma reads and writes: the same
// rows, the same conditional-update semantics, and on SQLite the same transaction isolation
// (a plain statement never lands inside another turn's open transaction).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../bot/db/client.js";
import { inTransaction } from "../../bot/db/transaction.js";
import { loadActor } from "../../bot/auth/actor.js";
import { ErrorCode, toAppError } from "../../bot/errors.js";
import { createSession, findActiveSession, findSession, updateSession } from "../../bot/services/dialog-sessions.js";
import {
  PUPIL_CONTEXT_INCLUDE,
  prereadPupilContext,
  queryPupilContext,
  readPupilContext,
  type PupilContextRow,
} from "../../bot/services/pupil-context-query.js";
import { CALENDAR_ORDER, calendarQuery } from "../../bot/services/school-calendar.js";
import { loadPupilContext } from "../../bot/services/conversations.js";
import { defaultFormatKey } from "../../bot/formats/registry.js";
import { loadTurnActor } from "../../bot/chat/turn-actor.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";

let t: TestDatabase;
let schoolId: string;
let groupId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  schoolId = (await makeSchool(t.db)).id;
  groupId = (await makeGroup(t.db, schoolId, "groep 6", "bovenbouw")).id;
});
afterAll(async () => t?.destroy());

const subject = { pupilId: null, groupId: null, conversationId: null, formatKey: null, formatVersion: null };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Prisma's answer with the relations it returns unordered put in id order (as the SQL does). */
async function prismaPupilContext(db: Db, pupilId: string): Promise<PupilContextRow | null> {
  const row = await db.pupil.findUnique({ where: { id: pupilId }, include: PUPIL_CONTEXT_INCLUDE });
  if (!row) return null;
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    ...row,
    group: row.group ? { ...row.group, teachers: byId(row.group.teachers) } : null,
    goals: row.goals.map((g) => ({ ...g, agreements: byId(g.agreements) })),
    conversations: row.conversations.map((c) => ({ ...c, agreements: byId(c.agreements) })),
  };
}

describe(`plain SQL on ${testProvider()}`, () => {
  it("reads a dialog session exactly as Prisma stores it, and updates it only at the expected version", async () => {
    const staff = await makeStaff(t.db, schoolId);
    const session = await createSession(t.db, {
      schoolId,
      staffId: staff.id,
      kind: "prepare",
      stepId: "format",
      subject,
      answers: { format: { format: "kindplan" } },
    });
    const before = await t.db.dialogSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(await findSession(t.db, session.id)).toEqual({ ...session, updatedAt: before.updatedAt });

    await sleep(5);
    expect(await updateSession(t.db, session.id, 0, { stepId: "aim", rawInputs: { aim: { theme: "x" } } })).toBe(1);
    // A second submission of the same version (double click, second device) changes nothing.
    expect(await updateSession(t.db, session.id, 0, { stepId: "when", status: "cancelled" })).toBeNull();

    const row = await t.db.dialogSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row).toMatchObject({
      version: 1,
      stepId: "aim",
      status: "active",
      answers: JSON.stringify({ format: { format: "kindplan" } }),
      rawInputs: '{"aim":{"theme":"x"}}',
    });
    expect(row.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(Math.abs(row.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
    const read = await findSession(t.db, session.id);
    expect(read).toMatchObject({
      version: 1,
      stepId: "aim",
      answers: { format: { format: "kindplan" } },
      rawInputs: { aim: { theme: "x" } },
      updatedAt: row.updatedAt,
      formatVersion: null,
    });
    expect(await findSession(t.db, "no-such-session")).toBeNull();
  });

  it("finds the active session a person worked on last", async () => {
    const staff = await makeStaff(t.db, schoolId);
    const first = await createSession(t.db, { schoolId, staffId: staff.id, kind: "prepare", stepId: "format", subject });
    // Starting another pauses the first.
    const second = await createSession(t.db, { schoolId, staffId: staff.id, kind: "note", stepId: "text", subject });
    expect((await findActiveSession(t.db, staff.id))?.id).toBe(second.id);
    expect((await findSession(t.db, first.id))?.status).toBe("paused");
    await updateSession(t.db, second.id, second.version, { status: "completed" });
    expect(await findActiveSession(t.db, staff.id)).toBeNull();
  });

  it("inside a transaction, a plain update commits or rolls back with it", async () => {
    const staff = await makeStaff(t.db, schoolId);
    const session = await createSession(t.db, { schoolId, staffId: staff.id, kind: "prepare", stepId: "format", subject });
    const failed = await inTransaction(t.db, async (tx) => {
      expect(await updateSession(tx, session.id, 0, { status: "completed" })).toBe(1);
      throw new Error("complete() failed");
    }).catch((e: Error) => e.message);
    expect(failed).toBe("complete() failed");
    expect(await findSession(t.db, session.id)).toMatchObject({ version: 0, status: "active" });
    await inTransaction(t.db, async (tx) => updateSession(tx, session.id, 0, { status: "completed" }));
    expect(await findSession(t.db, session.id)).toMatchObject({ version: 1, status: "completed" });
  });

  it("a plain update made during another turn's transaction survives that transaction's rollback", async () => {
    const staff = await makeStaff(t.db, schoolId);
    const session = await createSession(t.db, { schoolId, staffId: staff.id, kind: "prepare", stepId: "format", subject });
    const school = await t.db.school.findUniqueOrThrow({ where: { id: schoolId } });
    const failing = inTransaction(t.db, async (tx) => {
      await tx.school.update({ where: { id: schoolId }, data: { name: "renamed" } });
      await sleep(150);
      throw new Error("complete() failed");
    }).catch((e: Error) => e.message);
    await sleep(30);
    // Another teacher's turn, while that transaction is open.
    expect(await updateSession(t.db, session.id, 0, { stepId: "aim" })).toBe(1);
    expect(await failing).toBe("complete() failed");
    expect(await findSession(t.db, session.id)).toMatchObject({ version: 1, stepId: "aim" });
    expect((await t.db.school.findUniqueOrThrow({ where: { id: schoolId } })).name).toBe(school.name);
  });

  it("loads the actor's roles, led bouwen, groups and IB pupils fresh on every call", async () => {
    const pupil = await makePupil(t.db, schoolId, groupId);
    const staff = await makeStaff(t.db, schoolId, {
      roles: [{ role: "teacher" }, { role: "team_leader", bouw: "bovenbouw" }, { role: "ib" }],
      groups: [groupId],
      supports: [pupil.id],
    });
    const actor = await loadActor(t.db, staff.id);
    expect(actor).toEqual({
      kind: "staff",
      staffId: staff.id,
      schoolId,
      boardId: null,
      locale: "nl",
      timezone: "Europe/Amsterdam",
      roles: new Set(["teacher", "team_leader", "ib"]),
      leads: new Set(["bovenbouw"]),
      groupIds: new Set([groupId]),
      archivedGroupIds: new Set(),
      supportedPupilIds: new Set([pupil.id]),
    });
    // A change counts at the next turn: no cache in between.
    await t.db.groupTeacher.deleteMany({ where: { staffId: staff.id } });
    await t.db.staffRole.deleteMany({ where: { staffId: staff.id, role: "team_leader" } });
    await t.db.staff.update({ where: { id: staff.id }, data: { locale: "en" } });
    const board = await t.db.board.create({ data: { name: `Bestuur ${staff.id}` } });
    await t.db.school.update({ where: { id: schoolId }, data: { boardId: board.id } });
    const changed = await loadActor(t.db, staff.id);
    await t.db.school.update({ where: { id: schoolId }, data: { boardId: null } });
    expect(changed).toMatchObject({ boardId: board.id, locale: "en", roles: new Set(["teacher", "ib"]), leads: new Set(), groupIds: new Set() });
    await t.db.staff.update({ where: { id: staff.id }, data: { active: false } });
    expect(toAppError(await loadActor(t.db, staff.id).catch((e: unknown) => e)).code).toBe(ErrorCode.UnknownUser);
    expect(toAppError(await loadActor(t.db, "nobody").catch((e: unknown) => e)).code).toBe(ErrorCode.UnknownUser);
  });

  it("reads a pupil's context exactly as Prisma's query with the same include", async () => {
    const teacher = await makeStaff(t.db, schoolId, { groups: [groupId] });
    await makeStaff(t.db, schoolId, { groups: [groupId], active: false });
    const pupil = await makePupil(t.db, schoolId, groupId);
    const conversation = (status: string, heldAt: Date | null, createdAt: Date, plannedAt: Date | null = null) =>
      t.db.conversation.create({
        data: {
          schoolId,
          pupilId: pupil.id,
          formatKey: "kindplan",
          formatVersion: 1,
          status,
          heldAt,
          plannedAt,
          createdAt,
          createdById: teacher.id,
          durationMinutes: status === "planned" ? 15 : null,
        },
      });
    const held = await conversation("held", new Date("2026-10-01T10:00:00Z"), new Date("2026-09-30T08:00:00Z"));
    await conversation("evaluated", new Date("2026-03-01T10:00:00Z"), new Date("2026-02-27T08:00:00Z"));
    await conversation("planned", null, new Date("2026-11-01T08:00:00Z"), new Date("2026-12-01T09:30:00.123Z"));
    await conversation("prepared", null, new Date("2026-11-02T08:00:00Z"));
    await conversation("cancelled", null, new Date("2026-11-03T08:00:00Z"));
    const goal = (goalText: string, status: string, createdAt: Date) =>
      t.db.goal.create({
        data: {
          pupilId: pupil.id,
          conversationId: held.id,
          goalText,
          status,
          createdAt,
          createdById: teacher.id,
          evaluationDate: "2026-12-15",
          shareWithParents: status === "open",
        },
      });
    const open = await goal("tafels oefenen", "open", new Date("2026-10-01T10:05:00Z"));
    const reached = await goal("zelf een boek kiezen", "reached", new Date("2026-03-01T10:05:00Z"));
    await goal("nog een doel", "open", new Date("2026-10-01T10:06:00Z"));
    for (const [goalId, outcome, at] of [
      [reached.id, "partly", "2026-05-01T10:00:00Z"],
      [reached.id, "reached", "2026-10-15T10:00:00Z"],
      [open.id, "later", "2026-11-01T10:00:00Z"],
    ] as const) {
      await t.db.evaluation.create({ data: { goalId, outcome, note: `note ${outcome}`, evaluatedById: teacher.id, evaluatedAt: new Date(at) } });
    }
    await t.db.agreement.create({
      data: {
        pupilId: pupil.id,
        goalId: open.id,
        conversationId: held.id,
        who: "leerling",
        what: "elke dag 5 minuten",
        whenText: "tot de kerst",
        shareWithParents: true,
      },
    });
    await t.db.agreement.create({
      data: { pupilId: pupil.id, goalId: open.id, conversationId: null, who: "juf", what: "kaartjes maken", whenText: "maandag" },
    });
    await t.db.agreement.create({
      data: { pupilId: pupil.id, goalId: null, conversationId: held.id, who: "ouders", what: "thuis oefenen", whenText: "weekend" },
    });

    const reference = await prismaPupilContext(t.db, pupil.id);
    expect(reference?.goals.length).toBe(3);
    expect(reference?.conversations.length).toBe(4);
    expect(await queryPupilContext(t.db, pupil.id)).toEqual(reference);
    // Inside a transaction the same statements run through Prisma's raw queries.
    expect(await inTransaction(t.db, (tx) => queryPupilContext(tx as Db, pupil.id))).toEqual(reference);

    const alone = await makePupil(t.db, schoolId, null);
    expect(await queryPupilContext(t.db, alone.id)).toEqual(await prismaPupilContext(t.db, alone.id));
    expect(await queryPupilContext(t.db, "no-such-pupil")).toBeNull();
  });

  it("reads the school's default format along with a pupil's context as Prisma finds it", async () => {
    const school = (await makeSchool(t.db)).id;
    const group = await makeGroup(t.db, school, "groep 3", "onderbouw");
    const pupil = await makePupil(t.db, school, group.id);
    const loose = await makePupil(t.db, school, null);
    // Another school's and another bouw's choice must not count.
    await t.db.schoolFormatDefault.create({ data: { schoolId: schoolId, bouw: "onderbouw", formatKey: "other-school" } });
    await t.db.schoolFormatDefault.create({ data: { schoolId: school, bouw: "bovenbouw", formatKey: "other-bouw" } });
    const prismaChoice = async () =>
      (await t.db.schoolFormatDefault.findUnique({ where: { schoolId_bouw: { schoolId: school, bouw: "onderbouw" } } }))?.formatKey ?? null;
    const check = async () => {
      const { row, schoolFormatKey } = await readPupilContext(t.db, pupil.id);
      // Read along only where it saves a round trip; then it is exactly Prisma's answer.
      if (testProvider() === "postgresql") expect(schoolFormatKey).toBe(await prismaChoice());
      else expect(schoolFormatKey).toBeUndefined();
      const g = row!.group!;
      const alongside = await defaultFormatKey(t.db, { ...g, ...(schoolFormatKey !== undefined ? { schoolFormatKey } : {}) });
      expect(alongside).toBe(await defaultFormatKey(t.db, { id: g.id, schoolId: g.schoolId, bouw: g.bouw, formatKey: g.formatKey }));
      return alongside;
    };
    expect(await check()).toBe("onderbouw-welbevinden");
    await t.db.schoolFormatDefault.create({ data: { schoolId: school, bouw: "onderbouw", formatKey: "eigen-format" } });
    expect(await check()).toBe("eigen-format");
    // Inside a transaction (Prisma's raw queries) the same.
    await inTransaction(t.db, async (tx) => {
      const { schoolFormatKey } = await readPupilContext(tx as unknown as Db, pupil.id);
      expect(schoolFormatKey).toBe(testProvider() === "postgresql" ? "eigen-format" : undefined);
    });
    expect((await readPupilContext(t.db, loose.id)).schoolFormatKey).toBe(testProvider() === "postgresql" ? null : undefined);
  });

  it("loads a submission's actor and session in one statement exactly as loadActor and findSession do", async () => {
    const pupil = await makePupil(t.db, schoolId, groupId);
    const staff = await makeStaff(t.db, schoolId, { roles: [{ role: "teacher" }, { role: "ib" }], groups: [groupId], supports: [pupil.id] });
    const other = await makeStaff(t.db, schoolId);
    const session = await createSession(t.db, {
      schoolId,
      staffId: other.id,
      kind: "prepare",
      stepId: "format",
      subject: { ...subject, pupilId: pupil.id },
      answers: { a: { b: "c" } },
    });
    await sleep(3);
    expect(await updateSession(t.db, session.id, 0, { stepId: "aim", rawInputs: { aim: { theme: "x" } } })).toBe(1);
    const postgres = testProvider() === "postgresql";
    for (const submission of [{ sessionId: session.id, stepId: "aim" }, { sessionId: "no-such-session" }]) {
      const loaded = await loadTurnActor(t.db, staff.id, submission);
      expect(loaded.actor).toEqual(await loadActor(t.db, staff.id));
      // Another person's session is read as it is: the engine refuses it (as after findSession);
      // nothing of its pupil is read for her.
      if (postgres) expect(loaded.preloaded).toEqual({ sessionId: submission.sessionId, session: await findSession(t.db, submission.sessionId) });
      else expect(loaded.preloaded).toBeUndefined();
    }
    expect((await loadTurnActor(t.db, staff.id, { sessionId: session.id })).preloaded?.session ?? null).toEqual(
      postgres ? await findSession(t.db, session.id) : null,
    );
    expect((await findSession(t.db, session.id))?.rawInputs).toEqual({ aim: { theme: "x" } });
    // No session named (typed text, a malformed payload): the actor alone.
    for (const submission of [undefined, "x", { sessionId: 5 }]) {
      const loaded = await loadTurnActor(t.db, staff.id, submission);
      expect(loaded).toEqual({ actor: await loadActor(t.db, staff.id), moved: false });
    }
    // A cached staff id is checked against the channel identity in the same statement: moved once it points elsewhere.
    const user = { channel: "teams" as const, externalId: `aad-${staff.id}`, tenantId: "T" };
    for (const [linked, moved] of [
      [null, false],
      [staff.id, false],
      [other.id, true],
    ] as const) {
      const key = { channel: user.channel, externalId: user.externalId };
      if (linked) await t.db.staffIdentity.upsert({ where: { channel_externalId: key }, create: { ...key, staffId: linked }, update: { staffId: linked } });
      for (const submission of [undefined, { sessionId: session.id }]) {
        const loaded = await loadTurnActor(t.db, staff.id, submission, user);
        expect(loaded.moved).toBe(moved);
        expect(loaded.actor).toEqual(await loadActor(t.db, staff.id));
        if (postgres && submission) expect(loaded.preloaded?.session).toEqual(await findSession(t.db, session.id));
      }
    }
    // An inactive person is refused as by loadActor, whatever the submission names.
    await t.db.staff.update({ where: { id: staff.id }, data: { active: false } });
    expect(toAppError(await loadTurnActor(t.db, staff.id, { sessionId: session.id }).catch((e: unknown) => e)).code).toBe(ErrorCode.UnknownUser);
  });
  it("reads a submission's pupil context along with the actor (PostgreSQL), as readPupilContext and the calendar statement read it", async () => {
    const pupil = await makePupil(t.db, schoolId, groupId);
    const staff = await makeStaff(t.db, schoolId, { roles: [{ role: "teacher" }], groups: [groupId] });
    await t.db.goal.create({ data: { pupilId: pupil.id, goalText: "Ik vraag hulp", evaluationDate: "2027-01-15", setBy: "child", createdById: staff.id } });
    await t.db.schoolClosure.create({ data: { schoolId, kind: "holiday", name: "Kerstvakantie", startDate: "2026-12-19", endDate: "2027-01-03" } });
    const start = (pupilId: string | null, groupOf: string | null) =>
      createSession(t.db, { schoolId, staffId: staff.id, kind: "prepare", stepId: "aim", subject: { ...subject, pupilId, groupId: groupOf }, answers: {} });
    const withPupil = await start(pupil.id, null);
    const loaded = await loadTurnActor(t.db, staff.id, { sessionId: withPupil.id });
    if (testProvider() !== "postgresql") {
      // SQLite: a statement is no round trip; the flow reads the context itself.
      expect(loaded.preloaded).toBeUndefined();
      return;
    }
    const preread = loaded.preloaded?.pupilContext;
    expect(preread?.pupilId).toBe(pupil.id);
    const fromPreread = prereadPupilContext(preread!);
    const calendar = { ...calendarQuery(schoolId, [staff.id]), order: CALENDAR_ORDER };
    const direct = await readPupilContext(t.db, pupil.id, calendar);
    expect(fromPreread.row).toEqual(direct.row);
    expect(fromPreread.row?.goals.map((g) => g.goalText)).toEqual(["Ik vraag hulp"]);
    expect(fromPreread.schoolFormatKey).toEqual(direct.schoolFormatKey);
    // The calendar of the pupil's school, for the acting teacher: what the calendar statement reads on its own.
    expect(fromPreread.along).toEqual(direct.along);
    expect(fromPreread.along?.some((r) => r.b === "Kerstvakantie")).toBe(true);
    // loadPupilContext takes it for that pupil only, labelled with the school and staff it answers for.
    const actor = await loadActor(t.db, staff.id);
    const viaPreread = await loadPupilContext(t.db, actor, pupil.id, { calendarFor: [staff.id], preread });
    expect(viaPreread).toEqual(await loadPupilContext(t.db, actor, pupil.id, { calendarFor: [staff.id] }));
    const otherPupil = await makePupil(t.db, schoolId, groupId);
    expect((await loadPupilContext(t.db, actor, otherPupil.id, { preread })).pupil.id).toBe(otherPupil.id);
    // A dialog about a group, a paused one, another teacher's, or no such dialog: nothing read along.
    const paused = await start(pupil.id, null);
    await t.db.dialogSession.update({ where: { id: paused.id }, data: { status: "paused" } });
    const colleague = await makeStaff(t.db, schoolId, { roles: [{ role: "teacher" }], groups: [groupId] });
    for (const sessionId of [(await start(null, groupId)).id, paused.id, "no-such-session"]) {
      expect((await loadTurnActor(t.db, staff.id, { sessionId })).preloaded?.pupilContext).toBeUndefined();
    }
    const notHers = await loadTurnActor(t.db, colleague.id, { sessionId: withPupil.id });
    expect(notHers.preloaded?.session?.id).toBe(withPupil.id);
    expect(notHers.preloaded?.pupilContext).toBeUndefined();
  });
});

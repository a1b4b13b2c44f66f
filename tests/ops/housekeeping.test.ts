// Housekeeping keeps the growing tables bounded without losing what anyone still needs: old, done
// outbox rows go (their counts stay in the metrics) unless the schedule would queue them again;
// finished dialogs go after a month, open ones never; rounds that ended a month ago are closed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FINISHED_DIALOG_KEEP_DAYS, OUTBOX_KEEP_DAYS, runHousekeeping } from "../../bot/ops/housekeeping.js";
import { readOutboxState } from "../../bot/metrics/outbox-state.js";
import { loadScheduleState, produceReminders } from "../../bot/reminders/producer.js";
import { desiredMessages } from "../../bot/reminders/schedule.js";
import { cancelRound, listRounds } from "../../bot/services/rounds.js";
import { syncRoundMembership } from "../../bot/services/round-membership.js";
import { loadActor } from "../../bot/auth/actor.js";
import { DialogEngine } from "../../dialogs/engine/engine.js";
import { FLOWS } from "../../dialogs/flows/index.js";
import { translate } from "../../bot/i18n/translate.js";
import { startRetentionJob } from "../../bot/ops/nightly-job.js";
import { runPrivacyCommand } from "../../bot/cli/privacy-cli.js";
import { createLogger } from "../../bot/logger.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";

const NOW = new Date("2026-11-16T10:00:00Z"); // a Monday
const DAY_MS = 24 * 3_600_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

/** A school with one group, its teacher and a team leader: each test gets its own. */
async function school() {
  const s = await makeSchool(t.db);
  const group = await makeGroup(t.db, s.id, "groep 5", "middenbouw");
  const teacher = await makeStaff(t.db, s.id, { groups: [group.id] });
  const leader = await makeStaff(t.db, s.id, { roles: [{ role: "team_leader", bouw: "middenbouw" }] });
  return { schoolId: s.id, groupId: group.id, teacherId: teacher.id, leaderId: leader.id };
}

let n = 0;
function outboxRow(
  schoolId: string,
  staffId: string,
  status: string,
  dueAt: Date,
  extra: { idempotencyKey?: string; reportedAt?: Date; kind?: string; subjectId?: string } = {},
) {
  n++;
  return t.db.outboxMessage.create({
    data: {
      schoolId,
      recipientStaffId: staffId,
      kind: extra.kind ?? "plan_nudge",
      subjectId: extra.subjectId ?? null,
      payload: "{}",
      dueAt,
      status,
      idempotencyKey: extra.idempotencyKey ?? `housekeeping-test:${n}`,
      reportedAt: extra.reportedAt ?? null,
    },
  });
}

describe(`housekeeping on ${testProvider()}`, () => {
  it("prunes old outbox rows that are done, keeps what is undelivered, unreported or recent, and the metrics keep counting", async () => {
    const s = await school();
    const old = daysAgo(OUTBOX_KEEP_DAYS + 1);
    const recent = daysAgo(OUTBOX_KEEP_DAYS - 1);
    const gone = [
      await outboxRow(s.schoolId, s.teacherId, "sent", old),
      await outboxRow(s.schoolId, s.teacherId, "sent", old),
      await outboxRow(s.schoolId, s.teacherId, "cancelled", old, { kind: "prepare_reminder" }),
      await outboxRow(s.schoolId, s.teacherId, "dead", old, { reportedAt: daysAgo(OUTBOX_KEEP_DAYS) }),
    ];
    const stay = [
      await outboxRow(s.schoolId, s.teacherId, "sent", recent),
      await outboxRow(s.schoolId, s.teacherId, "pending", old),
      await outboxRow(s.schoolId, s.teacherId, "sending", old),
      // A failure no admin has been told of stays listed for the operator (outbox-failures).
      await outboxRow(s.schoolId, s.teacherId, "dead", old),
      await outboxRow(s.schoolId, s.teacherId, "uncertain", old),
    ];
    const before = await readOutboxState(t.db, NOW);

    const dry = await runHousekeeping(t.db, { now: NOW, schoolId: s.schoolId, dryRun: true });
    expect(dry[0]).toMatchObject({ outboxPruned: gone.length, outboxKeptLive: 0 });
    expect(await t.db.outboxMessage.count({ where: { schoolId: s.schoolId } })).toBe(gone.length + stay.length);

    const [result] = await runHousekeeping(t.db, { now: NOW, schoolId: s.schoolId });
    expect(result!.outboxPruned).toBe(gone.length);
    const left = await t.db.outboxMessage.findMany({ where: { schoolId: s.schoolId }, select: { id: true } });
    expect(left.map((r) => r.id).sort()).toEqual(stay.map((r) => r.id).sort());
    // The figures per status are what they were: pruned rows are counted, not forgotten.
    expect((await readOutboxState(t.db, NOW)).byStatus).toEqual(before.byStatus);
    const tally = await t.db.outboxPrunedCount.findMany({ where: { schoolId: s.schoolId }, orderBy: [{ kind: "asc" }, { status: "asc" }] });
    expect(tally.map((x) => [x.kind, x.status, x.count])).toEqual([
      ["plan_nudge", "dead", 1],
      ["plan_nudge", "sent", 2],
      ["prepare_reminder", "cancelled", 1],
    ]);

    // A second run finds nothing more, and adds to the counts only what it removes.
    await outboxRow(s.schoolId, s.teacherId, "sent", old);
    expect((await runHousekeeping(t.db, { now: NOW, schoolId: s.schoolId }))[0]!.outboxPruned).toBe(1);
    expect(
      (await t.db.outboxPrunedCount.findUniqueOrThrow({ where: { schoolId_kind_status: { schoolId: s.schoolId, kind: "plan_nudge", status: "sent" } } })).count,
    ).toBe(3);
    expect((await readOutboxState(t.db, NOW)).byStatus).toEqual({ ...before.byStatus, sent: before.byStatus.sent! + 1 });
  });

  it("keeps an old sent message about a live subject, even while muted, so the producer does not send it a second time", async () => {
    const s = await school();
    const pupil = await makePupil(t.db, s.schoolId, s.groupId);
    // A goal whose evaluation was asked for long ago and never answered: still wanted every day.
    const goal = await t.db.goal.create({
      data: { pupilId: pupil.id, goalText: "Ik wil de tafels van 6 kennen", evaluationDate: "2026-07-01", evaluatorId: s.teacherId, createdById: s.teacherId },
    });
    const wanted = desiredMessages(await loadScheduleState(t.db, s.schoolId, NOW)).filter((m) => m.subjectId === goal.id);
    expect(wanted).toHaveLength(1);
    const sent = await outboxRow(s.schoolId, s.teacherId, "sent", daysAgo(OUTBOX_KEEP_DAYS + 30), {
      kind: "evaluation_due",
      subjectId: goal.id,
      idempotencyKey: wanted[0]!.idempotencyKey,
    });

    const [result] = await runHousekeeping(t.db, { now: NOW, schoolId: s.schoolId });
    expect(result).toMatchObject({ outboxPruned: 0, outboxKeptLive: 1 });
    expect(await t.db.outboxMessage.findUnique({ where: { id: sent.id } })).not.toBeNull();
    expect((await produceReminders(t.db, NOW, s.schoolId)).enqueued).toBe(0);
    expect(await t.db.outboxMessage.count({ where: { subjectId: goal.id } })).toBe(1);

    // The teacher mutes evaluations for a while: the schedule stops wanting the message today, but
    // its key comes back when she unmutes, so the row must stay through the mute.
    await t.db.reminderPreference.create({ data: { staffId: s.teacherId, kind: "evaluation_due", muted: true } });
    expect(desiredMessages(await loadScheduleState(t.db, s.schoolId, NOW)).filter((m) => m.subjectId === goal.id)).toHaveLength(0);
    expect((await runHousekeeping(t.db, { now: NOW, schoolId: s.schoolId }))[0]).toMatchObject({ outboxPruned: 0, outboxKeptLive: 1 });
    await t.db.reminderPreference.deleteMany({ where: { staffId: s.teacherId } });
    expect((await produceReminders(t.db, NOW, s.schoolId)).enqueued).toBe(0);
    expect(await t.db.outboxMessage.count({ where: { subjectId: goal.id } })).toBe(1);

    // Once the goal is evaluated the schedule lets go, and the row goes.
    await t.db.goal.update({ where: { id: goal.id }, data: { status: "reached" } });
    expect((await runHousekeeping(t.db, { now: NOW, schoolId: s.schoolId }))[0]).toMatchObject({ outboxPruned: 1, outboxKeptLive: 0 });
  });

  it("removes finished dialogs after a month, never an open or paused one; an old card of a removed dialog is told so", async () => {
    const s = await school();
    const engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
    const juf = await loadActor(t.db, s.teacherId);
    const pupil = await makePupil(t.db, s.schoolId, s.groupId);
    const session = (status: string, updatedDaysAgo: number) =>
      t.db.dialogSession.create({
        data: {
          schoolId: s.schoolId,
          staffId: s.teacherId,
          kind: "note",
          pupilId: pupil.id,
          stepId: "note",
          status,
          answers: JSON.stringify({ note: { text: `woorden ${status} ${updatedDaysAgo}` } }),
          updatedAt: daysAgo(updatedDaysAgo),
        },
      });
    const old = FINISHED_DIALOG_KEEP_DAYS + 1;
    const completed = await session("completed", old);
    const cancelled = await session("cancelled", old);
    const kept = [await session("completed", FINISHED_DIALOG_KEEP_DAYS - 1), await session("paused", 400), await session("active", 400)];

    expect((await runHousekeeping(t.db, { now: NOW, schoolId: s.schoolId, dryRun: true }))[0]!.dialogsRemoved).toBe(2);
    expect(await t.db.dialogSession.count({ where: { staffId: s.teacherId } })).toBe(5);
    expect((await runHousekeeping(t.db, { now: NOW, schoolId: s.schoolId }))[0]!.dialogsRemoved).toBe(2);
    const left = await t.db.dialogSession.findMany({ where: { staffId: s.teacherId }, select: { id: true } });
    expect(left.map((r) => r.id).sort()).toEqual(kept.map((r) => r.id).sort());

    // The teacher presses a button on a card of the removed dialog: told what happened, nothing made.
    const gone = { kind: "refused", text: translate("nl", "engine.gone") };
    expect(await engine.submit(juf, { sessionId: completed.id, stepId: "note", version: 0, action: "submit", values: { text: "laat" } })).toEqual(gone);
    expect(await engine.resume(juf, cancelled.id)).toEqual(gone);
    expect(await t.db.note.count({ where: { pupilId: pupil.id } })).toBe(0);
  });

  it("closes rounds four weeks after their end; rondes no longer lists them and their conversations stay theirs", async () => {
    const s = await school();
    const round = (name: string, startDate: string, endDate: string, status = "active") =>
      t.db.round.create({
        data: {
          schoolId: s.schoolId,
          name,
          formatKey: "hgw-kindgesprek",
          startDate,
          endDate,
          status,
          createdById: s.leaderId,
          groups: { create: [{ groupId: s.groupId }] },
        },
      });
    const ended = await round("Voorjaar", "2026-03-02", "2026-03-27");
    const justEnded = await round("Herfst", "2026-10-01", "2026-11-06"); // 10 days ago
    await round("Geannuleerd", "2026-02-02", "2026-02-20", "cancelled");
    const current = await round("Winter", "2026-11-09", "2026-12-18");
    // A conversation held in the spring round, which a later, wider active round also covers.
    const wide = await round("Heel jaar", "2026-01-05", "2026-12-18");
    const pupil = await makePupil(t.db, s.schoolId, s.groupId);
    const held = await t.db.conversation.create({
      data: {
        schoolId: s.schoolId,
        pupilId: pupil.id,
        groupId: s.groupId,
        formatKey: "hgw-kindgesprek",
        formatVersion: 1,
        status: "held",
        heldAt: new Date("2026-03-10T10:00:00Z"),
        createdById: s.teacherId,
        roundId: ended.id,
      },
    });

    const leader = await loadActor(t.db, s.leaderId);
    expect((await runHousekeeping(t.db, { now: NOW, schoolId: s.schoolId, dryRun: true }))[0]!.roundsClosed).toBe(1);
    expect((await runHousekeeping(t.db, { now: NOW, schoolId: s.schoolId }))[0]!.roundsClosed).toBe(1);
    const statuses = Object.fromEntries((await t.db.round.findMany({ where: { schoolId: s.schoolId } })).map((r) => [r.name, r.status]));
    expect(statuses).toEqual({ Voorjaar: "closed", Herfst: "active", Geannuleerd: "cancelled", Winter: "active", "Heel jaar": "active" });
    expect((await listRounds(t.db, leader)).map((r) => r.id).sort()).toEqual([justEnded.id, current.id, wide.id].sort());

    // A closed round cannot be cancelled afterwards (say, from a dialog left open overnight): that
    // would hand its held conversations to another round.
    await expect(t.db.$transaction((tx) => cancelRound(tx, leader, ended.id))).rejects.toThrow("round is closed");
    expect((await t.db.round.findUniqueOrThrow({ where: { id: ended.id } })).status).toBe("closed");

    // Membership by the one rule: the spring round started later than the wide one, so it keeps
    // its conversation after closing, as it did while active.
    await syncRoundMembership(t.db, s.schoolId, { conversationIds: [held.id] });
    expect((await t.db.conversation.findUniqueOrThrow({ where: { id: held.id } })).roundId).toBe(ended.id);
  });

  it("the nightly job does it after retention, and the operator's retention command shows it (a dry run changes nothing)", async () => {
    // The job runs over every school: a database of its own.
    const own = await createTestDatabase();
    try {
      const s = await makeSchool(own.db, "OBS Opruimen");
      const juf = await makeStaff(own.db, s.id);
      await own.db.outboxMessage.create({
        data: { schoolId: s.id, recipientStaffId: juf.id, kind: "plan_nudge", payload: "{}", dueAt: daysAgo(200), status: "sent", idempotencyKey: "oud" },
      });
      await own.db.dialogSession.create({
        data: { schoolId: s.id, staffId: juf.id, kind: "note", stepId: "note", status: "completed", updatedAt: daysAgo(60) },
      });
      const out: string[] = [];
      expect(await runPrivacyCommand(own.db, "retention", ["--dry-run"], { out: (l) => out.push(l), err: () => {} }, NOW)).toBe(0);
      expect(out).toContain(`  outbox messages that would be pruned (done, due over ${OUTBOX_KEEP_DAYS} days ago): 1`);
      expect(out).toContain(`  finished dialogs that would be removed (over ${FINISHED_DIALOG_KEEP_DAYS} days old): 1`);
      expect([await own.db.outboxMessage.count(), await own.db.dialogSession.count()]).toEqual([1, 1]);

      const job = startRetentionJob({ db: own.db, logger: createLogger("silent"), clock: () => NOW });
      await job.runOnce();
      await job.stop();
      expect([await own.db.outboxMessage.count(), await own.db.dialogSession.count()]).toEqual([0, 0]);
    } finally {
      await own.destroy();
    }
  });
});

// Loads each school's state, asks the schedule what should be sent, and puts it in the outbox.
// Safe to run as often as we like and on several instances at once: the idempotency key makes a
// second enqueue of the same message a no-op.
import type { Db } from "../db/client.js";
import type { Logger } from "../logger.js";
import { parseWeekdays } from "../domain/vocabulary.js";
import { addDays } from "../domain/school-calendar.js";
import { localDate } from "../domain/local-time.js";
import { enqueue } from "../outbox/outbox.js";
import { loadSchoolCalendar } from "../services/school-calendar.js";
import { syncRecentRounds } from "../services/round-membership.js";
import { desiredMessages, type ScheduleState } from "./schedule.js";
import type { TeacherPreference } from "./gate.js";

export async function loadScheduleState(db: Db, schoolId: string, now: Date): Promise<ScheduleState> {
  const calendar = await loadSchoolCalendar(db, schoolId);
  const today = localDate(now, calendar.timezone);
  const [rounds, groups, staff, prefs] = await Promise.all([
    db.round.findMany({ where: { schoolId, status: "active", endDate: { gte: today } }, include: { groups: { select: { groupId: true } } } }),
    db.group.findMany({
      where: { schoolId },
      select: { id: true, bouw: true, teachers: { select: { staffId: true, workingDays: true } }, pupils: { where: { active: true }, select: { id: true } } },
    }),
    db.staff.findMany({ where: { schoolId, active: true }, select: { id: true } }),
    db.reminderPreference.findMany({ where: { staff: { schoolId } } }),
  ]);
  const roundIds = rounds.map((r) => r.id);
  const [conversations, goals] = await Promise.all([
    db.conversation.findMany({
      where: {
        schoolId,
        pupil: { active: true },
        OR: [{ status: { in: ["planned", "prepared"] }, plannedAt: { not: null } }, { roundId: { in: roundIds } }],
      },
      select: {
        id: true,
        pupilId: true,
        groupId: true,
        roundId: true,
        status: true,
        plannedAt: true,
        durationMinutes: true,
        createdById: true,
        teachers: { select: { staffId: true } },
        pupil: { select: { groupId: true } },
      },
    }),
    db.goal.findMany({
      where: { status: "open", evaluationDate: { not: null, lte: addDays(today, 2) }, pupil: { schoolId, active: true } },
      select: { id: true, pupilId: true, evaluationDate: true, evaluatorId: true, status: true, pupil: { select: { groupId: true } } },
    }),
  ]);
  const preferences = new Map<string, Map<string, TeacherPreference>>();
  for (const p of prefs) {
    if (!preferences.has(p.staffId)) preferences.set(p.staffId, new Map());
    preferences.get(p.staffId)!.set(p.kind, { muted: p.muted, snoozedUntil: p.snoozedUntil, enabled: p.enabled });
  }
  return {
    calendar,
    now,
    rounds: rounds.map((r) => ({ id: r.id, startDate: r.startDate, endDate: r.endDate, status: r.status, groupIds: r.groups.map((g) => g.groupId) })),
    groups: groups.map((g) => ({
      id: g.id,
      bouw: g.bouw,
      teachers: g.teachers.map((t) => ({ staffId: t.staffId, workingDays: new Set(parseWeekdays(t.workingDays)) })),
      activePupilIds: g.pupils.map((p) => p.id),
    })),
    conversations: conversations.map((c) => ({
      id: c.id,
      pupilId: c.pupilId,
      // The pupil's current group decides who is reminded (a pupil may have moved).
      groupId: c.pupil?.groupId ?? c.groupId,
      roundId: c.roundId,
      status: c.status,
      plannedAt: c.plannedAt,
      durationMinutes: c.durationMinutes,
      createdById: c.createdById,
      teacherIds: c.teachers.map((t) => t.staffId),
    })),
    goals: goals.map((g) => ({
      id: g.id,
      pupilId: g.pupilId,
      groupId: g.pupil.groupId,
      evaluationDate: g.evaluationDate,
      evaluatorId: g.evaluatorId,
      status: g.status,
    })),
    activeStaffIds: new Set(staff.map((s) => s.id)),
    preferences,
  };
}

export interface ProduceResult {
  schools: number;
  considered: number;
  enqueued: number;
  /** Schools whose reminders could not be planned this pass (logged). */
  failed: string[];
}

/** One pass over every school (or one): enqueue what is due within the horizon. */
export async function produceReminders(db: Db, now: Date, schoolId?: string, logger?: Logger): Promise<ProduceResult> {
  const schools = await db.school.findMany({ where: schoolId ? { id: schoolId } : {}, select: { id: true, timezone: true } });
  let considered = 0;
  let enqueued = 0;
  const failed: string[] = [];
  for (const school of schools) {
    let messages;
    try {
      // Round membership as the rule says before the nudges are decided (normally a no-op: every
      // write keeps it; this heals rows stored before the rule and any change made around it).
      await syncRecentRounds(db, school, now);
      messages = desiredMessages(await loadScheduleState(db, school.id, now));
    } catch (error) {
      // One school's broken calendar (a closure of more than a year) must not stop the others.
      failed.push(school.id);
      logger?.error({ err: error, schoolId: school.id }, "reminders for this school could not be planned");
      continue;
    }
    considered += messages.length;
    // Most of them were queued on an earlier tick: one query finds those, so only new ones are written.
    const known = new Set<string>();
    for (let i = 0; i < messages.length; i += 500) {
      const keys = messages.slice(i, i + 500).map((m) => m.idempotencyKey);
      for (const row of await db.outboxMessage.findMany({ where: { idempotencyKey: { in: keys } }, select: { idempotencyKey: true } }))
        known.add(row.idempotencyKey);
    }
    for (const m of messages.filter((x) => !known.has(x.idempotencyKey))) {
      const created = await enqueue(db, {
        schoolId: school.id,
        recipientStaffId: m.recipientStaffId,
        kind: m.kind,
        subjectId: m.subjectId,
        payload: m.payload,
        dueAt: m.dueAt,
        idempotencyKey: m.idempotencyKey,
      });
      if (created) enqueued++;
    }
  }
  return { schools: schools.length, considered, enqueued, failed };
}

// Loads a school's state, asks the schedule what should be sent, and puts it in the outbox.
// Safe to run as often as we like and on several instances at once: the idempotency key makes a
// second enqueue of the same message a no-op. produceReminders recomputes every school (the
// reference, and `runOnce`); the scheduler's every-minute tick uses createIncrementalProducer,
// which recomputes only what recompute-rule.ts says may have changed.
import type { Db } from "../db/client.js";
import type { Logger } from "../logger.js";
import { parseWeekdays } from "../domain/vocabulary.js";
import { addDays } from "../domain/school-calendar.js";
import { localDate } from "../domain/local-time.js";
import { enqueue } from "../outbox/outbox.js";
import { loadSchoolCalendar, loadSchoolCalendars } from "../services/school-calendar.js";
import { syncRecentRounds } from "../services/round-membership.js";
import { desiredMessages, HORIZON_MS, type ScheduleState } from "./schedule.js";
import { CALENDAR_TABLES, readBoardSignature, readSchoolSignatures, serializeSignature } from "./changes.js";
import { inActiveWindow, type RecomputeReason, recomputeReason, SAFETY_PASSES_PER_TICK, type SchoolMemory } from "./recompute-rule.js";
import type { TeacherPreference } from "./gate.js";
import { isBundled, planBundles } from "./bundle.js";
import { loadBundleView, writeBundles } from "./bundle-store.js";

export async function loadScheduleState(db: Db, schoolId: string, now: Date): Promise<ScheduleState> {
  const calendar = await loadSchoolCalendar(db, schoolId);
  const today = localDate(now, calendar.timezone);
  const [rounds, groups, staff, prefs] = await Promise.all([
    db.round.findMany({ where: { schoolId, status: "active", endDate: { gte: today } }, include: { groups: { select: { groupId: true } } } }),
    db.group.findMany({
      // Last year's groups (archived at the rollover) get no reminders; their pupils moved on.
      where: { schoolId, archivedAt: null },
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

interface SchoolPass {
  considered: number;
  enqueued: number;
  /** When the next message enters the horizon (ms since epoch); Infinity when none will. */
  nextWake: number;
}

// How far ahead a recomputation looks to learn when the next message enters the horizon. Beyond
// it the producer wakes anyway: a new school day always starts with a full pass.
const LOOKAHEAD_MS = 14 * 24 * 3_600_000;

/** Recomputes one school and enqueues what it wants within the horizon. */
async function produceSchool(db: Db, school: { id: string; timezone: string }, now: Date): Promise<SchoolPass> {
  // Round membership as the rule says before the nudges are decided (normally a no-op: every
  // write keeps it; this heals rows stored before the rule and any change made around it).
  await syncRecentRounds(db, school, now);
  const state = await loadScheduleState(db, school.id, now);
  const desired = desiredMessages(state, HORIZON_MS + LOOKAHEAD_MS);
  const limit = now.getTime() + HORIZON_MS;
  // Per-pupil items go out as one bundle per teacher and day (bundle.ts); the rest one by one.
  const items = desired.filter((m) => isBundled(m.kind));
  const messages = desired.filter((m) => !isBundled(m.kind) && m.dueAt.getTime() <= limit);
  // One look-up finds the items sent singly (before bundling) and the messages queued on an earlier pass.
  const view = await loadBundleView(
    db,
    state.activeStaffIds,
    [...items, ...messages].map((m) => m.idempotencyKey),
    now,
  );
  const bundles = planBundles(items, { now, rows: view.rows, singly: view.singly });
  const written = await writeBundles(db, school.id, bundles, view, limit);
  const all = [...desired.filter((m) => !isBundled(m.kind)), ...bundles];
  const nextWake = all.reduce((first, m) => (m.dueAt.getTime() > limit ? Math.min(first, m.dueAt.getTime() - HORIZON_MS) : first), Number.POSITIVE_INFINITY);
  // Most of them were queued on an earlier pass (found with the items above), so only new ones are written.
  const known = view.singly;
  let enqueued = 0;
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
  const bundled = bundles.filter((b) => b.dueAt.getTime() <= limit).length;
  return { considered: messages.length + bundled, enqueued: enqueued + written.created, nextWake };
}

/** One full pass over every school (or one): enqueue what is due within the horizon. */
export async function produceReminders(db: Db, now: Date, schoolId?: string, logger?: Logger): Promise<ProduceResult> {
  const schools = await db.school.findMany({ where: schoolId ? { id: schoolId } : {}, select: { id: true, timezone: true } });
  const result: ProduceResult = { schools: schools.length, considered: 0, enqueued: 0, failed: [] };
  for (const school of schools) {
    try {
      const pass = await produceSchool(db, school, now);
      result.considered += pass.considered;
      result.enqueued += pass.enqueued;
    } catch (error) {
      // One school's broken calendar (a closure of more than a year) must not stop the others.
      result.failed.push(school.id);
      logger?.error({ err: error, schoolId: school.id }, "reminders for this school could not be planned");
    }
  }
  return result;
}

export interface TickResult extends ProduceResult {
  /** Schools recomputed on this tick, and why (recompute-rule.ts). */
  recomputed: { schoolId: string; reason: Exclude<RecomputeReason, null> }[];
}

export interface IncrementalProducer {
  /** One tick: recompute only the schools the rule names; the others' queued messages still hold. */
  tick(now: Date): Promise<TickResult>;
}

/** Lets a waiting HTTP request or chat turn run between two schools (SQLite's driver is synchronous). */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface IncrementalProducerOptions {
  logger?: Logger;
  /** Tests turn the hourly full pass off, to prove the change signature alone finds every change. */
  safetyPassMs?: number;
}

/**
 * The producer the scheduler runs every minute. It keeps, per school, what it saw at its last
 * recomputation (recompute-rule.ts says when that is stale); a quiet tick costs two aggregate
 * statements. The memory is this instance's own: several instances each produce, and the
 * idempotency key keeps the outbox single.
 */
export function createIncrementalProducer(db: Db, { logger, safetyPassMs }: IncrementalProducerOptions = {}): IncrementalProducer {
  const memory = new Map<string, SchoolMemory>();
  let boardSignature: string | undefined;
  let calendarSignature: string | undefined;
  let calendars: Awaited<ReturnType<typeof loadSchoolCalendars>> | undefined;

  return {
    async tick(now) {
      // First only the calendars (a row or so per school): at night and on days off that is all a tick reads.
      const calendar = serializeSignature(await readBoardSignature(db, CALENDAR_TABLES));
      if (!calendars || calendar !== calendarSignature) {
        calendars = await loadSchoolCalendars(db);
        calendarSignature = calendar;
      }
      const result: TickResult = { schools: calendars.length, considered: 0, enqueued: 0, failed: [], recomputed: [] };
      const active = calendars.filter((s) => inActiveWindow(s.calendar, now));
      // Outside its window a school is forgotten: its next window starts with a full pass.
      for (const s of calendars) if (!active.includes(s)) memory.delete(s.id);
      if (active.length === 0) return result;
      const board = serializeSignature(await readBoardSignature(db));
      const boardChanged = board !== boardSignature;
      const perSchool = boardChanged || active.some((s) => !memory.has(s.id)) ? await readSchoolSignatures(db) : undefined;
      let safetyPasses = 0;
      for (const school of active) {
        const known = memory.get(school.id);
        // Read before the state is loaded: a write in between shows up as a change on the next tick.
        const signature = perSchool ? serializeSignature(perSchool.get(school.id)) : known!.signature;
        const reason = recomputeReason(known, signature, school.calendar, now, safetyPassMs);
        if (!reason) continue;
        if (reason === "safety" && safetyPasses++ >= SAFETY_PASSES_PER_TICK(active.length)) continue; // next tick
        await yieldToEventLoop();
        try {
          const pass = await produceSchool(db, school, now);
          memory.set(school.id, { signature, date: localDate(now, school.timezone), at: now.getTime(), nextWake: pass.nextWake });
          result.considered += pass.considered;
          result.enqueued += pass.enqueued;
          result.recomputed.push({ schoolId: school.id, reason });
        } catch (error) {
          memory.delete(school.id);
          result.failed.push(school.id);
          logger?.error({ err: error, schoolId: school.id }, "reminders for this school could not be planned");
        }
      }
      // Only now: a tick that failed half-way compares the next one with the older signature again.
      boardSignature = board;
      return result;
    },
  };
}

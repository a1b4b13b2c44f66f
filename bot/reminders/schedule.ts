// What the bot should send, and when, computed from the school's state by one pure function.
// The producer runs it on every tick and enqueues the result into the outbox; the idempotency
// key makes that safe to repeat, and a changed date yields a new key (the old message's renderer
// then finds it no longer relevant). All times are school-local wall-clock times turned into UTC
// per date, so a reminder at 08:30 stays at 08:30 across the daylight-saving transitions.
import {
  addDays,
  atSchoolTime,
  daysBetween,
  isSchoolDay,
  nextSchoolMoment,
  schoolDayOnOrAfter,
  schoolDaysBefore,
  weekStart,
  type SchoolCalendar,
} from "../domain/school-calendar.js";
import { localDate, localTime } from "../domain/local-time.js";
import type { PreferenceKind } from "../domain/vocabulary.js";
import { gateReminder, type TeacherPreference } from "./gate.js";

export const REMINDER_KINDS = [
  "round_announcement",
  "plan_nudge",
  "prepare_reminder",
  "pupil_invitation",
  "unrecorded_nudge",
  "evaluation_due",
  "weekly_digest",
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Which preference governs a message kind. */
export function preferenceKindOf(kind: ReminderKind): PreferenceKind | null {
  switch (kind) {
    case "round_announcement":
      return null;
    case "pupil_invitation":
      return "prepare_reminder";
    default:
      return kind;
  }
}

export interface ScheduleState {
  calendar: SchoolCalendar;
  now: Date;
  rounds: { id: string; startDate: string; endDate: string; status: string; groupIds: string[] }[];
  groups: { id: string; bouw: string; teachers: { staffId: string; workingDays: ReadonlySet<number> }[]; activePupilIds: string[] }[];
  conversations: {
    id: string;
    pupilId: string | null;
    groupId: string | null;
    roundId: string | null;
    status: string;
    plannedAt: Date | null;
    durationMinutes: number | null;
    createdById: string;
    teacherIds: string[];
  }[];
  goals: { id: string; pupilId: string; groupId: string | null; evaluationDate: string | null; evaluatorId: string | null; status: string }[];
  /** Active staff only: a message is never planned for someone who left. */
  activeStaffIds: ReadonlySet<string>;
  preferences: ReadonlyMap<string, ReadonlyMap<string, TeacherPreference>>;
}

export interface DesiredMessage {
  kind: ReminderKind;
  recipientStaffId: string;
  subjectId: string;
  dueAt: Date;
  idempotencyKey: string;
  /** Ids and dates only: the renderer loads names at send time, so the outbox holds no pupil data. */
  payload: Record<string, string | number>;
  /**
   * A per-pupil item (bundle.ts): the recipient's school days whose morning bundle may carry it,
   * first the one at or after it is due, then the next ones (for when a day's bundle went out already).
   */
  bundleDays?: { day: string; at: Date }[];
}

/** How far ahead messages are put in the outbox; later ones follow on later ticks. */
export const HORIZON_MS = 36 * 3_600_000;
/** Days a pupil preparation form goes out before a bovenbouw conversation. */
export const INVITATION_SCHOOL_DAYS = 3;
/** Minutes after a planned conversation's end before asking whether it was held. */
export const UNRECORDED_GRACE_MINUTES = 30;
const ALL_DAYS: ReadonlySet<number> = new Set([1, 2, 3, 4, 5, 6, 7]);
/** Days an item may wait for a bundle that has not gone out yet (today's went out: tomorrow's, …). */
const BUNDLE_CANDIDATE_DAYS = 4;

function preference(state: ScheduleState, staffId: string, kind: PreferenceKind | null): TeacherPreference | undefined {
  return kind ? state.preferences.get(staffId)?.get(kind) : undefined;
}

function teacherDays(state: ScheduleState, staffId: string, groupIds: (string | null)[]): ReadonlySet<number> {
  const days = new Set<number>();
  for (const group of state.groups) {
    if (!groupIds.includes(group.id)) continue;
    for (const t of group.teachers) if (t.staffId === staffId) for (const d of t.workingDays) days.add(d);
  }
  return days.size > 0 ? days : ALL_DAYS;
}

/** The teacher's first working school day on or after the date (their day off moves it later). */
function teacherDayOnOrAfter(state: ScheduleState, date: string, days: ReadonlySet<number>): string {
  try {
    return schoolDayOnOrAfter(state.calendar, date, days);
  } catch {
    return schoolDayOnOrAfter(state.calendar, date);
  }
}

function teacherDayBefore(state: ScheduleState, date: string, days: ReadonlySet<number>, count = 1): string {
  try {
    return schoolDaysBefore(state.calendar, date, count, days);
  } catch {
    return schoolDaysBefore(state.calendar, date, count);
  }
}

const startOf = (state: ScheduleState, date: string) => atSchoolTime(state.calendar, date, state.calendar.dayStart);

/**
 * Candidate days for a bundle: the first of the teacher's school days, today or later, whose
 * morning is at or after `dueAt` (an item due in the past goes into today's or the next one's),
 * and the next ones.
 */
function bundleDaysFor(state: ScheduleState, dueAt: Date, days: ReadonlySet<number>): { day: string; at: Date }[] {
  const due = localDate(dueAt, state.calendar.timezone);
  const today = localDate(state.now, state.calendar.timezone);
  let day = teacherDayOnOrAfter(state, due > today ? due : today, days);
  if (startOf(state, day).getTime() < dueAt.getTime()) day = teacherDayOnOrAfter(state, addDays(day, 1), days);
  const out = [{ day, at: startOf(state, day) }];
  while (out.length < BUNDLE_CANDIDATE_DAYS) {
    day = teacherDayOnOrAfter(state, addDays(day, 1), days);
    out.push({ day, at: startOf(state, day) });
  }
  return out;
}

/**
 * What should be in the outbox now. `horizonMs` is for the producer only: with a longer horizon it
 * learns when the next message enters the real one (the horizon check is the last step of every
 * message, so filtering the longer list by HORIZON_MS gives exactly the default result).
 */
export function desiredMessages(state: ScheduleState, horizonMs: number = HORIZON_MS): DesiredMessage[] {
  const out: DesiredMessage[] = [];
  const today = localDate(state.now, state.calendar.timezone);
  const add = (m: Omit<DesiredMessage, "idempotencyKey">, keyParts: string[], bundleIn?: ReadonlySet<number>) => {
    if (!state.activeStaffIds.has(m.recipientStaffId)) return;
    const kind = preferenceKindOf(m.kind);
    const decision = kind ? gateReminder(kind, preference(state, m.recipientStaffId, kind), localDate(m.dueAt, state.calendar.timezone)) : undefined;
    if (decision === "muted") return;
    const dueAt = typeof decision === "object" ? nextSchoolMoment(state.calendar, startOf(state, decision.snoozedUntil)) : m.dueAt;
    if (dueAt.getTime() > state.now.getTime() + horizonMs) return;
    const item = bundleIn ? { bundleDays: bundleDays(dueAt, bundleIn) } : {};
    out.push({ ...m, dueAt, idempotencyKey: [m.kind, ...keyParts].join(":"), ...item });
  };
  const groupById = new Map(state.groups.map((g) => [g.id, g]));
  // Many items share a due moment and a teacher's days: the calendar is walked once for each pair.
  const candidateDays = new Map<string, { day: string; at: Date }[]>();
  const bundleDays = (dueAt: Date, days: ReadonlySet<number>) => {
    const key = `${dueAt.getTime()}|${[...days].join("")}`;
    let found = candidateDays.get(key);
    if (!found) candidateDays.set(key, (found = bundleDaysFor(state, dueAt, days)));
    return found;
  };

  for (const round of state.rounds) {
    if (round.status !== "active" || today > round.endDate) continue;
    const teachers = new Set(round.groupIds.flatMap((id) => groupById.get(id)?.teachers.map((t) => t.staffId) ?? []));
    const planned = new Set(state.conversations.filter((c) => c.roundId === round.id && c.status !== "cancelled").map((c) => c.pupilId));
    const halfway = addDays(round.startDate, Math.floor(daysBetween(round.startDate, round.endDate) / 2));
    for (const staffId of teachers) {
      const myGroups = round.groupIds.filter((id) => groupById.get(id)?.teachers.some((t) => t.staffId === staffId));
      const days = teacherDays(state, staffId, myGroups);
      const openDay = teacherDayOnOrAfter(state, round.startDate, days);
      add(
        {
          kind: "round_announcement",
          recipientStaffId: staffId,
          subjectId: round.id,
          dueAt: startOf(state, openDay),
          payload: { roundId: round.id, start: round.startDate, end: round.endDate },
        },
        [round.id, round.startDate, staffId],
      );
      const unplanned = myGroups.some((id) => groupById.get(id)!.activePupilIds.some((p) => !planned.has(p)));
      const nudgeDay = teacherDayOnOrAfter(state, halfway, days);
      if (unplanned && halfway > round.startDate && nudgeDay <= round.endDate) {
        add(
          {
            kind: "plan_nudge",
            recipientStaffId: staffId,
            subjectId: round.id,
            dueAt: startOf(state, nudgeDay),
            payload: { roundId: round.id, date: nudgeDay, start: round.startDate, end: round.endDate },
          },
          [round.id, round.startDate, round.endDate, nudgeDay, staffId],
        );
      }
    }
  }

  for (const c of state.conversations) {
    if (!c.plannedAt || !["planned", "prepared"].includes(c.status) || !c.pupilId) continue;
    const date = localDate(c.plannedAt, state.calendar.timezone);
    const at = c.plannedAt.toISOString();
    const teachers = c.teacherIds.length > 0 ? c.teacherIds : [c.createdById];
    // The pupil form goes to whoever holds the conversation (the last to plan or move it).
    const planner = teachers[0]!;
    for (const staffId of teachers) {
      const days = teacherDays(state, staffId, [c.groupId]);
      if (c.status === "planned" && c.plannedAt > state.now) {
        const day = teacherDayBefore(state, date, days);
        add(
          { kind: "prepare_reminder", recipientStaffId: staffId, subjectId: c.id, dueAt: startOf(state, day), payload: { conversationId: c.id, date, at } },
          [c.id, at, staffId],
          days,
        );
      }
      const end = new Date(c.plannedAt.getTime() + ((c.durationMinutes ?? 15) + UNRECORDED_GRACE_MINUTES) * 60_000);
      const endDate = localDate(end, state.calendar.timezone);
      const sameDay = isSchoolDay(state.calendar, endDate, days) && localTime(end, state.calendar.timezone) < state.calendar.dayEnd ? end : null;
      const nudgeAt = sameDay ?? startOf(state, teacherDayOnOrAfter(state, addDays(endDate, 1), days));
      add(
        {
          kind: "unrecorded_nudge",
          recipientStaffId: staffId,
          subjectId: c.id,
          dueAt: nextSchoolMoment(state.calendar, nudgeAt),
          payload: { conversationId: c.id, date, at },
        },
        [c.id, at, staffId],
        days,
      );
    }
    const group = c.groupId ? groupById.get(c.groupId) : undefined;
    if (group?.bouw === "bovenbouw" && c.plannedAt > state.now) {
      const days = teacherDays(state, planner, [c.groupId]);
      const day = teacherDayBefore(state, date, days, INVITATION_SCHOOL_DAYS);
      add({ kind: "pupil_invitation", recipientStaffId: planner, subjectId: c.id, dueAt: startOf(state, day), payload: { conversationId: c.id, date, at } }, [
        c.id,
        at,
        planner,
      ]);
    }
  }

  for (const goal of state.goals) {
    if (goal.status !== "open" || !goal.evaluationDate) continue;
    const group = goal.groupId ? groupById.get(goal.groupId) : undefined;
    const evaluators = goal.evaluatorId && state.activeStaffIds.has(goal.evaluatorId) ? [goal.evaluatorId] : (group?.teachers.map((t) => t.staffId) ?? []);
    for (const staffId of evaluators) {
      const days = teacherDays(state, staffId, [goal.groupId]);
      const day = teacherDayOnOrAfter(state, goal.evaluationDate, days);
      add(
        {
          kind: "evaluation_due",
          recipientStaffId: staffId,
          subjectId: goal.id,
          dueAt: startOf(state, day),
          payload: { goalId: goal.id, date: goal.evaluationDate },
        },
        [goal.id, goal.evaluationDate, staffId],
        days,
      );
    }
  }

  // The digest is opt-in: add() sends it only to those who enabled it (the gate).
  const monday = weekStart(today);
  const allGroupIds = state.groups.map((g) => g.id);
  for (const staffId of state.preferences.keys()) {
    // teacherDays takes only this teacher's own days from the groups.
    const days = teacherDays(state, staffId, allGroupIds);
    const day = teacherDayOnOrAfter(state, monday, days);
    if (weekStart(day) !== monday) continue; // a week without school: no digest
    add({ kind: "weekly_digest", recipientStaffId: staffId, subjectId: staffId, dueAt: startOf(state, day), payload: { week: monday } }, [monday, staffId]);
  }
  return out;
}

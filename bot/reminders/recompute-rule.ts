// The one rule for when the producer recomputes a school (see producer.ts for the pass itself).
//
// Between two recomputations a school's wanted messages can change only by (a) a write to a table
// the schedule reads — its signature moves (changes.ts); (b) the clock: a message entering the
// 36-hour horizon — we know the first such moment from the last recomputation (nextWake) — or the
// school-local date rolling over, which happens outside the active window, so the window's first
// tick is a full pass; (c) a write the signature cannot see, left to a full pass every hour.
//
// Outside the active window nothing is recomputed: every message is due inside school hours on a
// school day (startOf a school day, or nextSchoolMoment), and the outbox sends only then
// (createDeferral). So a message the full pass would have queued at night is queued at the window's
// start instead, before dayStart, and goes out at the same moment. (One difference: a message
// wanted only for a while at night — planned at 20:00, moved at 21:00 — is never queued at all,
// where the full pass queued it and its renderer later found it no longer relevant.)
import { addMinutesToTime, isSchoolDay, type SchoolCalendar } from "../domain/school-calendar.js";
import { localDate, localTime } from "../domain/local-time.js";

/** The active window opens this long before the school day starts, so its first pass lands before dayStart. */
export const WINDOW_LEAD_MINUTES = 60;
/** A full pass per school at least this often, for writes the change signature cannot see. */
export const SAFETY_PASS_MS = 3_600_000;

/**
 * At most this share of the schools take their hourly full pass on one tick: the schools' windows
 * open together, so without it every hour would bring a tick as heavy as the first.
 */
export const SAFETY_PASSES_PER_TICK = (activeSchools: number) => Math.max(1, Math.ceil(activeSchools / 15));

export interface SchoolMemory {
  /** The school's change signature when it was last recomputed (serialized). */
  signature: string;
  /** School-local date of the last recomputation. */
  date: string;
  /** When it was last recomputed (ms). */
  at: number;
  /** The first moment a message leaves the horizon's far side and must be queued (ms); Infinity: none. */
  nextWake: number;
}

/** Whether the school's reminders can fall due now or within the lead: a school day, from dayStart − lead to dayEnd. */
export function inActiveWindow(calendar: SchoolCalendar, now: Date): boolean {
  if (!isSchoolDay(calendar, localDate(now, calendar.timezone))) return false;
  const time = localTime(now, calendar.timezone);
  return addMinutesToTime(calendar.dayStart, -WINDOW_LEAD_MINUTES) <= time && time < calendar.dayEnd;
}

export type RecomputeReason = "first" | "new_day" | "changed" | "horizon" | "safety" | null;

/** Why the school must be recomputed now (null: its queued messages are still exactly what it wants). */
export function recomputeReason(
  memory: SchoolMemory | undefined,
  signature: string,
  calendar: SchoolCalendar,
  now: Date,
  safetyPassMs: number = SAFETY_PASS_MS,
): RecomputeReason {
  if (!memory) return "first";
  if (memory.date !== localDate(now, calendar.timezone)) return "new_day";
  if (memory.signature !== signature) return "changed";
  if (now.getTime() >= memory.nextWake) return "horizon";
  if (now.getTime() - memory.at >= safetyPassMs) return "safety";
  return null;
}

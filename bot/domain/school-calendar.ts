// The school's calendar as pure functions: which days are school days, when school hours are,
// and the UTC instant of a school-local wall-clock moment. Everything the scheduler decides about
// "when" goes through here, so it is correct across daylight-saving transitions (the wall clock
// is converted per date; node-cron's own DST behaviour never matters because it only ticks).
import { localDate, localTime, zonedTimeToUtc } from "./local-time.js";
import { publicHolidayOn } from "./public-holidays.js";

export interface Closure {
  /** "holiday" or "study_day"; "public_holiday" for a computed feestdag (never stored). */
  kind: string;
  /** As the school calls it ("Kerstvakantie"), when known. */
  name?: string;
  startDate: string;
  endDate: string;
}

export interface SchoolCalendar {
  timezone: string;
  /** ISO weekdays the school is open (1 = Monday). */
  schoolDays: ReadonlySet<number>;
  /** "HH:MM", school-local. */
  dayStart: string;
  dayEnd: string;
  closures: readonly Closure[];
  /** Public holidays (YYYY-MM-DD) on which this school marked itself open; every other one closes it. */
  openDays?: ReadonlySet<string>;
}

/** ISO weekday of a YYYY-MM-DD date (1 = Monday … 7 = Sunday). */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/**
 * The closure on a date: the school's own or confirmed holidays and study days, else a public
 * holiday that closes schools (bot/domain/public-holidays.ts) unless the school marked it open.
 * This is the one place a feestdag stops reminders, proposals and picked dates.
 */
export function closureOn(calendar: SchoolCalendar, date: string): Closure | undefined {
  const stored = calendar.closures.find((c) => c.startDate <= date && date <= c.endDate);
  if (stored) return stored;
  const holiday = publicHolidayOn(date);
  if (!holiday?.closesSchool || calendar.openDays?.has(date)) return undefined;
  return { kind: "public_holiday", name: holiday.name, startDate: date, endDate: date };
}

/** Why a date is not a school day (for the person with these working days, if given). */
export type NoSchoolReason =
  | { kind: "weekend" }
  /** A weekday on which this school is never open. */
  | { kind: "closedWeekday" }
  | { kind: "closure"; closure: Closure }
  | { kind: "notWorking" };

/** Null when the school is open on that date (and the person works then); else why not. */
export function whyNoSchool(calendar: SchoolCalendar, date: string, workingDays?: ReadonlySet<number>): NoSchoolReason | null {
  const weekday = isoWeekday(date);
  if (!calendar.schoolDays.has(weekday)) return { kind: weekday >= 6 ? "weekend" : "closedWeekday" };
  const closure = closureOn(calendar, date);
  if (closure) return { kind: "closure", closure };
  if (workingDays && !workingDays.has(weekday)) return { kind: "notWorking" };
  return null;
}

/** Open on that date: a school weekday, not in a holiday or on a study day. */
export function isSchoolDay(calendar: SchoolCalendar, date: string, workingDays?: ReadonlySet<number>): boolean {
  return whyNoSchool(calendar, date, workingDays) === null;
}

// A year without one school day is a broken calendar, not a reason to loop forever.
const MAX_SEARCH_DAYS = 400;

/** The first school day on or after the date. */
export function schoolDayOnOrAfter(calendar: SchoolCalendar, date: string, workingDays?: ReadonlySet<number>): string {
  for (let i = 0, d = date; i < MAX_SEARCH_DAYS; i++, d = addDays(d, 1)) {
    if (isSchoolDay(calendar, d, workingDays)) return d;
  }
  throw new Error("no school day within a year: check the school days and closures");
}

/** The last school day strictly before the date. */
export function schoolDayBefore(calendar: SchoolCalendar, date: string, workingDays?: ReadonlySet<number>): string {
  for (let i = 0, d = addDays(date, -1); i < MAX_SEARCH_DAYS; i++, d = addDays(d, -1)) {
    if (isSchoolDay(calendar, d, workingDays)) return d;
  }
  throw new Error("no school day within a year: check the school days and closures");
}

/** The date `count` school days before the date (count ≥ 1). */
export function schoolDaysBefore(calendar: SchoolCalendar, date: string, count: number, workingDays?: ReadonlySet<number>): string {
  let d = date;
  for (let i = 0; i < count; i++) d = schoolDayBefore(calendar, d, workingDays);
  return d;
}

/** School days from `from` to `to`, both inclusive. */
export function schoolDaysIn(calendar: SchoolCalendar, from: string, to: string, workingDays?: ReadonlySet<number>): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isSchoolDay(calendar, d, workingDays)) days.push(d);
  return days;
}

/** The UTC instant of a school-local date and time. */
export function atSchoolTime(calendar: SchoolCalendar, date: string, time: string): Date {
  return zonedTimeToUtc(date, time, calendar.timezone);
}

/** Whether an instant falls inside school hours on a school day (one the teacher works, if given). */
export function withinSchoolHours(calendar: SchoolCalendar, instant: Date, workingDays?: ReadonlySet<number>): boolean {
  const date = localDate(instant, calendar.timezone);
  if (!isSchoolDay(calendar, date, workingDays)) return false;
  const time = localTime(instant, calendar.timezone);
  return calendar.dayStart <= time && time < calendar.dayEnd;
}

/**
 * The earliest instant at or after `instant` inside school hours: the instant itself when school
 * is open, else the start of the next school day.
 */
export function nextSchoolMoment(calendar: SchoolCalendar, instant: Date, workingDays?: ReadonlySet<number>): Date {
  if (withinSchoolHours(calendar, instant, workingDays)) return instant;
  const date = localDate(instant, calendar.timezone);
  const beforeStart = isSchoolDay(calendar, date, workingDays) && localTime(instant, calendar.timezone) < calendar.dayStart;
  const day = beforeStart ? date : schoolDayOnOrAfter(calendar, addDays(date, 1), workingDays);
  return atSchoolTime(calendar, day, calendar.dayStart);
}

/** Monday (YYYY-MM-DD) of the ISO week of a date. */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** "HH:MM" plus minutes, clamped to the day. */
export function addMinutesToTime(time: string, minutes: number): string {
  const [h, m] = time.split(":").map(Number) as [number, number];
  const total = Math.max(0, Math.min(24 * 60 - 1, h * 60 + m + minutes));
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

export function minutesOfTime(time: string): number {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

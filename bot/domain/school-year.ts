// School years ("2026-2027") and the day each begins. A school year starts on the school's own
// first day ("MM-DD", 1 August unless the school set another); on that day next year's roster
// takes effect (bot/roster/rollover.ts), and progress counts from it.
import { localDate, zonedTimeToUtc } from "./local-time.js";

export const DEFAULT_SCHOOL_YEAR_START = "08-01";

const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;

export function isValidSchoolYear(value: string): boolean {
  const m = SCHOOL_YEAR.exec(value);
  return !!m && Number(m[2]) === Number(m[1]) + 1;
}

/** A first day of the school year, "MM-DD": between 1 July and 30 September (summer holidays). */
export function isValidSchoolYearStart(value: string): boolean {
  const m = MONTH_DAY.exec(value);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const days = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month] ?? 0;
  return month >= 7 && month <= 9 && day >= 1 && day <= days;
}

/** The school year a school-local date ("YYYY-MM-DD") falls in. */
export function schoolYearOfDate(date: string, start: string = DEFAULT_SCHOOL_YEAR_START): string {
  const year = Number(date.slice(0, 4));
  const first = date.slice(5) >= start ? year : year - 1;
  return `${first}-${first + 1}`;
}

/** The school year an instant falls in, in the school's timezone. */
export function schoolYearOf(now: Date, timezone: string, start: string = DEFAULT_SCHOOL_YEAR_START): string {
  return schoolYearOfDate(localDate(now, timezone), start);
}

/** The school-local date ("YYYY-MM-DD") a school year begins. */
export function schoolYearStartDate(schoolYear: string, start: string = DEFAULT_SCHOOL_YEAR_START): string {
  return `${schoolYear.slice(0, 4)}-${start}`;
}

/** The instants a school year spans: from its first day to next year's, at school-local midnight. */
export function schoolYearSpan(schoolYear: string, start: string, timezone: string): { gte: Date; lt: Date } {
  const firstDay = (year: string) => zonedTimeToUtc(schoolYearStartDate(year, start), "00:00", timezone);
  return { gte: firstDay(schoolYear), lt: firstDay(nextSchoolYear(schoolYear)) };
}

/** Negative when `a` comes before `b`; school years compare as their first calendar year. */
export function compareSchoolYears(a: string, b: string): number {
  return Number(a.slice(0, 4)) - Number(b.slice(0, 4));
}

/** The school year before this one: "2027-2028" → "2026-2027". */
export function previousSchoolYear(schoolYear: string): string {
  const first = Number(schoolYear.slice(0, 4)) - 1;
  return `${first}-${first + 1}`;
}

/** The school year after this one: "2026-2027" → "2027-2028". */
export function nextSchoolYear(schoolYear: string): string {
  const first = Number(schoolYear.slice(0, 4)) + 1;
  return `${first}-${first + 1}`;
}

// The one rule for a date a teacher picks: a goal's evaluation date, a planned conversation, the
// date in a preparation. It must be a school day of that school (its weekdays, holidays and study
// days), a day the person who will be there works (when their working days are known), and inside
// the bounds the flow sets (after today for an evaluation, the round's days for planning). A
// refusal says why and proposes the nearest date that passes the same rule, so a suggestion can
// never be refused in turn. Dialogs, services and defaults all go through here.
import { eachLocale, translate } from "../i18n/translate.js";
import { addDays, whyNoSchool, type Closure, type SchoolCalendar } from "./school-calendar.js";

type Locale = "nl" | "en";

export interface WorkingPerson {
  /** ISO weekdays (1 = Monday) this person works. */
  workingDays: ReadonlySet<number>;
  /** Shown in a refusal; null: the reader themselves ("you don't work on …"). */
  name: string | null;
}

export interface SchoolDateRule {
  calendar: SchoolCalendar;
  /** Today: the date must lie after it (an evaluation looks ahead). */
  afterToday?: string;
  /** Inclusive bounds, e.g. the days of a round still to plan. */
  within?: { from: string; to: string };
  /** Who will be there that day; undefined when unknown (no working-day check). */
  person?: WorkingPerson | undefined;
}

export type SchoolDateProblem =
  | { kind: "notAfterToday" }
  | { kind: "outside"; from: string; to: string }
  | { kind: "weekend" }
  | { kind: "closedWeekday" }
  | { kind: "closure"; closure: Closure }
  | { kind: "notWorking"; person: WorkingPerson };

export type SchoolDateCheck = { ok: true } | { ok: false; problem: SchoolDateProblem; proposal: string | null };

// A year without one acceptable day is a broken calendar, not a reason to loop forever.
const MAX_SEARCH_DAYS = 400;

function problemOf(rule: SchoolDateRule, date: string): SchoolDateProblem | null {
  if (rule.afterToday !== undefined && date <= rule.afterToday) return { kind: "notAfterToday" };
  if (rule.within && (date < rule.within.from || date > rule.within.to)) return { kind: "outside", ...rule.within };
  const reason = whyNoSchool(rule.calendar, date, rule.person?.workingDays);
  if (!reason) return null;
  return reason.kind === "notWorking" ? { kind: "notWorking", person: rule.person! } : reason;
}

/** The earliest date the rule allows at all. */
function lowerBound(rule: SchoolDateRule): string | undefined {
  const afterToday = rule.afterToday === undefined ? undefined : addDays(rule.afterToday, 1);
  const from = rule.within?.from;
  if (afterToday === undefined) return from;
  return from === undefined || afterToday > from ? afterToday : from;
}

/** The first date on or after `date` that passes the rule; null when there is none within reach. */
export function firstSchoolDate(rule: SchoolDateRule, date: string): string | null {
  const lower = lowerBound(rule);
  let d = lower !== undefined && lower > date ? lower : date;
  for (let i = 0; i < MAX_SEARCH_DAYS && !(rule.within && d > rule.within.to); i++, d = addDays(d, 1)) {
    if (!problemOf(rule, d)) return d;
  }
  return null;
}

/** The last date on or before `date` that passes the rule (for a date after the bounds). */
function lastSchoolDate(rule: SchoolDateRule, date: string): string | null {
  const lower = lowerBound(rule);
  let d = rule.within && rule.within.to < date ? rule.within.to : date;
  for (let i = 0; i < MAX_SEARCH_DAYS && !(lower !== undefined && d < lower); i++, d = addDays(d, -1)) {
    if (!problemOf(rule, d)) return d;
  }
  return null;
}

/** Whether the date passes the rule; if not, why, and the nearest date that does. */
export function checkSchoolDate(rule: SchoolDateRule, date: string): SchoolDateCheck {
  const problem = problemOf(rule, date);
  if (!problem) return { ok: true };
  return { ok: false, problem, proposal: firstSchoolDate(rule, date) ?? lastSchoolDate(rule, date) };
}

const LONG_DATE: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat("nl-NL", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
};

/** "vrijdag 8 januari 2027" for a YYYY-MM-DD date. */
export function formatLongDate(date: string, locale: Locale): string {
  return LONG_DATE[locale].format(new Date(`${date}T12:00:00Z`));
}

const WEEKDAY_KEYS = ["weekday.1", "weekday.2", "weekday.3", "weekday.4", "weekday.5", "weekday.6", "weekday.7"] as const;

function daysText(days: ReadonlySet<number>, locale: Locale): string {
  return [...days]
    .sort((a, b) => a - b)
    .flatMap((d) => (WEEKDAY_KEYS[d - 1] ? [translate(locale, WEEKDAY_KEYS[d - 1]!)] : []))
    .join(", ");
}

function whyText(problem: SchoolDateProblem, date: string, locale: Locale): string {
  const day = formatLongDate(date, locale);
  switch (problem.kind) {
    case "notAfterToday":
      return translate(locale, "schoolDate.notAfterToday");
    case "outside":
      return translate(locale, "schoolDate.outside", { date: day, from: formatLongDate(problem.from, locale), to: formatLongDate(problem.to, locale) });
    case "weekend":
      return translate(locale, "schoolDate.weekend", { date: day });
    case "closedWeekday":
      return translate(locale, "schoolDate.closedWeekday", { date: day });
    case "closure": {
      const { name, kind } = problem.closure;
      if (name) return translate(locale, "schoolDate.closureNamed", { date: day, name });
      return translate(locale, kind === "study_day" ? "schoolDate.studyDay" : "schoolDate.holiday", { date: day });
    }
    case "notWorking": {
      const days = daysText(problem.person.workingDays, locale);
      const name = problem.person.name;
      return name === null
        ? translate(locale, "schoolDate.notWorkingYou", { date: day, days })
        : translate(locale, "schoolDate.notWorking", { date: day, days, name });
    }
  }
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Why the date is refused and which date to pick instead, in both languages. */
export function refusalText(check: Extract<SchoolDateCheck, { ok: false }>, date: string): Record<Locale, string> {
  return eachLocale((locale) => {
    const instead = check.proposal
      ? translate(locale, "schoolDate.proposal", { date: formatLongDate(check.proposal, locale) })
      : translate(locale, "schoolDate.noProposal");
    return `${capitalized(whyText(check.problem, date, locale))} ${instead}`;
  });
}

/** The refusal of a date in both languages, or null when the rule accepts it. */
export function schoolDateRefusal(rule: SchoolDateRule, date: string): Record<Locale, string> | null {
  const check = checkSchoolDate(rule, date);
  return check.ok ? null : refusalText(check, date);
}

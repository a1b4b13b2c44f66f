// Turns a typed date into YYYY-MM-DD, anchored on today (the school's date, YYYY-MM-DD), or null.
// A date we are not sure of (an unknown word, a weekday that does not match the day) is refused,
// never guessed: a wrong date stored is worse than asking again.
import { addDays, isoWeekday, weekStart } from "../../bot/domain/school-calendar.js";
// The one list of day words: "dinsdag", "di", "tue." (the bot writes dates back as "di 8 dec").
import { weekdayOfWord } from "../../bot/domain/weekday-words.js";

const DAYS_PER_WEEK = 7;
// Maps, not object literals: a typed "constructor" must not find Object's prototype.
const RELATIVE_DAYS = new Map(Object.entries({ vandaag: 0, today: 0, morgen: 1, tomorrow: 1, overmorgen: 2 }));
/** Month names and abbreviations, Dutch and English, one row per month. */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ["januari", "january", "jan"],
  ["februari", "february", "feb"],
  ["maart", "march", "mrt", "mar"],
  ["april", "apr"],
  ["mei", "may"],
  ["juni", "june", "jun"],
  ["juli", "july", "jul"],
  ["augustus", "august", "aug"],
  ["september", "sep", "sept"],
  ["oktober", "october", "okt", "oct"],
  ["november", "nov"],
  ["december", "dec"],
];
const MONTHS = new Map(MONTH_NAMES.flatMap((names, index) => names.map((name) => [name, index + 1] as const)));

/** "over twee weken" / "in two weeks": per language its own number words and units (in days). */
const SPANS = new Map([
  [
    "over",
    {
      counts: new Map(Object.entries({ een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10 })),
      units: new Map(Object.entries({ dag: 1, dagen: 1, week: DAYS_PER_WEEK, weken: DAYS_PER_WEEK })),
    },
  ],
  [
    "in",
    {
      counts: new Map(Object.entries({ a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 })),
      units: new Map(Object.entries({ day: 1, days: 1, week: DAYS_PER_WEEK, weeks: DAYS_PER_WEEK })),
    },
  ],
]);

/** "aanstaande dinsdag": the next such day after today, as a bare "dinsdag". */
const NEXT_DAY_PREFIX = /^(?:a\.s\.|aanstaande|volgende|next) /;
/** "volgende week dinsdag" / "dinsdag volgende week": that weekday in next (ISO) week. */
const NEXT_WEEK = /^(?:volgende|next) week (\p{L}+)$|^(\p{L}+) (?:volgende|next) week$/u;
const SPAN = /^(\p{L}+) (\p{L}+|\d{1,3}) (\p{L}+)$/u;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMERIC_DATE = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}|\d{2}))?$/;
/** "12 januari", "1e feb. 2027", "12th jan"; the dot is an abbreviation's. */
const DAY_MONTH = /^(\d{1,2})(?:e|ste|de|st|nd|rd|th)? (\p{L}+)\.?(?: (\d{4}))?$/u;
/** "january 12", "jan. 12th, 2027". */
const MONTH_DAY = /^(\p{L}+)\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$/u;
/** "dinsdag 12 januari", "tuesday, january 12": the weekday only double-checks the date. */
const WEEKDAY_PREFIX = /^(\p{L}+)\.?,? (.+)$/u;

type DateReader = (text: string, today: string) => string | null;

function validDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** A typed year: "27" is 2027. */
function yearOf(digits: string | undefined): number | undefined {
  if (digits === undefined) return undefined;
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/** Every date here is near today (a conversation, an evaluation, a round): a year further off is a typo. */
const YEARS_AROUND_TODAY = 10;

/** A day and month, with or without a year. */
function dayMonthDate(day: number, month: number, year: number | undefined, today: string): string | null {
  const thisYear = Number(today.slice(0, 4));
  if (year !== undefined) return Math.abs(year - thisYear) <= YEARS_AROUND_TODAY ? validDate(year, month, day) : null;
  const date = validDate(thisYear, month, day);
  // Without a year, a day that has passed means next year's.
  return date && date < today ? validDate(thisYear + 1, month, day) : date;
}

const relativeDay: DateReader = (text, today) => {
  const days = RELATIVE_DAYS.get(text);
  return days === undefined ? null : addDays(today, days);
};

const nextWeekday: DateReader = (text, today) => {
  const weekday = weekdayOfWord(text.replace(NEXT_DAY_PREFIX, ""));
  if (!weekday) return null;
  // The next such day after today ("dinsdag" on a Tuesday means next week's).
  return addDays(today, (weekday - isoWeekday(today) + DAYS_PER_WEEK) % DAYS_PER_WEEK || DAYS_PER_WEEK);
};

const dayInNextWeek: DateReader = (text, today) => {
  const m = NEXT_WEEK.exec(text);
  const weekday = m ? weekdayOfWord(m[1] ?? m[2]!) : undefined;
  return weekday ? addDays(weekStart(today), DAYS_PER_WEEK + weekday - 1) : null;
};

const span: DateReader = (text, today) => {
  const m = SPAN.exec(text);
  const language = m ? SPANS.get(m[1]!) : undefined;
  if (!m || !language) return null;
  const count = /^\d+$/.test(m[2]!) ? Number(m[2]) : language.counts.get(m[2]!);
  const unit = language.units.get(m[3]!);
  return count && unit ? addDays(today, count * unit) : null;
};

const isoDate: DateReader = (text, today) => {
  const m = ISO_DATE.exec(text);
  return m ? dayMonthDate(Number(m[3]), Number(m[2]), Number(m[1]), today) : null;
};

const numericDate: DateReader = (text, today) => {
  const m = NUMERIC_DATE.exec(text);
  return m ? dayMonthDate(Number(m[1]), Number(m[2]), yearOf(m[3]), today) : null;
};

/** Day, month name and year of "12 januari 2027" or "january 12, 2027", as typed. */
function namedParts(text: string): { day: string; month: string; year: string | undefined } | null {
  const dayFirst = DAY_MONTH.exec(text);
  if (dayFirst) return { day: dayFirst[1]!, month: dayFirst[2]!, year: dayFirst[3] };
  const monthFirst = MONTH_DAY.exec(text);
  return monthFirst ? { day: monthFirst[2]!, month: monthFirst[1]!, year: monthFirst[3] } : null;
}

const namedDate: DateReader = (text, today) => {
  const parts = namedParts(text);
  const month = parts ? MONTHS.get(parts.month) : undefined;
  return parts && month ? dayMonthDate(Number(parts.day), month, yearOf(parts.year), today) : null;
};

const CALENDAR_READERS: readonly DateReader[] = [isoDate, numericDate, namedDate];
const calendarDate: DateReader = (text, today) => firstRead(CALENDAR_READERS, text, today);

/** A calendar date, optionally after its weekday: "dinsdag 12 januari". */
const checkedCalendarDate: DateReader = (text, today) => {
  const m = WEEKDAY_PREFIX.exec(text);
  const weekday = m ? weekdayOfWord(m[1]!) : undefined;
  if (!m || !weekday) return calendarDate(text, today);
  const date = calendarDate(m[2]!, today);
  // A weekday that does not match means one of the two is a typo: we cannot tell which.
  return date && isoWeekday(date) === weekday ? date : null;
};

function firstRead(readers: readonly DateReader[], text: string, today: string): string | null {
  for (const read of readers) {
    const date = read(text, today);
    if (date) return date;
  }
  return null;
}

const READERS: readonly DateReader[] = [relativeDay, nextWeekday, dayInNextWeek, span, checkedCalendarDate];

export function parseDate(text: string, today: string): string | null {
  // NFC: "één" typed with a combining accent must match the word list.
  const normalized = text.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");
  return firstRead(READERS, normalized, today);
}

// Weekdays as people type them, Dutch or English: "ma,di", "wo do vr", "ma-wo", "monday, tue".
// Turned into ISO weekdays (1 = Monday … 7 = Sunday), the way working days are stored, and shown
// back as short names. The one list of day words: the planning's weekly moments read them too.
import type { Locale } from "./vocabulary.js";
import { translate } from "../i18n/translate.js";

const WORDS: readonly (readonly string[])[] = [
  ["ma", "maandag", "mon", "monday"],
  ["di", "dinsdag", "tue", "tues", "tuesday"],
  ["wo", "woensdag", "wed", "wednesday"],
  ["do", "donderdag", "thu", "thur", "thurs", "thursday"],
  ["vr", "vrijdag", "fri", "friday"],
  ["za", "zaterdag", "sat", "saturday"],
  ["zo", "zondag", "sun", "sunday"],
];

const SHORT_NAMES = ["weekday.1", "weekday.2", "weekday.3", "weekday.4", "weekday.5", "weekday.6", "weekday.7"] as const;

/** An ISO weekday's short name in the reader's language: "ma" / "Mon". */
export function weekdayName(day: number, locale: Locale): string {
  const key = SHORT_NAMES[day - 1];
  return key ? translate(locale, key) : String(day);
}

/** Days as a short list: "ma, di, wo". */
export function weekdayNames(days: readonly number[], locale: Locale): string {
  return days.map((d) => weekdayName(d, locale)).join(", ");
}

const DAY_OF = new Map(WORDS.flatMap((words, i) => words.map((w) => [w, i + 1] as const)));

/** One typed day word ("ma", "Dinsdag", "thu.") as an ISO weekday; null when it is none. */
export function weekdayOfWord(word: string): number | null {
  return DAY_OF.get(word.trim().toLowerCase().replace(/\.$/, "")) ?? null;
}

export type WeekdayList = { days: number[] } | { unknown: string } | { twice: string };

/**
 * A typed list of days, separated by commas, spaces or "en"/"and"; "ma-wo" is Monday to Wednesday.
 * Sorted; a word that is not a day, or a day named twice, is reported as typed.
 */
export function parseWeekdayList(text: string): WeekdayList {
  const parts = text
    .toLowerCase()
    .split(/[\s,;/]+/)
    .filter((p) => p && p !== "en" && p !== "and");
  const days: number[] = [];
  for (const part of parts) {
    const range = /^([a-z.]+)-([a-z.]+)$/.exec(part);
    const from = weekdayOfWord(range ? range[1]! : part);
    const to = range ? weekdayOfWord(range[2]!) : from;
    if (from === null || to === null || to < from) return { unknown: part };
    for (let day = from; day <= to; day++) {
      if (days.includes(day)) return { twice: part };
      days.push(day);
    }
  }
  if (days.length === 0) return { unknown: text.trim() };
  return { days: days.sort((a, b) => a - b) };
}

/**
 * The days a teacher would work on which the school is closed: working days must be school days.
 * The setup file and the admin's chat command both check it.
 */
export function daysOutsideSchoolWeek(days: readonly number[], schoolDays: readonly number[]): number[] {
  return days.filter((d) => !schoolDays.includes(d));
}

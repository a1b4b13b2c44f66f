// Weekdays as people type them, Dutch or English: "ma,di", "wo do vr", "ma-wo", "monday, tue".
// Turned into ISO weekdays (1 = Monday … 7 = Sunday), the way working days are stored.

const WORDS: readonly (readonly string[])[] = [
  ["ma", "maa", "maan", "maandag", "mo", "mon", "monday"],
  ["di", "din", "dins", "dinsdag", "tu", "tue", "tues", "tuesday"],
  ["wo", "woe", "woen", "woensdag", "we", "wed", "wednesday"],
  ["do", "don", "dond", "donderdag", "th", "thu", "thur", "thurs", "thursday"],
  ["vr", "vrij", "vrijdag", "fr", "fri", "friday"],
  ["za", "zat", "zaterdag", "sa", "sat", "saturday"],
  ["zo", "zon", "zondag", "su", "sun", "sunday"],
];

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

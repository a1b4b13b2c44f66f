// Dutch public holidays (feestdagen), computed by the maintained `date-holidays` library rather
// than typed by hand: Easter, Ascension and Whitsun move every year, Koningsdag moves when
// 27 April is a Sunday. We keep only the days a primary school is closed and name them ourselves.
//
// Bevrijdingsdag (5 May): a day off for schools in lustrum years (2030, 2035, …), so then it counts
// like the others; in other years many schools are open (or it falls in the meivakantie), so it
// only appears in a region proposal for the school to confirm or drop (bot/services/school-holidays.ts).
// A school may mark any public holiday as a school day (SchoolCalendar.openDays): it has the last word.
import Holidays from "date-holidays";

export type PublicHolidayKey =
  | "nieuwjaarsdag"
  | "goede_vrijdag"
  | "eerste_paasdag"
  | "tweede_paasdag"
  | "koningsdag"
  | "bevrijdingsdag"
  | "hemelvaartsdag"
  | "eerste_pinksterdag"
  | "tweede_pinksterdag"
  | "eerste_kerstdag"
  | "tweede_kerstdag";

export interface PublicHoliday {
  date: string;
  key: PublicHolidayKey;
  /** Dutch, as schools write it. */
  name: string;
  /** False only for Bevrijdingsdag outside lustrum years: proposed, not assumed. */
  closesSchool: boolean;
}

/** date-holidays' rule for each day we keep (its own names differ: "Nieuwjaar", "Kerstmis"). */
const RULES: Record<string, { key: PublicHolidayKey; name: string }> = {
  "01-01": { key: "nieuwjaarsdag", name: "Nieuwjaarsdag" },
  "easter -2": { key: "goede_vrijdag", name: "Goede Vrijdag" },
  easter: { key: "eerste_paasdag", name: "Eerste Paasdag" },
  "easter 1": { key: "tweede_paasdag", name: "Tweede Paasdag" },
  "04-27 if sunday then previous saturday since 2014": { key: "koningsdag", name: "Koningsdag" },
  "05-05": { key: "bevrijdingsdag", name: "Bevrijdingsdag" },
  "easter 39": { key: "hemelvaartsdag", name: "Hemelvaartsdag" },
  "easter 49": { key: "eerste_pinksterdag", name: "Eerste Pinksterdag" },
  "easter 50": { key: "tweede_pinksterdag", name: "Tweede Pinksterdag" },
  "12-25": { key: "eerste_kerstdag", name: "Eerste Kerstdag" },
  "12-26": { key: "tweede_kerstdag", name: "Tweede Kerstdag" },
};

const holidays = new Holidays("NL");
const byYear = new Map<number, ReadonlyMap<string, PublicHoliday>>();

/** The kept public holidays of a calendar year, by date (computed once per year). */
function yearHolidays(year: number): ReadonlyMap<string, PublicHoliday> {
  let map = byYear.get(year);
  if (map) return map;
  const built = new Map<string, PublicHoliday>();
  for (const h of holidays.getHolidays(year)) {
    const kept = RULES[h.rule];
    if (!kept) continue;
    const date = h.date.slice(0, 10);
    const closesSchool = kept.key !== "bevrijdingsdag" || year % 5 === 0;
    built.set(date, { date, key: kept.key, name: kept.name, closesSchool });
  }
  map = built;
  byYear.set(year, map);
  return map;
}

/** The public holiday on a YYYY-MM-DD date, if any (Bevrijdingsdag in every year; see closesSchool). */
export function publicHolidayOn(date: string): PublicHoliday | undefined {
  return yearHolidays(Number(date.slice(0, 4))).get(date);
}

/** Public holidays from `from` to `to` (YYYY-MM-DD, both inclusive), in date order. */
export function publicHolidaysBetween(from: string, to: string): PublicHoliday[] {
  const out: PublicHoliday[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const h of yearHolidays(year).values()) if (from <= h.date && h.date <= to) out.push(h);
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

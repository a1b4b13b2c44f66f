// The school's calendar as stored: timezone, school days and hours, holidays and study days (its
// own and the region holidays it confirmed), the public holidays it marked open;
// and the working days of its staff, which the school-date rule (bot/domain/school-day-rule.ts)
// checks a picked date against.
import type { Db, Tx } from "../db/client.js";
import { parseWeekdays } from "../domain/vocabulary.js";
import type { SchoolCalendar } from "../domain/school-calendar.js";
import type { WorkingPerson } from "../domain/school-day-rule.js";

type StoredCalendar = {
  timezone: string;
  schoolDays: string;
  dayStart: string;
  dayEnd: string;
  openPublicHolidays: string;
  closures: { kind: string; name: string; startDate: string; endDate: string }[];
};

function calendarOf(school: StoredCalendar): SchoolCalendar {
  return {
    timezone: school.timezone,
    schoolDays: new Set(parseWeekdays(school.schoolDays)),
    dayStart: school.dayStart,
    dayEnd: school.dayEnd,
    closures: school.closures.map((c) => ({ kind: c.kind, name: c.name, startDate: c.startDate, endDate: c.endDate })),
    openDays: new Set(school.openPublicHolidays.split(",").filter(Boolean)),
  };
}

export async function loadSchoolCalendar(db: Db | Tx, schoolId: string): Promise<SchoolCalendar> {
  return calendarOf(await db.school.findUniqueOrThrow({ where: { id: schoolId }, include: { closures: true } }));
}

/** Every school's calendar, in two statements (the reminder producer's view of the board). */
export async function loadSchoolCalendars(db: Db | Tx): Promise<{ id: string; timezone: string; calendar: SchoolCalendar }[]> {
  const schools = await db.school.findMany({ include: { closures: true }, orderBy: { id: "asc" } });
  return schools.map((school) => ({ id: school.id, timezone: school.timezone, calendar: calendarOf(school) }));
}

export interface SchoolDates {
  calendar: SchoolCalendar;
  /** By staff id; only people whose working days are known (they teach a group). */
  people: ReadonlyMap<string, WorkingPerson>;
}

/**
 * The school's calendar with the working days of some of its staff: the days they work in
 * `groupId` when they teach it, else in all their groups together. Someone who teaches no group
 * (an IB'er) has no known working days and is left out: no working-day check for them. The
 * reader is named "you" in a refusal.
 */
export async function loadSchoolDates(
  db: Db | Tx,
  reader: { schoolId: string; staffId: string },
  staff: { staffIds: readonly string[]; groupId?: string | null },
): Promise<SchoolDates> {
  const ids = [...new Set(staff.staffIds)];
  const calendar = await loadSchoolCalendar(db, reader.schoolId);
  const rows = ids.length
    ? await db.groupTeacher.findMany({
        where: { staffId: { in: ids }, staff: { schoolId: reader.schoolId }, group: { archivedAt: null } },
        select: { staffId: true, groupId: true, workingDays: true, staff: { select: { displayName: true } } },
      })
    : [];
  const people = new Map<string, WorkingPerson>();
  for (const id of ids) {
    const mine = rows.filter((r) => r.staffId === id);
    if (mine.length === 0) continue;
    const inGroup = mine.find((r) => r.groupId === staff.groupId);
    const days = (inGroup ? [inGroup] : mine).flatMap((r) => parseWeekdays(r.workingDays));
    if (days.length === 0) continue; // nothing stored is "unknown", not "never"
    people.set(id, { workingDays: new Set(days), name: id === reader.staffId ? null : mine[0]!.staff.displayName });
  }
  return { calendar, people };
}

// The school's calendar as stored: timezone, school days and hours, holidays and study days.
import type { Db, Tx } from "../db/client.js";
import { parseWeekdays } from "../domain/vocabulary.js";
import type { SchoolCalendar } from "../domain/school-calendar.js";

export async function loadSchoolCalendar(db: Db | Tx, schoolId: string): Promise<SchoolCalendar> {
  const school = await db.school.findUniqueOrThrow({ where: { id: schoolId }, include: { closures: true } });
  return {
    timezone: school.timezone,
    schoolDays: new Set(parseWeekdays(school.schoolDays)),
    dayStart: school.dayStart,
    dayEnd: school.dayEnd,
    closures: school.closures.map((c) => ({ kind: c.kind, startDate: c.startDate, endDate: c.endDate })),
  };
}

// The school year a school is in now, by its own first day (bot/domain/school-year.ts).
import type { Db, Tx } from "../db/client.js";
import { schoolYearOf } from "../domain/school-year.js";

export async function currentSchoolYear(db: Db | Tx, schoolId: string, now: Date): Promise<string> {
  const school = await db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { timezone: true, schoolYearStart: true } });
  return schoolYearOf(now, school.timezone, school.schoolYearStart);
}

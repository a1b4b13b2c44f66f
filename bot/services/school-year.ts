// The school year a school is in now, by its own first day (bot/domain/school-year.ts).
import type { Db, Tx } from "../db/client.js";
import { schoolYearOf, schoolYearSpan } from "../domain/school-year.js";

export async function currentSchoolYear(db: Db | Tx, schoolId: string, now: Date): Promise<string> {
  const school = await db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { timezone: true, schoolYearStart: true } });
  return schoolYearOf(now, school.timezone, school.schoolYearStart);
}

/** The instants the school's current school year spans (what progress counts). */
export async function currentSchoolYearSpan(db: Db | Tx, schoolId: string, now: Date): Promise<{ gte: Date; lt: Date }> {
  const school = await db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { timezone: true, schoolYearStart: true } });
  return schoolYearSpan(schoolYearOf(now, school.timezone, school.schoolYearStart), school.schoolYearStart, school.timezone);
}

/**
 * Conversations whose day falls in a span: the day held, else the day planned for, else the day
 * recorded. The one rule for "this school year" in voortgang and overzicht: a conversation held in
 * July and recorded in September belongs to the year it was held in.
 */
export function conversationDayIn(span: { gte: Date; lt?: Date }) {
  // Inside AND: spread into a where clause, it cannot replace an OR of its own.
  return { AND: [{ OR: [{ heldAt: span }, { heldAt: null, plannedAt: span }, { heldAt: null, plannedAt: null, createdAt: span }] }] };
}

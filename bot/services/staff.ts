// A member of staff as the chat needs them: how to greet them, and their chosen language.
import type { Db } from "../db/client.js";
import { Locale } from "../domain/vocabulary.js";

const LocaleOrDutch = Locale.catch("nl");

/** The first word of the display name ("Alex" for "Alex Wilber"), for a greeting. */
export async function staffFirstName(db: Db, staffId: string): Promise<string> {
  const staff = await db.staff.findUniqueOrThrow({ where: { id: staffId }, select: { displayName: true } });
  return staff.displayName.split(" ")[0] || staff.displayName;
}

/** The language she reads: her own choice, else her school's; undefined for no such staff member. */
export async function staffLocale(db: Db, staffId: string): Promise<Locale | undefined> {
  const staff = await db.staff.findUnique({ where: { id: staffId }, select: { locale: true, school: { select: { locale: true } } } });
  return staff ? LocaleOrDutch.parse(staff.locale ?? staff.school.locale) : undefined;
}

export async function setStaffLocale(db: Db, staffId: string, locale: Locale): Promise<void> {
  await db.staff.update({ where: { id: staffId }, data: { locale } });
}

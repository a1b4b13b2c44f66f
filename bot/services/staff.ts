// A member of staff as the chat needs them: how to greet them, and their chosen language.
import type { Db } from "../db/client.js";
import type { Locale } from "../domain/vocabulary.js";

/** The first word of the display name ("Alex" for "Alex Wilber"), for a greeting. */
export async function staffFirstName(db: Db, staffId: string): Promise<string> {
  const staff = await db.staff.findUniqueOrThrow({ where: { id: staffId }, select: { displayName: true } });
  return staff.displayName.split(" ")[0] || staff.displayName;
}

export async function setStaffLocale(db: Db, staffId: string, locale: Locale): Promise<void> {
  await db.staff.update({ where: { id: staffId }, data: { locale } });
}

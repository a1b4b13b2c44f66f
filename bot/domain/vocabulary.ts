// The domain's closed vocabularies. Stored as strings (one schema for SQLite and PostgreSQL),
// validated here at every boundary.
import { z } from "zod";
import { CHANNELS, LOCALES } from "../channel/types.js";

export const Bouw = z.enum(["onderbouw", "middenbouw", "bovenbouw"]);
export type Bouw = z.infer<typeof Bouw>;

/** The national school-holiday regions (Rijksoverheid "vakantieregio's"). */
export const HolidayRegion = z.enum(["noord", "midden", "zuid"]);
export type HolidayRegion = z.infer<typeof HolidayRegion>;

/** `director`: progress figures of every group of the school; `board_admin`: of every school of the board (counts only). */
export const Role = z.enum(["teacher", "team_leader", "ib", "admin", "content_reader", "privacy_officer", "director", "board_admin"]);
export type Role = z.infer<typeof Role>;

export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const ConversationStatus = z.enum(["planned", "prepared", "held", "evaluated", "discussed", "cancelled"]);
export type ConversationStatus = z.infer<typeof ConversationStatus>;
/** The statuses of a conversation that took place (its answers are there to read and count). */
export const HELD_STATUSES: readonly string[] = ["held", "evaluated"];
export const isHeldStatus = (status: string | undefined): boolean => status !== undefined && HELD_STATUSES.includes(status);
/**
 * A meeting about the pupil without the pupil (the leerlingbespreking of teacher and IB'er): recorded
 * and readable, but never a held kindgesprek — not in progress, rounds or ownership skills.
 */
export const DISCUSSED_STATUS = "discussed";
/** What can be read back in full: held conversations and meetings about the pupil. */
export const RECORDED_STATUSES: readonly string[] = [...HELD_STATUSES, DISCUSSED_STATUS];
export const isRecordedStatus = (status: string | undefined): boolean => status !== undefined && RECORDED_STATUSES.includes(status);

export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** ISO weekdays, 1 = Monday … 7 = Sunday, stored as "1,2,3". */
export const Weekdays = z.array(z.number().int().min(1).max(7)).min(1);

export function parseWeekdays(stored: string): number[] {
  return stored
    .split(",")
    .map((d) => Number(d.trim()))
    .filter((d) => Number.isInteger(d) && d >= 1 && d <= 7);
}

export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM");

/** Year levels 1–8 named in a group name: "groep 4/5" → [4, 5]. */
export function yearLevelsOf(groupName: string): number[] {
  const digits = groupName.match(/[1-8]/g) ?? [];
  return [...new Set(digits.map(Number))].sort((a, b) => a - b);
}

/** The bouw of a group follows its lowest year level (a school can override it per group). */
export function bouwOf(yearLevels: number[]): Bouw {
  const lowest = Math.min(...yearLevels);
  if (lowest <= 2) return "onderbouw";
  if (lowest <= 5) return "middenbouw";
  return "bovenbouw";
}

/** "Groep 4-5", "4/5", "groep 4 / 5" → "groep 4/5"; null when no year level 1–8 is named. */
export function normalizeGroupName(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/^(groep\s*)?[1-8](\s*[/\-+,&]\s*[1-8])*\s*[a-z]?$/i.test(trimmed)) return null;
  const levels = yearLevelsOf(trimmed.replace(/[a-z]\s*$/i, (m) => (/groep/i.test(m) ? m : "")));
  const suffix = /([a-z])\s*$/i.exec(trimmed.replace(/^groep/i, ""))?.[1]?.toLowerCase() ?? "";
  return levels.length ? `groep ${levels.join("/")}${suffix}` : null;
}

/** What a teacher can mute or snooze; a round's announcement comes from the team leader and cannot be muted. */
export const PREFERENCE_KINDS = ["plan_nudge", "prepare_reminder", "unrecorded_nudge", "evaluation_due", "weekly_digest"] as const;
export type PreferenceKind = (typeof PREFERENCE_KINDS)[number];

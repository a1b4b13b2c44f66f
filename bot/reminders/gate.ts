// The one rule for a teacher's reminder settings: a muted kind is not sent at all, a snoozed kind
// waits until the snooze ends, and the weekly digest is opt-in. The producer applies it when it
// plans messages; the outbox applies it again at send time, because settings change in between.
import type { PreferenceKind } from "../domain/vocabulary.js";

export interface TeacherPreference {
  muted: boolean;
  /** School-local YYYY-MM-DD: reminders due before this day wait until then. */
  snoozedUntil: string | null;
  /** The weekly digest only: it is sent when enabled (opt-in). */
  enabled: boolean;
}

export type GateDecision = "send" | "muted" | { snoozedUntil: string };

/**
 * What the teacher's setting (none stored = the defaults) says about a reminder of `kind` due on
 * the school-local `date`; without a date, only whether the kind is muted.
 */
export function gateReminder(kind: PreferenceKind, preference: TeacherPreference | undefined, date?: string): GateDecision {
  const muted = kind === "weekly_digest" ? !preference?.enabled : (preference?.muted ?? false);
  if (muted) return "muted";
  if (date !== undefined && preference?.snoozedUntil && date < preference.snoozedUntil) return { snoozedUntil: preference.snoozedUntil };
  return "send";
}

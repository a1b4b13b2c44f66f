// A teacher's reminder settings: mute or snooze per kind, and the opt-in weekly digest.
import type { Db } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { addDays } from "../domain/school-calendar.js";
import { PREFERENCE_KINDS, type PreferenceKind } from "../domain/vocabulary.js";
import { gateReminder, type GateDecision } from "./gate.js";

export interface PreferenceView {
  kind: PreferenceKind;
  muted: boolean;
  snoozedUntil: string | null;
  /** Only meaningful for the weekly digest (opt-in). */
  enabled: boolean;
}

/** Words a teacher types for each kind, Dutch and English. */
export const KIND_WORDS: Record<PreferenceKind, string[]> = {
  plan_nudge: ["plannen", "planning", "plan"],
  prepare_reminder: ["voorbereiden", "voorbereiding", "prepare", "preparing", "preparation"],
  unrecorded_nudge: ["vastleggen", "verslag", "recording", "record"],
  evaluation_due: ["evalueren", "evaluaties", "evaluatie", "evaluating", "evaluations", "evaluation"],
  weekly_digest: ["weekoverzicht", "week", "digest", "weekly"],
};

export function kindFromWord(word: string): PreferenceKind | null {
  const w = word.trim().toLowerCase();
  return (Object.entries(KIND_WORDS).find(([, words]) => words.includes(w))?.[0] as PreferenceKind | undefined) ?? null;
}

export async function listPreferences(db: Db, actor: Actor): Promise<PreferenceView[]> {
  const rows = await db.reminderPreference.findMany({ where: { staffId: actor.staffId } });
  return PREFERENCE_KINDS.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    return { kind, muted: row?.muted ?? false, snoozedUntil: row?.snoozedUntil ?? null, enabled: row?.enabled ?? false };
  });
}

type Change = { muted: boolean } | { snoozedUntil: string | null } | { enabled: boolean };

async function setPreference(db: Db, actor: Actor, kind: PreferenceKind, change: Change): Promise<void> {
  await db.reminderPreference.upsert({
    where: { staffId_kind: { staffId: actor.staffId, kind } },
    create: { staffId: actor.staffId, kind, ...change },
    update: change,
  });
}

export const muteKind = (db: Db, actor: Actor, kind: PreferenceKind) =>
  kind === "weekly_digest" ? setPreference(db, actor, kind, { enabled: false }) : setPreference(db, actor, kind, { muted: true });

export const unmuteKind = async (db: Db, actor: Actor, kind: PreferenceKind) => {
  if (kind === "weekly_digest") return setPreference(db, actor, kind, { enabled: true });
  await setPreference(db, actor, kind, { muted: false });
  await setPreference(db, actor, kind, { snoozedUntil: null });
};

/** Snoozed until `days` days after today (school-local); reminders due before then wait. */
export async function snoozeKind(db: Db, actor: Actor, kind: PreferenceKind, today: string, days: number): Promise<string> {
  const until = addDays(today, days);
  await setPreference(db, actor, kind, { snoozedUntil: until });
  return until;
}

/** At send time: the recipient's current setting for this kind (gate.ts), for a reminder due on `date`. */
export async function sendDecision(db: Db, staffId: string, kind: PreferenceKind, date?: string): Promise<GateDecision> {
  const row = await db.reminderPreference.findUnique({ where: { staffId_kind: { staffId, kind } } });
  return gateReminder(kind, row ?? undefined, date);
}

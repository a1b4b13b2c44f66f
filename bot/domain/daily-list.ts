// What a teacher's daily reminder list holds in the outbox, apart from how it is planned
// (bot/reminders/bundle.ts): the privacy export and erasure read it too, to show or remove one
// pupil's lines among the others'.
import { z } from "zod";
import { LocalDate } from "./vocabulary.js";

export const DAILY_BUNDLE = "daily_bundle";
/** The kinds a bundle carries, in the order it lists them. */
export const BUNDLED_KINDS = ["evaluation_due", "unrecorded_nudge", "prepare_reminder"] as const;
export type BundledKind = (typeof BUNDLED_KINDS)[number];
export const isBundled = (kind: string): kind is BundledKind => (BUNDLED_KINDS as readonly string[]).includes(kind);

/** One pupil line: ids and dates only (names are read when the bundle is rendered). */
export const BundleItem = z.object({
  kind: z.enum(BUNDLED_KINDS),
  key: z.string(),
  subjectId: z.string(),
  date: LocalDate.optional(),
  at: z.string().optional(),
});
export type BundleItem = z.infer<typeof BundleItem>;
export const BundlePayload = z.object({ day: LocalDate, items: z.array(BundleItem) });
export type BundlePayload = z.infer<typeof BundlePayload>;

/** A stored list's payload (text or already parsed), or null when it cannot be read. */
export function bundlePayloadOf(payload: unknown): BundlePayload | null {
  let value = payload;
  if (typeof payload === "string") {
    try {
      value = JSON.parse(payload);
    } catch {
      return null;
    }
  }
  const parsed = BundlePayload.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Shared types of the question coach. */

export type Language = "nl" | "en";

/**
 * closed: yes/no or either/or; multiple: several questions (or two separate topics) in one;
 * leading: steers towards an answer (tags, presumptions, advice); judging: judges or blames the pupil.
 */
export type Flag = "closed" | "multiple" | "leading" | "judging";

/** Flags are always reported in this fixed order. */
export const FLAG_ORDER: readonly Flag[] = ["closed", "multiple", "leading", "judging"];

export interface CoachResult {
  /** The question exactly as given (trimmed). */
  question: string;
  /** Problems found, in FLAG_ORDER, without duplicates. Empty for a good open question. */
  flags: Flag[];
  /** An open rephrasing in the same language, or null when there are no flags. */
  suggestion: string | null;
  /** Language of the question (given or detected). */
  language: Language;
}

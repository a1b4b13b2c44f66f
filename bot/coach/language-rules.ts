/**
 * The contract between the language-neutral analyser (analyse.ts) and the
 * per-language rule sets (rules-nl.ts, rules-en.ts).
 */
import type { Language } from "./types.js";

/** What a comma/colon separated part of a question sentence is. */
export type SegmentKind =
  | "wh" // starts with a question word: open in form
  | "yes-no" // starts with a finite verb / auxiliary: closed
  | "open-request" // polite request to tell/explain/show: open in practice
  | "subordinate" // "als je klaar bent", "if you finish early"
  | "example" // "bijvoorbeeld …", "for example …"
  | "tag" // "toch", "right", "isn't it"
  | "choice" // "rekenen of taal", "reading or maths" after a question
  | "declarative" // "je vond het moeilijk", "you like reading"
  | "other"; // imperatives, names, fragments

export type LeadingKind = "absolute" | "judging" | "tag" | "presumption" | "negated-question" | "blame" | "reproach";

/** Hit kinds that judge or blame the pupil (flag `judging`); the others steer the answer (flag `leading`). */
export const JUDGING_KINDS: ReadonlySet<LeadingKind> = new Set<LeadingKind>(["absolute", "judging", "blame", "reproach"]);

export interface LeadingHit {
  kind: LeadingKind;
  /** The word (or first word of the phrase) that triggered the hit. */
  word: string;
  /** Index of that word in the sentence's word list. */
  index: number;
}

export interface SentenceContext {
  /** Kind of the first head segment (wh, yes-no, open-request), or null when there is none. */
  head: SegmentKind | null;
  /** Words of the head segment with leading discourse markers removed. */
  headWords: readonly string[];
  /** Offset of headWords[0] within the sentence's word list. */
  headOffset: number;
  /** True when the sentence reads as a statement with a question mark ("Je vond het leuk?"). */
  declarative: boolean;
  /** True when the sentence ends with a question mark. */
  isQuestion: boolean;
  /** True when the sentence ends with a tag segment. */
  hasTag: boolean;
}

export interface LanguageRules {
  language: Language;
  whWords: ReadonlySet<string>;
  /** Prepositions that may precede a question word: "met wie", "with whom". */
  prepositions: ReadonlySet<string>;
  /** Question words that also start subordinate clauses when a subject follows ("wanneer je …", "when you …"). */
  subordinatingWh: ReadonlySet<string>;
  /** Words that start a subordinate clause ("als", "if"). */
  subordinators: ReadonlySet<string>;
  subjectPronouns: ReadonlySet<string>;
  /** First words of a statement used as a question ("je", "you", "het", "that"). */
  declarativeStarters: ReadonlySet<string>;
  /** Words that may be stripped from the start of a segment ("en", "nou", "so", "well"). */
  discourseMarkers: ReadonlySet<string>;
  /** Coordinators that can join two questions ("en", "maar", "and", "but"). */
  andWords: ReadonlySet<string>;
  /** Coordinators that offer alternatives ("of", "or"). */
  orWords: ReadonlySet<string>;
  /** Words after a wh-word that make "and what not" an elliptical part of the same question. */
  ellipsisWords: ReadonlySet<string>;
  negations: ReadonlySet<string>;
  /** True when the words start with a phrase that introduces examples ("bijvoorbeeld", "for example"). */
  startsWithExample(words: readonly string[]): boolean;
  /** True when the clause starts with a finite verb / auxiliary (a yes/no question). */
  isYesNoStart(words: readonly string[]): boolean;
  /**
   * For a yes/no-shaped polite request ("Kun je vertellen hoe …", "Can you tell me how …"):
   * "open" when it asks the pupil to tell/explain/show something, "closed" when it asks
   * whether something is so ("… of …", "… if …"), null when it is no request at all.
   */
  politeRequest(words: readonly string[]): "open" | "closed" | null;
  /** True when a whole segment is a tag ("toch", "hè", "right", "isn't it"). */
  isTag(words: readonly string[]): boolean;
  /** Leading or judgemental phrasing in one sentence. */
  leadingHits(words: readonly string[], ctx: SentenceContext): LeadingHit[];
}

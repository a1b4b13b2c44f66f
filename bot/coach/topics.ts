/**
 * Two topics joined in one question ("Hoe gaat het met tekenen en met schrijven?") count as
 * `multiple`: the pupil has to answer about two separate subjects at once. The rule:
 *
 * - two prepositional phrases joined by en/of/and/or, each with its own preposition
 *   ("met tekenen en met schrijven", "in de klas en op het plein", "at home and at school");
 * - two school subjects or activities joined directly ("rekenen en taal", "reading and maths").
 *
 * Not counted: a list inside one topic — numbers or names under one head ("de tafels van 6 en 7",
 * "samenwerken met Bram en Sem"), "tussen … en …"/"between … and …" (one relation), and the options
 * of a yes/no question joined by "of"/"or" (that is an either/or question: closed, see analyse.ts).
 */
import type { LanguageRules } from "./language-rules.js";
import { wordSet } from "./word-sets.js";

/** Word indices: the question is `frame + first + tail`, the second one `frame + second + tail`. */
export interface TopicPair {
  /** Index of the first topic's first word (everything before it is the shared frame). */
  firstAt: number;
  /** Index of the coordinator ("en", "and"). */
  at: number;
  /** Index one past the second topic (the shared tail starts here). */
  secondEnd: number;
}

export const SUBJECTS: Record<LanguageRules["language"], ReadonlySet<string>> = {
  nl: wordSet(
    "rekenen taal spelling lezen schrijven tekenen gym gymmen muziek knutselen zingen dansen topo aardrijkskunde " +
      "geschiedenis natuur techniek engels handschrift dictee tafels breuken sommen huiswerk weektaak werkstuk " +
      "spreekbeurt toets toetsen pauze buitenspelen voetbal zwemmen begrijpend woordenschat verhaal verhalen",
  ),
  en: wordSet(
    "maths math reading writing spelling drawing art music pe science history geography handwriting homework " +
      "break playtime lunchtime phonics fractions sums story stories swimming football singing dancing topic",
  ),
};

const PLACE_ADVERBS = wordSet("thuis buiten binnen home outside inside");
const BETWEEN = wordSet("tussen between zowel both");

function isNumberOrName(word: string | undefined, original: string | undefined): boolean {
  if (word === undefined) return false;
  return /^\d/u.test(word) || (original !== undefined && /^\p{Lu}/u.test(original));
}

/**
 * Finds two topics joined in one question, or null. `lower`/`texts` are the sentence's words;
 * `from` is where the question's head starts; `allowOr` is false for yes/no questions.
 */
export function findTopicPair(lower: readonly string[], texts: readonly string[], from: number, allowOr: boolean, rules: LanguageRules): TopicPair | null {
  if (lower.slice(0, from + 1).some((w) => BETWEEN.has(w))) return null;
  for (let i = from + 1; i < lower.length - 1; i++) {
    const conj = lower[i] ?? "";
    if (!rules.andWords.has(conj) && !(allowOr && rules.orWords.has(conj))) continue;
    if (conj === "maar" || conj === "but") continue;
    if (lower.slice(from, i).some((w) => BETWEEN.has(w))) return null;
    const next = lower[i + 1] ?? "";
    // "thuis en op school", "at home and at school": a place adverb as the first of two places.
    if (PLACE_ADVERBS.has(lower[i - 1] ?? "") && !rules.prepositions.has(lower[i - 2] ?? "") && rules.prepositions.has(next))
      return { firstAt: i - 1, at: i, secondEnd: lower.length };
    // "met je werk en thuis": a place adverb as the second of two places.
    if (PLACE_ADVERBS.has(next) && i + 2 === lower.length) {
      let p = i - 1;
      while (p > from && !rules.prepositions.has(lower[p] ?? "")) p--;
      if (p > from) return { firstAt: p, at: i, secondEnd: i + 2 };
    }
    if (rules.prepositions.has(next) && !rules.whWords.has(lower[i + 2] ?? "") && lower[i + 2] !== "te" && lower[i + 2] !== "to") {
      // The first phrase's preposition: the last one before the coordinator.
      let p = i - 1;
      while (p > from && !rules.prepositions.has(lower[p] ?? "")) p--;
      if (p <= from || !rules.prepositions.has(lower[p] ?? "")) continue;
      if (isNumberOrName(lower[i + 2], texts[i + 2]) && isNumberOrName(lower[i - 1], texts[i - 1])) continue;
      return { firstAt: p, at: i, secondEnd: lower.length };
    }
    const subjects = SUBJECTS[rules.language];
    if (subjects.has(lower[i - 1] ?? "") && subjects.has(next)) {
      return { firstAt: i - 1, at: i, secondEnd: i + 2 };
    }
  }
  return null;
}

/**
 * Helpers shared by the Dutch and English rewriters: working with token lists that keep
 * the original spelling, and the interface each rewriter implements.
 */
import type { SentenceAnalysis } from "./analyse.js";
import { asQuestion, joinTokens, type Token } from "./text.js";

export type Tokens = Token[];

export interface Rewriter {
  /** Candidate open rephrasings of one question sentence, best first. */
  rewrite(sentence: SentenceAnalysis): string[];
  /** Advice for a multiple question: ask the (rewritten) first part now, the second later. */
  multipleAdvice(first: string, second: string): string;
  /** The same advice when no safe wording of the second part could be built. */
  laterAdvice(first: string): string;
  /** A bare trailing question word ("… en waarom?") turned into a full follow-up question. */
  bareFollowUp(wh: string): string;
}

export function lowerOf(tokens: readonly Token[]): string[] {
  return tokens.map((t) => t.lower);
}

/** Builds a question from text parts and token lists. */
export function question(...parts: (string | readonly Token[])[]): string {
  const pieces = parts.map((p) => (typeof p === "string" ? p : joinTokens(p))).filter((p) => p.trim().length > 0);
  return asQuestion(pieces.join(" ").replace(/\s+,/g, ","));
}

/** Drops coordinators left dangling once words around them were removed ("de les en" → "de les"). */
export function withoutDanglingCoordinators(tokens: readonly Token[], coordinators: ReadonlySet<string>): Tokens {
  const out: Tokens = [];
  for (const t of tokens) {
    if (coordinators.has(t.lower) && (out.length === 0 || coordinators.has(out[out.length - 1]?.lower ?? ""))) continue;
    out.push(t);
  }
  while (out.length > 0 && coordinators.has(out[out.length - 1]?.lower ?? "")) out.pop();
  return out;
}

export function without(tokens: readonly Token[], words: ReadonlySet<string>): Tokens {
  return tokens.filter((t) => !words.has(t.lower));
}

/** Removes every occurrence of the given multi-word phrases. */
export function withoutPhrases(tokens: readonly Token[], phrases: readonly string[]): Tokens {
  let out: Tokens = [...tokens];
  for (const phrase of phrases) {
    const parts = phrase.split(" ");
    for (let i = 0; i + parts.length <= out.length; ) {
      const match = parts.every((p, k) => out[i + k]?.lower === p);
      if (match) out = [...out.slice(0, i), ...out.slice(i + parts.length)];
      else i++;
    }
  }
  return out;
}

export function indexOfWord(tokens: readonly Token[], words: ReadonlySet<string>, from = 0): number {
  for (let i = from; i < tokens.length; i++) {
    if (words.has(tokens[i]?.lower ?? "")) return i;
  }
  return -1;
}

export function word(w: string): Token {
  return { text: w, lower: w.toLowerCase(), punct: false };
}

export function words(phrase: string): Tokens {
  return phrase
    .split(" ")
    .filter((w) => w.length > 0)
    .map(word);
}

/** Lower-cases the first token unless it is "I" or looks like a name (kept by `isName`). */
export function lowerFirst(tokens: readonly Token[], isName: (t: Token) => boolean): Tokens {
  const [first, ...rest] = tokens;
  if (!first) return [];
  if (isName(first)) return [...tokens];
  return [{ ...first, text: first.lower }, ...rest];
}

/** Drops a trailing tag segment ("…, toch?", "…, right?") or trailing tag words. */
export function clauseWithoutTag(sentence: SentenceAnalysis, isTag: (w: readonly string[]) => boolean): Tokens {
  const segments = sentence.segments;
  const last = segments[segments.length - 1];
  if (segments.length > 1 && last?.kind === "tag") return sentence.words.slice(0, last.rawOffset);
  if (sentence.context.hasTag) {
    const lower = sentence.lower;
    for (const n of [3, 2, 1]) {
      if (lower.length > n && isTag(lower.slice(lower.length - n))) return sentence.words.slice(0, lower.length - n);
    }
  }
  return [...sentence.words];
}

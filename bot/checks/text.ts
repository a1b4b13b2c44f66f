/**
 * Tokenising and phrase matching for the text checks. Tokens keep their position in the
 * original text so a matched phrase can be quoted back exactly as the teacher wrote it.
 */

export interface Word {
  /** As written, typographic apostrophes normalised. */
  text: string;
  /** Lower-case form. */
  lower: string;
  start: number;
  end: number;
}

// Words with inner hyphens, apostrophes, slashes, dots or colons ("mkm-woorden", "IB'er",
// "ei/ij", "8.30", "15:00", "3-12", "n.v.t."), Dutch "'s" ("'s avonds") and "%".
const WORD_RE = /'s(?=\s)|[\p{L}\p{N}]+(?:[-'/.:][\p{L}\p{N}]+)*\.?|%/gu;

export function tokenize(text: string): Word[] {
  const normalised = text.replace(/[’‘`]/g, "'");
  const words: Word[] = [];
  for (const match of normalised.matchAll(WORD_RE)) {
    let raw = match[0];
    // A trailing dot belongs to the word only for abbreviations such as "n.v.t." or "ca.".
    if (raw.endsWith(".") && !/\.[\p{L}\p{N}]+\.$/u.test(raw) && raw.length > 1) raw = raw.slice(0, -1);
    const start = match.index ?? 0;
    words.push({ text: raw, lower: raw.toLowerCase(), start, end: start + raw.length });
  }
  return words;
}

export function lowerWords(text: string): string[] {
  return tokenize(text).map((w) => w.lower);
}

export function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((w) => w.length > 0));
}

/** A phrase pattern: space separated words; "*" matches any one word, "a|b" either word. */
export type Pattern = readonly string[][];

export function pattern(source: string): Pattern {
  return source
    .split(" ")
    .filter((p) => p.length > 0)
    .map((p) => p.split("|"));
}

export function patterns(list: readonly string[]): Pattern[] {
  return list.map(pattern);
}

function matchesAt(words: readonly string[], at: number, p: Pattern): boolean {
  if (at + p.length > words.length) return false;
  for (let i = 0; i < p.length; i++) {
    const options = p[i] ?? [];
    const word = words[at + i] ?? "";
    if (!options.includes("*") && !options.includes(word)) return false;
  }
  return true;
}

export interface PhraseHit {
  start: number;
  /** Exclusive end index. */
  end: number;
}

/** All non-overlapping hits of the patterns, earliest first; longer patterns win at the same start. */
export function findAll(words: readonly string[], ps: readonly Pattern[]): PhraseHit[] {
  const hits: PhraseHit[] = [];
  let i = 0;
  while (i < words.length) {
    let best = 0;
    for (const p of ps) if (p.length > best && matchesAt(words, i, p)) best = p.length;
    if (best > 0) {
      hits.push({ start: i, end: i + best });
      i += best;
    } else {
      i++;
    }
  }
  return hits;
}

/** The original text of words[start..end). */
export function quote(tokens: readonly Word[], text: string, hit: PhraseHit): string {
  const first = tokens[hit.start];
  const last = tokens[hit.end - 1];
  if (!first || !last) return "";
  return text.replace(/[’‘`]/g, "'").slice(first.start, last.end);
}

export function capitalize(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** Shortens a teacher's text for quoting inside a message. */
export function shorten(text: string, max = 60): string {
  const clean = text
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[.!?]+$/u, "");
  return clean.length <= max ? clean : clean.slice(0, max - 1).trimEnd() + "…";
}

/**
 * Small, language-neutral text helpers: tokenising, sentence and segment splitting,
 * and turning token lists back into readable text.
 */

export interface Token {
  /** The token as written (original capitalisation). */
  text: string;
  /** Lower-case form with typographic apostrophes normalised to "'". */
  lower: string;
  /** True for punctuation tokens such as "?", ",", ".". */
  punct: boolean;
}

const TOKEN_RE = /['’]s(?=\s)|[\p{L}\p{N}]+(?:[-'’/][\p{L}\p{N}]+)*|\?+!*|!+|\.{1,3}|[,;:–—]|-(?=\s)/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_RE)) {
    const raw = match[0];
    const punct = !/[\p{L}\p{N}]/u.test(raw);
    const normalised = raw.replace(/’/g, "'");
    tokens.push({
      text: normalised,
      // "wél", "alwéér", "nú": accents of emphasis do not change the word (a diaeresis does: "ideeën").
      lower: normalised
        .toLowerCase()
        .normalize("NFD")
        .replace(/[\u0300\u0301]/gu, "")
        .normalize("NFC"),
      punct,
    });
  }
  return tokens;
}

export function isQuestionMark(token: Token): boolean {
  return token.punct && token.lower.startsWith("?");
}

function isSentenceEnd(token: Token): boolean {
  return token.punct && (token.lower.startsWith("?") || token.lower.startsWith("!") || token.lower.startsWith("."));
}

export interface Sentence {
  /** Word and punctuation tokens of the sentence, including its terminator. */
  tokens: Token[];
  /** True when the sentence ends with a question mark. */
  isQuestion: boolean;
}

export function splitSentences(tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    current.push(token);
    if (isSentenceEnd(token)) {
      sentences.push({ tokens: current, isQuestion: isQuestionMark(token) });
      current = [];
    }
  }
  if (current.length > 0) {
    sentences.push({ tokens: current, isQuestion: false });
  }
  return sentences.filter((s) => s.tokens.some((t) => !t.punct));
}

/** Joins tokens back into text: no space before punctuation. */
export function joinTokens(tokens: readonly Token[]): string {
  let out = "";
  for (const token of tokens) {
    if (out.length === 0) {
      out = token.text;
    } else if (token.punct && token.lower !== "–" && token.lower !== "—" && token.lower !== "-") {
      out += token.text;
    } else {
      out += " " + token.text;
    }
  }
  return out;
}

export function capitalize(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) return trimmed;
  // Keep Dutch "'s" and similar untouched.
  if (trimmed.startsWith("'")) return trimmed;
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/** Makes a question sentence: capitalised, one trailing "?". */
export function asQuestion(text: string): string {
  const body = text.trim().replace(/[\s?.!,;:]+$/u, "");
  return capitalize(body) + "?";
}

// Text as the database can hold it. A lone UTF-16 surrogate (half an emoji, as a client or a
// paste can send it) is no valid Unicode: PostgreSQL refuses it and SQLite's driver fails on it,
// so a note typed with one was lost behind an internal error, and a draft holding one could not
// be finished. It becomes U+FFFD (the replacement character) as a turn comes in; the rest of the
// text is kept as typed.
import type { InboundTurn } from "../channel/types.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

/** Whether any string in a value (keys included) holds a surrogate: checked without copying, as nearly every turn has none. */
function hasSurrogate(value: unknown): boolean {
  if (typeof value === "string") return ANY_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(hasSurrogate);
  if (value !== null && typeof value === "object") {
    for (const key in value) if (ANY_SURROGATE.test(key) || hasSurrogate((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** Every string in a value (a card's or a modal's submission), well formed. */
function wellFormedDeep(value: unknown): unknown {
  if (typeof value === "string") return wellFormed(value);
  if (Array.isArray(value)) return value.map(wellFormedDeep);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [wellFormed(k), wellFormedDeep(v)]));
  return value;
}

/** The turn's typed text, submitted values and button arguments, well formed (the turn itself when they are). */
export function wellFormedTurn(turn: InboundTurn): InboundTurn {
  if (!hasSurrogate(turn.text) && !hasSurrogate(turn.submission) && !hasSurrogate(turn.action)) return turn;
  return {
    ...turn,
    text: wellFormed(turn.text),
    ...(turn.submission !== undefined ? { submission: wellFormedDeep(turn.submission) } : {}),
    ...(turn.action !== undefined ? { action: wellFormedDeep(turn.action) as InboundTurn["action"] } : {}),
  };
}

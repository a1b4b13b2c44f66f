// Text for Block Kit: cutting to Slack's limits (never half an emoji), plain_text and mrkdwn
// objects, escaping. The renderer's own words are in ../texts.ts.
import { SLACK_LIMITS, type Mrkdwn, type PlainText } from "./schema.js";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const GRAPHEME_WINDOW = 64;

/**
 * Cuts text to at most `max` UTF-16 code units (so also at most `max` characters, however Slack
 * counts), at a grapheme boundary (never half an emoji), ending in "…". Only a window before the
 * cut is segmented: grapheme clusters longer than that window are not a concern for real text.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  const limit = max - 1; // room for "…"
  const from = Math.max(0, limit - GRAPHEME_WINDOW);
  let end = from;
  for (const { segment, index } of graphemes.segment(text.slice(from, max + 1))) {
    const segmentEnd = from + index + segment.length;
    if (segmentEnd > limit) break;
    end = segmentEnd;
  }
  // Never end on the first half of a surrogate pair (only possible for an overlong cluster).
  while (end > 0 && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** A plain_text object, cut to `max`; Slack refuses empty text, so blank becomes "…". */
export function plain(text: string, max: number): PlainText {
  const trimmed = oneLineIfShort(text, max).trim();
  return { type: "plain_text", text: trimmed ? truncate(trimmed, max) : "…", emoji: true };
}

export function mrkdwn(text: string, max: number): Mrkdwn {
  return { type: "mrkdwn", text: truncate(text, max) || "…" };
}

/** Short texts (titles, labels, options) stay on one line; long ones (hints) keep their breaks. */
function oneLineIfShort(text: string, max: number): string {
  return max <= SLACK_LIMITS.headerText ? oneLine(text) : text;
}

/** Slack's mrkdwn needs &, < and > escaped; this also keeps typed text from becoming a mention. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, " ").trim();
}

/** Splits text into pieces of at most `max` characters, at line breaks where possible. */
export function chunkText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    const pieces = line.length > max ? (line.match(new RegExp(`[\\s\\S]{1,${max}}`, "g")) ?? []) : [line];
    for (const piece of pieces) {
      if (current && current.length + 1 + piece.length > max) {
        chunks.push(current);
        current = piece;
      } else current = current ? `${current}\n${piece}` : piece;
    }
  }
  if (current.trim()) chunks.push(current);
  return chunks;
}

// What a rich input (an Adaptive Card input, a Slack element) starts with: what the teacher typed
// last (`raw`) when the input can hold it, else the stored answer. One rule for both renderers.
// `rawShown` tells whether the typed text itself is on screen; when it is not, the renderer shows
// it next to the error, so nothing typed is lost.
import type { FieldValue } from "../engine/types.js";

export interface Prefill<T> {
  value?: T;
  rawShown: boolean;
}

/** The typed text, when there is any (blank counts as nothing typed). */
export function typedRaw(raw: string | undefined): string | undefined {
  return raw !== undefined && raw.trim() !== "" ? raw : undefined;
}

export function asText(value: FieldValue | undefined): string | undefined {
  if (value == null) return undefined;
  if (Array.isArray(value)) return value.join(",");
  return String(value);
}

/**
 * Text inputs: the typed text over the stored one — whole or not at all. A text longer than the
 * input can hold (`maxChars`) is never cut to fit: the input starts empty and `rawShown` is false,
 * so the renderer shows the typed text beside it in full.
 */
export function textInitial(raw: string | undefined, stored: FieldValue | undefined, maxChars = Number.POSITIVE_INFINITY): Prefill<string> {
  const text = raw ?? asText(stored);
  const fits = text !== undefined && text !== "" && text.length <= maxChars;
  return { ...(fits ? { value: text } : {}), rawShown: raw !== undefined && fits };
}

/** The limits of a number input as rendered: a value outside them could not be shown (or sent). */
export interface NumberInputLimits {
  min?: number;
  max?: number;
  /** Integers only (Slack's number_input without decimals). */
  integer: boolean;
}

/** A number as the engine reads it (a comma is a decimal point); integers only when asked. */
function parseNumberText(text: string | undefined, integer: boolean): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim().replace(",", ".");
  if (!(integer ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/).test(trimmed)) return undefined;
  const n = Number(trimmed);
  return (integer ? Number.isSafeInteger(n) : Number.isFinite(n)) ? n : undefined;
}

/** Number inputs: a typed or stored number only when the input, with its limits, accepts it. */
export function numberInitial(raw: string | undefined, stored: FieldValue | undefined, limits: NumberInputLimits): Prefill<number> {
  const fits = (n: number | undefined): n is number =>
    n !== undefined &&
    (!limits.integer || Number.isInteger(n)) &&
    (limits.min === undefined || n >= limits.min) &&
    (limits.max === undefined || n <= limits.max);
  const fromRaw = parseNumberText(raw, limits.integer);
  const fromStored = typeof stored === "number" ? stored : parseNumberText(asText(stored), limits.integer);
  const value = fits(fromRaw) ? fromRaw : fits(fromStored) ? fromStored : undefined;
  return { ...(value !== undefined ? { value } : {}), rawShown: fits(fromRaw) && String(fromRaw) === raw?.trim() };
}

export function yesNoValue(value: FieldValue | undefined): "true" | "false" | undefined {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value !== "string") return undefined;
  const v = value.trim().toLowerCase();
  if (["true", "ja", "j", "yes", "y"].includes(v)) return "true";
  if (["false", "nee", "n", "no"].includes(v)) return "false";
  return undefined;
}

export function yesNoInitial(raw: string | undefined, stored: FieldValue | undefined): Prefill<"true" | "false"> {
  const fromRaw = raw !== undefined ? yesNoValue(raw) : undefined;
  const value = fromRaw ?? yesNoValue(stored);
  return { ...(value ? { value } : {}), rawShown: fromRaw !== undefined };
}

/** The chosen option values, if every one of them is an option; undefined otherwise. */
export function choiceValues(value: FieldValue | undefined, known: ReadonlySet<string>, multi: boolean): string[] | undefined {
  if (value == null || typeof value === "boolean") return undefined;
  const list = Array.isArray(value) ? value : multi ? String(value).split(",") : [String(value)];
  const parts = list.map((v) => v.trim()).filter((v) => v !== "");
  if (parts.length === 0 || (!multi && parts.length > 1)) return undefined;
  return parts.every((v) => known.has(v)) ? parts : undefined;
}

export function choiceInitial(raw: string | undefined, stored: FieldValue | undefined, known: ReadonlySet<string>, multi: boolean): Prefill<string[]> {
  const fromRaw = raw !== undefined ? choiceValues(raw, known, multi) : undefined;
  const value = fromRaw ?? choiceValues(stored, known, multi);
  return { ...(value ? { value } : {}), rawShown: fromRaw !== undefined };
}

/** YYYY-MM-DD from "YYYY-MM-DD…" or a typed "dd-mm-yyyy"; undefined if not a real date. */
export function isoDate(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const s = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(s);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dutch) [y, m, d] = [Number(dutch[3]), Number(dutch[2]), Number(dutch[1])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** HH:MM from "H:MM", "HH:MM" or "HH:MM:SS"; undefined if not a time of day. */
function hhmm(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(text.trim());
  if (!match) return undefined;
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (h > 23 || m > 59) return undefined;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** Date and time pickers: what was typed when a picker can show it, else the stored answer. */
export function pickerInitial(kind: "date" | "time", raw: string | undefined, stored: FieldValue | undefined): Prefill<string> {
  const convert = kind === "date" ? isoDate : hhmm;
  const fromRaw = raw !== undefined ? convert(raw) : undefined;
  const value = fromRaw ?? convert(asText(stored));
  return { ...(value ? { value } : {}), rawShown: fromRaw !== undefined && fromRaw === raw?.trim() };
}

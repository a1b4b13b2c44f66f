// Turns what a user typed or a card sent into a field value, or a localized error.
// Accepts the shapes every channel produces: strings (typed, Adaptive Card), arrays (Slack
// checkboxes), booleans and numbers.
import type { FieldDefinition, FieldValue, LocalizedText } from "./types.js";
import { localized, type MessageKey, type Vars } from "../../bot/i18n/translate.js";
import { textLimit } from "../../bot/formats/fields.js";
import { exampleDate } from "../../bot/domain/example-date.js";
import { parseDate } from "./parse-date.js";

// Re-exported: callers and tests import parseDate from here.
export { parseDate };

export type ParseResult = { ok: true; value: FieldValue } | { ok: false; error: LocalizedText };

export interface ParseContext {
  /** Today in the school's timezone, YYYY-MM-DD: the anchor for "morgen" or "dinsdag". */
  today: string;
  /** Options for pupil fields (and any field whose options are computed). */
  options?: { value: string; label: string }[];
}

const EMPTY = new Set(["", "-", "—"]);
// No "ok": typed to move on, it must never share a pupil's words or add a goal by accident.
const YES = new Set(["ja", "j", "yes", "y", "true", "wel", "jazeker"]);
const NO = new Set(["nee", "n", "no", "false", "niet", "neen"]);
/** A duration typed with its unit, "15 min", on a field in minutes (FieldDefinition.unit). */
const WITH_MINUTES = /^(.*\d)\s*(?:min\.?|mins|minuut|minuten|minute|minutes)$/i;

const err = (key: MessageKey, vars: Vars = {}): ParseResult => ({ ok: false, error: localized(key, vars) });

export function parseTime(text: string): string | null {
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?(?:\s*uur)?$/.exec(text.trim().toLowerCase());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

function matchOption(token: string, options: { value: string; label: string; aliases?: string[] }[]): string | null | "many" {
  const t = token.trim().toLowerCase();
  if (/^\d+$/.test(t)) {
    const byValue = options.find((o) => o.value === t);
    if (byValue) return byValue.value;
    // Options may be listed once per language: number the distinct values, in order.
    const distinct = [...new Set(options.map((o) => o.value))];
    return distinct[Number(t) - 1] ?? null;
  }
  // Options may be listed once per language: count distinct values, not entries.
  const exact = new Set(
    options.filter((o) => o.value.toLowerCase() === t || o.label.toLowerCase() === t || o.aliases?.some((a) => a.toLowerCase() === t)).map((o) => o.value),
  );
  if (exact.size === 1) return [...exact][0]!;
  const partial = new Set(options.filter((o) => t.length > 0 && o.label.toLowerCase().includes(t)).map((o) => o.value));
  if (partial.size === 1) return [...partial][0]!;
  return partial.size > 1 ? "many" : null;
}

function readNumber(text: string, inMinutes: boolean): number {
  const t = text.trim();
  return Number(((inMinutes ? WITH_MINUTES.exec(t)?.[1] : undefined) ?? t).replace(",", "."));
}

function asText(raw: unknown): string | null {
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  return null;
}

export function optionsOf(field: FieldDefinition, locale: "nl" | "en", ctx: ParseContext) {
  if (field.kind === "pupil") return ctx.options ?? [];
  return (field.options ?? []).map((o) => ({ value: o.value, label: o.label[locale], ...(o.aliases ? { aliases: o.aliases } : {}) }));
}

/** Parses one field. `undefined`/empty for an optional field gives "" (answered, left empty). */
export function parseFieldInput(field: FieldDefinition, raw: unknown, ctx: ParseContext): ParseResult {
  const text = asText(raw);
  const isEmpty = raw === undefined || raw === null || (text !== null && EMPTY.has(text.trim())) || (Array.isArray(raw) && raw.length === 0);
  if (isEmpty) return field.required ? err("engine.required") : { ok: true, value: field.kind === "multiChoice" ? [] : "" };

  switch (field.kind) {
    case "shortText":
    case "longText": {
      if (text === null) return err("engine.required");
      // Refused, never cut: the engine keeps what was typed and shows it again with this message.
      const value = text.trim();
      const max = textLimit(field);
      if (value.length > max) return err("engine.tooLong", { max, count: value.length - max });
      return { ok: true, value };
    }
    case "number": {
      const n = typeof raw === "number" ? raw : readNumber(String(text), field.unit === "minutes");
      if (!Number.isFinite(n)) return err("engine.notANumber");
      if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max)) {
        return err("engine.numberRange", { min: field.min ?? "-∞", max: field.max ?? "∞" });
      }
      return { ok: true, value: n };
    }
    case "yesNo": {
      if (typeof raw === "boolean") return { ok: true, value: raw };
      const t = String(text).trim().toLowerCase();
      if (YES.has(t)) return { ok: true, value: true };
      if (NO.has(t)) return { ok: true, value: false };
      return err("engine.notYesNo");
    }
    case "date": {
      const date = text === null ? null : parseDate(text, ctx.today);
      return date ? { ok: true, value: date } : err("engine.notADate", { example: exampleDate(ctx.today) });
    }
    case "time": {
      const time = text === null ? null : parseTime(text);
      return time ? { ok: true, value: time } : err("engine.notATime");
    }
    case "singleChoice":
    case "pupil": {
      const options = optionsOf(field, "nl", ctx).concat(field.kind === "singleChoice" ? optionsOf(field, "en", ctx) : []);
      const match = text === null ? null : matchOption(text, options);
      if (match === "many") return err(field.kind === "pupil" ? "engine.manyPupilMatches" : "engine.notAnOption");
      if (!match) return err(field.kind === "pupil" ? "engine.noPupilMatch" : "engine.notAnOption");
      return { ok: true, value: match };
    }
    case "multiChoice": {
      const options = optionsOf(field, "nl", ctx).concat(optionsOf(field, "en", ctx));
      const tokens = Array.isArray(raw) ? raw.map(String) : String(text).split(/[,;]|\s+en\s+|\s+and\s+/);
      const values: string[] = [];
      for (const token of tokens.filter((t) => t.trim())) {
        const match = matchOption(token, options);
        if (!match || match === "many") return err("engine.notAnOption");
        if (!values.includes(match)) values.push(match);
      }
      if (values.length === 0 && field.required) return err("engine.required");
      return { ok: true, value: values };
    }
  }
}

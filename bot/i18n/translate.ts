import type { Locale } from "../domain/vocabulary.js";
import { en, nl, type MessageKey } from "./messages.js";

export type { MessageKey };
export type Vars = Record<string, string | number>;

const tables: Record<Locale, Record<MessageKey, string>> = { nl, en };

/** Looks up a text and fills in {placeholders}; unknown placeholders stay visible to be noticed. */
export function translate(locale: Locale, key: MessageKey, vars: Vars = {}): string {
  return tables[locale][key].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
}

export type Translator = (key: MessageKey, vars?: Vars) => string;

export function translatorFor(locale: Locale): Translator {
  return (key, vars) => translate(locale, key, vars);
}

import { catalogue, type MessageKey } from "./catalogue/index.js";
import { fill, render, type Lang as Locale, type Vars } from "./text.js";

export type { MessageKey, Vars };
export { fill };

/** Looks up a text, picks its plural form for `count`, and fills in {placeholders}. */
export function translate(locale: Locale, key: MessageKey, vars: Vars = {}): string {
  return render(catalogue[key], locale, vars);
}

/** A text in both languages, for dialog steps and other values that carry `{ nl, en }`. */
export function localized(key: MessageKey, vars: Vars = {}): Record<Locale, string> {
  return { nl: translate("nl", key, vars), en: translate("en", key, vars) };
}

/** A `{ nl, en }` value computed per language, for texts built from data (a name, a date). */
export function eachLocale(text: (locale: Locale) => string): Record<Locale, string> {
  return { nl: text("nl"), en: text("en") };
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogue, key);
}

export type Translator = (key: MessageKey, vars?: Vars) => string;

export function translatorFor(locale: Locale): Translator {
  return (key, vars) => translate(locale, key, vars);
}

// The core's texts by key: translate for one reader, localized for both languages at once.
import { catalogue, type MessageKey } from "./catalogue/index.js";
import { fill, translatorOver, type Lang as Locale, type Vars, type VarsArg as VarsArgOf } from "../text/text.js";

export type { MessageKey, Vars };
export { fill };

export type VarsArg<K extends MessageKey> = VarsArgOf<typeof catalogue, K>;

const translateKey = translatorOver(catalogue);

/** Looks up a text, picks its plural form for `count`, and fills in {placeholders}. */
export function translate<K extends MessageKey>(locale: Locale, key: K, ...vars: VarsArg<K>): string {
  return translateKey(locale, key, ...vars);
}

/** A text in both languages, for dialog steps and other values that carry `{ nl, en }`. */
export function localized<K extends MessageKey>(key: K, ...vars: VarsArg<K>): Record<Locale, string> {
  return { nl: translate("nl", key, ...vars), en: translate("en", key, ...vars) };
}

/** A `{ nl, en }` value computed per language, for texts built from data (a name, a date). */
export function eachLocale(text: (locale: Locale) => string): Record<Locale, string> {
  return { nl: text("nl"), en: text("en") };
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogue, key);
}

export type Translator = <K extends MessageKey>(key: K, ...vars: VarsArg<K>) => string;

export function translatorFor(locale: Locale): Translator {
  return (key, ...vars) => translate(locale, key, ...vars);
}

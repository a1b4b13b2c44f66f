import { catalogue, type MessageKey } from "./catalogue/index.js";
import { fill, render, type Lang as Locale, type PlaceholderOf, type VarValue, type Vars } from "./text.js";

export type { MessageKey, Vars };
export { fill };

type NamesOf<K extends MessageKey> = PlaceholderOf<(typeof catalogue)[K]["nl"]> | PlaceholderOf<(typeof catalogue)[K]["en"]>;

/**
 * The vars a key needs, checked by the compiler: every placeholder of its texts, by name. A key
 * typed as any MessageKey at all (looked up at run time) is not checked.
 */
export type VarsArg<K extends MessageKey> = MessageKey extends K
  ? [vars?: Vars]
  : [NamesOf<K>] extends [never]
    ? [vars?: Vars]
    : [vars: Readonly<Record<NamesOf<K>, VarValue>> & Vars];

/** Looks up a text, picks its plural form for `count`, and fills in {placeholders}. */
export function translate<K extends MessageKey>(locale: Locale, key: K, ...[vars]: VarsArg<K>): string {
  return render(catalogue[key], locale, vars);
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

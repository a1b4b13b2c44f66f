// The one way texts are held: keyed entries with Dutch and English side by side, a text being a
// plain string or plural forms chosen by the `count` placeholder. This module imports nothing of
// ours, so any layer (adapters included) can keep its own catalogue with the same rules.

export type Lang = "nl" | "en";

/** Plural forms, chosen with Intl.PluralRules from the `count` placeholder (nl and en have no others). */
export interface PluralText {
  one: string;
  other: string;
}

export type Text = string | PluralText;

/** One text in both languages; a catalogue without one of them does not typecheck. */
export interface Entry {
  nl: Text;
  en: Text;
}

export type Catalogue = Record<string, Entry>;

/** The placeholder names in a text's literal type: "Hoi {name}" → "name"; plural forms need "count". */
type NamesIn<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | NamesIn<Rest> : never;
export type PlaceholderOf<T> = T extends string ? NamesIn<T> : T extends PluralText ? NamesIn<T["one"]> | NamesIn<T["other"]> | "count" : never;

/** A value for a placeholder; a `{nl, en}` value is shown in the reader's language. */
export type VarValue = string | number | Readonly<Record<Lang, string>>;
export type Vars = Readonly<Record<string, VarValue>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills in {placeholders}; an unknown placeholder stays visible so that it gets noticed. */
export function fill(template: string, vars: Vars = {}, lang: Lang = "nl"): string {
  // Most texts have no placeholder (step titles, labels): they are built many times a turn.
  if (!template.includes("{")) return template;
  return template.replace(PLACEHOLDER, (match, name: string) => {
    const value = vars[name];
    if (value === undefined) return match;
    return typeof value === "object" ? value[lang] : String(value);
  });
}

/** The placeholder names a text uses, in order of first use (plural forms together). */
export function placeholdersOf(text: Text): string[] {
  const forms = typeof text === "string" ? [text] : [text.one, text.other];
  const names = forms.flatMap((form) => [...form.matchAll(PLACEHOLDER)].map((m) => m[1]!));
  return [...new Set(names)];
}

const pluralRules: Partial<Record<Lang, Intl.PluralRules>> = {};

/** The plural form for a count: "1 leerling", "0 leerlingen", "2 leerlingen". */
export function pluralForm(text: PluralText, lang: Lang, count: number): string {
  const rules = (pluralRules[lang] ??= new Intl.PluralRules(lang));
  return rules.select(count) === "one" ? text.one : text.other;
}

/** A count with its noun in the right form, for operator output outside the catalogues: counted(2, { one: "school", other: "schools" }) → "2 schools". */
export function counted(count: number, noun: PluralText, lang: Lang = "en"): string {
  return `${count} ${pluralForm(noun, lang, count)}`;
}

/** Resolves one entry for a language: the plural form for `vars.count`, then the placeholders. */
export function render(entry: Entry, lang: Lang, vars: Vars = {}): string {
  const text = entry[lang];
  const template = typeof text === "string" ? text : pluralForm(text, lang, Number(vars.count ?? Number.NaN));
  return fill(template, vars, lang);
}

type NamesOfEntry<E> = E extends Entry ? PlaceholderOf<E["nl"]> | PlaceholderOf<E["en"]> : never;

/**
 * The vars a key needs, checked by the compiler: every placeholder of its texts, by name. A key
 * typed as any key of the catalogue at all (looked up at run time) is not checked.
 */
export type VarsArg<C extends Catalogue, K extends keyof C> = keyof C extends K
  ? [vars?: Vars]
  : [NamesOfEntry<C[K]>] extends [never]
    ? [vars?: Vars]
    : [vars: Readonly<Record<NamesOfEntry<C[K]>, VarValue>> & Vars];

/** A translate function over a catalogue (declared `as const`, so placeholders are checked): (lang, key, vars) → text. */
export function translatorOver<C extends Catalogue>(catalogue: C) {
  return <K extends keyof C & string>(lang: Lang, key: K, ...[vars]: VarsArg<C, K>): string => render(catalogue[key]!, lang, vars);
}

/**
 * What is wrong with a catalogue: an empty text, nl and en using different placeholders, or plural
 * forms whose "other" form does not show the count. Run by a test over every catalogue.
 */
export function catalogueProblems(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(catalogue)) {
    for (const lang of ["nl", "en"] as const) {
      const text = entry[lang];
      const forms = typeof text === "string" ? [text] : [text.one, text.other];
      if (forms.some((form) => typeof form !== "string" || form.trim() === "")) problems.push(`${key}: empty ${lang} text`);
      if (typeof text !== "string" && !text.other.includes("{count}")) problems.push(`${key}: ${lang} plural without {count}`);
    }
    // A singular form may spell the count out ("1 leerling"), so plurals leave the count out of the comparison.
    const plural = typeof entry.nl !== "string" || typeof entry.en !== "string";
    const names = (lang: Lang) =>
      placeholdersOf(entry[lang])
        .filter((n) => !plural || n !== "count")
        .sort()
        .join(",");
    if (names("nl") !== names("en")) problems.push(`${key}: placeholders differ (nl: ${names("nl")}; en: ${names("en")})`);
  }
  return problems;
}

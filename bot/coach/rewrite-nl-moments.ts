/**
 * Dutch rewrites that turn on when something happened (issue 11, round 3): an event the pupil "had" ("Heb je een
 * fijne vakantie gehad?" → "Hoe was je vakantie?"), the thing done at a moment ("Kijk je 's avonds nog tv?" → "Wat
 * kijk je 's avonds?"), and the moments themselves, which are never a question's topic ("met deze week").
 */
import { lowerOf, question as q, type Tokens } from "./rewrite-common.js";
import { wordSet } from "./word-sets.js";

/** Dutch determiners (and possessives); the Dutch rewrites share this one list. */
export const DETERMINERS = wordSet("de het een je jouw mijn zijn haar onze ons hun die dat deze dit");
/** Nouns of time: after a determiner they make a moment ("deze week"), not a topic. */
export const TIME_NOUNS = wordSet("week weken dag dagen ochtend middag avond nacht keer jaar maand weekend periode tijd");

/**
 * "Heb je deze week muziekles gehad bij meester Bram?" → "Hoe was de muziekles bij meester Bram?" (or without the
 * phrase, when the gate refuses it: "Hoe was de muziekles?"); "Heb je een fijne
 * vakantie gehad?" → "Hoe was je vakantie?": only for events (a lesson, a holiday, a party), not "ruzie gehad".
 */
export function hadEventRewrite(rest: Tokens, judged: (word: string) => boolean): string[] {
  const l = lowerOf(rest);
  const had = l.indexOf("gehad");
  if (had < 1) return [];
  const thing = rest.slice(0, had).filter((t) => !judged(t.lower) && !MOMENT.has(t.lower));
  // "deze week", "vandaag": when it was, not what.
  const timeAt = thing.findIndex((t, i) => TIME_NOUNS.has(t.lower) && i > 0 && DETERMINERS.has(thing[i - 1]?.lower ?? ""));
  const what = timeAt > 0 ? [...thing.slice(0, timeAt - 1), ...thing.slice(timeAt + 1)] : thing;
  const noun = what[what.length - 1]?.lower ?? "";
  if (what.length === 0 || what.length > 2 || !EVENT.test(noun)) return [];
  const np = what.map((t, i) => (i === 0 && t.lower === "een" ? { ...t, text: "je", lower: "je" } : t));
  // "muziekles" alone takes its article: "Hoe was de muziekles?", "Hoe was het kamp?"
  const article = DETERMINERS.has(np[0]?.lower ?? "") ? "" : /(weekend|kamp|feest|feestje|uitje|reisje)$/u.test(noun) ? "het" : "de";
  return [q("Hoe was", article, np, rest.slice(had + 1)), q("Hoe was", article, np)];
}
export const OBJECT_VERBS = wordSet("kijk keek eet at drink dronk lees las speel speelde doe deed luister luisterde teken tekende bouw bouwde");

/** "'s avonds", "na school", "in het weekend", "in de pauze", "vanmiddag": when something is done, or []. */
export function momentPhrase(tokens: Tokens): Tokens {
  const l = lowerOf(tokens);
  const s = l.findIndex((w, i) => w === "'s" && /^(avonds|ochtends|middags|morgens|nachts|zaterdags|zondags)$/u.test(l[i + 1] ?? ""));
  if (s >= 0) return tokens.slice(s, s + 2);
  const after = l.findIndex((w, i) => w === "na" && l[i + 1] === "school");
  if (after >= 0) return tokens.slice(after, after + 2);
  const inThe = l.findIndex((w, i) => w === "in" && DETERMINERS.has(l[i + 1] ?? "") && /^(weekend|pauze|vakantie|vakanties)$/u.test(l[i + 2] ?? ""));
  if (inThe >= 0) return tokens.slice(inThe, inThe + 3);
  const moment = tokens.find((t) => MOMENT.has(t.lower) || t.lower === "thuis");
  return moment ? [moment] : [];
}
const EVENT = /(les|gym|vakantie|weekend|kamp|feest|feestje|verjaardag|toets|excursie|uitje|schoolreis|schoolreisje|voorstelling|wedstrijd|training)$/u;
export const MOMENT = wordSet("vandaag gisteren vannacht vanochtend vanmiddag vanavond laatst");

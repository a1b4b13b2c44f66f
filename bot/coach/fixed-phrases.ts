/**
 * Two things a topic must never be cut from (issue 11, round 2): a fixed expression ("aan de hand" → "de hand",
 * "de laatste tijd" → "de laatste") and a vocative ("…, Daan?" is the pupil spoken to, not the subject).
 */
import { tokenize } from "./text.js";
import { wordSet } from "./word-sets.js";

/** Multiword expressions whose parts mean nothing alone. */
const EXPRESSIONS = [
  "aan de hand",
  "de laatste tijd",
  "de afgelopen tijd",
  "de hele tijd",
  "de hele dag",
  "op tijd",
  "in de gaten",
  "op de hoogte",
  "in de war",
  "aan de beurt",
  "om de beurt",
  "aan de slag",
  "uit de hand",
  "in de steek",
  "onder de indruk",
  "in de problemen",
  "op het moment",
  "op dit moment",
  "van streek",
  "voor de gek",
  "at the moment",
  "on time",
  "these days",
  "the other day",
  "in trouble",
  "by heart",
].map((e) => e.split(" "));

/** Structural rule: determiner + ordinal/"hele" + time noun is a time phrase ("de laatste weken", "the last few days"). */
const ORDINALS = wordSet("laatste afgelopen hele vorige volgende eerste last past whole next first");
const TIME_NOUNS = wordSet("tijd dag dagen week weken maand maanden jaar keer periode days weeks time months while");

/** The expressions (and time phrases) in the question, as word lists. */
function expressionsIn(lower: readonly string[]): string[][] {
  const found = EXPRESSIONS.filter((e) => lower.some((_, i) => e.every((w, k) => lower[i + k] === w)));
  lower.forEach((w, i) => {
    if (/^(de|het|the)$/u.test(w) && ORDINALS.has(lower[i + 1] ?? "") && TIME_NOUNS.has(lower[i + 2] ?? "")) found.push(lower.slice(i, i + 3));
  });
  // "voor de zomer", "na de vakantie": a moment, not a topic ("Wat kun je me vertellen over de zomer?").
  lower.forEach((w, i) => {
    if (/^(voor|na|tot|sinds|before|after|until)$/u.test(w) && /^(de|het|the)$/u.test(lower[i + 1] ?? "") && SEASONS.has(lower[i + 2] ?? ""))
      found.push(lower.slice(i, i + 3));
  });
  return found;
}
const SEASONS = wordSet("zomer winter lente herfst vakantie zomervakantie kerstvakantie herfstvakantie meivakantie kerst pauze summer holidays break");

const words = (text: string): string[] =>
  tokenize(text)
    .filter((t) => !t.punct)
    .map((t) => t.lower);

function contains(haystack: readonly string[], needle: readonly string[]): boolean {
  return haystack.some((_, i) => needle.every((w, k) => haystack[i + k] === w));
}

/**
 * True when the candidate keeps part of a fixed expression of the question without the whole ("Hoe gaat het met
 * de hand?" after "Wat is er aan de hand?"): a fragment of two or more words, or its last content word after a
 * determiner.
 */
export function cutsFixedExpression(candidate: string, questionLower: readonly string[]): boolean {
  const c = words(candidate);
  return expressionsIn(questionLower).some((e) => {
    if (contains(c, e)) return false;
    for (let len = e.length - 1; len >= 2; len--) {
      for (let from = 0; from + len <= e.length; from++) if (contains(c, e.slice(from, from + len))) return true;
    }
    return false;
  });
}

export interface Vocative {
  /** The question without the name. */
  text: string;
  name: string | null;
}

/** "Is het gelukt om …, Daan?" / "Ayşe, hoe was …?" → the question without the name, and the name. */
export function stripVocative(text: string): Vocative {
  const end = /^(.*\S),\s*(\p{Lu}\p{Ll}+)\s*([?.!]*)\s*$/u.exec(text);
  if (end?.[1] && end[2] && !NOT_NAMES.has(end[2].toLowerCase()) && !/\b(en|of|and|or|met|with|van|of)$/iu.test(end[1]))
    return { text: `${end[1]}${end[3] || "?"}`, name: end[2] };
  const start = /^(\p{Lu}\p{Ll}+),\s*(\p{Ll}.*)$/u.exec(text);
  if (start?.[1] && start[2] && !NOT_NAMES.has(start[1].toLowerCase())) {
    const rest = start[2];
    return { text: rest.charAt(0).toUpperCase() + rest.slice(1), name: start[1] };
  }
  return { text, name: null };
}

/** Capitalised first words that open a sentence but are not names ("Nou, …", "Juf, …" is kept as a name-like address). */
const NOT_NAMES = wordSet(
  "nou ja nee oké ok goed kijk zeg hoor dus well yes no so okay look right en maar and but stel als if when toen engels nederlands frans duits english dutch french german spanish",
);

/**
 * Gate checks (issue 11, round 2) for the kinds of broken Dutch a judge found on unseen questions:
 * - a hole where a complement was deleted: "Wat maakt dat je bent bij rekenen?" (copula with nothing to say);
 * - a clause where a noun phrase belongs: "Wat snap je al van nu hoe je …", "van zelf dat je …";
 * - a subordinate clause inside om…te: "om als ik iets uitleg te luisteren" (it belongs after the infinitive);
 * - "hoe" with a modal of obligation or an imperative: "Hoe moest je gaan praten", "Hoe stel dat …";
 * - "hoe" with a verb of understanding: "Hoe begreep je de uitleg?" ("Wat begreep je van …" is the idiom);
 * - a hidden yes/no: "Wat zou je ervan vinden om …", "Wat vind jij ervan als ik …" (answered "goed"/"niet goed");
 * - a time-phrase fragment as a topic ("met de laatste") and a name glued to the end without a comma.
 */
import type { Language } from "./types.js";
import { wordSet } from "./word-sets.js";

const COPULA = wordSet("ben bent is was waren zijn word wordt werd");
const PREPOSITIONS = wordSet("met bij van voor op in aan naar over door zonder tegen uit tot na onder tussen tijdens");
const CLAUSE_STARTERS = wordSet("hoe dat of wat waarom wanneer waar welke wie als");
const ADVERBS = wordSet("nu zelf ook wel al nog toch echt eigenlijk gewoon even eens dan");
const SUBORDINATORS = wordSet("als wanneer omdat dat terwijl toen zodat doordat of");
const OBLIGATION = wordSet("moest moesten mocht stel");
const UNDERSTAND = wordSet("begreep begrepen begrijp begrijpt snap snapt snapte");
const ORDINALS = wordSet("laatste eerste volgende vorige hele afgelopen");
const SUBJECTS = wordSet("je jij ik hij zij ze we wij het");

export function holeProblem(words: readonly string[], texts: readonly string[], at: number, language: Language): "broken-grammar" | null {
  if (language !== "nl") return /\b(would|will|do) you (like to )?tackle the (window|door|desk|table|seat)/u.test(words.join(" ")) ? "broken-grammar" : null;
  const q = words[at] ?? "";
  const verb = words[at + 1] ?? "";
  if (q === "hoe" && (OBLIGATION.has(verb) || UNDERSTAND.has(verb))) return "broken-grammar";
  const last = words.length - 1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? "";
    const next = words[i + 1] ?? "";
    // "dat je bent bij rekenen", "dat je bent?": a copula in a subordinate clause needs its complement before it.
    if (w === "dat" && SUBJECTS.has(next) && COPULA.has(words[i + 2] ?? "") && (i + 3 > last || PREPOSITIONS.has(words[i + 3] ?? ""))) return "broken-grammar";
    // "van nu hoe je …", "van zelf dat je …", "over of je …": a preposition takes a noun phrase.
    if (PREPOSITIONS.has(w) && i > at + 1) {
      let j = i + 1;
      while (ADVERBS.has(words[j] ?? "")) j++;
      if (j > i + 1 && (CLAUSE_STARTERS.has(words[j] ?? "") || j > last)) return "broken-grammar";
      if (w !== "om" && ORDINALS.has(words[i + 2] ?? "") && (i + 3 > last || PREPOSITIONS.has(words[i + 3] ?? ""))) return "broken-grammar";
    }
    // "om als ik iets uitleg te luisteren": the clause goes after "te luisteren".
    const clause = SUBORDINATORS.has(next) && (!/^(dat|of)$/u.test(next) || SUBJECTS.has(words[i + 2] ?? ""));
    if (w === "om" && clause && words.slice(i + 2).includes("te")) return "broken-grammar";
    // "Hoe stel dat …": an imperative inside a rebuilt question.
    if (w === "stel" && next === "dat" && i > 0) return "broken-grammar";
  }
  // "dat je kijkt om als ik iets zeg": a particle stranded before a clause belongs on its verb ("omkijkt").
  if (/\bdat (je|jij) \p{L}+t (om|op|af|mee|door|uit|aan|na|toe|terug|weg) (als|wanneer|omdat|terwijl)\b/u.test(words.join(" "))) return "broken-grammar";
  // "Hoe gaat het met het gelukt?": a participle is no topic.
  if (/\b(met|over|van) (het|de|je) (gelukt|gedaan|gemaakt|gegaan|geweest|gehaald|geleerd)\b/u.test(words.join(" "))) return "broken-grammar";
  // "Wat kun je me vertellen over je zitten?": a verb is no topic.
  if (/\b(met|over) (je|het) (zitten|staan|liggen|werken|spelen|doen|gaan|komen|praten|zijn|hebben)$/u.test(words.join(" "))) return "broken-grammar";
  // "… ervan vinden om …", "Wat vind jij ervan als ik …": the teacher's proposal, answered yes or no.
  const joined = words.join(" ");
  if (/\bzou (je|jij) ervan vinden (om|als)\b|\b(vind|vond) (je|jij) ervan als\b/u.test(joined)) return "broken-grammar";
  // "Wat kun je me vertellen over Noor?" asks about a child as a person, not about what the question was about.
  if (words[last - 1] === "over" && /^\p{Lu}\p{Ll}+$/u.test(texts[last] ?? "")) return "broken-grammar";
  // "Hoe komt het dat je werkt Mohammed?": a name at the end needs its comma (and is a vocative, not a topic).
  const lastText = texts[last] ?? "";
  if (
    last > at + 2 &&
    /^\p{Lu}\p{Ll}+$/u.test(lastText) &&
    !PREPOSITIONS.has(words[last - 1] ?? "") &&
    !/^(en|of|naast|tussen|jou|de|het|een|je|jouw|mijn)$/u.test(words[last - 1] ?? "")
  ) {
    return "broken-grammar";
  }
  return null;
}

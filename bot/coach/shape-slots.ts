/**
 * Gate checks (issue 11, round 3) for the broken sentences a judge still found on the fifth blind set. Each is a
 * grammar fact about a frame, not a list of rows:
 * - a topic slot ("Hoe gaat het met …", "vertellen over …") holds a noun, not an adverb or a verb: "met het vast",
 *   "over het dan", "over je gaat";
 * - "Hoe" + a verb known to take no manner + "je" ("Hoe mis je …", "Hoe durf je …"), unless manner-verbs.ts allows
 *   it with its particle; "Hoe zijn er …", "Hoe maak je je zorgen" (an idiom, no manner);
 * - "Hoe vind je het" + an adjective ("Hoe vind je het zelf normaal dat …"), "Hoe ging het best met …";
 * - a finite verb left at the end of a main question ("Hoe voel je je op lezen aankomt?");
 * - a statement glued on with "en" ("Hoe vond je het kamp en het was op je kamer?");
 * - a participle after "Hoe is het voor jou" ("Hoe is het voor jou van vorige keer gehaald?");
 * - English: "What is anyone like for you?", "What did you think of you?", "How do you think was …", "How do … helped".
 */
import { participleTakesHow, takesHow } from "./manner-verbs.js";
import { NL_FINITE_VERBS } from "./rules-nl.js";
import type { Language } from "./types.js";
import { wordSet } from "./word-sets.js";

/** Never the head of a topic: adverbs and particles a rewrite can leave behind. */
const NOT_A_NOUN = wordSet(
  "vast zeker natuurlijk dan toch nou wel eens even gewoon eigenlijk echt zo nog al ook niet weer best genoeg ervoor erover ermee eraan erop ervan",
);
/** Verbs that take no manner after "Hoe … je" (unless manner-verbs.ts allows them with a particle or participle). */
const NO_MANNER = wordSet(
  "mis miste durf durfde zit zat lig lag sta stond eet at drink dronk kijk keek hoor hoorde heb had doe deed blijf bleef moet moest mag mocht hoef hoefde ga ging voetbal",
);
const SUBORDINATORS = wordSet("dat als of omdat wanneer terwijl toen die wat waar hoe zodat doordat voordat nadat nu sinds totdat zolang");
const PARTICLES = /^(aan|af|op|uit|mee|door|binnen|buiten|in|na|toe|terug|weg|over|bij|voor|samen|om)/u;
const ADJECTIVE = /^(normaal|leuk|fijn|goed|slecht|erg|gek|raar|moeilijk|makkelijk|lastig|spannend|eng|saai|belangrijk|\p{L}+(ig|isch|lijk|baar|zaam))$/u;
const PARTICIPLE = /^(ge|be|ver|ont|her)\p{L}{2,}(t|d|n)$/u;

/** "komt", "aankomt": a finite verb form (a known stem + t, or one with its particle in front). */
function looksFinite(word: string): boolean {
  // Only the -t forms: "werk", "spel" are nouns as well, "werken", "zijn" infinitives.
  const finite = (w: string): boolean => NL_FINITE_VERBS.has(w) && /t$/u.test(w);
  if (finite(word)) return true;
  const particle = word.match(PARTICLES)?.[0];
  return particle !== undefined && word.length > particle.length + 2 && finite(word.slice(particle.length));
}

function dutchProblem(words: readonly string[], at: number): boolean {
  const joined = words.join(" ");
  // "met het vast", "over het dan", "over je gaat": a topic slot holds a noun.
  const slot = words.findIndex((w, i) => (w === "met" && words[i - 1] === "het") || (w === "over" && words[i - 1] === "vertellen"));
  if (slot >= 0) {
    const head = words[slot + 2] ?? "";
    const det = words[slot + 1] ?? "";
    if (
      /^(de|het|je|jouw|een)$/u.test(det) &&
      (NOT_A_NOUN.has(head) || (det === "je" && (looksFinite(head) || (NL_FINITE_VERBS.has(head) && head !== "werk"))))
    )
      return true;
    // "over het gevoel?": the feeling of "het gevoel hebben dat …", cut from what it was about.
    if (det === "het" && /^(gevoel|idee)$/u.test(head) && slot + 3 >= words.length) return true;
  }
  // "Hoe vond je het een gesprek?", "Hoe lijkt het me dat …": the closed form's frame left around the question.
  if (/^hoe (vind|vond) (je|jij) het een\b|^hoe (lijkt|leek) het (me|mij)\b/u.test(joined)) return true;
  // "… een stuk?" (of "een stuk beter"), "en eh": a leftover of a comparison or a filler.
  if (/\been stuk$|\b(eh|ehm|uh|uhm)\b/u.test(joined)) return true;
  // "zulk werk", "zo'n werk": the judgement stays in the determiner.
  if (/\b(zulk|zulke|zo'n)\b/u.test(joined)) return true;
  const q = words[at] ?? "";
  const verb = words[at + 1] ?? "";
  const subject = words[at + 2] ?? "";
  if (q === "hoe") {
    // "Hoe zijn er dingen …", "Hoe is er …": "er" + a copula asks nothing after "hoe".
    if (/^(is|zijn|was|waren)$/u.test(verb) && subject === "er") return true;
    // "Hoe mis je …", "Hoe durf je …", "Hoe heb je het liefst?": verbs known to take no manner (a rebuilt question
    // with another verb may come from the teacher's own "hoe": "Snap je hoe je een breuk vereenvoudigt?").
    if ((subject === "je" || subject === "jij") && NO_MANNER.has(verb) && !takesHow(verb, words.slice(at + 3))) {
      if (!/^(heb|had)$/u.test(verb) || !words.slice(at + 3).some(participleTakesHow)) return true;
    }
    // "Hoe maak je je zorgen": "zorgen maken" is an idiom without a manner.
    if (/^maak(te)?$/u.test(verb) && words.includes("zorgen")) return true;
    // "Hoe vind je het zelf normaal dat …": the yes/no's adjective left after "het".
    if (/^(vind|vond)$/u.test(verb) && words[at + 3] === "het") {
      let j = at + 4;
      while (words[j] === "zelf" || words[j] === "nou" || words[j] === "eigenlijk") j++;
      if (ADJECTIVE.test(words[j] ?? "")) return true;
    }
    // "Hoe ging het best met …": "best" after the subject "het" is the leftover of "best goed".
    if (/^(gaat|ging|is|was)$/u.test(verb) && subject === "het" && words[at + 3] === "best") return true;
    // "Hoe is het voor jou van vorige keer gehaald?": a participle cannot end that frame.
    if (/^(is|was)$/u.test(verb) && subject === "het" && words[at + 3] === "voor" && PARTICIPLE.test(words[words.length - 1] ?? "")) return true;
  }
  // "Hoe voel je je op lezen aankomt?": a finite verb at the end of a main question, with no clause to hold it.
  // "Wat zou jou helpen bij de instructietafel komt zitten?": the same with an infinitive after it.
  const last = words[words.length - 1] ?? "";
  const ending = looksFinite(last) || (/en$/u.test(last) && looksFinite(words[words.length - 2] ?? ""));
  if (words.length > at + 4 && ending && !words.slice(at + 2, -1).some((w) => SUBORDINATORS.has(w) || /^waar\p{L}+$/u.test(w))) return true;
  // "Hoe vond je het kamp en het was op je kamer?": a statement glued on with "en"/"maar".
  return /\b(en|maar) (het|je|jij|ik|hij|zij|ze) (was|is|waren|zijn|had|heeft|ging|gaat)\b/u.test(joined);
}

function englishProblem(words: readonly string[]): boolean {
  const joined = words.join(" ");
  if (/^what (is|was) (anyone|anybody|everyone|everybody|everything|someone|somebody|anything) like\b/u.test(joined)) return true;
  if (/\b(of|about) (you|yourself)$/u.test(joined) && /^what (do|did) you think\b/u.test(joined)) return true;
  if (/^how (do|did|does) you think (was|is|were|are|went|did|had)\b/u.test(joined)) return true;
  // "How do the extra reading practice helped?": do-support takes the plain verb.
  return /^how (do|does|did)\b/u.test(joined) && /\p{L}{3,}ed$/u.test(words[words.length - 1] ?? "") && !words.includes("have");
}

export function slotProblem(words: readonly string[], at: number, language: Language): "broken-grammar" | null {
  return (language === "nl" ? dutchProblem(words, at) : englishProblem(words)) ? "broken-grammar" : null;
}

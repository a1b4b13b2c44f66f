/**
 * The gate's grammar half for rebuilt questions (shape-check.ts calls it last). Each check rejects
 * a kind of broken Dutch or English that template rewrites produce, so the teacher gets a topic
 * question or a stem instead:
 *
 * - "Hoe" needs a verb that takes a manner: "Hoe heb je het liefst?" and "Hoe zat je te …?" fail;
 *   with a form of "hebben" a participle must follow ("Hoe heb je je voorbereid?");
 * - no word of the closed form left over: "een beetje", an adverbial "best", "weer" (a reproach),
 *   "nu"/"wel"/"al"/"nog" stranded at the end after a phrase, "dan" + a time ("dan vorig jaar");
 * - a preposition takes a noun phrase, not a conjunction ("van of je …", "door om …"), and "om" +
 *   a pronoun needs its "te" ("Hoe voel je je om zoiets?" fails, "om hulp vragen" is fine);
 * - in a subordinate clause "dat je …" the finite verb goes after its place or object phrase ("dat je zit aan
 *   de toren", "dat je schrijft in je schrift" fail; "dat je opstaat tijdens het werken" is fine);
 * - a topic slot ("Hoe gaat het met …", "vertellen over …", "about …") holds a real noun phrase:
 *   no "een"/"a" (the pupil's own thing is "je …"), and after a determiner no preposition, time word,
 *   adjective, superlative, verb infinitive or name ("met je uitleggen", "met dat Noor", "met je verdrietig");
 * - "hoe" does not take "graag"/"liever"; no capitalised question word or preposition mid-sentence;
 * - "Wat maakt dat je … moet" keeps the presumed compulsion;
 * - after "hoe"/"waar"/"wanneer"/"waarom" the verb agrees with "je": "Hoe rekent je …" fails, "Hoe reken je …" passes.
 */
import { looksLikeInfinitive } from "./morphology-nl.js";
import { NL_FINITE_VERBS } from "./rules-nl.js";
import type { Language } from "./types.js";
import { wordSet } from "./word-sets.js";

const HEBBEN = wordSet("heb hebt had hadden");
const SIT = wordSet("zit zat zitten zaten lig ligt lag lagen");
const PARTICIPLE = /^(?:af|op|mee|door|uit|aan|in|na|toe|terug|weg|over|bij|voor|samen)?(?:ge|be|ver|ont|her|er)\p{L}{2,}(?:t|d|n)$/u;
const STRANDABLE = wordSet("bij met van in op aan naar over voor tegen door uit");
const AFTER_FEELING = wordSet("de als wanneer dan toen daarover daarbij hierover nu vandaag gisteren vanochtend vanmiddag meestal");
const AFTER_PRONOUN_JE = wordSet("het de een dat dit er nu dan zelf graag liefst al nog ook wel niet toch thuis vandaag");
const SUBJECT_ONLY = wordSet("jij ik hij zij we wij");
const OM_OBJECT = wordSet("zoiets iets dat dit het niks niets");
const STRANDED = wordSet("nu wel al nog toch eens");
const PRONOUNS = wordSet("je jij het er dat dit ik we wij ze zij hij jullie");
const OWNERS = wordSet("het je jouw mijn zijn haar m'n hun ons onze");
const TIME = wordSet("vorig vorige vroeger eerst toen gisteren ervoor eerder");
const NL_PREPOSITIONS = wordSet("met bij van voor op in aan naar over door zonder tegen om uit tot na onder tussen tijdens");
const SUBORDINATORS = wordSet("of om omdat want doordat");
const NL_DETERMINERS = wordSet("de het je jouw mijn dat dit die deze");
const NOT_HEAD = wordSet(
  "thuis buiten binnen hier daar nu toen straks vandaag gisteren morgen laat vroeg zo al nog wel niet ook eens even weer best beetje " +
    "op af aan uit in mee van voor bij met over door me mij ons hem haar ze " +
    "vaak soms steeds telkens meestal weleens eigenlijk echt erg heel samen alleen vergeten kwijt",
);
const NL_FINITE_AFTER_JE = wordSet(
  "zit zat ben bent was doe doet deed ga gaat ging kom komt kwam sta staat stond loop loopt liep werk werkt werkte speel speelt speelde",
);
const PLACE_TIME = wordSet("thuis buiten binnen hier daar nu vandaag");
/** Phrases that belong before the verb in a subordinate clause; a time phrase ("tijdens …") may follow it. */
const CLOSE_TO_VERB = wordSet("aan in op naar over van");
const NOT_FINITE = wordSet("niet echt wat dat het met ooit nooit heel snel slecht");
const EN_ADJECTIVES = wordSet("extra new old other same next last first whole best own easy hard difficult good bad");
const NL_ADJECTIVES = wordSet("liever graag leuk fijn moe blij boos bang saai goed slecht lastig moeilijk makkelijk druk stil");
/** Words that a yes/no form carries and a "hoe" question cannot: "Hoe doe je graag gym?" */
const NOT_WITH_HOE = wordSet("graag liever");
const EN_DETERMINERS = wordSet("the your my this that his her their");

/** Index after the frame's topic preposition ("Hoe gaat het met", "vertellen over", "about"), or -1. */
function topicSlot(words: readonly string[], language: Language): number {
  if (language === "en") return words.indexOf("about") + 1 || -1;
  for (let i = 0; i + 1 < words.length; i++) {
    const w = words[i] ?? "";
    if (w === "met" && words[i - 1] === "het" && (words[i - 2] === "gaat" || words[i - 2] === "ging")) return i + 1;
    if (w === "over" && (words[i - 1] === "vertellen" || words[i - 1] === "zeggen")) return i + 1;
  }
  return -1;
}

function brokenTopicSlot(words: readonly string[], texts: readonly string[], language: Language): boolean {
  const at = topicSlot(words, language);
  if (at < 0 || at >= words.length) return false;
  const det = words[at] ?? "";
  const head = words[at + 1];
  if (language === "en")
    return det === "a" || det === "an" || (EN_DETERMINERS.has(det) && head !== undefined && EN_ADJECTIVES.has(head) && at + 2 >= words.length);
  if (det === "een") return true;
  if (!NL_DETERMINERS.has(det) || head === undefined) return false;
  // "met je verdrietig": an adjective where the noun should be.
  if (/(ig|isch|lijk|baar|zaam)$/u.test(head) || NL_ADJECTIVES.has(head)) return true;
  // "Hoe gaat het met je vandaag?": "je" is the pupil here, and a time or place may follow.
  if (det === "je" && words[at - 1] === "met" && PLACE_TIME.has(head)) return false;
  if (det === "je" && words[at - 1] === "met" && NL_PREPOSITIONS.has(head)) return at + 2 >= words.length; // "met je in de klas", not "met je op?"
  if (NOT_HEAD.has(head) || head.startsWith("aller") || (det === "het" && /\p{L}{3,}ste$/u.test(head))) return true; // "met het leukste"
  if (det !== "de" && /^\p{Lu}/u.test(texts[at + 1] ?? "")) return true; // "met dat Noor": a clause cut short
  // "met je uitleggen", "met dat aanpakken": an infinitive is a verb, not the pupil's thing.
  return (
    det !== "de" && at + 2 >= words.length && looksLikeInfinitive(head) && /^(?:uit|aan|op|af|mee|samen|na|voor|door|in|terug|weg)\p{L}{3,}en$/u.test(head)
  );
}

export function grammarProblem(words: readonly string[], texts: readonly string[], at: number, language: Language): "broken-grammar" | null {
  const last = words.length - 1;
  if (language === "en") {
    // "What makes you talking …": causative "make" takes a plain verb.
    if (words.some((w, i) => /^(make|makes|made)$/u.test(w) && words[i + 1] === "you" && /ing$/u.test(words[i + 2] ?? ""))) return "broken-grammar";
    return brokenTopicSlot(words, texts, language) ? "broken-grammar" : null;
  }
  const q = words[at] ?? "";
  const verb = words[at + 1] ?? "";
  const subject = words[at + 2] ?? "";
  if (q === "hoe" && words.some((w) => NOT_WITH_HOE.has(w))) return "broken-grammar";
  // "Hoe rekent je het liefst?": after an adverbial question word a pronoun "je" is the subject, and the inverted
  // verb has no -t ("Hoe helpt je zus je …" is fine: there "je" is a possessive before its noun).
  const pronounJe = subject === "je" && (words[at + 3] === undefined || AFTER_PRONOUN_JE.has(words[at + 3] ?? "") || NL_PREPOSITIONS.has(words[at + 3] ?? ""));
  if (/^(hoe|waar\p{L}*|wanneer|waarom)$/u.test(q) && pronounJe && verb.endsWith("t") && NL_FINITE_VERBS.has(verb.slice(0, -1))) {
    return "broken-grammar";
  }
  // "Hoe opa je het vond bij?": a name is no verb, and a preposition ends a question only with "waar"/"er"/"daar".
  if (/^\p{Lu}/u.test(texts[at + 1] ?? "")) return "broken-grammar";
  if (STRANDABLE.has(words[last] ?? "") && !words.some((w) => /^(waar|er|daar|hier)$/u.test(w)) && !/^waar/u.test(q)) return "broken-grammar";
  // "Hoe vind je het Met wie …": a second question glued in mid-sentence.
  if (
    texts.some(
      (t, i) => i > at + 1 && /^\p{Lu}/u.test(t) && (NL_PREPOSITIONS.has(words[i] ?? "") || /^(wat|wie|hoe|waar|wanneer|waarom)$/u.test(words[i] ?? "")),
    )
  ) {
    return "broken-grammar";
  }
  // "Hoe voel je je in je rekenschrift?": a feeling is placed in a situation, not in the pupil's own thing.
  if (q === "hoe" && /^voel(de)?$/u.test(verb) && words[at + 3] === "je" && /^(in|op)$/u.test(words[at + 4] ?? "") && OWNERS.has(words[at + 5] ?? "")) {
    if (words[at + 5] !== "het") return "broken-grammar";
  }
  // "Hoe voel je je alleen in de pauze?": the adjective of the closed form is still presumed.
  const feelingNext = words[at + 4];
  if (q === "hoe" && /^voel(de)?$/u.test(verb) && words[at + 3] === "je" && feelingNext !== undefined) {
    if (!NL_PREPOSITIONS.has(feelingNext) && !PLACE_TIME.has(feelingNext) && !AFTER_FEELING.has(feelingNext)) return "broken-grammar";
  }
  if (q === "hoe" && PRONOUNS.has(subject)) {
    if (SIT.has(verb)) return "broken-grammar";
    if (HEBBEN.has(verb) && !words.slice(at + 3).some((w) => PARTICIPLE.test(w))) return "broken-grammar";
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? "";
    const next = words[i + 1] ?? "";
    // "dat jij baasje bent": a diminutive is a noun and needs its article after a subject pronoun.
    if (/^\p{L}{2,}[tp]?jes?$/u.test(w) && SUBJECT_ONLY.has(words[i - 1] ?? "")) return "broken-grammar";
    if (w === "beetje" || (w === "weer" && next !== "eens")) return "broken-grammar";
    if (w === "best" && !OWNERS.has(words[i - 1] ?? "")) return "broken-grammar";
    if (w === "dan" && TIME.has(next)) return "broken-grammar";
    if (w === "af" && next === "te" && words[i + 2] === "zijn") return "broken-grammar"; // work is "af", a pupil is not
    if (NL_PREPOSITIONS.has(w) && (SUBORDINATORS.has(next) || next === "niet") && w !== "om") return "broken-grammar";
    if (w === "om" && OM_OBJECT.has(next) && !words.slice(i + 1).includes("te")) return "broken-grammar"; // "Hoe voel je je om zoiets?"
    const finite = words[i + 2] ?? "";
    const looksFinite = NL_FINITE_AFTER_JE.has(finite) || (/^\p{L}{3,}t$/u.test(finite) && !NOT_FINITE.has(finite));
    if (w === "dat" && (next === "je" || next === "jij") && looksFinite && CLOSE_TO_VERB.has(words[i + 3] ?? "")) {
      return "broken-grammar";
    }
  }
  if (q === "wat" && verb === "maakt" && subject === "dat" && words.includes("moet")) return "broken-grammar";
  // "Wat snap je al van de uitleg over breuken nu?": an adverb stranded after the phrase it belonged before.
  if (STRANDED.has(words[last] ?? "") && !PRONOUNS.has(words[last - 1] ?? "") && words.slice(at + 2, last).some((w) => NL_PREPOSITIONS.has(w))) {
    return "broken-grammar";
  }
  return brokenTopicSlot(words, texts, language) ? "broken-grammar" : null;
}

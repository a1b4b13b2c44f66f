/**
 * The gate every suggestion passes before a teacher sees it. A rewrite is built from templates;
 * this check does not trust them. It accepts a candidate only when its question sentence has a
 * shape we know to be a well-formed open question:
 *
 * - one question, ending in one "?" (neutral statements before it may end in ".");
 * - it opens with a question word ("Wat", "Met wie", "Welk boek", "Hoe ver") directly followed by
 *   a finite verb ("Wat vind je…", "What do you…") — "Welk denk je…" or "Hoe zus…" fail;
 * - English do-support is followed by a plain verb ("How do the instructions were…" fails);
 * - nothing dangles: no coordinator, article, "met"/"with" or "te"/"to" before the "?", no
 *   "en zo niet?", no word or word pair said twice in a row ("het met het met");
 * - a topic after "met"/"with"/"over"/"about" is a noun phrase: no subject pronoun or adverb inside
 *   ("met zus je helpen", "met goed samenwerken"), no verb after it ("met de tafel van 6 opzeggen"),
 *   and no judging adjective left at its end ("met je op maandag moe").
 * The detector (no flags at all) is the second half of the gate; see suggest.ts.
 */
import { NL_FINITE_VERBS } from "./rules-nl.js";
import { EN_AUX } from "./rules-en.js";
import { grammarProblem } from "./shape-grammar.js";
import { holeProblem } from "./shape-holes.js";
import { slotProblem } from "./shape-slots.js";
import { splitSentences, tokenize } from "./text.js";
import type { Language } from "./types.js";
import { wordSet } from "./word-sets.js";

interface ShapeRules {
  wh: ReadonlySet<string>;
  prepositions: ReadonlySet<string>;
  /** Question words that take a noun or degree word before the verb ("welk boek", "hoe ver"). */
  whWithWord: ReadonlySet<string>;
  /** Finite verbs that may follow the question word. */
  isFinite(word: string, next: string | undefined): boolean;
  /** Words that cannot end a question. */
  noEnd: ReadonlySet<string>;
  coordinators: ReadonlySet<string>;
  /** Prepositions whose object must be a plain noun phrase. */
  topicPrepositions: ReadonlySet<string>;
  /** Words that cannot stand inside such a noun phrase. */
  notInTopic: ReadonlySet<string>;
  /** Determiners and possessives, after which a word ending in -en is a (plural) noun. */
  determiners: ReadonlySet<string>;
  /** Pronouns that may only open a topic phrase (possessive "je zus"), not stand later in it. */
  possessiveOnlyFirst: ReadonlySet<string>;
  /** Dutch infinitives end in -en: one after a noun inside a topic is a verb ("de tafel opzeggen"). */
  verbEnding: RegExp | null;
}

const NL_SUBJECT_WORDS = wordSet("je jij u jullie het er we wij ze zij hij ik dat dit die men iemand");
/** A finite verb in a main clause never starts with its particle ("ophalt"): that is a broken rewrite. */
const NL_PARTICLE_START = /^(op|af|mee|uit|aan|terug|weg|toe)\p{L}{3,}t$/u;
const NL_EXTRA_FINITE = wordSet("helpt gebeurt gebeurde maakt maakte merk merkt verwacht ziet kijkt zou zouden ging gaat kan kun zie");

const NL: ShapeRules = {
  wh: wordSet(
    "wat wie waar wanneer waarom hoe welke welk hoeveel hoelang hoevaak waarmee waarover waardoor waaraan waarop waarvoor waarin waarbij waarnaar waarvan",
  ),
  prepositions: wordSet("met bij van voor op in aan naar over door zonder tegen om uit tot na onder tussen tijdens"),
  whWithWord: wordSet("welke welk hoeveel hoe wat"),
  isFinite: (w, next) =>
    NL_FINITE_VERBS.has(w) ||
    NL_EXTRA_FINITE.has(w) ||
    (!NL_PARTICLE_START.test(w) && next !== undefined && NL_SUBJECT_WORDS.has(next) && /^\p{L}+$/u.test(w) && !NL_SUBJECT_WORDS.has(w)),
  noEnd: wordSet("en of maar de een met te om als zoals jouw mijn"),
  coordinators: wordSet("en of maar"),
  topicPrepositions: wordSet("met over"),
  notInTopic: wordSet(
    "beetje paar keer elke iedere alle veel weinig ik hij zij we wij jullie goed zelf al weer graag ook nog niet wel eens even samen alleen toch nou altijd nooit " +
      "moe blij boos bang leuk fijn moeilijk makkelijk lastig saai spannend druk lui slordig kan kun wil moet mag is ben bent",
  ),
  determiners: wordSet("de het een je jouw mijn zijn haar onze ons hun die dat deze dit van met voor bij op in aan over"),
  possessiveOnlyFirst: wordSet("je jij"),
  verbEnding: /^\p{L}{3,}en$/u,
};

const EN_VERBS = wordSet(
  "happened happens helps helped makes made goes went is was are were would could can will should might do does did " +
    "worked works went felt feels makes stopped kept",
);

const EN: ShapeRules = {
  wh: wordSet("what who whom whose where when why how which"),
  prepositions: wordSet("with to for from about at in on by of after before during into without like between"),
  whWithWord: wordSet("which what how whose"),
  isFinite: (w) => EN_AUX.has(w) || EN_VERBS.has(w) || /^[a-z]+(ed|s)$/u.test(w),
  noEnd: wordSet("and or but the a an to if your my"),
  coordinators: wordSet("and or but"),
  topicPrepositions: wordSet("with about"),
  notInTopic: wordSet(
    "best i he she we they well myself yourself already again also really always never tired happy sad lazy sloppy messy is are was were can could",
  ),
  determiners: wordSet("the a an your my his her their our this that"),
  possessiveOnlyFirst: wordSet("you"),
  verbEnding: null,
};

const RULES: Record<Language, ShapeRules> = { nl: NL, en: EN };
const DO_SUPPORT = wordSet("do does did");
const NOT_AFTER_DO = wordSet("is are was were am went had has can could will would been being your my the a an his her their");
/** Words that may rightly stand twice in a row ("voel je je", "om om hulp te vragen", "that that"). */
const MAY_REPEAT = wordSet("je om dat die het er that had");
const CLAUSE_END_INFINITIVE = wordSet("ga gaat gaan kun kan kunt wil wilt moet mag zal zou zullen");
/** "Wat kun je vertellen of je …" mixes an open request with a yes/no one; "Wanneer kijken we of …" is fine. */
const TELL = wordSet("vertellen zeggen uitleggen vertel zeg");
const ARTICLES = wordSet("de een the a an your my jouw mijn");
const PLACE_TIME = wordSet(
  "thuis buiten binnen hier daar nu toen straks vandaag gisteren morgen home outside inside here there now then today yesterday tomorrow",
);
const AFTER_FOR_YOU = wordSet("om als dat wanneer to if when that");
/** "Hoe durf je …" means "how dare you"; never offer it. */
const DARE = wordSet("durf durft dare");
const DEMONSTRATIVES = wordSet("dat dit that this");
/** An inflected adjective cannot end a question: its noun is missing ("Hoe ging het met een fijne?"). */
const INFLECTED_ADJECTIVES = wordSet("fijne leuke mooie goede slechte moeilijke makkelijke lastige nieuwe grote kleine lange korte");
const THIRD_PERSON = wordSet("is was heeft wordt werd");
const LEFTOVER_ADJECTIVES = wordSet("moe blij boos bang leuk fijn moeilijk makkelijk lastig saai spannend druk lui slordig tired happy sad lazy sloppy messy");
/** A conditional clause may come first: "Als je vastloopt, wat doe je dan?" */
const CONDITIONAL = wordSet("als wanneer stel nu if when whenever");

export type ShapeProblem =
  | "not-one-question"
  | "no-question-word"
  | "no-verb-after-question-word"
  | "verb-after-do"
  | "dangling-end"
  | "repeated-words"
  | "broken-topic"
  | "embedded-yes-no"
  | "choice-left"
  | "broken-grammar";

/** Why the candidate's question is not a well-formed open question, or null when it is. */
export function shapeProblem(candidate: string, language: Language): ShapeProblem | null {
  const r = RULES[language];
  const sentences = splitSentences(tokenize(candidate));
  const last = sentences[sentences.length - 1];
  if (!last?.isQuestion || sentences.slice(0, -1).some((s) => s.isQuestion)) return "not-one-question";
  if (last.tokens.filter((t) => t.punct && t.lower.startsWith("?")).length !== 1) return "not-one-question";
  let tokens = last.tokens;
  if (CONDITIONAL.has(tokens[0]?.lower ?? "")) {
    const comma = tokens.map((t) => t.lower).lastIndexOf(",");
    if (comma > 0) tokens = tokens.slice(comma + 1);
  }
  const words = tokens.filter((t) => !t.punct).map((t) => t.lower);
  const texts = tokens.filter((t) => !t.punct).map((t) => t.text);
  let at = 0;
  if (r.prepositions.has(words[0] ?? "") && r.wh.has(words[1] ?? "")) at = 1;
  if (!r.wh.has(words[at] ?? "")) return "no-question-word";
  const afterWh = words[at + 1];
  if (afterWh === undefined) return "no-verb-after-question-word";
  if (!r.isFinite(afterWh, words[at + 2])) {
    const canTakeWord = r.whWithWord.has(words[at] ?? "") && at === 0;
    if (!canTakeWord || !r.isFinite(words[at + 2] ?? "", words[at + 3])) return "no-verb-after-question-word";
  }
  // "Welke kies je?" is fine; "Welk denk je dat doel …" lost its noun.
  if (/^(welk|welke|which)$/u.test(words[at] ?? "") && r.isFinite(afterWh, words[at + 2]) && words.length > at + 3) return "no-verb-after-question-word";
  if (language === "en") {
    const doAt = words.findIndex((w, i) => i <= at + 2 && DO_SUPPORT.has(w));
    if (doAt >= 0) {
      // The subject is one pronoun or a short noun phrase; the word after it must be a plain verb.
      const rest = words.slice(doAt + 1);
      const subjectLength = r.determiners.has(rest[0] ?? "") ? 2 : 1;
      if (NOT_AFTER_DO.has(rest[subjectLength] ?? "")) return "verb-after-do";
    }
  }
  const lastWord = words[words.length - 1] ?? "";
  // Dutch spelling: no word ends in -vt or -zt ("opblijvt"); an article needs its noun ("Hoe is de voor jou?").
  if (language === "nl" && words.some((w) => /[vz]t$/u.test(w))) return "broken-topic";
  if (words.some((w, i) => ARTICLES.has(w) && (i === words.length - 1 || r.prepositions.has(words[i + 1] ?? "")))) return "dangling-end";
  // "Hoe was het voor jou gezellig op …": after "voor jou" / "for you" comes the end, a phrase or a clause.
  const forYou = words.findIndex((w, i) => (w === "voor" && words[i + 1] === "jou") || (w === "for" && words[i + 1] === "you"));
  const afterForYou = words[forYou + 2];
  if (forYou >= 0 && afterForYou !== undefined && !r.prepositions.has(afterForYou) && !AFTER_FOR_YOU.has(afterForYou)) return "broken-topic";
  // "with to a museum", "try to and Omar", "for you to the club": a preposition needs its object, "to"/"te" its verb.
  const next = (i: number): string => words[i + 1] ?? "";
  const needsObject = (w: string): boolean => r.topicPrepositions.has(w) || w === "to" || w === "te";
  if (words.some((w, i) => needsObject(w) && (r.coordinators.has(next(i)) || (r.topicPrepositions.has(w) && r.prepositions.has(next(i)))))) {
    return "dangling-end";
  }
  if (language === "en" && words.some((w, i) => w === "to" && words[i - 1] === "you" && r.determiners.has(words[i + 1] ?? ""))) return "dangling-end";
  if (language === "en" && words.some((w, i) => w === "think" && words[i + 1] === "to")) return "no-verb-after-question-word"; // "What do you think to do"
  // "met je met de afspraak": the same preposition twice around one word.
  if (words.some((w, i) => r.topicPrepositions.has(w) && words[i + 2] === w)) return "repeated-words";
  if (INFLECTED_ADJECTIVES.has(lastWord)) return "dangling-end";
  if (language === "nl") {
    // "Hoe gaat het met een rustig?": an adjective (-ig, -lijk, -isch) where the noun should be.
    if (ARTICLES.has(words[words.length - 2] ?? "") && /(ig|lijk|isch)$/u.test(lastWord)) return "dangling-end";
    // "te" needs its infinitive or adjective: "Hoe zijn de sommen te voor je?"
    if (words.some((w, i) => w === "te" && (i === words.length - 1 || r.prepositions.has(words[i + 1] ?? "")))) return "dangling-end";
    // "Hoe gaat het om … te …" asks what something is about, not how it goes.
    if (words.some((w, i) => w === "gaat" && words[i + 1] === "het" && words[i + 2] === "om")) return "no-verb-after-question-word";
  }
  if (DARE.has(afterWh) && /^(hoe|how)$/u.test(words[at] ?? "")) return "no-verb-after-question-word";
  // "Hoe vond je het niet?": a negation left over from the original at the end of a how-question.
  if (/^(hoe|how)$/u.test(words[at] ?? "") && (lastWord === "niet" || lastWord === "not")) return "dangling-end";
  // "What is that why like …": a question word after a demonstrative is a leftover, not a clause.
  if (words.some((w, i) => i > at && r.wh.has(w) && DEMONSTRATIVES.has(words[i - 1] ?? ""))) return "repeated-words";
  // Options left in an open question ("How did you play football or tag?") keep it closed.
  if (words.some((w, i) => (w === "or" || (language === "nl" && w === "of" && !NL_SUBJECT_WORDS.has(words[i + 1] ?? ""))) && i > at + 1)) {
    return "choice-left";
  }
  // "Hoe is je voor jou?": a third-person verb with the pupil as its whole subject.
  if (language === "nl" && THIRD_PERSON.has(afterWh) && words[at + 2] === "je" && (at + 3 >= words.length || r.prepositions.has(words[at + 3] ?? ""))) {
    return "no-verb-after-question-word";
  }
  if (r.noEnd.has(lastWord)) return "dangling-end";
  for (let i = 0; i < words.length; i++) {
    if (words[i] === words[i + 1] && /^\p{L}/u.test(texts[i] ?? "") && !MAY_REPEAT.has(words[i] ?? "")) return "repeated-words";
    if (i + 3 < words.length && words[i] === words[i + 2] && words[i + 1] === words[i + 3]) return "repeated-words";
    if (r.coordinators.has(words[i] ?? "") && words.slice(i + 1).every((w) => wordSet("zo dan wel niet nog not then").has(w))) {
      return "dangling-end";
    }
  }
  if (hasBrokenTopic(words, r)) return "broken-topic";
  // "Hoe gaat het met je op maandag moe?": an adjective left over at the end of a topic question.
  if (words.some((w, i) => r.topicPrepositions.has(w) && !r.wh.has(words[i + 1] ?? "")) && LEFTOVER_ADJECTIVES.has(lastWord)) return "broken-topic";
  // "… whether the instructions were clear", "… of je het leuk vond": a yes/no question inside.
  if (words.some((w, i) => w === "whether" || (language === "nl" && w === "of" && TELL.has(words[i - 1] ?? "") && NL_SUBJECT_WORDS.has(words[i + 1] ?? ""))))
    return "embedded-yes-no";
  return holeProblem(words, texts, at, language) ?? slotProblem(words, at, language) ?? grammarProblem(words, texts, at, language);
}

function hasBrokenTopic(words: readonly string[], r: ShapeRules): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!r.topicPrepositions.has(words[i] ?? "") || r.wh.has(words[i + 1] ?? "")) continue;
    let end = i + 1;
    // The phrase runs on through "van"/"of" ("de tafel van 6") and stops at any other preposition.
    const stops = (w: string): boolean => r.prepositions.has(w) && w !== "van" && w !== "of";
    while (end < words.length && !(end > i + 1 && stops(words[end] ?? ""))) end++;
    const topic = words.slice(i + 1, end);
    // After a modal or "gaan" the clause may end in its infinitive ("Wat ga je met Noor spelen?"),
    // but not in the fixed frame "Hoe gaat het met …", whose slot holds a noun phrase only.
    const frame = words[i - 2] === "gaat" || words[i - 2] === "ging";
    const modalAt = words.slice(0, i).findIndex((w) => CLAUSE_END_INFINITIVE.has(w));
    const between = words.slice(modalAt + 1, i);
    const infinitiveUsed = between.some((w, k) => r.verbEnding?.test(w) && !r.determiners.has(between[k - 1] ?? ""));
    const infinitiveMayEnd = !frame && modalAt >= 0 && !infinitiveUsed;
    for (let k = 0; k < topic.length; k++) {
      const w = topic[k] ?? "";
      if (r.notInTopic.has(w) || r.wh.has(w)) return true;
      if (k > 0 && (ARTICLES.has(topic[k - 1] ?? "") || topic[k - 1] === "het") && PLACE_TIME.has(w)) return true; // "met het thuis"
      if (k > 0 && r.possessiveOnlyFirst.has(w)) return true;
      const clauseEnd = infinitiveMayEnd && k === topic.length - 1;
      if (k > 0 && !clauseEnd && r.verbEnding?.test(w) && NL_FINITE_VERBS.has(w)) return true; // "over je helpen"
      // A verb after the noun phrase: an -en word that follows a noun, not a determiner ("de sommen").
      const nominal = topic[0] === "het";
      if (k > 0 && !nominal && !clauseEnd && r.verbEnding?.test(w) && !r.determiners.has(topic[k - 1] ?? "") && !/e$/u.test(topic[k - 1] ?? "")) return true;
    }
  }
  return false;
}

/** True when the candidate may be shown to a teacher. */
export function isWellShaped(candidate: string, language: Language): boolean {
  return shapeProblem(candidate, language) === null;
}

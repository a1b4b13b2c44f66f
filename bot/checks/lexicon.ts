/**
 * Word lists shared by the checks. Dutch and English entries live side by side: the lists are
 * matched together, so a text whose language was guessed wrongly is still judged sensibly.
 *
 * Longer than our ~300-line norm on purpose: it is data (word lists), not logic.
 */
import { findAll, patterns, wordSet, type Pattern } from "./text.js";

/** Texts that stand for "not filled in yet". */
export const PLACEHOLDERS = wordSet(`
  nvt n.v.t. n.v.t ntb n.t.b. n.t.b tbd tbc nog onbekend unknown x xx xxx idem zie - ? … ...
`);
export const PLACEHOLDER_PHRASES: Pattern[] = patterns([
  "nog afspreken",
  "nog bepalen",
  "nog niet bekend",
  "nader te bepalen",
  "weet ik niet",
  "weet ik nog niet",
  "to be decided",
  "not yet known",
  "don't know",
]);

// ---------------------------------------------------------------------------------------------
// Measures: numbers, frequencies, durations and success criteria.

export const NUMBER_WORDS = wordSet(`
  één twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien
  twintig dertig veertig vijftig honderd half halve kwartier beide
  one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
  twenty thirty forty fifty hundred half quarter both once twice
`);

/** Units that turn "een"/"a" into a number: "een kwartier", "a page". */
const COUNTABLE_UNITS = wordSet(`
  minuut kwartier uur halfuur seconde bladzijde pagina boek zin hoofdstuk opdracht som rijtje tafel
  minute hour second page book sentence chapter task sum list table
`);

const FREQUENCY_WORDS = wordSet(`
  elke elk iedere ieder per dagelijks wekelijks maandelijks telkens
  every each daily weekly nightly monthly
`);

/** "keer", "times" count only after a number: "3 keer", "twice", but not "de keertafels". */
const REPETITION_WORDS = wordSet(`keer maal times`);

const CRITERION_WORDS = wordSet(`
  zonder foutloos foutloze minstens maximaal hooguit hoogstens alle allemaal helemaal procent direct
  feilloos automatisch
  without all independently correctly accurately whole entire least most within percent
  %
`);

const CRITERION_PHRASES: Pattern[] = patterns([
  "eerst zelf",
  "uit mijn|zijn|haar|het|je hoofd",
  "uit zichzelf",
  "op tijd",
  "in één keer",
  "in 1 keer",
  "* van de|het *",
  "on my|his|her|their|your own",
  "by myself|himself|herself|themselves|yourself",
  "by heart",
  "at sight",
  "on time",
  "out of",
  "in one go",
]);

/** "zelfstandig" is a criterion, but "tijdens zelfstandig werken" is a moment. */
const MOMENT_BEFORE_ZELFSTANDIG = wordSet(`tijdens bij na voor het`);

function isNumberish(word: string): boolean {
  return /\d/u.test(word) || NUMBER_WORDS.has(word);
}

/** Words after which a number names content, not an amount: "tafel van 6", "groep 5", "week 48". */
const CONTENT_NUMBER_HEADS = wordSet(`groep week hoofdstuk blok level avi niveau les group chapter year jaar unit stage`);

/**
 * Indexes of numbers that name content rather than an amount: "de tafels van 3 en 4",
 * "the 7 times table", "groep 5".
 */
function contentNumberIndexes(words: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    if (!isNumberish(words[i] ?? "")) continue;
    let j = i - 1;
    // Walk back over a list of numbers: "3 en 4", "1 tot en met 5", "6, 7 and 8".
    while (j >= 0 && (isNumberish(words[j] ?? "") || /^(en|and|tot|met|t\/m|to|of|or)$/u.test(words[j] ?? ""))) j--;
    const head = words[j] ?? "";
    const beforeHead = words[j - 1] ?? "";
    if (CONTENT_NUMBER_HEADS.has(head)) out.add(i);
    else if (head === "van" && /^(tafel|tafels|tafeltje|tafeltjes|keersommen)$/u.test(beforeHead)) out.add(i);
    else if (/^(times|keer)$/u.test(words[i + 1] ?? "") && /^(table|tables|tafel|tafels)$/u.test(words[i + 2] ?? "")) out.add(i);
  }
  return out;
}

export interface MeasureHit {
  index: number;
  kind: "number" | "frequency" | "criterion";
}

/** The first number, frequency, duration or success criterion in the words, or null. */
export function findMeasure(words: readonly string[]): MeasureHit | null {
  const content = contentNumberIndexes(words);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? "";
    const prev = words[i - 1] ?? "";
    if (content.has(i)) continue;
    if (isNumberish(w) && !/^(one|één)$/u.test(w)) return { index: i, kind: "number" };
    if ((w === "one" || w === "één") && COUNTABLE_UNITS.has(words[i + 1] ?? "")) return { index: i, kind: "number" };
    if (/^(een|a|an)$/u.test(w) && COUNTABLE_UNITS.has(words[i + 1] ?? "")) return { index: i, kind: "number" };
    if (FREQUENCY_WORDS.has(w)) return { index: i, kind: "frequency" };
    const next = words[i + 1] ?? "";
    if (REPETITION_WORDS.has(w) && (isNumberish(prev) || prev === "een" || prev === "a") && !/^(table|tables|tafel|tafels)$/u.test(next)) {
      return { index: i, kind: "frequency" };
    }
    if (CRITERION_WORDS.has(w)) {
      // "within" needs a number after it ("within 10 minutes"), which the loop finds anyway.
      if (w === "within" || w === "least" || w === "most") continue;
      return { index: i, kind: "criterion" };
    }
    if (w === "zelfstandig" && !MOMENT_BEFORE_ZELFSTANDIG.has(prev)) return { index: i, kind: "criterion" };
    if (/^(af|afmaken|afmaak|afmaakt|afgemaakt|afhebben|afheeft|finish|finishes|complete|completes)$/u.test(w)) {
      return { index: i, kind: "criterion" };
    }
  }
  const phrase = findAll(words, CRITERION_PHRASES).find((hit) => {
    // "* van de *" only as a proportion: "3 van de 4".
    const first = words[hit.start] ?? "";
    const second = words[hit.start + 1] ?? "";
    return second !== "van" || isNumberish(first);
  });
  return phrase ? { index: phrase.start, kind: "criterion" } : null;
}

export function hasMeasure(words: readonly string[]): boolean {
  return findMeasure(words) !== null;
}

// ---------------------------------------------------------------------------------------------
// Effort words, vague comparisons and the behaviour specifications that make them concrete.

/** Effort and good intentions that on their own name no visible action. */
export const EFFORT_PATTERNS: Pattern[] = patterns([
  "best doen",
  "best",
  "moeite doen",
  "moeite",
  "opletten",
  "op letten",
  "oplet",
  "let op",
  "letten op",
  "let * op",
  "aandacht",
  "concentreren",
  "concentreer",
  "concentreert",
  "focussen",
  "proberen",
  "probeer",
  "probeert",
  "gedragen",
  "gedraag",
  "gedraagt",
  "rustig",
  "lief",
  "aardig",
  "braaf",
  "beleefd",
  "vriendelijk",
  "gemotiveerd",
  "geconcentreerd",
  "positief",
  "serieus",
  "werken aan",
  "werk aan",
  "werkt aan",
  "aan * werken|werk|werkt",
  "aan * * werken|werk|werkt",
  "aan * * * werken",
  "kijken hoe het gaat",
  "kijken of het lukt",
  "zien hoe het gaat",
  "aan de regels houden",
  "aan de afspraken houden",
  "houden aan de regels",
  "do my|your|his|her|our|their best",
  "best",
  "try",
  "tries",
  "trying",
  "pay attention",
  "pays attention",
  "attention",
  "make an effort",
  "effort",
  "concentrate",
  "focus",
  "focus on",
  "behave",
  "behaves",
  "nice",
  "kind",
  "calm",
  "polite",
  "sensible",
  "focused",
  "motivated",
  "positive",
  "work on",
  "works on",
  "see how it goes",
  "see how it is going",
  "follow the rules",
  "stick to the rules",
  "improve",
  "verbeteren",
  "verbeter",
  "verbetert",
]);

/** Comparisons that need a number or criterion before anyone can tell they happened. */
export const COMPARATIVES = wordSet(`
  beter meer vaker harder sneller netter netjes mooier minder rustiger aardiger liever vlotter
  zelfstandiger actiever goed leuker fijner vrolijker socialer beleefder zorgvuldiger nauwkeuriger
  duidelijker preciezer stiller slimmer handiger serieuzer geconcentreerder positiever vriendelijker
  behulpzamer eerlijker langer korter hoger
  better more harder faster quicker neater nicer kinder calmer quieter less fewer well good
  properly nicely tidier happier friendlier louder clearer longer carefully
`);

const NEGATORS = wordSet(`niet geen nooit no not never any`);

/** Indexes of comparative words, leaving out "niet meer" / "no more" (= no longer). */
export function comparativeIndexes(words: readonly string[]): number[] {
  const out: number[] = [];
  words.forEach((w, i) => {
    if (!COMPARATIVES.has(w)) return;
    if ((w === "meer" || w === "more") && NEGATORS.has(words[i - 1] ?? "")) return;
    // "more often" is one comparison.
    out.push(i);
  });
  return out;
}

/**
 * A behaviour specification turns an intention into something visible: "beter opletten door
 * naar het bord te kijken", "pay attention by looking at the board", "… in plaats van te roepen".
 */
export function hasBehaviourSpecification(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === "door") {
      const rest = words.slice(i + 1, i + 8);
      if (rest.includes("te")) return true;
    }
    if (w === "by" && /ing$/u.test(words[i + 1] ?? "")) return true;
  }
  return findAll(words, patterns(["in plaats van", "instead of"])).length > 0;
}

/** Observable states that count as a behaviour: being silent, staying in one's seat. */
export const BEHAVIOUR_STATES: Pattern[] = patterns([
  "stil",
  "stilzitten",
  "op mijn|zijn|haar|je|de eigen plek",
  "quiet",
  "silent",
  "in my|his|her|their|your seat",
]);

/** Actions phrased with a light verb and a noun: "een gesprek voeren", "have a chat". */
export const ACTION_PHRASES: Pattern[] = patterns([
  "gesprek",
  "gesprekje",
  "af",
  "have a chat|talk|conversation|meeting",
  "has a chat|talk|conversation|meeting",
  "hand in",
  "hand up",
]);

// ---------------------------------------------------------------------------------------------
// Who.

/** Ignored when deciding whether "who" names someone. */
export const WHO_FILLERS = wordSet(`
  de het een en of met van mijn jouw zijn haar hele heel en/of + & samen in uit op
  the a an and or with of my your his her whole in from on at
`);

/** Nobody in particular. */
export const VAGUE_WHO = wordSet(`
  we wij ons onze iedereen iemand allemaal allen alle allebei beiden men niemand klas groep
  leerlingen kinderen mensen team school thuis ze zij
  us our everyone everybody someone somebody anyone anybody all both together they them people
  class group pupils children kids nobody home
`);

// ---------------------------------------------------------------------------------------------
// When.

const DAY_PREFIXES = [
  "maandag",
  "dinsdag",
  "woensdag",
  "donderdag",
  "vrijdag",
  "zaterdag",
  "zondag",
  "weekend",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
];
const DAY_ABBREVIATIONS = wordSet(`ma di wo vr za zo mon tue tues wed thu thur thurs fri sat sun`);

const MONTHS = wordSet(`
  januari februari maart april mei juni juli augustus september oktober november december
  jan feb mrt apr jun jul aug sep sept okt nov dec
  january february march june july august october
`);

const RELATIVE_DAYS = wordSet(`
  vandaag morgen overmorgen vanavond vanmiddag vanochtend vanmorgen vannacht
  today tomorrow tonight
`);

/** School and home moments: "na de pauze", "in de kring", "after lunch", "at break". */
const MOMENTS = wordSet(`
  instructie groepsinstructie uitleg pauze kring kringgesprek dagopening dagafsluiting weekopening weeksluiting
  gym gymles les lessen rekenles taalles leesles spellingles schooltijd buitenspelen speelkwartier lunch
  fruitpauze bel vakantie toets toetsen cito rapport oudergesprek kindgesprek evaluatie eten avondeten ontbijt
  binnenkomst inloop bedtijd slapen opstaan weektaak dictee kerst sinterklaas pasen carnaval zelfstandig
  schooldag schooldagen ochtendkring middagpauze
  instruction break breaktime playtime lunchtime lunch assembly registration carpet circle lesson lessons
  holiday holidays half-term christmas easter test tests report dinner breakfast bedtime bed homework
  morning afternoon evening night
`);
const MOMENT_SUFFIXES = ["vakantie", "les", "pauze", "toets", "gesprek", "kring", "tijd", "dag", "ochtend", "middag", "avond", "time", "lesson", "test"];

/** Hour words that are also articles or pronouns: they count only before "uur" / "o'clock". */
const HOURS = wordSet(`een één one`);

const TIME_UNITS = wordSet(`
  dag dagen week weken maand maanden ochtend ochtends middag middags avond avonds nacht periode jaar schooljaar
  uur blok
  day days week weeks month months morning mornings afternoon afternoons evening evenings night nights term
  year hour
`);

/** Time words that name no moment. */
export const VAGUE_WHEN: Pattern[] = patterns([
  "binnenkort",
  "later",
  "straks",
  "soms",
  "ooit",
  "af en toe",
  "regelmatig",
  "vaak",
  "vaker",
  "zo snel mogelijk",
  "zsm",
  "zo vaak mogelijk",
  "wanneer mogelijk",
  "indien mogelijk",
  "de komende tijd",
  "een keer",
  "een paar",
  "paar",
  "vanaf nu",
  "voortaan",
  "altijd",
  "nooit",
  "meestal",
  "wel eens",
  "een tijdje",
  "tijdje",
  "nu",
  "dan",
  "soon",
  "sometimes",
  "someday",
  "some day",
  "one day",
  "at some point",
  "eventually",
  "often",
  "regularly",
  "now and then",
  "from time to time",
  "asap",
  "as soon as possible",
  "from now on",
  "always",
  "never",
  "in the future",
  "in a while",
  "a while",
  "a few",
  "some time",
  "sometime",
  "then",
  "now",
]);

/** Conditions that leave the moment open: "als het lukt", "when possible", "if I have time". */
const VAGUE_TRIGGER_WORDS = wordSet(`
  lukt lukken kan kunnen nodig uitkomt past mogelijk tijd zin wil wilt denk herinner
  possible needed necessary can could time feel like want manage works remember think
`);

const TRIGGERS = wordSet(`als wanneer zodra zo_gauw when whenever if once`);
const ANCHORS = wordSet(`tijdens na voor vóór voordat nadat bij tot uiterlijk during after before until till by`);

function isDayWord(w: string): boolean {
  return DAY_ABBREVIATIONS.has(w) || DAY_PREFIXES.some((d) => w.startsWith(d));
}

function isMomentWord(w: string, previous: string): boolean {
  if (w === "school") return /^(na|voor|vóór|after|before)$/u.test(previous);
  // Plurals: "in de pauzes", "tijdens de rekenlessen", "at breaktimes".
  const singulars = [w, w.replace(/s$/u, ""), w.replace(/en$/u, ""), w.replace(/sen$/u, "s")];
  return singulars.some((s) => MOMENTS.has(s) || MOMENT_SUFFIXES.some((suffix) => s.length > suffix.length + 2 && s.endsWith(suffix)));
}

/** Clock words: "om half acht", "at eight o'clock", "kwart over drie". */
const CLOCK_CUES = wordSet(`om half kwart over uur at past to o'clock`);

export type WhenVerdict = "concrete" | "vague";

/**
 * Whether a "when" names a date, day, frequency or a recognisable moment. Strong signals (a date,
 * a day, "elke", a school moment) win over vague words: "elke dag, als het lukt" is concrete.
 */
export function judgeWhen(words: readonly string[]): WhenVerdict {
  const vagueHits = findAll(words, VAGUE_WHEN);
  const vagueAt = new Set<number>();
  for (const hit of vagueHits) for (let i = hit.start; i < hit.end; i++) vagueAt.add(i);

  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? "";
    const prev = words[i - 1] ?? "";
    if (/\d/u.test(w)) return "concrete";
    if (isDayWord(w) || MONTHS.has(w) || RELATIVE_DAYS.has(w)) return "concrete";
    if (FREQUENCY_WORDS.has(w)) return "concrete";
    // "om half acht", "over twee weken", "at eight o'clock": a number with a clock or time word.
    if (HOURS.has(w) && /^(uur|o'clock)$/u.test(words[i + 1] ?? "")) return "concrete";
    if (NUMBER_WORDS.has(w) && !HOURS.has(w)) {
      const around = [words[i - 2], words[i - 1], words[i + 1]].filter((x): x is string => x !== undefined);
      if (around.some((x) => CLOCK_CUES.has(x) || TIME_UNITS.has(x))) return "concrete";
    }
    if (!vagueAt.has(i) && isMomentWord(w, prev)) return "concrete";
  }
  // "tijdens het lezen", "bij binnenkomst", "before bed": an anchor followed by a content word.
  for (let i = 0; i < words.length; i++) {
    if (!ANCHORS.has(words[i] ?? "")) continue;
    for (let j = i + 1; j < Math.min(words.length, i + 5); j++) {
      const w = words[j] ?? "";
      if (vagueAt.has(j)) break;
      if (WHO_FILLERS.has(w) || /^(het|de|the|a|an|'s)$/u.test(w)) continue;
      if (w === "thuis" || w === "home" || w === "klas" || w === "class") break;
      return "concrete";
    }
  }
  // "als ik klaar ben", "when I get stuck": a trigger clause, unless it is "als het lukt".
  for (let i = 0; i < words.length; i++) {
    if (!TRIGGERS.has(words[i] ?? "")) continue;
    const clause = words.slice(i + 1, i + 7);
    if (clause.length >= 2 && !clause.some((w) => VAGUE_TRIGGER_WORDS.has(w))) return "concrete";
  }
  if (vagueHits.length > 0) return "vague";
  if (words.some((w, i) => TIME_UNITS.has(w) && !vagueAt.has(i))) return "concrete";
  return "vague";
}

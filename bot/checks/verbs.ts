/**
 * A small verb lexicon for school agreements and pupil goals, with the inflected forms a teacher
 * writes ("ik lees", "Sam leest", "lezen"; "reads", "reading"). Verbs come in three groups:
 * - action verbs: something you can see a pupil or adult do ("leest", "schrijft", "vraagt", "raises");
 * - light verbs: grammatical helpers that carry no action by themselves ("gaan", "hebben", "doen", "work");
 * - inner verbs: effort or states of mind nobody can watch ("opletten", "begrijpen", "try", "understand").
 */
import type { CheckLanguage } from "./types.js";
import { wordSet } from "./text.js";

export type VerbKind = "action" | "light" | "inner";

/** Light verbs that link a state, not an action: "boos worden", "rustig blijven", "be kind". */
export const COPULAR_LEMMAS: ReadonlySet<string> = new Set(["zijn", "worden", "blijven", "be", "become", "get", "stay", "feel", "seem"]);

export interface VerbForm {
  kind: VerbKind;
  lang: CheckLanguage;
  /** The infinitive / base form this form belongs to. */
  lemma: string;
  /** True for a bare stem or infinitive that is also commonly a noun ("werk", "lezen", "plan"). */
  nounLike: boolean;
  /** True for finite third-person forms ("leest", "reads"). */
  thirdPerson: boolean;
}

// Dutch infinitives. "op|steken" marks a separable prefix (forms of "steken" are added too);
// "inf:stem" overrides the generated stem where the spelling rules below would go wrong.
const NL_ACTION = `
  lezen voor|lezen schrijven op|schrijven over|schrijven maken af|maken oefenen vragen stellen op|steken
  in|leveren kijken na|kijken be|kijken pakken zetten klaar|zetten op|zetten neer|zetten weg|zetten
  leggen neer|leggen uit|leggen weg|leggen tellen af|tellen rekenen uit|rekenen in|plannen plannen lopen
  rennen helpen vertellen zeggen op|zeggen noemen benoemen tonen laten|zien gebruiken zitten stil|zitten
  staan wachten praten fluisteren spelen op|ruimen herhalen controleren:controleer checken af|vinken
  af|tekenen tekenen kleuren knippen plakken bouwen meten fietsen eten drinken brengen mee|nemen
  af|nemen halen op|halen geven sturen mailen bellen bespreken:bespreek door|lopen door|nemen evalueren:evalueer
  in|vullen bij|houden kiezen uit|kiezen zoeken op|zoeken typen spellen flitsen samen|vatten
  markeren:markeer onderstrepen oplossen:oplos beginnen starten stoppen afronden:afrond voor|bereiden
  presenteren:presenteer trainen groeten delen samen|werken overleggen:overleg lenen adem|halen sluiten
  openen:open wijzen in|pakken uit|pakken op|bergen op|hangen leren opzetten om|draaien
  terug|kijken terug|leggen aan|wijzen uit|leggen in|spreken bij|werken na|vragen aan|geven
  inschrijven sorteren:sorteer verzamelen:verzamel kopiëren:kopieer hardop|lezen aan|kruisen kruisen
  slaan duwen schoppen schreeuwen roepen lachen roepen huilen stampen verplaatsen:verplaats
  vinken tikken spreken toe|passen passen stemmen wassen af|wassen poetsen melden aan|melden vergelijken
  voorspellen op|noemen over|schrijven herschrijven reageren:reageer op|staan antwoorden beantwoorden
  in|kleuren volgen op|volgen aan|vullen kopen betalen zwemmen springen klimmen vangen gooien
  op|geven af|spreken samenvatten:samenvat navertellen:navertel na|vertellen beschrijven:beschrijf
  vouwen verven sorteren:sorteer aan|trekken uit|trekken dragen ophalen zingen dansen over|horen
`;
const NL_LIGHT = `doen gaan komen hebben zijn worden krijgen blijven laten werken houden willen kunnen zullen moeten mogen`;
const LIGHT_BASES = wordSet(NL_LIGHT);
const NL_INNER = `
  op|letten letten concentreren:concentreer focussen proberen:probeer gedragen:gedraag verbeteren:verbeter
  ont|wikkelen groeien zorgen denken begrijpen snappen weten kennen beheersen:beheers voelen vinden
  durven merken vervelen:verveel motiveren:motiveer luisteren
`;

const NL_IRREGULAR: Record<string, string[]> = {
  gaan: ["ga", "gaat", "gaan"],
  staan: ["sta", "staat", "staan"],
  doen: ["doe", "doet", "doen"],
  zien: ["zie", "ziet", "zien"],
  slaan: ["sla", "slaat", "slaan"],
  komen: ["kom", "komt", "komen"],
  hebben: ["heb", "hebt", "heeft", "hebben"],
  zijn: ["ben", "bent", "is", "zijn"],
  kunnen: ["kan", "kun", "kunt", "kunnen"],
  willen: ["wil", "wilt", "willen"],
  zullen: ["zal", "zult", "zullen"],
  mogen: ["mag", "mogen"],
  moeten: ["moet", "moeten"],
  houden: ["houd", "hou", "houdt", "houden"],
  weten: ["weet", "weten"],
};

// English base forms; "base:ing" overrides the -ing form where the final consonant doubles.
// Past forms are not generated: agreements and goals are in the present, and generated forms
// collide with Dutch words ("go" + "ed" = "goed").
const EN_ACTION = `
  read write practise practice ask raise put:putting hand finish complete make use sit:sitting stay wait tell
  show say count check plan:planning bring take pack tidy clean help explain play walk look learn spell solve
  calculate copy underline mark fill choose set:setting start stop:stopping begin:beginning review revise study
  train talk share give send email call meet discuss sign colour color draw cut:cutting build measure name
  recite repeat type note turn open close move sort collect return borrow visit hang answer correct tick
  record present prepare shout run:running carry find pick organise organize ring text phone greet breathe
  stand sing swap hit push kick throw cry go:going read-aloud lend test underline highlight list plan
  chat:chatting line queue vote wash compare predict apply react respond reply attend arrive leave
  enter join buy swim jump climb catch post upload print log summarise summarize retell describe label
  match order fold glue paint water feed sweep lay serve rehearse wear fetch deliver thank apologise
  apologize hold point nod raise
`;
const EN_LIGHT = `do get have be go keep let work will can would should must may`;
const EN_INNER = `
  try concentrate focus behave improve listen think understand know feel care develop grow enjoy like want
  dare pay remember manage become struggle need seem lack find wish hope believe worry love hate prefer
`;

const lexicon = new Map<string, VerbForm[]>();

function add(form: string, entry: VerbForm): void {
  const list = lexicon.get(form) ?? [];
  if (!list.some((e) => e.lang === entry.lang && e.lemma === entry.lemma)) list.push(entry);
  lexicon.set(form, list);
}

const NL_UNSTRESSED_PREFIX = /^(be|ge|ver|her|ont|er)(?=[^aeiou]*[aeiou])/u;

/** The Dutch stem ("ik"-form) of a regular infinitive: lezen → lees, zitten → zit, tekenen → teken. */
function dutchStem(inf: string): string {
  let stem = inf.replace(/en$/u, "");
  if (/([bdfgklmnprst])\1$/u.test(stem)) stem = stem.slice(0, -1);
  else {
    // An open syllable before -en is long: double a single a/e/o/u in a one-syllable root.
    const prefix = NL_UNSTRESSED_PREFIX.exec(stem)?.[0] ?? "";
    const root = stem.slice(prefix.length);
    const vowelGroups = root.match(/[aeiouy]+/gu) ?? [];
    const m = /^(.*[^aeiou])([aeou])([^aeiouy])$/u.exec(root);
    if (m && vowelGroups.length === 1) stem = prefix + (m[1] ?? "") + (m[2] ?? "") + (m[2] ?? "") + (m[3] ?? "");
  }
  return stem.replace(/v$/u, "f").replace(/z$/u, "s");
}

function addDutch(list: string, kind: VerbKind): void {
  for (const entry of list.split(/\s+/).filter((e) => e.length > 0)) {
    const [spec, stemOverride] = entry.split(":");
    const parts = (spec ?? "").split("|");
    const base = parts[parts.length - 1] ?? "";
    const full = parts.join("");
    const irregular = NL_IRREGULAR[base];
    const stem = stemOverride ?? dutchStem(base);
    const forms = irregular ?? [stem, stem.endsWith("t") ? stem : stem + "t", base];
    // "laten|zien", "samen|werken": the forms of an irregular or light base ("zie", "werkt") stay
    // out of the action list; only the joined forms ("samenwerken") are added.
    const addBase = parts.length === 1 || (irregular === undefined && !LIGHT_BASES.has(base));
    for (const form of addBase ? forms : []) {
      const isInfinitive = form === base;
      add(form, {
        kind,
        lang: "nl",
        lemma: full,
        nounLike: isInfinitive || form === stem,
        thirdPerson: !isInfinitive && form !== stem,
      });
    }
    if (parts.length > 1) {
      // The joined infinitive ("opsteken") and the joined stem forms ("afvinkt" in a subordinate clause).
      const prefix = parts.slice(0, -1).join("");
      add(full, { kind, lang: "nl", lemma: full, nounLike: true, thirdPerson: false });
      for (const form of forms) {
        if (form !== base) add(prefix + form, { kind, lang: "nl", lemma: full, nounLike: false, thirdPerson: true });
      }
      add(prefix + "te" + base, { kind, lang: "nl", lemma: full, nounLike: false, thirdPerson: false });
    }
  }
}

function englishThird(base: string): string {
  if (/(s|sh|ch|x|z|o)$/u.test(base)) return base + "es";
  if (/[^aeiou]y$/u.test(base)) return base.slice(0, -1) + "ies";
  return base + "s";
}

function englishIng(base: string): string {
  if (/ie$/u.test(base)) return base.slice(0, -2) + "ying";
  if (/[^e]e$/u.test(base)) return base.slice(0, -1) + "ing";
  return base + "ing";
}

function addEnglish(list: string, kind: VerbKind): void {
  for (const entry of list.split(/\s+/).filter((e) => e.length > 0)) {
    const [base = "", ingOverride] = entry.split(":");
    add(base, { kind, lang: "en", lemma: base, nounLike: true, thirdPerson: false });
    add(englishThird(base), { kind, lang: "en", lemma: base, nounLike: false, thirdPerson: true });
    add(ingOverride ?? englishIng(base), { kind, lang: "en", lemma: base, nounLike: true, thirdPerson: false });
  }
}

// Order matters only for display; a form may belong to several verbs.
addDutch(NL_ACTION, "action");
addDutch(NL_LIGHT, "light");
addDutch(NL_INNER, "inner");
addEnglish(EN_ACTION, "action");
addEnglish(EN_LIGHT, "light");
addEnglish(EN_INNER, "inner");
// Irregular English forms.
for (const [form, lemma, kind] of [
  ["is", "be", "light"],
  ["am", "be", "light"],
  ["are", "be", "light"],
  ["has", "have", "light"],
  ["does", "do", "light"],
  ["goes", "go", "light"],
  ["can't", "can", "light"],
  ["cannot", "can", "light"],
  ["wrote", "write", "action"],
  ["written", "write", "action"],
  ["told", "tell", "action"],
  ["brought", "bring", "action"],
  ["took", "take", "action"],
  ["knows", "know", "inner"],
] as const) {
  add(form, { kind, lang: "en", lemma, nounLike: false, thirdPerson: form !== "cannot" && form !== "can't" });
}

// Dutch separable prefixes: "terugbrengen", "wegleggen", "klaarleggen" are read as their base verb.
const NL_PREFIXES = [
  "terug",
  "samen",
  "klaar",
  "neer",
  "weg",
  "mee",
  "door",
  "over",
  "voor",
  "aan",
  "bij",
  "uit",
  "op",
  "af",
  "in",
  "na",
  "om",
  "toe",
  "vast",
  "los",
  "rond",
  "hardop",
];

function dutchCompound(word: string): VerbForm[] {
  for (const prefix of NL_PREFIXES) {
    if (!word.startsWith(prefix) || word.length < prefix.length + 4) continue;
    let rest = word.slice(prefix.length);
    if (rest.startsWith("te") && (lexicon.get(rest.slice(2)) ?? []).some((f) => f.lang === "nl")) rest = rest.slice(2);
    const forms = (lexicon.get(rest) ?? []).filter((f) => f.lang === "nl" && f.kind !== "light");
    if (forms.length > 0) return forms.map((f) => ({ ...f, lemma: prefix + f.lemma, nounLike: f.nounLike }));
  }
  return [];
}

/** Verb readings of a word in the given languages (both when lang is undefined). */
export function verbForms(word: string, lang?: CheckLanguage): VerbForm[] {
  let all = lexicon.get(word) ?? [];
  if (all.length === 0 && lang !== "en") all = dutchCompound(word);
  return lang ? all.filter((f) => f.lang === lang) : all;
}

// Words after which a Dutch infinitive or stem, or an English base or -ing form, is a noun:
// "het lezen", "in rekenen", "mijn werk", "at reading", "his work".
const NOUN_CONTEXT = wordSet(`
  de het een mijn jouw je zijn haar ons onze hun jullie dit dat deze die elk elke ieder iedere geen
  in met bij voor van aan op over tijdens na zonder om tot naar
  the a an my your his her our their this that these those each every no
  at in with of for about during after before without from into
`);

const GERUND_CONTEXT = wordSet(`is are am was were keeps keep start starts stop stops by of without before after`);

// "te" or an English modal/"to" marks the next word as a verb even when it could be a noun.
const VERB_CONTEXT = wordSet(`te to will can can't cannot could should must would i you we they 'll`);

/**
 * The verb reading of words[i] in context, or null. Nouns that share a form with a verb
 * ("het lezen", "zijn werk", "at reading", "his work") are not verbs.
 */
export function verbAt(words: readonly string[], i: number, lang?: CheckLanguage): VerbForm | null {
  const word = words[i];
  if (word === undefined) return null;
  const forms = verbForms(word, lang);
  // Prefer a reading that cannot be a noun; among equals the lexicon order (action, light, inner).
  const best = [...forms].sort((a, b) => Number(a.nounLike) - Number(b.nounLike))[0];
  if (!best) return null;
  if (!best.nounLike) return best;
  const previous = words[i - 1] ?? "";
  if (VERB_CONTEXT.has(previous)) return best;
  if (best.lang === "en" && /ing$/u.test(word)) {
    // A gerund is a verb after an auxiliary ("is reading"), at the start, or heading a clause
    // ("by looking", "instead of shouting"); otherwise it is a noun ("my reading").
    return i === 0 || GERUND_CONTEXT.has(previous) ? best : null;
  }
  return NOUN_CONTEXT.has(previous) ? null : best;
}

// Words that start an English phrase without being a verb: determiners, pronouns, prepositions …
const EN_NOT_VERB = wordSet(`
  the a an my your his her our their this that these those i you he she we they it me him us them
  every each all some any no not never always often more less very really quite just also only
  in on at by for with from to of about after before during until into over under up down out
  and or but then first next now today tomorrow please
`);

/**
 * An unknown English word in a verb slot: the first word of an agreement ("vote on a reward"), or the
 * first word of a goal or the word after the pupil's name ("Liam lines up"), where a verb is expected.
 */
export function guessEnglishVerb(word: string, thirdPersonOnly: boolean): boolean {
  if (!/^[a-z]{3,}$/u.test(word) || EN_NOT_VERB.has(word) || lexicon.has(word)) return false;
  if (/(ly|ness|ment|tion|sion|ity|ful|ous|ive|able|ible)$/u.test(word)) return false;
  return thirdPersonOnly ? /[^s]s$/u.test(word) : true;
}

/**
 * An unknown Dutch word in the infinitive slot at the end of an agreement: "… terugbrengen",
 * "… afvegen". Not after a number or determiner ("10 minuten", "mijn boeken").
 */
export function guessDutchInfinitive(words: readonly string[], i: number): boolean {
  const word = words[i] ?? "";
  if (!/^[a-zë]{4,}en$/u.test(word) || lexicon.has(word)) return false;
  const previous = words[i - 1] ?? "";
  if (/\d/u.test(previous) || NOUN_CONTEXT.has(previous)) return false;
  return !/(ingen|heden|ties|ssen|tjes|pjes|kjes|ten)$/u.test(word) || previous === "te";
}

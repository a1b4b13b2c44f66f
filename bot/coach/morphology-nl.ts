/**
 * Just enough Dutch verb morphology to rebuild questions: infinitives from stems and
 * participles, the form after "je" in a subordinate clause, and "te"-infinitives of
 * separable verbs ("afmaken" → "af te maken"). Unknown words return null rather than a guess
 * where a wrong guess would produce nonsense.
 */
import { wordSet } from "./word-sets.js";

const STEM_TO_INFINITIVE: Record<string, string> = {
  doe: "doen",
  ga: "gaan",
  sta: "staan",
  zie: "zien",
  sla: "slaan",
  heb: "hebben",
  ben: "zijn",
  is: "zijn",
  kun: "kunnen",
  kan: "kunnen",
  wil: "willen",
  zal: "zullen",
  zul: "zullen",
  mag: "mogen",
  moet: "moeten",
  weet: "weten",
  kom: "komen",
  neem: "nemen",
  geef: "geven",
  lees: "lezen",
  schrijf: "schrijven",
  blijf: "blijven",
  vraag: "vragen",
  maak: "maken",
  speel: "spelen",
  leer: "leren",
  hoor: "horen",
  loop: "lopen",
  kies: "kiezen",
  eet: "eten",
  vergeet: "vergeten",
  praat: "praten",
  laat: "laten",
  zit: "zitten",
  let: "letten",
  stop: "stoppen",
  zeg: "zeggen",
  leg: "leggen",
  lig: "liggen",
  hou: "houden",
  houd: "houden",
  durf: "durven",
  vertel: "vertellen",
  probeer: "proberen",
  luister: "luisteren",
  oefen: "oefenen",
  reken: "rekenen",
  teken: "tekenen",
  snap: "snappen",
  begrijp: "begrijpen",
  herhaal: "herhalen",
  klets: "kletsen",
  word: "worden",
  vind: "vinden",
  krijg: "krijgen",
  help: "helpen",
  werk: "werken",
  denk: "denken",
  voel: "voelen",
  kijk: "kijken",
  ruim: "ruimen",
  zoek: "zoeken",
  pak: "pakken",
  zet: "zetten",
  bel: "bellen",
  wacht: "wachten",
};

const PARTICIPLE_TO_INFINITIVE: Record<string, string> = {
  gedaan: "doen",
  gegaan: "gaan",
  gezien: "zien",
  gehad: "hebben",
  geweest: "zijn",
  gekomen: "komen",
  gegeven: "geven",
  gelezen: "lezen",
  geschreven: "schrijven",
  gebleven: "blijven",
  geholpen: "helpen",
  gedacht: "denken",
  gevonden: "vinden",
  begonnen: "beginnen",
  vergeten: "vergeten",
  begrepen: "begrijpen",
  verteld: "vertellen",
  genomen: "nemen",
  gekozen: "kiezen",
  gezegd: "zeggen",
  gebracht: "brengen",
  gekeken: "kijken",
  geslapen: "slapen",
  gegeten: "eten",
  gezeten: "zitten",
  gelopen: "lopen",
  gesproken: "spreken",
  gedronken: "drinken",
  gekregen: "krijgen",
  gestaan: "staan",
  geweten: "weten",
  gebeurd: "gebeuren",
  geleerd: "leren",
  gespeeld: "spelen",
  gemaakt: "maken",
  gevraagd: "vragen",
  gehaald: "halen",
  bereikt: "bereiken",
  geprobeerd: "proberen",
  geoefend: "oefenen",
  geluisterd: "luisteren",
  gewerkt: "werken",
  opgelet: "opletten",
  gelet: "letten",
  gestopt: "stoppen",
};

/** Separable particles whose verbs are split for a te-infinitive. */
const SAFE_PARTICLES = ["terug", "samen", "binnen", "buiten", "door", "mee", "weg", "af", "op", "uit", "aan"];
const CAREFUL_PARTICLES = ["over", "voor", "toe", "bij", "in", "na", "om"];

const KNOWN_INFINITIVES = new Set<string>([
  ...Object.values(STEM_TO_INFINITIVE),
  ...Object.values(PARTICIPLE_TO_INFINITIVE),
  "lezen",
  "spelen",
  "werken",
  "maken",
  "ruimen",
  "schrijven",
  "steken",
  "spreken",
  "zeggen",
  "kiezen",
]);

/** Words ending in -en that are not verbs. */
const NOT_INFINITIVES = wordSet(
  "een geen tien heen alleen binnen buiten open boven tegen morgen samen even zeven negen dingen " +
    "sommen boeken woorden vrienden ouders kinderen tafels regen keuken mensen meester",
);

const PAST_FORMS = wordSet(
  "was waren had hadden deed deden ging gingen zat zaten kon konden wou wilde wilden moest moesten mocht " +
    "vond vonden kwam kwamen zag zagen wist wisten liep las gaf nam zei bleef kreeg hielp vroeg dacht koos " +
    "vergat sliep stond keek at sprak schreef dronk lukte voelde leerde speelde werkte",
);

export function isPastNl(verb: string): boolean {
  return PAST_FORMS.has(verb) || (verb.length >= 6 && /(?:de|te)$/u.test(verb));
}

function regularInfinitive(stem: string): string | null {
  if (!/^\p{L}{2,}$/u.test(stem)) return null;
  const longVowel = stem.match(/^(.*?)(aa|ee|oo|uu)([^aeiou])$/u);
  if (longVowel) {
    const [, before = "", vowel = "", consonant = ""] = longVowel;
    const c = consonant === "f" ? "v" : consonant === "s" ? "z" : consonant;
    return before + vowel.charAt(0) + c + "en";
  }
  const syllables = stem.match(/[aeiouy]+/gu)?.length ?? 0;
  const shortVowel = /[^aeiou][aeiou]([bdfgklmnprstz])$/u.exec(stem);
  if (syllables === 1 && shortVowel && shortVowel[1]) return stem + shortVowel[1] + "en";
  return stem + "en";
}

/** "luister" → "luisteren", "maak" → "maken", "doe" → "doen". */
export function infinitiveFromStem(stem: string): string | null {
  const known = STEM_TO_INFINITIVE[stem];
  if (known) return known;
  if (stem.endsWith("t") && STEM_TO_INFINITIVE[stem.slice(0, -1)]) return STEM_TO_INFINITIVE[stem.slice(0, -1)] ?? null;
  return regularInfinitive(stem);
}

export function isParticipleNl(word: string): boolean {
  if (PARTICIPLE_TO_INFINITIVE[word]) return true;
  if (/^(?:af|op|mee|door|uit|aan|in|na|toe|terug|weg|over|bij|voor|samen)?ge\p{L}{2,}(?:t|d|en)$/u.test(word)) {
    return !wordSet("gewoon geen gesprek gedicht gezin genoeg gebied geheim geluk geld getal gemiddeld").has(word);
  }
  return /^(?:be|ver|her|ont)\p{L}{2,}(?:t|d)$/u.test(word);
}

/** "gemaakt" → "maken", "afgemaakt" → "afmaken", "gelezen" → "lezen"; null when unsure. */
export function infinitiveFromParticiple(participle: string): string | null {
  const known = PARTICIPLE_TO_INFINITIVE[participle];
  if (known) return known;
  const m = /^(af|op|mee|door|uit|aan|in|na|toe|terug|weg|over|bij|voor|samen)?ge(\p{L}{2,}?)(t|d|en)$/u.exec(participle);
  if (m) {
    const [, particle = "", core = "", ending = ""] = m;
    if (ending === "en") return particle + core + "en";
    const inf = infinitiveFromStem(core);
    return inf ? particle + inf : null;
  }
  const p = /^(be|ver|her|ont)(\p{L}{2,}?)(t|d)$/u.exec(participle);
  if (p) {
    const inf = infinitiveFromStem((p[1] ?? "") + (p[2] ?? ""));
    return inf;
  }
  return null;
}

export function looksLikeInfinitive(word: string): boolean {
  return KNOWN_INFINITIVES.has(word) || (word.length >= 5 && word.endsWith("en") && !NOT_INFINITIVES.has(word) && !isParticipleNl(word));
}

/** "afmaken" → ["af", "te", "maken"], "werken" → ["te", "werken"]. */
export function teInfinitive(infinitive: string): string[] {
  for (const particle of SAFE_PARTICLES) {
    const rest = infinitive.slice(particle.length);
    if (infinitive.startsWith(particle) && rest.length >= 4 && rest.endsWith("en")) return [particle, "te", rest];
  }
  for (const particle of CAREFUL_PARTICLES) {
    const rest = infinitive.slice(particle.length);
    if (infinitive.startsWith(particle) && KNOWN_INFINITIVES.has(rest)) return [particle, "te", rest];
  }
  return ["te", infinitive];
}

const SECOND_PERSON: Record<string, string> = {
  ben: "bent",
  heb: "hebt",
  kun: "kunt",
  kan: "kunt",
  wil: "wilt",
  zal: "zult",
  zul: "zult",
  mag: "mag",
  ga: "gaat",
  doe: "doet",
  sta: "staat",
  zie: "ziet",
};

/** The verb form after "je" when the verb moves to the end: "ben" → "bent", "zit" → "zit". */
export function secondPersonFinal(verb: string): string {
  const known = SECOND_PERSON[verb];
  if (known) return known;
  if (isPastNl(verb) || verb.endsWith("t")) return verb;
  return verb + "t";
}

const INVERTED: Record<string, string> = {
  vindt: "vind",
  hebt: "heb",
  bent: "ben",
  kunt: "kun",
  wilt: "wil",
  zult: "zul",
  gaat: "ga",
  doet: "doe",
  staat: "sta",
  ziet: "zie",
};
const STEM_ENDS_IN_T = wordSet("zit weet moet eet laat let zet praat wacht haat groet vergeet schiet bijt vecht rust haast");

/** Verb form when "je" follows it: "vindt" → "vind", "snapt" → "snap", "zit" → "zit". */
export function invertedForJe(verb: string): string {
  const known = INVERTED[verb];
  if (known) return known;
  if (verb.endsWith("t") && !STEM_ENDS_IN_T.has(verb) && !isPastNl(verb)) return verb.slice(0, -1);
  return verb;
}

/** Third person singular present: "zitten" → "zit", "helpen" → "helpt". */
export function thirdPerson(infinitive: string): string | null {
  const known: Record<string, string> = { zijn: "is", hebben: "heeft", gaan: "gaat", doen: "doet", komen: "komt", kunnen: "kan", willen: "wil", mogen: "mag" };
  if (known[infinitive]) return known[infinitive] ?? null;
  const stem = stemFromInfinitive(infinitive);
  if (!stem) return null;
  return stem.endsWith("t") ? stem : stem + "t";
}

/** "zitten" → "zit", "maken" → "maak", "lezen" → "lees", "vertellen" → "vertel". */
export function stemFromInfinitive(infinitive: string): string | null {
  for (const [stem, inf] of Object.entries(STEM_TO_INFINITIVE)) {
    if (inf === infinitive && stem !== "is" && stem !== "kan" && stem !== "zal" && stem !== "houd") return stem;
  }
  if (!infinitive.endsWith("en") || infinitive.length < 4) return null;
  let stem = infinitive.slice(0, -2);
  if (/([bdfgklmnprstz])\1$/u.test(stem)) return stem.slice(0, -1);
  const open = /^(.*[^aeiou])([aeiou])([^aeiou])$/u.exec(stem);
  const syllables = stem.match(/[aeiouy]+/gu)?.length ?? 0;
  if (open && syllables === 1) {
    const [, before = "", vowel = "", consonant = ""] = open;
    const c = consonant === "v" ? "f" : consonant === "z" ? "s" : consonant;
    stem = before + vowel + vowel + c;
  }
  // A Dutch word never ends in v or z: "opblijven" → "opblijf", "verhuizen" → "verhuis".
  return stem.replace(/v$/u, "f").replace(/z$/u, "s");
}

/**
 * Dutch rules: word lists and the language-specific checks the analyser needs.
 *
 * Design choices (see also README.md):
 * - A question that starts with a finite verb ("Vind je…", "Heb je…", "Lukt het…") is closed.
 * - "Kun je vertellen hoe…", "Wil je uitleggen wat…", "Kun je een voorbeeld geven van…" are treated as
 *   polite OPEN requests: the pupil is asked to tell, not to say yes or no. "Kun je vertellen of…"
 *   (whether) stays closed. Knowledge checks ("Weet je nog…", "Snap je…") stay closed.
 */
import type { LanguageRules, LeadingHit, SentenceContext } from "./language-rules.js";
import { nlReproachHits } from "./reproach.js";
import { nlPresumptionHits } from "./presumption.js";
import { phraseAt, startsWithAny, wordSet } from "./word-sets.js";

export const NL_WH = wordSet(
  "wat wie waar wanneer waarom hoe welke welk hoeveel hoelang hoevaak waarmee waarover waardoor waaraan " +
    "waarop waarvoor waarin waarbij waarnaar waarvan waaruit wiens",
);

export const NL_PREPOSITIONS = wordSet(
  "met bij van voor op in aan naar over door zonder tegen achter naast om uit tot na onder boven tussen " +
    "tijdens vanaf sinds volgens rond richting binnen buiten",
);

const NL_SUBORDINATING_WH = wordSet("wanneer waar hoe");
const NL_SUBORDINATORS = wordSet("als terwijl omdat nadat voordat zodra toen doordat zodat hoewel indien tenzij");

export const NL_SUBJECTS = wordSet("je jij u jullie het er we wij ze zij hij ik 'k dat dit men iemand");

const NL_DECLARATIVE = wordSet("je jij u jullie het dat dit jouw we wij er");

const NL_MARKERS = wordSet("en dus maar nou oké ok okay zeg goed oh o ja nee hé hey hoi dan natuurlijk");

/**
 * Finite verb forms that commonly open a yes/no question. Other verbs are recognised when a
 * subject pronoun follows ("Oefen je…", "Teken je…").
 */
export const NL_FINITE_VERBS = wordSet(
  "vind vindt vond vonden heb hebt heeft had hadden hebben ben bent is was waren zijn " +
    "kun kan kunt kon konden kunnen wil wilt wilde wou willen zou zouden zal zul zult zullen " +
    "ga gaat ging gingen gaan lukt lukte lukken snap snapt snapte begrijp begrijpt begreep " +
    "weet wist weten doe doet deed doen mag mocht mogen moet moest moeten speel speelt speelde spelen " +
    "lees leest las lezen werk werkt werkte werken denk denkt dacht voel voelt voelde " +
    "help helpt hielp helpen klopt klopte hoor hoort zie ziet zag maak maakt maakte kom komt kwam " +
    "hou houd houdt leer leert leerde oefen oefent oefende vraag vraagt vroeg zit zat sta staat stond " +
    "blijf blijft bleef krijg krijgt kreeg durf durft durfde merk merkt merkte gebruik gebruikt " +
    "praat praatte teken tekent schrijf schrijft reken rekent slaap slaapt sliep geef geeft gaf " +
    "neem neemt nam zeg zegt zei loop loopt liep kijk kijkt keek luister luistert kies kiest koos " +
    "probeer probeert probeerde verveel verveelt vergeet vergat eet at drink dronk woon woont " +
    "heet past paste helpen maakten mist mis miste herken herkent",
);

/** Words that cannot be a finite verb at the start of a question. */
const NL_NON_VERBS = wordSet(
  "de een deze die dit dat mijn jouw je jij u hij zij ze we wij jullie het er ik " +
    "dan nu toen daarna eerst soms misschien ook nog wel al straks morgen vandaag gisteren zo dus want " +
    "maar en of ja nee eens even samen alleen thuis hier daar welke welk waarom bijvoorbeeld zoals " +
    "als terwijl omdat nadat voordat zodra doordat zodat hoewel vertel",
);

const NL_IMPERATIVE_PARTICLES = wordSet("eens even 'ns maar");

/** Request verbs that make "Kun je … ?" a polite open request. */
const NL_REQUEST_VERBS = wordSet("vertellen uitleggen beschrijven noemen bedenken voordoen tekenen aanwijzen opschrijven zeggen " + "laten vertellen");

const NL_FILLER_BEFORE_REQUEST = wordSet("je jij u me mij ons eens even nog misschien alsjeblieft alstublieft dan wat iets meer kunnen willen");

const NL_TAGS = new Set([
  "toch",
  "hè",
  "he",
  "hé",
  "niet",
  "of niet",
  "of niet soms",
  "niet waar",
  "nietwaar",
  "oké",
  "ok",
  "okay",
  "ja",
  "toch wel",
  "toch niet",
  "ja toch",
  "zeker",
  "klopt dat",
  "klopt",
  "of wel",
  "of hoe zit dat",
]);

/** Absolutes: always/never-style words that generalise and judge. */
const NL_ABSOLUTES = wordSet("altijd nooit telkens alweer");
// "weer eens" alone is neutral ("Wat wil je weer eens proberen?"); "weer eens … vergeten" is a reproach (reproach.ts).
const NL_ABSOLUTE_PHRASES = ["steeds weer", "elke keer weer", "iedere keer weer", "de hele tijd"];

/** Words that judge the pupil whatever the context. */
const NL_JUDGING_PREFIXES = [
  "slordig",
  "stout",
  "brutaa",
  "brutal",
  "treuzel",
  "zeur",
  "klier",
  "aanstel",
  "onbeleefd",
  "ongehoorza",
  "luilak",
  "luiheid",
  "lastpak",
  "kattenkwaad",
  "ongemotiveerd",
  "ongeïnteresseerd",
  "ongeconcentreerd",
  "lanterfant",
  "lummel",
  "rotzooi",
  "kletskous",
  "dwarslig",
  "asociaal",
  "respectloos",
];
const NL_JUDGING_EXACT = wordSet("lui luie luier");

/** Words that judge only when said about the pupil's behaviour ("Waarom ben je zo druk?"). */
const NL_CONTEXT_JUDGING = wordSet(
  "druk drukke gemeen gemene vervelend vervelende stom stomme dom domme raar rare gek irritant irritante lastig " +
    "onrustig onrustige chaotisch wild moeilijk dwars kinderachtig",
);
const NL_BE_DO = wordSet("ben bent was waren doe doet deed deden gedraag gedraagt gedroeg geweest gedaan zijn doen");
const NL_PUPIL = wordSet("je jij");
const NL_OPINION = wordSet("vind vindt vond voel voelt voelde ervaar");

const NL_NEGATIONS = wordSet("niet geen nooit");
const NL_NEG_SLOT = wordSet("je jij u het er dat dit zelf ook dan nou eigenlijk toch wel gewoon nu echt");

/** "beter", "meer", "makkelijker": "steeds" before these means "increasingly", not "constantly". */
function isComparative(word: string): boolean {
  return ["beter", "meer", "minder", "vaker", "langer", "verder"].includes(word) || (word.length > 4 && word.endsWith("er") && !NL_BE_DO.has(word));
}

function isNlYesNoStart(words: readonly string[]): boolean {
  const first = words[0];
  if (first === undefined) return false;
  const second = words[1];
  if (NL_WH.has(first) || NL_PREPOSITIONS.has(first) || NL_NON_VERBS.has(first)) return false;
  if (NL_FINITE_VERBS.has(first)) {
    return second === undefined || !NL_IMPERATIVE_PARTICLES.has(second);
  }
  return second !== undefined && NL_SUBJECTS.has(second) && /^\p{L}+$/u.test(first);
}

function nlPoliteRequest(words: readonly string[]): "open" | "closed" | null {
  const first = words[0];
  if (first === undefined || !wordSet("kun kan kunt zou zoudt wil wilt wou").has(first)) return null;
  let r = -1;
  for (let i = 2; i < words.length; i++) {
    const w = words[i] ?? "";
    if (w === "laten" && words[i + 1] === "zien") {
      r = i + 1;
      break;
    }
    if (w === "geven" && words.slice(0, i).some((x) => x.startsWith("voorbeeld"))) {
      r = i;
      break;
    }
    if (NL_REQUEST_VERBS.has(w) && w !== "laten") {
      r = i;
      break;
    }
  }
  if (r < 0) return null;
  const before = words.slice(1, r);
  if (before.some((w) => NL_NEGATIONS.has(w))) return null;
  const after = words.slice(r + 1);
  if (after[0] === "of") return "closed";
  const hasWhAfter = after.some((w) => NL_WH.has(w));
  const hasAbout = words.includes("over");
  const objectBefore = before.filter((w) => !NL_FILLER_BEFORE_REQUEST.has(w) && w !== "laten");
  if (hasWhAfter || hasAbout || objectBefore.length > 0 || words[r] === "geven") return "open";
  return "closed";
}

function nlIsTag(words: readonly string[]): boolean {
  return NL_TAGS.has(words.join(" "));
}

function nlLeadingHits(words: readonly string[], ctx: SentenceContext): LeadingHit[] {
  const hits: LeadingHit[] = [];
  words.forEach((w, i) => {
    if (NL_ABSOLUTES.has(w)) hits.push({ kind: "absolute", word: w, index: i });
    if (w === "steeds" && words[i + 1] !== "weer" && !isComparative(words[i + 1] ?? "")) {
      hits.push({ kind: "absolute", word: w, index: i });
    }
    for (const phrase of NL_ABSOLUTE_PHRASES) {
      if (phraseAt(words, i, phrase)) hits.push({ kind: "absolute", word: phrase, index: i });
    }
    if (NL_JUDGING_EXACT.has(w) || startsWithAny(w, NL_JUDGING_PREFIXES)) {
      hits.push({ kind: "judging", word: w, index: i });
    } else if (NL_CONTEXT_JUDGING.has(w) && judgesPupil(words, i)) {
      hits.push({ kind: "judging", word: w, index: i });
    }
    if (ctx.isQuestion) {
      if (w === "toch" && i > 0) hits.push({ kind: "presumption", word: w, index: i });
      if (w === "nou" && i > ctx.headOffset) hits.push({ kind: "reproach", word: w, index: i });
      if (ctx.declarative && isPresumptiveInStatement(words, i)) {
        hits.push({ kind: "presumption", word: w, index: i });
      }
    }
  });
  hits.push(...nlReproachHits(words), ...nlPresumptionHits(words, ctx, NL_CONTEXT_JUDGING));
  if (ctx.hasTag) hits.push({ kind: "tag", word: words[words.length - 1] ?? "", index: words.length - 1 });
  if (ctx.head === "yes-no") {
    // "Zou je niet beter…", "Is het niet handiger…", "Vind je zelf ook niet dat…"
    for (let i = ctx.headOffset + 1; i < words.length && i <= ctx.headOffset + 5; i++) {
      const w = words[i] ?? "";
      if (NL_NEGATIONS.has(w) && w !== "nooit") {
        hits.push({ kind: "negated-question", word: w, index: i });
        break;
      }
      if (!NL_NEG_SLOT.has(w)) break;
    }
  }
  if (ctx.head === "wh") {
    const blame = nlBlame(words, ctx.headOffset);
    if (blame) hits.push(blame);
  }
  return hits;
}

/**
 * "druk", "vervelend", … judge when the pupil is the subject of zijn/doen ("Waarom ben je zo druk?",
 * "… dat jij zo'n druk baasje bent") — not when the pupil gives an opinion ("Wat vind je vervelend?")
 * or the word describes the situation ("Is het druk in de klas?").
 */
function judgesPupil(words: readonly string[], i: number): boolean {
  if (words[i] === "druk" && words[i + 1] === "bezig") return false;
  const before = words.slice(Math.max(0, i - 5), i);
  const after = words.slice(i + 1, i + 4);
  if (before.some((w) => NL_OPINION.has(w))) return false;
  if (words.slice(Math.max(0, i - 2), i).includes("het")) return false;
  const beDo = before.some((w) => NL_BE_DO.has(w)) || after.some((w) => NL_BE_DO.has(w));
  return beDo && before.some((w) => NL_PUPIL.has(w));
}

/** "vast", "zeker", "natuurlijk" in a statement-question presume the answer. */
function isPresumptiveInStatement(words: readonly string[], i: number): boolean {
  const w = words[i];
  const next = words[i + 1] ?? "";
  if (w === "vast") return !wordSet("zit zat zitten gezeten loop liep lopen gelopen te houden pakken").has(next);
  if (w === "zeker") return next !== "weten" && next !== "van" && words[i - 1] !== "hoe";
  return w === "natuurlijk" || (w === "wel" && words[i - 1] === "toch");
}

/** "Waarom heb je … niet …", "Hoe komt het dat je … nooit …": blame with the pupil as subject. */
function nlBlame(words: readonly string[], headOffset: number): LeadingHit | null {
  let subjectAt = -1;
  if (words[headOffset] === "waarom") {
    subjectAt = headOffset + 2;
  } else if (
    words[headOffset] === "hoe" &&
    (words[headOffset + 1] === "komt" || words[headOffset + 1] === "kan") &&
    words[headOffset + 2] === "het" &&
    words[headOffset + 3] === "dat"
  ) {
    subjectAt = headOffset + 4;
  }
  if (subjectAt < 0) return null;
  const subject = words[subjectAt];
  if (subject === undefined || !NL_PUPIL.has(subject)) return null;
  for (let i = subjectAt + 1; i < words.length; i++) {
    const w = words[i] ?? "";
    if (w === "dat" && !NL_PUPIL.has(words[i + 1] ?? "")) break; // "Waarom denk je dat dat niet mag?": someone else's "niet"
    if (NL_NEGATIONS.has(w)) return { kind: "blame", word: w, index: i };
  }
  return null;
}

export const nlRules: LanguageRules = {
  language: "nl",
  whWords: NL_WH,
  prepositions: NL_PREPOSITIONS,
  subordinatingWh: NL_SUBORDINATING_WH,
  subordinators: NL_SUBORDINATORS,
  subjectPronouns: NL_SUBJECTS,
  declarativeStarters: NL_DECLARATIVE,
  discourseMarkers: NL_MARKERS,
  andWords: wordSet("en maar"),
  orWords: wordSet("of"),
  ellipsisWords: wordSet("niet liever juist nog eigenlijk"),
  negations: NL_NEGATIONS,
  startsWithExample: (words) => words[0] === "bijvoorbeeld" || words[0] === "zoals" || words[0] === "bv",
  isYesNoStart: isNlYesNoStart,
  politeRequest: nlPoliteRequest,
  isTag: nlIsTag,
  leadingHits: nlLeadingHits,
};

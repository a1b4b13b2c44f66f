/**
 * English rules: word lists and the language-specific checks the analyser needs.
 *
 * Design choices (see also README.md):
 * - A question that starts with an auxiliary ("Do you…", "Are you…", "Can you…") is closed.
 * - "Can you tell me how…", "Could you explain what…", "Can you give me an example of…" are treated
 *   as polite OPEN requests. "Can you tell me if/whether…" stays closed. Knowledge checks
 *   ("Do you know…", "Do you remember…") stay closed.
 */
import type { LanguageRules, LeadingHit, SentenceContext } from "./language-rules.js";
import { enReproachHits } from "./reproach.js";
import { enPresumptionHits } from "./presumption.js";
import { phraseAt, startsWithAny, wordSet } from "./word-sets.js";

export const EN_WH = wordSet("what who whom whose where when why how which");

export const EN_PREPOSITIONS = wordSet("with to for from about at in on by of after before during into without like");

const EN_SUBORDINATING_WH = wordSet("when whenever where how");
const EN_SUBORDINATORS = wordSet("if because while after before once since although though unless whenever");

export const EN_SUBJECTS = wordSet("you i he she it we they there that this");

const EN_DECLARATIVE = wordSet("you you're your it it's that that's this there there's we they he she");

const EN_MARKERS = wordSet("and so but well okay ok right now alright oh hey anyway then surely obviously clearly");

export const EN_AUX = wordSet(
  "do does did are is am was were can could will would shall should have has had may might must " +
    "don't doesn't didn't aren't isn't wasn't weren't can't cannot couldn't won't wouldn't shouldn't " +
    "haven't hasn't hadn't mustn't ain't",
);

const EN_REQUEST_VERBS = wordSet("tell explain show describe name give think walk talk draw share list");
const EN_REQUEST_SKIP = wordSet("please maybe perhaps just like to");
const EN_REQUEST_OBJECT_SKIP = wordSet("me us a bit more little again");

const EN_TAG_WORDS = new Set([
  "right",
  "yeah",
  "yes",
  "no",
  "ok",
  "okay",
  "eh",
  "huh",
  "correct",
  "true",
  "you know",
  "am i right",
  "don't you think",
  "wouldn't you say",
  "isn't that right",
  "isn't that so",
]);

const EN_ABSOLUTES = wordSet("always never constantly");
const EN_ABSOLUTE_PHRASES = ["all the time", "every single time", "again and again", "yet again", "over and over"];

const EN_JUDGING_PREFIXES = [
  "lazy",
  "lazi",
  "naught",
  "slopp",
  "careless",
  "rude",
  "cheek",
  "disruptive",
  "misbehav",
  "bossy",
  "whin",
  "stubborn",
  "disobedien",
  "troublemak",
  "unmotivated",
  "lazybones",
];
const EN_JUDGING_EXACT = wordSet("messy");
const EN_JUDGING_PHRASES = [
  "mess around",
  "messing around",
  "mess about",
  "messing about",
  "fool around",
  "fooling around",
  "muck about",
  "mucking about",
  "bad behaviour",
  "bad behavior",
  "show off",
  "showing off",
  "attention seeking",
];

const EN_CONTEXT_JUDGING = wordSet("annoying loud noisy difficult hyper mean wild weird silly stupid chatty fussy babyish");
const EN_BE = wordSet("are were be being been you're am");
const EN_OPINION = wordSet("find found feel felt think it");

const EN_NEGATIONS = wordSet("not never no");

function isNegatedAux(word: string): boolean {
  return word.endsWith("n't") || word === "cannot";
}

function isEnYesNoStart(words: readonly string[]): boolean {
  const first = words[0];
  return first !== undefined && EN_AUX.has(first);
}

function enPoliteRequest(words: readonly string[]): "open" | "closed" | null {
  const first = words[0];
  if (first === undefined || !wordSet("can could would will").has(first) || words[1] !== "you") return null;
  let i = 2;
  while (i < words.length && EN_REQUEST_SKIP.has(words[i] ?? "")) i++;
  const verb = words[i];
  if (verb === undefined || !EN_REQUEST_VERBS.has(verb)) return null;
  if (verb === "give" && !words.slice(i, i + 5).some((w) => w.startsWith("example"))) return null;
  if (verb === "think" && words[i + 1] !== "of" && words[i + 1] !== "about") return null;
  let j = i + 1;
  while (j < words.length && EN_REQUEST_OBJECT_SKIP.has(words[j] ?? "")) j++;
  const next = words[j];
  if (next === undefined) return "closed";
  if (next === "if" || next === "whether") return "closed";
  return "open";
}

function enIsTag(words: readonly string[]): boolean {
  const joined = words.join(" ");
  if (EN_TAG_WORDS.has(joined)) return true;
  // "isn't it", "do you", "didn't you", "don't you", "is it not"
  const [a, b, c] = words;
  if (a === undefined || b === undefined) return false;
  if (!EN_AUX.has(a) || !EN_SUBJECTS.has(b)) return false;
  return words.length === 2 || (words.length === 3 && c === "not");
}

function enLeadingHits(words: readonly string[], ctx: SentenceContext): LeadingHit[] {
  const hits: LeadingHit[] = [];
  words.forEach((w, i) => {
    if (EN_ABSOLUTES.has(w)) hits.push({ kind: "absolute", word: w, index: i });
    for (const phrase of EN_ABSOLUTE_PHRASES) {
      if (phraseAt(words, i, phrase)) hits.push({ kind: "absolute", word: phrase, index: i });
    }
    if (EN_JUDGING_EXACT.has(w) && words[i + 1] !== "play") {
      hits.push({ kind: "judging", word: w, index: i });
    } else if (startsWithAny(w, EN_JUDGING_PREFIXES)) {
      hits.push({ kind: "judging", word: w, index: i });
    } else if (EN_CONTEXT_JUDGING.has(w) && judgesPupil(words, i)) {
      hits.push({ kind: "judging", word: w, index: i });
    }
    for (const phrase of EN_JUDGING_PHRASES) {
      if (phraseAt(words, i, phrase)) hits.push({ kind: "judging", word: phrase, index: i });
    }
    if (ctx.isQuestion) {
      if (w === "surely" || phraseAt(words, i, "i bet") || phraseAt(words, i, "i'm sure") || phraseAt(words, i, "of course") || w === "obviously") {
        hits.push({ kind: "presumption", word: w, index: i });
      }
      if (ctx.declarative && w === "must" && (words[i + 1] === "have" || words[i + 1] === "be")) {
        hits.push({ kind: "presumption", word: w, index: i });
      }
    }
  });
  hits.push(...enReproachHits(words), ...enPresumptionHits(words, ctx, EN_CONTEXT_JUDGING));
  if (ctx.hasTag) hits.push({ kind: "tag", word: words[words.length - 1] ?? "", index: words.length - 1 });
  if (ctx.head === "yes-no") {
    const aux = words[ctx.headOffset] ?? "";
    if (isNegatedAux(aux)) {
      hits.push({ kind: "negated-question", word: aux, index: ctx.headOffset });
    } else if (words[ctx.headOffset + 2] === "not") {
      hits.push({ kind: "negated-question", word: "not", index: ctx.headOffset + 2 });
    }
  }
  if (ctx.head === "wh") {
    const blame = enBlame(words, ctx.headOffset);
    if (blame) hits.push(blame);
  }
  return hits;
}

function judgesPupil(words: readonly string[], i: number): boolean {
  const window = words.slice(Math.max(0, i - 4), i);
  if (window.some((w) => EN_OPINION.has(w))) return false;
  return window.some((w) => EN_BE.has(w)) && window.some((w) => w === "you" || w === "you're");
}

/** "Why didn't you…", "Why can't you…", "Why do you keep…", "Why are you not…". */
function enBlame(words: readonly string[], headOffset: number): LeadingHit | null {
  let at = headOffset;
  if (words[at] === "how" && words[at + 1] === "come") {
    at += 1;
    if (words[at + 1] === "you" && words.slice(at + 2).some((w) => EN_NEGATIONS.has(w) || isNegatedAux(w))) {
      return { kind: "blame", word: "how come", index: headOffset };
    }
  }
  if (words[at] !== "why") return null;
  const aux = words[at + 1] ?? "";
  const subject = words[at + 2] ?? "";
  if (subject !== "you") return null;
  if (isNegatedAux(aux)) return { kind: "blame", word: aux, index: at + 1 };
  const rest = words.slice(at + 3);
  const neg = rest.findIndex((w) => w === "not" || w === "keep");
  if (neg >= 0 && neg <= 2) return { kind: "blame", word: rest[neg] ?? "", index: at + 3 + neg };
  return null;
}

export const enRules: LanguageRules = {
  language: "en",
  whWords: EN_WH,
  prepositions: EN_PREPOSITIONS,
  subordinatingWh: EN_SUBORDINATING_WH,
  subordinators: EN_SUBORDINATORS,
  subjectPronouns: EN_SUBJECTS,
  declarativeStarters: EN_DECLARATIVE,
  discourseMarkers: EN_MARKERS,
  andWords: wordSet("and but"),
  orWords: wordSet("or"),
  ellipsisWords: wordSet("not rather"),
  negations: EN_NEGATIONS,
  startsWithExample: (words) =>
    phraseAt(words, 0, "for example") || phraseAt(words, 0, "for instance") || phraseAt(words, 0, "such as") || words[0] === "like" || words[0] === "e.g",
  isYesNoStart: isEnYesNoStart,
  politeRequest: enPoliteRequest,
  isTag: enIsTag,
  leadingHits: enLeadingHits,
};

/**
 * Language-neutral analysis of a planned question. It finds the question sentences, classifies
 * each comma/colon separated segment, and decides the three flags. The per-language knowledge
 * lives in rules-nl.ts and rules-en.ts.
 */
import { JUDGING_KINDS, type LanguageRules, type LeadingHit, type SegmentKind, type SentenceContext } from "./language-rules.js";
import { splitSentences, tokenize, type Sentence, type Token } from "./text.js";
import { findTopicPair, type TopicPair } from "./topics.js";
import type { Flag } from "./types.js";

export interface SegmentInfo {
  /** Lower-case words of the segment, leading discourse markers removed. */
  words: string[];
  /** Index of words[0] in the sentence's word list. */
  offset: number;
  /** Index of the segment's first word (before stripping markers) in the sentence's word list. */
  rawOffset: number;
  kind: SegmentKind;
}

export type ClosedReason = "yes-no" | "either-or" | "choice" | "tag" | "declarative";

export interface SentenceAnalysis {
  sentence: Sentence;
  /** Word tokens (no punctuation) of the sentence. */
  words: Token[];
  /** Lower-case forms of `words`. */
  lower: string[];
  segments: SegmentInfo[];
  head: SegmentInfo | null;
  context: SentenceContext;
  closedReason: ClosedReason | null;
  /** Index in `words` where a second question starts (a coordinator or a new segment), or null. */
  secondQuestionAt: number | null;
  /** Two separate topics joined in the one question ("met tekenen en met schrijven"), or null. */
  topics: TopicPair | null;
  leading: LeadingHit[];
}

export interface Analysis {
  sentences: SentenceAnalysis[];
  /** The sentences that are asked (ending in "?"), or the last sentence when none ends in "?". */
  questions: SentenceAnalysis[];
  flags: Flag[];
}

const HEAD_KINDS: ReadonlySet<SegmentKind> = new Set<SegmentKind>(["wh", "yes-no", "open-request"]);

function stripMarkers(words: string[], rules: LanguageRules): number {
  let i = 0;
  // Keep at least one word: "Oké?" or "Nou?" stays as it is.
  while (i < words.length - 1 && rules.discourseMarkers.has(words[i] ?? "")) i++;
  return i;
}

function startsWithWh(words: readonly string[], rules: LanguageRules): boolean {
  const [a, b] = words;
  if (a === undefined) return false;
  return rules.whWords.has(a) || (rules.prepositions.has(a) && b !== undefined && rules.whWords.has(b));
}

/** "… en wat niet?", "… and what not?": the negated echo of the same question. */
function isEllipticalEcho(afterWh: readonly string[], rules: LanguageRules): boolean {
  return afterWh.length > 0 && afterWh.every((w) => rules.ellipsisWords.has(w)) && afterWh.some((w) => rules.negations.has(w));
}

function classifySegment(raw: string[], index: number, previousHead: SegmentKind | null, rules: LanguageRules): { kind: SegmentKind; skip: number } {
  if (index > 0 && rules.isTag(raw)) return { kind: "tag", skip: 0 };
  const skip = stripMarkers(raw, rules);
  const words = raw.slice(skip);
  const first = words[0];
  const second = words[1];
  if (first === undefined) return { kind: "other", skip };
  if (rules.startsWithExample(words)) return { kind: "example", skip };
  if (startsWithWh(words, rules)) {
    if (rules.subordinatingWh.has(first) && second !== undefined && rules.subjectPronouns.has(second)) {
      return { kind: "subordinate", skip };
    }
    const whLength = rules.whWords.has(first) ? 1 : 2;
    if (index > 0 && isEllipticalEcho(words.slice(whLength), rules)) return { kind: "other", skip };
    return { kind: "wh", skip };
  }
  if (rules.subordinators.has(first)) return { kind: "subordinate", skip };
  // "Stel dat het morgen goed gaat, wat zie ik dan?": a hypothesis opens the question like "als" does.
  if (index === 0 && ((first === "stel" && (second === "dat" || second === "je")) || first === "suppose" || first === "imagine"))
    return { kind: "subordinate", skip };
  const request = rules.politeRequest(words);
  if (request === "open") return { kind: "open-request", skip };
  if (request === "closed") return { kind: "yes-no", skip };
  if (rules.isYesNoStart(words)) return { kind: "yes-no", skip };
  if (index > 0 && (previousHead === "wh" || previousHead === "yes-no") && words.length <= 10 && words.some((w) => rules.orWords.has(w))) {
    return { kind: "choice", skip };
  }
  if (rules.declarativeStarters.has(first)) return { kind: "declarative", skip };
  return { kind: "other", skip };
}

function segmentSentence(sentence: Sentence, rules: LanguageRules): SegmentInfo[] {
  const groups: { words: string[]; rawOffset: number }[] = [];
  let current: string[] = [];
  let wordIndex = 0;
  let start = 0;
  for (const token of sentence.tokens) {
    if (token.punct) {
      if (/^[,;:–—-]$/u.test(token.lower) && current.length > 0) {
        groups.push({ words: current, rawOffset: start });
        current = [];
      }
      continue;
    }
    if (current.length === 0) start = wordIndex;
    current.push(token.lower);
    wordIndex++;
  }
  if (current.length > 0) groups.push({ words: current, rawOffset: start });

  const segments: SegmentInfo[] = [];
  let previousHead: SegmentKind | null = null;
  groups.forEach((group, index) => {
    const { kind, skip } = classifySegment(group.words, index, previousHead, rules);
    if (HEAD_KINDS.has(kind) && previousHead === null) previousHead = kind;
    segments.push({
      words: group.words.slice(skip),
      offset: group.rawOffset + skip,
      rawOffset: group.rawOffset,
      kind,
    });
  });
  return segments;
}

/** Finds "… en waarom denk je dat?", "… and did you …": a coordinator that starts a second question. */
function findCoordinatedQuestion(
  lower: readonly string[],
  head: SegmentInfo | null,
  rules: LanguageRules,
): { at: number; closed: boolean; eitherOr: boolean } | null {
  const from = head ? head.offset + 1 : 1;
  for (let i = from; i < lower.length - 0; i++) {
    const conj = lower[i] ?? "";
    const isAnd = rules.andWords.has(conj);
    const isOr = rules.orWords.has(conj);
    if (!isAnd && !isOr) continue;
    const after = lower.slice(i + 1);
    const [a, b] = after;
    if (a === undefined) continue;
    if (startsWithWh(after, rules)) {
      if (rules.whWords.has(lower[i - 1] ?? "")) continue; // "waar en wanneer", "where and when"
      if (rules.subordinatingWh.has(a) && b !== undefined && rules.subjectPronouns.has(b)) continue;
      const whLength = rules.whWords.has(a) ? 1 : 2;
      if (isEllipticalEcho(after.slice(whLength), rules)) continue;
      return { at: i, closed: false, eitherOr: false };
    }
    if (b !== undefined && rules.subjectPronouns.has(b) && rules.isYesNoStart(after)) {
      if (isOr && head?.kind === "yes-no") return { at: i, closed: true, eitherOr: true };
      return { at: i, closed: true, eitherOr: false };
    }
  }
  return null;
}

/** "rekenen of taal", "reading or maths" — but not Dutch "of je …" (whether). */
function offersAlternatives(words: readonly string[], rules: LanguageRules): boolean {
  return words.some((w, i) => rules.orWords.has(w) && !rules.subjectPronouns.has(words[i + 1] ?? ""));
}

function trailingTag(lower: readonly string[], rules: LanguageRules): boolean {
  for (const n of [1, 2, 3]) {
    if (lower.length > n && rules.isTag(lower.slice(lower.length - n))) return true;
  }
  return false;
}

function analyseSentence(sentence: Sentence, rules: LanguageRules): SentenceAnalysis {
  const words = sentence.tokens.filter((t) => !t.punct);
  const lower = words.map((t) => t.lower);
  const segments = segmentSentence(sentence, rules);
  const heads = segments.filter((s) => HEAD_KINDS.has(s.kind));
  const head = heads[0] ?? null;
  const firstSegment = segments[0];
  const lastSegment = segments[segments.length - 1];
  const startsAsStatement = head === null && firstSegment?.kind === "declarative";
  const hasTag = (segments.length > 1 && lastSegment?.kind === "tag") || (startsAsStatement && sentence.isQuestion && trailingTag(lower, rules));
  const declarative = startsAsStatement && (sentence.isQuestion || hasTag);

  let closedReason: ClosedReason | null = null;
  if (hasTag) closedReason = "tag";
  else if (heads.some((h) => h.kind === "yes-no")) {
    const yesNo = heads.find((h) => h.kind === "yes-no");
    closedReason = yesNo && offersAlternatives(yesNo.words, rules) ? "either-or" : "yes-no";
  } else if (head?.kind === "wh" && segments.some((s) => s.kind === "choice" && s.offset > head.offset)) {
    closedReason = "choice";
  } else if (declarative) closedReason = "declarative";

  let secondQuestionAt: number | null = null;
  const coordinated = findCoordinatedQuestion(lower, head, rules);
  if (coordinated) {
    if (coordinated.eitherOr) {
      closedReason = "either-or";
    } else {
      secondQuestionAt = coordinated.at;
      if (coordinated.closed && closedReason === null) closedReason = "yes-no";
    }
  }
  const secondHead = heads[1];
  if (secondHead) {
    const at = secondHead.rawOffset;
    if (secondQuestionAt === null || at < secondQuestionAt) secondQuestionAt = at;
  }

  const topics =
    secondQuestionAt === null && head !== null && sentence.isQuestion
      ? (findTopicPair(
          lower.slice(0, head.offset + head.words.length),
          words.map((w) => w.text),
          head.offset,
          head.kind === "wh",
          rules,
        ) ?? listedTopic(lower, segments, head, rules))
      : null;

  const context: SentenceContext = {
    head: head?.kind ?? null,
    headWords: head?.words ?? [],
    headOffset: head?.offset ?? 0,
    declarative,
    isQuestion: sentence.isQuestion,
    hasTag,
  };
  const leading = rules.leadingHits(lower, context);
  return { sentence, words, lower, segments, head, context, closedReason, secondQuestionAt, topics, leading };
}

/** "Hoe gaat het met je vriendinnen, met je werk en thuis?": a later segment repeats the head's preposition. */
function listedTopic(lower: readonly string[], segments: readonly SegmentInfo[], head: SegmentInfo, rules: LanguageRules): TopicPair | null {
  for (const seg of segments) {
    if (seg.offset <= head.offset) continue;
    const p = head.words.lastIndexOf(seg.words[0] ?? "");
    if (p > 0 && rules.prepositions.has(seg.words[0] ?? "")) return { firstAt: head.offset + p, at: seg.offset, secondEnd: lower.length };
  }
  return null;
}

export function analyse(text: string, rules: LanguageRules): Analysis {
  const sentences = splitSentences(tokenize(text)).map((s) => analyseSentence(s, rules));
  let questions = sentences.filter((s) => s.sentence.isQuestion);
  if (questions.length === 0) {
    const last = sentences[sentences.length - 1];
    questions = last ? [last] : [];
  }
  const closed = questions.some((q) => q.closedReason !== null);
  const multiple = questions.length > 1 || questions.some((q) => q.secondQuestionAt !== null || q.topics !== null);
  const hits = sentences.flatMap((s) => s.leading);
  const flags: Flag[] = [];
  if (closed) flags.push("closed");
  if (multiple) flags.push("multiple");
  if (hits.some((h) => !JUDGING_KINDS.has(h.kind))) flags.push("leading");
  if (hits.some((h) => JUDGING_KINDS.has(h.kind))) flags.push("judging");
  return { sentences, questions, flags };
}

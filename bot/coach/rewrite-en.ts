/**
 * English rewrite rules: turn a flagged question into an open one. Same approach as the
 * Dutch rewriter: templates keyed on the question's shape; the caller keeps the first
 * candidate that the detector finds clean.
 *
 * Longer than our ~300-line norm on purpose: a table of rules read together (see rewrite-nl.ts).
 */
import type { SentenceAnalysis } from "./analyse.js";
import { takesHowEn } from "./manner-verbs.js";
import {
  clauseWithoutTag,
  indexOfWord,
  lowerFirst,
  lowerOf,
  question,
  without,
  withoutDanglingCoordinators,
  withoutPhrases,
  words,
  type Rewriter,
  type Tokens,
} from "./rewrite-common.js";
import { baseFromPast, baseFromThirdPerson, isPastEn } from "./morphology-en.js";
import { EN_AUX, EN_WH, enRules } from "./rules-en.js";
import type { Token } from "./text.js";
import { wordSet } from "./word-sets.js";

const q = question;

const ABSOLUTE_PHRASES = ["all the time", "every single time", "again and again", "yet again", "over and over", "of course"];
/** The pupil measured against the others: left out of every rewrite, the question is about this pupil. */
const COMPARISONS = ["like the others", "like everyone else"];
const REMOVABLE = wordSet("always constantly surely just obviously clearly");
const YES_NO_ADVERBS = wordSet("ever already also really actually");
const INTENSIFIERS = wordSet("so very really too such quite a bit");
const EVALUATIVE = wordSet(
  "fun nice hard difficult easy easier harder boring exciting scary good better bad tricky interesting " +
    "important useful enjoyable tough fine great ok okay",
);
const EMOTIONS = wordSet(
  "happy sad worried nervous proud scared afraid angry upset excited tired ok okay comfortable safe bored " + "calm anxious lonely cross frustrated pleased",
);
const DETERMINERS = wordSet("the a an your my this that his her their our");
const TOPIC_PREPOSITIONS = wordSet("during at in after");
const ALL_PREPOSITIONS = wordSet("during at in after with about on to for from");
const NEGATIONS = wordSet("not never");
const FILLERS = wordSet("just really even ever always so yet");
const BE = wordSet("are were am");
const JUDGING_ANTONYM: Record<string, string> = {
  sloppy: "neater",
  messy: "tidier",
  lazy: "more active",
  noisy: "quieter",
  loud: "quieter",
  careless: "more careful",
  rude: "kinder",
};

function isJudgingIndex(s: SentenceAnalysis, index: number): boolean {
  return s.leading.some((h) => h.kind === "judging" && h.index === index);
}

function isName(t: Token): boolean {
  return t.text === "I" || t.text.startsWith("I'");
}

function nounPhrase(tokens: Tokens): Tokens {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (DETERMINERS.has(t.lower) && i + 1 < tokens.length) {
      let end = i + 2;
      // "your reading book", "the first page": take one extra word when it is not a verb-ish word.
      const next = tokens[i + 1];
      const after = tokens[i + 2];
      if (
        next &&
        after &&
        !ALL_PREPOSITIONS.has(after.lower) &&
        !EVALUATIVE.has(after.lower) &&
        !INTENSIFIERS.has(after.lower) &&
        !EN_AUX.has(after.lower) &&
        /^(?:reading|first|school|weekly|new|old|times|spelling|maths|class)$/u.test(next.lower)
      ) {
        end = i + 3;
      }
      return tokens.slice(i, end);
    }
    if (i > 0 && /^\p{Lu}/u.test(t.text) && !isName(t)) return [t];
  }
  return [];
}

function topicPhrase(tokens: Tokens, starters = TOPIC_PREPOSITIONS): Tokens {
  const at = indexOfWord(tokens, starters);
  if (at < 0) return [];
  const phrase = tokens.slice(at);
  const cut = indexOfWord(phrase, wordSet("to if when because"), 1);
  return cut > 0 ? phrase.slice(0, cut) : phrase;
}

// ---------------------------------------------------------------- leading patterns

function adviceRewrite(main: Tokens): string[] {
  const topic = topicPhrase(main);
  const out: string[] = [];
  if (topic.length > 0) out.push(q("What would help you", topic));
  out.push("How would you tackle this yourself?");
  return out;
}

/** "Why didn't you do your homework?" → "What made it hard to do your homework?" */
function blameRewrite(main: Tokens): string[] {
  const l = lowerOf(main);
  let rest: Tokens;
  let past = false;
  let be = false;
  if (l[0] === "why" && l[2] === "you") {
    const aux = l[1] ?? "";
    past = ["didn't", "did", "wasn't", "weren't", "couldn't", "was", "were"].includes(aux);
    be = ["aren't", "weren't", "are", "were", "isn't", "wasn't"].includes(aux);
    rest = main.slice(3);
  } else if (l[0] === "how" && l[1] === "come" && l[2] === "you") {
    rest = main.slice(3);
  } else {
    return ["What makes this hard for you?"];
  }
  let r = rest.filter((t) => !NEGATIONS.has(t.lower) && !FILLERS.has(t.lower));
  let keep = false;
  if (r[0]?.lower === "keep") {
    keep = true;
    r = r.slice(1);
  }
  if (r.length === 0) return ["What makes this hard for you?"];
  const lead = past ? "What made it hard to" : "What makes it hard to";
  if (keep) return [q(lead, "stop", r)];
  if (be) return [q(lead, "be", r)];
  const first = r[0];
  const verb = first ? (isPastEn(first.lower) ? baseFromPast(first.lower) : first.lower) : "";
  return [q(lead, verb, r.slice(1))];
}

function judgingWhyRewrite(s: SentenceAnalysis, main: Tokens, mainOffset: number): string[] {
  const l = lowerOf(main);
  const judgeAt = l.findIndex((_, i) => isJudgingIndex(s, mainOffset + i));
  if (judgeAt < 0) return [];
  let subjectAt = -1;
  if (l[0] === "why") subjectAt = 2;
  else if (l[0] === "how" && l[1] === "come") subjectAt = 2;
  else if (l[0] === "you" || l[0] === "you're") subjectAt = 0;
  else if (l[1] === "you") subjectAt = 1;
  if (subjectAt < 0) return [];
  const before = l.slice(0, judgeAt);
  const pupil = (l[subjectAt] === "you" || l[subjectAt] === "you're") && (before.some((w) => BE.has(w)) || l[subjectAt] === "you're");
  if (pupil) {
    const past = before.includes("were") || before.includes("was");
    const tail = main.slice(judgeAt + 1).filter((t) => !FILLERS.has(t.lower) && !INTENSIFIERS.has(t.lower));
    const first = tail[0]?.lower;
    if ((first === "to" || first === "towards" || first === "with") && tail.length > 1) {
      return [q(past ? "How were things between you and" : "How are things between you and", tail.slice(1))];
    }
    return [q(past ? "How did you feel" : "How do you feel", tail)];
  }
  const np = nounPhrase(main.slice(subjectAt));
  if (np.length > 0) return [q("What do you notice when you look at", np)];
  return [];
}

function cleanup(s: SentenceAnalysis, main: Tokens, mainOffset: number): Tokens {
  let out: Tokens = [];
  let dropNextSo = false;
  main.forEach((t, i) => {
    const w = t.lower;
    if (isJudgingIndex(s, mainOffset + i)) {
      const prev = out[out.length - 1]?.lower;
      const antonym = JUDGING_ANTONYM[w];
      if ((prev === "less" || prev === "more") && antonym) {
        out = [...out.slice(0, -1), ...words(antonym)];
        return;
      }
      if (prev && INTENSIFIERS.has(prev)) out = out.slice(0, -1);
      return;
    }
    if (REMOVABLE.has(w)) {
      dropNextSo = true;
      return;
    }
    if (w === "so" && dropNextSo) {
      dropNextSo = false;
      return;
    }
    dropNextSo = false;
    out.push(t);
  });
  out = withoutPhrases(out, ABSOLUTE_PHRASES);
  // "You must have been proud" presumes; ask instead.
  const l = lowerOf(out);
  const must = l.indexOf("must");
  if (must >= 0 && l[must + 1] === "have" && l[must + 2] === "been") {
    out = [...out.slice(0, must), ...words("were"), ...out.slice(must + 3)];
  } else if (must >= 0 && l[must + 1] === "be") {
    out = [...out.slice(0, must), ...words("are"), ...out.slice(must + 2)];
  }
  return out.filter((t) => t.lower !== "never");
}

/** "Why are you late?" → "What makes you late?"; "Why do you forget it?" → "What happens when you forget it?" */
function whatMakesRewrite(main: Tokens): string | null {
  const l = lowerOf(main);
  if (l[0] !== "why" || l[2] !== "you") return null;
  const aux = l[1] ?? "";
  const rest = main.slice(3);
  if (rest.length === 0) return null;
  if (aux === "are") return q("What makes you", rest);
  if (aux === "were") return q("What made you", rest);
  if (aux === "do") return q("What happens when you", rest);
  if (aux === "did") return q("What happened when you", rest);
  return null;
}

// ---------------------------------------------------------------- closed questions

function invertStatement(tokens: Tokens): Tokens {
  const [subject, verb, ...rest] = tokens;
  if (!subject || !verb) return tokens;
  const s = subject.lower;
  const contraction = /^(you|it|that|there|we|they|he|she)'(re|s)$/u.exec(s);
  if (contraction) {
    const aux = contraction[2] === "re" ? "are" : "is";
    return [...words(aux), ...words(contraction[1] ?? s), verb, ...rest];
  }
  const v = verb.lower;
  if (EN_AUX.has(v)) return [{ ...verb, text: v }, { ...subject, text: subject.lower }, ...rest];
  if (isPastEn(v)) return [...words("did"), { ...subject, text: subject.lower }, ...words(baseFromPast(v)), ...rest];
  const third = ["it", "he", "she", "that", "this"].includes(s);
  return [...words(third ? "does" : "do"), { ...subject, text: subject.lower }, ...words(third ? baseFromThirdPerson(v) : v), ...rest];
}

function friendsRewrite(rest: Tokens): string | null {
  if (!rest.some((t) => t.lower.startsWith("friend"))) return null;
  return q("Who do you like to spend time with", topicPhrase(rest, wordSet("in at during after")));
}

function stripEvaluative(tokens: Tokens): Tokens {
  const out = tokens.filter((t) => !EVALUATIVE.has(t.lower) && !EMOTIONS.has(t.lower));
  while (out.length > 0 && INTENSIFIERS.has(out[out.length - 1]?.lower ?? "")) out.pop();
  return withoutDanglingCoordinators(out, wordSet("and or"));
}

function closedRewrite(main: Tokens, choice: Tokens, reason: string): string[] {
  const out: string[] = [];
  const l = lowerOf(main);
  const aux = l[0] ?? "";
  const subject = main.slice(1, 2);
  const subjectWord = l[1] ?? "";
  const you = subjectWord === "you";
  const rest = without(main.slice(2), YES_NO_ADVERBS);
  const restL = lowerOf(rest);

  if (reason === "choice" && choice.length > 0) {
    const orAt = lowerOf(choice).indexOf("or");
    if (orAt > 0) out.push(q("What do you think about", choice.slice(0, orAt), "and", choice.slice(orAt + 1)));
  }

  if (["do", "does", "did"].includes(aux)) {
    const verb = restL[0] ?? "";
    const obj = rest.slice(1);
    const objL = lowerOf(obj);
    const past = aux === "did";
    if (["like", "love", "enjoy", "prefer", "mind"].includes(verb)) {
      const options = stripEvaluative(obj).filter((t) => !["more", "most", "better", "best"].includes(t.lower));
      const orAt = lowerOf(options).indexOf("or");
      if (orAt > 0 && orAt < options.length - 1) out.push(q("What is the difference for you between", options.slice(0, orAt), "and", options.slice(orAt + 1)));
      const topic = stripEvaluative(obj).map((t) => (t.lower === "or" ? { ...t, text: "and", lower: "and" } : t));
      out.push(q(past ? "What did" : `What ${aux}`, subject, "think about", topic));
    } else if (reason === "either-or" && ["want", "like", "prefer"].includes(verb) && objL[0] === "to" && obj[1]) {
      out.push(q("How would you like to", obj.slice(1, 2)));
    } else if ((verb === "think" || verb === "feel") && obj.length > 1 && !EVALUATIVE.has(objL[0] ?? "") && !EMOTIONS.has(objL[0] ?? "")) {
      // "Do you think the test went well?" → "How do you think the test went?"
      const clause = (objL[0] === "that" ? obj.slice(1) : obj).filter((t) => !EVALUATIVE.has(t.lower) && t.lower !== "well");
      out.push(q(`How ${aux}`, subject, "think", clause));
    } else if (verb === "feel") {
      out.push(q(`How ${aux}`, subject, "feel", stripEvaluative(obj)));
    } else if (verb === "find") {
      out.push(q(`How ${aux}`, subject, "find", stripEvaluative(obj)));
    } else if (verb === "have" && (objL[0] === "fun" || (objL[0] === "a" && objL[1] === "good"))) {
      const at = indexOfWord(obj, ALL_PREPOSITIONS);
      out.push(q(past ? "How was it" : "How is it", at >= 0 ? obj.slice(at) : []));
    } else if (verb === "have") {
      const friends = friendsRewrite(obj);
      if (friends) out.push(friends);
      out.push(q("What can you tell me about", obj));
    } else if (["know", "remember", "understand"].includes(verb)) {
      const wh = objL[0] ?? "";
      if (EN_WH.has(wh) && objL[1] === "to") out.push(q(obj[0]?.text ?? "what", "will you", obj.slice(2)));
      else if (EN_WH.has(wh)) out.push(q(obj[0]?.text ?? "what", "do you think", obj.slice(1)));
      else out.push(q(`What ${aux}`, subject, verb, "about", obj));
    } else if (verb === "need") {
      out.push(q("What would help you", topicPhrase(obj, wordSet("with in at during for"))));
    } else if (["finish", "complete"].includes(verb)) {
      out.push(q(past ? "How did it go with" : "How is it going with", obj));
    } else if (objL[0] === "anything" || objL[0] === "something") {
      const at = indexOfWord(obj, ALL_PREPOSITIONS);
      out.push(q(`What ${aux}`, subject, verb, at >= 0 ? obj.slice(at) : []));
    } else if (verb.length > 0 && takesHowEn(you ? verb : (restL[1] ?? ""))) {
      // "How did you sleep last night?", "How does your dad help you …?"; not "How did you miss your old school?",
      // "How did your dad sign it?" (manner-verbs.ts).
      out.push(
        q(
          `How ${aux}`,
          subject,
          verb,
          obj.filter((t, i) => !EVALUATIVE.has(t.lower) && !(t.lower === "well" && objL[i - 1] !== "as")),
        ),
      );
    }
  } else if (["are", "is", "was", "were", "am"].includes(aux)) {
    const past = aux === "was" || aux === "were";
    if (you) {
      const r = rest.filter((t) => !INTENSIFIERS.has(t.lower));
      const adjective = r[0]?.lower ?? "";
      const after = r.slice(1).map((t, i) => (i === 0 && ["with", "for", "of"].includes(t.lower) ? { ...t, text: "about", lower: "about" } : t));
      if (EMOTIONS.has(adjective)) out.push(q(past ? "How did you feel" : "How do you feel", after));
      else if (adjective === "ready") out.push(q("How ready do you feel", r.slice(1)));
      else if (["finished", "done"].includes(adjective)) out.push(q("How far along are you", r.slice(1)));
      else if (adjective === "good" && r[1]?.lower === "at") out.push(q("What goes well for you in", r.slice(2)));
      else out.push(q(past ? "How were things going for you" : "How are things going for you", topicPhrase(r, ALL_PREPOSITIONS)));
    } else if (subjectWord === "it") {
      const clauseAt = indexOfWord(rest, wordSet("to when if"));
      if (clauseAt >= 0) out.push(q(`What ${past ? "was" : "is"} it like for you`, rest.slice(clauseAt)));
      else out.push(past ? "What was it like for you?" : "How is it going for you?");
    } else if (subjectWord === "there" && (restL[0] === "anything" || restL[0] === "something")) {
      const clause = rest.slice(restL[1] === "that" ? 2 : 1);
      if (clause.length >= 2) out.push(q("What", invertStatement(clause)));
    } else if (subjectWord !== "there") {
      const all = main.slice(1).filter((t) => !YES_NO_ADVERBS.has(t.lower));
      const adjAt = all.findIndex((t) => EVALUATIVE.has(t.lower) || INTENSIFIERS.has(t.lower));
      const np = adjAt > 0 ? all.slice(0, adjAt) : all.slice(0, DETERMINERS.has(all[0]?.lower ?? "") ? 2 : 1);
      out.push(q(`What ${past ? "was" : "is"}`, np, "like for you"));
    }
  } else if (["can", "could"].includes(aux) && you) {
    const ifAt = restL.findIndex((w) => w === "if" || w === "whether");
    if (ifAt > 0 && enRules.politeRequest(l) === "closed") {
      out.push(...closedRewrite(invertStatement(rest.slice(ifAt + 1)), [], "yes-no"));
    }
    out.push(q("What happens when you try to", rest));
  } else if (["can", "could"].includes(aux) && subjectWord !== "i" && subjectWord !== "we") {
    // "Can your brother help you with reading?" → "How can your brother help you with reading?"
    out.push(
      q(
        "How",
        main.filter((t) => !YES_NO_ADVERBS.has(t.lower)),
      ),
    );
  } else if (["will", "would", "shall"].includes(aux) && (you || subjectWord === "we")) {
    let r = rest;
    if (lowerOf(r)[0] === "like" && lowerOf(r)[1] === "to") r = r.slice(2);
    else if (lowerOf(r)[0] === "like" && lowerOf(r).includes("help")) out.push(q("What would help you", topicPhrase(r, ALL_PREPOSITIONS)));
    if (lowerOf(r)[0] === "rather" || reason === "either-or") {
      // "Would you rather work on your own or …?" → "How would you like to work?"
      const chosen = lowerOf(r)[0] === "rather" ? r[1] : undefined;
      if (chosen && takesHowEn(chosen.lower)) out.push(q("How would you like to", [chosen]));
      const np = nounPhrase(r);
      if (np.length > 0 && np[1]?.lower !== "own") out.push(q("How would you like to tackle", np));
      out.push("What would work best for you?");
    } else if (subjectWord === "we") {
      out.push(q("How would it be for you if we", r));
    } else {
      out.push(q("How would it be for you to", r));
    }
  } else if (["have", "has"].includes(aux)) {
    const r = lowerOf(rest)[0] === "got" ? rest.slice(1) : rest;
    const first = r[0]?.lower ?? "";
    const friends = friendsRewrite(r);
    if (friends) out.push(friends);
    else if (isPastEn(first) || first.endsWith("en")) out.push(q("How did it go with", r.slice(1)));
    else out.push(q("What can you tell me about", r));
  }
  const np = nounPhrase(rest);
  if (np.length > 0) out.push(q("What can you tell me about", np));
  return out;
}

// ---------------------------------------------------------------- entry point

function rewrite(s: SentenceAnalysis): string[] {
  const candidates: string[] = [];
  const kinds = new Set(s.leading.map((h) => h.kind));
  const clause = lowerFirst(clauseWithoutTag(s, enRules.isTag), isName);
  const head = s.head;
  const mainOffset = head ? head.offset : (s.segments[0]?.offset ?? 0);
  const trailing = s.segments.find((seg) => seg.offset > mainOffset && (seg.kind === "choice" || seg.kind === "example" || seg.kind === "tag"));
  const mainEnd = trailing ? trailing.rawOffset : clause.length;
  const main = withoutPhrases(lowerFirst(clause.slice(mainOffset, mainEnd), isName), COMPARISONS);
  const choice = trailing && trailing.kind === "choice" ? clause.slice(trailing.offset, trailing.offset + trailing.words.length) : [];
  const prefixSegments = s.segments.filter((seg) => seg.rawOffset < (head?.rawOffset ?? 0));
  const conditional =
    prefixSegments.length > 0 && prefixSegments.every((seg) => seg.kind === "subordinate") && ["if", "when"].includes(prefixSegments[0]?.words[0] ?? "");
  const prefix = conditional ? clause.slice(0, head?.rawOffset ?? 0) : [];

  if (kinds.has("negated-question")) candidates.push(...adviceRewrite(main));
  if (kinds.has("blame")) candidates.push(...blameRewrite(main));
  if (kinds.has("judging")) candidates.push(...judgingWhyRewrite(s, main, mainOffset));
  if (kinds.has("absolute") && lowerOf(main)[0] === "why" && lowerOf(main).includes("never")) candidates.push(...blameRewrite(main));

  const cleaned = cleanup(s, main, mainOffset);
  if (head?.kind === "wh" && (kinds.has("absolute") || kinds.has("presumption"))) {
    const whatMakes = whatMakesRewrite(cleaned);
    if (whatMakes) candidates.push(whatMakes);
  }
  const reason = s.closedReason;
  if (reason !== null) {
    if (conditional) candidates.push(q(prefix, ", what do you do then"));
    const clauseForClosed = s.context.declarative && head === null ? invertStatement(cleaned) : cleaned;
    candidates.push(...closedRewrite(clauseForClosed, choice, reason));
  }
  candidates.push(q(prefix.length > 0 ? [...prefix, ...words(",")] : [], cleaned));
  const np = nounPhrase(cleaned.slice(1));
  if (np.length > 0) candidates.push(q("What can you tell me about", np));
  return candidates;
}

export const enRewriter: Rewriter = {
  rewrite,
  multipleAdvice: (first, second) => `${first} (Then, separately, ask the next question: "${second}")`,
  laterAdvice: (first) => `${first} (Ask your other question afterwards, separately.)`,
  bareFollowUp: (wh) => (wh === "why" ? "What makes you say that?" : `${wh.charAt(0).toUpperCase()}${wh.slice(1)}, do you think?`),
};

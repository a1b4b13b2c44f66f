/**
 * Builds the suggestion for a flagged question. Every candidate passes the gate before it is
 * shown: the detector finds no flag in it (nothing closed, multiple, leading or judging is left)
 * and shape-check.ts finds it a well-formed open question. Order: a rewrite of the question's own
 * shape, then an open question about its topic, then a question stem (fallback.ts). Multiple
 * questions keep the first and advise the second for later.
 */
import { analyse, type Analysis, type SentenceAnalysis } from "./analyse.js";
import { cutsFixedExpression, stripVocative } from "./fixed-phrases.js";
import { personQuestion, questionStem, reproachQuestions, topicQuestions } from "./fallback.js";
import type { LanguageRules } from "./language-rules.js";
import type { Rewriter } from "./rewrite-common.js";
import { holeRewrites } from "./rewrite-holes.js";
import { presumptionRewrites, withoutLeftovers } from "./rewrite-presumption.js";
import { isWellShaped } from "./shape-check.js";
import { asQuestion, joinTokens, tokenize, type Token } from "./text.js";

export interface SuggestContext {
  rules: LanguageRules;
  rewriter: Rewriter;
}

/** The gate: no flag left, and a shape we know to be a well-formed open question. */
export function passesGate(candidate: string, ctx: SuggestContext): boolean {
  return analyse(candidate, ctx.rules).flags.length === 0 && isWellShaped(candidate, ctx.rules.language);
}

/** The sentence that carries the problem: the first flagged question, else the first question. */
function problemSentence(analysis: Analysis): SentenceAnalysis | undefined {
  return analysis.questions.find((q) => q.closedReason !== null || q.leading.length > 0) ?? analysis.questions[0];
}

/** Statements before the question that are themselves neutral ("Ik zag dat je snel klaar was."). */
function neutralPreface(analysis: Analysis, sentence: SentenceAnalysis): string {
  const before: string[] = [];
  for (const s of analysis.sentences) {
    if (s === sentence) break;
    if (s.sentence.isQuestion || s.leading.length > 0) return "";
    before.push(joinTokens(s.sentence.tokens));
  }
  return before.join(" ");
}

/** Rewrites one question (not a multiple one) to an open, neutral question, or null when no candidate passes. */
function rewriteSingle(text: string, ctx: SuggestContext): string | null {
  const analysis = analyse(text, ctx.rules);
  if (analysis.flags.length === 0) return isWellShaped(asQuestion(text), ctx.rules.language) ? asQuestion(text) : null;
  const sentence = problemSentence(analysis);
  if (!sentence) return null;
  const preface = neutralPreface(analysis, sentence);
  const { flags } = analysis;
  const language = ctx.rules.language;
  const presumed = flags.includes("leading") && sentence.head?.kind === "wh" ? presumptionRewrites(sentence.words, language) : [];
  // A conflict with a named child is best asked as the relation between them ("ruzie maken met Finn").
  const conflict = sentence.lower.some((w) =>
    /^(ruzie|vecht|gevochten|pest|gepest|duw|geduwd|sla|sloeg|geslagen|scheld|gescholden|schop|geschopt|fight|fought|bully|bullied|push|pushed)/u.test(w),
  );
  const person = (flags.includes("judging") || flags.includes("leading")) && conflict ? personQuestion(sentence, language, true) : [];
  // Built for this very pattern, these go first: "Wat zou je helpen om aan je tas te denken?", "Hoe gaat het tussen jou en Finn?".
  // A degree + adjective about the pupil is not deleted (that leaves "dat je bent bij rekenen"): ask about the situation.
  const holes = flags.includes("judging") || flags.includes("leading") ? holeRewrites(sentence.words, language, flags.includes("judging")) : [];
  const specific = [...reproachQuestions(sentence, flags, language), ...person, ...holes];
  const built = [...specific, ...presumed, ...ctx.rewriter.rewrite(sentence), ...topicQuestions(sentence, flags, language)];
  // A template may keep a word of the closed form ("een beetje", "best"); the gate rejects it, the clean variant may pass.
  const cleaned = built.flatMap((c) => [c, withoutLeftovers(c, tokenize(c), language) ?? []].flat());
  // After a judging question a why-question stays a demand for justification ("Waarom moet jij ruzie maken met Finn?").
  const blame = /^(waarom|why|how come|hoe kan het dat)\b/iu;
  // After advice dressed as a negated question ("Zou je niet beter …") a kept negation keeps the advice.
  const negated = sentence.leading.some((h) => h.kind === "negated-question");
  const fair = cleaned.filter((c) => !(flags.includes("judging") && blame.test(c)) && !(negated && /\b(niet|geen|not|n't)\b/iu.test(c)));
  // A question that keeps a word of the teacher's topic goes before a generic one ("Hoe voelt het voor jou?").
  const own = new Set(sentence.lower.filter((w) => w.length >= 4 && !GENERIC_WORDS.has(w)));
  const onTopic = (c: string): boolean => tokenize(c).some((t) => own.has(t.lower));
  // Advice ("Zou je niet beter …") is best answered by the pupil's own plan, so its generic rewrite stays first.
  const first = fair.filter((c) => specific.includes(c) || negated);
  const rest = fair.filter((c) => !first.includes(c));
  const candidates = [...first, ...rest.filter(onTopic), ...rest.filter((c) => !onTopic(c))];
  for (const candidate of candidates.filter((c) => !cutsFixedExpression(c, sentence.lower))) {
    const shown = preface ? `${preface} ${candidate}` : candidate;
    if (passesGate(shown, ctx)) return shown;
  }
  return null;
}

/** Frame words of generic suggestions; sharing one of these with the question does not keep its topic. */
const GENERIC_WORDS = new Set(
  "voelt voel voor zelf aanpakken gaat ging vind vond jouw deze over vertellen what does feel this that yourself tackle with about tell your".split(" "),
);

const COORDINATORS = new Set(["en", "maar", "of", "and", "but", "or"]);
const FILLERS = new Set(["eh", "ehm", "uh", "uhm", "um"]);

function trimCoordinators(tokens: Token[], fromStart: boolean, ctx: SuggestContext): Token[] {
  const out = [...tokens];
  if (fromStart) {
    while (out.length > 1 && (COORDINATORS.has(out[0]?.lower ?? "") || ctx.rules.discourseMarkers.has(out[0]?.lower ?? ""))) out.shift();
  } else {
    // "Hoe gaat het thuis, en eh, …": a filler goes with the coordinator before it.
    while (out.length > 1 && (COORDINATORS.has(out[out.length - 1]?.lower ?? "") || FILLERS.has(out[out.length - 1]?.lower ?? ""))) out.pop();
  }
  return out;
}

/** "Hoe gaat het met tekenen en met schrijven?" → the same frame once per topic. */
function splitTopics(q: SentenceAnalysis, ctx: SuggestContext): { first: string; second: string } | null {
  const t = q.topics;
  if (!t) return null;
  const frame = q.words.slice(0, t.firstAt);
  const tail = q.words.slice(t.secondEnd);
  // A listed topic starts at its own preposition (", met je werk"); a coordinated one after "en".
  const secondFrom = ctx.rules.prepositions.has(q.lower[t.at] ?? "") ? t.at : t.at + 1;
  return {
    first: asQuestion(joinTokens([...q.words.slice(0, t.at), ...tail])),
    second: asQuestion(joinTokens([...frame, ...q.words.slice(secondFrom, t.secondEnd), ...tail])),
  };
}

/** "Hoe gaat het met rekenen? En met spelling?" → the second borrows the first's frame: "Hoe gaat het met spelling?" */
function withFrame(first: string, second: string, ctx: SuggestContext): string {
  const secondWords = trimCoordinators(tokenWords(second), true, ctx);
  if (!ctx.rules.prepositions.has(secondWords[0]?.lower ?? "")) return second;
  const firstWords = tokenWords(first);
  let p = firstWords.length - 1;
  while (p > 0 && !ctx.rules.prepositions.has(firstWords[p]?.lower ?? "")) p--;
  return p > 0 ? asQuestion(joinTokens([...firstWords.slice(0, p), ...secondWords])) : second;
}

function tokenWords(text: string): Token[] {
  return tokenize(text).filter((t) => !t.punct);
}

/** Splits a multiple question into its first question and the rest. */
function splitMultiple(analysis: Analysis, ctx: SuggestContext): { first: string; second: string } | null {
  const withTopics = analysis.questions.find((s) => s.topics !== null);
  if (withTopics && analysis.questions.length === 1) return splitTopics(withTopics, ctx);
  const [q1, ...more] = analysis.questions;
  if (q1 && more.length > 0) {
    return {
      first: joinTokens(q1.sentence.tokens),
      second: more.map((q) => joinTokens(q.sentence.tokens)).join(" "),
    };
  }
  const q = analysis.questions.find((s) => s.secondQuestionAt !== null);
  if (!q || q.secondQuestionAt === null) return null;
  const firstTokens = trimCoordinators(q.words.slice(0, q.secondQuestionAt), false, ctx);
  const secondTokens = trimCoordinators(q.words.slice(q.secondQuestionAt), true, ctx);
  const first = asQuestion(joinTokens(firstTokens));
  const onlyWord = secondTokens.length === 1 ? secondTokens[0]?.lower : undefined;
  const second = onlyWord !== undefined && ctx.rules.whWords.has(onlyWord) ? ctx.rewriter.bareFollowUp(onlyWord) : asQuestion(joinTokens(secondTokens));
  return { first, second };
}

/** "Hoe was het schoolkamp?" + "Ayşe" → "Hoe was het schoolkamp, Ayşe?" */
function withName(question: string | null, name: string | null): string | null {
  return question && name && question.endsWith("?") ? `${question.slice(0, -1)}, ${name}?` : question;
}

export function buildSuggestion(original: string, originalAnalysis: Analysis, ctx: SuggestContext): string {
  // A name spoken to ("…, Daan?") is neither the topic nor part of a template; it comes back at the end.
  const { text, name } = stripVocative(original);
  const analysis = name ? analyse(text, ctx.rules) : originalAnalysis;
  if (analysis.flags.includes("multiple")) {
    const parts = splitMultiple(analysis, ctx);
    if (parts) {
      const first = rewriteSingle(parts.first, ctx);
      const second = rewriteSingle(withFrame(parts.first, parts.second, ctx), ctx);
      if (first && second) return ctx.rewriter.multipleAdvice(withName(first, name) ?? first, second);
      if (first) return ctx.rewriter.laterAdvice(withName(first, name) ?? first);
    }
  }
  return withName(rewriteSingle(text, ctx), name) ?? questionStem(analysis.flags, ctx.rules.language, problemSentence(analysis));
}

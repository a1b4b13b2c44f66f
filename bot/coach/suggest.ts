/**
 * Builds the suggestion for a flagged question: picks the first rewrite candidate that the
 * detector itself finds clean (no flags), handles multiple questions by keeping the first
 * and advising the second for later, and falls back to a generic open question.
 */
import { analyse, type Analysis, type SentenceAnalysis } from "./analyse.js";
import type { LanguageRules } from "./language-rules.js";
import type { Rewriter } from "./rewrite-common.js";
import { asQuestion, joinTokens, type Token } from "./text.js";

export interface SuggestContext {
  rules: LanguageRules;
  rewriter: Rewriter;
}

function isClean(candidate: string, ctx: SuggestContext): boolean {
  return analyse(candidate, ctx.rules).flags.length === 0;
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

/** Rewrites one question (not a multiple one) to an open, neutral question. */
function rewriteSingle(text: string, ctx: SuggestContext): string {
  const analysis = analyse(text, ctx.rules);
  if (analysis.flags.length === 0) return asQuestion(text);
  const sentence = problemSentence(analysis);
  if (!sentence) return ctx.rewriter.fallback;
  const preface = neutralPreface(analysis, sentence);
  for (const candidate of ctx.rewriter.rewrite(sentence)) {
    if (isClean(candidate, ctx)) return preface ? `${preface} ${candidate}` : candidate;
  }
  return ctx.rewriter.fallback;
}

const COORDINATORS = new Set(["en", "maar", "of", "and", "but", "or"]);

function trimCoordinators(tokens: Token[], fromStart: boolean, ctx: SuggestContext): Token[] {
  const out = [...tokens];
  if (fromStart) {
    while (out.length > 1 && (COORDINATORS.has(out[0]?.lower ?? "") || ctx.rules.discourseMarkers.has(out[0]?.lower ?? ""))) out.shift();
  } else {
    while (out.length > 1 && COORDINATORS.has(out[out.length - 1]?.lower ?? "")) out.pop();
  }
  return out;
}

/** Splits a multiple question into its first question and the rest. */
function splitMultiple(analysis: Analysis, ctx: SuggestContext): { first: string; second: string } | null {
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

export function buildSuggestion(text: string, analysis: Analysis, ctx: SuggestContext): string {
  if (analysis.flags.includes("multiple")) {
    const parts = splitMultiple(analysis, ctx);
    if (parts) {
      const first = rewriteSingle(parts.first, ctx);
      const second = rewriteSingle(parts.second, ctx);
      return ctx.rewriter.multipleAdvice(first, second);
    }
  }
  return rewriteSingle(text, ctx);
}

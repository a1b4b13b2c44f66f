/**
 * The question coach: flags closed, multiple and leading questions a teacher plans to ask a
 * pupil, and proposes an open rephrasing in the same language. Pure and deterministic.
 */
import { analyse } from "./analyse.js";
import { detectLanguage } from "./detect-language.js";
import type { LanguageRules } from "./language-rules.js";
import type { Rewriter } from "./rewrite-common.js";
import { enRewriter } from "./rewrite-en.js";
import { nlRewriter } from "./rewrite-nl.js";
import { enRules } from "./rules-en.js";
import { nlRules } from "./rules-nl.js";
import { buildSuggestion } from "./suggest.js";
import type { CoachResult, Language } from "./types.js";

const RULES: Record<Language, LanguageRules> = { nl: nlRules, en: enRules };
const REWRITERS: Record<Language, Rewriter> = { nl: nlRewriter, en: enRewriter };

export function coachQuestion(text: string, lang?: Language): CoachResult {
  const question = text.trim();
  const language = lang ?? detectLanguage(question);
  const rules = RULES[language];
  const analysis = analyse(question, rules);
  const flags = analysis.flags;
  const suggestion = flags.length === 0 ? null : buildSuggestion(question, analysis, { rules, rewriter: REWRITERS[language] });
  return { question, flags, suggestion, language };
}

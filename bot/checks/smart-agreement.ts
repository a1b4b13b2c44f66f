/**
 * SMART check for a kindplan agreement ("afspraak"): who does what, and when. Deterministic
 * and offline; every issue comes with a short explanation and an example rephrasing in Dutch
 * and English.
 *
 * - WHO must name a person or role ("ik", "Sam", "juf Anna", "mama", "my teacher"), not "we",
 *   "iedereen" or "someone" on their own.
 * - WHAT must be a visible action: a verb with an object, about three words or more. Effort words
 *   ("beter opletten", "je best doen", "try harder") and comparisons ("meer lezen", "read more")
 *   pass only with a number, frequency, duration or criterion, or a behaviour that spells them out
 *   ("… door naar het bord te kijken").
 * - WHEN must be a date, day, frequency or recognisable moment, not "binnenkort" or "sometimes".
 */
import { agreementExample, detectTopic } from "./examples.js";
import { eachLocale, localized, translate } from "../i18n/translate.js";
import { detectCheckLanguage } from "./language.js";
import {
  ACTION_PHRASES,
  BEHAVIOUR_STATES,
  comparativeIndexes,
  EFFORT_PATTERNS,
  hasBehaviourSpecification,
  hasMeasure,
  judgeWhen,
  PLACEHOLDER_PHRASES,
  PLACEHOLDERS,
  VAGUE_WHO,
  WHO_FILLERS,
} from "./lexicon.js";
import { findAll, lowerWords, quote, shorten, tokenize } from "./text.js";
import type { AgreementCheck, AgreementInput, AgreementIssue, AgreementIssueCode, AgreementPart, Bilingual, CheckLanguage } from "./types.js";
import { COPULAR_LEMMAS, guessDutchInfinitive, guessEnglishVerb, verbAt } from "./verbs.js";

/** Fewer words than this cannot say what, how and how much ("lezen", "Sam helpen"). */
const MIN_WHAT_WORDS = 3;

function isBlank(text: string): boolean {
  const words = lowerWords(text);
  if (words.length === 0) return true;
  if (words.every((w) => PLACEHOLDERS.has(w))) return true;
  const hits = findAll(words, PLACEHOLDER_PHRASES);
  return hits.length === 1 && hits[0]?.start === 0 && hits[0].end === words.length;
}

// ---------------------------------------------------------------------------------------------
// Who

type WhoVerdict = "ok" | "missing" | "vague";

function judgeWho(who: string): WhoVerdict {
  if (isBlank(who)) return "missing";
  // Numbers are not people: "iedereen in groep 6".
  const words = lowerWords(who).filter((w) => !WHO_FILLERS.has(w) && !/^\d+$/u.test(w));
  if (words.length === 0) return "missing";
  // Any word that is not "we"/"iedereen"/… is taken as a name or role: "Sam", "juf", "IB'er".
  return words.every((w) => VAGUE_WHO.has(w)) ? "vague" : "ok";
}

// ---------------------------------------------------------------------------------------------
// What

type WhatVerdict =
  | { ok: true }
  | { ok: false; code: "missing" }
  | { ok: false; code: "vague_action"; reason: "effort" | "short" | "no_verb"; found: string }
  | { ok: false; code: "not_measurable"; found: string };

interface WhatAnalysis {
  words: string[];
  /** Effort phrases found ("beter je best doen" → "best doen"). */
  effort: string[];
  /** Comparatives found ("meer", "beter", "faster"). */
  comparatives: string[];
  /** A verb or phrase naming something visible to do. */
  concreteAction: boolean;
  /** Any verb at all, light verbs ("doen", "gaan") included. */
  anyVerb: boolean;
  measure: boolean;
  specified: boolean;
}

function analyseWhat(what: string, lang: CheckLanguage): WhatAnalysis {
  const tokens = tokenize(what);
  const words = tokens.map((t) => t.lower);
  const effortHits = findAll(words, EFFORT_PATTERNS);
  const consumed = new Set<number>();
  for (const hit of effortHits) for (let i = hit.start; i < hit.end; i++) consumed.add(i);
  const comparatives = comparativeIndexes(words);

  let concreteAction = false;
  let anyVerb = false;
  words.forEach((w, i) => {
    if (consumed.has(i)) return;
    // Prefer the text's language, fall back to the other one for mixed or misdetected texts.
    const verb = verbAt(words, i, lang) ?? verbAt(words, i);
    if (!verb) {
      // A verb the lexicon does not know, in the slot where agreements put their verb.
      const guessed =
        lang === "en"
          ? (i === 0 || /^(i|will|to)$/u.test(words[i - 1] ?? "")) && guessEnglishVerb(w, false)
          : i === words.length - 1 && guessDutchInfinitive(words, i);
      if (guessed) anyVerb = concreteAction = true;
      return;
    }
    // "boos worden", "be calm": a state, not something you do.
    if (verb.kind === "inner" || COPULAR_LEMMAS.has(verb.lemma)) return;
    anyVerb = true;
    if (verb.kind === "action") concreteAction = true;
  });
  const phraseHits = [...findAll(words, ACTION_PHRASES), ...findAll(words, BEHAVIOUR_STATES)].filter((hit) => !consumed.has(hit.start));
  if (phraseHits.length > 0) {
    concreteAction = true;
    anyVerb = true;
  }
  return {
    words,
    effort: effortHits.map((hit) => quote(tokens, what, hit)),
    comparatives: comparatives.map((i) => tokens[i]?.text ?? ""),
    concreteAction,
    anyVerb,
    measure: hasMeasure(words),
    specified: hasBehaviourSpecification(words),
  };
}

function judgeWhat(what: string, lang: CheckLanguage): WhatVerdict {
  if (isBlank(what)) return { ok: false, code: "missing" };
  const a = analyseWhat(what, lang);
  const madeConcrete = a.measure || a.specified;
  if (a.comparatives.length > 0 && !madeConcrete) {
    // "meer lezen" names an activity but not how much; "beter opletten" names no activity at all.
    return a.concreteAction
      ? { ok: false, code: "not_measurable", found: shorten(what) }
      : { ok: false, code: "vague_action", reason: "effort", found: shorten(what) };
  }
  if (a.effort.length > 0 && !madeConcrete && !a.concreteAction) {
    return { ok: false, code: "vague_action", reason: "effort", found: shorten(what) };
  }
  if (a.words.length < MIN_WHAT_WORDS && !a.measure) {
    return { ok: false, code: "vague_action", reason: "short", found: shorten(what) };
  }
  if (!a.anyVerb && !a.concreteAction) {
    return { ok: false, code: "vague_action", reason: "no_verb", found: shorten(what) };
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Messages

function issue(part: AgreementPart, code: AgreementIssueCode, message: Bilingual, hint: Bilingual): AgreementIssue {
  return { part, code, message, hint };
}

/**
 * The subject of a message: the teacher's own words, quoted, in the message of the text's
 * language; "Dit"/"This" in the other language, so each message reads as one language.
 */
function subject(text: string, lang: CheckLanguage, target: CheckLanguage): string {
  if (lang === target) return `'${shorten(text)}'`;
  return translate(target, "check.subject.this");
}

function whoIssue(verdict: Exclude<WhoVerdict, "ok">, who: string, lang: CheckLanguage): AgreementIssue {
  const hint = localized("check.who.hint");
  if (verdict === "missing") {
    return issue("who", "missing", localized("check.who.missing"), hint);
  }
  return issue("who", "vague_who", localized("check.who.vague", { subject: eachLocale((l) => subject(who, lang, l)) }), hint);
}

function whatIssue(verdict: Exclude<WhatVerdict, { ok: true }>, what: string, lang: CheckLanguage): AgreementIssue {
  const example = agreementExample(detectTopic(what));
  if (verdict.code === "missing") {
    return issue("what", "missing", localized("check.what.missing"), localized("check.what.missing.hint", { example }));
  }
  const said = eachLocale((l) => subject(what, lang, l));
  if (verdict.code === "not_measurable") {
    return issue("what", "not_measurable", localized("check.what.notMeasurable", { subject: said }), localized("check.what.notMeasurable.hint", { example }));
  }
  return issue("what", "vague_action", localized(`check.what.${verdict.reason}`, { subject: said }), localized("check.what.vague.hint", { example }));
}

function whenIssue(missing: boolean, when: string, lang: CheckLanguage): AgreementIssue {
  const hint = localized("check.when.hint");
  if (missing) {
    return issue("when", "missing", localized("check.when.missing"), hint);
  }
  return issue("when", "vague_when", localized("check.when.vague", { subject: eachLocale((l) => subject(when, lang, l)) }), hint);
}

// ---------------------------------------------------------------------------------------------

export function checkAgreement(input: AgreementInput, lang?: CheckLanguage): AgreementCheck {
  const who = input.who ?? "";
  const what = input.what ?? "";
  const when = input.when ?? "";
  const language = lang ?? detectCheckLanguage([who, what, when].join(" . "));
  const issues: AgreementIssue[] = [];

  const whoVerdict = judgeWho(who);
  if (whoVerdict !== "ok") issues.push(whoIssue(whoVerdict, who, language));

  const whatVerdict = judgeWhat(what, language);
  if (!whatVerdict.ok) issues.push(whatIssue(whatVerdict, what, language));

  if (isBlank(when)) issues.push(whenIssue(true, when, language));
  else if (judgeWhen(lowerWords(when)) === "vague") issues.push(whenIssue(false, when, language));

  return { concrete: issues.length === 0, issues };
}

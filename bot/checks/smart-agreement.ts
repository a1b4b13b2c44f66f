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
import { agreementExample, detectTopic, WHEN_EXAMPLE, WHO_EXAMPLE } from "./examples.js";
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
import type {
  AgreementCheck,
  AgreementInput,
  AgreementIssue,
  AgreementIssueCode,
  AgreementPart,
  Bilingual,
  CheckLanguage,
} from "./types.js";
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
  const phraseHits = [...findAll(words, ACTION_PHRASES), ...findAll(words, BEHAVIOUR_STATES)].filter(
    (hit) => !consumed.has(hit.start),
  );
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
  return target === "nl" ? "Dit" : "This";
}

function whoIssue(verdict: Exclude<WhoVerdict, "ok">, who: string, lang: CheckLanguage): AgreementIssue {
  const hint: Bilingual = {
    nl: `Noem één persoon of rol, met naam: bijvoorbeeld ${WHO_EXAMPLE.nl}.`,
    en: `Name one person or role, by name: for example ${WHO_EXAMPLE.en}.`,
  };
  if (verdict === "missing") {
    return issue(
      "who",
      "missing",
      { nl: "Er staat nog niet wie de afspraak uitvoert.", en: "It does not say yet who carries out the agreement." },
      hint,
    );
  }
  return issue(
    "who",
    "vague_who",
    {
      nl: `${subject(who, lang, "nl")} zegt niet wie het precies doet. Als iedereen het doet, voelt niemand zich eigenaar.`,
      en: `${subject(who, lang, "en")} does not say who exactly does it. When everyone does it, nobody owns it.`,
    },
    hint,
  );
}

function whatIssue(verdict: Exclude<WhatVerdict, { ok: true }>, what: string, lang: CheckLanguage): AgreementIssue {
  const example = agreementExample(detectTopic(what));
  if (verdict.code === "missing") {
    return issue(
      "what",
      "missing",
      { nl: "Er staat nog niet wat er gaat gebeuren.", en: "It does not say yet what is going to happen." },
      {
        nl: `Schrijf op wat je gaat doen. Bijvoorbeeld: '${example.nl}'`,
        en: `Write down what you are going to do. For example: '${example.en}'`,
      },
    );
  }
  const nl = subject(what, lang, "nl");
  const en = subject(what, lang, "en");
  if (verdict.code === "not_measurable") {
    return issue(
      "what",
      "not_measurable",
      {
        nl: `${nl} zegt niet hoeveel: hoe vaak, hoe lang of hoeveel? Zonder maat weet je later niet of het gelukt is.`,
        en: `${en} does not say how much: how often, how long or how many? Without a measure nobody can tell later whether it worked.`,
      },
      {
        nl: `Voeg een getal, een tijdsduur of een aantal keer toe. Bijvoorbeeld: '${example.nl}'`,
        en: `Add a number, a duration or how many times. For example: '${example.en}'`,
      },
    );
  }
  const messages: Record<typeof verdict.reason, Bilingual> = {
    effort: {
      nl: `${nl} is een goed voornemen, maar niemand kan het zien of tellen. Wat ga je dan precies doen?`,
      en: `${en} is a good intention, but nobody can see or count it. What exactly will you do?`,
    },
    short: {
      nl: `${nl} is te kort om na te gaan: wat doe je precies, hoeveel en hoe?`,
      en: `${en} is too short to check: what exactly, how much and how?`,
    },
    no_verb: {
      nl: `${nl} noemt geen handeling: wat ga je doen?`,
      en: `${en} names no action: what are you going to do?`,
    },
  };
  return issue("what", "vague_action", messages[verdict.reason], {
    nl: `Beschrijf iets wat je kunt zien gebeuren. Bijvoorbeeld: '${example.nl}'`,
    en: `Describe something you can see happen. For example: '${example.en}'`,
  });
}

function whenIssue(missing: boolean, when: string, lang: CheckLanguage): AgreementIssue {
  const hint: Bilingual = {
    nl: `Kies een vast moment, een dag of een datum: bijvoorbeeld ${WHEN_EXAMPLE.nl}.`,
    en: `Pick a fixed moment, a day or a date: for example ${WHEN_EXAMPLE.en}.`,
  };
  if (missing) {
    return issue(
      "when",
      "missing",
      { nl: "Er staat nog niet wanneer het gebeurt.", en: "It does not say yet when it happens." },
      hint,
    );
  }
  return issue(
    "when",
    "vague_when",
    {
      nl: `${subject(when, lang, "nl")} is geen vast moment: wanneer precies, en hoe vaak?`,
      en: `${subject(when, lang, "en")} is not a fixed moment: when exactly, and how often?`,
    },
    hint,
  );
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

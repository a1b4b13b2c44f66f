/**
 * What the coach offers when no rewrite of the question's own shape passes the gate:
 * first an open question about the question's topic — only a noun phrase it can name with
 * confidence ("met de sommen" → "Wat kun je me vertellen over de sommen?", "met Finn" → "Hoe gaat het
 * tussen jou en Finn?") — and when even the
 * topic is uncertain, a question stem that tells the teacher how to begin ("Begin met 'Wat' of
 * 'Hoe': Hoe …?"). Stems are fixed texts, tested in tests/coach; topic questions go through the gate.
 */
import type { SentenceAnalysis } from "./analyse.js";
import { cutsFixedExpression } from "./fixed-phrases.js";
import { NL_FINITE_VERBS } from "./rules-nl.js";
import { joinTokens, type Token } from "./text.js";
import type { Flag, Language } from "./types.js";
import { wordSet } from "./word-sets.js";

interface TopicWords {
  prepositions: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  /** Words that are never the head of a topic noun phrase. */
  notNouns: ReadonlySet<string>;
  forgot: ReadonlySet<string>;
}

const NL: TopicWords = {
  prepositions: wordSet("met over bij aan van tijdens in op voor"),
  determiners: wordSet("de het een je jouw mijn"),
  notNouns: wordSet(
    "beetje paar keer je jij ik het er zelf goed weer nog al ook wel niet eens even samen alleen zo toch nou altijd nooit steeds " +
      "moe blij boos bang leuk fijn moeilijk makkelijk lastig saai spannend druk lui slordig best beste " +
      "laat vroeg gisteren vandaag morgen thuis buiten binnen nu toen straks ben bent is was heb hebt had",
  ),
  forgot: wordSet("vergeten vergeet vergat"),
};

const EN: TopicWords = {
  prepositions: wordSet("with about at in on for during of to"),
  determiners: wordSet("the a an your my"),
  notNouns: wordSet("you i it so very really always never best same hard easy fun lazy sloppy messy"),
  forgot: wordSet("forgot forget forgotten"),
};

const PEOPLE = wordSet(
  "moeder vader mama papa ouders broer zus broertje zusje oma opa juf meester vriend vriendin vriendje vriendinnetje buurman buurvrouw " +
    "mother father mum mom dad parents brother sister grandma grandpa teacher friend",
);
const EN_STOP = wordSet("again today yesterday tomorrow this that week to at in on more or and");
const WORDS: Record<Language, TopicWords> = { nl: NL, en: EN };

function isNoun(t: Token | undefined, w: TopicWords): boolean {
  return t !== undefined && /^\p{L}{2,}$/u.test(t.text) && !w.notNouns.has(t.lower) && !w.determiners.has(t.lower) && !w.prepositions.has(t.lower);
}

/** The topic noun phrase: determiner + noun after a preposition ("met de sommen"), else null. */
export function topicOf(sentence: SentenceAnalysis, language: Language): string | null {
  const w = WORDS[language];
  const tokens = sentence.words;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (!w.prepositions.has(tokens[i]?.lower ?? "") || !w.determiners.has(tokens[i + 1]?.lower ?? "")) continue;
    if (!isNoun(tokens[i + 2], w)) continue;
    // English compounds are two words ("the football club"); Dutch ones are one ("de voetbalclub").
    const long = language === "en" && isNoun(tokens[i + 3], w) && !EN_STOP.has(tokens[i + 3]?.lower ?? "");
    const end = i + (long ? 4 : 3);
    const phrase = tokens.slice(i + 1, end).map((t) => ({ ...t, text: t.lower }));
    // "de toren van Sem": a name after "van"/"of" belongs to the noun phrase.
    const owner = tokens[end + 1];
    if ((tokens[end]?.lower === "van" || tokens[end]?.lower === "of") && owner && isName(owner)) return joinTokens([...phrase, tokens[end] as Token, owner]);
    return joinTokens(phrase);
  }
  return null;
}

function isName(t: Token): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(t.text);
}

/** A name right after "met"/"with" ("ruzie maken met Finn"), never the sentence's first word; else null. */
function personOf(sentence: SentenceAnalysis, conflict: boolean): string | null {
  const tokens = sentence.words;
  // "… dat je Milan niet had mogen schoppen": in a conflict the one name is the other child.
  const names = tokens.filter((t, i) => i > 0 && isName(t));
  if (conflict && names.length === 1 && names[0]) return names[0].text;
  const at = tokens.findIndex((t, i) => i > 0 && (t.lower === "met" || t.lower === "with") && tokens[i + 1] !== undefined && isName(tokens[i + 1] as Token));
  const name = at >= 0 ? tokens[at + 1] : undefined;
  // "met Bram en Sem" is two people; the frame below names one.
  return name && !/^(en|and)$/u.test(tokens[at + 2]?.lower ?? "") ? name.text : null;
}

/** The thing a pupil is reproached for forgetting ("je gymtas weer vergeten"), or null. */
function forgottenThing(sentence: SentenceAnalysis, language: Language): string | null {
  const w = WORDS[language];
  const lower = sentence.lower;
  const at = lower.findIndex((x) => w.forgot.has(x));
  if (at < 0) return null;
  const window = language === "nl" ? sentence.words.slice(0, at) : sentence.words.slice(at + 1);
  for (let i = language === "nl" ? window.length - 2 : 0; i >= 0 && i + 1 < window.length; i += language === "nl" ? -1 : 1) {
    if (w.determiners.has(window[i]?.lower ?? "") && isNoun(window[i + 1], w) && !w.forgot.has(window[i + 1]?.lower ?? "")) {
      // Dutch compounds are one word ("gymtas"); English ones are two ("swimming kit").
      const long = language === "en" && isNoun(window[i + 2], w) && !EN_STOP.has(window[i + 2]?.lower ?? "");
      return joinTokens(window.slice(i, i + (long ? 3 : 2)).map((t) => ({ ...t, text: t.lower })));
    }
  }
  return null;
}

/** "Hoe kan het dat je je gymtas weer vergeten bent?" → "Wat zou je helpen om aan je gymtas te denken?" */
export function reproachQuestions(sentence: SentenceAnalysis, flags: readonly Flag[], language: Language): string[] {
  const forgotten = flags.includes("judging") ? forgottenThing(sentence, language) : null;
  if (!forgotten) return [];
  return [language === "nl" ? `Wat zou je helpen om aan ${forgotten} te denken?` : `What would help you remember ${forgotten}?`];
}

/** Open questions about the sentence's topic, best first (each still goes through the gate). */
export function topicQuestions(sentence: SentenceAnalysis, flags: readonly Flag[], language: Language): string[] {
  const out: string[] = [];
  const judging = flags.includes("judging");
  const topic = topicOf(sentence, language);
  if (topic) {
    // "Wat vind je zelf van je moeder?" would ask the pupil to judge a person.
    const person = PEOPLE.has(topic.split(" ").pop() ?? "");
    if (judging && !person) out.push(language === "nl" ? `Wat vind je zelf van ${topic}?` : `What do you think of ${topic} yourself?`);
    out.push(language === "nl" ? `Wat kun je me vertellen over ${topic}?` : `What can you tell me about ${topic}?`);
  }
  return [...out, ...personQuestion(sentence, language)];
}

/** "ruzie maken met Finn" → "Hoe gaat het tussen jou en Finn?" (after a judging question it goes first). */
export function personQuestion(sentence: SentenceAnalysis, language: Language, conflict = false): string[] {
  const person = personOf(sentence, conflict);
  if (!person) return [];
  return [language === "nl" ? `Hoe gaat het tussen jou en ${person}?` : `How are things between you and ${person}?`];
}

const STEMS: Record<Language, Record<Flag, string>> = {
  nl: {
    judging: "Vraag zonder oordeel, bijvoorbeeld: Wat gebeurde er?",
    leading: "Laat het antwoord open: begin met 'Hoe' of 'Wat', bijvoorbeeld: Hoe zie jij dat zelf?",
    closed: "Begin met 'Wat' of 'Hoe' in plaats van met een werkwoord: Hoe …?",
    multiple: "Stel één vraag tegelijk: Wat …?",
  },
  en: {
    judging: "Ask without judging, for example: What happened?",
    leading: "Leave the answer open: start with 'How' or 'What', for example: How do you see it yourself?",
    closed: "Start with 'What' or 'How' instead of a verb: How …?",
    multiple: "Ask one question at a time: What …?",
  },
};

/** The advice part of a stem, up to and including its colon. */
const advice = (stem: string): string => stem.slice(0, stem.indexOf(":") + 1);

/** True for the stems below (advice with a stem, not a rewritten question), with or without the question's topic. */
export function isQuestionStem(suggestion: string): boolean {
  return Object.values(STEMS).some((byFlag) =>
    Object.values(byFlag).some((stem) => suggestion === stem || (suggestion.startsWith(`${advice(stem)} `) && suggestion.includes("…"))),
  );
}

const STEM_PREPOSITIONS: Record<Language, ReadonlySet<string>> = {
  nl: wordSet("op in bij tijdens met naast over na aan voor"),
  en: wordSet("at in during with next about after on"),
};
const STEM_STOP = wordSet(
  "weleens ooit soms wel nog ook al toch echt eigenlijk gewoon altijd nooit steeds weer en of maar want omdat als dat die wat hoe zo te om " +
    "and or but because if that so to again always never ever",
);
const STEM_DETERMINERS = wordSet("de het je jouw een the your a my");

/** The first phrase the question is about ("op je nieuwe plek naast Sem", "bij lezen"), or null. */
function stemPhrase(sentence: SentenceAnalysis, language: Language): string | null {
  const tokens = sentence.words;
  for (let i = 1; i < tokens.length - 1; i++) {
    // Not an option ("… or with a partner") and not the teacher's explanation ("sinds je met mama oefent").
    if (/^(of|or|want|omdat|sinds|doordat|because|since)$/u.test(tokens[i]?.lower ?? "")) return null;
    if (!STEM_PREPOSITIONS[language].has(tokens[i]?.lower ?? "") || STEM_PREPOSITIONS[language].has(tokens[i + 1]?.lower ?? "")) continue;
    const taken: Token[] = [tokens[i] as Token];
    for (let j = i + 1; j < tokens.length && taken.length < 6; j++) {
      const t = tokens[j] as Token;
      if (STEM_STOP.has(t.lower) || !/^[\p{L}\d][\p{L}\d'-]*$/u.test(t.text) || (j > i + 1 && language === "nl" && looksLikeVerbEnd(t.lower))) break;
      taken.push(t);
    }
    const head = taken[taken.length - 1]?.lower ?? "";
    // Cut off by the length limit ("voor de zomer 80 woorden per"): not a phrase.
    const cut = taken.length === 6 && tokens[i + 6] !== undefined && !STEM_STOP.has(tokens[i + 6]?.lower ?? "");
    if (cut || taken.length < 2 || STEM_DETERMINERS.has(head) || head === "je" || head === "you") continue;
    return joinTokens(taken.map((t, k) => (k === 0 ? { ...t, text: t.lower } : t)));
  }
  return null;
}

/** An infinitive or participle closes the phrase ("in de huishoek gespeeld"): not a noun. */
function looksLikeVerbEnd(w: string): boolean {
  return (
    NL_FINITE_VERBS.has(w) ||
    NL_FINITE_VERBS.has(w.replace(/t$/u, "")) ||
    /^(ge|be|ver)\p{L}+[dt]$/u.test(w) ||
    /^(zitten|spelen|werken|doen|gaan|maken|lezen|leren|praten|kiezen|halen|vertellen)$/u.test(w)
  );
}

/**
 * A question stem for when no wording passes the gate; chosen by the most serious flag. With a phrase the question
 * is about, the stem carries it, so the teacher has half a sentence ("Hoe … op je nieuwe plek naast Sem?").
 */
export function questionStem(flags: readonly Flag[], language: Language, sentence?: SentenceAnalysis): string {
  const flag = (["judging", "leading", "closed", "multiple"] as const).find((f) => flags.includes(f)) ?? "closed";
  const stem = STEMS[language][flag];
  const phrase = sentence ? stemPhrase(sentence, language) : null;
  if (!phrase || cutsFixedExpression(phrase, sentence?.lower ?? [])) return stem;
  const start = flag === "multiple" ? (language === "nl" ? "Wat" : "What") : language === "nl" ? "Hoe" : "How";
  return `${advice(stem)} ${start} … ${phrase}?`;
}

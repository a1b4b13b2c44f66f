// An answer about what helps a pupil, as an onderwijsbehoefte statement for the groepsplan
// ("Finn heeft extra uitleg nodig."). The answer's own words are kept; a frame is put around them
// only when its shape is recognised (a noun phrase, "dat …", "als …", "door … te …", an answer that
// already says "heeft … nodig"). Anything else — the child's first person ("mij", "my"), several
// lines, a question, words we cannot place — becomes "<naam>: <answer as typed>": a statement
// the teacher can trust over a clever one that reads wrong.
import type { Locale } from "../domain/vocabulary.js";
import { translatorFor } from "../i18n/translate.js";

/** What the answer answers: what the pupil needs (a format field), or "my teacher helps me by …" (the kindplan). */
export type NeedSource = "need" | "teacherHelp";

interface Grammar {
  /** Words that start a noun phrase naming a need ("extra uitleg", "een rustige plek"). */
  nounStarts: RegExp;
  /** Words that show a clause rather than a noun phrase: then it is not framed as one. */
  verbs: RegExp;
  /** The child speaking ("ik", "mij"): a third-person frame would misquote it. */
  firstPerson: RegExp;
  /** Common words of the other language: a Dutch answer is not put in an English frame, nor the reverse. */
  foreign: RegExp;
  /** "Deze leerling heeft … nodig" / "needs …", with the subject to be replaced by the name. */
  saysNeed: RegExp;
  /** "als …" / "when …": it helps the pupil when … */
  condition: RegExp;
  /** "dat …": the pupil needs that … (Dutch only). */
  that: RegExp | null;
  /** "door …" / "by …", and a clause of how the teacher helps ("het voor te doen", "showing it"). */
  by: RegExp;
  howClause: RegExp;
  /** A noun phrase's purpose clause that goes after "nodig" ("… nodig om …"). */
  purpose: RegExp | null;
}

const DUTCH: Grammar = {
  nounStarts:
    /^(een|extra|meer|minder|veel|vaste?|korte?|kortere|verlengde|duidelijke?|rustige?|kleine?|kleinere|concrete?|visuele?|eigen|individuele|persoonlijke|directe|herhaalde|rust|tijd|hulp|uitleg|instructie|voorinstructie|herhaling|begeleiding|ondersteuning|structuur|materiaal|materialen|feedback|complimenten|aanmoediging|oefening|oefentijd|pauzes?|nabijheid|voorspelbaarheid|duidelijkheid|stappenplannen?|picto'?s)\b/i,
  verbs:
    /\b(is|zijn|was|waren|wordt|worden|werd|helpt|helpen|werkt|werken|gaat|gaan|kan|kun|kunt|kunnen|wil|wilt|willen|moet|moeten|heeft|hebben|doet|doen|vindt|vind|snapt|lukt|lukken|zit|zitten|mag|mogen|niet|geen)\b/i,
  firstPerson: /\b(ik|me|mij|mijn|m'n|mezelf|mijzelf|wij|we|ons|onze)\b/i,
  foreign: /\b(the|and|with|of|to|for|when|from|by|needs?)\b/i,
  saysNeed: /^(?:(?:deze|de) leerling|hij|zij|ze)\s+(heeft\s+.+\bnodig\b.*)$/i,
  condition: /^(als|wanneer|zodra)\s+\S/i,
  that: /^dat\s+\S/i,
  by: /^door\s+/i,
  howClause: /\bte\s+\p{L}+$/u,
  purpose: /^(.+?)\s+((?:om|zodat)\s+.+)$/i,
};

const ENGLISH: Grammar = {
  nounStarts:
    /^(a|an|more|less|fewer|extra|short|shorter|extended|clear|quiet|small|smaller|concrete|visual|regular|individual|personal|some|time|help|support|instruction|explanation|repetition|guidance|structure|materials?|feedback|praise|encouragement|practice|breaks?|step-by-step)\b/i,
  verbs: /\b(is|are|was|were|be|helps|works|does|do|can|could|will|would|must|has|have|gets|goes|likes|wants|not|no)\b/i,
  firstPerson: /\b(I|me|my|mine|myself|we|us|our)\b/,
  foreign: /\b(de|het|een|van|aan|met|bij|en|om|voor|op|die|dat|niet|ook|heeft|nodig|als|door)\b/i,
  saysNeed: /^(?:(?:this|the) pupil|he|she|they)\s+(needs?\s+.+)$/i,
  condition: /^(when|if|whenever)\s+\S/i,
  that: null,
  by: /^by\s+/i,
  howClause: /^\p{L}+ing\b/u,
  purpose: null,
};

const GRAMMAR: Record<Locale, Grammar> = { nl: DUTCH, en: ENGLISH };

/** At most this many words in a noun phrase we frame: a longer answer is a story, quoted as typed. */
const MAX_PHRASE_WORDS = 12;

const lowerFirst = (s: string) => (/^\p{Lu}(\p{Ll}|\s)/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

function isNounPhrase(g: Grammar, phrase: string): boolean {
  return g.nounStarts.test(phrase) && !g.verbs.test(phrase) && phrase.split(" ").length <= MAX_PHRASE_WORDS && !/[;:()"“”]/.test(phrase);
}

/** The statement in a frame, or null when the answer's shape is not one we recognise. */
function framed(name: string, answer: string, source: NeedSource, locale: Locale): string | null {
  const g = GRAMMAR[locale];
  const t = translatorFor(locale);
  const said = g.saysNeed.exec(answer);
  if (said) return t("needs.statement.says", { name, need: said[1]!.replace(/^need\b/i, "needs") });
  if (answer.startsWith(`${name} `) && g.saysNeed.test(`${locale === "nl" ? "hij" : "he"} ${answer.slice(name.length + 1)}`))
    return t("needs.statement.says", { name, need: answer.slice(name.length + 1) });
  if (g.condition.test(answer)) return t("needs.statement.when", { name, condition: lowerFirst(answer) });
  if (g.that?.test(answer)) return t("needs.statement.that", { name, clause: lowerFirst(answer) });
  const split = g.purpose?.exec(answer);
  const phrase = split ? split[1]! : answer;
  const purpose = split ? ` ${split[2]!}` : "";
  if (source === "teacherHelp") {
    const how = phrase.replace(g.by, "");
    if (!purpose && g.howClause.test(how) && !/^(no|some|any|every)thing\b/i.test(how)) return t("needs.statement.teacherBy", { name, how: lowerFirst(how) });
    return isNounPhrase(g, how) ? t("needs.statement.fromTeacher", { name, need: lowerFirst(how), purpose }) : null;
  }
  return isNounPhrase(g, phrase) ? t("needs.statement.need", { name, need: lowerFirst(phrase), purpose }) : null;
}

/**
 * The onderwijsbehoefte statement for `answer`, in `locale`; null for an empty answer. `name` is
 * the pupil's first name. The answer is never shortened or reworded beyond its first letter.
 */
export function needStatement(name: string, answer: string, source: NeedSource, locale: Locale): string | null {
  const typed = answer.trim();
  if (!typed) return null;
  const fallback = translatorFor(locale)("needs.statement.asTyped", { name, answer: typed });
  // One line, one sentence, no question, not the child's "I": only then is a frame safe.
  const g = GRAMMAR[locale];
  if (/[\r\n?]/.test(typed) || g.firstPerson.test(typed) || g.foreign.test(typed)) return fallback;
  const sentence = typed.replace(/\s+/g, " ").replace(/[.!]+$/, "");
  if (/[.!]\s/.test(sentence) || !sentence) return fallback;
  return framed(name, sentence, source, locale) ?? fallback;
}

/**
 * Dutch rewrite rules: turn a flagged question into an open one. Each rule is a template
 * keyed on the question's shape (leading verb, judging pattern, blame pattern); the caller
 * checks every candidate with the detector and keeps the first one that has no flags.
 *
 * Longer than our ~300-line norm on purpose: it is a table of rules, one per question shape, that
 * share the Dutch morphology helpers; splitting the table would scatter rules that are read together.
 */
import type { SentenceAnalysis } from "./analyse.js";
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
import {
  infinitiveFromParticiple,
  infinitiveFromStem,
  invertedForJe,
  isParticipleNl,
  isPastNl,
  looksLikeInfinitive,
  secondPersonFinal,
  stemFromInfinitive,
  thirdPerson,
} from "./morphology-nl.js";
import { participleTakesHow, takesHow } from "./manner-verbs.js";
import { closedExtras, omTeClause, trailingInfinitives } from "./rewrite-nl-closed.js";
import { DETERMINERS, hadEventRewrite, MOMENT, momentPhrase, OBJECT_VERBS, TIME_NOUNS } from "./rewrite-nl-moments.js";
import { shapeRewritesNl } from "./rewrite-nl-shapes.js";
import { NL_PREPOSITIONS, NL_WH, nlRules } from "./rules-nl.js";
import { wordSet } from "./word-sets.js";

const ABSOLUTE_PHRASES = ["steeds weer", "elke keer weer", "iedere keer weer", "weer eens", "de hele tijd"];
/** The pupil measured against the others: left out of every rewrite, the question is about this pupil. */
const COMPARISONS = ["zoals de anderen", "net als de anderen"];
const REMOVABLE = wordSet("toch nou gewoon eigenlijk natuurlijk altijd telkens alweer steeds eindelijk");
const YES_NO_ADVERBS = wordSet("ook weleens wel eens al nog soms echt eigenlijk weer misschien even genoeg");
const INTENSIFIERS = wordSet("zo zo'n erg heel te best veel wat");
const EVALUATIVE = wordSet(
  "gezellig leuk leuker leukst fijn fijner moeilijk moeilijker lastig lastiger makkelijk makkelijker gemakkelijk " +
    "saai saaier spannend spannender eng enger goed beter slecht prettig prettiger interessant belangrijk " +
    "handig handiger slim slimmer lekker mooi mooier stom raar gek cool tof fijnst leukste moeilijkst hard",
);
const EMOTIONS = wordSet(
  "blij tevreden trots bang boos verdrietig zenuwachtig moe gelukkig bezorgd gespannen nerveus " + "teleurgesteld veilig rustig ongerust jaloers verlegen",
);
const PUPIL = wordSet("je jij");
const TOPIC_PREPOSITIONS = wordSet("tijdens bij in na");
const PLACES = wordSet("binnen buiten thuis in aan bij naast");
const MODALS = wordSet("kun kan kunt kon wil wilt wilde wou moet moest mag mocht durf durft zou");
const SEPARABLE_PARTICLES = wordSet("af op mee door uit aan in na toe terug weg over bij voor samen binnen");
const NEGATIONS = wordSet("niet geen nooit");
const FILLERS = wordSet("gewoon nou toch eigenlijk even dan eens altijd ook zo wel steeds");
const BE_DO = wordSet("ben bent was doe doet deed");
const JUDGING_ANTONYM: Record<string, string> = {
  slordig: "netter",
  druk: "rustiger",
  lui: "actiever",
  brutaal: "vriendelijker",
  vervelend: "aardiger",
  onrustig: "rustiger",
};
const FRIEND_PREFIX = "vriend";
const TIME_WORDS = wordSet(
  "ochtend middag avond morgen vandaag vanmiddag vanochtend straks later nu maandag dinsdag woensdag donderdag vrijdag " + "pauze begin eind",
);
const PLACE_WORDS = wordSet("binnen buiten thuis stilteplek klas gang tafel plek hoek lokaal plein bank");
const SUBJECT_AFTER = wordSet("die dat wat voordat nadat omdat als wanneer terwijl zodat of toen");
const ATTRIBUTIVE = wordSet("oude nieuwe grote kleine eerste tweede laatste volgende vorige lange korte eigen andere");
const MOMENT_WORDS = wordSet("vandaag nu vanochtend vanmiddag gisteren laatst");
const FINITE_END = wordSet("ben bent is was waren zijn doe doet deed heb hebt heeft had word wordt werd");

function isJudgingIndex(s: SentenceAnalysis, index: number): boolean {
  return s.leading.some((h) => h.kind === "judging" && h.index === index);
}

/** Dutch writes "ervoor", "erover" as one word before the verb at the end ("Hoe heb je ervoor geleerd?"). */
const q = (...parts: Parameters<typeof question>): string =>
  question(...parts).replace(/\b([Ee]r|[Hh]ier|[Dd]aar) (voor|mee|over|aan|van|op|in|uit|bij|door|naar|om|tegen|af)(?= \p{L}+\?$)/u, "$1$2");

/** The first noun phrase in `tokens`: determiner + word, or a single capitalised name. */
function nounPhrase(tokens: Tokens): Tokens {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    // "die je pest": after a relative pronoun "je" is the pupil, not "your".
    // and after a conjunction ("voordat je gaat slapen").
    const relative = t.lower === "je" && SUBJECT_AFTER.has(tokens[i - 1]?.lower ?? "") && tokens[i - 2]?.lower !== "net";
    if (DETERMINERS.has(t.lower) && !relative && i + 1 < tokens.length) {
      const next = tokens[i + 1];
      // "je 's ochtends": no noun follows.
      if (next && !/^\p{L}/u.test(next.text)) continue;
      // "deze week", "vanavond": a moment, not what the question is about.
      if (next && TIME_NOUNS.has(next.lower)) {
        i++;
        continue;
      }
      if (
        next &&
        !EVALUATIVE.has(next.lower) &&
        !EVALUATIVE.has(next.lower.replace(/e$/u, "")) &&
        !INTENSIFIERS.has(next.lower) &&
        next.lower !== "best" &&
        !nlRules.subjectPronouns.has(next.lower)
      ) {
        // "je oude school": an attributive adjective takes its noun along.
        return tokens.slice(i, i + (ATTRIBUTIVE.has(next.lower) && /^\p{L}{2,}$/u.test(tokens[i + 2]?.text ?? "") ? 3 : 2));
      }
    }
    if (i > 0 && /^\p{Lu}/u.test(t.text)) return [t];
  }
  return [];
}

/** A short prepositional phrase: preposition, optional determiner, one word ("in de pauze"). */
function shortPhrase(tokens: Tokens, starters: ReadonlySet<string>): Tokens {
  const at = indexOfWord(tokens, starters);
  if (at < 0) return [];
  const hasDeterminer = DETERMINERS.has(tokens[at + 1]?.lower ?? "");
  return tokens.slice(at, at + (hasDeterminer ? 3 : 2));
}

/** Phrase starting with a preposition ("tijdens de instructie"), or []. */
function topicPhrase(tokens: Tokens, starters = TOPIC_PREPOSITIONS): Tokens {
  const at = indexOfWord(tokens, starters);
  if (at < 0) return [];
  const phrase = tokens.slice(at);
  const om = indexOfWord(phrase, wordSet("om als wanneer"), 1);
  return om > 0 ? phrase.slice(0, om) : phrase;
}

// ---------------------------------------------------------------- leading patterns

/** "Zou je niet beter…", "Moet je niet…": the teacher's advice; ask for the pupil's own idea. */
function adviceRewrite(main: Tokens): string[] {
  const topic = topicPhrase(main);
  const out: string[] = [];
  if (topic.length > 0) out.push(q("Wat zou jou helpen", topic));
  out.push("Hoe zou jij dit zelf aanpakken?");
  return out;
}

/** "Waarom heb je je huiswerk niet gemaakt?" → "Wat maakte het lastig om je huiswerk te maken?" */
function blameRewrite(main: Tokens): string[] {
  const l = lowerOf(main);
  if (l[0] !== "waarom" || !PUPIL.has(l[2] ?? "")) return ["Wat maakt dit lastig voor jou?"];
  const verb = l[1] ?? "";
  let rest = main.slice(3).filter((t) => !NEGATIONS.has(t.lower) && !FILLERS.has(t.lower));
  const last = rest[rest.length - 1]?.lower ?? "";
  if ((verb === "heb" || verb === "had") && isParticipleNl(last)) {
    const inf = infinitiveFromParticiple(last);
    const object = rest.slice(0, -1);
    const out: string[] = [];
    if (inf) out.push(q("Wat maakte het lastig om", omTeClause(object, [inf])));
    const np = nounPhrase(object);
    if (np.length > 0) out.push(q("Hoe ging het met", np));
    out.push("Wat gebeurde er toen?");
    return out;
  }
  if (MODALS.has(verb)) return [hardTo(rest) ?? "Wat maakt dit lastig voor jou?"];
  if (verb === "ben" || verb === "was") {
    if (isParticipleNl(last)) return ["Wat gebeurde er toen?"];
    return [q("Wat maakt het lastig om", rest, "te zijn")];
  }
  if (isPastNl(verb)) return ["Wat gebeurde er toen?"];
  let stem = verb;
  if (SEPARABLE_PARTICLES.has(last) && rest.length > 0) {
    stem = last + verb;
    rest = rest.slice(0, -1);
  }
  const inf =
    last && SEPARABLE_PARTICLES.has(last)
      ? (() => {
          const base = infinitiveFromStem(verb);
          return base ? last + base : null;
        })()
      : infinitiveFromStem(stem);
  if (!inf) return ["Wat maakt dit lastig voor jou?"];
  return [q("Wat maakt het lastig om", omTeClause(rest, [inf]))];
}

/**
 * "Waarom ben je zo druk in de klas?" → "Hoe voel je je in de klas?";
 * "Waarom doe je zo vervelend tegen Sem?" → "Hoe gaat het tussen jou en Sem?";
 * "Waarom is je werk zo slordig?" → "Wat zie je zelf als je naar je werk kijkt?".
 */
function judgingWhyRewrite(s: SentenceAnalysis, main: Tokens, mainOffset: number): string[] {
  const l = lowerOf(main);
  const judgeAt = l.findIndex((_, i) => isJudgingIndex(s, mainOffset + i));
  if (judgeAt < 0) return [];
  let subjectAt = -1;
  if (l[0] === "waarom") subjectAt = 2;
  else if (l[0] === "hoe" && (l[1] === "komt" || l[1] === "kan") && l[2] === "het" && l[3] === "dat") subjectAt = 4;
  else if (PUPIL.has(l[0] ?? "")) subjectAt = 0;
  else if (PUPIL.has(l[1] ?? "")) subjectAt = 1;
  if (subjectAt < 0) return [];
  const between = l.slice(0, judgeAt);
  const afterSubject = l[subjectAt + 1] ?? "";
  const describesPupil =
    PUPIL.has(l[subjectAt] ?? "") &&
    (between.some((w) => BE_DO.has(w) || w === "bent") ||
      l.slice(judgeAt + 1).some((w) => FINITE_END.has(w)) ||
      INTENSIFIERS.has(afterSubject) ||
      REMOVABLE.has(afterSubject));
  if (describesPupil) {
    const past = l.some((w) => isPastNl(w) && (BE_DO.has(w) || FINITE_END.has(w))) || l.includes("geweest") || l.includes("gedaan");
    const tail = main.slice(judgeAt + 1);
    const situationAt = tail.findIndex((t) => NL_PREPOSITIONS.has(t.lower) || MOMENT_WORDS.has(t.lower));
    const situation = (situationAt >= 0 ? tail.slice(situationAt) : []).filter(
      (t) => !FINITE_END.has(t.lower) && !wordSet("geweest gedaan gedragen").has(t.lower) && !REMOVABLE.has(t.lower),
    );
    const first = situation[0]?.lower;
    if ((first === "tegen" || first === "tegenover") && situation.length > 1) {
      return [q(past ? "Hoe ging het tussen jou en" : "Hoe gaat het tussen jou en", situation.slice(1))];
    }
    if (situation.length === 0) return [past ? "Hoe voelde je je toen?" : "Hoe voel je je de laatste tijd?"];
    return [q(past ? "Hoe voelde je je" : "Hoe voel je je", situation)];
  }
  const np = nounPhrase(main.slice(subjectAt));
  if (np.length > 0) return [q("Wat zie je zelf als je naar", np, "kijkt")];
  return [];
}

/** Removes absolutes, presumptions and judging words; keeps the rest of the question. */
function cleanup(s: SentenceAnalysis, main: Tokens, mainOffset: number): Tokens {
  let out: Tokens = [];
  let dropNextZo = false;
  main.forEach((t, i) => {
    const w = t.lower;
    if (isJudgingIndex(s, mainOffset + i)) {
      const prev = out[out.length - 1]?.lower;
      const base = w.replace(/e$/u, "");
      const antonym = JUDGING_ANTONYM[w] ?? JUDGING_ANTONYM[base];
      if (prev === "minder" && antonym) {
        out = [...out.slice(0, -1), { ...t, text: antonym, lower: antonym }];
        return;
      }
      if (prev && INTENSIFIERS.has(prev)) out = out.slice(0, -1);
      return;
    }
    if (REMOVABLE.has(w)) {
      dropNextZo = true;
      return;
    }
    if (w === "weer" && ["nou", "nu"].includes(main[i - 1]?.lower ?? "")) return; // "nou weer": exasperation
    if (w === "niet" && ["toch", "vast", "zeker"].includes(main[i - 1]?.lower ?? "") && s.context.declarative) return;
    if (w === "zo" && dropNextZo) {
      dropNextZo = false;
      return;
    }
    dropNextZo = false;
    if (s.context.declarative && (w === "vast" || w === "zeker") && s.leading.some((h) => h.index === mainOffset + i)) return;
    if (w === "wel" && out[out.length - 1] === undefined) return;
    out.push(t);
  });
  out = withoutPhrases(out, ABSOLUTE_PHRASES);
  // "Hoe kan het dat…" sounds incredulous; "Hoe komt het dat…" asks neutrally.
  if (out[0]?.lower === "hoe" && out[1]?.lower === "kan" && out[2]?.lower === "het" && out[3]?.lower === "dat") {
    out = [out[0], { ...out[1], text: "komt", lower: "komt" }, ...out.slice(2)];
  }
  return out;
}

/**
 * What the pupil should manage, after a modal, asked as what makes it hard: "(Waarom kun je nooit eens) stil blijven
 * zitten tijdens de instructie" → "Wat maakt het lastig om stil te blijven zitten tijdens de instructie?".
 */
function hardTo(rest: Tokens): string | null {
  const first = rest.findIndex((t) => looksLikeInfinitive(t.lower));
  if (first < 0) return null;
  let end = first;
  while (end < rest.length && looksLikeInfinitive(rest[end]?.lower ?? "")) end++;
  return q("Wat maakt het lastig om", omTeClause(rest.slice(0, first), lowerOf(rest.slice(first, end))), rest.slice(end));
}

/**
 * "Waarom doe je dat?" → "Wat maakt dat je dat doet?" (used when the original was leading). The finite verb goes to
 * the end of the clause, phrases included ("dat je met je hoofd bij je telefoon zit"); only a clause stays after it.
 */
function whatMakesRewrite(main: Tokens): string | null {
  const l = lowerOf(main);
  if (l[0] !== "waarom" || !PUPIL.has(l[2] ?? "")) return null;
  const verb = l[1] ?? "";
  const rest = main.slice(3);
  // "sta … op tijdens het werken": "op" is the verb's particle, not a preposition; it joins the verb ("opstaat").
  const isParticle = (i: number): boolean =>
    SEPARABLE_PARTICLES.has(rest[i]?.lower ?? "") && (i === rest.length - 1 || NL_PREPOSITIONS.has(rest[i + 1]?.lower ?? "") || rest[i + 1]?.lower === "als");
  let cut = rest.findIndex((t, i) => i > 0 && wordSet("die dat wat waar als wanneer omdat").has(t.lower));
  if (cut < 0) cut = rest.length;
  const particleAt = rest.findIndex((_, i) => i < cut && isParticle(i));
  const middle = rest.slice(0, cut).filter((_, i) => i !== particleAt);
  const extraposed = rest.slice(cut);
  const finite = (particleAt >= 0 ? (rest[particleAt]?.lower ?? "") : "") + secondPersonFinal(verb);
  // "zit … te kletsen" and a modal's infinitives follow the finite verb: "dat je tijdens de instructie zit te kletsen".
  const teAt = middle.findIndex((t, i) => t.lower === "te" && looksLikeInfinitive(middle[i + 1]?.lower ?? ""));
  const after = MODALS.has(verb) ? trailingInfinitives(middle) : teAt >= 0 ? teAt : middle.length;
  const cluster = middle.slice(after, teAt >= 0 && !MODALS.has(verb) ? teAt + 2 : middle.length);
  const before = [...middle.slice(0, after), ...middle.slice(after + cluster.length)];
  const clause = [...before.map((t) => t.text), finite, ...cluster.map((t) => t.text)];
  return q("Wat maakt dat je", clause.join(" "), extraposed);
}

// ---------------------------------------------------------------- closed questions

/** "Je vindt rekenen leuk" → "Vind je rekenen leuk"; "Het ging goed" → "Ging het goed". */
function invertStatement(tokens: Tokens): Tokens {
  const [subject, verb, ...rest] = tokens;
  if (!subject || !verb) return tokens;
  const verbForm = PUPIL.has(subject.lower) ? invertedForJe(verb.lower) : verb.lower;
  return [{ ...verb, text: verbForm, lower: verbForm }, { ...subject, text: subject.lower }, ...rest];
}

/** Drops "zo", "erg", "te" … only where they intensify an adjective ("zo moeilijk"), not in "om … te …". */
function dropIntensifiers(tokens: Tokens): Tokens {
  return tokens.filter((t, i) => {
    if (!INTENSIFIERS.has(t.lower)) return true;
    const next = tokens[i + 1]?.lower ?? "";
    return !(EVALUATIVE.has(next) || EMOTIONS.has(next) || INTENSIFIERS.has(next) || next === "laat" || next === "stil");
  });
}

function stripEvaluative(tokens: Tokens): Tokens {
  const out = tokens.filter((t) => !EVALUATIVE.has(t.lower) && !EMOTIONS.has(t.lower));
  while (out.length > 0 && INTENSIFIERS.has(out[out.length - 1]?.lower ?? "")) out.pop();
  return withoutDanglingCoordinators(
    out.filter((t, i) => !(INTENSIFIERS.has(t.lower) && i === out.length - 1)),
    wordSet("en of"),
  );
}

function vanPhrase(tokens: Tokens): string {
  const l = lowerOf(tokens);
  if (l.length === 1 && l[0] === "dit") return "hiervan";
  if (l.length === 1 && l[0] === "dat") return "daarvan";
  return "van " + tokens.map((t) => t.text).join(" ");
}

function friendsRewrite(rest: Tokens): string | null {
  if (!rest.some((t) => t.lower.startsWith(FRIEND_PREFIX))) return null;
  return q("Met wie ben je graag samen", topicPhrase(rest, wordSet("in bij op tijdens na")));
}

/** "Wil je de toets liever in de ochtend of in de middag maken?" → "Wanneer wil je de toets het liefst maken?" */
function eitherOrRewrite(verb: string, rest: Tokens): string {
  const l = lowerOf(rest);
  const preferAt = l.findIndex((w) => w === "liever" || w === "liefst");
  const preferAsked = preferAt >= 0;
  const object = preferAt > 0 ? rest.slice(0, preferAt).filter((t) => t.lower !== "het") : [];
  const options = preferAt >= 0 ? l.slice(preferAt + 1) : l;
  // "… over rekenen praten of over de ruzie" offers topics, not places: "Waarover".
  const place = options.some((w) => PLACE_WORDS.has(w) || PLACES.has(w))
    ? options.find((w) => NL_PREPOSITIONS.has(w)) === "over"
      ? "Waarover"
      : "Waar"
    : takesHow(verb, options) || MODALS.has(verb) || !preferAsked
      ? "Hoe"
      : // "Heb je liever een hond of een kat?" → "Wat heb je het liefst?", not "Hoe heb je het liefst?"
        "Wat";
  const wh = options.some((w) => TIME_WORDS.has(w)) ? "Wanneer" : place;
  let inf: string | undefined;
  if (MODALS.has(verb)) {
    for (const t of rest) if (looksLikeInfinitive(t.lower) && !object.includes(t)) inf = t.text;
  }
  // "Ga je liever naar de opvang of naar huis?" → "Waar ga je het liefst naartoe?"
  if (wh === "Wat" && options.includes("naar")) return q("Waar", verb, "je", object, "het liefst naartoe");
  return q(wh, verb, "je", object, "het liefst", inf ?? "");
}

function closedRewrite(main: Tokens, choice: Tokens, reason: string): string[] {
  const out: string[] = closedExtras(main);
  const l = lowerOf(main);
  const verb = l[0] ?? "";
  const subject = l[1] ?? "";
  const pupil = PUPIL.has(subject);
  const rawRest = main.slice(2);
  const rest = without(rawRest, YES_NO_ADVERBS);
  const restL = lowerOf(rest);
  const past = isPastNl(verb);

  const whetherAt = restL.indexOf("of");
  // "of het thuis goed gaat" → "Hoe gaat het thuis?"; not "of het oefenen gelukt is" (that "het" is an article).
  const itGoes = restL[whetherAt + 1] === "het" && /^(gaat|ging|lukt|lukte)$/u.test(restL[restL.length - 1] ?? "");
  if (whetherAt > 0 && (PUPIL.has(restL[whetherAt + 1] ?? "") || itGoes) && nlRules.politeRequest(l) === "closed") {
    const embedded = rest.slice(whetherAt + 1);
    const finite = embedded[embedded.length - 1];
    if (finite && embedded.length >= 2) {
      const subjectToken = embedded[0];
      if (subjectToken) {
        const inverted = invertStatement([subjectToken, finite, ...embedded.slice(1, -1)]);
        out.push(...closedRewrite(inverted, [], "yes-no"));
      }
    }
  }

  if (reason === "choice" && choice.length > 0) {
    const orAt = lowerOf(choice).indexOf("of");
    const a = choice.slice(0, orAt);
    const b = choice.slice(orAt + 1);
    if (orAt > 0 && b.length > 0) out.push(q("Wat vind je van", a, "en van", b));
  }

  const eitherOr = reason === "either-or";
  const hasLiefst = restL.includes("liever") || restL.includes("liefst");

  if (["vind", "vindt", "vond"].includes(verb) && pupil) {
    const vind = past ? "vond" : "vind";
    const r = rest.map((t) => (t.lower === "of" ? { ...t, text: "en", lower: "en" } : t));
    const rL = lowerOf(r);
    if (rL[0] === "dat" && rL.slice(1).every((w) => EVALUATIVE.has(w) || INTENSIFIERS.has(w))) out.push(q("Wat", vind, subject, "daarvan"));
    else if (rL[0] === "dat") out.push(q("Wat", vind, subject, "ervan", r));
    else if (rL[0] === "het") out.push(q("Hoe", vind, subject, "het", stripEvaluative(r.slice(1))));
    else {
      const topic = stripEvaluative(r);
      if (topic.length > 0) out.push(q("Wat", vind, subject, vanPhrase(topic)));
    }
  } else if (hasLiefst || (eitherOr && pupil)) {
    out.push(eitherOrRewrite(verb, rest));
  } else if (["ben", "bent", "was"].includes(verb) && pupil) {
    const r = dropIntensifiers(rest);
    const adjective = r[0]?.lower ?? "";
    const after = r.slice(1).map((t, i) => (i === 0 && ["met", "voor", "op"].includes(t.lower) ? { ...t, text: "over", lower: "over" } : t));
    const lastWord = r[r.length - 1]?.lower ?? "";
    const feelingAt = r.findIndex((t) => EMOTIONS.has(t.lower));
    const towards = r[feelingAt + 1]?.lower ?? "";
    const name = r[feelingAt + 2];
    if (feelingAt >= 0 && (towards === "op" || towards === "met") && name && /^\p{Lu}\p{Ll}+$/u.test(name.text) && r.length === feelingAt + 3) {
      // "Je bent toch niet meer boos op Mila?" → "Hoe gaat het nu tussen jou en Mila?"
      out.push(q(past ? "Hoe ging het tussen jou en" : "Hoe gaat het nu tussen jou en", [name]));
    } else if (EMOTIONS.has(adjective)) out.push(q(past ? "Hoe voelde je je" : "Hoe voel je je", after));
    else if (lastWord === "geweest" && nounPhrase(r).length > 0) out.push(q("Wat kun je me vertellen over", nounPhrase(r)));
    else if (adjective === "klaar") out.push(q("Hoe ver ben je", r.slice(1)));
    else if (adjective === "goed" && r[1]?.lower === "in") out.push(q("Wat gaat al goed bij", r.slice(2)));
    else if (r.some((t) => isParticipleNl(t.lower))) {
      const teAt = lowerOf(r).indexOf("te");
      if (teAt >= 0 && r[teAt + 1]) out.push(q("Hoe gaat het met", r.slice(teAt + 1)));
      else if (nounPhrase(r).length > 0) out.push(q(isParticipleNl(lastWord) ? "Hoe ging het met" : "Hoe gaat het met", nounPhrase(r)));
    } else out.push(q("Hoe gaat het met je", topicPhrase(r, wordSet("in bij op tijdens na met"))));
  } else if (["heb", "hebt", "had"].includes(verb) && pupil) {
    out.push(...hadEventRewrite(rest, (w) => EVALUATIVE.has(w) || INTENSIFIERS.has(w)));
    // "Heb je goed geslapen vannacht?": the moment goes before the participle ("Hoe heb je vannacht geslapen?").
    const moment = rest[rest.length - 1];
    if (moment && MOMENT.has(moment.lower) && isParticipleNl(restL[restL.length - 2] ?? "") && participleTakesHow(restL[restL.length - 2] ?? "")) {
      out.push(q("Hoe heb je", stripEvaluative([moment, ...rest.slice(0, -1)])));
    }
    const nodig = restL.indexOf("nodig");
    const zin = restL.indexOf("zin");
    const whAt = restL.findIndex((w) => NL_WH.has(w));
    const lastWord = restL[restL.length - 1] ?? "";
    const friends = friendsRewrite(rest);
    const gevoel = restL.indexOf("gevoel");
    if (gevoel >= 0 && restL[gevoel + 1] === "dat" && rest.length > gevoel + 2) out.push(q("Hoe merk jij of", rest.slice(gevoel + 2)));
    else if (nodig >= 0) out.push(q("Wat heb je nodig", rest.slice(nodig + 1)));
    else if (zin >= 0 && restL.includes("naar")) out.push(q("Wanneer heb je het naar je zin", rest.slice(zin + 1)));
    else if (zin >= 0 && restL[zin + 1] === "in" && rest.length > zin + 2) out.push(q("Wat verwacht je van", rest.slice(zin + 2)));
    else if (friends) out.push(friends);
    else if (whAt >= 0) out.push(q(whWithNoun(rest.slice(whAt)), "denk je dat", rest.slice(whAt + whWithNoun(rest.slice(whAt)).length)));
    else if (isParticipleNl(lastWord)) {
      const object = rest.slice(0, -1);
      const np = nounPhrase(object);
      if (restL[0] === "iets") out.push(q("Wat heb je", rest.slice(-1)));
      else if (np.length > 0) out.push(q("Hoe ging het met", np));
      if (participleTakesHow(lastWord)) out.push(q("Hoe heb je", stripEvaluative(rest)));
    } else {
      const np = nounPhrase(rest);
      if (np.length > 0) out.push(q("Hoe gaat het met", np));
    }
  } else if ((verb === "klopt" || verb === "klopte") && restL[0] === "dat") {
    const topic = shortPhrase(rest, wordSet("in bij op tijdens na met"));
    if (topic.length > 0) out.push(q("Hoe gaat het", topic));
    out.push("Hoe zie jij dat zelf?");
  } else if (verb === "is" && subject === "er" && (restL[0] === "iets" || (restL[0] === "nog" && restL[1] === "iets"))) {
    const relAt = restL.findIndex((w) => w === "wat" || w === "dat");
    const clause = relAt >= 0 ? rest.slice(relAt + 1) : [];
    const finiteAt = clause.findIndex((t, i) => i > 0 && (FINITE_END.has(t.lower) || MODALS.has(t.lower) || MODALS.has(invertedForJe(t.lower))));
    const who = clause[0];
    const finite = clause[finiteAt];
    if (who && finite && PUPIL.has(who.lower)) {
      out.push(
        q("Wat", invertedForJe(finite.lower), who.lower, rawRest[0]?.lower === "nog" ? "nog" : "", clause.slice(1, finiteAt), clause.slice(finiteAt + 1)),
      );
    }
  } else if (["gaat", "ging", "lukt", "lukte"].includes(verb) && subject === "het") {
    const r = stripEvaluative(rest).filter((t) => t.lower !== "lukken");
    // "Gaat het lukken om …" → "Hoe lukt het om …" ("Hoe gaat het om …" would ask what it is about).
    out.push(q("Hoe", restL.includes("lukken") ? (verb === "ging" ? "lukte" : "lukt") : verb, "het", r));
  } else if (["is", "was"].includes(verb)) {
    const r = dropIntensifiers(rest).filter((t) => !NEGATIONS.has(t.lower));
    // "Is het gelukt om je doel te halen?" presumes success when read as "Hoe is het voor jou om …": ask how it went.
    const omAt = r.findIndex((t) => t.lower === "om");
    const teAt = r.findIndex((t) => t.lower === "te");
    if (subject === "het" && r[0]?.lower === "gelukt") {
      if (omAt === 1 && teAt === 4 && DETERMINERS.has(r[2]?.lower ?? "")) out.push(q("Hoe ging het met", r.slice(2, 4)));
    } else if (subject === "het") {
      const afterAdj = r.slice(1).filter((t, i) => i > 0 || !EVALUATIVE.has(t.lower));
      out.push(
        q(
          "Hoe",
          verb,
          "het voor jou",
          afterAdj.filter((t) => !EVALUATIVE.has(t.lower)),
        ),
      );
    } else if (subject === "dat" || subject === "dit") {
      out.push(q("Hoe", verb, subject, "voor jou"));
    } else if (subject !== "er") {
      const all = main.slice(1).filter((t) => !INTENSIFIERS.has(t.lower) && !NEGATIONS.has(t.lower) && !YES_NO_ADVERBS.has(t.lower));
      const adjAt = all.findIndex((t) => EVALUATIVE.has(t.lower));
      const np = adjAt > 0 ? all.slice(0, adjAt) : all.slice(0, DETERMINERS.has(all[0]?.lower ?? "") ? 2 : 1);
      out.push(q("Hoe", verb, np, "voor jou"));
    }
  } else if (["snap", "snapt", "snapte", "begrijp", "begrijpt", "weet", "wist"].includes(verb) && pupil) {
    const whAt = restL.findIndex((w) => NL_WH.has(w));
    if (whAt === 0) out.push(q(whWithNoun(rest), "denk je dat", rest.slice(whWithNoun(rest).length)));
    else if (restL[0] === "dat") out.push(q("Wat vind je ervan", rest));
    else {
      const verbText = verb === "wist" ? "wist" : verb.startsWith("begrijp") ? "begrijp" : verb.startsWith("snap") ? "snap" : "weet";
      out.push(q("Wat", verbText, "je al van", rest));
    }
  } else if (["denk", "denkt", "dacht"].includes(verb) && pupil) {
    const np = nounPhrase(rest.slice(restL[0] === "dat" ? 2 : 0));
    out.push(np.length > 0 ? q("Wat denk je zelf over", np) : "Wat denk je zelf?");
  } else if (["kun", "kan", "kunt", "kon"].includes(verb) && pupil) {
    const infAt = rest.findIndex((t) => looksLikeInfinitive(t.lower));
    if (["me", "mij", "ons"].includes(restL[0] ?? "") && infAt > 0) {
      out.push(q("Hoe zou je", rest.slice(0, infAt), "kunnen", rest.slice(infAt)));
    }
    out.push(q("Hoe gaat het met", rest));
  } else if (["wil", "wilt", "wilde"].includes(verb) && pupil && restL[0] === "dat" && rest.length > 2) {
    out.push(q("Wat vind jij ervan als", rest.slice(1)));
  } else if (["wil", "wilt", "wilde", "zou", "zullen", "zal"].includes(verb)) {
    const r = rest;
    const vindenAt = lowerOf(r).indexOf("vinden");
    const clauseAt = lowerOf(r).findIndex((w) => w === "om" || w === "als");
    if (vindenAt >= 0 && clauseAt >= 0) {
      out.push(q("Hoe zou je het vinden", r.slice(clauseAt)));
    }
    // No "Wat zou je ervan vinden om …" for the rest: it hides a yes/no to the teacher's proposal (issue 11).
  } else if (["mag", "mogen"].includes(verb)) {
    const r = main.slice(2);
    const stop = r.findIndex((t) => NL_WH.has(t.lower) || t.lower === "dat" || t.lower === "of");
    const own = stop >= 0 ? r.slice(0, stop) : r;
    const tail = stop >= 0 ? r.slice(stop) : [];
    let infAt = -1;
    own.forEach((t, i) => {
      if (looksLikeInfinitive(t.lower)) infAt = i;
    });
    const inf = own[infAt]?.lower;
    if (inf) {
      const finite = subject === "ik" ? infinitiveToStem(inf) : thirdPerson(inf);
      if (finite) out.push(q("Wat denk je dat er verandert als", main.slice(1, 2), own.slice(0, infAt), finite, own.slice(infAt + 1), tail));
    }
  } else if (pupil) {
    const friends = friendsRewrite(rest);
    if (friends) out.push(friends);
    if (restL.includes("graag")) {
      const inf = infinitiveFromStem(verb);
      if (inf) out.push(q("Wat vind je ervan om", omTeClause(without(rest, wordSet("graag")), [inf])));
    }
    // "Kijk je 's avonds nog tv?" → "Wat kijk je 's avonds?": the thing done at a moment is asked ("Hoe lees je thuis
    // een boek?" would presume the book).
    const when = momentPhrase(rest);
    if (OBJECT_VERBS.has(verb) && when.length > 0) out.push(q("Wat", verb, subject, when));
    // "Maak je je weleens zorgen over de toetsen?" → "Wat gaat er door je heen als je aan de toetsen denkt?"
    const worry = restL.indexOf("zorgen");
    if (/^maak(te)?$/u.test(verb) && worry > 0 && restL[worry + 1] === "over" && rest.length > worry + 2) {
      out.push(q("Wat gaat er door je heen als je aan", rest.slice(worry + 2), "denkt"));
    }
    // "Hoe oefen je …" asks for a manner; "Hoe mis je …", "Hoe kijk je tv" are not Dutch (manner-verbs.ts).
    if (takesHow(verb, restL)) out.push(q("Hoe", verb, subject, stripEvaluative(rest)));
  } else {
    // Another subject: "Helpen je ouders je met huiswerk?" → "Hoe helpen je ouders je met huiswerk?"
    out.push(
      q(
        "Hoe",
        main.filter((t) => !YES_NO_ADVERBS.has(t.lower) && !EVALUATIVE.has(t.lower)),
      ),
    );
  }
  const np = nounPhrase(rest);
  if (np.length > 0) out.push(q("Wat kun je me vertellen over", np));
  return out;
}

/** "welk doel" keeps its noun in front of "denk je dat": "Welk doel denk je dat we kozen?" */
function whWithNoun(tokens: Tokens): Tokens {
  return tokens.slice(0, tokens[0] && ["welk", "welke", "hoeveel"].includes(tokens[0].lower) ? 2 : 1);
}

function infinitiveToStem(inf: string): string | null {
  return stemFromInfinitive(inf);
}

// ---------------------------------------------------------------- entry point

function rewrite(s: SentenceAnalysis): string[] {
  const candidates: string[] = [];
  const kinds = new Set(s.leading.map((h) => h.kind));
  const clause = lowerFirst(clauseWithoutTag(s, nlRules.isTag), () => false);
  const head = s.head;
  const firstSegment = s.segments[0];
  const mainOffset = head ? head.offset : (firstSegment?.offset ?? 0);
  const trailing = s.segments.find((seg) => seg.offset > mainOffset && (seg.kind === "choice" || seg.kind === "example" || seg.kind === "tag"));
  const mainEnd = trailing ? trailing.rawOffset : clause.length;
  let main = withoutPhrases(
    lowerFirst(clause.slice(mainOffset, mainEnd), () => false),
    COMPARISONS,
  );
  const choice = trailing && trailing.kind === "choice" ? clause.slice(trailing.offset, trailing.offset + trailing.words.length) : [];
  const prefixSegments = s.segments.filter((seg) => seg.rawOffset < (head?.rawOffset ?? 0));
  const conditional =
    prefixSegments.length > 0 &&
    prefixSegments.every((seg) => seg.kind === "subordinate") &&
    ["als", "wanneer", "stel"].includes(prefixSegments[0]?.words[0] ?? "");
  const prefix = conditional ? clause.slice(0, head?.rawOffset ?? 0) : [];

  if (kinds.has("negated-question")) candidates.push(...adviceRewrite(main));
  if (kinds.has("blame")) candidates.push(...blameRewrite(main));
  if (kinds.has("judging")) candidates.push(...judgingWhyRewrite(s, main, mainOffset));
  if (kinds.has("absolute") && lowerOf(main).includes("nooit")) {
    const om = lowerOf(main).indexOf("om");
    if (om > 0) candidates.push(q("Wat maakt het lastig", main.slice(om)));
    const l = lowerOf(main);
    const hard =
      l[0] === "waarom" && MODALS.has(l[1] ?? "") && PUPIL.has(l[2] ?? "")
        ? hardTo(main.slice(3).filter((t) => !FILLERS.has(t.lower) && !NEGATIONS.has(t.lower)))
        : null;
    if (hard) candidates.push(hard);
    // "nooit eens" → "niet" ("niet eens" is a reproach of its own).
    main = main
      .filter((t, i) => !(t.lower === "eens" && main[i - 1]?.lower === "nooit"))
      .map((t) => (t.lower === "nooit" ? { ...t, text: "niet", lower: "niet" } : t));
  }

  const cleaned = cleanup(s, main, mainOffset);
  if (head?.kind === "wh" && (kinds.has("absolute") || kinds.has("presumption"))) {
    const whatMakes = whatMakesRewrite(cleaned);
    if (whatMakes) candidates.push(whatMakes);
  }

  const reason = s.closedReason;
  if (reason !== null) {
    if (conditional) candidates.push(q(prefix, ", wat doe je dan"));
    candidates.push(...shapeRewritesNl(cleaned));
    const clauseForClosed = head?.kind === "yes-no" ? cleaned : s.context.declarative ? invertStatement(cleaned) : cleaned;
    if (head?.kind === "yes-no" || s.context.declarative) candidates.push(...closedRewrite(clauseForClosed, choice, reason));
    else candidates.push(...closedRewrite(cleaned, choice, reason));
  }
  candidates.push(q(prefix.length > 0 ? [...prefix, ...words(",")] : [], cleaned));
  const np = nounPhrase(cleaned.slice(1));
  if (np.length > 0) candidates.push(q("Hoe gaat het met", np));
  return candidates;
}

export const nlRewriter: Rewriter = {
  rewrite,
  multipleAdvice: (first, second) => `${first} (Stel daarna pas, apart, de volgende vraag: "${second}")`,
  laterAdvice: (first) => `${first} (Stel je andere vraag daarna pas, apart.)`,
  bareFollowUp: (wh) => (wh === "waarom" ? "Hoe komt dat?" : `${wh.charAt(0).toUpperCase()}${wh.slice(1)} denk je?`),
};

/**
 * The goal sharpener of the leerlingbespreking, also used for pupil goals: a goal must name what
 * the pupil DOES, with a measure, instead of a label or diagnosis. "Heeft een slechte werkhouding"
 * becomes "werkt na de groepsinstructie 10 minuten zelfstandig aan de weektaak".
 *
 * Issues:
 * - label: a diagnosis or judging label ("is dyslectisch", "heeft ADHD", "is lui", "has a poor attitude");
 * - not_observable: no behaviour anyone can see or hear ("beter worden in rekenen", "get better at maths");
 * - no_measure: a visible behaviour without how often, how long or how well ("Sam leest beter").
 */
import { detectTopic, goalExample } from "./examples.js";
import { eachLocale, localized, translate } from "../i18n/translate.js";
import { detectCheckLanguage } from "./language.js";
import { EFFORT_PATTERNS, hasMeasure } from "./lexicon.js";
import { capitalize, findAll, patterns, quote, shorten, tokenize, wordSet, type PhraseHit, type Word } from "./text.js";
import type { Bilingual, CheckLanguage, GoalCheck, GoalIssue } from "./types.js";
import { guessEnglishVerb, verbAt, verbForms } from "./verbs.js";

// ---------------------------------------------------------------------------------------------
// Labels

/** Diagnoses and judging nouns: a label wherever they occur. */
const LABEL_WORDS = wordSet(`
  adhd autisme autistisch dyslexie dyslectisch dyscalculie dyscalculisch faalangst faalangstig
  hoogbegaafd hoogbegaafdheid hyperactief hyperactiviteit concentratieprobleem concentratieproblemen
  concentratiestoornis gedragsprobleem gedragsproblemen gedragsstoornis leerprobleem leerproblemen
  werkhouding spanningsboog pdd-nos motivatieprobleem motivatieproblemen zorgenkind probleemkind
  lastpak druktemaker dromer stuitert stuiteren stuiterbal ontwikkelingsachterstand
  asd autism autistic dyslexia dyslexic dyscalculia hyperactive hyperactivity troublemaker daydreamer
  attitude bounces bouncing
`);

/** Abbreviations that are a label only when written in capitals ("ADD", not "add"). */
const LABEL_ACRONYMS = new Set(["ADD", "ASS", "ODD", "ADHD", "ASD", "ODD", "DCD", "TOS"]);

const LABEL_PHRASES = patterns([
  "fear of failure",
  "performance anxiety",
  "concentration problem|problems|issues",
  "attention problem|problems|issues|span",
  "behaviour|behavior problem|problems|issues",
  "learning difficulty|difficulties|problems",
  "bounces|bouncing off the walls",
  "kan|kunnen zich concentreren",
  "kan|kunnen zich * concentreren",
  "kan|kunnen zich * * concentreren",
  "kan|kunnen * stilzitten",
  "kan|kunnen * * stilzitten",
  "kan|kunnen * stil zitten",
  "can|can't|cannot concentrate|focus",
  "can|can't|cannot * concentrate|focus",
  "can|can't|cannot sit still",
  "can|can't|cannot * sit still",
  "unable to concentrate|focus",
  "unable to sit still",
  "heeft nergens zin in",
  "heeft geen zin",
  "nergens zin in",
]);

const COPULAS = wordSet(`is zijn ben bent lijkt was are am seems seem was`);

/** Traits that judge the child when they follow "is": "is lui", "is erg druk", "is a poor reader". */
const TRAITS = wordSet(`
  lui luie druk drukke onrustig brutaal ongemotiveerd gemotiveerd slordig chaotisch dromerig traag zwak
  zwakke lastig moeilijk afwezig ongeconcentreerd verlegen teruggetrokken onzeker angstig bang agressief
  opstandig dwars eigenwijs passief langzaam stil stout vervelend impulsief afgeleid slim dom
  ongeïnteresseerd ongeinteresseerd
  lazy naughty rude disruptive restless unmotivated motivated sloppy messy slow weak shy anxious aggressive
  defiant passive difficult hyper chaotic distracted impulsive withdrawn insecure stubborn poor bad clever
  smart dreamy
`);

/** Words that may stand between "is" and the trait: "is erg druk", "is vaak afwezig", "is a poor reader". */
const TRAIT_FILLERS = wordSet(`
  een erg heel nogal te zo best wat vaak soms altijd echt behoorlijk snel ontzettend enorm niet
  a an very really quite so often always a bit rather too extremely not
`);

/** "heeft een slechte werkhouding", "has a poor attitude", "heeft weinig zelfvertrouwen". */
const HAVE = wordSet(`heeft hebben has have lacks mist`);
const NEGATIVE_QUALITIES = wordSet(`
  slechte slecht zwakke zwak matige negatieve korte lage weinig geen nauwelijks onvoldoende
  poor bad weak short low negative no little
`);

function labelHits(words: readonly string[], tokens: readonly Word[]): PhraseHit[] {
  const hits: PhraseHit[] = [...findAll(words, LABEL_PHRASES)];
  const covered = (i: number): boolean => hits.some((h) => i >= h.start && i < h.end);
  for (let i = 0; i < words.length; i++) {
    if (covered(i)) continue;
    const w = words[i] ?? "";
    const written = tokens[i]?.text ?? "";
    if (LABEL_WORDS.has(w) || LABEL_ACRONYMS.has(written)) {
      // Quote "heeft ADHD", "is dyslexic" rather than the bare word.
      const start = i > 0 && (HAVE.has(words[i - 1] ?? "") || COPULAS.has(words[i - 1] ?? "")) ? i - 1 : i;
      hits.push({ start, end: i + 1 });
      continue;
    }
    if (COPULAS.has(w)) {
      for (let j = i + 1; j < Math.min(words.length, i + 5); j++) {
        const next = words[j] ?? "";
        if (TRAITS.has(next)) {
          // "is a poor reader": include the noun after an adjective.
          const end = j + 1 < words.length && /^(lezer|rekenaar|leerling|kind|reader|pupil|child|learner)$/u.test(words[j + 1] ?? "") ? j + 2 : j + 1;
          hits.push({ start: i, end });
          i = end - 1;
          break;
        }
        if (!TRAIT_FILLERS.has(next)) break;
      }
      continue;
    }
    if (HAVE.has(w)) {
      let j = i + 1;
      if (/^(een|a|an)$/u.test(words[j] ?? "")) j++;
      if (NEGATIVE_QUALITIES.has(words[j] ?? "") && j + 1 < words.length) {
        hits.push({ start: i, end: j + 2 });
        i = j + 1;
      }
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// Observable behaviour

/** Verbs that are activities but not something you see the pupil do when a goal is reached. */
const GOAL_NOT_VISIBLE = wordSet(`leren leer leert learn learns learning`);

/** "Werkt" is a light verb in agreements ("harder werken"), but in a goal working on a task is visible. */
const GOAL_VISIBLE_LIGHT = wordSet(`werk werkt werken work works working`);

/** Idioms with an action verb that describe a feeling: "lekker in je vel zitten". */
const FEELING_IDIOMS = patterns(["in zijn|haar|je|mijn|het vel zitten|zit", "lekker in zijn|haar|je vel"]);

function visibleActions(words: readonly string[], lang: CheckLanguage, excluded: ReadonlySet<number>, nameFirst: boolean): number[] {
  const skip = new Set(excluded);
  for (const hit of [...findAll(words, FEELING_IDIOMS), ...findAll(words, EFFORT_PATTERNS)]) {
    for (let i = hit.start; i < hit.end; i++) skip.add(i);
  }
  const out: number[] = [];
  words.forEach((w, i) => {
    if (skip.has(i) || GOAL_NOT_VISIBLE.has(w)) return;
    // An unknown English verb where a goal puts it: "Lines up …", "Liam lines up …".
    if (lang === "en" && (i === 0 || (i === 1 && nameFirst)) && guessEnglishVerb(w, true)) {
      out.push(i);
      return;
    }
    const verb = verbAt(words, i, lang) ?? verbAt(words, i);
    if (verb?.kind === "action" || (verb?.kind === "light" && GOAL_VISIBLE_LIGHT.has(w))) out.push(i);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Names and suggestion

const NAME_FOLLOWERS = wordSet(`is heeft kan moet wil gaat wordt zit vindt mag has can must will needs is`);

/** The pupil's name when the goal starts with one ("Sam leest …"), else null. */
function pupilName(tokens: readonly Word[]): string | null {
  const [first, second] = tokens;
  if (!first || !second) return null;
  if (!/^\p{Lu}\p{Ll}+$/u.test(first.text)) return null;
  if (verbForms(first.lower).length > 0 || LABEL_WORDS.has(first.lower) || TRAITS.has(first.lower)) return null;
  if (/^(de|het|een|the|a|an|meer|more|beter|better|get|be|is|heeft|has|leerling|pupil|kind|child)$/u.test(first.lower)) return null;
  const follower = second.lower;
  const finite = verbForms(follower).some((f) => f.thirdPerson);
  return finite || NAME_FOLLOWERS.has(follower) ? first.text : null;
}

function buildSuggestion(text: string, issues: GoalIssue[], name: string | null, lang: CheckLanguage): Bilingual {
  // Unnamed, the pupil is "de leerling" in a sentence and "De leerling" at the start of the example.
  const pupil = eachLocale((l) => name ?? translate(l, "check.goal.thePupil"));
  const example = goalExample(
    detectTopic(text),
    eachLocale((l) => name ?? capitalize(translate(l, "check.goal.thePupil"))),
  );
  const first = issues[0]?.code ?? "not_observable";
  const short = shorten(text, 80);
  const quoted = eachLocale((target) => (lang === target && short.length > 0 ? ` '${short}'` : ""));
  const lead = localized(
    first === "label" ? "check.goal.lead.label" : first === "not_observable" ? "check.goal.lead.not_observable" : "check.goal.lead.no_measure",
    { name: pupil, goal: quoted },
  );
  const follow = eachLocale((l) => (first === "label" ? translate(l, "check.goal.follow.label", { name: pupil }) : ""));
  return localized("check.goal.suggestion", { lead, example, name: pupil, follow });
}

// ---------------------------------------------------------------------------------------------

const MESSAGES = {
  label: (found: string): Bilingual => localized("check.goal.label", { found }),
  not_observable: localized("check.goal.not_observable"),
  empty: localized("check.goal.empty"),
  no_measure: localized("check.goal.no_measure"),
};

export function checkObservableGoal(text: string, lang?: CheckLanguage): GoalCheck {
  const language = lang ?? detectCheckLanguage(text);
  const tokens = tokenize(text);
  const words = tokens.map((t) => t.lower);
  const issues: GoalIssue[] = [];

  const labels = labelHits(words, tokens);
  const inLabel = new Set<number>();
  const seen = new Set<string>();
  for (const hit of labels) {
    for (let i = hit.start; i < hit.end; i++) inLabel.add(i);
    const found = quote(tokens, text, hit);
    if (seen.has(found.toLowerCase())) continue;
    seen.add(found.toLowerCase());
    issues.push({ code: "label", found, message: MESSAGES.label(found) });
  }

  const name = pupilName(tokens);
  const actions = visibleActions(words, language, inLabel, name !== null);
  if (labels.length === 0) {
    if (words.length === 0) {
      issues.push({ code: "not_observable", found: null, message: MESSAGES.empty });
    } else if (actions.length === 0) {
      issues.push({ code: "not_observable", found: null, message: MESSAGES.not_observable });
    } else if (!hasMeasure(words)) {
      const first = actions[0] ?? 0;
      issues.push({ code: "no_measure", found: tokens[first]?.text ?? null, message: MESSAGES.no_measure });
    }
  }

  const observable = issues.length === 0;
  return {
    observable,
    issues,
    suggestion: observable ? null : buildSuggestion(text, issues, name ? capitalize(name) : null, language),
  };
}

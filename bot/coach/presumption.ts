/**
 * Presumption structures: wording that puts the teacher's view into a question without one of the
 * trigger words of rules-nl.ts / rules-en.ts. Each rule is a structure, not a phrase list:
 *
 * - a degree word before an evaluative adjective inside an open question ("Wat maakt rekenen zo saai
 *   voor je?", "Hoe erg vond je het dat …", "What made the trip so much fun?") presumes the feeling;
 * - "hoeveel"/"how much" before a comparative or "helped" presumes there was improvement or help;
 * - a clause after "want"/"omdat"/"sinds"/"doordat" in an open question adds the teacher's own
 *   explanation ("…, want dat was echt een topdag?"); "daarom"/"daardoor" in a yes/no question
 *   presumes a cause;
 * - "clearly"/"natuurlijk" inside a question presumes the answer.
 *
 * Judging (flag `judging`): a mishap "weer" in a yes/no question about the pupil ("Zat je weer te
 * dagdromen?", "Heb je nou wéér je boek laten liggen?"), "weer niet"/"weer geen", a negated yes/no
 * question that offers a judging word as the teacher's opinion ("Vind je het zelf niet kinderachtig…"),
 * asking for more effort ("wat beter je best doen", "trying harder"), "grote jongen/meid" said to the pupil, and
 * "slechte" before the pupil's work ("dat slechte cijfer").
 * Adjectives that already judge the pupil (slordig, onrustig …) are left to the judging rules.
 */
import type { LeadingHit, SentenceContext } from "./language-rules.js";
import { wordSet } from "./word-sets.js";

const NL_DEGREE = wordSet("zo zó erg heel echt hartstikke super");
const NL_EVALUATIVE = wordSet(
  "leuk leuke saai saaie fijn fijne moeilijk moeilijke makkelijk lastig spannend eng enge verdrietig boos blij bang mooi goed " +
    "gezellig stom naar gemeen rot geweldig jammer zwaar erg vervelend moe trots",
);
/** "Hoe erg vond je …", "Hoe leuk was …": "hoe" + an evaluative word asks for a degree of a presumed feeling. */
const NL_HOW_DEGREE = wordSet("erg leuk fijn saai eng moeilijk lastig spannend verdrietig boos blij vervelend naar gemeen rot");
const NL_OPEN_VERBS = wordSet("vind vindt vond voel voelt voelde was is maakt maakte maken ging gaat");
const NL_EXPLAIN = wordSet("want omdat sinds doordat");
const NL_CAUSE = wordSet("daarom daardoor");
const NL_PUPIL = wordSet("je jij");
const NL_AGAIN = wordSet("weer wéér alweer");
/** "weer beter/goed/terug" is recovery, not a mishap ("Ben je weer beter?"). */
const NL_AGAIN_NEUTRAL = wordSet("beter goed gezond terug fit thuis eens op naar zin");
const NL_PUPIL_WORK = wordSet("je jouw dat dit die zo'n");
const NL_BIG = wordSet("jongen meid meisje");
const NL_NEGATIONS = wordSet("niet geen");
const NL_BE_DO = wordSet("ben bent was doe doet deed gedraag gedraagt");

/** Participles and "te"/"zitten"/"laten" infinitives that describe what the pupil did. */
function isDeed(w: string): boolean {
  return /^(?:af|op|mee|door|uit|aan|in|na|toe|terug|weg|over|bij|voor)?ge\p{L}{2,}(?:t|d|en)$/u.test(w) || /^(?:te|zitten|laten|liggen|staan)$/u.test(w);
}

export function nlPresumptionHits(words: readonly string[], ctx: SentenceContext, contextJudging: ReadonlySet<string>): LeadingHit[] {
  const hits: LeadingHit[] = [];
  if (!ctx.isQuestion) return hits;
  const pupil = words.some((w) => NL_PUPIL.has(w));
  const open = ctx.head === "wh";
  words.forEach((w, i) => {
    const next = words[i + 1] ?? "";
    // "Waarom doe je zo vervelend?" judges the pupil (rules-nl.ts); "Waarom maak je het zo moeilijk?" presumes.
    const aboutPupil = pupil && words.slice(0, i).some((x) => NL_BE_DO.has(x));
    if (open && i > ctx.headOffset && NL_DEGREE.has(w) && NL_EVALUATIVE.has(next) && !aboutPupil) {
      hits.push({ kind: "presumption", word: `${w} ${next}`, index: i });
    }
    if (w === "hoe" && i === ctx.headOffset && NL_HOW_DEGREE.has(next) && NL_OPEN_VERBS.has(words[i + 2] ?? "")) {
      hits.push({ kind: "presumption", word: `hoe ${next}`, index: i });
    }
    if (
      w === "hoeveel" &&
      (/^\p{L}{3,}er$/u.test(next) || next === "meer" || next === "minder" || words.slice(i + 1).some((x) => /^(geholpen|gebracht|opgeleverd)$/u.test(x)))
    ) {
      hits.push({ kind: "presumption", word: w, index: i });
    }
    if (open && i > ctx.headOffset + 2 && NL_EXPLAIN.has(w) && words.length - i >= 3) hits.push({ kind: "presumption", word: w, index: i });
    if (ctx.head === "yes-no" && NL_CAUSE.has(w)) hits.push({ kind: "presumption", word: w, index: i });
    if (w === "natuurlijk" && i > 0) hits.push({ kind: "presumption", word: w, index: i });
    if (NL_AGAIN.has(w) && pupil && (next === "niet" || next === "geen")) hits.push({ kind: "reproach", word: `${w} ${next}`, index: i });
    else if (NL_AGAIN.has(w) && pupil && ctx.head === "yes-no" && !NL_AGAIN_NEUTRAL.has(next) && words.slice(i + 1, i + 8).some(isDeed)) {
      hits.push({ kind: "reproach", word: w, index: i });
    }
    // "… wat beter je best doen?": asking for more effort says the pupil does not try.
    if (w === "beter" && next === "je" && words[i + 2] === "best" && pupil) hits.push({ kind: "reproach", word: "beter je best", index: i });
    if (w === "grote" && NL_BIG.has(next) && pupil) hits.push({ kind: "judging", word: `grote ${next}`, index: i });
    if (w === "slechte" && NL_PUPIL_WORK.has(words[i - 1] ?? "")) hits.push({ kind: "judging", word: w, index: i });
  });
  // "Vind je het zelf niet kinderachtig …": the negation offers the teacher's judgement as the answer.
  if (ctx.head === "yes-no") {
    const negated = words.slice(ctx.headOffset + 1, ctx.headOffset + 6).some((w) => NL_NEGATIONS.has(w));
    const judged = words.findIndex((w, i) => i > ctx.headOffset && contextJudging.has(w) && w !== "moeilijk" && w !== "lastig");
    if (negated && judged >= 0) hits.push({ kind: "judging", word: words[judged] ?? "", index: judged });
  }
  return hits;
}

const EN_DEGREE = wordSet("so such really");
const EN_EVALUATIVE = wordSet("fun boring hard difficult great bad scary sad upset exciting nice good awful terrible easy annoying brilliant amazing");
const EN_BE_DO = wordSet("are were am be being act acting behave behaving");
const EN_EXPLAIN = wordSet("because since as");
const EN_HOW_DEGREE = wordSet("bad awful hard sad upset boring scary");

export function enPresumptionHits(words: readonly string[], ctx: SentenceContext, contextJudging: ReadonlySet<string>): LeadingHit[] {
  const hits: LeadingHit[] = [];
  if (!ctx.isQuestion) return hits;
  const open = ctx.head === "wh";
  words.forEach((w, i) => {
    const next = words[i + 1] ?? "";
    const evaluative = EN_EVALUATIVE.has(next) || (next === "much" && EN_EVALUATIVE.has(words[i + 2] ?? ""));
    const aboutPupil = contextJudging.has(next) && words.slice(0, i).some((x) => EN_BE_DO.has(x));
    if (open && i > ctx.headOffset && EN_DEGREE.has(w) && evaluative && !aboutPupil) hits.push({ kind: "presumption", word: w, index: i });
    if (w === "how" && i === ctx.headOffset && EN_HOW_DEGREE.has(next)) hits.push({ kind: "presumption", word: w, index: i });
    if (w === "how" && next === "much" && words.slice(i + 2).some((x) => /^(help|helped|better|improve|improved)$/u.test(x))) {
      hits.push({ kind: "presumption", word: "how much", index: i });
    }
    if (w === "clearly") hits.push({ kind: "presumption", word: w, index: i });
    // In an open question the lack of effort is presumed as fact; "Don't you think you should try harder?" is advice (leading).
    if (open && (w === "trying" || w === "try") && next === "harder") hits.push({ kind: "reproach", word: "try harder", index: i });
    if (open && i > ctx.headOffset + 2 && EN_EXPLAIN.has(w) && w !== "as" && words.length - i >= 3) hits.push({ kind: "presumption", word: w, index: i });
  });
  return hits;
}

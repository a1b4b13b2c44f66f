/**
 * Rewrites that take a presumption out of an open question (presumption.ts finds them), and a
 * clean-up that drops words of the closed form a template left behind. Every result still goes
 * through the gate (suggest.ts), so a rewrite that does not fit the sentence is simply not shown.
 *
 * - the teacher's explanation is cut off: "Wat vond je het leukst aan het museum, want …?" →
 *   "Wat vond je het leukst aan het museum?";
 * - a degree and its evaluative adjective go, and the feeling is asked: "Wat vond je zo leuk aan X?"
 *   → "Wat vond je van X?", "Hoe erg vond je het dat …?" → "Hoe vond je het dat …?",
 *   "Wat maakt rekenen zo saai voor je?" → "Wat vind je van rekenen?";
 * - "Hoeveel beter gaat het …?" → "Hoe gaat het …?", "Hoeveel heeft X je geholpen?" → "Wat vond je van X?", "How much did X help?" → "How was X for you?".
 */
import { NL_FINITE_VERBS } from "./rules-nl.js";
import { asQuestion, joinTokens, type Token } from "./text.js";
import type { Language } from "./types.js";
import { wordSet } from "./word-sets.js";

const EXPLAIN = wordSet("want omdat sinds doordat because since");
const DEGREE = wordSet("zo zó erg heel echt so really");
const HOW_DEGREE = wordSet(
  "erg leuk fijn saai eng moeilijk lastig spannend verdrietig boos blij vervelend naar gemeen rot bad awful hard sad upset boring scary",
);
const FIND = wordSet("vind vond");
const MAKE = wordSet("maakt maakte made makes");
const NL_LEFTOVER = wordSet("beetje best gewoon nou weer");
const OWNERS = wordSet("het je jouw mijn zijn haar m'n");

const text = (tokens: readonly Token[]): string => asQuestion(joinTokens(tokens));

export function presumptionRewrites(words: readonly Token[], language: Language): string[] {
  const lower = words.map((t) => t.lower);
  const out: string[] = [];
  const cut = lower.findIndex((w, i) => i > 2 && EXPLAIN.has(w));
  if (cut > 0) out.push(text(words.slice(0, cut)));
  const d = lower.findIndex((w, i) => i > 0 && DEGREE.has(w) && lower[i + 1] !== undefined);
  const wh = lower[0] ?? "";
  if (d > 0) {
    const afterAdj = d + (lower[d + 1] === "much" ? 3 : 2);
    const verb = lower[1] ?? "";
    // "Wat maakt rekenen zo saai voor je?" → "Wat vind je van rekenen?"
    if (MAKE.has(verb) && d > 2) {
      const topic = joinTokens(words.slice(2, d).map((t) => ({ ...t, text: t.lower })));
      if (language === "nl") out.push(`Wat ${verb === "maakte" ? "vond" : "vind"} je van ${topic}?`);
      else out.push(`What ${verb === "made" ? "did" : "do"} you think of ${topic}?`);
    }
    // "Wat vond je zo leuk aan de kinderboerderij?" → "Wat vond je van de kinderboerderij?"
    if (language === "nl" && wh === "wat" && FIND.has(verb) && lower[afterAdj] === "aan") {
      out.push(text([...words.slice(0, d), { text: "van", lower: "van", punct: false }, ...words.slice(afterAdj + 1)]));
    }
  }
  // "Waarom vind je lezen zo saai?" → "Wat vind je van lezen?" (the adjective is the teacher's).
  if (wh === "waarom" && FIND.has(lower[1] ?? "") && lower[2] === "je" && d > 3 && d + 2 === lower.length) {
    out.push(`Wat ${lower[1]} je van ${joinTokens(words.slice(3, d).map((t) => ({ ...t, text: t.lower })))}?`);
  }
  // "How much better is it going now …?" → "How is it going now …?"
  if (wh === "how" && lower[1] === "much" && /^(better|easier|more|nicer|happier|\p{L}+ier)$/u.test(lower[2] ?? ""))
    out.push(text([words[0] as Token, ...words.slice(3)]));
  // "Hoe erg vond je het dat …?" → "Hoe vond je het dat …?"
  if ((wh === "hoe" || wh === "how") && HOW_DEGREE.has(lower[1] ?? "")) out.push(text([words[0] as Token, ...words.slice(2)]));
  // "Hoeveel beter gaat het nu …?" → "Hoe gaat het nu …?"
  // "Hoeveel meer sommen maak je nu?" → "Hoeveel sommen maak je nu?": with a noun, only the comparative goes.
  if (wh === "hoeveel" && (/^\p{L}{3,}er$/u.test(lower[1] ?? "") || lower[1] === "meer" || lower[1] === "minder")) {
    const withNoun = !NL_FINITE_VERBS.has(lower[2] ?? "");
    out.push(text([withNoun ? (words[0] as Token) : { ...(words[0] as Token), text: "Hoe", lower: "hoe" }, ...words.slice(2)]));
  }
  // "Hoeveel heeft de leesgroep je geholpen?" → "Wat vond je van de leesgroep?"
  const pupil = lower.indexOf("je");
  if (wh === "hoeveel" && lower[1] === "heeft" && pupil > 2 && lower[pupil + 1] === "geholpen") {
    out.push(`Wat vond je van ${joinTokens(words.slice(2, pupil).map((t) => ({ ...t, text: t.lower })))}?`);
  }
  // "How much did the extra reading help?" → "How was the extra reading for you?"
  const help = lower.indexOf("help");
  if (wh === "how" && lower[1] === "much" && lower[2] === "did" && help > 3) out.push(`How was ${joinTokens(words.slice(3, help))} for you?`);
  return out;
}

/**
 * The candidate without words of the closed form it kept ("een beetje", "best", "gewoon", "weer", a stranded
 * "nu"/"wel") and without a presumed cause it carried along ("… omdat je laat naar bed ging").
 */
export function withoutLeftovers(candidate: string, tokens: readonly Token[], language: Language): string | null {
  const words = tokens.filter((t) => !t.punct);
  const keep = words.filter((t, i) => {
    const prev = words[i - 1]?.lower ?? "";
    if (t.lower === "een" && words[i + 1]?.lower === "beetje") return false;
    if (t.lower === "best" && OWNERS.has(prev)) return true;
    if (t.lower === "weer" && words[i + 1]?.lower === "eens") return true;
    if (language === "nl" && NL_LEFTOVER.has(t.lower)) return false;
    return !(language === "nl" && i === words.length - 1 && i > 3 && (t.lower === "nu" || t.lower === "wel") && !/^(je|het|jij)$/u.test(prev));
  });
  // "Hoe voel je je omdat je laat naar bed ging?": the presumed cause goes, the question stays.
  const cause = keep.findIndex((t, i) => i > 2 && EXPLAIN.has(t.lower));
  if (cause > 0) keep.splice(cause);
  if (keep.length === words.length) return null;
  const shown = text(keep);
  return shown === candidate ? null : shown;
}

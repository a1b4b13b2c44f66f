/**
 * When a degree + adjective about the pupil is the heart of the question ("Wat maakt dat je zo lui bent bij
 * rekenen?", "Hoe kan het dat je zo slordig werkt?", "Hoe komt het dat je de laatste tijd zo verdrietig bent?"),
 * deleting it leaves a hole ("dat je bent bij rekenen") or a different question ("dat je werkt"). Instead the
 * coach asks about the situation the question names (issue 11, round 2):
 * - a feeling → "Hoe voel je je de laatste tijd?" / "Hoe voel je je thuis?";
 * - a phrase or place → "Hoe gaat het bij rekenen?", "Hoe gaat het thuis?";
 * - an activity verb → "Hoe gaat het met je werk?".
 * Every result still goes through the gate.
 */
import { wordSet } from "./word-sets.js";

const DEGREE = wordSet("zo zó erg heel");
const FEELINGS = wordSet(
  "moe verdrietig boos bang blij zenuwachtig gespannen stil teruggetrokken ongelukkig somber onrustig down chagrijnig prikkelbaar humeurig",
);
const SITUATION = wordSet("bij tijdens in op met na");
const PLACES = wordSet("thuis buiten binnen");
const TIME = ["de laatste tijd", "de afgelopen tijd", "vandaag", "deze week", "op school"];
const ACTIVITY: Record<string, string> = {
  werk: "je werk",
  werkt: "je werk",
  werken: "je werk",
  lees: "lezen",
  leest: "lezen",
  reken: "rekenen",
  rekent: "rekenen",
  schrijf: "schrijven",
  schrijft: "schrijven",
  speel: "spelen",
  speelt: "spelen",
  luister: "luisteren",
  luistert: "luisteren",
};
const EXPLAIN = wordSet("want omdat sinds doordat");
const ENDS = wordSet("ben bent is was doe doet deed");

export function holeRewrites(words: readonly { text: string; lower: string }[], language: string, judging: boolean): string[] {
  if (language !== "nl") return [];
  const lower = words.map((t) => t.lower);
  const d = lower.findIndex((w, i) => DEGREE.has(w) && i > 1 && /^\p{L}{2,}$/u.test(lower[i + 1] ?? ""));
  if (d < 0 || !lower.slice(0, d).some((w) => w === "je" || w === "jij")) return [];
  // "…, want je deed echt super mee": the teacher's explanation is cut off elsewhere (rewrite-presumption.ts).
  if (lower.slice(0, d).some((w) => EXPLAIN.has(w))) return [];
  const adjective = lower[d + 1] ?? "";
  // Only inside "dat je zo … bent/werkt" (a why-question has its own rewrites), and only a judgement or a feeling.
  if (!lower.slice(0, d).includes("dat") && !FEELINGS.has(adjective)) return [];
  if (!judging && !FEELINGS.has(adjective)) return [];
  const out: string[] = [];
  const time = TIME.find((t) => lower.join(" ").includes(t));
  const place = lower.find((w) => PLACES.has(w));
  // The first phrase after the adjective or before the degree: "bij rekenen", "tijdens de instructie".
  const explained = lower.findIndex((w) => EXPLAIN.has(w));
  const p = lower.findIndex(
    (w, i) => SITUATION.has(w) && i > 1 && (explained < 0 || i < explained) && phraseAt(words, i) !== null && !(time ?? "").includes(w),
  );
  const phrase = p >= 0 ? phraseAt(words, p) : null;
  if (FEELINGS.has(adjective)) {
    if (time) out.push(`Hoe voel je je ${time}?`);
    if (place) out.push(`Hoe voel je je ${place}?`);
    if (phrase) out.push(`Hoe voel je je ${phrase}?`);
    if (place) out.push(`Hoe gaat het ${place}?`);
    return out;
  }
  const after = lower[d + 2] ?? "";
  const activity = ACTIVITY[after] ?? lower.map((w) => ACTIVITY[w]).find((x) => x !== undefined);
  // "slordig schrijven in je schrift" is about the pupil's own thing: "Hoe gaat het met je schrift?"
  if (phrase && /^(in|op) (je|jouw) /u.test(phrase)) out.push(`Hoe gaat het met ${phrase.replace(/^(in|op) /u, "")}?`);
  if (phrase) out.push(`Hoe gaat het ${phrase}?`);
  if (place) out.push(`Hoe gaat het ${place}?`);
  if (activity && !ENDS.has(after)) out.push(`Hoe gaat het met ${activity}?`);
  return out;
}

/** The preposition and its noun phrase: "bij rekenen", "tijdens de instructie", "bij het zelfstandig werken". */
function phraseAt(words: readonly { text: string; lower: string }[], at: number): string | null {
  const det = wordSet("de het een je jouw");
  const taken: string[] = [];
  for (let i = at + 1; i < words.length; i++) {
    const w = words[i]?.lower ?? "";
    if (STOP.has(w) || ENDS.has(w) || !/^\p{L}{2,}$/u.test(w)) break;
    taken.push(w);
  }
  const head = taken[taken.length - 1] ?? "";
  if (taken.length === 0 || taken.length > 4 || det.has(head) || head.length < 3) return null;
  if (taken.length === 1 && !/^\p{Ll}/u.test(words[at + 1]?.text ?? "")) return null;
  return `${words[at]?.lower} ${taken.join(" ")}`;
}

const STOP = wordSet("dat als en of want omdat sinds doordat wanneer terwijl met bij in op tijdens zo erg heel niet nooit altijd steeds");

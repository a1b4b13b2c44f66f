/**
 * Reproach patterns (flag `judging`) that are not single judging words: the incredulous
 * "Hoe kan het dat …" / "How could you …", a mishap that happened "again" ("je gymtas weer
 * vergeten", "forgot … again"), and "fout"/"wrong" said about the pupil or the pupil's work
 * ("Wat is er fout aan je handschrift?", "What did you do wrong?"), "je schuld"/"your fault", and
 * exasperation ("Hoe vaak moet ik het nog zeggen?", "What's the matter with you?"). A neutral "Wat ging er fout?"
 * or "when something is wrong" names no pupil and is not flagged.
 */
import type { LeadingHit } from "./language-rules.js";
import { phraseAt, wordSet } from "./word-sets.js";

const NL_AGAIN = wordSet("weer alweer opnieuw");
/** Mishaps a pupil is reproached for when they happen "again". */
const NL_MISHAPS = wordSet("vergeten vergeet vergat kwijt kwijtgeraakt laat ruzie gevochten vechten geslagen gepest gekletst verloren mis misgegaan");
const NL_PUPIL_WORDS = wordSet("je jij jou jouw");
const NL_SLOW = wordSet("traag langzaam rommelig chaotisch onhandig");
const NL_NOUN_BEFORE = wordSet("een de die deze geen welke welk elke iedere zo'n");

const EN_AGAIN = wordSet("again");
const EN_MISHAPS = wordSet("forgot forget forgotten forgetting lost lose late fighting fight fought rushed rush rushing hit pushed lying lied");
const EN_PUPIL_WORDS = wordSet("you your you're yourself");

function hasAny(words: readonly string[], set: ReadonlySet<string>): boolean {
  return words.some((w) => set.has(w));
}

export function nlReproachHits(words: readonly string[]): LeadingHit[] {
  const hits: LeadingHit[] = [];
  const pupil = hasAny(words, NL_PUPIL_WORDS);
  // "Wie heeft er weer ruzie gemaakt?" points at a culprit just as "je" would.
  const culprit = pupil || words[0] === "wie";
  words.forEach((w, i) => {
    if (w === "hoe" && phraseAt(words, i, "hoe kan het dat")) hits.push({ kind: "reproach", word: "hoe kan het dat", index: i });
    if (NL_AGAIN.has(w) && culprit && hasAny(words.slice(i + 1, i + 6), NL_MISHAPS)) hits.push({ kind: "reproach", word: w, index: i });
    // "fout" as adjective/adverb about the pupil; the noun ("een fout", "welke fouten") is neutral.
    if ((w === "fout" || w === "verkeerd") && pupil && !NL_NOUN_BEFORE.has(words[i - 1] ?? "")) hits.push({ kind: "reproach", word: w, index: i });
    // "Wat heb je nu weer gedaan?", "Hoe durf je?", "Waarom werk je zo traag?"
    if ((w === "nu" || w === "nou") && words[i + 1] === "weer" && pupil) hits.push({ kind: "reproach", word: "nu weer", index: i });
    if (w === "hoe" && (words[i + 1] === "durf" || words[i + 1] === "durft") && pupil) hits.push({ kind: "reproach", word: "hoe durf", index: i });
    if (w === "zo" && NL_SLOW.has(words[i + 1] ?? "") && pupil) hits.push({ kind: "reproach", word: words[i + 1] ?? w, index: i + 1 });
    if (phraseAt(words, i, "hoe vaak moet ik")) hits.push({ kind: "reproach", word: "hoe vaak moet ik", index: i });
    if (w === "schuld" && ["je", "jouw", "jij"].includes(words[i - 1] ?? "")) hits.push({ kind: "reproach", word: w, index: i });
    if (w === "mis" && pupil && words[i - 1] === "er" && words[i + 1] === "met") hits.push({ kind: "reproach", word: w, index: i });
    // "Ga je je nu eindelijk aan de afspraak houden?": impatience; "zoals de anderen": the pupil measured against others.
    if (w === "eindelijk" && pupil) hits.push({ kind: "reproach", word: w, index: i });
    if (phraseAt(words, i, "zoals de anderen") || phraseAt(words, i, "net als de anderen")) hits.push({ kind: "reproach", word: w, index: i });
  });
  return hits;
}

export function enReproachHits(words: readonly string[]): LeadingHit[] {
  const hits: LeadingHit[] = [];
  const pupil = hasAny(words, EN_PUPIL_WORDS);
  words.forEach((w, i) => {
    if (
      phraseAt(words, i, "how dare you") ||
      phraseAt(words, i, "how can it be") ||
      phraseAt(words, i, "how could you") ||
      phraseAt(words, i, "how is it possible")
    ) {
      hits.push({ kind: "reproach", word: w, index: i });
    }
    if (phraseAt(words, i, "how many times do i") || phraseAt(words, i, "matter with you") || (w === "fault" && words[i - 1] === "your")) {
      hits.push({ kind: "reproach", word: w, index: i });
    }
    if (phraseAt(words, i, "like the others") || phraseAt(words, i, "like everyone else") || (w === "finally" && pupil)) {
      hits.push({ kind: "reproach", word: w, index: i });
    }
    if (EN_AGAIN.has(w) && pupil && hasAny(words.slice(Math.max(0, i - 6), i), EN_MISHAPS)) hits.push({ kind: "reproach", word: w, index: i });
    if (w === "wrong" && pupil && !["a", "the", "something", "anything"].includes(words[i - 1] ?? "") && words[i - 2] !== "something") {
      hits.push({ kind: "reproach", word: w, index: i });
    }
  });
  return hits;
}

/** Just enough English verb morphology to rebuild questions (base forms of past and -s forms). */

const IRREGULAR_PAST: Record<string, string> = {
  did: "do",
  had: "have",
  went: "go",
  found: "find",
  made: "make",
  thought: "think",
  felt: "feel",
  got: "get",
  knew: "know",
  saw: "see",
  said: "say",
  took: "take",
  gave: "give",
  came: "come",
  wrote: "write",
  forgot: "forget",
  left: "leave",
  lost: "lose",
  ran: "run",
  sat: "sit",
  told: "tell",
  understood: "understand",
  began: "begin",
  was: "be",
  were: "be",
  chose: "choose",
  drew: "draw",
  ate: "eat",
  slept: "sleep",
  kept: "keep",
  brought: "bring",
  bought: "buy",
  won: "win",
  fell: "fall",
  heard: "hear",
  met: "meet",
  spent: "spend",
  taught: "teach",
  caught: "catch",
  listened: "listen",
  opened: "open",
  happened: "happen",
  remembered: "remember",
  answered: "answer",
  learnt: "learn",
  read: "read",
  put: "put",
};

const VOWELS = "aeiouy";

export function isPastEn(word: string): boolean {
  return IRREGULAR_PAST[word] !== undefined || (word.length > 3 && word.endsWith("ed"));
}

/** "liked" → "like", "finished" → "finish", "stopped" → "stop", "tried" → "try", "went" → "go". */
export function baseFromPast(word: string): string {
  const known = IRREGULAR_PAST[word];
  if (known) return known;
  if (word.endsWith("ied")) return word.slice(0, -3) + "y";
  if (!word.endsWith("ed")) return word;
  const stem = word.slice(0, -2);
  if (/([bdgklmnprt])\1$/u.test(stem) && !/(ll|ss)$/u.test(stem)) return stem.slice(0, -1);
  const withE = word.slice(0, -1);
  const c = withE.charAt(withE.length - 2);
  const v = withE.charAt(withE.length - 3);
  const b = withE.charAt(withE.length - 4);
  const singleVowel = VOWELS.includes(v) && (b === "" || !VOWELS.includes(b));
  if (c !== "" && !VOWELS.includes(c) && singleVowel && !"wxy".includes(c)) return withE;
  return stem;
}

/** "likes" → "like", "finishes" → "finish", "tries" → "try". */
export function baseFromThirdPerson(word: string): string {
  if (word === "has") return "have";
  if (word === "does") return "do";
  if (word === "is") return "be";
  if (word.endsWith("ies")) return word.slice(0, -3) + "y";
  if (/(sh|ch|x|ss|o)es$/u.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

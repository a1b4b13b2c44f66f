/** Helpers for building and querying word lists. */

export function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((w) => w.length > 0));
}

/** True when `words` contains `phrase` (space separated) starting at `at`. */
export function phraseAt(words: readonly string[], at: number, phrase: string): boolean {
  const parts = phrase.split(" ");
  for (let i = 0; i < parts.length; i++) {
    if (words[at + i] !== parts[i]) return false;
  }
  return true;
}

export function startsWithAny(word: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => word.startsWith(p));
}

// A long read-only text as pages of at most `max` characters, so no channel cuts it at its own
// limit: blocks (a section, a goal) stay whole where they fit; a block longer than a page is split
// at line ends, then at spaces, never dropped. Joining the pages with "\n" gives the text back
// except where a line was split at a space (that space becomes the page break).

/** Splits one line longer than `max` at spaces (or hard at `max` when a word is longer). */
function splitLine(line: string, max: number): string[] {
  const parts: string[] = [];
  let rest = line;
  while (rest.length > max) {
    const cut = rest.lastIndexOf(" ", max);
    const at = cut > 0 ? cut : max;
    parts.push(rest.slice(0, at));
    rest = rest.slice(cut > 0 ? at + 1 : at);
  }
  parts.push(rest);
  return parts;
}

export function pagesOf(blocks: readonly string[], max: number): string[] {
  const pages: string[] = [];
  let page = "";
  const add = (piece: string) => {
    if (page && page.length + 1 + piece.length > max) {
      pages.push(page);
      page = "";
    }
    page = page ? `${page}\n${piece}` : piece;
  };
  for (const block of blocks) {
    if (block.length <= max) add(block);
    else for (const line of block.split("\n")) for (const piece of splitLine(line, max)) add(piece);
  }
  if (page) pages.push(page);
  return pages;
}

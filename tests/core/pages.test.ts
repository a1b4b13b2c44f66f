// Long read-only texts as pages (bot/text/pages.ts): blocks stay whole where they fit, a block
// longer than a page is split at line ends and spaces, and no character but a split space is lost.
import { describe, expect, it } from "vitest";
import { pagesOf } from "../../bot/text/pages.js";

describe("pagesOf", () => {
  it("keeps blocks whole and together while they fit", () => {
    expect(pagesOf(["aaa", "bbb", "ccc"], 7)).toEqual(["aaa\nbbb", "ccc"]);
    expect(pagesOf(["aaa", "bbb"], 100)).toEqual(["aaa\nbbb"]);
    expect(pagesOf([], 10)).toEqual([]);
  });

  it("splits a block longer than a page at line ends, then at spaces, then hard inside a word", () => {
    expect(pagesOf(["kop\n" + "een twee drie vier"], 9)).toEqual(["kop", "een twee", "drie vier"]);
    expect(pagesOf(["abcdefghij"], 4)).toEqual(["abcd", "efgh", "ij"]);
  });

  it("loses nothing: every page fits and the words come back in order", () => {
    const words = Array.from({ length: 2000 }, (_, i) => `woord${i}`);
    const blocks = ["**Kop**", words.slice(0, 700).join(" "), "kort", words.slice(700).join(" ")];
    const pages = pagesOf(blocks, 3000);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(3000);
    expect(pages.join(" ").split(/\s+/)).toEqual(["**Kop**", ...words.slice(0, 700), "kort", ...words.slice(700)]);
  });
});

// Reading a printout as text, to compare its HTML page with its PDF (pdftotext).
import { lineText, type Printable } from "../../bot/exports/printable.js";

/** Whitespace (line breaks of the PDF's layout included) as single spaces. */
export const squash = (text: string): string => text.replace(/\s+/g, " ").trim();

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** An HTML page's visible text: its body without tags, entities decoded, whitespace squashed. */
export function htmlText(html: string): string {
  const body = html.slice(html.indexOf("<body>"), html.indexOf("</body>"));
  return squash(
    body
      .replace(/<svg[\s\S]*?<\/svg>/g, " ")
      .replace(/<[^>]+>/g, " ")
      .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!),
  )
    .replace(/ :/g, ":")
    .replace(/ ([.,])/g, "$1");
}

/** Every piece of text a printout holds, as a reader sees it written: "Label: text", captions, items. */
export function printedPieces(doc: Printable): string[] {
  const pieces = [doc.title];
  for (const block of doc.blocks) {
    if (block.kind === "heading" || block.kind === "paragraph") pieces.push(block.text);
    if (block.kind === "list") pieces.push(...block.items);
    if (block.kind === "writeLines") pieces.push(block.label);
    if (block.kind === "box") {
      if (block.title) pieces.push(block.title);
      for (const line of block.lines) {
        const text = lineText(line);
        if (line.label || text) pieces.push(line.label ? `${line.label}:${text ? ` ${text}` : ""}` : text);
        pieces.push(...(line.pictures ?? []).map((p) => p.caption));
      }
    }
  }
  return pieces.map(squash);
}

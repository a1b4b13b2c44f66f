// A printable document as data, rendered two ways: HTML (open, print, forward) and PDF
// (printable-pdf.ts). The exports (kindplan, pupil invitation, access export) build this model;
// they never format output themselves, so both renderings say the same.
import { UNPRINTABLE } from "./fonts.js";
import { escapeHtml, htmlPage } from "./html.js";
import { pictureFor, pictureSvg } from "./pictures.js";

/** A choice shown as a picture (a face, a picture theme) with its label under it. */
export interface Picture {
  /** The choice's icon in its format; drawn when pictures.ts has a drawing for it. */
  icon?: string;
  caption: string;
}

export interface BoxLine {
  label?: string;
  text?: string;
  /** The child's own words: printed between quotation marks. */
  words?: boolean;
  pictures?: Picture[];
}

export type Block =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string; large?: boolean; muted?: boolean }
  | { kind: "box"; title?: string; lines: BoxLine[] }
  | { kind: "list"; items: string[] }
  /** Lines to write on, under a question (for the pupil's preparation form). */
  | { kind: "writeLines"; label: string; count: number };

export interface Printable {
  lang: "nl" | "en";
  title: string;
  blocks: Block[];
}

/**
 * Text as both renderings print it: characters the font cannot draw (emoji) left out, so the PDF
 * shows no empty boxes and the HTML page says the same (the stored text keeps them).
 */
export function printedText(text: string): string {
  return text
    .replace(UNPRINTABLE, "")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

/** Text for the HTML page: printed, then escaped. */
const out = (text: string) => escapeHtml(printedText(text));

/** A line's text as printed: the child's words between quotation marks. */
export function lineText(line: BoxLine): string {
  const text = printedText(line.text ?? "");
  return text && line.words ? `“${text}”` : text;
}

/** Pixel size of a picture on the HTML page. */
const PICTURE_PX = 56;

function htmlPictures(pictures: Picture[]): string {
  const figures = pictures.map((p) => {
    const shapes = pictureFor(p.icon);
    return `<figure class="pic">${shapes ? pictureSvg(shapes, PICTURE_PX) : ""}<figcaption>${out(p.caption)}</figcaption></figure>`;
  });
  return `<div class="pics">${figures.join("")}</div>`;
}

function htmlLine(line: BoxLine): string {
  const label = line.label ? `<span class="label">${out(line.label)}:</span>` : "";
  const text = lineText(line) ? `<span class="${line.words ? "words" : "value"}">${escapeHtml(lineText(line))}</span>` : "";
  const head = label || text ? `<p>${[label, text].filter(Boolean).join(" ")}</p>` : "";
  return head + (line.pictures?.length ? htmlPictures(line.pictures) : "");
}

function htmlBlock(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `<h2>${out(block.text)}</h2>`;
    case "paragraph":
      return `<p class="${[block.large ? "big" : "", block.muted ? "meta" : ""].join(" ").trim()}">${out(block.text)}</p>`;
    case "box":
      return `<div class="card">${block.title ? `<h3>${out(block.title)}</h3>` : ""}${block.lines.map(htmlLine).join("")}</div>`;
    case "list":
      return `<ul>${block.items.map((i) => `<li>${out(i)}</li>`).join("")}</ul>`;
    case "writeLines":
      return `<p class="label">${out(block.label)}</p>${'<div class="write"></div>'.repeat(block.count)}`;
  }
}

export function renderHtml(doc: Printable): string {
  return htmlPage(doc.lang, printedText(doc.title), [`<h1>${out(doc.title)}</h1>`, ...doc.blocks.map(htmlBlock)].join("\n"));
}

export { renderPdf } from "./printable-pdf.js";

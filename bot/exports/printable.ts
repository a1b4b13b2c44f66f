// A printable document as data, rendered two ways: HTML (open, print, forward) and PDF.
// The exports (kindplan, pupil invitation) build this model; they never format output themselves.
import { escapeHtml, htmlPage } from "./html.js";

export type Block =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string; large?: boolean; muted?: boolean }
  | { kind: "box"; lines: { label?: string; text: string }[] }
  | { kind: "list"; items: string[] }
  /** Lines to write on, under a question (for the pupil's preparation form). */
  | { kind: "writeLines"; label: string; count: number };

export interface Printable {
  lang: "nl" | "en";
  title: string;
  blocks: Block[];
}

function htmlBlock(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `<h2>${escapeHtml(block.text)}</h2>`;
    case "paragraph":
      return `<p class="${[block.large ? "big" : "", block.muted ? "meta" : ""].join(" ").trim()}">${escapeHtml(block.text)}</p>`;
    case "box":
      return `<div class="card">${block.lines
        .map((l) => `<p>${l.label ? `<span class="label">${escapeHtml(l.label)}:</span> ` : ""}${escapeHtml(l.text)}</p>`)
        .join("")}</div>`;
    case "list":
      return `<ul>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`;
    case "writeLines":
      return `<p class="label">${escapeHtml(block.label)}</p>${'<div class="write"></div>'.repeat(block.count)}`;
  }
}

export function renderHtml(doc: Printable): string {
  return htmlPage(doc.lang, doc.title, [`<h1>${escapeHtml(doc.title)}</h1>`, ...doc.blocks.map(htmlBlock)].join("\n"));
}

/** PDF with the standard Helvetica fonts (Latin-1: Dutch accents print, emoji are left out). */
export async function renderPdf(doc: Printable): Promise<Buffer> {
  // Loaded on first use: pdfkit and its fonts cost about 250 ms and 20 MB at start-up otherwise.
  const { default: PDFDocument } = await import("pdfkit");
  // Standard PDF fonts cannot draw characters outside Latin-1; drop them rather than print garbage.
  const latin1 = (text: string) =>
    text
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2013\u2014]/g, "-")
      .replace(/[^\u0000-\u00ff]/gu, "");
  const pdf = new PDFDocument({ size: "A4", margin: 56, info: { Title: latin1(doc.title) }, lang: doc.lang, compress: false });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on("end", () => resolve(Buffer.concat(chunks))));
  pdf.font("Helvetica-Bold").fontSize(20).text(latin1(doc.title)).moveDown(0.6);
  for (const block of doc.blocks) {
    switch (block.kind) {
      case "heading":
        pdf.moveDown(0.4).font("Helvetica-Bold").fontSize(14).text(latin1(block.text)).moveDown(0.3);
        break;
      case "paragraph":
        pdf
          .font("Helvetica")
          .fontSize(block.large ? 14 : 11)
          .fillColor(block.muted ? "#616e7c" : "black")
          .text(latin1(block.text))
          .fillColor("black")
          .moveDown(0.4);
        break;
      case "box":
        for (const line of block.lines) {
          if (line.label)
            pdf
              .font("Helvetica-Bold")
              .fontSize(11)
              .text(`${latin1(line.label)}: `, { continued: true });
          pdf.font("Helvetica").fontSize(11).text(latin1(line.text));
        }
        pdf.moveDown(0.6);
        break;
      case "list":
        pdf.font("Helvetica").fontSize(11).list(block.items.map(latin1), { bulletRadius: 2 }).moveDown(0.4);
        break;
      case "writeLines":
        pdf.font("Helvetica-Bold").fontSize(11).text(latin1(block.label)).moveDown(0.3);
        for (let i = 0; i < block.count; i++) {
          const y = pdf.y + 18;
          pdf
            .moveTo(pdf.page.margins.left, y)
            .lineTo(pdf.page.width - pdf.page.margins.right, y)
            .dash(2, { space: 3 })
            .strokeColor("#9aa5b1")
            .stroke()
            .undash();
          pdf.y = y + 6;
        }
        pdf.moveDown(0.6);
        break;
    }
  }
  pdf.end();
  return done;
}

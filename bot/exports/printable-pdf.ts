// The PDF rendering of a printable document (printable.ts), on A4, set in the embedded Noto Sans
// (fonts.ts) so every name prints as written, with the same pictures as the HTML page.
import { fontBytes } from "./fonts.js";
import { pictureFor, type Shape } from "./pictures.js";
import { lineText, printedText, type Block, type BoxLine, type Picture, type Printable } from "./printable.js";

type Pdf = PDFKit.PDFDocument;

const INK = "#1f2933";
const MUTED = "#616e7c";
const ACCENT = "#1f4e79";
const RULE = "#c5d5e6";
const BORDER = "#cbd2d9";
const MARGIN = { top: 44, bottom: 44, left: 56, right: 56 };
const PAD = 10;
const PICTURE = 40;
const PICTURE_CELL = 70;
/** Height of a line to write on: room for a child's handwriting, eight questions to a page. */
const WRITE_LINE = 16;

const contentWidth = (pdf: Pdf) => pdf.page.width - MARGIN.left - MARGIN.right;
const bottom = (pdf: Pdf) => pdf.page.height - MARGIN.bottom;

/** Starts a new page unless `height` points still fit on this one. */
function keepTogether(pdf: Pdf, height: number): void {
  if (pdf.y + height > bottom(pdf)) pdf.addPage();
}

/** A drawing (pictures.ts, a 100×100 grid) at (x, y), `size` points wide and high. */
export function drawPicture(pdf: Pdf, shapes: readonly Shape[], x: number, y: number, size: number): void {
  pdf
    .save()
    .translate(x, y)
    .scale(size / 100);
  for (const s of shapes) {
    pdf.path(s.d).lineCap("round").lineJoin("round");
    if (s.stroke) pdf.lineWidth(s.width ?? 3);
    if (s.fill && s.stroke) pdf.fillAndStroke(s.fill, s.stroke);
    else if (s.fill) pdf.fill(s.fill);
    else pdf.stroke(s.stroke ?? INK);
  }
  pdf.restore();
}

/** Pictures in rows, each with its caption centred under it. */
function drawPictures(pdf: Pdf, pictures: Picture[], left: number, width: number): void {
  const perRow = Math.max(1, Math.floor(width / PICTURE_CELL));
  pdf.font("body").fontSize(9).fillColor(INK);
  for (let start = 0; start < pictures.length; start += perRow) {
    const row = pictures.slice(start, start + perRow);
    const captionHeight = Math.max(...row.map((p) => pdf.heightOfString(printedText(p.caption), { width: PICTURE_CELL - 4, align: "center" })));
    keepTogether(pdf, PICTURE + 4 + captionHeight);
    const top = pdf.y + 2;
    row.forEach((p, i) => {
      const x = left + i * PICTURE_CELL;
      const shapes = pictureFor(p.icon);
      if (shapes) drawPicture(pdf, shapes, x + (PICTURE_CELL - PICTURE) / 2, top, PICTURE);
      pdf.text(printedText(p.caption), x + 2, top + (shapes ? PICTURE + 4 : 0), { width: PICTURE_CELL - 4, align: "center" });
    });
    pdf.x = left;
    pdf.y = top + (PICTURE + 4) + captionHeight + 4;
  }
}

function drawLine(pdf: Pdf, line: BoxLine, left: number, width: number): void {
  const text = lineText(line);
  if (line.label) {
    pdf
      .font("bold")
      .fontSize(11)
      .fillColor(INK)
      .text(`${printedText(line.label)}:${text ? " " : ""}`, left, pdf.y, { width, continued: Boolean(text) });
    if (text) pdf.font("body").text(text);
  } else if (text) {
    pdf.font("body").fontSize(11).fillColor(INK).text(text, left, pdf.y, { width });
  }
  if (line.pictures?.length) drawPictures(pdf, line.pictures, left, width);
  pdf.moveDown(0.25);
}

/** A box with a light border; when it runs onto the next page, each part is left open. */
function drawBox(pdf: Pdf, block: Extract<Block, { kind: "box" }>): void {
  const left = MARGIN.left + PAD;
  const width = contentWidth(pdf) - 2 * PAD;
  keepTogether(pdf, 70);
  const page = pdf.page;
  const top = pdf.y;
  pdf.y += PAD;
  if (block.title) pdf.font("bold").fontSize(11).fillColor(MUTED).text(printedText(block.title), left, pdf.y, { width }).moveDown(0.3);
  for (const line of block.lines) drawLine(pdf, line, left, width);
  pdf.y += PAD / 2;
  if (pdf.page === page)
    pdf
      .roundedRect(MARGIN.left, top, contentWidth(pdf), pdf.y - top, 6)
      .lineWidth(1)
      .stroke(BORDER);
  pdf.x = MARGIN.left;
  pdf.y += 8;
}

function drawBlock(pdf: Pdf, block: Block): void {
  const left = MARGIN.left;
  const width = contentWidth(pdf);
  switch (block.kind) {
    case "heading": {
      keepTogether(pdf, 90);
      pdf.moveDown(0.4).font("bold").fontSize(14).fillColor(ACCENT).text(printedText(block.text), left, pdf.y, { width });
      const y = pdf.y + 1;
      pdf
        .moveTo(left, y)
        .lineTo(left + width, y)
        .lineWidth(1.5)
        .stroke(RULE);
      pdf.y = y + 6;
      break;
    }
    case "paragraph":
      pdf
        .font("body")
        .fontSize(block.large ? 14 : 11)
        .fillColor(block.muted ? MUTED : INK)
        .text(printedText(block.text), left, pdf.y, { width })
        .moveDown(0.4);
      break;
    case "box":
      drawBox(pdf, block);
      break;
    case "list":
      pdf.font("body").fontSize(11).fillColor(INK).list(block.items.map(printedText), left, pdf.y, { width, bulletRadius: 2 }).moveDown(0.4);
      break;
    case "writeLines":
      keepTogether(pdf, 18 + block.count * WRITE_LINE);
      pdf.font("bold").fontSize(11).fillColor(INK).text(printedText(block.label), left, pdf.y, { width });
      for (let i = 0; i < block.count; i++) {
        const y = pdf.y + WRITE_LINE - 2;
        pdf
          .moveTo(left, y)
          .lineTo(left + width, y)
          .dash(2, { space: 3 })
          .lineWidth(1)
          .stroke("#9aa5b1")
          .undash();
        pdf.y = y + 2;
      }
      pdf.moveDown(0.35);
      break;
  }
}

export async function renderPdf(doc: Printable): Promise<Buffer> {
  // Loaded on first use: pdfkit costs about 250 ms and 20 MB at start-up otherwise.
  const { default: PDFDocument } = await import("pdfkit");
  const fonts = fontBytes();
  const pdf = new PDFDocument({ size: "A4", margins: MARGIN, info: { Title: printedText(doc.title) }, lang: doc.lang, displayTitle: true });
  pdf.registerFont("body", fonts.regular);
  pdf.registerFont("bold", fonts.bold);
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on("end", () => resolve(Buffer.concat(chunks))));
  pdf.font("bold").fontSize(22).fillColor(ACCENT).text(printedText(doc.title)).moveDown(0.3);
  for (const block of doc.blocks) drawBlock(pdf, block);
  pdf.end();
  return done;
}

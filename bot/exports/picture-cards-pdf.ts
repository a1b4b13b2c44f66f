// The picture cards (picture-cards.ts) as a PDF: A4, two columns of three cards, each card a
// dashed cutting line around a large drawing with its label under it, set in Noto Sans.
import { fontBytes } from "./fonts.js";
import { drawPicture } from "./printable-pdf.js";
import { pictureFor } from "./pictures.js";
import { printedText } from "./printable.js";
import type { PictureCard } from "./picture-cards.js";

const MARGIN = 36;
const HEADER = 44;
const COLUMNS = 2;
const ROWS = 3;
const PER_PAGE = COLUMNS * ROWS;
/** The drawing's share of the card's width: big enough to see across a table. */
const PICTURE_SHARE = 0.62;
const LABEL_SIZE = 20;
const INK = "#1f2933";
const MUTED = "#616e7c";
const CUT = "#9aa5b1";

export interface PictureCardSheet {
  lang: "nl" | "en";
  title: string;
  /** One line under the title on every page (how to cut them out). */
  hint: string;
  cards: PictureCard[];
}

export async function renderPictureCardsPdf(sheet: PictureCardSheet): Promise<Buffer> {
  // Loaded on first use, like the printouts (printable-pdf.ts).
  const { default: PDFDocument } = await import("pdfkit");
  const fonts = fontBytes();
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: printedText(sheet.title) },
    lang: sheet.lang,
    displayTitle: true,
  });
  pdf.registerFont("body", fonts.regular);
  pdf.registerFont("bold", fonts.bold);
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on("end", () => resolve(Buffer.concat(chunks))));
  for (let start = 0; start < sheet.cards.length; start += PER_PAGE) {
    pdf.addPage();
    const width = pdf.page.width - 2 * MARGIN;
    pdf.font("bold").fontSize(12).fillColor(INK).text(printedText(sheet.title), MARGIN, MARGIN, { width });
    pdf
      .font("body")
      .fontSize(9)
      .fillColor(MUTED)
      .text(printedText(sheet.hint), MARGIN, pdf.y + 2, { width });
    const cardWidth = width / COLUMNS;
    const cardHeight = (pdf.page.height - 2 * MARGIN - HEADER) / ROWS;
    sheet.cards.slice(start, start + PER_PAGE).forEach((card, i) => {
      const x = MARGIN + (i % COLUMNS) * cardWidth;
      const y = MARGIN + HEADER + Math.floor(i / COLUMNS) * cardHeight;
      drawCard(pdf, card, x, y, cardWidth, cardHeight);
    });
  }
  pdf.end();
  return done;
}

function drawCard(pdf: PDFKit.PDFDocument, card: PictureCard, x: number, y: number, width: number, height: number): void {
  pdf.rect(x, y, width, height).dash(4, { space: 4 }).lineWidth(0.75).stroke(CUT).undash();
  const size = Math.min(width, height) * PICTURE_SHARE;
  const shapes = pictureFor(card.icon);
  if (shapes) drawPicture(pdf, shapes, x + (width - size) / 2, y + 16, size);
  pdf
    .font("bold")
    .fontSize(LABEL_SIZE)
    .fillColor(INK)
    .text(printedText(card.label), x + 8, y + 16 + size + 12, { width: width - 16, align: "center", lineBreak: true });
}

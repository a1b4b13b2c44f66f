// Files the bot offers travel as text: HTML as is, binary formats (PDF) base64-encoded.
import type { FileAttachment } from "../channel/types.js";
import type { Printable } from "./printable.js";
import { renderHtml, renderPdf } from "./printable.js";

export function isBase64(contentType: string): boolean {
  return contentType === "application/pdf";
}

export function attachmentBytes(file: Pick<FileAttachment, "contentType" | "content">): Buffer {
  return isBase64(file.contentType) ? Buffer.from(file.content, "base64") : Buffer.from(file.content, "utf8");
}

/** A name as a file name's part: lowercase, accents gone but their letters kept ("Thiện" → "thien"), hyphens between. */
export function fileSlug(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** A printable document as an HTML page and a PDF, named `<base>.html` and `<base>.pdf`. */
export async function printableAttachments(doc: Printable, base: string): Promise<FileAttachment[]> {
  const pdf = await renderPdf(doc);
  return [
    { filename: `${base}.html`, contentType: "text/html", content: renderHtml(doc) },
    { filename: `${base}.pdf`, contentType: "application/pdf", content: pdf.toString("base64") },
  ];
}

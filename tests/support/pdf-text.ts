// A PDF's text and page count as a reader's tools see them: Poppler's pdftotext and pdfinfo
// (Debian's poppler-utils, installed by .ci/run). The PDF travels through standard input.
import { execFileSync } from "node:child_process";

/** The text pdftotext extracts (reading order, UTF-8), so embedded fonts must map back to Unicode. */
export function pdfText(pdf: Buffer): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf }).toString("utf8");
}

export function pdfPageCount(pdf: Buffer): number {
  const info = execFileSync("pdfinfo", ["-"], { input: pdf }).toString("utf8");
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? Number.NaN);
}

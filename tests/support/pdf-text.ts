// The text of an uncompressed PDF made with standard fonts: each text-showing operator's hex
// strings decoded and joined (kerning numbers between them dropped).
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString("latin1");
  const decode = (hex: string) => Buffer.from(hex, "hex").toString("latin1");
  const lines: string[] = [];
  for (const match of source.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
    const parts = match[1] !== undefined ? [...match[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]!) : [match[2]!];
    lines.push(parts.map(decode).join(""));
  }
  return lines.join("\n");
}

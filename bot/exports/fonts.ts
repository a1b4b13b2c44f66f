// The fonts printed pages are set in: Noto Sans (SIL Open Font License 1.1, the licence ships in the
// package as LICENSE_FONT), TrueType files from @expo-google-fonts/noto-sans, a production
// dependency, so the development run, the build (which leaves node_modules external) and the
// container all read the same files. It covers Latin Extended and Vietnamese, so names such as
// Ayşe Yılmaz, Łukasz Wiśniewski and Thiện Nguyễn print as written; PDF's standard fonts
// (WinAnsi) cannot. pdfkit embeds only the glyphs a document uses.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const PACKAGE = "@expo-google-fonts/noto-sans";
const FILES = { regular: "400Regular/NotoSans_400Regular.ttf", bold: "700Bold/NotoSans_700Bold.ttf" } as const;
export type FontWeight = keyof typeof FILES;

/** The family name HTML pages ask for first (browsers fall back to the reader's system fonts). */
export const FONT_FAMILY = "Noto Sans";

let loaded: Record<FontWeight, Buffer> | null = null;

/** The font files' bytes, read once per process. */
export function fontBytes(): Record<FontWeight, Buffer> {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const read = (file: string) => readFileSync(require.resolve(`${PACKAGE}/${file}`));
    loaded = { regular: read(FILES.regular), bold: read(FILES.bold) };
  }
  return loaded;
}

/**
 * Characters the font has no glyph for: emoji and their joiners, variation selectors and skin
 * tones (© ® ™ are pictographic too, but the font draws them). A PDF leaves them out rather than
 * print empty boxes; the pictures a printout needs are drawn (pictures.ts).
 */
export const UNPRINTABLE = /(?![\u00a9\u00ae\u2122])\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u200D|\u20E3/gu;

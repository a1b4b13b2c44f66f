// The pictures a printout shows instead of emoji: the faces children point at and the picture
// themes of the onderbouw, drawn as simple vector shapes on a 100×100 grid. Keyed by the icon a
// format gives a choice (bot/formats/builtin/*.json), so every format that uses these icons gets
// them. One set of shapes, drawn by both renderers: SVG in the HTML page, pdfkit paths in the PDF.

export interface Shape {
  /** An SVG path (pdfkit reads the same syntax). */
  d: string;
  fill?: string;
  stroke?: string;
  width?: number;
}

const INK = "#3e4c59";
const FACE = "#ffd66b";
const circle = (cx: number, cy: number, r: number) => `M${cx - r} ${cy} a${r} ${r} 0 1 0 ${2 * r} 0 a${r} ${r} 0 1 0 ${-2 * r} 0 Z`;
const line = (d: string, width = 5, stroke = INK): Shape => ({ d, stroke, width });
const dot = (cx: number, cy: number, r: number, fill: string): Shape => ({ d: circle(cx, cy, r), fill });

/** A closed polygon around (cx, cy), its corners at the given distances in turn, the first at the top. */
function polygon(cx: number, cy: number, corners: number, ...radii: number[]): string {
  const points = Array.from({ length: corners }, (_, i) => {
    const r = radii[i % radii.length]!;
    const a = ((2 * Math.PI) / corners) * i - Math.PI / 2;
    return `${(cx + r * Math.cos(a)).toFixed(1)} ${(cy + r * Math.sin(a)).toFixed(1)}`;
  });
  return `M${points.join(" L")} Z`;
}
const star = (cx: number, cy: number, outer: number, inner: number) => polygon(cx, cy, 10, outer, inner);

const face = (...features: Shape[]): Shape[] => [{ d: circle(50, 50, 44), fill: FACE, stroke: INK, width: 4 }, ...features];
const eyes = [dot(35, 40, 5, INK), dot(65, 40, 5, INK)];
const frown = line("M32 72 Q50 56 68 72");

const PICTURES: Readonly<Record<string, Shape[]>> = {
  // Faces (onderbouw and middenbouw feelings).
  "😄": face(...eyes, { d: "M28 58 Q50 90 72 58 Z", fill: INK }),
  "🙂": face(...eyes, line("M32 62 Q50 78 68 62")),
  "😊": face(line("M29 42 Q35 34 41 42", 4), line("M59 42 Q65 34 71 42", 4), dot(24, 60, 6, "#f4a3a3"), dot(76, 60, 6, "#f4a3a3"), line("M32 62 Q50 78 68 62")),
  "😌": face(line("M29 40 Q35 46 41 40", 4), line("M59 40 Q65 46 71 40", 4), line("M38 64 Q50 72 62 64")),
  "😐": face(...eyes, line("M34 66 L66 66")),
  "🙁": face(...eyes, frown),
  "😢": face(...eyes, frown, { d: "M66 48 Q73 60 66 65 Q59 60 66 48 Z", fill: "#5dade2" }),
  "😠": [{ d: circle(50, 50, 44), fill: "#f7a072", stroke: INK, width: 4 }, ...eyes, line("M24 28 L43 36"), line("M76 28 L57 36"), frown],
  "😟": face(...eyes, line("M27 32 L42 26", 4), line("M73 32 L58 26", 4), { d: circle(50, 68, 8), stroke: INK, width: 4 }),
  "😴": face(line("M29 42 L41 42", 4), line("M59 42 L71 42", 4), { d: circle(50, 68, 6), stroke: INK, width: 4 }, line("M74 6 L88 6 L74 20 L88 20", 3)),
  "🤔": face(...eyes, line("M57 27 L72 23", 4), line("M36 70 L64 62")),
  // Picture themes (onderbouw).
  "🤝": [
    { d: circle(50, 50, 40), fill: "#e4572e", stroke: INK, width: 3 },
    { d: "M44 10 L56 10 L56 30 L44 30 Z M44 70 L56 70 L56 90 L44 90 Z M10 44 L30 44 L30 56 L10 56 Z M70 44 L90 44 L90 56 L70 56 Z", fill: "#ffffff" },
    { d: circle(50, 50, 20), fill: "#ffffff", stroke: INK, width: 3 },
  ],
  "💡": [
    line("M50 2 L50 9 M12 40 L19 40 M81 40 L88 40 M22 12 L27 17 M78 12 L73 17", 4, "#f5a623"),
    { d: circle(50, 40, 25), fill: FACE, stroke: INK, width: 3 },
    { d: "M39 66 L61 66 L59 84 L41 84 Z", fill: "#9aa5b1", stroke: INK, width: 3 },
  ],
  "🎉": [
    { d: "M28 90 L50 20 L72 90 Z", fill: "#9b59b6", stroke: INK, width: 3 },
    line("M38 58 L62 58 M33 74 L67 74", 4, "#ffffff"),
    dot(50, 17, 7, "#f5a623"),
    dot(16, 30, 4, "#e4572e"),
    dot(84, 34, 4, "#5dade2"),
    dot(14, 64, 4, "#2ecc71"),
    dot(86, 68, 4, "#f5a623"),
  ],
  "👫": [
    dot(34, 22, 11, "#f5c49c"),
    dot(66, 22, 11, "#f5c49c"),
    { d: "M20 84 L26 38 L42 38 L48 84 Z", fill: "#5dade2", stroke: INK, width: 3 },
    { d: "M52 84 L58 38 L74 38 L80 84 Z", fill: "#e4572e", stroke: INK, width: 3 },
    line("M42 54 L58 54", 6),
  ],
  "🌟": [{ d: star(50, 52, 44, 19), fill: "#ffd166", stroke: INK, width: 3 }],
  "❤️": [{ d: "M50 88 C20 66 6 46 16 28 C26 12 46 14 50 32 C54 14 74 12 84 28 C94 46 80 66 50 88 Z", fill: "#e74c3c", stroke: INK, width: 3 }],
  "💪": [
    dot(50, 20, 11, "#f5c49c"),
    line("M40 40 L22 16 M60 40 L78 16 M45 70 L40 94 M55 70 L60 94", 7),
    { d: "M39 34 L61 34 L58 72 L42 72 Z", fill: "#2ecc71", stroke: INK, width: 3 },
  ],
  "🏅": [
    line("M34 4 L50 40 L66 4", 10, "#5dade2"),
    { d: circle(50, 64, 26), fill: "#f5a623", stroke: INK, width: 3 },
    { d: star(50, 65, 15, 7), fill: "#ffd166" },
  ],
  "⚽": [
    { d: circle(50, 50, 42), fill: "#ffffff", stroke: INK, width: 4 },
    { d: polygon(50, 50, 5, 14), fill: INK },
    line("M50 36 L50 10 M63 46 L87 38 M58 62 L72 84 M42 62 L28 84 M37 46 L13 38", 3),
  ],
  "📚": [
    { d: "M50 30 Q32 20 10 26 L10 80 Q32 74 50 84 Z", fill: "#ffffff", stroke: INK, width: 3 },
    { d: "M50 30 Q68 20 90 26 L90 80 Q68 74 50 84 Z", fill: "#ffffff", stroke: INK, width: 3 },
    line("M18 40 Q32 36 42 42 M18 52 Q32 48 42 54 M58 42 Q68 36 82 40 M58 54 Q68 48 82 52", 2),
  ],
  "✅": [
    { d: "M14 10 L86 10 Q90 10 90 14 L90 86 Q90 90 86 90 L14 90 Q10 90 10 86 L10 14 Q10 10 14 10 Z", fill: "#2ecc71", stroke: INK, width: 3 },
    line("M27 52 L44 69 L74 33", 9, "#ffffff"),
  ],
};

/** The drawing for an icon, or null: the icon is then left out and its label speaks alone. */
export function pictureFor(icon: string | undefined): Shape[] | null {
  return icon ? (PICTURES[icon] ?? PICTURES[icon.replace(/\uFE0F/g, "")] ?? null) : null;
}

/** Icons that have a drawing (for tests: every face and theme a built-in format uses is drawn). */
export const DRAWN_ICONS: readonly string[] = Object.keys(PICTURES);

/** A picture as inline SVG; its caption is written beside it, so the drawing itself is hidden from screen readers. */
export function pictureSvg(shapes: readonly Shape[], size: number): string {
  const paths = shapes
    .map(
      (s) =>
        `<path d="${s.d}" fill="${s.fill ?? "none"}"${s.stroke ? ` stroke="${s.stroke}" stroke-width="${s.width ?? 3}" stroke-linecap="round" stroke-linejoin="round"` : ""}/>`,
    )
    .join("");
  return `<svg viewBox="0 0 100 100" width="${size}" height="${size}" aria-hidden="true" focusable="false">${paths}</svg>`;
}

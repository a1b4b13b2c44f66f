// A small, dependency-free printable HTML page. Everything inserted is escaped.
import { FONT_FAMILY } from "./fonts.js";

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `
  @page { size: A4; margin: 16mm 18mm; }
  body { font-family: "${FONT_FAMILY}", "Segoe UI", Arial, sans-serif; color: #1f2933; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
  h1 { font-size: 1.7rem; margin-bottom: .2rem; color: #1f4e79; }
  h2 { font-size: 1.2rem; margin-top: 1.4rem; color: #1f4e79; border-bottom: 2px solid #c5d5e6; }
  h3 { font-size: 1rem; margin: 0 0 .4rem; color: #52606d; }
  p { margin: .3rem 0; }
  .meta { color: #616e7c; } .card { border: 1px solid #cbd2d9; border-radius: 8px; padding: .7rem 1rem; margin: .7rem 0; break-inside: avoid; }
  .label { font-weight: 700; } .words { font-style: italic; }
  .write { border-bottom: 1px dotted #9aa5b1; min-height: 1.9rem; margin-bottom: .4rem; }
  .pics { display: flex; flex-wrap: wrap; gap: .6rem; margin: .3rem 0 .5rem; }
  .pic { margin: 0; width: 5.5rem; text-align: center; } .pic figcaption { font-size: .85rem; }
  .big { font-size: 1.25rem; } ul { padding-left: 1.2rem; }
  @media print { body { margin: 0; max-width: none; } .noprint { display: none; } }
`;

export function htmlPage(lang: "nl" | "en", title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body}
</body>
</html>
`;
}

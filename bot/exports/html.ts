// A small, dependency-free printable HTML page. Everything inserted is escaped.
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `
  @page { size: A4; margin: 18mm; }
  body { font-family: "Segoe UI", Arial, sans-serif; color: #1f2933; max-width: 46rem; margin: 2rem auto; line-height: 1.5; }
  h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 1.6rem; border-bottom: 2px solid #e4e7eb; }
  .meta { color: #616e7c; } .card { border: 1px solid #cbd2d9; border-radius: 8px; padding: .8rem 1rem; margin: .8rem 0; }
  .label { font-weight: 600; } .write { border-bottom: 1px dotted #9aa5b1; min-height: 2.2rem; margin-bottom: .6rem; }
  .big { font-size: 1.25rem; } ul { padding-left: 1.2rem; }
  @media print { body { margin: 0; } .noprint { display: none; } }
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

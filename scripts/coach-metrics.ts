/**
 * Prints precision/recall per flag and exact-match accuracy of the question coach on the
 * labelled sets (files of `{question, language?, flags}` objects; flags from closed, multiple,
 * leading, judging).
 *   npx tsx scripts/coach-metrics.ts [path/to/labelled.json …]
 *   npx tsx scripts/coach-metrics.ts --suggestions [file.json …]   every question with its flags and
 *     suggestion, as a numbered markdown table, for judging the suggestions one by one
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { coachQuestion, computeMetrics, formatMetricsTable, parseLabelledSet, type LabelledQuestion } from "../bot/coach/index.js";

const defaults = ["../tests/coach/questions.labelled.json", "../tests/coach/questions.holdout.json", "../tests/coach/questions.blind.json"].map((p) =>
  fileURLToPath(new URL(p, import.meta.url)),
);
const args = process.argv.slice(2);
const suggestions = args.includes("--suggestions");
const files = args.filter((a) => a !== "--suggestions");
const paths = files.length > 0 ? files : defaults.filter((p) => existsSync(p));

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

function printSuggestions(items: readonly LabelledQuestion[]): void {
  console.log("| # | question | labelled | flags | suggestion | grammatical open question? |");
  console.log("|--:|----------|----------|-------|------------|----------------------------|");
  items.forEach((item, i) => {
    const r = coachQuestion(item.question, item.language);
    if (r.flags.length === 0) return;
    console.log(`| ${i + 1} | ${cell(item.question)} | ${item.flags.join(", ")} | ${r.flags.join(", ")} | ${cell(r.suggestion ?? "")} | |`);
  });
}

for (const path of paths) {
  const items = parseLabelledSet(JSON.parse(readFileSync(path, "utf8")));
  console.log(`## ${path.split("/").slice(-1)[0] ?? path} (${items.length} questions)\n`);
  if (suggestions) {
    printSuggestions(items);
    console.log("");
    continue;
  }
  const metrics = computeMetrics(items);
  console.log(formatMetricsTable(metrics));
  if (metrics.mismatches.length > 0) {
    console.log("\nMismatches:");
    for (const m of metrics.mismatches) {
      console.log(`- ${m.question} — expected [${m.expected.join(", ")}], got [${m.actual.join(", ")}]`);
    }
  }
  console.log("");
}

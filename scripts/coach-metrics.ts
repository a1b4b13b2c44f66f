/**
 * Prints precision/recall per flag and exact-match accuracy of the question coach on the
 * labelled set (and on the held-out set when present).
 *   npx tsx scripts/coach-metrics.ts [path/to/labelled.json …]
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { computeMetrics, formatMetricsTable, parseLabelledSet } from "../bot/coach/index.js";

const defaults = ["../tests/coach/questions.labelled.json", "../tests/coach/questions.holdout.json", "../tests/coach/questions.blind.json"].map((p) =>
  fileURLToPath(new URL(p, import.meta.url)),
);
const paths = process.argv.length > 2 ? process.argv.slice(2) : defaults.filter((p) => existsSync(p));

for (const path of paths) {
  const items = parseLabelledSet(JSON.parse(readFileSync(path, "utf8")));
  const metrics = computeMetrics(items);
  console.log(`## ${path.split("/").slice(-1)[0] ?? path} (${items.length} questions)\n`);
  console.log(formatMetricsTable(metrics));
  if (metrics.mismatches.length > 0) {
    console.log("\nMismatches:");
    for (const m of metrics.mismatches) {
      console.log(`- ${m.question} — expected [${m.expected.join(", ")}], got [${m.actual.join(", ")}]`);
    }
  }
  console.log("");
}

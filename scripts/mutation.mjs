// Mutation testing of the core (npm run test:mutation): StrykerJS on each module of
// mutation/modules.json, one after the other, each against its own test files, on SQLite. Prints
// the table (module, mutants, killed, survived, no coverage, score of covered) and the surviving
// mutants not listed in mutation/equivalent.yaml, and writes both to mutation/report/summary.md.
//   node scripts/mutation.mjs [--ci] [--no-run] [--incremental] [module name or file …]
// --ci: only the modules marked ci, each against its ciTests, and exit 1 when a module's score of
// covered mutants is below its `break`. --no-run: the table from the last run's reports (after
// editing equivalent.yaml). --incremental: StrykerJS reuses the last report's result for every
// mutant whose code and covering tests are unchanged (much faster after adding a test).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const reportDir = path.join(root, "mutation", "report");
const args = process.argv.slice(2);
const ci = args.includes("--ci");
const noRun = args.includes("--no-run");
const incremental = args.includes("--incremental");
const only = args.filter((a) => !a.startsWith("--"));

const { modules } = JSON.parse(readFileSync(path.join(root, "mutation", "modules.json"), "utf8"));
const selected = modules.filter((m) => (ci ? m.ci : true) && (only.length === 0 || only.some((o) => m.name === o || m.mutate === o)));
if (selected.length === 0) {
  console.error(`No module matches ${only.join(", ")}; modules: ${modules.map((m) => m.name).join(", ")}`);
  process.exit(2);
}

// A mutant is named by what a reader recognises and what survives edits elsewhere in the file: the
// code on its line, the code it replaces there, the mutator and the replacement. The line number
// in equivalent.yaml is a hint only.
const squash = (text) =>
  String(text ?? "")
    .replace(/\s+/g, " ")
    .trim();
const clip = (text) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);
const identity = (file, e) => [file, squash(e.code), clip(squash(e.original)), e.mutator, clip(squash(e.replacement))].join("\u0000");

const listed = new Map();
for (const [file, entries] of Object.entries(parse(readFileSync(path.join(root, "mutation", "equivalent.yaml"), "utf8")) ?? {})) {
  for (const e of entries ?? []) listed.set(identity(file, e), { file, ...e });
}

/** The source text between two Stryker locations (lines and columns 1-based). */
function originalText(lines, { start, end }) {
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  return [lines[start.line - 1].slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1].slice(0, end.column - 1)].join("\n");
}

/** The last run's report, kept aside so the new run can read it while writing its own. */
function previous(report) {
  const copy = report.replace(/\.json$/, ".previous.json");
  writeFileSync(copy, readFileSync(report));
  return copy;
}

mkdirSync(reportDir, { recursive: true });
const rows = [];
const unlisted = [];
const failures = [];
const seen = new Set();

for (const m of selected) {
  const tests = ci ? (m.ciTests ?? m.tests) : m.tests;
  const report = path.join(reportDir, `${m.name.replace(/\W+/g, "-")}${ci ? "-ci" : ""}.json`);
  console.log(`\n=== ${m.name}: ${m.mutate} against ${tests.join(" ")} ===`);
  if (noRun && !existsSync(report)) {
    console.log("(no report of an earlier run)");
    continue;
  }
  const started = Date.now();
  const run = noRun
    ? { status: 0 }
    : spawnSync("npx", ["--no-install", "stryker", "run", "mutation/stryker.config.mjs"], {
        cwd: root,
        stdio: "inherit",
        env: {
          ...process.env,
          GW_TEST_DB: "sqlite",
          GW_MUTATION_MUTATE: m.mutate,
          GW_MUTATION_TESTS: tests.join(","),
          GW_MUTATION_REPORT: path.relative(root, report),
          ...(incremental && existsSync(report) ? { GW_MUTATION_INCREMENTAL: path.relative(root, previous(report)) } : {}),
        },
      });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (run.status !== 0) {
    failures.push(`${m.name}: StrykerJS exited with ${run.status}`);
    rows.push({ file: m.mutate, failed: true, seconds });
    continue;
  }
  const lines = readFileSync(path.join(root, m.mutate), "utf8").split("\n");
  const mutants = Object.values(JSON.parse(readFileSync(report, "utf8")).files).flatMap((f) => f.mutants);
  const count = (...statuses) => mutants.filter((x) => statuses.includes(x.status)).length;
  const killed = count("Killed", "Timeout");
  const survived = count("Survived");
  const noCoverage = count("NoCoverage");
  const row = { file: m.mutate, mutants: mutants.length, killed, survived, noCoverage, errors: count("RuntimeError", "CompileError"), seconds, listed: 0 };
  row.score = killed + survived + noCoverage ? (100 * killed) / (killed + survived + noCoverage) : 100;
  row.coveredScore = killed + survived ? (100 * killed) / (killed + survived) : 100;
  for (const x of mutants.filter((y) => y.status === "Survived" || y.status === "NoCoverage")) {
    const line = x.location.start.line;
    const entry = {
      line,
      code: squash(lines[line - 1]),
      original: clip(squash(originalText(lines, x.location))),
      mutator: x.mutatorName,
      replacement: clip(squash(x.replacement)),
    };
    const key = identity(m.mutate, entry);
    if (listed.has(key)) {
      seen.add(key);
      row.listed++;
    } else {
      unlisted.push({ file: m.mutate, status: x.status, entry });
    }
  }
  rows.push(row);
  if (ci && m.break !== undefined && row.coveredScore < m.break) {
    failures.push(`${m.name}: ${row.coveredScore.toFixed(1)} % of covered mutants killed, below the break threshold of ${m.break} %`);
  }
}

const pct = (n) => `${n.toFixed(1)} %`;
const stale = [...listed.entries()].filter(([key, e]) => !seen.has(key) && rows.some((r) => r.file === e.file && !r.failed)).map(([, e]) => e);
const lines = [
  `# Mutation testing${ci ? " (CI: focused tests)" : ""}`,
  "",
  `StrykerJS on SQLite, ${new Date().toISOString().slice(0, 10)}. Killed includes time-outs; "listed" = survivors named in mutation/equivalent.yaml.`,
  "",
  "| module | mutants | killed | survived | no coverage | score (of covered) | listed | time |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ...rows.map((r) =>
    r.failed
      ? `| \`${r.file}\` | run failed | | | | | | ${r.seconds} s |`
      : `| \`${r.file}\` | ${r.mutants} | ${r.killed} | ${r.survived} | ${r.noCoverage} | ${pct(r.score)} (${pct(r.coveredScore)}) | ${r.listed} | ${r.seconds} s |`,
  ),
  "",
  ...(unlisted.length
    ? [
        "## Surviving mutants not in mutation/equivalent.yaml",
        "",
        "```yaml",
        ...unlisted.map((u) => `# ${u.file} (${u.status})\n${stringify([{ ...u.entry, reason: "" }], { lineWidth: 0 }).trim()}`),
        "```",
      ]
    : ["Every surviving mutant is listed in mutation/equivalent.yaml."]),
  ...(stale.length
    ? [
        "",
        "## Listed in mutation/equivalent.yaml but killed in this run (remove them)",
        ...stale.map((e) => `- ${e.file}:${e.line} ${e.mutator} \`${e.original}\` → \`${e.replacement}\``),
      ]
    : []),
];
writeFileSync(path.join(reportDir, ci ? "summary-ci.md" : "summary.md"), `${lines.join("\n")}\n`);
console.log(`\n${lines.join("\n")}\n`);
if (failures.length) {
  console.error(failures.map((f) => `FAILED ${f}`).join("\n"));
  process.exit(1);
}

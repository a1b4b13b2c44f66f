// Mutation testing of the core (npm run test:mutation): StrykerJS on each module of
// mutation/modules.json, one after the other, each against its own test files, on SQLite. Prints
// the table (module, mutants, killed, survived, no coverage, score of covered), the survivors not
// listed in mutation/equivalent.yaml, and writes both to mutation/report/summary.md.
//   node scripts/mutation.mjs [--ci] [module name or file …]
// --ci: only the modules marked ci, and exit 1 when a module's score of covered mutants is below
// its `break`.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const reportDir = path.join(root, "mutation", "report");
const args = process.argv.slice(2);
const ci = args.includes("--ci");
const only = args.filter((a) => !a.startsWith("--"));

const { modules } = JSON.parse(readFileSync(path.join(root, "mutation", "modules.json"), "utf8"));
const selected = modules.filter((m) => (ci ? m.ci : true) && (only.length === 0 || only.some((o) => m.name === o || m.mutate === o)));
if (selected.length === 0) {
  console.error(`No module matches ${only.join(", ")}; modules: ${modules.map((m) => m.name).join(", ")}`);
  process.exit(2);
}

/** A mutant's identity that survives edits elsewhere in the file: the code line, the mutator, the replacement. */
const squash = (text) => String(text).replace(/\s+/g, " ").trim();
const identity = (file, code, mutator, replacement) => [file, squash(code), mutator, squash(replacement)].join("\u0000");

const equivalent = new Map();
for (const [file, entries] of Object.entries(parse(readFileSync(path.join(root, "mutation", "equivalent.yaml"), "utf8")) ?? {})) {
  for (const e of entries ?? []) equivalent.set(identity(file, e.code, e.mutator, e.replacement), { file, ...e });
}

mkdirSync(reportDir, { recursive: true });
const rows = [];
const unlisted = [];
const failures = [];
const listedSeen = new Set();

for (const m of selected) {
  const slug = m.name.replace(/\W+/g, "-");
  const report = path.join(reportDir, `${slug}.json`);
  console.log(`\n=== ${m.name}: ${m.mutate} against ${m.tests.join(" ")} ===`);
  const started = Date.now();
  const run = spawnSync("npx", ["--no-install", "stryker", "run", "mutation/stryker.config.mjs"], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      GW_TEST_DB: "sqlite",
      GW_MUTATION_MUTATE: m.mutate,
      GW_MUTATION_TESTS: m.tests.join(","),
      GW_MUTATION_REPORT: path.relative(root, report),
    },
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (run.status !== 0) {
    failures.push(`${m.name}: StrykerJS exited with ${run.status}`);
    rows.push({ name: m.name, file: m.mutate, failed: true, seconds });
    continue;
  }
  const json = JSON.parse(readFileSync(report, "utf8"));
  const source = readFileSync(path.join(root, m.mutate), "utf8").split("\n");
  const mutants = Object.values(json.files).flatMap((f) => f.mutants);
  const count = (...statuses) => mutants.filter((x) => statuses.includes(x.status)).length;
  const killed = count("Killed", "Timeout");
  const survived = count("Survived");
  const noCoverage = count("NoCoverage");
  const errors = count("RuntimeError", "CompileError");
  const covered = killed + survived;
  const row = { name: m.name, file: m.mutate, mutants: mutants.length, killed, survived, noCoverage, errors, covered, seconds };
  row.score = covered + noCoverage ? (100 * killed) / (covered + noCoverage) : 100;
  row.coveredScore = covered ? (100 * killed) / covered : 100;
  let explained = 0;
  for (const x of mutants.filter((y) => y.status === "Survived" || y.status === "NoCoverage")) {
    const line = x.location.start.line;
    const key = identity(m.mutate, source[line - 1], x.mutatorName, x.replacement ?? "");
    if (equivalent.has(key)) {
      listedSeen.add(key);
      explained++;
    } else {
      unlisted.push({
        file: m.mutate,
        line,
        status: x.status,
        mutator: x.mutatorName,
        code: squash(source[line - 1]),
        replacement: squash(x.replacement ?? ""),
      });
    }
  }
  row.equivalent = explained;
  rows.push(row);
  if (m.break !== undefined && row.coveredScore < m.break) {
    failures.push(`${m.name}: ${row.coveredScore.toFixed(1)} % of covered mutants killed, below the break threshold of ${m.break} %`);
  }
}

const pct = (n) => `${n.toFixed(1)} %`;
const table = [
  "| module | mutants | killed | survived | no coverage | score (of covered) | listed equivalent | time |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ...rows.map((r) =>
    r.failed
      ? `| \`${r.file}\` | run failed | | | | | | ${r.seconds} s |`
      : `| \`${r.file}\` | ${r.mutants} | ${r.killed} | ${r.survived} | ${r.noCoverage} | ${pct(r.score)} (${pct(r.coveredScore)}) | ${r.equivalent} | ${r.seconds} s |`,
  ),
];
const stale = [...equivalent.entries()]
  .filter(([key, e]) => !listedSeen.has(key) && rows.some((r) => r.file === e.file && !r.failed))
  .map(([, e]) => `${e.file}:${e.line ?? "?"} ${e.mutator} \`${e.replacement}\` on \`${e.code}\``);
const lines = [
  "# Mutation testing",
  "",
  `StrykerJS, SQLite, ${new Date().toISOString().slice(0, 10)}. Killed includes time-outs; runtime errors are left out of the score.`,
  "",
  ...table,
  "",
  unlisted.length ? "## Survivors not listed in mutation/equivalent.yaml" : "Every survivor is listed in mutation/equivalent.yaml.",
  ...unlisted.map((u) => `- ${u.file}:${u.line} ${u.status} ${u.mutator} \`${u.replacement}\` on \`${u.code}\``),
  ...(stale.length ? ["", "## Listed in mutation/equivalent.yaml but killed now (remove them)", ...stale.map((s) => `- ${s}`)] : []),
];
writeFileSync(path.join(reportDir, ci ? "summary-ci.md" : "summary.md"), `${lines.join("\n")}\n`);
console.log(`\n${lines.join("\n")}\n`);
if (failures.length) {
  console.error(failures.map((f) => `FAILED ${f}`).join("\n"));
  process.exit(1);
}

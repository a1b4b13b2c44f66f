// `npm test`: the whole suite on SQLite, then the same suite on PostgreSQL.
// PostgreSQL comes from TEST_POSTGRES_URL or a throwaway cluster of Debian's postgresql package
// (see tests/support/postgres-server.ts). Without either, the PostgreSQL run is skipped loudly
// on a developer machine and fails in CI (CI=true), where it is required.
// The SQLite half runs each file's tests shuffled (vitest's shuffle), the PostgreSQL half in the
// written order: a test that leans on what an earlier one left behind fails here, not by surprise
// later. The seed is fixed so that CI is repeatable; GW_TEST_SEED=<n> npm test tries another order.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const extra = process.argv.slice(2);
const seed = Number(process.env.GW_TEST_SEED ?? 4242);
const shuffled = ["--sequence.shuffle.tests", `--sequence.seed=${seed}`];
const reportDir = mkdtempSync(path.join(tmpdir(), "gw-test-report-"));
const totals = { passed: 0, failed: 0, skipped: 0 };

function vitest(env, label, order = []) {
  const report = path.join(reportDir, `${label}.json`);
  const args = ["--no-install", "vitest", "run", ...order, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...extra];
  const status = spawnSync("npx", args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8"));
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests + (json.numTodoTests ?? 0);
  } else if (status !== 0) {
    totals.failed += 1;
  }
  return status;
}

const hasDebianPostgres =
  existsSync("/usr/lib/postgresql") && readdirSync("/usr/lib/postgresql").some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));

console.log("\n=== Test suite on SQLite ===");
const sqlite = vitest({ GW_TEST_DB: "sqlite" }, "sqlite", shuffled);

let postgres = 0;
if (process.env.TEST_POSTGRES_URL || hasDebianPostgres) {
  console.log("\n=== Test suite on PostgreSQL ===");
  postgres = vitest({ GW_TEST_DB: "postgresql" }, "postgresql");
} else {
  console.log("\n=== PostgreSQL run SKIPPED: install Debian's postgresql (apt-get install -y postgresql) or set TEST_POSTGRES_URL ===");
  if (process.env.CI) postgres = 1;
}
console.log(
  `\nSQLite: ${sqlite === 0 ? "passed" : "FAILED"} · PostgreSQL: ${postgres === 0 ? "passed" : "FAILED"} (SQLite's tests shuffled with seed ${seed})`,
);
// The plain closing line CI reads: both runs together.
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(sqlite || postgres);

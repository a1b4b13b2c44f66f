// `npm test`: the whole suite on SQLite, then the same suite on PostgreSQL.
// PostgreSQL comes from TEST_POSTGRES_URL or a throwaway cluster of Debian's postgresql package
// (see tests/support/postgres-server.ts). Without either, the PostgreSQL run is skipped loudly
// on a developer machine and fails in CI (CI=true), where it is required.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

const extra = process.argv.slice(2);
const vitest = (env) =>
  spawnSync("npx", ["--no-install", "vitest", "run", ...extra], { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

const hasDebianPostgres =
  existsSync("/usr/lib/postgresql") && readdirSync("/usr/lib/postgresql").some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));

console.log("\n=== Test suite on SQLite ===");
const sqlite = vitest({ GW_TEST_DB: "sqlite" });

let postgres = 0;
if (process.env.TEST_POSTGRES_URL || hasDebianPostgres) {
  console.log("\n=== Test suite on PostgreSQL ===");
  postgres = vitest({ GW_TEST_DB: "postgresql" });
} else {
  console.log("\n=== PostgreSQL run SKIPPED: install Debian's postgresql (apt-get install -y postgresql) or set TEST_POSTGRES_URL ===");
  if (process.env.CI) postgres = 1;
}
console.log(`\nSQLite: ${sqlite === 0 ? "passed" : "FAILED"} · PostgreSQL: ${postgres === 0 ? "passed" : "FAILED"}`);
process.exit(sqlite || postgres);

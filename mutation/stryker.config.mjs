// StrykerJS for one module at a time (scripts/mutation.mjs sets the GW_MUTATION_* variables from
// mutation/modules.json). StrykerJS 9.x: 10.x needs Node.js 22, and the project supports Node.js 20.
import { tmpdir } from "node:os";
import path from "node:path";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run StrykerJS through scripts/mutation.mjs`);
  return value;
};

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  // Only the module's own test files (mutation/vitest.config.ts); `related` would also pull in
  // every other test that imports the module.
  vitest: { configFile: "mutation/vitest.config.ts", related: false },
  mutate: [env("GW_MUTATION_MUTATE")],
  coverageAnalysis: "perTest",
  // Two cores, shared: one test runner. Database tests are slow on a busy machine, so a mutant is
  // a timeout only well past a normal run.
  concurrency: Number(process.env.GW_MUTATION_CONCURRENCY ?? 1),
  timeoutMS: 20_000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 15,
  reporters: ["json", "progress"],
  jsonReporter: { fileName: env("GW_MUTATION_REPORT") },
  // The sandbox outside the work tree (nothing to ignore in git), one per run.
  tempDirName: path.join(tmpdir(), `gw-stryker-${process.pid}`),
  ignorePatterns: ["dist", "docs", "bench", "infra", "appPackage", "data", "coverage", "mutation/report"],
  thresholds: { high: 90, low: 80, break: null },
  // --incremental: reuse the last report's results for mutants whose code and tests did not change.
  incremental: Boolean(process.env.GW_MUTATION_INCREMENTAL),
  ...(process.env.GW_MUTATION_INCREMENTAL ? { incrementalFile: process.env.GW_MUTATION_INCREMENTAL } : {}),
  cleanTempDir: true,
  // StrykerJS rewrites the tsconfig's extends/references with TypeScript's JavaScript API, which
  // TypeScript 7 no longer has; ours has neither, so that step is skipped by naming no tsconfig.
  tsconfigFile: "mutation/no-tsconfig.json",
};

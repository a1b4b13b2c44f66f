// The project's vitest configuration limited to one module's test files (GW_MUTATION_TESTS, set by
// scripts/mutation.mjs). Not StrykerJS's own `testFiles`: with it, 9.6.1 activates module-level
// ("static") mutants only after the module was loaded, so they survive whatever the tests say
// (stryker-mutator/stryker-js#6144).
import path from "node:path";
import { fileURLToPath } from "node:url";
import base from "../vitest.config.js";

const tests = process.env.GW_MUTATION_TESTS;
if (!tests) throw new Error("GW_MUTATION_TESTS is not set: run StrykerJS through scripts/mutation.mjs");

export default {
  ...base,
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."),
  test: { ...base.test, include: tests.split(",") },
};

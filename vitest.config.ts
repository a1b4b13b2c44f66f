import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    // Each test file gets its own database; two workers match the machines' two cores.
    pool: "forks",
    maxWorkers: 2,
    // Fake-clock scenarios walk weeks of scheduler ticks: generous, so a busy machine does not fail them.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

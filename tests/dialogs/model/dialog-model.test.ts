// Issue 10: a model-based test of the dialog engine. Random sequences of typed answers, card
// submissions (fresh, stale, another teacher's, doubled), back, skip, "wijzig n", pause, resume,
// stop (and its question), commands typed mid-dialog, restarts and duplicate deliveries, over every
// flow and format, through the real core on a real database, checked after every command against
// a plain model of what each session and record must hold. GW_MODEL_RUNS=<n> runs n sequences per
// flow (a long local run); GW_MODEL_SEED=<seed> replays one.
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { makeSchool } from "../../support/fixtures.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../../support/test-db.js";
import { FLOWS, sequenceArb } from "./commands.js";
import { CoreDriver } from "./drivers.js";
import { stats } from "./harness.js";
import { Run } from "./run.js";

const NOW = new Date("2026-11-23T09:00:00Z");
const RUNS = Number(process.env.GW_MODEL_RUNS ?? 0) || 15;
const SEED = process.env.GW_MODEL_SEED ? Number(process.env.GW_MODEL_SEED) : undefined;

let t: TestDatabase;
let schoolId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  schoolId = (await makeSchool(t.db)).id;
});
afterAll(async () => {
  if (process.env.GW_MODEL_STATS) console.log(`model test on ${testProvider()}: ${JSON.stringify(stats)}`);
  await t?.destroy();
});

describe(`the dialog engine against its model on ${testProvider()}`, () => {
  for (const flow of FLOWS) {
    it(`loses, moves or doubles no answer: ${flow}`, { timeout: 600_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(sequenceArb(flow, 40), async (commands) => {
          stats.sequences++;
          const run = await Run.create(t.db, schoolId, NOW, (db) => new CoreDriver(db, () => NOW));
          for (const command of commands) await run.execute(command);
          await run.finishAll();
        }),
        { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
    });
  }
});

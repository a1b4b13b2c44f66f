// The model-based dialog test (dialog-model.test.ts) over real HTTP into the Teams adapter: fewer
// sequences, each message possibly delivered two or three times (the same activity id) and the
// service restarted in between, checked against the same model.
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { makeSchool } from "../../support/fixtures.js";
import { FakeConnector } from "../../support/fake-connector.js";
import { testProvider } from "../../support/test-db.js";
import { flowArb, sequenceArb } from "./commands.js";
import { stats } from "./harness.js";
import { Run } from "./run.js";
import { TeamsHttpDriver } from "./teams-http-driver.js";

const TENANT = "11111111-2222-3333-4444-777777777777";
/** GW_MODEL_RUNS=<n>: n sequences here (over all flows), as dialog-model.test.ts runs n per flow. */
const RUNS = Number(process.env.GW_MODEL_RUNS ?? 0) || 14;
const SEED = process.env.GW_MODEL_SEED ? Number(process.env.GW_MODEL_SEED) : undefined;

const connector = new FakeConnector();
let driver: TeamsHttpDriver;
let schoolId: string;

beforeAll(async () => {
  await connector.start();
  driver = await TeamsHttpDriver.start(connector, TENANT);
  schoolId = (await makeSchool(driver.db)).id;
  await driver.db.channelBinding.create({ data: { schoolId, channel: "teams", externalId: TENANT } });
});
afterAll(async () => {
  if (process.env.GW_MODEL_STATS) console.log(`model test over Teams on ${testProvider()}: ${JSON.stringify(stats)}`);
  await driver?.stop();
  await connector.stop();
});

describe(`the dialog engine against its model over Teams HTTP on ${testProvider()}`, () => {
  it("loses, moves or doubles no answer, and acts once on a message delivered twice", { timeout: 900_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        flowArb.chain((flow) => sequenceArb(flow, 25)),
        async (commands) => {
          // The service runs on the real clock: the model's "today" is the service's.
          stats.sequences++;
          const run = await Run.create(driver.db, schoolId, new Date(), () => driver);
          for (const command of commands) await run.execute(command);
          await run.finishAll();
        },
      ),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
  });
});

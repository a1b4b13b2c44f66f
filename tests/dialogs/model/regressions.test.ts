// Fixed cases for the model-based dialog test: every failure it found, written out as the command
// list it shrank to (so it stays a test when the generator changes), and one readable case per
// promise of issue 10. Each runs through the real core and is checked against the model after
// every command, then every open dialog is finished and the records are checked.
import { afterAll, beforeAll, describe, it } from "vitest";
import { makeSchool } from "../../support/fixtures.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../../support/test-db.js";
import type { Cmd } from "./commands.js";
import { CoreDriver } from "./drivers.js";
import { Run } from "./run.js";

const NOW = new Date("2026-11-23T09:00:00Z");

let t: TestDatabase;
let schoolId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  schoolId = (await makeSchool(t.db)).id;
});
afterAll(async () => t?.destroy());

const card = (extra: Partial<Cmd & { c: "card" }> = {}): Cmd => ({
  c: "card",
  action: "submit",
  pick: 0,
  fill: "valid",
  view: "current",
  times: 1,
  twice: false,
  ...extra,
});
const type = (pick = 0, times = 1): Cmd => ({ c: "type", pick, times });

const CASES: { name: string; commands: Cmd[] }[] = [
  {
    // Found by the model test (seed 975569397): the onderbouw format offers "Hulp" as a theme.
    name: "'hulp' typed where the question offers Hulp is that answer, not the help text",
    commands: [{ c: "start", flow: "gesprek-onderbouw", pick: 0 }, card(), { c: "say", text: "hulp", value: ["help"] }],
  },
  {
    // Found by the model test: "ja" to a yes/no being changed kept the old "nee".
    name: "'ja' typed while a yes/no answer is being changed stores yes",
    commands: [
      { c: "start", flow: "gesprek-middenbouw", pick: 0 },
      { c: "say", text: "1", value: "great" },
      { c: "say", text: "Voelt zich prima" },
      { c: "say", text: "nee" },
      { c: "word", word: "terug", times: 1 },
      { c: "edit", n: 3 },
      { c: "say", text: "ja" },
    ],
  },
  {
    name: "stop asks first: 'nee' carries on with everything kept, then 'stop' and 'ja' discard it all",
    commands: [
      { c: "start", flow: "voorbereiden", pick: 0 },
      card(),
      type(),
      { c: "word", word: "stop", times: 1 },
      { c: "say", text: "nee" },
      type(1),
      { c: "word", word: "stoppen", times: 1 },
      { c: "say", text: "ja" },
    ],
  },
  {
    name: "a command typed mid-dialog: 'nee' stores it as the answer, 'ja' runs it and stores nothing",
    commands: [
      { c: "start", flow: "notitie", pick: 0 },
      { c: "command", pick: 0 },
      { c: "say", text: "nee" },
      { c: "command", pick: 2 },
      { c: "say", text: "ja" },
    ],
  },
  {
    name: "a stale card stores nothing and comes back with what was on it; a doubled card acts once",
    commands: [{ c: "start", flow: "notitie", pick: 0 }, type(), card({ view: "old", pick: 0 }), card({ twice: true, pick: 3 })],
  },
  {
    name: "a message delivered three times, with restarts in between, acts once",
    commands: [{ c: "start", flow: "gesprek-bovenbouw", pick: 0 }, type(1, 3), card({ times: 3, pick: 1 }), { c: "restart" }, type(3, 2)],
  },
  {
    name: "'terug' then 'ok' stops at the next step with an open question; pause and resume keep everything",
    commands: [
      { c: "start", flow: "gesprek-middenbouw", pick: 0 },
      card(),
      // Step 2 (s_trots) has only optional questions; one is answered, the rest still open.
      type(),
      { c: "word", word: "terug", times: 1 },
      { c: "ok" },
      { c: "word", word: "pauze", times: 1 },
      { c: "resume", pick: 0 },
      type(2),
    ],
  },
  {
    name: "'wijzig 1' shows the answer and 'ok' keeps it; a new answer replaces it, once",
    commands: [
      { c: "start", flow: "notitie", pick: 0 },
      type(),
      { c: "edit", n: 1 },
      { c: "ok" },
      { c: "edit", n: 1 },
      type(4),
      { c: "reply", pick: 0, times: 1 },
    ],
  },
];

describe(`fixed cases of the dialog model test on ${testProvider()}`, () => {
  for (const { name, commands } of CASES) {
    it(name, async () => {
      const run = await Run.create(t.db, schoolId, NOW, (db) => new CoreDriver(db, () => NOW));
      for (const command of commands) await run.execute(command);
      await run.finishAll();
    });
  }
});

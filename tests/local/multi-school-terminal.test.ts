// The terminal chat (`npm run chat -- --as <e-mail>`) for someone on two schools' staff lists: asked
// which school, and the choice is remembered, also by a restarted core.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { localUser, quietCore } from "../support/one-class.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

let t: TestDatabase;
const email = "wisselend@bestuur.example";

beforeAll(async () => {
  t = await createTestDatabase();
  for (const [school, pupil] of [
    ["Terminalschool Oost", "Ilse"],
    ["Terminalschool West", "Wout"],
  ] as const) {
    const { id } = await makeSchool(t.db, school);
    const group = await makeGroup(t.db, id);
    await makePupil(t.db, id, group.id, pupil);
    await makeStaff(t.db, id, { email, groups: [group.id] });
  }
});
afterAll(async () => t?.destroy());

const say = async (core: ReturnType<typeof quietCore>, text: string) =>
  (await core.handleTurn({ user: localUser(email), text })).replies.map((r) => r.text ?? "").join("\n");

describe(`the terminal chat for staff at two schools on ${testProvider()}`, () => {
  it("asks which school, remembers the choice across a restart, and switches", async () => {
    const core = quietCore(t.db);
    const asked = await say(core, "mijn groep");
    expect(asked).toContain("meer dan één school");
    expect(asked).not.toMatch(/Ilse|Wout/);
    expect(await say(core, "school west")).toContain("Je werkt nu voor **Terminalschool West**");
    const restarted = quietCore(t.db);
    expect(await say(restarted, "mijn groep")).toContain("Wout");
    expect(await say(restarted, "school oost")).toContain("Terminalschool Oost");
    const oost = await say(restarted, "mijn groep");
    expect(oost).toContain("Ilse");
    expect(oost).not.toContain("Wout");
  });
});

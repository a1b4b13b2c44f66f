// Logs never contain pupil names or conversation text: proven with canary strings that pass
// through every path that logs (turns, refusals, errors, start-up).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, memoryLogStream, type TestApp } from "../support/app.js";
import { createLogger } from "../../bot/logger.js";
import { testProvider } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { addNote } from "../../bot/services/pupil-records.js";
import { loadActor } from "../../bot/auth/actor.js";

const CANARY_NAME = "Zwanhilde";
const CANARY_TEXT = "kanarie-geheim-verhaal";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app?.stop());

describe(`logs on ${testProvider()}`, () => {
  it("contain turns and refusals but no names or content", async () => {
    const db = app.database.db;
    const school = await makeSchool(db);
    const group = await makeGroup(db, school.id, "groep 6", "bovenbouw");
    const pupil = await makePupil(db, school.id, group.id, CANARY_NAME);
    const teacher = await makeStaff(db, school.id, { groups: [group.id], email: `${CANARY_NAME.toLowerCase()}@test.example` });
    await addNote(db, await loadActor(db, teacher.id), { pupilId: pupil.id, text: CANARY_TEXT });
    const user = { channel: "local" as const, externalId: teacher.email, email: teacher.email };
    for (const text of ["mijn groep", `leerling ${CANARY_NAME}`, `leerling ${CANARY_TEXT}`, CANARY_TEXT, "voortgang"]) {
      const result = await app.core.handleTurn({ user, text });
      expect(result.replies.length).toBeGreaterThan(0);
    }
    // A refusal for a stranger is logged too.
    await app.core.handleTurn({ user: { channel: "local", externalId: "x@y.example", email: `${CANARY_NAME}@y.example` }, text: "help" });

    const all = app.logs.join("\n");
    expect(app.logs.filter((l) => l.includes('"msg":"turn"')).length).toBe(5);
    expect(all).toContain("turn refused or failed");
    expect(all).not.toContain(CANARY_NAME);
    expect(all.toLowerCase()).not.toContain(CANARY_NAME.toLowerCase());
    expect(all).not.toContain(CANARY_TEXT);
  });

  it("log errors without their message, which may quote personal data", () => {
    const lines: string[] = [];
    const logger = createLogger("info", memoryLogStream(lines));
    const error = Object.assign(new Error(`Invalid value for field text: "${CANARY_TEXT}" of ${CANARY_NAME}`), { code: "P2000" });
    logger.error({ err: error, pupil: { firstName: CANARY_NAME }, text: CANARY_TEXT }, "write failed");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('"code":"P2000"');
    expect(lines[0]).toContain("at ");
    expect(lines[0]).not.toContain(CANARY_NAME);
    expect(lines[0]).not.toContain(CANARY_TEXT);
  });
});

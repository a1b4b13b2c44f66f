// The school's privacy settings come from the school setup file: its retention periods and who
// the privacy officer is. An out-of-range period is refused with its JSON path; nothing applied.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { AppError } from "../../bot/errors.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

const setup = (retention: Record<string, number> | undefined) => ({
  school: { name: "OBS Instelling", ...(retention ? { retention } : {}) },
  schoolYear: "2026-2027",
  staff: [
    { email: "dir@instelling.example", name: "Directeur", roles: ["admin"] },
    { email: "fg@bestuur.example", name: "FG", roles: ["privacy_officer"] },
  ],
  groups: [],
});

// Written as a story: each test goes on from where the one before left off, so these run in order
// (npm test shuffles every other file's tests; making these independent is a follow-up).
describe(`privacy settings in the school setup file on ${testProvider()}`, { shuffle: false }, () => {
  it("defaults to 24 months for both, and takes the school's own choice", async () => {
    await applySchoolSetup(t.db, setup(undefined));
    expect(await t.db.school.findFirstOrThrow({ where: { name: "OBS Instelling" } })).toMatchObject({ pupilRetentionMonths: 24, auditRetentionMonths: 24 });
    await applySchoolSetup(t.db, setup({ pupilMonthsAfterLeaving: 12, auditMonths: 36 }));
    expect(await t.db.school.findFirstOrThrow({ where: { name: "OBS Instelling" } })).toMatchObject({ pupilRetentionMonths: 12, auditRetentionMonths: 36 });
    const fg = await t.db.staff.findFirstOrThrow({ where: { email: "fg@bestuur.example" }, include: { roles: true } });
    expect(fg.roles.map((r) => r.role)).toEqual(["privacy_officer"]);
  });

  it("refuses an audit period too short to answer access requests", async () => {
    const error = await applySchoolSetup(t.db, setup({ auditMonths: 3 })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(JSON.stringify((error as AppError).details)).toContain("school.retention.auditMonths");
    expect((await t.db.school.findFirstOrThrow({ where: { name: "OBS Instelling" } })).auditRetentionMonths).toBe(36);
  });
});

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

// Each test has a school of its own (the name), so none depends on what another applied.
const setup = (retention: Record<string, number> | undefined, name = "OBS Instelling") => ({
  school: { name, ...(retention ? { retention } : {}) },
  schoolYear: "2026-2027",
  staff: [
    { email: `dir@${name.toLowerCase().replace(/\W/g, "")}.example`, name: "Directeur", roles: ["admin"] },
    { email: `fg@${name.toLowerCase().replace(/\W/g, "")}.example`, name: "FG", roles: ["privacy_officer"] },
  ],
  groups: [],
});

describe(`privacy settings in the school setup file on ${testProvider()}`, () => {
  it("defaults to 24 months for both, and takes the school's own choice", async () => {
    await applySchoolSetup(t.db, setup(undefined, "OBS Standaard"));
    expect(await t.db.school.findFirstOrThrow({ where: { name: "OBS Standaard" } })).toMatchObject({ pupilRetentionMonths: 24, auditRetentionMonths: 24 });
    await applySchoolSetup(t.db, setup({ pupilMonthsAfterLeaving: 12, auditMonths: 36 }, "OBS Standaard"));
    expect(await t.db.school.findFirstOrThrow({ where: { name: "OBS Standaard" } })).toMatchObject({ pupilRetentionMonths: 12, auditRetentionMonths: 36 });
    const fg = await t.db.staff.findFirstOrThrow({ where: { email: "fg@obsstandaard.example" }, include: { roles: true } });
    expect(fg.roles.map((r) => r.role)).toEqual(["privacy_officer"]);
  });

  it("refuses an audit period too short to answer access requests", async () => {
    await applySchoolSetup(t.db, setup({ pupilMonthsAfterLeaving: 12, auditMonths: 36 }));
    const error = await applySchoolSetup(t.db, setup({ auditMonths: 3 })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(JSON.stringify((error as AppError).details)).toContain("school.retention.auditMonths");
    expect((await t.db.school.findFirstOrThrow({ where: { name: "OBS Instelling" } })).auditRetentionMonths).toBe(36);
  });
});

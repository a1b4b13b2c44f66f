// Propose and confirm a school's region holidays, on a real database: the proposal is the data
// file's region holidays plus the public holidays that close the school; a confirmed (or edited)
// proposal is stored for that year only, apart from the setup file's own closures; bad input is
// refused with a clear message and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-db.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { regionHolidays } from "../../bot/roster/holiday-data.js";
import { confirmClosures, proposeClosures, type ClosureProposal } from "../../bot/roster/school-holidays.js";
import { loadSchoolCalendar } from "../../bot/services/school-calendar.js";
import { isSchoolDay } from "../../bot/domain/school-calendar.js";
import { AppError, ErrorCode } from "../../bot/errors.js";

let t: TestDatabase;
let schoolId: string;
let untouchedId: string; // a school that confirms nothing here, whatever order the tests run in
const own = { kind: "study_day" as const, name: "Studiedag", startDate: "2027-11-10", endDate: "2027-11-10" };
const setup = (extra: Record<string, unknown> = {}) => ({
  school: { name: "De Linde", holidayRegion: "zuid", closures: [own], ...extra },
  staff: [{ email: "dir@linde.example", name: "Directeur", roles: ["admin"] }],
});

async function refusal(input: unknown): Promise<AppError> {
  try {
    await confirmClosures(t.db, input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  t = await createTestDatabase();
  schoolId = (await applySchoolSetup(t.db, setup())).schoolId;
  untouchedId = (
    await applySchoolSetup(t.db, {
      school: { name: "De Eik", holidayRegion: "zuid" },
      staff: [{ email: "dir@eik.example", name: "Directeur", roles: ["admin"] }],
    })
  ).schoolId;
});
afterAll(async () => t?.close());

describe("region holidays: propose and confirm", () => {
  it("proposes the data file's holidays of the school's region, and the public holidays on school days", async () => {
    const proposal = await proposeClosures(t.db, { school: "De Eik", schoolYear: "2027-2028" });
    expect(proposal.region).toBe("zuid");
    expect(proposal.closures).toEqual(
      regionHolidays("2027-2028", "zuid")
        .map((h) => ({ kind: "holiday", name: h.name, startDate: h.startDate, endDate: h.endDate }))
        .sort((a, b) => a.startDate.localeCompare(b.startDate)),
    );
    // Inside a holiday or on a weekend they need no mention (Koningsdag 2028 is in the meivakantie's advice week).
    expect(proposal.publicHolidays).toEqual([
      { date: "2028-04-14", name: "Goede Vrijdag", open: false },
      { date: "2028-04-17", name: "Tweede Paasdag", open: false },
      { date: "2028-05-25", name: "Hemelvaartsdag", open: false },
      { date: "2028-06-05", name: "Tweede Pinksterdag", open: false },
    ]);
    // --region overrides the school's.
    expect(
      (await proposeClosures(t.db, { school: untouchedId, schoolYear: "2027-2028", region: "noord" })).closures.find((c) => c.name === "Voorjaarsvakantie"),
    ).toMatchObject({
      startDate: "2028-02-19",
    });
  });

  it("nothing changes until the school confirms; confirming stores the edited proposal for that year only", async () => {
    const before = await loadSchoolCalendar(t.db, schoolId);
    expect(isSchoolDay(before, "2027-10-25")).toBe(true); // zuid's herfstvakantie, not confirmed yet
    const proposal = await proposeClosures(t.db, { school: schoolId, schoolYear: "2027-2028" });
    // The school moves its herfstvakantie a week, drops the advice week and is open on Hemelvaartsdag.
    const edited: ClosureProposal = {
      ...proposal,
      closures: proposal.closures
        .filter((c) => !c.name.includes("advies"))
        .map((c) => (c.name === "Herfstvakantie" ? { ...c, startDate: "2027-10-16", endDate: "2027-10-24" } : c)),
      publicHolidays: proposal.publicHolidays.map((h) => (h.name === "Hemelvaartsdag" ? { ...h, open: true } : h)),
    };
    expect(await confirmClosures(t.db, JSON.stringify(edited))).toMatchObject({ changed: true, closures: 5, openDays: ["2028-05-25"] });
    const after = await loadSchoolCalendar(t.db, schoolId);
    expect(isSchoolDay(after, "2027-10-18")).toBe(false);
    expect(isSchoolDay(after, "2027-10-25")).toBe(true);
    expect(isSchoolDay(after, "2028-04-24")).toBe(true); // the advice week was dropped
    expect(isSchoolDay(after, "2028-05-25")).toBe(true); // open on Hemelvaartsdag
    expect(isSchoolDay(after, "2028-07-24")).toBe(false); // zomervakantie zuid
    expect(isSchoolDay(after, "2027-11-10")).toBe(false); // its own study day stands
    // The same confirmation again writes nothing.
    const stamp = (await t.db.schoolClosure.findMany({ where: { schoolId } })).map((c) => c.updatedAt.getTime()).sort();
    expect((await confirmClosures(t.db, edited)).changed).toBe(false);
    expect((await t.db.schoolClosure.findMany({ where: { schoolId } })).map((c) => c.updatedAt.getTime()).sort()).toEqual(stamp);
    // The setup file replaces its own closures and keeps the confirmed ones.
    await applySchoolSetup(t.db, setup({ closures: [{ ...own, startDate: "2027-11-11", endDate: "2027-11-11" }] }));
    const again = await loadSchoolCalendar(t.db, schoolId);
    expect(isSchoolDay(again, "2027-11-10")).toBe(true);
    expect(isSchoolDay(again, "2027-11-11")).toBe(false);
    expect(isSchoolDay(again, "2027-10-18")).toBe(false);
    expect(await t.db.schoolHolidayConfirmation.findMany({ where: { schoolId }, select: { schoolYear: true, region: true } })).toEqual([
      { schoolYear: "2027-2028", region: "zuid" },
    ]);
  });

  it("refuses bad input with a clear message and stores nothing", async () => {
    const proposal = await proposeClosures(t.db, { school: schoolId, schoolYear: "2028-2029" });
    const cases: [unknown, string][] = [
      ["{not json", "not valid JSON"],
      [{ ...proposal, region: "oost" }, "region"],
      [{ ...proposal, closures: [{ ...own, startDate: "2028-11-01", endDate: "2028-11-01" }] }, "closures[0].kind: study days are the school's own"],
      [
        { ...proposal, closures: [{ kind: "holiday", name: "Herfst", startDate: "2027-10-20", endDate: "2027-10-21" }] },
        "closures[0].startDate: not in school year 2028-2029",
      ],
      [
        { ...proposal, publicHolidays: [{ date: "2028-12-27", name: "Derde Kerstdag", open: true }] },
        "publicHolidays[0].date: 2028-12-27 is no public holiday",
      ],
      [{ ...proposal, school: "Onbekend" }, "no school named or with id 'Onbekend'"],
    ];
    for (const [input, message] of cases) {
      const error = await refusal(input);
      expect([ErrorCode.ValidationFailed, ErrorCode.NotFound]).toContain(error.code);
      expect(error.message).toContain(message);
    }
    expect(await t.db.schoolHolidayConfirmation.count({ where: { schoolId, schoolYear: "2028-2029" } })).toBe(0);
    expect(await t.db.schoolClosure.count({ where: { schoolId, schoolYear: "2028-2029" } })).toBe(0);
    await expect(proposeClosures(t.db, { school: schoolId, schoolYear: "2026-2027" })).rejects.toMatchObject({ code: ErrorCode.NotFound });
    await expect(proposeClosures(t.db, { school: schoolId, schoolYear: "2027-2028", region: "west" })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
    });
  });

  it("the setup file refuses an unknown region", async () => {
    await expect(applySchoolSetup(t.db, setup({ holidayRegion: "oost" }))).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      details: [expect.objectContaining({ path: "school.holidayRegion" })],
    });
  });
});

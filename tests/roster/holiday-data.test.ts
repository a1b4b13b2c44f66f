// The national school-holiday data file (bot/roster/school-holidays-nl.json): it validates, holds
// the Rijksoverheid dates it claims, and a broken file, an unknown region or a year without data
// gets a clear error rather than a guess.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { holidayData, parseHolidayData, regionHolidays } from "../../bot/roster/holiday-data.js";
import { AppError, ErrorCode } from "../../bot/errors.js";

const raw = () => JSON.parse(readFileSync(new URL("../../bot/roster/school-holidays-nl.json", import.meta.url), "utf8"));

function problemsOf(fn: () => unknown): { code: string; message: string; details: unknown } {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message, details: error.details };
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("the school-holiday data file", () => {
  it("validates and covers 2027-2028 and 2028-2029, each with its five holidays in all three regions", () => {
    const data = holidayData();
    expect(Object.keys(data.schoolYears).sort()).toEqual(["2027-2028", "2028-2029"]);
    for (const [year, entry] of Object.entries(data.schoolYears)) {
      expect(entry.url).toContain(`overzicht-schoolvakanties-${year}`);
      expect(entry.holidays.map((h) => h.key)).toEqual(
        expect.arrayContaining(["herfstvakantie", "kerstvakantie", "voorjaarsvakantie", "meivakantie", "zomervakantie"]),
      );
    }
    expect(Object.keys(data.notCovered ?? {})).toContain("2026-2027");
  });

  it("holds the Rijksoverheid dates per region", () => {
    const dates = (year: string, region: string) => Object.fromEntries(regionHolidays(year, region).map((h) => [h.key, `${h.startDate}/${h.endDate}`]));
    expect(dates("2027-2028", "midden")).toEqual({
      herfstvakantie: "2027-10-16/2027-10-24",
      kerstvakantie: "2027-12-25/2028-01-09",
      voorjaarsvakantie: "2028-02-26/2028-03-05",
      meivakantie_adviesweek: "2028-04-22/2028-04-30",
      meivakantie: "2028-04-29/2028-05-07",
      zomervakantie: "2028-07-08/2028-08-20",
    });
    expect(dates("2027-2028", "noord").voorjaarsvakantie).toBe("2028-02-19/2028-02-27");
    expect(dates("2027-2028", "zuid").zomervakantie).toBe("2028-07-22/2028-09-03");
    expect(dates("2028-2029", "noord").herfstvakantie).toBe("2028-10-14/2028-10-22");
    expect(dates("2028-2029", "zuid").voorjaarsvakantie).toBe("2029-02-10/2029-02-18");
    expect(dates("2028-2029", "midden").zomervakantie).toBe("2029-07-07/2029-08-19");
  });

  it("an unknown region or a year without data is a clear error", () => {
    expect(problemsOf(() => regionHolidays("2027-2028", "oost"))).toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: "unknown holiday region 'oost': choose noord, midden, zuid",
    });
    const missing = problemsOf(() => regionHolidays("2026-2027", "midden"));
    expect(missing.code).toBe(ErrorCode.NotFound);
    expect(missing.message).toContain("no region holidays for school year 2026-2027");
    expect(missing.message).toContain("it covers 2027-2028, 2028-2029");
    expect(problemsOf(() => regionHolidays("2027-2029", "midden")).code).toBe(ErrorCode.ValidationFailed);
  });

  it("a malformed file names every problem by its path", () => {
    const data = raw();
    const herfst = data.schoolYears["2027-2028"].holidays[0];
    herfst.regions.zuid.endDate = "2027-10-01"; // before its start
    delete herfst.regions.noord;
    data.schoolYears["2028-2029"].holidays[1].regions.midden.startDate = "2031-12-23"; // another year
    data.schoolYears["2029-30"] = data.schoolYears["2028-2029"];
    const { code, details } = problemsOf(() => parseHolidayData(data));
    expect(code).toBe(ErrorCode.ValidationFailed);
    expect(details).toEqual(
      expect.arrayContaining([
        { path: "schoolYears.2027-2028.holidays[0].regions.zuid.endDate", message: "endDate is before startDate" },
        expect.objectContaining({ path: "schoolYears.2027-2028.holidays[0].regions.noord" }),
        expect.objectContaining({ path: "schoolYears.2029-30" }),
      ]),
    );
    expect(problemsOf(() => parseHolidayData({ version: "x" })).code).toBe(ErrorCode.ValidationFailed);
  });
});

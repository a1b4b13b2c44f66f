// Public holidays close the school by themselves: computed (date-holidays), not typed per school,
// in the one place a school day is decided (whyNoSchool), so reminders, proposals and picked dates
// all skip them; a school that marked one as a school day is open then.
import { describe, expect, it } from "vitest";
import { publicHolidayOn, publicHolidaysBetween } from "../../bot/domain/public-holidays.js";
import { isSchoolDay, whyNoSchool, type SchoolCalendar } from "../../bot/domain/school-calendar.js";
import { schoolDateRefusal } from "../../bot/domain/school-day-rule.js";

const calendar: SchoolCalendar = { timezone: "Europe/Amsterdam", schoolDays: new Set([1, 2, 3, 4, 5]), dayStart: "08:30", dayEnd: "15:00", closures: [] };

describe("public holidays", () => {
  it("knows every feestdag of 2027 and 2028 by its Dutch name", () => {
    const names = (from: string, to: string) => publicHolidaysBetween(from, to).map((h) => `${h.date} ${h.name}`);
    expect(names("2027-01-01", "2027-12-31")).toEqual([
      "2027-01-01 Nieuwjaarsdag",
      "2027-03-26 Goede Vrijdag",
      "2027-03-28 Eerste Paasdag",
      "2027-03-29 Tweede Paasdag",
      "2027-04-27 Koningsdag",
      "2027-05-05 Bevrijdingsdag",
      "2027-05-06 Hemelvaartsdag",
      "2027-05-16 Eerste Pinksterdag",
      "2027-05-17 Tweede Pinksterdag",
      "2027-12-25 Eerste Kerstdag",
      "2027-12-26 Tweede Kerstdag",
    ]);
    expect(names("2028-04-01", "2028-06-30")).toEqual([
      "2028-04-14 Goede Vrijdag",
      "2028-04-16 Eerste Paasdag",
      "2028-04-17 Tweede Paasdag",
      "2028-04-27 Koningsdag",
      "2028-05-05 Bevrijdingsdag",
      "2028-05-25 Hemelvaartsdag",
      "2028-06-04 Eerste Pinksterdag",
      "2028-06-05 Tweede Pinksterdag",
    ]);
    // Koningsdag on a Sunday moves to the Saturday before (2031).
    expect(publicHolidayOn("2031-04-26")?.key).toBe("koningsdag");
    // Observances are no school holidays.
    expect(publicHolidayOn("2027-05-04")).toBeUndefined(); // Dodenherdenking
    expect(publicHolidayOn("2027-12-05")).toBeUndefined(); // Sinterklaas
  });

  it("closes the school on a public holiday; Bevrijdingsdag only in a lustrum year", () => {
    expect(whyNoSchool(calendar, "2027-03-29")).toEqual({
      kind: "closure",
      closure: { kind: "public_holiday", name: "Tweede Paasdag", startDate: "2027-03-29", endDate: "2027-03-29" },
    });
    for (const day of ["2027-03-26", "2027-04-27", "2027-05-06", "2027-05-17", "2028-04-14", "2028-06-05"]) expect(isSchoolDay(calendar, day)).toBe(false);
    expect(isSchoolDay(calendar, "2028-05-05")).toBe(true); // a Friday, not a lustrum year: the school decides
    expect(isSchoolDay(calendar, "2026-05-05")).toBe(true);
    expect(isSchoolDay(calendar, "2025-05-05")).toBe(false); // lustrum year
    expect(isSchoolDay(calendar, "2030-05-06")).toBe(true);
  });

  it("a school that marked a public holiday as a school day is open then, and only then", () => {
    const open = { ...calendar, openDays: new Set(["2027-05-06"]) };
    expect(isSchoolDay(open, "2027-05-06")).toBe(true);
    expect(isSchoolDay(open, "2027-05-17")).toBe(false);
    // A stored closure still wins over an open day.
    const closed = { ...open, closures: [{ kind: "holiday", name: "Meivakantie", startDate: "2027-05-01", endDate: "2027-05-09" }] };
    expect(isSchoolDay(closed, "2027-05-06")).toBe(false);
  });

  it("a refused date names the feestdag and proposes the next school day", () => {
    expect(schoolDateRefusal({ calendar }, "2027-05-17")?.nl).toBe(
      "Maandag 17 mei 2027 is geen schooldag: Tweede Pinksterdag. Kies bijvoorbeeld dinsdag 18 mei 2027.",
    );
  });
});

// The school-date rule as a pure function: each reason a date is refused, and the proposal,
// which always passes the same rule (or is absent when nothing can).
import { describe, expect, it } from "vitest";
import { checkSchoolDate, firstSchoolDate, schoolDateRefusal, type SchoolDateRule } from "../../bot/domain/school-day-rule.js";
import type { SchoolCalendar } from "../../bot/domain/school-calendar.js";

const calendar: SchoolCalendar = {
  timezone: "Europe/Amsterdam",
  schoolDays: new Set([1, 2, 3, 4, 5]),
  dayStart: "08:30",
  dayEnd: "14:45",
  closures: [
    { kind: "holiday", name: "Kerstvakantie", startDate: "2026-12-19", endDate: "2027-01-03" },
    { kind: "study_day", startDate: "2026-11-18", endDate: "2026-11-18" },
    { kind: "holiday", startDate: "2027-02-22", endDate: "2027-02-26" },
  ],
};
const problem = (rule: SchoolDateRule, date: string) => {
  const check = checkSchoolDate(rule, date);
  return check.ok ? "ok" : [check.problem.kind, check.proposal];
};

describe("the school-date rule", () => {
  it("names each reason and proposes the next date that passes", () => {
    expect(problem({ calendar }, "2026-11-21")).toEqual(["weekend", "2026-11-23"]);
    expect(problem({ calendar }, "2026-12-24")).toEqual(["closure", "2027-01-04"]);
    expect(problem({ calendar }, "2026-11-18")).toEqual(["closure", "2026-11-19"]);
    expect(problem({ calendar, person: { workingDays: new Set([4, 5]), name: "Bo" } }, "2027-01-04")).toEqual(["notWorking", "2027-01-07"]);
    expect(problem({ calendar: { ...calendar, schoolDays: new Set([1, 2, 4, 5]) } }, "2026-11-25")).toEqual(["closedWeekday", "2026-11-26"]);
    expect(problem({ calendar, afterToday: "2026-11-25" }, "2026-11-25")).toEqual(["notAfterToday", "2026-11-26"]);
    expect(problem({ calendar }, "2026-11-24")).toBe("ok");
  });

  it("keeps a proposal inside the bounds, looking back from a date after them", () => {
    const within = { from: "2026-11-30", to: "2026-12-18" };
    expect(problem({ calendar, within }, "2026-11-27")).toEqual(["outside", "2026-11-30"]);
    expect(problem({ calendar, within, person: { workingDays: new Set([1]), name: null } }, "2027-01-11")).toEqual(["outside", "2026-12-14"]);
    // Nobody can: the person works only on a day the school is closed.
    expect(problem({ calendar: { ...calendar, schoolDays: new Set([1, 2, 3, 4]) }, person: { workingDays: new Set([5]), name: null } }, "2026-11-27")).toEqual([
      "closedWeekday",
      null,
    ]);
    expect(firstSchoolDate({ calendar, afterToday: "2026-12-18" }, "2026-12-01")).toBe("2027-01-04");
  });

  it("says it in both languages, also for a closure without a name and without a proposal", () => {
    expect(schoolDateRefusal({ calendar }, "2027-02-23")).toEqual({
      nl: "Dinsdag 23 februari 2027 is geen schooldag: het is vakantie. Kies bijvoorbeeld maandag 1 maart 2027.",
      en: "Tuesday, 23 February 2027 is not a school day: it is a holiday. Choose, for example, Monday, 1 March 2027.",
    });
    expect(schoolDateRefusal({ calendar }, "2026-11-18")?.nl).toBe(
      "Woensdag 18 november 2026 is geen schooldag: het is een studiedag. Kies bijvoorbeeld donderdag 19 november 2026.",
    );
    const never: SchoolDateRule = { calendar: { ...calendar, schoolDays: new Set([1, 2, 3, 4]) }, person: { workingDays: new Set([5]), name: null } };
    expect(schoolDateRefusal(never, "2026-11-26")?.nl).toBe("Je werkt niet op donderdag 26 november 2026 (je werkdagen: vr). Kies een andere dag.");
    expect(schoolDateRefusal({ calendar }, "2026-11-24")).toBeNull();
  });
});

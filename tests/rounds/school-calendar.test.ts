import { describe, expect, it } from "vitest";
import {
  addMinutesToTime,
  atSchoolTime,
  isSchoolDay,
  minutesOfTime,
  nextSchoolMoment,
  schoolDayBefore,
  schoolDayOnOrAfter,
  schoolDaysBefore,
  schoolDaysIn,
  weekStart,
  whyNoSchool,
  withinSchoolHours,
  type SchoolCalendar,
} from "../../bot/domain/school-calendar.js";

const calendar: SchoolCalendar = {
  timezone: "Europe/Amsterdam",
  schoolDays: new Set([1, 2, 3, 4, 5]),
  dayStart: "08:30",
  dayEnd: "15:00",
  closures: [
    { kind: "holiday", startDate: "2027-02-27", endDate: "2027-03-07" }, // voorjaarsvakantie
    { kind: "study_day", startDate: "2027-03-17", endDate: "2027-03-17" },
  ],
};

describe("school calendar", () => {
  it("knows weekends, holidays and study days", () => {
    expect(isSchoolDay(calendar, "2027-03-08")).toBe(true); // Monday after the holiday
    expect(isSchoolDay(calendar, "2027-03-06")).toBe(false); // Saturday
    expect(isSchoolDay(calendar, "2027-03-01")).toBe(false); // Monday in the holiday
    expect(isSchoolDay(calendar, "2027-03-17")).toBe(false); // study day
    expect(isSchoolDay(calendar, "2027-03-18", new Set([1, 2]))).toBe(false); // the teacher's day off
  });

  it("steps over closures to the next and previous school day", () => {
    expect(schoolDayOnOrAfter(calendar, "2027-02-26")).toBe("2027-02-26");
    expect(schoolDayOnOrAfter(calendar, "2027-02-27")).toBe("2027-03-08");
    expect(schoolDayBefore(calendar, "2027-03-08")).toBe("2027-02-26");
    expect(schoolDayBefore(calendar, "2027-03-18")).toBe("2027-03-16");
    expect(schoolDaysBefore(calendar, "2027-03-10", 3)).toBe("2027-02-26");
    expect(schoolDayBefore(calendar, "2027-03-11", new Set([1, 3]))).toBe("2027-03-10");
  });

  it("turns 08:30 school time into UTC on both sides of the DST transitions", () => {
    expect(atSchoolTime(calendar, "2027-03-26", "08:30").toISOString()).toBe("2027-03-26T07:30:00.000Z"); // CET
    expect(atSchoolTime(calendar, "2027-03-29", "08:30").toISOString()).toBe("2027-03-29T06:30:00.000Z"); // CEST
    expect(atSchoolTime(calendar, "2027-10-29", "08:30").toISOString()).toBe("2027-10-29T06:30:00.000Z"); // CEST
    expect(atSchoolTime(calendar, "2027-11-01", "08:30").toISOString()).toBe("2027-11-01T07:30:00.000Z"); // CET
  });

  it("finds the next moment inside school hours", () => {
    // Thursday 16:00 → Tuesday 08:30 (CEST after the spring transition on Sunday 28 March): Friday
    // is Goede Vrijdag and Monday Tweede Paasdag, public holidays without a stored closure.
    expect(nextSchoolMoment(calendar, new Date("2027-03-25T15:00:00Z")).toISOString()).toBe("2027-03-30T06:30:00.000Z");
    // A school that marked Tweede Paasdag as a school day is open then.
    const openOnEasterMonday = { ...calendar, openDays: new Set(["2027-03-29"]) };
    expect(nextSchoolMoment(openOnEasterMonday, new Date("2027-03-25T15:00:00Z")).toISOString()).toBe("2027-03-29T06:30:00.000Z");
    // Bevrijdingsdag closes the school by itself only in a lustrum year (2025, 2030), else the school decides.
    expect(isSchoolDay(calendar, "2027-05-05")).toBe(true);
    expect(whyNoSchool(calendar, "2025-05-05")).toEqual({
      kind: "closure",
      closure: { kind: "public_holiday", name: "Bevrijdingsdag", startDate: "2025-05-05", endDate: "2025-05-05" },
    });
    // Early Tuesday → the same day's start.
    expect(nextSchoolMoment(calendar, new Date("2027-03-30T04:00:00Z")).toISOString()).toBe("2027-03-30T06:30:00.000Z");
    const inside = new Date("2027-03-30T09:00:00Z");
    expect(nextSchoolMoment(calendar, inside)).toBe(inside);
    expect(withinSchoolHours(calendar, new Date("2027-03-30T13:00:00Z"))).toBe(false); // 15:00 CEST: closed
    expect(withinSchoolHours(calendar, new Date("2027-03-30T12:59:00Z"))).toBe(true);
    // School hours only count on a school day (the teacher's, when given).
    expect(withinSchoolHours(calendar, new Date("2027-03-27T09:00:00Z"))).toBe(false); // Saturday 10:00
    expect(withinSchoolHours(calendar, new Date("2027-03-17T09:00:00Z"))).toBe(false); // study day 10:00
    expect(withinSchoolHours(calendar, new Date("2027-03-30T09:00:00Z"), new Set([1]))).toBe(false); // Tuesday, not the teacher's day
  });

  it("a week runs Monday to Sunday: a Sunday belongs to the week that began the Monday before", () => {
    expect(weekStart("2027-03-08")).toBe("2027-03-08"); // Monday
    expect(weekStart("2027-03-13")).toBe("2027-03-08"); // Saturday
    expect(weekStart("2027-03-14")).toBe("2027-03-08"); // Sunday
    expect(weekStart("2027-03-15")).toBe("2027-03-15");
    // A school open on Sundays (a weekday set including 7) counts them as school days.
    expect(isSchoolDay({ ...calendar, schoolDays: new Set([7]) }, "2027-03-14")).toBe(true);
  });

  it("lists the school days of a period, both ends included, the teacher's days only when given", () => {
    expect(schoolDaysIn(calendar, "2027-03-04", "2027-03-10")).toEqual(["2027-03-08", "2027-03-09", "2027-03-10"]);
    expect(schoolDaysIn(calendar, "2027-03-15", "2027-03-19", new Set([1, 3]))).toEqual(["2027-03-15"]); // Wednesday 17: study day
    expect(schoolDaysIn(calendar, "2027-03-10", "2027-03-09")).toEqual([]);
  });

  it("adds minutes to a time of day within the day, and reads a time as minutes", () => {
    expect(addMinutesToTime("08:30", 20)).toBe("08:50");
    expect(addMinutesToTime("09:45", 20)).toBe("10:05");
    expect(addMinutesToTime("23:50", 20)).toBe("23:59");
    expect(addMinutesToTime("00:10", -20)).toBe("00:00");
    expect(minutesOfTime("08:30")).toBe(510);
    expect(minutesOfTime("00:05")).toBe(5);
  });

  it("a calendar without any school day is an error, not an endless search", () => {
    const closed = { ...calendar, schoolDays: new Set<number>() };
    expect(() => schoolDayOnOrAfter(closed, "2027-03-08")).toThrow(/no school day within a year/);
    expect(() => schoolDayBefore(closed, "2027-03-08")).toThrow(/no school day within a year/);
    // A long closure is not: the search goes on across it.
    const yearOff = { ...calendar, closures: [{ kind: "holiday", startDate: "2027-03-01", endDate: "2027-12-31" }] };
    expect(schoolDayOnOrAfter(yearOff, "2027-03-01")).toBe("2028-01-03");
    expect(schoolDayBefore(yearOff, "2028-01-01")).toBe("2027-02-26");
  });

  it("says why a date is not a school day: the weekend, a weekday the school is closed, a closure, the teacher's day off", () => {
    const named = { ...calendar, closures: [{ kind: "holiday", name: "Voorjaarsvakantie", startDate: "2027-02-27", endDate: "2027-03-07" }] };
    expect(whyNoSchool(named, "2027-03-08")).toBeNull();
    expect(whyNoSchool(named, "2027-03-13")).toEqual({ kind: "weekend" }); // Saturday
    expect(whyNoSchool(named, "2027-03-14")).toEqual({ kind: "weekend" }); // Sunday
    expect(whyNoSchool({ ...named, schoolDays: new Set([1, 2, 4, 5]) }, "2027-03-10")).toEqual({ kind: "closedWeekday" }); // no school on Wednesdays
    // A holiday is named as such, also on a day the teacher does not work.
    expect(whyNoSchool(named, "2027-03-02", new Set([1, 3]))).toEqual({ kind: "closure", closure: named.closures[0] });
    expect(whyNoSchool(named, "2027-03-09", new Set([1, 3]))).toEqual({ kind: "notWorking" });
    expect(whyNoSchool(named, "2027-03-10", new Set([1, 3]))).toBeNull();
  });
});

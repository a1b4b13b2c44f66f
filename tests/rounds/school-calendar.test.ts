import { describe, expect, it } from "vitest";
import {
  atSchoolTime,
  isSchoolDay,
  nextSchoolMoment,
  schoolDayBefore,
  schoolDayOnOrAfter,
  schoolDaysBefore,
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
    // Friday 16:00 → Monday 08:30 (CEST after the spring transition on Sunday 28 March).
    expect(nextSchoolMoment(calendar, new Date("2027-03-26T15:00:00Z")).toISOString()).toBe("2027-03-29T06:30:00.000Z");
    // Early Tuesday → the same day's start.
    expect(nextSchoolMoment(calendar, new Date("2027-03-30T04:00:00Z")).toISOString()).toBe("2027-03-30T06:30:00.000Z");
    const inside = new Date("2027-03-30T09:00:00Z");
    expect(nextSchoolMoment(calendar, inside)).toBe(inside);
    expect(withinSchoolHours(calendar, new Date("2027-03-30T13:00:00Z"))).toBe(false); // 15:00 CEST: closed
    expect(withinSchoolHours(calendar, new Date("2027-03-30T12:59:00Z"))).toBe(true);
  });
});

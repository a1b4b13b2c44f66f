import { describe, expect, it } from "vitest";
import { parseMoments } from "../../bot/rounds/moments.js";
import { proposeSchedule } from "../../bot/rounds/propose-schedule.js";
import { duoShare } from "../../bot/rounds/duo-split.js";
import { isoWeekday, type SchoolCalendar } from "../../bot/domain/school-calendar.js";

const calendar: SchoolCalendar = {
  timezone: "Europe/Amsterdam",
  schoolDays: new Set([1, 2, 3, 4, 5]),
  dayStart: "08:30",
  dayEnd: "15:00",
  closures: [{ kind: "study_day", startDate: "2027-03-11", endDate: "2027-03-11" }],
};
const pupils = Array.from({ length: 12 }, (_, i) => `p${String(i + 1).padStart(2, "0")}`);

describe("weekly moments", () => {
  it("reads Dutch and English day names and times", () => {
    expect(parseMoments("di 10:30-11:15, do 13.00 - 13.45")).toEqual({
      ok: true,
      moments: [
        { weekday: 2, start: "10:30", end: "11:15" },
        { weekday: 4, start: "13:00", end: "13:45" },
      ],
    });
    expect(parseMoments("Tuesday 9-10 and fri 14:00-14:30")).toMatchObject({
      ok: true,
      moments: [{ weekday: 2, start: "09:00", end: "10:00" }, { weekday: 5 }],
    });
  });

  it("reports the piece it cannot read", () => {
    expect(parseMoments("di 10:30-11:15, soms 's middags")).toEqual({ ok: false, problem: "soms 's middags" });
    expect(parseMoments("wo 11:00-10:00")).toEqual({ ok: false, problem: "wo 11:00-10:00" });
  });
});

describe("proposeSchedule", () => {
  const moments = [
    { weekday: 2, start: "10:30", end: "11:00" }, // 3 × 10 min
    { weekday: 4, start: "13:00", end: "13:30" },
  ];

  it("uses only the teacher's moments on school days they work, spread over the window", () => {
    const proposal = proposeSchedule({
      calendar,
      from: "2027-03-08",
      to: "2027-03-26",
      moments,
      minutesPerConversation: 10,
      pupilIds: pupils,
      workingDays: new Set([1, 2, 3, 4, 5]),
    });
    expect(proposal.unplaced).toEqual([]);
    expect(proposal.planned).toHaveLength(12);
    for (const p of proposal.planned) {
      expect([2, 4]).toContain(isoWeekday(p.date));
      expect(p.date).not.toBe("2027-03-11"); // study day
    }
    // Spread: not all in the first week.
    expect(new Set(proposal.planned.map((p) => p.date)).size).toBeGreaterThanOrEqual(5);
    const keys = proposal.planned.map((p) => `${p.date} ${p.time}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(proposal.planned.map((p) => p.pupilId)).size).toBe(12);
  });

  it("skips the teacher's day off and slots already taken, and says who does not fit", () => {
    const proposal = proposeSchedule({
      calendar,
      from: "2027-03-08",
      to: "2027-03-19",
      moments,
      minutesPerConversation: 10,
      pupilIds: pupils,
      workingDays: new Set([1, 2, 3]), // no Thursdays
      taken: new Set(["2027-03-09 10:30"]),
    });
    expect(proposal.planned.every((p) => isoWeekday(p.date) === 2)).toBe(true);
    expect(proposal.planned).toHaveLength(5); // two Tuesdays × 3, one slot taken
    expect(proposal.planned.map((p) => `${p.date} ${p.time}`)).not.toContain("2027-03-09 10:30");
    expect(proposal.unplaced).toEqual(pupils.slice(5));
  });

  it("gives nothing when no moment falls in the window", () => {
    expect(
      proposeSchedule({ calendar, from: "2027-03-11", to: "2027-03-11", moments, minutesPerConversation: 10, pupilIds: ["a"], workingDays: new Set([4]) }),
    ).toEqual({ planned: [], unplaced: ["a"] });
  });
});

describe("duo split", () => {
  it("splits in proportion to working days, in alphabetical blocks, without overlap", () => {
    const teachers = [
      { staffId: "b", workingDays: 2 },
      { staffId: "a", workingDays: 3 },
    ];
    const a = duoShare(pupils, teachers, "a");
    const b = duoShare(pupils, teachers, "b");
    expect(a).toEqual(pupils.slice(0, 7));
    expect(b).toEqual(pupils.slice(7));
    expect(duoShare(pupils, teachers, "stranger")).toEqual([]);
    expect(duoShare(pupils, [{ staffId: "a", workingDays: 5 }], "a")).toEqual(pupils);
  });
});

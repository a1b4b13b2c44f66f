// Typed dates in text mode: the forms teachers typed that were refused, and the old forms, which
// must keep parsing exactly as before. A date we are not sure of is refused (null), never guessed.
import { describe, expect, it } from "vitest";
import { parseDate } from "../../dialogs/engine/parse-date.js";

/** A Wednesday, a month before the year boundary. */
const TODAY = "2026-12-02";

type Case = readonly [typed: string, expected: string | null];
const expectAll = (cases: readonly Case[], today = TODAY) => {
  for (const [typed, expected] of cases) expect(parseDate(typed, today), `"${typed}" on ${today}`).toBe(expected);
};

describe("the forms accepted before", () => {
  it("still parse the same", () => {
    expectAll([
      ["vandaag", "2026-12-02"],
      ["Morgen", "2026-12-03"],
      ["overmorgen", "2026-12-04"],
      ["tomorrow", "2026-12-03"],
      ["woensdag", "2026-12-09"],
      ["dinsdag", "2026-12-08"],
      ["Sunday", "2026-12-06"],
      ["a.s. vrijdag", "2026-12-04"],
      ["aanstaande donderdag", "2026-12-03"],
      ["volgende  vrijdag", "2026-12-04"],
      ["next monday", "2026-12-07"],
      ["2027-01-12", "2027-01-12"],
      ["2026-2-3", "2026-02-03"],
      ["14-12", "2026-12-14"],
      ["2-12", "2026-12-02"],
      ["1-12", "2027-12-01"],
      ["14/12/2026", "2026-12-14"],
      ["14.12.26", "2026-12-14"],
      ["3-1-2025", "2025-01-03"],
    ]);
  });

  it("still refuse what they refused", () => {
    expectAll([
      ["31-2", null],
      ["2026-02-30", null],
      ["volgende week", null],
      ["ergens volgende week", null],
      ["12 - 12", null],
    ]);
  });
});

describe("a day with a month name", () => {
  it("reads Dutch names and abbreviations, with or without a dot, as next year's once passed", () => {
    expectAll([
      ["12 januari", "2027-01-12"],
      ["12 jan", "2027-01-12"],
      ["12 jan.", "2027-01-12"],
      ["12 JAN.", "2027-01-12"],
      ["1 februari", "2027-02-01"],
      ["24 december", "2026-12-24"],
      ["2 december", "2026-12-02"],
      ["1 dec", "2027-12-01"],
    ]);
  });

  it("knows every month by each of its names", () => {
    // biome-ignore format: one row per month
    const names: readonly (readonly [string, number])[] = [
      ["januari", 1], ["jan", 1], ["january", 1],
      ["februari", 2], ["feb", 2], ["february", 2],
      ["maart", 3], ["mrt", 3], ["mar", 3], ["march", 3],
      ["april", 4], ["apr", 4],
      ["mei", 5], ["may", 5],
      ["juni", 6], ["jun", 6], ["june", 6],
      ["juli", 7], ["jul", 7], ["july", 7],
      ["augustus", 8], ["aug", 8], ["august", 8],
      ["september", 9], ["sep", 9], ["sept", 9],
      ["oktober", 10], ["okt", 10], ["october", 10], ["oct", 10],
      ["november", 11], ["nov", 11],
      ["december", 12], ["dec", 12],
    ];
    for (const [name, month] of names) {
      const year = month === 12 ? 2026 : 2027;
      expect(parseDate(`15 ${name}`, TODAY), name).toBe(`${year}-${String(month).padStart(2, "0")}-15`);
    }
  });

  it("takes a year as typed, also one in the past", () => {
    expectAll([
      ["12 januari 2027", "2027-01-12"],
      ["12 jan. 2028", "2028-01-12"],
      ["12 januari 2026", "2026-01-12"],
    ]);
  });

  it("reads ordinals", () => {
    expectAll([
      ["1e februari", "2027-02-01"],
      ["1ste feb", "2027-02-01"],
      ["2de maart", "2027-03-02"],
      ["1st february", "2027-02-01"],
      ["3rd march", "2027-03-03"],
    ]);
  });

  it("reads English with the month first or the day first", () => {
    expectAll([
      ["12 january", "2027-01-12"],
      ["January 12", "2027-01-12"],
      ["jan. 12th", "2027-01-12"],
      ["January 12, 2028", "2028-01-12"],
      ["january 12 2028", "2028-01-12"],
    ]);
  });

  it("accepts a leading weekday only when the date falls on it", () => {
    expectAll([
      ["dinsdag 12 januari", "2027-01-12"],
      ["Dinsdag, 12 jan.", "2027-01-12"],
      ["tuesday, january 12", "2027-01-12"],
      ["maandag 1 februari 2027", "2027-02-01"],
      ["dinsdag 12-1", "2027-01-12"],
      ["maandag 12 januari", null],
      ["monday, january 12", null],
      ["woensdag 12-01-2027", null],
      ["dinsdag 12 januari 2028", null],
    ]);
  });

  it("reads a date as the bot writes it back: a short weekday, the day and a short month ('di 8 dec')", () => {
    expectAll([
      ["di 8 dec", "2026-12-08"],
      ["di. 8 dec.", "2026-12-08"],
      ["Tue 8 Dec", "2026-12-08"],
      ["wo 8 dec", null],
      ["ma", "2026-12-07"],
    ]);
  });

  it("refuses a year that is no year near today: three digits, or more than ten years off", () => {
    expectAll([
      ["12-01-202", null],
      ["1-1-99", null],
      ["12-01-1990", null],
      ["1990-01-12", null],
      ["12 januari 2040", null],
      ["1-1-27", "2027-01-01"],
      ["1-1-2036", "2036-01-01"],
    ]);
  });

  it("refuses impossible dates and unknown months", () => {
    expectAll([
      ["31 februari", null],
      ["29 februari 2027", null],
      ["29 februari 2028", "2028-02-29"],
      ["april 31", null],
      ["32 januari", null],
      ["0 mei", null],
      ["12 janvier", null],
      ["12 maa", null],
      ["12 januari 27", null],
    ]);
  });
});

describe("relative dates", () => {
  it("counts days and weeks from today, in digits or words", () => {
    expectAll([
      ["over 3 weken", "2026-12-23"],
      ["over twee weken", "2026-12-16"],
      ["over een week", "2026-12-09"],
      ["over één week", "2026-12-09"],
      ["over e\u0301e\u0301n week", "2026-12-09"],
      ["Over  Drie  Weken", "2026-12-23"],
      ["over 10 dagen", "2026-12-12"],
      ["over tien dagen", "2026-12-12"],
      ["over 1 dag", "2026-12-03"],
      ["in 3 days", "2026-12-05"],
      ["in a week", "2026-12-09"],
      ["in two weeks", "2026-12-16"],
      ["in 2 weeks", "2026-12-16"],
    ]);
  });

  it("refuses vague or unknown spans", () => {
    expectAll([
      ["over 0 dagen", null],
      ["over een paar weken", null],
      ["over 3 maanden", null],
      ["over elf weken", null],
      ["in drie weeks", null],
      ["constructor", null],
    ]);
  });

  it("reads 'volgende week <weekday>' as that day in next calendar week, unlike 'volgende <weekday>'", () => {
    expectAll([
      ["volgende week vrijdag", "2026-12-11"],
      ["volgende vrijdag", "2026-12-04"],
      ["vrijdag volgende week", "2026-12-11"],
      ["next week friday", "2026-12-11"],
      ["volgende week dinsdag", "2026-12-08"],
    ]);
    expectAll([["volgende week maandag", "2026-12-07"]], "2026-12-06");
  });
});

describe("around the year boundary", () => {
  it("moves into the next year", () => {
    expectAll(
      [
        ["morgen", "2027-01-01"],
        ["1 januari", "2027-01-01"],
        ["1-1", "2027-01-01"],
        ["31 december", "2026-12-31"],
        ["30 dec", "2027-12-30"],
        ["volgende week dinsdag", "2027-01-05"],
        ["over 2 weken", "2027-01-14"],
        ["vrijdag 1 januari", "2027-01-01"],
      ],
      "2026-12-31",
    );
  });
});

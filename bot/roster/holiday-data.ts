// The national school holidays per region (noord, midden, zuid) as versioned data:
// school-holidays-nl.json, copied from the Rijksoverheid pages named in it, validated here when
// loaded. A school year that is not in the file has no proposal: its dates were not confirmed
// from the source, and we never guess them. Adding a year = adding it to the JSON (with its URL)
// and bumping "version"; tests/roster/holiday-data.test.ts checks the file.
import { z } from "zod";
import shipped from "./school-holidays-nl.json" with { type: "json" };
import { addDays } from "../domain/school-calendar.js";
import { isValidSchoolYear, schoolYearStartDate } from "../domain/school-year.js";
import { HolidayRegion } from "../domain/vocabulary.js";
import { AppError, ErrorCode } from "../errors.js";
import { CalendarDate, formatJsonPath } from "./school-setup-schema.js";

/**
 * The official school year the holiday data is published by (OCW: 1 August to 31 July, the default
 * of bot/domain/school-year.ts), whatever first day a school chose: its zomervakantie belongs to
 * the year that ends with it.
 */
export function schoolYearRange(schoolYear: string): { from: string; to: string } {
  const first = Number(schoolYear.slice(0, 4));
  return { from: schoolYearStartDate(schoolYear), to: addDays(schoolYearStartDate(`${first + 1}-${first + 2}`), -1) };
}

const Period = z
  .strictObject({ startDate: CalendarDate, endDate: CalendarDate })
  .refine((p) => p.startDate <= p.endDate, { path: ["endDate"], message: "endDate is before startDate" })
  .refine((p) => p.endDate <= addDays(p.startDate, 62), { path: ["endDate"], message: "longer than nine weeks: a typing error?" });

const Holiday = z.strictObject({
  key: z.string().regex(/^[a-z_]+$/, 'a key such as "herfstvakantie"'),
  name: z.string().trim().min(1).max(100),
  /** True for OCW's advice dates (herfst, voorjaar, the meivakantie's advice week): schools may move them. */
  advice: z.boolean(),
  regions: z.strictObject({ noord: Period, midden: Period, zuid: Period }),
});

const SchoolYearData = z.strictObject({
  url: z.url("the Rijksoverheid page this year was copied from"),
  holidays: z.array(Holiday).min(1),
});

export const HolidayDataSchema = z
  .strictObject({
    version: z.string().min(1),
    source: z.strictObject({
      publisher: z.string().min(1),
      overview: z.url(),
      openData: z.url(),
      retrieved: CalendarDate,
      note: z.string().min(1),
    }),
    schoolYears: z.record(z.string().refine(isValidSchoolYear, 'expected a school year such as "2027-2028"'), SchoolYearData),
    notCovered: z.record(z.string(), z.string()).optional(),
  })
  .superRefine((data, ctx) => {
    for (const [year, entry] of Object.entries(data.schoolYears)) {
      if (!isValidSchoolYear(year)) continue;
      const { from, to } = schoolYearRange(year);
      const keys = new Set<string>();
      entry.holidays.forEach((holiday, i) => {
        if (keys.has(holiday.key)) ctx.addIssue({ code: "custom", path: ["schoolYears", year, "holidays", i, "key"], message: `'${holiday.key}' twice` });
        keys.add(holiday.key);
        for (const region of HolidayRegion.options) {
          const { startDate } = holiday.regions[region];
          if (startDate < from || startDate > to) {
            ctx.addIssue({ code: "custom", path: ["schoolYears", year, "holidays", i, "regions", region, "startDate"], message: `not in school year ${year}` });
          }
        }
      });
    }
  });

export type HolidayData = z.infer<typeof HolidayDataSchema>;

/** Validates a holiday data document; throws AppError naming every problem by its JSON path. */
export function parseHolidayData(input: unknown): HolidayData {
  const result = HolidayDataSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({ path: formatJsonPath(issue.path), message: issue.message }));
  throw new AppError(
    ErrorCode.ValidationFailed,
    `The school-holiday data file is invalid:\n  - ${problems.map((p) => `${p.path}: ${p.message}`).join("\n  - ")}`,
    problems,
  );
}

let loaded: HolidayData | undefined;

/** The shipped data file, validated once. */
export function holidayData(): HolidayData {
  loaded ??= parseHolidayData(shipped);
  return loaded;
}

export interface RegionHoliday {
  key: string;
  name: string;
  advice: boolean;
  startDate: string;
  endDate: string;
}

/** A region's holidays in a school year; a clear error for an unknown region or a year without data. */
export function regionHolidays(schoolYear: string, region: string, data: HolidayData = holidayData()): RegionHoliday[] {
  const parsedRegion = HolidayRegion.safeParse(region);
  if (!parsedRegion.success) {
    throw new AppError(ErrorCode.ValidationFailed, `unknown holiday region '${region}': choose ${HolidayRegion.options.join(", ")}`);
  }
  if (!isValidSchoolYear(schoolYear)) throw new AppError(ErrorCode.ValidationFailed, `'${schoolYear}' is not a school year such as 2027-2028`);
  const year = data.schoolYears[schoolYear];
  if (!year) {
    const covered = Object.keys(data.schoolYears).sort().join(", ");
    const why = data.notCovered?.[schoolYear];
    throw new AppError(
      ErrorCode.NotFound,
      `no region holidays for school year ${schoolYear} in the data file (version ${data.version}; it covers ${covered})${why ? `: ${why}` : ""}`,
    );
  }
  return year.holidays.map((h) => ({ key: h.key, name: h.name, advice: h.advice, ...h.regions[parsedRegion.data] }));
}

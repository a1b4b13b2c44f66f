// A school's region holidays: propose, then confirm (as is, or edited). The proposal for a school
// year is its region's holidays from the data file (holiday-data.ts), Bevrijdingsdag when it is
// not a lustrum year (the school decides), and the public holidays that close the school, each of
// which the school may mark as a school day ("open": true). Primary schools may move most
// holidays, so the school has the last word: it edits the proposal file and confirms it.
//
// Until a school confirmed a year, nothing changes for it (its own closures from the setup file
// stand); public holidays count regardless (bot/domain/school-calendar.ts). Confirming a year
// replaces that year's confirmed closures only; the setup file's closures (study days, own
// holidays) are never touched here, nor these by the setup file.
import { z } from "zod";
import { recordAudit } from "../audit.js";
import type { Db } from "../db/client.js";
import { inTransaction } from "../db/transaction.js";
import { publicHolidayOn, publicHolidaysBetween } from "../domain/public-holidays.js";
import { isoWeekday } from "../domain/school-calendar.js";
import { isValidSchoolYear } from "../domain/school-year.js";
import { HolidayRegion, parseWeekdays } from "../domain/vocabulary.js";
import { AppError, ErrorCode } from "../errors.js";
import { holidayData, regionHolidays, schoolYearRange } from "./holiday-data.js";
import { CalendarDate, ClosureSchema, formatJsonPath } from "./school-setup-schema.js";
import { findSchool } from "./school-setup.js";

export const ClosureProposalSchema = z
  .strictObject({
    /** The school's id. */
    school: z.string().trim().min(1),
    schoolYear: z.string().refine(isValidSchoolYear, 'expected a school year such as "2027-2028"'),
    region: HolidayRegion,
    /** The data file's version the proposal came from. */
    dataVersion: z.string().min(1),
    closures: z.array(ClosureSchema),
    publicHolidays: z.array(z.strictObject({ date: CalendarDate, name: z.string(), open: z.boolean() })),
  })
  .superRefine((p, ctx) => {
    if (!isValidSchoolYear(p.schoolYear)) return;
    const { from, to } = schoolYearRange(p.schoolYear);
    p.closures.forEach((c, i) => {
      if (c.kind !== "holiday") {
        ctx.addIssue({ code: "custom", path: ["closures", i, "kind"], message: "study days are the school's own: put them in the setup file's closures" });
      }
      if (c.startDate < from || c.startDate > to)
        ctx.addIssue({ code: "custom", path: ["closures", i, "startDate"], message: `not in school year ${p.schoolYear}` });
    });
    p.publicHolidays.forEach((h, i) => {
      if (!publicHolidayOn(h.date)?.closesSchool)
        ctx.addIssue({ code: "custom", path: ["publicHolidays", i, "date"], message: `${h.date} is no public holiday that closes schools` });
      else if (h.date < from || h.date > to)
        ctx.addIssue({ code: "custom", path: ["publicHolidays", i, "date"], message: `not in school year ${p.schoolYear}` });
    });
  });

export type ClosureProposal = z.infer<typeof ClosureProposalSchema>;

interface SchoolRow {
  id: string;
  schoolDays: string;
  holidayRegion: string | null;
  openPublicHolidays: string;
}

async function schoolOrThrow(db: Db, nameOrId: string): Promise<SchoolRow> {
  const school = await findSchool(db, nameOrId);
  if (!school) throw new AppError(ErrorCode.NotFound, `no school named or with id '${nameOrId}'`);
  return school;
}

/** The proposal for a school year, from its region (the one given, else the school's). */
export async function proposeClosures(db: Db, input: { school: string; schoolYear: string; region?: string | undefined }): Promise<ClosureProposal> {
  const school = await schoolOrThrow(db, input.school);
  const region = input.region ?? school.holidayRegion;
  if (!region) {
    throw new AppError(
      ErrorCode.ValidationFailed,
      "the school has no holiday region: pass --region noord|midden|zuid or set school.holidayRegion in the setup file",
    );
  }
  const closures = regionHolidays(input.schoolYear, region).map((h) => ({
    kind: "holiday" as const,
    name: h.name,
    startDate: h.startDate,
    endDate: h.endDate,
  }));
  const schoolDays = new Set(parseWeekdays(school.schoolDays));
  const onSchoolDay = (date: string) => schoolDays.has(isoWeekday(date)) && !closures.some((c) => c.startDate <= date && date <= c.endDate);
  const { from, to } = schoolYearRange(input.schoolYear);
  const holidays = publicHolidaysBetween(from, to).filter((h) => onSchoolDay(h.date));
  for (const h of holidays) if (!h.closesSchool) closures.push({ kind: "holiday", name: h.name, startDate: h.date, endDate: h.date });
  const open = new Set(school.openPublicHolidays.split(",").filter(Boolean));
  return {
    school: school.id,
    schoolYear: input.schoolYear,
    region: HolidayRegion.parse(region),
    dataVersion: holidayData().version,
    closures: closures.sort((a, b) => a.startDate.localeCompare(b.startDate)),
    publicHolidays: holidays.filter((h) => h.closesSchool).map((h) => ({ date: h.date, name: h.name, open: open.has(h.date) })),
  };
}

/** Validates a (possibly edited) proposal; throws AppError naming every problem by its JSON path. */
export function parseClosureProposal(input: unknown): ClosureProposal {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, ""));
    } catch (error) {
      throw new AppError(ErrorCode.ValidationFailed, `the closures file is not valid JSON: ${(error as Error).message}`);
    }
  }
  const result = ClosureProposalSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({ path: formatJsonPath(issue.path), message: issue.message }));
  throw new AppError(
    ErrorCode.ValidationFailed,
    `The closures file is invalid:\n  - ${problems.map((p) => `${p.path}: ${p.message}`).join("\n  - ")}`,
    problems,
  );
}

export interface ConfirmReport {
  schoolId: string;
  schoolYear: string;
  region: string;
  closures: number;
  /** Public holidays of that year the school is open on. */
  openDays: string[];
  /** False when the same confirmation was stored already (nothing written). */
  changed: boolean;
}

const closureKey = (c: { kind: string; name: string; startDate: string; endDate: string }) => JSON.stringify([c.startDate, c.endDate, c.kind, c.name]);

/** Stores a school's confirmed closures for a school year (idempotent). */
export async function confirmClosures(db: Db, input: unknown, options: { actorStaffId?: string | null } = {}): Promise<ConfirmReport> {
  const proposal = parseClosureProposal(input);
  const school = await schoolOrThrow(db, proposal.school);
  const { from, to } = schoolYearRange(proposal.schoolYear);
  const openDays = proposal.publicHolidays.filter((h) => h.open).map((h) => h.date);
  const otherYears = school.openPublicHolidays.split(",").filter((d) => d && (d < from || d > to));
  const allOpen = [...otherYears, ...openDays].sort().join(",");
  const report = { schoolId: school.id, schoolYear: proposal.schoolYear, region: proposal.region, closures: proposal.closures.length, openDays };
  return inTransaction(db, async (tx) => {
    const [existing, confirmation] = await Promise.all([
      tx.schoolClosure.findMany({ where: { schoolId: school.id, schoolYear: proposal.schoolYear } }),
      tx.schoolHolidayConfirmation.findUnique({ where: { schoolId_schoolYear: { schoolId: school.id, schoolYear: proposal.schoolYear } } }),
    ]);
    const sameClosures = JSON.stringify(existing.map(closureKey).sort()) === JSON.stringify(proposal.closures.map(closureKey).sort());
    const same =
      sameClosures && confirmation?.region === proposal.region && confirmation.dataVersion === proposal.dataVersion && allOpen === school.openPublicHolidays;
    if (same) return { ...report, changed: false };
    if (!sameClosures) {
      await tx.schoolClosure.deleteMany({ where: { schoolId: school.id, schoolYear: proposal.schoolYear } });
      await tx.schoolClosure.createMany({ data: proposal.closures.map((c) => ({ schoolId: school.id, schoolYear: proposal.schoolYear, ...c })) });
    }
    if (allOpen !== school.openPublicHolidays) await tx.school.update({ where: { id: school.id }, data: { openPublicHolidays: allOpen } });
    const fields = { region: proposal.region, dataVersion: proposal.dataVersion, confirmedAt: new Date() };
    await tx.schoolHolidayConfirmation.upsert({
      where: { schoolId_schoolYear: { schoolId: school.id, schoolYear: proposal.schoolYear } },
      create: { schoolId: school.id, schoolYear: proposal.schoolYear, ...fields },
      update: fields,
    });
    await recordAudit(tx, {
      schoolId: school.id,
      actorStaffId: options.actorStaffId ?? null,
      action: "update",
      entity: "school_holidays",
      entityId: proposal.schoolYear,
    });
    return { ...report, changed: true };
  });
}

/** The school years a school confirmed, with their region and when. */
export async function confirmedYears(db: Db, schoolId: string): Promise<{ schoolYear: string; region: string; confirmedAt: Date }[]> {
  return db.schoolHolidayConfirmation.findMany({
    where: { schoolId },
    select: { schoolYear: true, region: true, confirmedAt: true },
    orderBy: { schoolYear: "asc" },
  });
}

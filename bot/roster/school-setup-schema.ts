// The school setup file's shape: zod schemas for the school, its staff, groups, closures and IB
// assignments, and the parser that names every problem by its JSON path ("staff[3].email").
// Applying a parsed file is school-setup.ts.
import { z } from "zod";
import { Bouw, HolidayRegion, Locale, LocalDate, LocalTime, Role, Weekdays, normalizeGroupName } from "../domain/vocabulary.js";
import { AppError, ErrorCode } from "../errors.js";
import { isValidSchoolYear, isValidSchoolYearStart } from "../domain/school-year.js";

function isValidTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const Text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `at most ${max} characters`);
export const Email = z.string().trim().toLowerCase().pipe(z.email("not a valid e-mail address"));
/** A YYYY-MM-DD date that exists. */
export const CalendarDate = LocalDate.refine(isRealDate, "not a real calendar date");
export const DayList = Weekdays.refine((days) => new Set(days).size === days.length, "a day is listed twice");
const ExternalId = Text(100).refine((v) => !/\s/.test(v), "must not contain spaces");

export const ClosureSchema = z
  .strictObject({
    kind: z.enum(["holiday", "study_day"]),
    name: Text(100),
    startDate: CalendarDate,
    endDate: CalendarDate,
  })
  .refine((c) => c.startDate <= c.endDate, { path: ["endDate"], message: "endDate is before startDate" });

export const FormatKey = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'a format key such as "hgw-kindgesprek"')
  .max(40);

const SchoolSchema = z
  .strictObject({
    name: Text(200),
    /** The school board (stichting) by name: its board_admin sees every school of it (counts only). */
    board: Text(200).optional(),
    timezone: z.string().trim().refine(isValidTimezone, "not a known IANA time zone").optional(),
    schoolDays: DayList.optional(),
    dayStart: LocalTime.optional(),
    dayEnd: LocalTime.optional(),
    /** The school year's first day, "MM-DD" (default "08-01"): next year's roster takes effect on it. */
    schoolYearStart: z.string().refine(isValidSchoolYearStart, 'a date in July, August or September as "MM-DD", such as "08-01"').optional(),
    locale: Locale.optional(),
    /** The school's own closures (study days, own holidays); region holidays are confirmed with `closures confirm`. */
    closures: z.array(ClosureSchema).optional(),
    /** The national school-holiday region that `closures propose` proposes from. */
    holidayRegion: HolidayRegion.optional(),
    teamsTenantIds: z.array(ExternalId).optional(),
    slackTeamIds: z.array(ExternalId).optional(),
    /** The doorgaande lijn: the conversation format each bouw uses by default. */
    formatDefaults: z.partialRecord(Bouw, FormatKey).optional(),
    /** Retention in months (docs/privacy.md): pupils after leaving, audit rows after writing. */
    retention: z
      .strictObject({
        pupilMonthsAfterLeaving: z.number().int().min(1).max(120).optional(),
        auditMonths: z.number().int().min(6, "at least 6 months, so access requests can be answered").max(120).optional(),
      })
      .optional(),
  })
  .refine((s) => !s.dayStart || !s.dayEnd || s.dayStart < s.dayEnd, {
    path: ["dayEnd"],
    message: "dayEnd must be after dayStart",
  });

/** A member of staff, from the setup file or the admin's chat command (bot/roster/staff-admin.ts). */
export const StaffSchema = z
  .strictObject({
    email: Email,
    name: Text(200),
    roles: z.array(Role).min(1, "at least one role"),
    leads: z.array(Bouw).optional(),
    teamsAadObjectId: ExternalId.optional(),
    slackUserId: ExternalId.optional(),
    locale: Locale.optional(),
  })
  .superRefine((member, ctx) => {
    const leadsTeam = member.roles.includes("team_leader");
    if (leadsTeam && !member.leads?.length) ctx.addIssue({ code: "custom", path: ["leads"], message: "a team_leader needs the bouw or bouwen they lead" });
    if (!leadsTeam && member.leads?.length) ctx.addIssue({ code: "custom", path: ["leads"], message: "only a team_leader leads a bouw" });
  });

const GroupSchema = z.strictObject({
  name: z.string().transform((raw, ctx) => {
    const name = normalizeGroupName(raw);
    if (!name) {
      ctx.addIssue({ code: "custom", message: `unknown group '${raw}' (expected e.g. "groep 4/5" or "groep 3a")` });
      return z.NEVER;
    }
    return name;
  }),
  bouw: Bouw.optional(),
  /** A format for this group that differs from its bouw's default. */
  format: FormatKey.optional(),
  teachers: z.array(z.strictObject({ email: Email, workingDays: DayList.optional() })),
});

const IbAssignmentSchema = z.strictObject({
  ib: Email,
  pupilIds: z.array(Text(64)),
});

export const SchoolSetupSchema = z
  .strictObject({
    school: SchoolSchema,
    schoolYear: z.string().refine(isValidSchoolYear, 'expected a school year such as "2026-2027"').optional(),
    staff: z.array(StaffSchema).min(1, "the staff list is empty"),
    groups: z.array(GroupSchema).optional(),
    ibAssignments: z.array(IbAssignmentSchema).optional(),
  })
  .superRefine((setup, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const staffIndex = new Map<string, number>();
    const teamsIds = new Map<string, number>();
    const slackIds = new Map<string, number>();
    const slackTeams = setup.school.slackTeamIds ?? [];
    setup.staff.forEach((member, i) => {
      const first = staffIndex.get(member.email);
      if (first !== undefined) issue(["staff", i, "email"], `duplicate e-mail, also staff[${first}]`);
      else staffIndex.set(member.email, i);
      if (member.teamsAadObjectId) {
        const other = teamsIds.get(member.teamsAadObjectId);
        if (other !== undefined) issue(["staff", i, "teamsAadObjectId"], `also used by staff[${other}]`);
        else teamsIds.set(member.teamsAadObjectId, i);
      }
      if (member.slackUserId) {
        if (!member.slackUserId.includes(":") && slackTeams.length !== 1) {
          issue(["staff", i, "slackUserId"], 'write it as "TEAMID:USERID" unless the school has exactly one slackTeamIds entry');
        }
        const other = slackIds.get(member.slackUserId);
        if (other !== undefined) issue(["staff", i, "slackUserId"], `also used by staff[${other}]`);
        else slackIds.set(member.slackUserId, i);
      }
    });
    const groupIndex = new Map<string, number>();
    setup.groups?.forEach((group, i) => {
      const first = groupIndex.get(group.name);
      if (first !== undefined) issue(["groups", i, "name"], `duplicate group '${group.name}', also groups[${first}]`);
      else groupIndex.set(group.name, i);
      const seen = new Set<string>();
      group.teachers.forEach((teacher, j) => {
        if (!staffIndex.has(teacher.email)) issue(["groups", i, "teachers", j, "email"], `not in the staff list: ${teacher.email}`);
        if (seen.has(teacher.email)) issue(["groups", i, "teachers", j, "email"], `listed twice: ${teacher.email}`);
        seen.add(teacher.email);
      });
    });
    setup.ibAssignments?.forEach((assignment, i) => {
      const index = staffIndex.get(assignment.ib);
      if (index === undefined) issue(["ibAssignments", i, "ib"], `not in the staff list: ${assignment.ib}`);
      else if (!setup.staff[index]?.roles.includes("ib")) {
        issue(["ibAssignments", i, "ib"], `staff[${index}] does not have the role 'ib'`);
      }
    });
  });

export type SchoolSetup = z.infer<typeof SchoolSetupSchema>;

export interface SetupProblem {
  /** JSON path, e.g. "staff[3].email"; "(file)" for the document as a whole. */
  path: string;
  message: string;
}

export function formatJsonPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(file)";
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`)).join("");
}

/** Validates a setup document (a JSON string or an already parsed value). Throws AppError with every problem. */
export function parseSchoolSetup(input: unknown): SchoolSetup {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, ""));
    } catch (error) {
      const problems: SetupProblem[] = [{ path: "(file)", message: `not valid JSON: ${(error as Error).message}` }];
      throw new AppError(ErrorCode.ValidationFailed, `The school setup file is not valid JSON`, problems);
    }
  }
  const result = SchoolSetupSchema.safeParse(value);
  if (result.success) return result.data;
  const problems: SetupProblem[] = result.error.issues.map((issue) => ({
    path: formatJsonPath(issue.path),
    message: issue.message,
  }));
  throw new AppError(
    ErrorCode.ValidationFailed,
    `The school setup file is invalid:\n  - ${problems.map((p) => `${p.path}: ${p.message}`).join("\n  - ")}`,
    problems,
  );
}

export interface SchoolSetupReport {
  schoolId: string;
  schoolCreated: boolean;
  schoolUpdated: boolean;
  schoolYear: string;
  staffCreated: number;
  staffUpdated: number;
  staffUnchanged: number;
  /** Active staff of the school the file no longer names. */
  staffDeactivated: number;
  groupsCreated: number;
  groupsUpdated: number;
  teacherLinksAdded: number;
  teacherLinksUpdated: number;
  teacherLinksRemoved: number;
  /** Whether the closures in the database were replaced by the file's (false when they were equal or absent). */
  closuresReplaced: boolean;
  bindingsAdded: number;
  ibAssignmentsAdded: number;
  ibAssignmentsRemoved: number;
  /** Pupil ids in ibAssignments that are not in the roster yet (import the roster, then apply again). */
  unknownPupilIds: string[];
}

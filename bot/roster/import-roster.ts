// Imports the school administration's roster export: CSV (parse-roster-csv.ts) or EDEXML (parse-roster-edexml.ts).
// The whole file is validated first, including against the staff list; one bad line rejects the
// file and nothing is written. A valid file is applied in one transaction:
// - groups of the school year that the file names are created when missing;
// - each named group's teachers become exactly the e-mails the file names for it;
// - pupils are matched on the administration's id: names updated, moved, reactivated or created;
// - active pupils of the school that the file no longer lists are deactivated (records kept).
// Re-importing the same file changes nothing. The report holds counts only, never names.
// A roster for next school year is staged instead (stage-roster.ts) and takes effect on that
// year's first day; a roster for the current year applies now, with the rollover if it brings
// pupils out of last year's groups (rollover.ts).
import { recordAudit } from "../audit.js";
import { inTransaction } from "../db/transaction.js";
import { localDate as localToday } from "../domain/local-time.js";
import type { Db } from "../db/client.js";
import { nextSchoolMoment } from "../domain/school-calendar.js";
import { compareSchoolYears, isValidSchoolYear, schoolYearOf, schoolYearStartDate } from "../domain/school-year.js";
import { AppError, ErrorCode, NotFoundError } from "../errors.js";
import { loadSchoolCalendar } from "../services/school-calendar.js";
import type { RosterLineError } from "./roster-row.js";
import { parseRoster, type RosterFormat } from "./roster-format.js";
import { applyPlan, loadState, makePlan, type RosterImportCounts } from "./roster-plan.js";
import { NO_ROLLOVER, rollOver, type RolloverCounts } from "./rollover.js";
import { stageRoster } from "./stage-roster.js";

export type { RosterImportCounts } from "./roster-plan.js";

export interface RosterImportOptions {
  schoolId: string;
  /** The export's text, CSV or EDEXML (see decodeRosterBytes); the name is older than EDEXML. */
  csvText: string;
  /** Which parser reads `csvText`; recognised from the text when absent (XML is EDEXML). */
  format?: RosterFormat;
  /** The school year the groups belong to, "2026-2027"; default: the year `now` falls in. */
  schoolYear?: string;
  now?: Date;
  /** Validate and count without writing anything. */
  dryRun?: boolean;
  /** Who ran the import, for the audit trail; null for the system (CLI). */
  actorStaffId?: string | null;
}

export type RosterImportReport =
  | ({
      ok: true;
      dryRun: boolean;
      schoolYear: string;
      pupilsInFile: number;
      /** The school-local date the roster takes effect: today, or next school year's first day when staged. */
      effectiveOn: string;
      /** Next school year's roster, kept until effectiveOn; nothing changed yet. */
      staged: boolean;
    } & RosterImportCounts &
      RolloverCounts)
  | { ok: false; errors: RosterLineError[] };

/** Validates the whole roster file and, when it is valid, applies it in one transaction. */
export async function importRoster(db: Db, options: RosterImportOptions): Promise<RosterImportReport> {
  const { schoolId } = options;
  const now = options.now ?? new Date();
  const school = await db.school.findUnique({ where: { id: schoolId }, select: { id: true, timezone: true, schoolYearStart: true } });
  if (!school) throw new NotFoundError("school");
  const current = schoolYearOf(now, school.timezone, school.schoolYearStart);
  if (options.schoolYear !== undefined && !isValidSchoolYear(options.schoolYear)) {
    throw new AppError(ErrorCode.ValidationFailed, `invalid school year '${options.schoolYear}', expected e.g. "2026-2027"`);
  }

  // The staff list, loaded once: every teacher e-mail must belong to active staff of this school.
  const staff = await db.staff.findMany({ where: { schoolId }, select: { id: true, email: true, active: true } });
  const staffByEmail = new Map(staff.map((s) => [s.email.toLowerCase(), s]));
  const staffIdByEmail = new Map<string, string>();
  const parsed = parseRoster(options.csvText, options.format, {
    checkTeacherEmail: (email) => {
      const member = staffByEmail.get(email);
      if (!member) return `teacher e-mail not on the staff list: ${email}`;
      if (!member.active) return `teacher e-mail belongs to staff who is no longer active: ${email}`;
      staffIdByEmail.set(email, member.id);
      return null;
    },
  });
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors };
  if (parsed.rows.length === 0) {
    // An empty export would deactivate every pupil; that is never what the school meant.
    return { ok: false, errors: [{ line: 1, reason: "the file lists no pupils" }] };
  }
  // An EDEXML export says which school year it is for: next year's file is staged even when the
  // operator forgot --school-year, and a contradiction is refused rather than guessed.
  const declared = parsed.declaredSchoolYear;
  if (declared !== undefined && !isValidSchoolYear(declared)) {
    return { ok: false, errors: [{ line: 1, reason: `school/schooljaar '${declared}' is not a school year such as "2026-2027"` }] };
  }
  if (declared !== undefined && options.schoolYear !== undefined && declared !== options.schoolYear) {
    return {
      ok: false,
      errors: [{ line: 1, reason: `the file is for school year ${declared} (school/schooljaar), not ${options.schoolYear} (--school-year)` }],
    };
  }
  const schoolYear = options.schoolYear ?? declared ?? current;
  const ahead = compareSchoolYears(schoolYear, current);
  if (ahead < 0 || ahead > 1) {
    const next = `${Number(current.slice(0, 4)) + 1}-${Number(current.slice(0, 4)) + 2}`;
    throw new AppError(
      ErrorCode.ValidationFailed,
      `school year '${schoolYear}' cannot be imported now: import the current school year (${current}) or the next (${next})`,
    );
  }

  const staged = ahead === 1;
  const effectiveOn = staged ? schoolYearStartDate(schoolYear, school.schoolYearStart) : localToday(now, school.timezone);
  const summary = { dryRun: !!options.dryRun, schoolYear, pupilsInFile: parsed.rows.length, effectiveOn, staged };
  if (options.dryRun || staged) {
    // Next year's roster is counted against today's pupils: what will happen on effectiveOn.
    const plan = makePlan(await loadState(db, schoolId, schoolYear), parsed.rows, staffIdByEmail);
    if (staged && !options.dryRun) {
      await stageRoster(db, { schoolId, schoolYear, rows: parsed.rows, actorStaffId: options.actorStaffId ?? null });
    }
    // On effectiveOn every group of an earlier year still in use is archived.
    const groupsArchived = staged ? await db.group.count({ where: { schoolId, archivedAt: null, schoolYear: { lt: schoolYear } } }) : 0;
    return { ok: true, ...summary, ...plan.counts, ...NO_ROLLOVER, groupsArchived };
  }
  const notifyAt = nextSchoolMoment(await loadSchoolCalendar(db, schoolId), now);
  const counts = await inTransaction(db, async (tx) => {
    // A write first: on SQLite this takes the write lock before anything is read, so another
    // process (the bot) writing meanwhile cannot make the import fail half-way ("database is locked").
    await recordAudit(tx, { schoolId, actorStaffId: options.actorStaffId ?? null, action: "import", entity: "roster" });
    const plan = makePlan(await loadState(tx, schoolId, schoolYear), parsed.rows, staffIdByEmail);
    await applyPlan(tx, plan, { schoolId, schoolYear, now });
    const rollover = await rollOver(tx, { schoolId, schoolYear, now, notifyAt, movedFrom: plan.movedFrom });
    // This roster supersedes any staged one for this year (or before): it must never apply later.
    await tx.stagedPlacement.deleteMany({ where: { schoolId, schoolYear: { lte: schoolYear } } });
    return { ...plan.counts, ...rollover };
  });
  return { ok: true, ...summary, ...counts };
}

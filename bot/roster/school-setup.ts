// The "school setup" file: one JSON document with the school's settings, staff and their roles,
// groups with their teachers, and the IB'er's pupils. Applying it is idempotent: the same file
// twice changes nothing the second time. The file is the staff list: staff of the school that it
// no longer names are deactivated (their records stay). An invalid file is rejected as a whole
// with every problem named by its JSON path ("staff[3].email"); nothing is applied.
import { recordAudit } from "../audit.js";
import { activeAdminsOf } from "../auth/policy.js";
import { inTransaction } from "../db/transaction.js";
import type { Db } from "../db/client.js";
import type { Prisma, School } from "../db/generated/sqlite/client.js";
import { compareSchoolYears, schoolYearOf } from "../domain/school-year.js";
import { parseWeekdays } from "../domain/vocabulary.js";
import { daysOutsideSchoolWeek } from "../domain/weekday-words.js";
import { AppError, ErrorCode } from "../errors.js";
import { parseSchoolSetup, type SchoolSetup, type SchoolSetupReport } from "./school-setup-schema.js";
import { applyStaff, deactivateStaff } from "./school-setup-staff.js";
import { applyGroups, applyIbAssignments, daysText, knownFormatKeys } from "./school-setup-groups.js";

export { formatJsonPath, parseSchoolSetup, SchoolSetupSchema, type SchoolSetup, type SchoolSetupReport, type SetupProblem } from "./school-setup-schema.js";

type Client = Db | Prisma.TransactionClient;

/**
 * Finds a school by id, else by name (exact, then ignoring case and surrounding spaces).
 * Returns null when there is none; throws Conflict when several schools have that name.
 */
export async function findSchool(db: Client, nameOrId: string): Promise<School | null> {
  const byId = await db.school.findUnique({ where: { id: nameOrId } });
  if (byId) return byId;
  return findSchoolByName(db, nameOrId);
}

export async function findSchoolByName(db: Client, name: string): Promise<School | null> {
  const exact = await db.school.findMany({ where: { name } });
  let matches = exact;
  if (matches.length === 0) {
    // A board has tens of schools, not thousands: comparing in memory is portable across databases.
    const wanted = name.trim().toLowerCase();
    matches = (await db.school.findMany()).filter((s) => s.name.trim().toLowerCase() === wanted);
  }
  if (matches.length > 1) {
    throw new AppError(ErrorCode.Conflict, `Several schools are named '${name}'; use the school id`);
  }
  return matches[0] ?? null;
}

/** Rolls back a dry run's transaction, carrying the report out of it. */
class DryRun extends Error {
  constructor(readonly report: SchoolSetupReport) {
    super("dry run");
  }
}

const activeAdmins = (tx: Prisma.TransactionClient, schoolId: string) => tx.staff.count({ where: activeAdminsOf(schoolId) });

/**
 * Validates and applies a school setup file in one transaction. `dryRun`: everything is applied
 * and checked in the transaction, which is then rolled back; the report says what it would change.
 */
export async function applySchoolSetup(
  db: Db,
  input: unknown,
  options: { now?: Date; actorStaffId?: string | null; dryRun?: boolean } = {},
): Promise<SchoolSetupReport> {
  const setup = parseSchoolSetup(input);
  const now = options.now ?? new Date();
  const applied = inTransaction(db, async (tx) => {
    // A write first (it changes nothing): on SQLite this takes the write lock before anything is
    // read, so the bot writing meanwhile from another process cannot fail the setup half-way.
    await tx.$executeRawUnsafe(`UPDATE "School" SET "name" = "name" WHERE 1 = 0`);
    const report: SchoolSetupReport = {
      schoolId: "",
      schoolCreated: false,
      schoolUpdated: false,
      schoolYear: "",
      staffCreated: 0,
      staffUpdated: 0,
      staffUnchanged: 0,
      staffDeactivated: 0,
      groupsCreated: 0,
      groupsUpdated: 0,
      teacherLinksAdded: 0,
      teacherLinksUpdated: 0,
      teacherLinksRemoved: 0,
      closuresReplaced: false,
      bindingsAdded: 0,
      ibAssignmentsAdded: 0,
      ibAssignmentsRemoved: 0,
      unknownPupilIds: [],
    };
    const school = await applySchool(tx, setup, report);
    checkWorkingDays(setup, parseWeekdays(school.schoolDays));
    report.schoolId = school.id;
    const currentYear = schoolYearOf(now, school.timezone, school.schoolYearStart);
    report.schoolYear = setup.schoolYear ?? currentYear;
    // Next year's groups would show beside this year's at once; they come with next year's roster.
    if (compareSchoolYears(report.schoolYear, currentYear) > 0) {
      const message = `groups of ${report.schoolYear} start on that school year's first day: import next year's roster with roster:import --school-year ${report.schoolYear}, and apply the setup for ${report.schoolYear} once that year has begun`;
      throw new AppError(ErrorCode.ValidationFailed, "invalid school setup", [{ path: "schoolYear", message }]);
    }
    await applyClosures(tx, school.id, setup, report);
    await applyFormatDefaults(tx, school.id, setup);
    await applyBindings(tx, school.id, setup, report);
    const adminsBefore = await activeAdmins(tx, school.id);
    const { staffIdByEmail, leaving } = await applyStaff(tx, school.id, setup, report);
    await applyGroups(tx, school.id, report.schoolYear, setup, staffIdByEmail, report);
    await applyIbAssignments(tx, school.id, setup, staffIdByEmail, report);
    await deactivateStaff(tx, leaving);
    // A staff list cut short (one teacher) deactivated every other member of staff, the admins
    // too: the school then had nobody for privacy requests, and retention stopped for want of one.
    if (adminsBefore > 0 && (await activeAdmins(tx, school.id)) === 0) {
      const message = `this file leaves the school without an active admin (it deactivates ${report.staffDeactivated} of the staff it does not list); give at least one member of staff the role admin`;
      throw new AppError(ErrorCode.ValidationFailed, "invalid school setup", [{ path: "staff", message }]);
    }
    await recordAudit(tx, { schoolId: school.id, actorStaffId: options.actorStaffId ?? null, action: "import", entity: "school_setup" });
    if (options.dryRun) throw new DryRun(report);
    return report;
  });
  return applied.catch((error: unknown) => {
    if (error instanceof DryRun) return error.report;
    throw error;
  });
}

async function applySchool(tx: Prisma.TransactionClient, setup: SchoolSetup, report: SchoolSetupReport): Promise<School> {
  const s = setup.school;
  // The board by name, created the first time a school names it.
  const board = s.board === undefined ? undefined : await tx.board.upsert({ where: { name: s.board }, create: { name: s.board }, update: {} });
  const settings = {
    ...(board !== undefined && { boardId: board.id }),
    ...(s.timezone !== undefined && { timezone: s.timezone }),
    ...(s.schoolDays !== undefined && { schoolDays: daysText(s.schoolDays) }),
    ...(s.dayStart !== undefined && { dayStart: s.dayStart }),
    ...(s.schoolYearStart !== undefined && { schoolYearStart: s.schoolYearStart }),
    ...(s.dayEnd !== undefined && { dayEnd: s.dayEnd }),
    ...(s.locale !== undefined && { locale: s.locale }),
    ...(s.holidayRegion !== undefined && { holidayRegion: s.holidayRegion }),
    ...(s.retention?.pupilMonthsAfterLeaving !== undefined && { pupilRetentionMonths: s.retention.pupilMonthsAfterLeaving }),
    ...(s.retention?.auditMonths !== undefined && { auditRetentionMonths: s.retention.auditMonths }),
  };
  const existing = await findSchoolByName(tx, s.name);
  if (!existing) {
    report.schoolCreated = true;
    return tx.school.create({ data: { name: s.name, ...settings } });
  }
  const changed = Object.entries(settings).some(([key, value]) => existing[key as keyof School] !== value);
  if (!changed) return existing;
  report.schoolUpdated = true;
  return tx.school.update({ where: { id: existing.id }, data: settings });
}

/** A teacher's working days must be days the school is open (the file's schoolDays, else the stored ones). */
function checkWorkingDays(setup: SchoolSetup, schoolDays: number[]): void {
  const problems = (setup.groups ?? []).flatMap((group, i) =>
    group.teachers.flatMap((teacher, j) => {
      const closed = daysOutsideSchoolWeek(teacher.workingDays ?? [], schoolDays);
      return closed.length
        ? [{ path: `groups[${i}].teachers[${j}].workingDays`, message: `the school is closed on day ${closed.join(", ")} (schoolDays)` }]
        : [];
    }),
  );
  if (problems.length) throw new AppError(ErrorCode.ValidationFailed, "invalid school setup", problems);
}

/** Format keys must name a built-in format or one the school added. */
async function checkFormatKeys(tx: Prisma.TransactionClient, schoolId: string, setup: SchoolSetup): Promise<void> {
  const wanted = [
    ...Object.entries(setup.school.formatDefaults ?? {}).map(([bouw, key]) => ({ path: `school.formatDefaults.${bouw}`, key: key! })),
    ...(setup.groups ?? []).flatMap((g, i) => (g.format ? [{ path: `groups[${i}].format`, key: g.format }] : [])),
  ];
  if (!wanted.length) return;
  const known = await knownFormatKeys(tx, schoolId);
  const problems = wanted.filter((w) => !known.has(w.key)).map((w) => ({ path: w.path, message: `unknown format '${w.key}'` }));
  if (problems.length) throw new AppError(ErrorCode.ValidationFailed, "invalid school setup", problems);
}

async function applyFormatDefaults(tx: Prisma.TransactionClient, schoolId: string, setup: SchoolSetup): Promise<void> {
  await checkFormatKeys(tx, schoolId, setup);
  const defaults = setup.school.formatDefaults;
  if (!defaults) return;
  await tx.schoolFormatDefault.deleteMany({ where: { schoolId } });
  const rows = Object.entries(defaults).map(([bouw, formatKey]) => ({ schoolId, bouw, formatKey: formatKey! }));
  if (rows.length) await tx.schoolFormatDefault.createMany({ data: rows });
}

async function applyClosures(tx: Prisma.TransactionClient, schoolId: string, setup: SchoolSetup, report: SchoolSetupReport): Promise<void> {
  const closures = setup.school.closures;
  if (!closures) return;
  const key = (c: { kind: string; name: string; startDate: string; endDate: string }) => JSON.stringify([c.startDate, c.endDate, c.kind, c.name]);
  // The school's own closures only: region holidays it confirmed (schoolYear set) are kept.
  const own = { schoolId, schoolYear: null };
  const existing = await tx.schoolClosure.findMany({ where: own });
  const same = existing.length === closures.length && JSON.stringify(existing.map(key).sort()) === JSON.stringify(closures.map(key).sort());
  if (same) return;
  await tx.schoolClosure.deleteMany({ where: own });
  if (closures.length) await tx.schoolClosure.createMany({ data: closures.map((c) => ({ schoolId, ...c })) });
  report.closuresReplaced = true;
}

async function applyBindings(tx: Prisma.TransactionClient, schoolId: string, setup: SchoolSetup, report: SchoolSetupReport): Promise<void> {
  const wanted = [
    ...(setup.school.teamsTenantIds ?? []).map((externalId) => ({ channel: "teams", externalId })),
    ...(setup.school.slackTeamIds ?? []).map((externalId) => ({ channel: "slack", externalId })),
  ];
  if (!wanted.length) return;
  const existing = await tx.channelBinding.findMany({ where: { schoolId } });
  const have = new Set(existing.map((b) => `${b.channel}/${b.externalId}`));
  for (const binding of wanted) {
    const k = `${binding.channel}/${binding.externalId}`;
    if (have.has(k)) continue;
    have.add(k);
    await tx.channelBinding.create({ data: { schoolId, ...binding } });
    report.bindingsAdded++;
  }
}

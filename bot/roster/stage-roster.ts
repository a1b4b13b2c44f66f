// Next school year's roster, imported ahead of time (in June, say): validated like any import, then
// kept as staged placements until the school year's first day. Until then nobody's groups change;
// on that day (the nightly job, or `npm run cli -- rollover`) the roster is applied as an import of
// the then current year would be, with the rollover (rollover.ts), and the staged rows are removed.
import { recordAudit } from "../audit.js";
import { isUniqueViolation } from "../db/errors.js";
import type { Db } from "../db/client.js";
import { inTransaction } from "../db/transaction.js";
import { nextSchoolMoment } from "../domain/school-calendar.js";
import { compareSchoolYears, schoolYearOf, schoolYearStartDate } from "../domain/school-year.js";
import { loadSchoolCalendar } from "../services/school-calendar.js";
import type { RosterRow } from "./parse-roster-csv.js";
import { applyPlan, loadState, makePlan, type RosterImportCounts } from "./roster-plan.js";
import { rollOver, type RolloverCounts } from "./rollover.js";

/** Replaces the school's staged roster for `schoolYear` with `rows` (a re-import replaces, never adds). */
export async function stageRoster(db: Db, o: { schoolId: string; schoolYear: string; rows: RosterRow[]; actorStaffId: string | null }): Promise<void> {
  await inTransaction(db, async (tx) => {
    await recordAudit(tx, { schoolId: o.schoolId, actorStaffId: o.actorStaffId, action: "import", entity: "roster_stage" });
    await tx.stagedPlacement.deleteMany({ where: { schoolId: o.schoolId, schoolYear: o.schoolYear } });
    await tx.stagedPlacement.createMany({
      data: o.rows.map((r) => ({
        schoolId: o.schoolId,
        schoolYear: o.schoolYear,
        externalId: r.externalId,
        firstName: r.firstName,
        lastName: r.lastName,
        groupName: r.group,
        teacherEmails: r.teacherEmails.join(","),
        line: r.line,
      })),
    });
  });
}

export type StagedRosterResult =
  | ({ schoolId: string; schoolYear: string; applied: true } & RosterImportCounts & RolloverCounts)
  /** Not applied: a teacher the roster names is no longer active staff; it stays staged. */
  | { schoolId: string; schoolYear: string; applied: false; inactiveTeacherEmails: string[] }
  /** Not applied: it failed (the error, for the log); it stays staged and is tried again. */
  | { schoolId: string; schoolYear: string; applied: false; error: unknown };

/**
 * Applies every staged roster whose school year has begun (at the school's own start date, in its
 * timezone). Safe on several instances: the rows are re-read and removed in the transaction that
 * applies them, so a second run finds nothing. A stage for a year already over is discarded.
 */
export async function applyDueStagedRosters(db: Db, now: Date): Promise<StagedRosterResult[]> {
  const stages = await db.stagedPlacement.groupBy({ by: ["schoolId", "schoolYear"], orderBy: [{ schoolId: "asc" }, { schoolYear: "asc" }] });
  const results: StagedRosterResult[] = [];
  for (const { schoolId, schoolYear } of stages) {
    const school = await db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { timezone: true, schoolYearStart: true } });
    const current = schoolYearOf(now, school.timezone, school.schoolYearStart);
    const order = compareSchoolYears(schoolYear, current);
    if (order > 0) continue;
    if (order < 0) {
      await inTransaction(db, async (tx) => {
        await recordAudit(tx, { schoolId, actorStaffId: null, action: "delete", entity: "roster_stage" });
        await tx.stagedPlacement.deleteMany({ where: { schoolId, schoolYear } });
      });
      continue;
    }
    try {
      const result = await applyStage(db, schoolId, schoolYear, now);
      if (result) results.push(result);
    } catch (error) {
      // Another instance applied it at the same moment (its new groups came first): nothing to do.
      if (isUniqueViolation(error)) continue;
      // One school's failure must not keep the board's other schools in last year.
      results.push({ schoolId, schoolYear, applied: false, error });
    }
  }
  return results;
}

/** Thrown inside the transaction to undo its audit row when the stage cannot be applied. */
class StageNotApplicable extends Error {
  constructor(readonly inactiveTeacherEmails: string[]) {
    super("staged roster names inactive staff");
  }
}

async function applyStage(db: Db, schoolId: string, schoolYear: string, now: Date): Promise<StagedRosterResult | null> {
  const notifyAt = nextSchoolMoment(await loadSchoolCalendar(db, schoolId), now);
  try {
    return await applyStageIn(db, { schoolId, schoolYear, now, notifyAt });
  } catch (error) {
    if (!(error instanceof StageNotApplicable)) throw error;
    return { schoolId, schoolYear, applied: false, inactiveTeacherEmails: error.inactiveTeacherEmails };
  }
}

function applyStageIn(db: Db, o: { schoolId: string; schoolYear: string; now: Date; notifyAt: Date }): Promise<StagedRosterResult | null> {
  const { schoolId, schoolYear, now, notifyAt } = o;
  return inTransaction(db, async (tx) => {
    // A write first: on SQLite it takes the write lock before anything is read.
    await recordAudit(tx, { schoolId, actorStaffId: null, action: "import", entity: "roster_rollover" });
    const staged = await tx.stagedPlacement.findMany({ where: { schoolId, schoolYear }, orderBy: { line: "asc" } });
    if (staged.length === 0) return null;
    const staff = await tx.staff.findMany({ where: { schoolId, active: true }, select: { id: true, email: true } });
    const staffIdByEmail = new Map(staff.map((s) => [s.email.toLowerCase(), s.id]));
    const rows: RosterRow[] = staged.map((s) => ({
      line: s.line,
      externalId: s.externalId,
      firstName: s.firstName,
      lastName: s.lastName,
      group: s.groupName,
      teacherEmails: s.teacherEmails.split(",").filter(Boolean),
    }));
    const inactive = new Set(rows.flatMap((r) => r.teacherEmails).filter((email) => !staffIdByEmail.has(email)));
    if (inactive.size > 0) throw new StageNotApplicable([...inactive].sort());
    const plan = makePlan(await loadState(tx, schoolId, schoolYear), rows, staffIdByEmail);
    await applyPlan(tx, plan, { schoolId, schoolYear, now });
    const rollover = await rollOver(tx, { schoolId, schoolYear, now, notifyAt, movedFrom: plan.movedFrom });
    await tx.stagedPlacement.deleteMany({ where: { schoolId, schoolYear } });
    return { schoolId, schoolYear, applied: true as const, ...plan.counts, ...rollover };
  });
}

export interface StagedRosterView {
  schoolId: string;
  school: string;
  schoolYear: string;
  pupils: number;
  /** The school-local date it takes effect. */
  effectiveOn: string;
  /** Teacher e-mails it names that are no longer active staff (sorted): it will not apply until corrected. */
  inactiveTeacherEmails: string[];
}

/** The staged rosters still waiting for their school year (counts only). */
export async function listStagedRosters(db: Db): Promise<StagedRosterView[]> {
  const stages = await db.stagedPlacement.groupBy({
    by: ["schoolId", "schoolYear"],
    _count: { _all: true },
    orderBy: [{ schoolId: "asc" }, { schoolYear: "asc" }],
  });
  const schools = new Map(
    (
      await db.school.findMany({
        where: { id: { in: stages.map((s) => s.schoolId) } },
        select: { id: true, name: true, schoolYearStart: true, staff: { where: { active: true }, select: { email: true } } },
      })
    ).map((s) => [s.id, s]),
  );
  const views: StagedRosterView[] = [];
  for (const stage of stages) {
    const school = schools.get(stage.schoolId);
    const active = new Set(school?.staff.map((s) => s.email.toLowerCase()));
    const lines = await db.stagedPlacement.findMany({ where: { schoolId: stage.schoolId, schoolYear: stage.schoolYear }, select: { teacherEmails: true } });
    const named = new Set(lines.flatMap((l) => l.teacherEmails.split(",").filter(Boolean)));
    views.push({
      schoolId: stage.schoolId,
      school: school?.name ?? "",
      schoolYear: stage.schoolYear,
      pupils: stage._count._all,
      effectiveOn: schoolYearStartDate(stage.schoolYear, school?.schoolYearStart),
      inactiveTeacherEmails: [...named].filter((email) => !active.has(email)).sort(),
    });
  }
  return views;
}

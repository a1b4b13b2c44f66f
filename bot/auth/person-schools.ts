// One person, several staff records: a teacher of a school board may work at several of its schools,
// with a staff row per school (the same e-mail). Rights stay per staff row (bot/auth/actor.ts never
// unions them); this module only finds a person's rows, so the chat can ask, remember and switch
// which one acts, and proactive messages can say which school they are about.
import type { Db } from "../db/client.js";

export interface StaffSchool {
  staffId: string;
  schoolId: string;
  schoolName: string;
}

/** The active staff rows with this e-mail, in these schools (null: any school), by school name. */
export async function staffSchoolsByEmail(db: Db, email: string, schoolIds: readonly string[] | null): Promise<StaffSchool[]> {
  const rows = await db.staff.findMany({
    where: { email: email.trim().toLowerCase(), active: true, ...(schoolIds ? { schoolId: { in: [...schoolIds] } } : {}) },
    select: { id: true, schoolId: true, school: { select: { name: true } } },
  });
  return rows
    .map((r) => ({ staffId: r.id, schoolId: r.schoolId, schoolName: r.school.name }))
    .sort((a, b) => a.schoolName.localeCompare(b.schoolName, "nl") || a.staffId.localeCompare(b.staffId));
}

/** Every active staff row of the person behind `staffId` (the row itself included), in these schools. */
export async function staffSchoolsOf(db: Db, staffId: string, schoolIds: readonly string[] | null): Promise<StaffSchool[]> {
  const self = await db.staff.findUnique({ where: { id: staffId }, select: { email: true } });
  return self ? staffSchoolsByEmail(db, self.email, schoolIds) : [];
}

/** Whether this e-mail has active staff rows at several schools (a proactive message then names its school). */
export async function worksAtSeveralSchools(db: Db, email: string): Promise<boolean> {
  return (await db.staff.count({ where: { email, active: true } })) > 1;
}

/** Whether two staff rows are the same person (the same e-mail), e.g. a dialog started at the other school. */
export async function sameSchoolPerson(db: Db, staffId: string, otherStaffId: string): Promise<StaffSchool | null> {
  const rows = await db.staff.findMany({
    where: { id: { in: [staffId, otherStaffId] } },
    select: { id: true, email: true, active: true, schoolId: true, school: { select: { name: true } } },
  });
  const self = rows.find((r) => r.id === staffId);
  const other = rows.find((r) => r.id === otherStaffId);
  if (!self || !other || other.id === self.id || other.email !== self.email) return null;
  return { staffId: other.id, schoolId: other.schoolId, schoolName: other.school.name };
}

/** Open (active or paused) dialogs of the person's staff records at her other schools, per school. */
export async function openSessionsElsewhere(db: Db, staffId: string): Promise<Array<{ school: StaffSchool; count: number }>> {
  const others = (await staffSchoolsOf(db, staffId, null)).filter((s) => s.staffId !== staffId);
  if (others.length === 0) return [];
  const open = await db.dialogSession.groupBy({
    by: ["staffId"],
    where: { staffId: { in: others.map((o) => o.staffId) }, status: { in: ["active", "paused"] } },
    _count: { _all: true },
  });
  return others.flatMap((school) => {
    const count = open.find((o) => o.staffId === school.staffId)?._count._all ?? 0;
    return count > 0 ? [{ school, count }] : [];
  });
}

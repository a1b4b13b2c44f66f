// Applying a school setup file, part three: groups with their teachers and working days, and the
// IB'er's pupils. Runs in the setup's transaction (school-setup.ts). Linking a teacher and the known
// format keys are shared with the admin's chat commands (group-admin.ts).
import type { Prisma } from "../db/generated/sqlite/client.js";
import { loadBuiltinFormats } from "../formats/registry.js";
import { bouwOf, normalizeGroupName, parseWeekdays, yearLevelsOf } from "../domain/vocabulary.js";
import type { SchoolSetup, SchoolSetupReport } from "./school-setup-schema.js";

/** Working days as stored: "1,2,3". */
export const daysText = (days: number[]) => [...days].sort((a, b) => a - b).join(",");

export type LinkOutcome = "added" | "updated" | "unchanged";

/**
 * Makes a member of staff a teacher of the group, or sets the days they work in it. Without days a
 * new link gets the whole school week (the column's default) and an existing one keeps its days.
 * Shared with the admin's chat command (group-admin.ts).
 */
export async function linkTeacher(
  tx: Prisma.TransactionClient,
  wanted: { groupId: string; staffId: string; workingDays?: number[] | undefined },
  link: { id: string; workingDays: string } | undefined,
): Promise<LinkOutcome> {
  const days = wanted.workingDays ? daysText(wanted.workingDays) : undefined;
  if (!link) {
    await tx.groupTeacher.create({ data: { groupId: wanted.groupId, staffId: wanted.staffId, ...(days && { workingDays: days }) } });
    return "added";
  }
  if (!days || daysText(parseWeekdays(link.workingDays)) === days) return "unchanged";
  // An update sets updatedAt: the reminder producer notices (bot/reminders/changes.ts).
  await tx.groupTeacher.update({ where: { id: link.id }, data: { workingDays: days } });
  return "updated";
}

/** The format keys a school may name: the built-in ones and those the school added. */
export async function knownFormatKeys(tx: Prisma.TransactionClient, schoolId: string): Promise<Set<string>> {
  return new Set([
    ...loadBuiltinFormats().map((f) => f.key),
    ...(await tx.conversationFormat.findMany({ where: { schoolId }, select: { key: true } })).map((f) => f.key),
  ]);
}

export async function applyGroups(
  tx: Prisma.TransactionClient,
  schoolId: string,
  schoolYear: string,
  setup: SchoolSetup,
  staffIdByEmail: Map<string, string>,
  report: SchoolSetupReport,
): Promise<void> {
  if (!setup.groups?.length) return;
  const existing = await tx.group.findMany({ where: { schoolId, schoolYear }, include: { teachers: true } });
  const byName = new Map(existing.map((g) => [normalizeGroupName(g.name) ?? g.name, g]));
  for (const group of setup.groups) {
    const yearLevels = yearLevelsOf(group.name);
    const bouw = group.bouw ?? bouwOf(yearLevels);
    let current = byName.get(group.name);
    if (!current) {
      const created = await tx.group.create({
        data: { schoolId, schoolYear, name: group.name, bouw, yearLevels: yearLevels.join(",") },
      });
      current = { ...created, teachers: [] };
      report.groupsCreated++;
    } else if (group.bouw && current.bouw !== group.bouw) {
      await tx.group.update({ where: { id: current.id }, data: { bouw: group.bouw } });
      report.groupsUpdated++;
    }
    if ((group.format ?? null) !== current.formatKey) {
      await tx.group.update({ where: { id: current.id }, data: { formatKey: group.format ?? null } });
    }
    const groupId = current.id;
    const links = new Map(current.teachers.map((l) => [l.staffId, l]));
    const named = new Set<string>();
    for (const teacher of group.teachers) {
      const staffId = staffIdByEmail.get(teacher.email)!;
      named.add(staffId);
      const outcome = await linkTeacher(tx, { groupId, staffId, workingDays: teacher.workingDays }, links.get(staffId));
      if (outcome === "added") report.teacherLinksAdded++;
      if (outcome === "updated") report.teacherLinksUpdated++;
    }
    const stale = current.teachers.filter((l) => !named.has(l.staffId)).map((l) => l.id);
    if (stale.length) {
      await tx.groupTeacher.deleteMany({ where: { id: { in: stale } } });
      report.teacherLinksRemoved += stale.length;
    }
  }
}

export async function applyIbAssignments(
  tx: Prisma.TransactionClient,
  schoolId: string,
  setup: SchoolSetup,
  staffIdByEmail: Map<string, string>,
  report: SchoolSetupReport,
): Promise<void> {
  if (!setup.ibAssignments?.length) return;
  const allIds = [...new Set(setup.ibAssignments.flatMap((a) => a.pupilIds))];
  const pupils = await tx.pupil.findMany({
    where: { schoolId, externalId: { in: allIds } },
    select: { id: true, externalId: true },
  });
  const pupilIdByExternal = new Map(pupils.map((p) => [p.externalId, p.id]));
  report.unknownPupilIds = allIds.filter((id) => !pupilIdByExternal.has(id));
  // Several entries for one IB'er are merged; each IB'er then supports exactly the listed pupils.
  const wanted = new Map<string, Set<string>>();
  for (const assignment of setup.ibAssignments) {
    const staffId = staffIdByEmail.get(assignment.ib)!;
    const set = wanted.get(staffId) ?? new Set<string>();
    for (const externalId of assignment.pupilIds) {
      const pupilId = pupilIdByExternal.get(externalId);
      if (pupilId) set.add(pupilId);
    }
    wanted.set(staffId, set);
  }
  for (const [staffId, pupilIds] of wanted) {
    const current = await tx.pupilSupport.findMany({ where: { staffId }, select: { id: true, pupilId: true } });
    const have = new Set(current.map((s) => s.pupilId));
    const add = [...pupilIds].filter((id) => !have.has(id));
    if (add.length) await tx.pupilSupport.createMany({ data: add.map((pupilId) => ({ staffId, pupilId })) });
    const remove = current.filter((s) => !pupilIds.has(s.pupilId)).map((s) => s.id);
    if (remove.length) await tx.pupilSupport.deleteMany({ where: { id: { in: remove } } });
    report.ibAssignmentsAdded += add.length;
    report.ibAssignmentsRemoved += remove.length;
  }
}

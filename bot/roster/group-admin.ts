// The school admin's group changes in the chat: who teaches a group on which days (the duo-partner
// move), and the group's own format. A group is named as people say it ("5", "groep 4/5") and
// found in the current school year. Linking and the known format keys are the setup file's own
// (school-setup-groups.ts); every change is audited with ids only, and refused input changes nothing.
import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit.js";
import type { Db, Tx } from "../db/client.js";
import { inTransaction } from "../db/transaction.js";
import { daysOutsideSchoolWeek, parseWeekdayList } from "../domain/weekday-words.js";
import { normalizeGroupName, parseWeekdays } from "../domain/vocabulary.js";
import { currentSchoolYear } from "../services/school-year.js";
import { defaultFormatKey } from "../formats/registry.js";
import { FormatKey } from "./school-setup-schema.js";
import { knownFormatKeys, linkTeacher, type LinkOutcome } from "./school-setup-groups.js";
import { checkEmail, groupTeacherAudit, mayManageStaff, type StaffProblem } from "./staff-admin.js";

export type GroupProblem =
  | StaffProblem
  | { problem: "unknownGroup"; group: string; schoolYear: string; known: string[] }
  | { problem: "inactiveStaff"; email: string }
  | { problem: "notATeacher"; email: string }
  | { problem: "notLinked"; email: string; group: string }
  | { problem: "badDay"; word: string }
  | { problem: "dayTwice"; word: string }
  | { problem: "notSchoolDays"; days: number[]; schoolDays: number[] }
  | { problem: "unknownFormat"; key: string; known: string[] };

export interface GroupTeacherView {
  email: string;
  name: string;
  workingDays: number[];
}

export interface GroupView {
  name: string;
  bouw: string;
  schoolYear: string;
  /** The format the group uses, and whether it is the group's own choice (else the school's or ours, per bouw). */
  format: string;
  ownFormat: boolean;
  teachers: GroupTeacherView[];
}

type Found = { group: { id: string; name: string; bouw: string; schoolId: string; formatKey: string | null }; schoolYear: string };

/** The current school year's group of that name, or what to say when there is none. */
async function findGroup(tx: Tx | Db, actor: Actor, now: Date, typed: string): Promise<Found | GroupProblem> {
  const schoolYear = await currentSchoolYear(tx, actor.schoolId, now);
  const name = normalizeGroupName(typed);
  const group = name ? await tx.group.findUnique({ where: { schoolId_schoolYear_name: { schoolId: actor.schoolId, schoolYear, name } } }) : null;
  if (group) return { group, schoolYear };
  const known = await tx.group.findMany({ where: { schoolId: actor.schoolId, schoolYear }, select: { name: true }, orderBy: { name: "asc" } });
  return { problem: "unknownGroup", group: typed, schoolYear, known: known.map((g) => g.name) };
}

async function viewOf(tx: Tx | Db, found: Found): Promise<GroupView> {
  const links = await tx.groupTeacher.findMany({
    where: { groupId: found.group.id, staff: { active: true } },
    include: { staff: { select: { email: true, displayName: true } } },
  });
  return {
    name: found.group.name,
    bouw: found.group.bouw,
    schoolYear: found.schoolYear,
    format: await defaultFormatKey(tx, found.group),
    ownFormat: found.group.formatKey !== null,
    teachers: links
      .map((l) => ({ email: l.staff.email, name: l.staff.displayName, workingDays: parseWeekdays(l.workingDays) }))
      .sort((a, b) => a.workingDays[0]! - b.workingDays[0]! || a.name.localeCompare(b.name)),
  };
}

/** A group's teachers with their days, and its format. */
export async function showGroup(db: Db, actor: Actor, now: Date, typed: string): Promise<GroupProblem | { view: GroupView }> {
  if (!(await mayManageStaff(db, actor))) return { problem: "notAllowed" };
  const found = await findGroup(db, actor, now, typed);
  return "problem" in found ? found : { view: await viewOf(db, found) };
}

/** Typed working days, checked against the school's own school days. */
async function checkDays(tx: Tx, schoolId: string, typed: string): Promise<number[] | GroupProblem> {
  const parsed = parseWeekdayList(typed);
  if ("unknown" in parsed) return { problem: "badDay", word: parsed.unknown };
  if ("twice" in parsed) return { problem: "dayTwice", word: parsed.twice };
  const school = await tx.school.findUniqueOrThrow({ where: { id: schoolId }, select: { schoolDays: true } });
  const schoolDays = parseWeekdays(school.schoolDays);
  const outside = daysOutsideSchoolWeek(parsed.days, schoolDays);
  return outside.length ? { problem: "notSchoolDays", days: outside, schoolDays } : parsed.days;
}

export type LinkResult = GroupProblem | { outcome: LinkOutcome; email: string; name: string; view: GroupView };

/**
 * Makes a teacher one of the group's teachers, or sets the days they work in it: the duo-partner
 * move. Without days a new teacher gets the whole school week and a linked one keeps their days.
 */
export async function linkGroupTeacher(
  db: Db,
  actor: Actor,
  now: Date,
  input: { group: string; email: string; days?: string | undefined },
): Promise<LinkResult> {
  if (!(await mayManageStaff(db, actor))) return { problem: "notAllowed" };
  const email = checkEmail(input.email);
  if (!email) return { problem: "badEmail", email: input.email };
  return inTransaction(db, async (tx): Promise<LinkResult> => {
    const found = await findGroup(tx, actor, now, input.group);
    if ("problem" in found) return found;
    const staff = await tx.staff.findUnique({ where: { schoolId_email: { schoolId: actor.schoolId, email } }, include: { roles: true } });
    if (!staff) return { problem: "unknownStaff", email };
    if (!staff.active) return { problem: "inactiveStaff", email };
    // The group gives access to its pupils only to a teacher (bot/auth/policy.ts): linking anyone else would do nothing.
    if (!staff.roles.some((r) => r.role === "teacher")) return { problem: "notATeacher", email };
    const days = input.days === undefined ? undefined : await checkDays(tx, actor.schoolId, input.days);
    if (days !== undefined && !Array.isArray(days)) return days;
    const link = await tx.groupTeacher.findUnique({ where: { groupId_staffId: { groupId: found.group.id, staffId: staff.id } } });
    const outcome = await linkTeacher(tx, { groupId: found.group.id, staffId: staff.id, workingDays: days }, link ?? undefined);
    if (outcome !== "unchanged") await recordAudit(tx, groupTeacherAudit(actor, outcome === "added" ? "create" : "update", found.group.id, staff.id));
    return { outcome, email, name: staff.displayName, view: await viewOf(tx, found) };
  });
}

export type UnlinkResult = GroupProblem | { outcome: "removed"; email: string; name: string; view: GroupView };

/** Ends a teacher's link with the group (their records stay); the view says who is left. */
export async function unlinkGroupTeacher(db: Db, actor: Actor, now: Date, input: { group: string; email: string }): Promise<UnlinkResult> {
  if (!(await mayManageStaff(db, actor))) return { problem: "notAllowed" };
  const email = checkEmail(input.email);
  if (!email) return { problem: "badEmail", email: input.email };
  return inTransaction(db, async (tx): Promise<UnlinkResult> => {
    const found = await findGroup(tx, actor, now, input.group);
    if ("problem" in found) return found;
    const staff = await tx.staff.findUnique({ where: { schoolId_email: { schoolId: actor.schoolId, email } } });
    if (!staff) return { problem: "unknownStaff", email };
    // A deleted link lowers GroupTeacher's row count: the reminder producer notices (bot/reminders/changes.ts).
    const { count } = await tx.groupTeacher.deleteMany({ where: { groupId: found.group.id, staffId: staff.id } });
    if (count === 0) return { problem: "notLinked", email, group: found.group.name };
    await recordAudit(tx, groupTeacherAudit(actor, "delete", found.group.id, staff.id));
    return { outcome: "removed", email, name: staff.displayName, view: await viewOf(tx, found) };
  });
}

/** Words that put a group back on its bouw's format. */
const DEFAULT_WORDS = new Set(["standaard", "default", "bouw"]);

export type FormatResult = GroupProblem | { outcome: "set" | "cleared" | "unchanged"; view: GroupView };

/** Sets the group's own format (a key of the format registry), or "standaard" for its bouw's. */
export async function setGroupFormat(db: Db, actor: Actor, now: Date, input: { group: string; key: string }): Promise<FormatResult> {
  if (!(await mayManageStaff(db, actor))) return { problem: "notAllowed" };
  return inTransaction(db, async (tx): Promise<FormatResult> => {
    const found = await findGroup(tx, actor, now, input.group);
    if ("problem" in found) return found;
    const typed = input.key.trim().toLowerCase();
    const clear = DEFAULT_WORDS.has(typed);
    const known = await knownFormatKeys(tx, actor.schoolId);
    if (!clear && (!FormatKey.safeParse(typed).success || !known.has(typed)))
      return { problem: "unknownFormat", key: input.key.trim(), known: [...known].sort() };
    const formatKey = clear ? null : typed;
    if (found.group.formatKey === formatKey) return { outcome: "unchanged", view: await viewOf(tx, found) };
    // An update sets Group.updatedAt: the reminder producer notices (bot/reminders/changes.ts).
    const group = await tx.group.update({ where: { id: found.group.id }, data: { formatKey } });
    await recordAudit(tx, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "update", entity: "group_format", entityId: group.id });
    return { outcome: clear ? "cleared" : "set", view: await viewOf(tx, { group, schoolYear: found.schoolYear }) };
  });
}

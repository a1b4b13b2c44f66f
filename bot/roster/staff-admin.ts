// The school admin's staff changes in the chat: add (or reactivate) a member of staff, deactivate
// one, list who works here. The same rules as the school setup file (saveStaffMember,
// deactivateStaff, the member schema); every change is audited with ids only, and nothing is
// changed when the input is refused. Groups are group-admin.ts.
import type { Actor } from "../auth/actor.js";
import { canManageStaff } from "../auth/policy.js";
import { recordAudit } from "../audit.js";
import type { Db, Tx } from "../db/client.js";
import { inTransaction } from "../db/transaction.js";
import type { Bouw, Role } from "../domain/vocabulary.js";
import { currentSchoolYear } from "../services/school-year.js";
import { Email, StaffSchema } from "./school-setup-schema.js";
import { deactivateStaff, saveStaffMember } from "./school-setup-staff.js";

/** Why a change was not made; the command turns it into a message. Nothing was written. */
export type StaffProblem =
  | { problem: "notAllowed" }
  | { problem: "badEmail"; email: string }
  | { problem: "badName" }
  | { problem: "leadsNeeded" }
  | { problem: "leadsOnlyTeamLeader" }
  | { problem: "unknownStaff"; email: string }
  | { problem: "self" };

/**
 * The rule is canManageStaff (bot/auth/policy.ts); a refusal leaves an audit row. Every function
 * here asks first, so no caller can skip it.
 */
export async function mayManageStaff(db: Db, actor: Actor): Promise<boolean> {
  if (canManageStaff(actor, actor.schoolId)) return true;
  await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "refused", entity: "staff_admin" });
  return false;
}

/** A typed e-mail address, as stored (trimmed, lower case); null when it is none. */
export function checkEmail(text: string): string | null {
  const parsed = Email.safeParse(text);
  return parsed.success ? parsed.data : null;
}

type Stored = Awaited<ReturnType<typeof findStaff>>;

function findStaff(tx: Tx | Db, schoolId: string, email: string) {
  return tx.staff.findUnique({ where: { schoolId_email: { schoolId, email } }, include: { roles: true } });
}

/** The roles a stored member has, as the setup file writes them (a team leader with the bouwen they lead). */
function rolesOf(stored: NonNullable<Stored>): { roles: Role[]; leads: Bouw[] } {
  return {
    roles: [...new Set(stored.roles.map((r) => r.role as Role))],
    leads: stored.roles.filter((r) => r.role === "team_leader" && r.bouw).map((r) => r.bouw as Bouw),
  };
}

export type AddStaffResult =
  | StaffProblem
  | { outcome: "added" | "reactivated" | "alreadyActive"; staffId: string; email: string; name: string; roles: Role[]; leads: Bouw[] };

/**
 * Adds a member of staff (a teacher unless roles are given). An active member with that e-mail
 * stays as they are; a deactivated one comes back, with the name typed and the roles given (or
 * the roles they had).
 */
export async function addStaffMember(db: Db, actor: Actor, input: { email: string; name: string; roles?: Role[]; leads?: Bouw[] }): Promise<AddStaffResult> {
  if (!(await mayManageStaff(db, actor))) return { problem: "notAllowed" };
  return inTransaction(db, async (tx) => {
    const email = checkEmail(input.email);
    const stored = email ? await findStaff(tx, actor.schoolId, email) : null;
    if (stored?.active) return { outcome: "alreadyActive", staffId: stored.id, email: stored.email, name: stored.displayName, ...rolesOf(stored) };
    const given = input.roles?.length ? { roles: input.roles, leads: input.leads ?? [] } : stored ? rolesOf(stored) : { roles: ["teacher" as Role], leads: [] };
    const parsed = StaffSchema.safeParse({ email: input.email, name: input.name, roles: given.roles, ...(given.leads.length ? { leads: given.leads } : {}) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path[0];
      if (field === "email") return { problem: "badEmail", email: input.email };
      if (field === "leads") return { problem: given.roles.includes("team_leader") ? "leadsNeeded" : "leadsOnlyTeamLeader" };
      return { problem: "badName" };
    }
    const member = parsed.data;
    const saved = await saveStaffMember(tx, actor.schoolId, member, stored ?? undefined);
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorStaffId: actor.staffId,
      action: saved.created ? "create" : "update",
      entity: saved.created ? "staff" : "staff_reactivated",
      entityId: saved.staffId,
    });
    return {
      outcome: saved.created ? "added" : "reactivated",
      staffId: saved.staffId,
      email: member.email,
      name: member.name,
      roles: member.roles,
      leads: member.leads ?? [],
    };
  });
}

export type DeactivateResult =
  | StaffProblem
  | { outcome: "alreadyInactive"; email: string; name: string }
  | {
      outcome: "deactivated";
      email: string;
      name: string;
      /** Groups they no longer teach, and which of those now have no teacher at all. */
      groupsLeft: string[];
      groupsWithoutTeacher: string[];
      /** Their unfinished dialogs, kept (paused). */
      openDialogs: number;
      /** School years whose staged roster names them: it will not take effect until corrected. */
      stagedYears: string[];
    };

/** Deactivates a member of staff: access and group links end, records and open dialogs stay. */
export async function deactivateStaffMember(db: Db, actor: Actor, emailText: string, now: Date): Promise<DeactivateResult> {
  if (!(await mayManageStaff(db, actor))) return { problem: "notAllowed" };
  const email = checkEmail(emailText);
  if (!email) return { problem: "badEmail", email: emailText };
  return inTransaction(db, async (tx) => {
    const stored = await findStaff(tx, actor.schoolId, email);
    if (!stored) return { problem: "unknownStaff", email };
    if (stored.id === actor.staffId) return { problem: "self" };
    if (!stored.active) return { outcome: "alreadyInactive", email, name: stored.displayName };
    const links = await deactivateStaff(tx, [stored.id]);
    // Every link ends (earlier school years' too); the reply names this school year's groups.
    const groups = await tx.group.findMany({
      where: { id: { in: links.map((l) => l.groupId) }, schoolYear: await currentSchoolYear(tx, actor.schoolId, now) },
      select: { id: true, name: true, teachers: { where: { staff: { active: true } }, select: { id: true } } },
      orderBy: { name: "asc" },
    });
    await recordAudit(tx, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "update", entity: "staff_deactivated", entityId: stored.id });
    for (const link of links) await recordAudit(tx, groupTeacherAudit(actor, "delete", link.groupId, link.staffId));
    const openDialogs = await tx.dialogSession.count({ where: { staffId: stored.id, status: { in: ["active", "paused"] } } });
    const staged = await tx.stagedPlacement.findMany({
      where: { schoolId: actor.schoolId, teacherEmails: { contains: email } },
      select: { schoolYear: true, teacherEmails: true },
    });
    const stagedYears = [...new Set(staged.filter((s) => s.teacherEmails.split(",").includes(email)).map((s) => s.schoolYear))];
    return {
      outcome: "deactivated",
      email,
      name: stored.displayName,
      groupsLeft: groups.map((g) => g.name),
      groupsWithoutTeacher: groups.filter((g) => g.teachers.length === 0).map((g) => g.name),
      openDialogs,
      stagedYears,
    };
  });
}

/** A group link's audit row: ids only, "<groupId>:<staffId>" (a link has no lasting id of its own). */
export function groupTeacherAudit(actor: Actor, action: "create" | "update" | "delete", groupId: string, staffId: string) {
  return { schoolId: actor.schoolId, actorStaffId: actor.staffId, action, entity: "group_teacher", entityId: `${groupId}:${staffId}` } as const;
}

export interface StaffListEntry {
  email: string;
  name: string;
  roles: Role[];
  leads: Bouw[];
  /** This school year's groups, with the days worked in each. */
  groups: { name: string; workingDays: string }[];
}

/** Active staff of the admin's school with roles and this school year's groups; null when not allowed. */
export async function listStaff(db: Db, actor: Actor, now: Date): Promise<StaffListEntry[] | null> {
  if (!(await mayManageStaff(db, actor))) return null;
  const schoolYear = await currentSchoolYear(db, actor.schoolId, now);
  const staff = await db.staff.findMany({
    where: { schoolId: actor.schoolId, active: true },
    include: { roles: true, groups: { where: { group: { schoolYear } }, include: { group: { select: { name: true } } } } },
    orderBy: { displayName: "asc" },
  });
  return staff.map((s) => ({
    email: s.email,
    name: s.displayName,
    ...rolesOf(s),
    groups: s.groups.map((l) => ({ name: l.group.name, workingDays: l.workingDays })).sort((a, b) => a.name.localeCompare(b.name)),
  }));
}

// Applying a school setup file, part two: the staff list (created, updated, or deactivated when
// the file no longer names them) with their roles and channel identities. Runs in the setup's
// transaction (school-setup.ts). Saving one member and deactivating are shared with the admin's
// chat commands (staff-admin.ts): one rule for what "add" and "deactivate" mean.
import type { Prisma } from "../db/generated/sqlite/client.js";
import { pauseActiveDialogs } from "../services/dialog-sessions.js";
import { AppError, ErrorCode } from "../errors.js";
import type { SchoolSetup, SchoolSetupReport } from "./school-setup-schema.js";

const roleKey = (role: string, bouw: string | null) => `${role}/${bouw ?? ""}`;

type Member = Pick<SchoolSetup["staff"][number], "email" | "name" | "roles" | "leads" | "locale">;
type RoleRow = { role: string; bouw: string | null };
/** A staff row as stored, with its roles: what saveStaffMember compares against. */
export type StoredStaff = { id: string; displayName: string; locale: string | null; active: boolean; roles: RoleRow[] };

/** The role rows a member's roles stand for: a team leader once per bouw they lead. */
function roleRowsOf(member: Member): Map<string, RoleRow> {
  const roles = new Map<string, RoleRow>();
  for (const role of member.roles) {
    if (role === "team_leader") {
      for (const bouw of member.leads ?? []) roles.set(roleKey(role, bouw), { role, bouw });
    } else roles.set(roleKey(role, null), { role, bouw: null });
  }
  return roles;
}

/**
 * Creates a member of staff, or brings a stored one in line with `member` (name, language, active
 * again), and gives them exactly the member's roles. `changed` is false for a stored member who
 * already matched.
 */
export async function saveStaffMember(
  tx: Prisma.TransactionClient,
  schoolId: string,
  member: Member,
  stored: StoredStaff | undefined,
): Promise<{ staffId: string; created: boolean; changed: boolean }> {
  let current = stored;
  let changed = false;
  if (!current) {
    const created = await tx.staff.create({ data: { schoolId, email: member.email, displayName: member.name, locale: member.locale ?? null } });
    current = { ...created, roles: [] };
  } else {
    const data = {
      ...(current.displayName !== member.name && { displayName: member.name }),
      ...(member.locale !== undefined && current.locale !== member.locale && { locale: member.locale }),
      ...(!current.active && { active: true }),
    };
    if (Object.keys(data).length) {
      await tx.staff.update({ where: { id: current.id }, data });
      changed = true;
    }
  }
  const staffId = current.id;
  const roles = roleRowsOf(member);
  const currentRoles = new Set(current.roles.map((r) => roleKey(r.role, r.bouw)));
  const sameRoles = currentRoles.size === roles.size && [...roles.keys()].every((k) => currentRoles.has(k));
  if (!sameRoles) {
    await tx.staffRole.deleteMany({ where: { staffId } });
    await tx.staffRole.createMany({ data: [...roles.values()].map((r) => ({ staffId, ...r })) });
    changed = true;
  }
  return { staffId, created: !stored, changed: !!stored && changed };
}

/**
 * Deactivating staff: they lose access at once (the actor is read on every turn) and their group
 * links end, so reminders and the duo-partner's view follow; their records stay theirs, and their
 * open dialogs are paused, not discarded (reactivated, they can resume them). Returns the links
 * that ended.
 */
export async function deactivateStaff(tx: Prisma.TransactionClient, staffIds: readonly string[]): Promise<{ groupId: string; staffId: string }[]> {
  if (staffIds.length === 0) return [];
  const ids = [...staffIds];
  const links = await tx.groupTeacher.findMany({ where: { staffId: { in: ids } }, select: { groupId: true, staffId: true } });
  await tx.staff.updateMany({ where: { id: { in: ids } }, data: { active: false } });
  await pauseActiveDialogs(tx, ids);
  // A deleted link lowers GroupTeacher's row count: the reminder producer notices (bot/reminders/changes.ts).
  if (links.length) await tx.groupTeacher.deleteMany({ where: { staffId: { in: ids } } });
  return links;
}

function slackExternalId(userId: string, teams: string[]): string {
  return userId.includes(":") ? userId : `${teams[0]}:${userId}`;
}

/**
 * Saves the file's staff; returns their ids by e-mail and the active staff the file no longer names,
 * whom the setup deactivates once the groups are applied (so the groups' report counts their links).
 */
export async function applyStaff(
  tx: Prisma.TransactionClient,
  schoolId: string,
  setup: SchoolSetup,
  report: SchoolSetupReport,
): Promise<{ staffIdByEmail: Map<string, string>; leaving: string[] }> {
  const existing = await tx.staff.findMany({ where: { schoolId }, include: { roles: true, identities: true } });
  const byEmail = new Map(existing.map((s) => [s.email.toLowerCase(), s]));
  const slackTeams = setup.school.slackTeamIds ?? [];
  const staffIdByEmail = new Map<string, string>();

  // Identities are unique per channel across all schools: find who holds the ones the file names.
  const wantedIdentities = setup.staff.flatMap((m) => [
    ...(m.teamsAadObjectId ? [{ channel: "teams", externalId: m.teamsAadObjectId }] : []),
    ...(m.slackUserId ? [{ channel: "slack", externalId: slackExternalId(m.slackUserId, slackTeams) }] : []),
  ]);
  const holders = wantedIdentities.length
    ? await tx.staffIdentity.findMany({
        where: { OR: wantedIdentities },
        include: { staff: { select: { schoolId: true } } },
      })
    : [];
  const holderOf = new Map(holders.map((h) => [`${h.channel}/${h.externalId}`, h]));

  for (const [index, member] of setup.staff.entries()) {
    const identities = [
      ...(member.teamsAadObjectId ? [{ channel: "teams", externalId: member.teamsAadObjectId }] : []),
      ...(member.slackUserId ? [{ channel: "slack", externalId: slackExternalId(member.slackUserId, slackTeams) }] : []),
    ];
    const saved = await saveStaffMember(tx, schoolId, member, byEmail.get(member.email));
    const staffId = saved.staffId;
    let changed = saved.changed;
    if (saved.created) report.staffCreated++;
    staffIdByEmail.set(member.email, staffId);

    // Identities: a channel the file names gets exactly that identity; others are left alone
    // (the bot may have linked them on first contact).
    for (const identity of identities) {
      const k = `${identity.channel}/${identity.externalId}`;
      const holder = holderOf.get(k);
      if (holder?.staffId === staffId) continue;
      if (holder && holder.staff.schoolId !== schoolId) {
        const field = identity.channel === "teams" ? "teamsAadObjectId" : "slackUserId";
        throw new AppError(ErrorCode.Conflict, `staff[${index}].${field} is already linked to a staff member of another school`, [
          { path: `staff[${index}].${field}`, message: "already linked to a staff member of another school" },
        ]);
      }
      // Held by someone else in this school (e.g. an old e-mail address): move it.
      if (holder) await tx.staffIdentity.delete({ where: { id: holder.id } });
      await tx.staffIdentity.deleteMany({ where: { staffId, channel: identity.channel } });
      await tx.staffIdentity.create({ data: { staffId, ...identity } });
      changed = true;
    }
    if (byEmail.has(member.email)) {
      if (changed) report.staffUpdated++;
      else report.staffUnchanged++;
    }
  }

  // The file is the staff list: whoever it no longer names loses access.
  const leaving = existing.filter((s) => s.active && !staffIdByEmail.has(s.email.toLowerCase())).map((s) => s.id);
  report.staffDeactivated = leaving.length;
  return { staffIdByEmail, leaving };
}

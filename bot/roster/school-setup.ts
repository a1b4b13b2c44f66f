// The "school setup" file: one JSON document with the school's settings, staff and their roles,
// groups with their teachers, and the IB'er's pupils. Applying it is idempotent: the same file
// twice changes nothing the second time. The file is the staff list: staff of the school that it
// no longer names are deactivated (their records stay). An invalid file is rejected as a whole
// with every problem named by its JSON path ("staff[3].email"); nothing is applied.
import { loadBuiltinFormats } from "../../dialogs/formats/registry.js";
import { z } from "zod";
import { recordAudit } from "../audit.js";
import { inTransaction } from "../db/transaction.js";
import type { Db } from "../db/client.js";
import type { Prisma, School } from "../db/generated/sqlite/client.js";
import {
  Bouw,
  Locale,
  LocalDate,
  LocalTime,
  Role,
  Weekdays,
  bouwOf,
  normalizeGroupName,
  parseWeekdays,
  schoolYearOf,
  yearLevelsOf,
} from "../domain/vocabulary.js";
import { AppError, ErrorCode } from "../errors.js";
import { isValidSchoolYear } from "./import-roster.js";

type Client = Db | Prisma.TransactionClient;


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

const Text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `at most ${max} characters`);
const Email = z.string().trim().toLowerCase().pipe(z.email("not a valid e-mail address"));
const CalendarDate = LocalDate.refine(isRealDate, "not a real calendar date");
const DayList = Weekdays.refine((days) => new Set(days).size === days.length, "a day is listed twice");
const ExternalId = Text(100).refine((v) => !/\s/.test(v), "must not contain spaces");

const ClosureSchema = z
  .strictObject({
    kind: z.enum(["holiday", "study_day"]),
    name: Text(100),
    startDate: CalendarDate,
    endDate: CalendarDate,
  })
  .refine((c) => c.startDate <= c.endDate, { path: ["endDate"], message: "endDate is before startDate" });

const FormatKey = z.string().regex(/^[a-z][a-z0-9-]*$/, "a format key such as \"hgw-kindgesprek\"").max(40);

const SchoolSchema = z
  .strictObject({
    name: Text(200),
    timezone: z.string().trim().refine(isValidTimezone, "not a known IANA time zone").optional(),
    schoolDays: DayList.optional(),
    dayStart: LocalTime.optional(),
    dayEnd: LocalTime.optional(),
    locale: Locale.optional(),
    closures: z.array(ClosureSchema).optional(),
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

const StaffSchema = z.strictObject({
  email: Email,
  name: Text(200),
  roles: z.array(Role).min(1, "at least one role"),
  leads: z.array(Bouw).optional(),
  teamsAadObjectId: ExternalId.optional(),
  slackUserId: ExternalId.optional(),
  locale: Locale.optional(),
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
      const leadsTeam = member.roles.includes("team_leader");
      if (leadsTeam && !member.leads?.length) issue(["staff", i, "leads"], "a team_leader needs the bouw(en) they lead");
      if (!leadsTeam && member.leads?.length) issue(["staff", i, "leads"], "only a team_leader leads a bouw");
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

export function formatJsonPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(file)";
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`))
    .join("");
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

const roleKey = (role: string, bouw: string | null) => `${role}/${bouw ?? ""}`;
const daysText = (days: number[]) => [...days].sort((a, b) => a - b).join(",");

function slackExternalId(userId: string, teams: string[]): string {
  return userId.includes(":") ? userId : `${teams[0]}:${userId}`;
}

/** Validates and applies a school setup file in one transaction. */
export async function applySchoolSetup(
  db: Db,
  input: unknown,
  options: { now?: Date; actorStaffId?: string | null } = {},
): Promise<SchoolSetupReport> {
  const setup = parseSchoolSetup(input);
  const now = options.now ?? new Date();
  return inTransaction(db, async (tx) => {
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
    report.schoolId = school.id;
    report.schoolYear = setup.schoolYear ?? schoolYearOf(now, school.timezone);
    await applyClosures(tx, school.id, setup, report);
    await applyFormatDefaults(tx, school.id, setup);
    await applyBindings(tx, school.id, setup, report);
    const staffIdByEmail = await applyStaff(tx, school.id, setup, report);
    await applyGroups(tx, school.id, report.schoolYear, setup, staffIdByEmail, report);
    await applyIbAssignments(tx, school.id, setup, staffIdByEmail, report);
    await recordAudit(tx, { schoolId: school.id, actorStaffId: options.actorStaffId ?? null, action: "import", entity: "school_setup" });
    return report;
  });
}

async function applySchool(tx: Prisma.TransactionClient, setup: SchoolSetup, report: SchoolSetupReport): Promise<School> {
  const s = setup.school;
  const settings = {
    ...(s.timezone !== undefined && { timezone: s.timezone }),
    ...(s.schoolDays !== undefined && { schoolDays: daysText(s.schoolDays) }),
    ...(s.dayStart !== undefined && { dayStart: s.dayStart }),
    ...(s.dayEnd !== undefined && { dayEnd: s.dayEnd }),
    ...(s.locale !== undefined && { locale: s.locale }),
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

/** Format keys must name a built-in format or one the school added. */
async function checkFormatKeys(tx: Prisma.TransactionClient, schoolId: string, setup: SchoolSetup): Promise<void> {
  const wanted = [
    ...Object.entries(setup.school.formatDefaults ?? {}).map(([bouw, key]) => ({ path: `school.formatDefaults.${bouw}`, key: key! })),
    ...(setup.groups ?? []).flatMap((g, i) => (g.format ? [{ path: `groups[${i}].format`, key: g.format }] : [])),
  ];
  if (!wanted.length) return;
  const known = new Set([
    ...loadBuiltinFormats().map((f) => f.key),
    ...(await tx.conversationFormat.findMany({ where: { schoolId }, select: { key: true } })).map((f) => f.key),
  ]);
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

async function applyClosures(
  tx: Prisma.TransactionClient,
  schoolId: string,
  setup: SchoolSetup,
  report: SchoolSetupReport,
): Promise<void> {
  const closures = setup.school.closures;
  if (!closures) return;
  const key = (c: { kind: string; name: string; startDate: string; endDate: string }) =>
    JSON.stringify([c.startDate, c.endDate, c.kind, c.name]);
  const existing = await tx.schoolClosure.findMany({ where: { schoolId } });
  const same =
    existing.length === closures.length &&
    JSON.stringify(existing.map(key).sort()) === JSON.stringify(closures.map(key).sort());
  if (same) return;
  await tx.schoolClosure.deleteMany({ where: { schoolId } });
  if (closures.length) await tx.schoolClosure.createMany({ data: closures.map((c) => ({ schoolId, ...c })) });
  report.closuresReplaced = true;
}

async function applyBindings(
  tx: Prisma.TransactionClient,
  schoolId: string,
  setup: SchoolSetup,
  report: SchoolSetupReport,
): Promise<void> {
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

async function applyStaff(
  tx: Prisma.TransactionClient,
  schoolId: string,
  setup: SchoolSetup,
  report: SchoolSetupReport,
): Promise<Map<string, string>> {
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
    const roles = new Map<string, { role: string; bouw: string | null }>();
    for (const role of member.roles) {
      if (role === "team_leader") {
        for (const bouw of member.leads ?? []) roles.set(roleKey(role, bouw), { role, bouw });
      } else roles.set(roleKey(role, null), { role, bouw: null });
    }
    const identities = [
      ...(member.teamsAadObjectId ? [{ channel: "teams", externalId: member.teamsAadObjectId }] : []),
      ...(member.slackUserId ? [{ channel: "slack", externalId: slackExternalId(member.slackUserId, slackTeams) }] : []),
    ];

    let current = byEmail.get(member.email);
    let changed = false;
    if (!current) {
      const created = await tx.staff.create({
        data: { schoolId, email: member.email, displayName: member.name, locale: member.locale ?? null },
      });
      current = { ...created, roles: [], identities: [] };
      report.staffCreated++;
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
    staffIdByEmail.set(member.email, staffId);

    // Roles: exactly the file's.
    const currentRoles = new Set(current.roles.map((r) => roleKey(r.role, r.bouw)));
    const sameRoles = currentRoles.size === roles.size && [...roles.keys()].every((k) => currentRoles.has(k));
    if (!sameRoles) {
      await tx.staffRole.deleteMany({ where: { staffId } });
      await tx.staffRole.createMany({ data: [...roles.values()].map((r) => ({ staffId, ...r })) });
      changed = true;
    }

    // Identities: a channel the file names gets exactly that identity; others are left alone
    // (the bot may have linked them on first contact).
    for (const identity of identities) {
      const k = `${identity.channel}/${identity.externalId}`;
      const holder = holderOf.get(k);
      if (holder?.staffId === staffId) continue;
      if (holder && holder.staff.schoolId !== schoolId) {
        const field = identity.channel === "teams" ? "teamsAadObjectId" : "slackUserId";
        throw new AppError(
          ErrorCode.Conflict,
          `staff[${index}].${field} is already linked to a staff member of another school`,
          [{ path: `staff[${index}].${field}`, message: "already linked to a staff member of another school" }],
        );
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
  if (leaving.length) {
    await tx.staff.updateMany({ where: { id: { in: leaving } }, data: { active: false } });
    report.staffDeactivated = leaving.length;
  }
  return staffIdByEmail;
}

async function applyGroups(
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
      const link = links.get(staffId);
      const days = teacher.workingDays ? daysText(teacher.workingDays) : undefined;
      if (!link) {
        await tx.groupTeacher.create({ data: { groupId, staffId, ...(days && { workingDays: days }) } });
        report.teacherLinksAdded++;
      } else if (days && daysText(parseWeekdays(link.workingDays)) !== days) {
        await tx.groupTeacher.update({ where: { id: link.id }, data: { workingDays: days } });
        report.teacherLinksUpdated++;
      }
    }
    const stale = current.teachers.filter((l) => !named.has(l.staffId)).map((l) => l.id);
    if (stale.length) {
      await tx.groupTeacher.deleteMany({ where: { id: { in: stale } } });
      report.teacherLinksRemoved += stale.length;
    }
  }
}

async function applyIbAssignments(
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

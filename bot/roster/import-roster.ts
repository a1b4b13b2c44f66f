// Imports the school administration's roster export: CSV (parse-roster-csv.ts) or EDEXML (parse-roster-edexml.ts).
// The whole file is validated first, including against the staff list; one bad line rejects the
// file and nothing is written. A valid file is applied in one transaction:
// - groups of the school year that the file names are created when missing;
// - each named group's teachers become exactly the e-mails the file names for it;
// - pupils are matched on the administration's id: names updated, moved, reactivated or created;
// - active pupils of the school that the file no longer lists are deactivated (records kept).
// Re-importing the same file changes nothing. The report holds counts only, never names.
import { recordAudit } from "../audit.js";
import { inTransaction } from "../db/transaction.js";
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/sqlite/client.js";
import { bouwOf, normalizeGroupName, schoolYearOf, yearLevelsOf } from "../domain/vocabulary.js";
import { AppError, ErrorCode, NotFoundError } from "../errors.js";
import type { RosterLineError, RosterRow } from "./roster-row.js";
import { parseRoster, type RosterFormat } from "./roster-format.js";

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

export interface RosterImportCounts {
  /** Pupils new to the school. */
  created: number;
  /** Existing pupils whose first or last name changed. */
  updated: number;
  /** Existing pupils placed in another group (including the yearly move to next year's group). */
  moved: number;
  /** Active pupils the file no longer lists: now inactive, records kept. */
  deactivated: number;
  /** Inactive pupils the file lists again. */
  reactivated: number;
  /** Pupils in the file with nothing to change. */
  unchanged: number;
  groupsCreated: number;
  teacherLinksAdded: number;
  teacherLinksRemoved: number;
}

export type RosterImportReport =
  | ({ ok: true; dryRun: boolean; schoolYear: string; pupilsInFile: number } & RosterImportCounts)
  | { ok: false; errors: RosterLineError[] };

type Client = Db | Prisma.TransactionClient;

const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;
/** Interactive transactions default to 5 s; a large school on a slow disk may need more. */
/** Keeps `IN (…)` lists well below the databases' bound-parameter limits. */
const CHUNK = 500;

export function isValidSchoolYear(value: string): boolean {
  const m = SCHOOL_YEAR.exec(value);
  return !!m && Number(m[2]) === Number(m[1]) + 1;
}

interface ExistingState {
  groups: { id: string; name: string }[];
  links: { id: string; groupId: string; staffId: string }[];
  pupils: { id: string; externalId: string; firstName: string; lastName: string; groupId: string | null; active: boolean }[];
}

interface Plan {
  counts: RosterImportCounts;
  groupIdByName: Map<string, string>;
  groupsToCreate: string[];
  pupilsToCreate: RosterRow[];
  /** Target group name → pupil ids. */
  moves: Map<string, string[]>;
  renames: { id: string; firstName: string; lastName: string }[];
  reactivate: string[];
  deactivate: string[];
  /** Group name → staff ids that must be linked. */
  linksToAdd: Map<string, string[]>;
  linkIdsToRemove: string[];
}

async function loadState(client: Client, schoolId: string, schoolYear: string): Promise<ExistingState> {
  const [groups, links, pupils] = await Promise.all([
    client.group.findMany({ where: { schoolId, schoolYear }, select: { id: true, name: true } }),
    client.groupTeacher.findMany({
      where: { group: { schoolId, schoolYear } },
      select: { id: true, groupId: true, staffId: true },
    }),
    client.pupil.findMany({
      where: { schoolId },
      select: { id: true, externalId: true, firstName: true, lastName: true, groupId: true, active: true },
    }),
  ]);
  return { groups, links, pupils };
}

function makePlan(state: ExistingState, rows: RosterRow[], staffIdByEmail: Map<string, string>): Plan {
  const counts: RosterImportCounts = {
    created: 0,
    updated: 0,
    moved: 0,
    deactivated: 0,
    reactivated: 0,
    unchanged: 0,
    groupsCreated: 0,
    teacherLinksAdded: 0,
    teacherLinksRemoved: 0,
  };
  // Names are stored normalized; normalizing again also matches groups typed in by hand.
  const groupIdByName = new Map(state.groups.map((g) => [normalizeGroupName(g.name) ?? g.name, g.id]));
  const groupsToCreate = [...new Set(rows.map((r) => r.group))].filter((name) => !groupIdByName.has(name));
  counts.groupsCreated = groupsToCreate.length;

  const pupilByExternalId = new Map(state.pupils.map((p) => [p.externalId, p]));
  const plan: Plan = {
    counts,
    groupIdByName,
    groupsToCreate,
    pupilsToCreate: [],
    moves: new Map(),
    renames: [],
    reactivate: [],
    deactivate: [],
    linksToAdd: new Map(),
    linkIdsToRemove: [],
  };
  const inFile = new Set<string>();
  for (const row of rows) {
    inFile.add(row.externalId);
    const pupil = pupilByExternalId.get(row.externalId);
    if (!pupil) {
      plan.pupilsToCreate.push(row);
      counts.created++;
      continue;
    }
    let changed = false;
    if (pupil.firstName !== row.firstName || pupil.lastName !== row.lastName) {
      plan.renames.push({ id: pupil.id, firstName: row.firstName, lastName: row.lastName });
      counts.updated++;
      changed = true;
    }
    const targetGroupId = groupIdByName.get(row.group);
    if (!targetGroupId || pupil.groupId !== targetGroupId) {
      const ids = plan.moves.get(row.group) ?? [];
      ids.push(pupil.id);
      plan.moves.set(row.group, ids);
      counts.moved++;
      changed = true;
    }
    if (!pupil.active) {
      plan.reactivate.push(pupil.id);
      counts.reactivated++;
      changed = true;
    }
    if (!changed) counts.unchanged++;
  }
  for (const pupil of state.pupils) {
    if (pupil.active && !inFile.has(pupil.externalId)) plan.deactivate.push(pupil.id);
  }
  counts.deactivated = plan.deactivate.length;

  // Teachers per group: the union of the e-mails on the group's lines.
  const wanted = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = wanted.get(row.group) ?? new Set<string>();
    for (const email of row.teacherEmails) set.add(staffIdByEmail.get(email)!);
    wanted.set(row.group, set);
  }
  const linksByGroupId = new Map<string, { id: string; staffId: string }[]>();
  for (const link of state.links) {
    const list = linksByGroupId.get(link.groupId) ?? [];
    list.push(link);
    linksByGroupId.set(link.groupId, list);
  }
  for (const [groupName, staffIds] of wanted) {
    const groupId = groupIdByName.get(groupName);
    const existing = groupId ? (linksByGroupId.get(groupId) ?? []) : [];
    const linked = new Set(existing.map((l) => l.staffId));
    const toAdd = [...staffIds].filter((id) => !linked.has(id));
    if (toAdd.length) plan.linksToAdd.set(groupName, toAdd);
    counts.teacherLinksAdded += toAdd.length;
    for (const link of existing) {
      if (!staffIds.has(link.staffId)) plan.linkIdsToRemove.push(link.id);
    }
  }
  counts.teacherLinksRemoved = plan.linkIdsToRemove.length;
  return plan;
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

async function applyPlan(tx: Prisma.TransactionClient, plan: Plan, context: { schoolId: string; schoolYear: string; now: Date }): Promise<void> {
  const { schoolId, schoolYear, now } = context;
  for (const name of plan.groupsToCreate) {
    const yearLevels = yearLevelsOf(name);
    const group = await tx.group.create({
      data: { schoolId, schoolYear, name, yearLevels: yearLevels.join(","), bouw: bouwOf(yearLevels) },
      select: { id: true },
    });
    plan.groupIdByName.set(name, group.id);
  }
  const groupId = (name: string): string => {
    const id = plan.groupIdByName.get(name);
    if (!id) throw new AppError(ErrorCode.Internal, `group missing after creation: ${name}`);
    return id;
  };

  for (const part of chunks(plan.pupilsToCreate)) {
    await tx.pupil.createMany({
      data: part.map((row) => ({
        schoolId,
        externalId: row.externalId,
        firstName: row.firstName,
        lastName: row.lastName,
        groupId: groupId(row.group),
      })),
    });
  }
  for (const [name, ids] of plan.moves) {
    for (const part of chunks(ids)) {
      await tx.pupil.updateMany({ where: { id: { in: part } }, data: { groupId: groupId(name) } });
    }
  }
  for (const rename of plan.renames) {
    await tx.pupil.update({ where: { id: rename.id }, data: { firstName: rename.firstName, lastName: rename.lastName } });
  }
  for (const part of chunks(plan.reactivate)) {
    await tx.pupil.updateMany({ where: { id: { in: part } }, data: { active: true, leftAt: null } });
  }
  for (const part of chunks(plan.deactivate)) {
    await tx.pupil.updateMany({ where: { id: { in: part } }, data: { active: false, leftAt: now } });
  }

  const newLinks = [...plan.linksToAdd].flatMap(([name, staffIds]) => staffIds.map((staffId) => ({ groupId: groupId(name), staffId })));
  if (newLinks.length) await tx.groupTeacher.createMany({ data: newLinks });
  for (const part of chunks(plan.linkIdsToRemove)) {
    await tx.groupTeacher.deleteMany({ where: { id: { in: part } } });
  }
}

/** Validates the whole roster file and, when it is valid, applies it in one transaction. */
export async function importRoster(db: Db, options: RosterImportOptions): Promise<RosterImportReport> {
  const { schoolId } = options;
  const now = options.now ?? new Date();
  const school = await db.school.findUnique({ where: { id: schoolId }, select: { id: true, timezone: true } });
  if (!school) throw new NotFoundError("school");
  const schoolYear = options.schoolYear ?? schoolYearOf(now, school.timezone);
  if (!isValidSchoolYear(schoolYear)) {
    throw new AppError(ErrorCode.ValidationFailed, `invalid school year '${schoolYear}', expected e.g. "2026-2027"`);
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

  const summary = { dryRun: !!options.dryRun, schoolYear, pupilsInFile: parsed.rows.length };
  if (options.dryRun) {
    const plan = makePlan(await loadState(db, schoolId, schoolYear), parsed.rows, staffIdByEmail);
    return { ok: true, ...summary, ...plan.counts };
  }
  const counts = await inTransaction(db, async (tx) => {
    // A write first: on SQLite this takes the write lock before anything is read, so another
    // process (the bot) writing meanwhile cannot make the import fail half-way ("database is locked").
    await recordAudit(tx, { schoolId, actorStaffId: options.actorStaffId ?? null, action: "import", entity: "roster" });
    const plan = makePlan(await loadState(tx, schoolId, schoolYear), parsed.rows, staffIdByEmail);
    await applyPlan(tx, plan, { schoolId, schoolYear, now });
    return plan.counts;
  });
  return { ok: true, ...summary, ...counts };
}

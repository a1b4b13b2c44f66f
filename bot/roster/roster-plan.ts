// The roster import's plan: what a valid roster means for the school's groups, teacher links and
// pupils (makePlan, pure), and its application in one transaction (applyPlan). Used by the import
// of the current school year and by the rollover that applies next year's staged roster.
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/sqlite/client.js";
import { bouwOf, normalizeGroupName, yearLevelsOf } from "../domain/vocabulary.js";
import { AppError, ErrorCode } from "../errors.js";
import type { RosterRow } from "./parse-roster-csv.js";

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

type Client = Db | Prisma.TransactionClient;

/** Keeps `IN (…)` lists well below the databases' bound-parameter limits. */
const CHUNK = 500;

interface ExistingState {
  groups: { id: string; name: string }[];
  links: { id: string; groupId: string; staffId: string }[];
  pupils: { id: string; externalId: string; firstName: string; lastName: string; groupId: string | null; active: boolean }[];
}

export interface Plan {
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
  /** Pupil id → the group it leaves (null: none), for every pupil that changes group. */
  movedFrom: Map<string, string | null>;
}

export async function loadState(client: Client, schoolId: string, schoolYear: string): Promise<ExistingState> {
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

export function makePlan(state: ExistingState, rows: RosterRow[], staffIdByEmail: Map<string, string>): Plan {
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
    movedFrom: new Map(),
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
      plan.movedFrom.set(pupil.id, pupil.groupId);
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

export async function applyPlan(tx: Prisma.TransactionClient, plan: Plan, context: { schoolId: string; schoolYear: string; now: Date }): Promise<void> {
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

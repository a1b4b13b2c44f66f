// Finds pupils by (part of) their name among the pupils the actor may read.
// Matching happens here rather than in SQL: SQLite and PostgreSQL disagree on case-insensitivity.
import type { Db, Tx } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { pupilsWhere } from "../auth/pupil-scope.js";
import { recordUnreachablePupils } from "../auth/refusals.js";

export interface PupilMatch {
  id: string;
  firstName: string;
  lastName: string;
  groupName: string | null;
}

/** Names of pupils the caller already holds ids of (and checked access to). */
export async function pupilNamesById(db: Db, ids: string[]): Promise<Map<string, { firstName: string; lastName: string }>> {
  const rows = await db.pupil.findMany({ where: { id: { in: ids } }, select: { id: true, firstName: true, lastName: true } });
  return new Map(rows.map((p) => [p.id, { firstName: p.firstName, lastName: p.lastName }]));
}

/** "Finn Appelweide": the name a confirmation names the pupil by (two Finns in a group are told apart). */
export async function pupilFullName(db: Db | Tx, id: string): Promise<string> {
  const pupil = await db.pupil.findUnique({ where: { id }, select: { firstName: true, lastName: true } });
  return pupil ? `${pupil.firstName} ${pupil.lastName}` : "";
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();

export async function findReadablePupils(db: Db, actor: Actor, query: string): Promise<PupilMatch[]> {
  const pupils = await db.pupil.findMany({
    where: { ...pupilsWhere(actor, "read"), active: true },
    select: { id: true, firstName: true, lastName: true, group: { select: { name: true } } },
  });
  const q = fold(query);
  const candidates = pupils.map((p) => ({
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    groupName: p.group?.name ?? null,
    full: fold(`${p.firstName} ${p.lastName}`),
  }));
  // An exact full-name or first-name match wins over partial matches.
  const exact = candidates.filter((c) => c.full === q || fold(c.firstName) === q);
  const matches = exact.length > 0 ? exact : candidates.filter((c) => c.full.includes(q));
  if (matches.length === 0) return refuseUnreachable(db, actor, query);
  return matches
    .map(({ full: _full, ...rest }) => rest)
    .sort((a, b) => a.firstName.localeCompare(b.firstName, "nl") || a.lastName.localeCompare(b.lastName, "nl"));
}

/**
 * Nothing the actor may read matches. If a pupil of the school does match, the search was a
 * refused attempt to reach that pupil: recorded (ids only, never the typed name). The answer
 * stays "no match", so the actor learns nothing about pupils outside their reach.
 */
async function refuseUnreachable(db: Db, actor: Actor, query: string): Promise<PupilMatch[]> {
  const q = fold(query);
  if (!q) return [];
  const all = await db.pupil.findMany({ where: { schoolId: actor.schoolId, active: true }, select: { id: true, firstName: true, lastName: true } });
  const hit = (p: { firstName: string; lastName: string }) => fold(`${p.firstName} ${p.lastName}`).includes(q) || fold(p.firstName) === q;
  const unreachable = all.filter(hit).map((p) => p.id);
  if (unreachable.length > 0) await recordUnreachablePupils(db, { schoolId: actor.schoolId, staffId: actor.staffId }, unreachable);
  return [];
}

/**
 * Active pupils of the actor's school whose name matches, names and group only. For a caller that
 * has checked a right over the school's pupil list first (assigning pupils to an IB'er): no content.
 */
export async function findSchoolPupils(db: Db, schoolId: string, query: string): Promise<PupilMatch[]> {
  const q = fold(query);
  if (!q) return [];
  const pupils = await db.pupil.findMany({
    where: { schoolId, active: true },
    select: { id: true, firstName: true, lastName: true, group: { select: { name: true } } },
  });
  const named = pupils.map((p) => ({
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    groupName: p.group?.name ?? null,
    full: fold(`${p.firstName} ${p.lastName}`),
  }));
  const exact = named.filter((c) => c.full === q || fold(c.firstName) === q);
  return (exact.length > 0 ? exact : named.filter((c) => c.full.includes(q)))
    .map(({ full: _full, ...rest }) => rest)
    .sort((a, b) => a.firstName.localeCompare(b.firstName, "nl") || a.lastName.localeCompare(b.lastName, "nl"));
}

// Who is acting, with everything the policy needs, loaded once per turn.
import type { Db } from "../db/client.js";
import { directSqlOf, type SqlValue } from "../db/direct-sql.js";
import { Bouw, Locale, Role } from "../domain/vocabulary.js";
import { UnknownUserError } from "../errors.js";

export interface Actor {
  kind: "staff";
  staffId: string;
  schoolId: string;
  /** The board (stichting) of the actor's school, if the school setup names one. */
  boardId: string | null;
  locale: Locale;
  /** The school's IANA timezone: "today" and wall-clock times are the school's. */
  timezone: string;
  roles: ReadonlySet<Role>;
  /** Bouwen this person leads as team leader. */
  leads: ReadonlySet<Bouw>;
  /** Groups this person teaches this school year (duo-partners share a group). */
  groupIds: ReadonlySet<string>;
  /** Groups this person taught in an earlier school year (archived at the rollover): readable, not writable. */
  archivedGroupIds: ReadonlySet<string>;
  /** Pupils assigned to this person as IB'er. */
  supportedPupilIds: ReadonlySet<string>;
}

/**
 * Read on every turn (so a changed role, group or deactivation counts at once), as one plain SQL
 * statement: the staff row with its school, then one row per role, taught group (this year or
 * archived) and IB pupil, and the school's board when it has one.
 */
const ACTOR_SQL = `
  SELECT 'staff' AS "kind", s."schoolId" AS "a", s."locale" AS "b", sc."locale" AS "c", sc."timezone" AS "d"
    FROM "Staff" s JOIN "School" sc ON sc."id" = s."schoolId" WHERE s."id" = ? AND s."active" = TRUE
  UNION ALL SELECT 'role', "role", "bouw", NULL, NULL FROM "StaffRole" WHERE "staffId" = ?
  UNION ALL SELECT 'group', gt."groupId", CASE WHEN g."archivedAt" IS NULL THEN NULL ELSE 'archived' END, NULL, NULL
    FROM "GroupTeacher" gt JOIN "Group" g ON g."id" = gt."groupId" WHERE gt."staffId" = ?
  UNION ALL SELECT 'pupil', "pupilId", NULL, NULL, NULL FROM "PupilSupport" WHERE "staffId" = ?
  UNION ALL SELECT 'board', sc."boardId", NULL, NULL, NULL
    FROM "Staff" s JOIN "School" sc ON sc."id" = s."schoolId" WHERE s."id" = ? AND sc."boardId" IS NOT NULL`;

/** A stored locale that is not ours falls back to Dutch. */
const LocaleOrDutch = Locale.catch("nl");

export interface ActorRow {
  [column: string]: unknown;
  /** "staff", "role", "group", "pupil", "board"; other kinds come from loadActorAlong's extra statement. */
  kind: string;
  a: string;
  b: string | null;
  c: string | null;
  d: string | null;
}

export async function loadActor(db: Db, staffId: string): Promise<Actor> {
  const rows = await directSqlOf(db).rows<ActorRow>(ACTOR_SQL, [staffId, staffId, staffId, staffId, staffId]);
  return actorFromRows(staffId, rows);
}

/**
 * loadActor, with the rows of one more statement read in the same round trip (PostgreSQL: each
 * round trip costs driver and server CPU). `along` must select five text columns, the first a
 * kind other than the actor's own ("staff", "role", "group", "pupil", "board"); its rows come back as they are.
 */
export async function loadActorAlong(
  db: Db,
  staffId: string,
  along: { sql: string; params: readonly SqlValue[] },
): Promise<{ actor: Actor; along: ActorRow[] }> {
  const read = await readActorAlong(db, staffId, along);
  return { actor: actorFromRows(staffId, read.rows), along: read.along };
}

/**
 * The rows of loadActorAlong, not yet an actor (which may not exist). `withClause`: common table
 * expressions put before the statement (`WITH name AS (…)`, PostgreSQL), which `along` may read.
 */
export async function readActorAlong(
  db: Db,
  staffId: string,
  along: { sql: string; params: readonly SqlValue[] },
  withClause?: { sql: string; params: readonly SqlValue[] },
): Promise<{ rows: ActorRow[]; along: ActorRow[] }> {
  // Placeholders are numbered in the order they appear: the WITH clause's come first.
  const rows = await directSqlOf(db).rows<ActorRow>(`${withClause ? `${withClause.sql}\n` : ""}${ACTOR_SQL}\n  UNION ALL ${along.sql}`, [
    ...(withClause?.params ?? []),
    staffId,
    staffId,
    staffId,
    staffId,
    staffId,
    ...along.params,
  ]);
  const own = new Set<string>(["staff", "role", "group", "pupil", "board"]);
  return { rows, along: rows.filter((r) => !own.has(r.kind)) };
}

export function actorFromRows(staffId: string, rows: ActorRow[]): Actor {
  const staff = rows.find((r) => r.kind === "staff");
  // Inactive or unknown: no staff row (roles of an inactive person do not count).
  if (!staff) throw new UnknownUserError();
  const roles = new Set<Role>();
  const leads = new Set<Bouw>();
  const groupIds = new Set<string>();
  const archivedGroupIds = new Set<string>();
  const supportedPupilIds = new Set<string>();
  for (const row of rows) {
    if (row.kind === "role") {
      roles.add(Role.parse(row.a));
      if (row.a === "team_leader" && row.b) leads.add(Bouw.parse(row.b));
    } else if (row.kind === "group") (row.b === "archived" ? archivedGroupIds : groupIds).add(row.a);
    else if (row.kind === "pupil") supportedPupilIds.add(row.a);
  }
  return {
    kind: "staff",
    staffId,
    schoolId: staff.a,
    boardId: rows.find((r) => r.kind === "board")?.a ?? null,
    locale: LocaleOrDutch.parse(staff.b ?? staff.c),
    timezone: staff.d!,
    roles,
    leads,
    groupIds,
    archivedGroupIds,
    supportedPupilIds,
  };
}

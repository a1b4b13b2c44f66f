// The data behind loadPupilContext, read on every dialog turn about a pupil: the pupil with the
// group and its teachers, all goals (agreements, latest evaluation) and the conversations with
// their agreements. PUPIL_CONTEXT_INCLUDE says what it returns in Prisma's terms; the plain SQL
// below returns exactly that shape (tests/db/direct-sql.test.ts compares the two on both
// databases), several times faster than Prisma's query compiler. Change both together.
import type { Prisma } from "../db/generated/sqlite/client.js";
import type { Db } from "../db/client.js";
import { directSqlOf, toDate, toDateOrNull, type SqlRow, type SqlValue } from "../db/direct-sql.js";
import { CALENDAR_ORDER, calendarAlongPupil } from "./school-calendar.js";

export const PUPIL_CONTEXT_INCLUDE = {
  group: { include: { teachers: { include: { staff: { select: { id: true, displayName: true, active: true } } } } } },
  goals: {
    include: {
      agreements: true,
      evaluations: { orderBy: { evaluatedAt: "desc" }, take: 1, select: { outcome: true, note: true, nextStep: true, evaluatedAt: true } },
    },
    orderBy: { createdAt: "asc" },
  },
  conversations: {
    where: { status: { in: ["planned", "prepared", "held", "evaluated"] } },
    orderBy: [{ heldAt: "desc" }, { createdAt: "desc" }],
    include: { agreements: true },
  },
} satisfies Prisma.PupilInclude;

export type PupilContextRow = Prisma.PupilGetPayload<{ include: typeof PUPIL_CONTEXT_INCLUDE }>;

type Goal = PupilContextRow["goals"][number];
type Conversation = PupilContextRow["conversations"][number];
type Agreement = Goal["agreements"][number];
type Evaluation = Goal["evaluations"][number];
type Teacher = NonNullable<PupilContextRow["group"]>["teachers"][number];

/** Columns whose driver value differs from Prisma's (SQLite: 0/1 and text; BigInt through Prisma's raw queries). */
interface Columns {
  dates?: string[];
  optionalDates?: string[];
  booleans?: string[];
  integers?: string[];
}

function typed<T>(row: SqlRow, columns: Columns): T {
  const out: SqlRow = { ...row };
  for (const c of columns.dates ?? []) out[c] = toDate(row[c]);
  for (const c of columns.optionalDates ?? []) out[c] = toDateOrNull(row[c]);
  for (const c of columns.booleans ?? []) out[c] = Boolean(row[c]);
  for (const c of columns.integers ?? []) out[c] = row[c] === null ? null : Number(row[c]);
  return out as T;
}

const PUPIL: Columns = { dates: ["createdAt", "updatedAt"], optionalDates: ["leftAt"], booleans: ["active"] };
const GOAL: Columns = { dates: ["createdAt", "updatedAt"], booleans: ["shareWithParents"] };
const AGREEMENT: Columns = { dates: ["createdAt"], booleans: ["shareWithParents"] };
const GROUP: Columns = { dates: ["updatedAt"] };
const GROUP_TEACHER: Columns = { dates: ["updatedAt"] };
const CONVERSATION: Columns = { dates: ["createdAt", "updatedAt"], optionalDates: ["plannedAt", "heldAt"], integers: ["formatVersion", "durationMinutes"] };
const CONVERSATION_STATUSES = `('planned', 'prepared', 'held', 'evaluated')`;

function byKey<T>(rows: T[], key: (row: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

interface Parts {
  pupil: SqlRow | undefined;
  groups: SqlRow[];
  teachers: SqlRow[];
  goals: SqlRow[];
  evaluations: SqlRow[];
  conversations: SqlRow[];
  agreements: SqlRow[];
  /** The school's default format for the group's bouw, when read with the rest (PostgreSQL); undefined: not read. */
  schoolFormatKey?: string | null;
  /** The rows of the statement asked to be read along (PostgreSQL); undefined: not read. */
  along?: SqlRow[];
}

/** Another statement to read in the same round trip: its parameters (`?` placeholders) and the columns its rows are ordered by. */
export interface ReadAlong {
  sql: string;
  params: SqlValue[];
  order: string;
}

// Relations Prisma returns unordered come back by id here, so the order is stable. Conversations
// keep Prisma's order (nulls sort as each database sorts them).
const TEACHERS_OF_GROUP = `SELECT gt.*, s."displayName" AS "staffDisplayName", s."active" AS "staffActive"
  FROM "GroupTeacher" gt JOIN "Staff" s ON s."id" = gt."staffId" WHERE gt."groupId" = ?`;
const GOALS_OF_PUPIL = `SELECT * FROM "Goal" WHERE "pupilId" = ?`;
const EVALUATIONS_OF_PUPIL = `SELECT e."id", e."goalId", e."outcome", e."note", e."nextStep", e."evaluatedAt" FROM "Evaluation" e
  JOIN "Goal" g ON g."id" = e."goalId" WHERE g."pupilId" = ?`;
const CONVERSATIONS_OF_PUPIL = `SELECT * FROM "Conversation" WHERE "pupilId" = ? AND "status" IN ${CONVERSATION_STATUSES}`;
// Every agreement carries its pupil: reading by "pupilId" first keeps this an index lookup (the OR
// of two subqueries alone reads the whole Agreement table on PostgreSQL).
const AGREEMENTS_OF_PUPIL = `SELECT * FROM "Agreement" WHERE "pupilId" = ? AND ("goalId" IN (SELECT "id" FROM "Goal" WHERE "pupilId" = ?)
  OR "conversationId" IN (SELECT "id" FROM "Conversation" WHERE "pupilId" = ? AND "status" IN ${CONVERSATION_STATUSES}))`;
const ORDER = {
  teachers: `"id"`,
  goals: `"createdAt" ASC, "id" ASC`,
  evaluations: `"evaluatedAt" DESC, "id" DESC`,
  conversations: `"heldAt" DESC, "createdAt" DESC`,
  agreements: `"id"`,
};

/** SQLite: one cheap statement per part (each ~10 µs; there is no round trip). */
async function sqliteParts(db: Db, pupilId: string): Promise<Parts> {
  const sql = directSqlOf(db);
  const [pupil] = await sql.rows(`SELECT * FROM "Pupil" WHERE "id" = ?`, [pupilId]);
  if (!pupil) return { pupil, groups: [], teachers: [], goals: [], evaluations: [], conversations: [], agreements: [] };
  const groupId = pupil.groupId as string | null;
  const ordered = (text: string, order: string) => `SELECT * FROM (${text}) x ORDER BY ${order}`;
  return {
    pupil,
    groups: groupId ? await sql.rows(`SELECT * FROM "Group" WHERE "id" = ?`, [groupId]) : [],
    teachers: groupId ? await sql.rows(ordered(TEACHERS_OF_GROUP, ORDER.teachers), [groupId]) : [],
    goals: await sql.rows(ordered(GOALS_OF_PUPIL, ORDER.goals), [pupilId]),
    evaluations: await sql.rows(ordered(EVALUATIONS_OF_PUPIL, ORDER.evaluations), [pupilId]),
    conversations: await sql.rows(ordered(CONVERSATIONS_OF_PUPIL, ORDER.conversations), [pupilId]),
    agreements: await sql.rows(ordered(AGREEMENTS_OF_PUPIL, ORDER.agreements), [pupilId, pupilId, pupilId]),
  };
}

/**
 * PostgreSQL: every part as a column of one row over the pupil `p`, each a JSON array of rows (the
 * FROM clause is the caller's). `along`'s placeholders come before any in the caller's FROM clause.
 */
function postgresPartsSelect(along?: ReadAlong): string {
  const list = (text: string, order: string) => `(SELECT COALESCE(json_agg(x ORDER BY ${order.replace(/"(\w+)"/g, 'x."$1"')}), '[]') FROM (${text}) x)`;
  return `SELECT row_to_json(p) AS "pupil",
        (SELECT COALESCE(json_agg(g), '[]') FROM "Group" g WHERE g."id" = p."groupId") AS "groups",
        ${list(TEACHERS_OF_GROUP.replace("?", `p."groupId"`), ORDER.teachers)} AS "teachers",
        ${list(GOALS_OF_PUPIL.replace("?", "p.id"), ORDER.goals)} AS "goals",
        ${list(EVALUATIONS_OF_PUPIL.replace("?", "p.id"), ORDER.evaluations)} AS "evaluations",
        ${list(CONVERSATIONS_OF_PUPIL.replace("?", "p.id"), ORDER.conversations)} AS "conversations",
        ${list(AGREEMENTS_OF_PUPIL.replaceAll("?", "p.id"), ORDER.agreements)} AS "agreements",
        (SELECT d."formatKey" FROM "SchoolFormatDefault" d JOIN "Group" g ON d."schoolId" = g."schoolId" AND d."bouw" = g."bouw"
          WHERE g."id" = p."groupId") AS "schoolFormatKey"${along ? `,\n        ${list(along.sql, along.order)} AS "along"` : ""}`;
}

/** The parts of a postgresPartsSelect row (undefined: no such pupil). */
function postgresPartsOf(row: SqlRow | undefined, withAlong: boolean): Parts {
  // Prisma's raw queries (inside a transaction) hand JSON back as text.
  const json = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value) as SqlRow[];
  if (!row) return { pupil: undefined, groups: [], teachers: [], goals: [], evaluations: [], conversations: [], agreements: [] };
  return {
    pupil: json(row.pupil) as unknown as SqlRow,
    groups: json(row.groups),
    teachers: json(row.teachers),
    goals: json(row.goals),
    evaluations: json(row.evaluations),
    conversations: json(row.conversations),
    agreements: json(row.agreements),
    // Saves defaultFormatKey its own round trip on preparation turns.
    schoolFormatKey: (row.schoolFormatKey as string | null) ?? null,
    ...(withAlong ? { along: json(row.along) } : {}),
  };
}

/** PostgreSQL: every part in one statement (one round trip). */
async function postgresParts(db: Db, pupilId: string, along?: ReadAlong): Promise<Parts> {
  const [row] = await directSqlOf(db).rows(
    `${postgresPartsSelect(along)}
      FROM "Pupil" p WHERE p."id" = ?`,
    // Placeholders are numbered in the order they appear: the statement read along comes first.
    [...(along?.params ?? []), pupilId],
  );
  return postgresPartsOf(row, along !== undefined);
}

/**
 * A pupil's context as the turn's first statement read it (PostgreSQL, a card submission: see
 * pupilContextAlongActor), with the school calendar for `calendarFor` of the pupil's school.
 */
export interface PupilContextPreread {
  pupilId: string;
  calendarFor: readonly string[];
  /** Opaque: read by readPupilContext. */
  readonly parts: unknown;
}

/**
 * The context of a dialog session's pupil as one row of the actor's statement (bot/chat/turn-actor.ts):
 * the preparation and conversation dialogs read it on every turn, and read along it costs no round
 * trip of its own. It is read for every active session of the acting teacher with a pupil (the core
 * does not know which dialogs use it); no row otherwise. The calendar comes along for her working
 * days in the pupil's school (loadSchoolDates uses it only when that is the school asked about).
 */
export function pupilContextAlongActor(sessionId: string, staffId: string): { sql: string; params: SqlValue[] } {
  const calendar = { ...calendarAlongPupil([staffId]), order: CALENDAR_ORDER };
  // Only for the acting teacher's own active dialog: the engine takes no other (it refuses or calls
  // the card outdated), so nothing of anyone else's pupil is read for it.
  return {
    sql: `SELECT 'pupilContext', row_to_json(pc)::text, NULL, NULL, NULL FROM (${postgresPartsSelect(calendar)}
      FROM "Pupil" p WHERE p."id" = (SELECT "pupilId" FROM "DialogSession" WHERE "id" = ? AND "staffId" = ? AND "status" = 'active')) pc`,
    params: [...calendar.params, sessionId, staffId],
  };
}

/** The preread of pupilContextAlongActor's row (undefined: no row). */
export function pupilContextFromAlong(json: string | undefined, calendarFor: string): PupilContextPreread | undefined {
  if (json === undefined) return undefined;
  const parts = postgresPartsOf(JSON.parse(json) as SqlRow, true);
  return { pupilId: String(parts.pupil!.id), calendarFor: [calendarFor], parts };
}

/** `db.pupil.findUnique({ where: { id }, include: PUPIL_CONTEXT_INCLUDE })`, in plain SQL. */
export async function queryPupilContext(db: Db, pupilId: string): Promise<PupilContextRow | null> {
  return (await readPupilContext(db, pupilId)).row;
}

/**
 * queryPupilContext, plus the school's default format for the pupil's group's bouw when the
 * database read it in the same statement (PostgreSQL: a round trip saved); undefined otherwise.
 * The same for `along`: its rows on PostgreSQL, undefined on SQLite (where a statement is no round trip).
 */
export async function readPupilContext(
  db: Db,
  pupilId: string,
  along?: ReadAlong,
): Promise<{ row: PupilContextRow | null; schoolFormatKey: string | null | undefined; along: SqlRow[] | undefined }> {
  const parts = directSqlOf(db).provider === "postgresql" ? await postgresParts(db, pupilId, along) : await sqliteParts(db, pupilId);
  return { row: pupilContextOf(parts), schoolFormatKey: parts.schoolFormatKey, along: parts.along };
}

/** readPupilContext's answer from a preread (its `along`: the calendar rows of the pupil's school). */
export function prereadPupilContext(preread: PupilContextPreread): {
  row: PupilContextRow | null;
  schoolFormatKey: string | null | undefined;
  along: SqlRow[] | undefined;
} {
  const parts = preread.parts as Parts;
  return { row: pupilContextOf(parts), schoolFormatKey: parts.schoolFormatKey, along: parts.along };
}

function pupilContextOf(parts: Parts): PupilContextRow | null {
  const pupilRow = parts.pupil;
  if (!pupilRow) return null;
  const {
    groups: groupRows,
    teachers: teacherRows,
    goals: goalRows,
    evaluations: evaluationRows,
    conversations: conversationRows,
    agreements: agreementRows,
  } = parts;
  const agreements = agreementRows.map((row) => typed<Agreement>(row, AGREEMENT));
  const agreementsOfGoal = byKey(agreements, (a) => a.goalId);
  const agreementsOfConversation = byKey(agreements, (a) => a.conversationId);
  const latestEvaluation = new Map<string, Evaluation>();
  for (const row of evaluationRows) {
    const goalId = row.goalId as string;
    if (!latestEvaluation.has(goalId)) {
      latestEvaluation.set(goalId, {
        outcome: row.outcome as string,
        note: row.note as string | null,
        nextStep: row.nextStep as string | null,
        evaluatedAt: toDate(row.evaluatedAt),
      });
    }
  }
  const teachers = teacherRows.map((row): Teacher => {
    const { staffDisplayName, staffActive, ...teacher } = row;
    return {
      ...typed<Omit<Teacher, "staff">>(teacher, GROUP_TEACHER),
      staff: { id: teacher.staffId as string, displayName: staffDisplayName as string, active: Boolean(staffActive) },
    };
  });
  const group = groupRows[0] ? { ...typed<Omit<NonNullable<PupilContextRow["group"]>, "teachers">>(groupRows[0], GROUP), teachers } : null;
  return {
    ...typed<Omit<PupilContextRow, "group" | "goals" | "conversations">>(pupilRow, PUPIL),
    group,
    goals: goalRows.map((row) => {
      const goal = typed<Omit<Goal, "agreements" | "evaluations">>(row, GOAL);
      const evaluation = latestEvaluation.get(goal.id);
      return { ...goal, agreements: agreementsOfGoal.get(goal.id) ?? [], evaluations: evaluation ? [evaluation] : [] };
    }),
    conversations: conversationRows.map((row) => {
      const conversation = typed<Omit<Conversation, "agreements">>(row, CONVERSATION);
      return { ...conversation, agreements: agreementsOfConversation.get(conversation.id) ?? [] };
    }),
  };
}

// Has anything the reminder schedule reads changed? One statement answers it for the whole board
// (or per school), so the producer recomputes only the schools whose answer moved.
//
// A table's signature is its row count and the sum of its rows' updatedAt (in ms). Prisma sets
// updatedAt on every create and update, so an insert adds a term, a delete removes one and an
// update replaces one: each moves the sum, whatever order transactions commit in (a maximum
// would miss a late commit with an older timestamp). Writes that bypass Prisma without setting
// updatedAt, or two updates of one row in the same millisecond, are left to the producer's
// periodic full pass (recompute-rule.ts).
import type { Db } from "../db/client.js";
import { directSqlOf } from "../db/direct-sql.js";
import type { DatabaseProvider } from "../db/types.js";

/**
 * Every table loadScheduleState, loadSchoolCalendar and syncRecentRounds read, with how a row
 * finds its school. A table added to those reads must be added here (tests/reminders/incremental
 * changes every kind of row and compares with a full recomputation).
 */
const WATCHED: readonly { table: string; school: string; join?: string }[] = [
  { table: "School", school: `x."id"` },
  { table: "SchoolClosure", school: `x."schoolId"` },
  { table: "Round", school: `x."schoolId"` },
  { table: "RoundGroup", school: `p."schoolId"`, join: `JOIN "Round" p ON p."id" = x."roundId"` },
  { table: "Group", school: `x."schoolId"` },
  { table: "GroupTeacher", school: `p."schoolId"`, join: `JOIN "Group" p ON p."id" = x."groupId"` },
  { table: "Pupil", school: `x."schoolId"` },
  { table: "Staff", school: `x."schoolId"` },
  { table: "ReminderPreference", school: `p."schoolId"`, join: `JOIN "Staff" p ON p."id" = x."staffId"` },
  { table: "Conversation", school: `x."schoolId"` },
  { table: "ConversationTeacher", school: `p."schoolId"`, join: `JOIN "Conversation" p ON p."id" = x."conversationId"` },
  { table: "Goal", school: `p."schoolId"`, join: `JOIN "Pupil" p ON p."id" = x."pupilId"` },
];

/** Tables whose change can move a school's calendar (its school days and hours). */
export const CALENDAR_TABLES: ReadonlySet<string> = new Set(["School", "SchoolClosure"]);

function updatedSum(provider: DatabaseProvider): string {
  return provider === "sqlite"
    ? `CAST(sum(CAST(unixepoch(x."updatedAt", 'subsec') * 1000 AS INTEGER)) AS TEXT)`
    : `CAST(sum(CAST(extract(epoch FROM x."updatedAt") * 1000 AS BIGINT)) AS TEXT)`;
}

function signatureSql(provider: DatabaseProvider, perSchool: boolean, tables?: ReadonlySet<string>): string {
  const sum = updatedSum(provider);
  return WATCHED.filter(({ table }) => !tables || tables.has(table))
    .map(({ table, school, join }) =>
      perSchool
        ? `SELECT ${school} AS "school", '${table}' AS "tbl", count(*) AS "n", ${sum} AS "v" FROM "${table}" x ${join ?? ""} GROUP BY ${school}`
        : `SELECT '' AS "school", '${table}' AS "tbl", count(*) AS "n", ${sum} AS "v" FROM "${table}" x`,
    )
    .join("\nUNION ALL\n");
}

/** Per table: `count:sum`. Equal signatures mean nothing the schedule reads has changed. */
export type Signature = ReadonlyMap<string, string>;

async function read(db: Db, perSchool: boolean, tables?: ReadonlySet<string>): Promise<Map<string, Map<string, string>>> {
  const sql = directSqlOf(db);
  const rows = await sql.rows<{ school: string; tbl: string; n: unknown; v: unknown }>(signatureSql(sql.provider, perSchool, tables));
  const out = new Map<string, Map<string, string>>();
  for (const row of rows) {
    if (!out.has(row.school)) out.set(row.school, new Map());
    out.get(row.school)!.set(row.tbl, `${String(row.n)}:${String(row.v ?? 0)}`);
  }
  return out;
}

/** The whole board's signature (or of some tables only): one statement of plain aggregates, no joins. */
export async function readBoardSignature(db: Db, tables?: ReadonlySet<string>): Promise<Signature> {
  return (await read(db, false, tables)).get("") ?? new Map();
}

/** Each school's signature (a school with no rows anywhere is absent). Read only when the board's moved. */
export async function readSchoolSignatures(db: Db): Promise<ReadonlyMap<string, Signature>> {
  return read(db, true);
}

/** One string per signature, for comparing and remembering. */
export function serializeSignature(signature: Signature | undefined): string {
  return signature
    ? [...signature]
        .map(([table, value]) => `${table}=${value}`)
        .sort()
        .join(";")
    : "";
}

// The school's calendar as stored: timezone, school days and hours, holidays and study days (its
// own and the region holidays it confirmed), the public holidays it marked open;
// and the working days of its staff, which the school-date rule (bot/domain/school-day-rule.ts)
// checks a picked date against.
//
// A preparation reads both on every dialog turn, so they are one plain statement (direct-sql.ts),
// not two Prisma model queries: Prisma's query compiler cost about 0.9 ms of CPU per turn here,
// most of what the turn cost. Clients without plain SQL (none from openDatabase) use Prisma.
import type { Db, Tx } from "../db/client.js";
import { findDirectSql, type SqlRow, type SqlValue } from "../db/direct-sql.js";
import { parseWeekdays } from "../domain/vocabulary.js";
import type { SchoolCalendar } from "../domain/school-calendar.js";
import type { WorkingPerson } from "../domain/school-day-rule.js";

type StoredCalendar = {
  timezone: string;
  schoolDays: string;
  dayStart: string;
  dayEnd: string;
  openPublicHolidays: string;
  closures: { kind: string; name: string; startDate: string; endDate: string }[];
};

function calendarOf(school: StoredCalendar): SchoolCalendar {
  return {
    timezone: school.timezone,
    schoolDays: new Set(parseWeekdays(school.schoolDays)),
    dayStart: school.dayStart,
    dayEnd: school.dayEnd,
    closures: school.closures.map((c) => ({ kind: c.kind, name: c.name, startDate: c.startDate, endDate: c.endDate })),
    openDays: new Set(school.openPublicHolidays.split(",").filter(Boolean)),
  };
}

const sameIds = (a: readonly string[], b: readonly string[]) => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((id) => y.has(id));
};

type TeacherDays = { staffId: string; groupId: string; workingDays: string; staff: { displayName: string } };

/** The order of calendarStatement's rows. */
export const CALENDAR_ORDER = `"part", "k", "id"`;

/**
 * The school row (part 0), its closures (part 1, by start date as the (schoolId, startDate) index
 * gives them) and the given staff's groups in this school (part 2), in one statement on either
 * database. Every column of the union is text, so both databases agree on its types.
 */
function calendarStatement(staffCount: number, school = "?"): string {
  const schoolRow = `SELECT 0 AS "part", NULL AS "k", NULL AS "id", "timezone" AS "a", "schoolDays" AS "b", "dayStart" AS "c", "dayEnd" AS "d", "openPublicHolidays" AS "e" FROM "School" WHERE "id" = ${school}`;
  const closures = `SELECT 1, "startDate", "id", "kind", "name", "startDate", "endDate", NULL FROM "SchoolClosure" WHERE "schoolId" = ${school}`;
  // This year's groups only: last year's (archived at the rollover) no longer say when someone works.
  const teachers = `SELECT 2, gt."id", gt."id", gt."staffId", gt."groupId", gt."workingDays", s."displayName", NULL
    FROM "GroupTeacher" gt JOIN "Staff" s ON s."id" = gt."staffId" JOIN "Group" g ON g."id" = gt."groupId" AND g."archivedAt" IS NULL
    WHERE gt."staffId" IN (${Array(staffCount).fill("?").join(", ")}) AND s."schoolId" = ${school}`;
  return `${[schoolRow, closures, ...(staffCount ? [teachers] : [])].join("\n  UNION ALL ")}\n  ORDER BY ${CALENDAR_ORDER}`;
}

/** The plain statement behind loadSchoolDates and its parameters, for reading it along another (see CalendarReadAlong). */
export function calendarQuery(schoolId: string, staffIds: readonly string[]): { sql: string; params: SqlValue[] } {
  const ids = [...new Set(staffIds)];
  return { sql: calendarStatement(ids.length), params: [schoolId, schoolId, ...(ids.length ? [...ids, schoolId] : [])] };
}

/** calendarQuery for the school of the pupil `p` of the statement it is read along (see pupilContextAlongActor). */
export function calendarAlongPupil(staffIds: readonly string[]): { sql: string; params: SqlValue[] } {
  const ids = [...new Set(staffIds)];
  return { sql: calendarStatement(ids.length, `p."schoolId"`), params: ids };
}

/**
 * The rows of calendarQuery(schoolId, staffIds), read in the same statement as something else
 * (PostgreSQL: the pupil's context, one round trip less on a preparation turn).
 */
export interface CalendarReadAlong {
  schoolId: string;
  staffIds: readonly string[];
  rows: SqlRow[];
}

/** The calendar and the staff's group rows by plain SQL (or as read along); null when this client has none. */
async function readCalendar(
  db: Db | Tx,
  schoolId: string,
  staffIds: readonly string[],
  along?: CalendarReadAlong,
): Promise<{ school: StoredCalendar; teachers: TeacherDays[] } | null> {
  const sql = findDirectSql(db);
  if (!sql) return null;
  // Rows read along are used only when they answer exactly this question.
  const same = along !== undefined && along.schoolId === schoolId && sameIds(along.staffIds, staffIds);
  const query = calendarQuery(schoolId, staffIds);
  const rows = same ? along.rows : await sql.rows<SqlRow>(query.sql, query.params);
  // Prisma's raw queries (inside a transaction) may hand the part back as a BigInt.
  const part = (n: number) => rows.filter((r) => Number(r.part) === n);
  const [school] = part(0);
  if (!school) throw new Error(`School ${schoolId} not found`);
  const text = (v: unknown) => v as string;
  return {
    school: {
      timezone: text(school.a),
      schoolDays: text(school.b),
      dayStart: text(school.c),
      dayEnd: text(school.d),
      openPublicHolidays: text(school.e),
      closures: part(1).map((r) => ({ kind: text(r.a), name: text(r.b), startDate: text(r.c), endDate: text(r.d) })),
    },
    teachers: part(2).map((r) => ({ staffId: text(r.a), groupId: text(r.b), workingDays: text(r.c), staff: { displayName: text(r.d) } })),
  };
}

export async function loadSchoolCalendar(db: Db | Tx, schoolId: string): Promise<SchoolCalendar> {
  const read = await readCalendar(db, schoolId, []);
  return calendarOf(read?.school ?? (await db.school.findUniqueOrThrow({ where: { id: schoolId }, include: { closures: true } })));
}

/** Every school's calendar, in two statements (the reminder producer's view of the board). */
export async function loadSchoolCalendars(db: Db | Tx): Promise<{ id: string; timezone: string; calendar: SchoolCalendar }[]> {
  const schools = await db.school.findMany({ include: { closures: true }, orderBy: { id: "asc" } });
  return schools.map((school) => ({ id: school.id, timezone: school.timezone, calendar: calendarOf(school) }));
}

export interface SchoolDates {
  calendar: SchoolCalendar;
  /** By staff id; only people whose working days are known (they teach a group). */
  people: ReadonlyMap<string, WorkingPerson>;
}

/**
 * The school's calendar with the working days of some of its staff: the days they work in
 * `groupId` when they teach it, else in all their groups together. Someone who teaches no group
 * (an IB'er) has no known working days and is left out: no working-day check for them. The
 * reader is named "you" in a refusal. `along`: the same rows, already read with something else.
 */
export async function loadSchoolDates(
  db: Db | Tx,
  reader: { schoolId: string; staffId: string },
  staff: { staffIds: readonly string[]; groupId?: string | null },
  along?: CalendarReadAlong,
): Promise<SchoolDates> {
  const ids = [...new Set(staff.staffIds)];
  const read = await readCalendar(db, reader.schoolId, ids, along);
  const calendar = read ? calendarOf(read.school) : await loadSchoolCalendar(db, reader.schoolId);
  const rows: TeacherDays[] =
    read?.teachers ??
    (ids.length
      ? await db.groupTeacher.findMany({
          where: { staffId: { in: ids }, staff: { schoolId: reader.schoolId }, group: { archivedAt: null } },
          select: { staffId: true, groupId: true, workingDays: true, staff: { select: { displayName: true } } },
        })
      : []);
  const people = new Map<string, WorkingPerson>();
  for (const id of ids) {
    const mine = rows.filter((r) => r.staffId === id);
    if (mine.length === 0) continue;
    const inGroup = mine.find((r) => r.groupId === staff.groupId);
    const days = (inGroup ? [inGroup] : mine).flatMap((r) => parseWeekdays(r.workingDays));
    if (days.length === 0) continue; // nothing stored is "unknown", not "never"
    people.set(id, { workingDays: new Set(days), name: id === reader.staffId ? null : mine[0]!.staff.displayName });
  }
  return { calendar, people };
}

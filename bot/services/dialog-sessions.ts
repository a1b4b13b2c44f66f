// Persistence of guided dialogs. Every change is a conditional update on (id, version): when
// zero rows change, another submission (a double click, a second device, another instance) got
// there first and this one is stale.
// The reads and the update run on every dialog turn, so they are plain SQL (bot/db/direct-sql.ts).
import type { Db, Tx } from "../db/client.js";
import { directSqlOf, toDate, type SqlRow } from "../db/direct-sql.js";
import { z } from "zod";
import type { FieldValue } from "../channel/types.js";
import type { PupilContextPreread } from "./pupil-context-query.js";

/** { [stepId]: { [fieldId]: value } } */
export type Answers = Record<string, Record<string, FieldValue>>;

export interface SessionSubject {
  pupilId: string | null;
  groupId: string | null;
  conversationId: string | null;
  formatKey: string | null;
  formatVersion: number | null;
}

/** A submission's session as the turn already read it (with the actor, in one round trip); null: none. */
export interface PreloadedSession {
  sessionId: string;
  session: DialogSessionRecord | null;
  /** Its pupil's context, read in the same statement (see pupilContextAlongActor). */
  pupilContext?: PupilContextPreread;
}

export type SessionStatus = "active" | "paused" | "completed" | "cancelled";

/**
 * A question the bot asked about the dialog itself, which the next turn answers: "stop and discard
 * what was filled in?", "did you mean the command …?" (the typed text waits here, not in an
 * answer), or "a new answer for field n?". Every other change to the session drops it.
 */
export const DialogPending = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("cancel") }),
  z.object({ kind: z.literal("command"), text: z.string().max(20_000), fieldId: z.string().max(80).nullable() }),
  z.object({ kind: z.literal("edit"), fieldId: z.string().max(80) }),
]);
export type DialogPending = z.infer<typeof DialogPending>;

export interface DialogSessionRecord extends SessionSubject {
  id: string;
  schoolId: string;
  staffId: string;
  kind: string;
  stepId: string;
  version: number;
  answers: Answers;
  rawInputs: Record<string, Record<string, string>>;
  pending: DialogPending | null;
  status: SessionStatus;
  updatedAt: Date;
}

type Row = Awaited<ReturnType<Db["dialogSession"]["findUniqueOrThrow"]>>;

const COLUMNS = `"id", "schoolId", "staffId", "kind", "pupilId", "groupId", "conversationId", "formatKey", "formatVersion", "stepId", "version", "answers", "rawInputs", "pending", "status", "createdAt", "updatedAt"`;

/** A row read with plain SQL, typed like Prisma's (integers may come back as BigInt, instants as text). */
function fromSql(row: SqlRow): Row {
  return {
    ...(row as unknown as Row),
    formatVersion: row.formatVersion === null ? null : Number(row.formatVersion),
    version: Number(row.version),
    createdAt: toDate(row.createdAt),
    updatedAt: toDate(row.updatedAt),
  };
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** A stored question that no longer parses (an older shape) is dropped rather than trusted. */
function pendingOf(text: string | null): DialogPending | null {
  if (text === null) return null;
  const parsed = DialogPending.safeParse(parseJson<unknown>(text, null));
  return parsed.success ? parsed.data : null;
}

function toRecord(row: Row): DialogSessionRecord {
  return {
    id: row.id,
    schoolId: row.schoolId,
    staffId: row.staffId,
    kind: row.kind,
    pupilId: row.pupilId,
    groupId: row.groupId,
    conversationId: row.conversationId,
    formatKey: row.formatKey,
    formatVersion: row.formatVersion,
    stepId: row.stepId,
    version: row.version,
    answers: parseJson<Answers>(row.answers, {}),
    rawInputs: parseJson(row.rawInputs, {}),
    pending: pendingOf(row.pending),
    status: row.status as SessionStatus,
    updatedAt: row.updatedAt,
  };
}

/**
 * Pauses the open dialog of each of these people: kept with every answer, resumable with "verder".
 * A card of a paused dialog is stale (its version moved on).
 */
export async function pauseActiveDialogs(db: Db | Tx, staffIds: readonly string[], except?: string): Promise<void> {
  await db.dialogSession.updateMany({
    where: { staffId: staffIds.length === 1 ? staffIds[0]! : { in: [...staffIds] }, status: "active", ...(except ? { id: { not: except } } : {}) },
    data: { status: "paused", version: { increment: 1 }, pending: null },
  });
}

export async function createSession(
  db: Db,
  input: { schoolId: string; staffId: string; kind: string; stepId: string; subject: SessionSubject; answers?: Answers },
): Promise<DialogSessionRecord> {
  // One dialog is in the foreground per person: starting another pauses the current one.
  await pauseActiveDialogs(db, [input.staffId]);
  const row = await db.dialogSession.create({
    data: {
      schoolId: input.schoolId,
      staffId: input.staffId,
      kind: input.kind,
      stepId: input.stepId,
      ...input.subject,
      answers: JSON.stringify(input.answers ?? {}),
    },
  });
  return toRecord(row);
}

export async function findSession(db: Db, id: string): Promise<DialogSessionRecord | null> {
  const [row] = await directSqlOf(db).rows(`SELECT ${COLUMNS} FROM "DialogSession" WHERE "id" = ?`, [id]);
  return row ? toRecord(fromSql(row)) : null;
}

/**
 * findSession as one row of loadActorAlong (bot/auth/actor.ts), PostgreSQL only: the session row
 * as JSON text in the second column, so a submission's actor and session take one round trip.
 */
export function sessionAlongActor(id: string): { sql: string; params: string[] } {
  return { sql: `SELECT 'session', row_to_json(ds)::text, NULL, NULL, NULL FROM (SELECT ${COLUMNS} FROM "DialogSession" WHERE "id" = ?) ds`, params: [id] };
}

/** The session of sessionAlongActor's row (absent row: no such session). */
export function sessionFromAlong(json: string | undefined): DialogSessionRecord | null {
  return json === undefined ? null : toRecord(fromSql(JSON.parse(json) as SqlRow));
}

/** The dialog a person is in right now, if any. */
export async function findActiveSession(db: Db, staffId: string): Promise<DialogSessionRecord | null> {
  const [row] = await directSqlOf(db).rows(
    `SELECT ${COLUMNS} FROM "DialogSession" WHERE "staffId" = ? AND "status" = 'active' ORDER BY "updatedAt" DESC LIMIT 1`,
    [staffId],
  );
  return row ? toRecord(fromSql(row)) : null;
}

/** The person's dialog that was completed last, if that was after `since` (text typed just after it ended). */
export async function findCompletedSince(db: Db, staffId: string, since: Date): Promise<Pick<DialogSessionRecord, "kind" | "pupilId"> | null> {
  return db.dialogSession.findFirst({
    where: { staffId, status: "completed", updatedAt: { gte: since } },
    orderBy: { updatedAt: "desc" },
    select: { kind: true, pupilId: true },
  });
}

/** Unfinished dialogs (active or paused), newest first. */
export async function listOpenSessions(db: Db, staffId: string): Promise<DialogSessionRecord[]> {
  const rows = await db.dialogSession.findMany({
    where: { staffId, status: { in: ["active", "paused"] } },
    orderBy: { updatedAt: "desc" },
    take: 20,
  });
  return rows.map(toRecord);
}

export interface SessionChange {
  stepId?: string;
  answers?: Answers;
  rawInputs?: Record<string, Record<string, string>>;
  status?: SessionStatus;
  /** The question this change asks; absent: any question asked before is dropped. */
  pending?: DialogPending;
}

/**
 * Applies a change if the session is still at `expectedVersion`. Returns the new version, or null when stale.
 * The pending question is always written: a change that does not ask one answers (drops) the last.
 */
export async function updateSession(db: Tx, id: string, expectedVersion: number, change: SessionChange): Promise<number | null> {
  // An absent part of the change keeps its column (COALESCE with NULL); none of them is nullable.
  const count = await directSqlOf(db).run(
    `UPDATE "DialogSession" SET "version" = ?, "updatedAt" = ?, "stepId" = COALESCE(?, "stepId"), "answers" = COALESCE(?, "answers"),
       "rawInputs" = COALESCE(?, "rawInputs"), "status" = COALESCE(?, "status"), "pending" = ? WHERE "id" = ? AND "version" = ?`,
    [
      expectedVersion + 1,
      new Date(),
      change.stepId ?? null,
      change.answers !== undefined ? JSON.stringify(change.answers) : null,
      change.rawInputs !== undefined ? JSON.stringify(change.rawInputs) : null,
      change.status ?? null,
      change.pending ? JSON.stringify(change.pending) : null,
      id,
      expectedVersion,
    ],
  );
  return count === 1 ? expectedVersion + 1 : null;
}

/** Brings a paused dialog back to the foreground (pausing any other). */
export async function activateSession(db: Db, session: DialogSessionRecord): Promise<number | null> {
  await pauseActiveDialogs(db, [session.staffId], session.id);
  return updateSession(db, session.id, session.version, { status: "active" });
}

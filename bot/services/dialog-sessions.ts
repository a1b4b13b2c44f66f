// Persistence of guided dialogs. Every change is a conditional update on (id, version): when
// zero rows change, another submission (a double click, a second device, another instance) got
// there first and this one is stale.
import type { Db, Tx } from "../db/client.js";
import type { Answers, SessionSubject } from "../../dialogs/engine/flow.js";

export type SessionStatus = "active" | "paused" | "completed" | "cancelled";

export interface DialogSessionRecord extends SessionSubject {
  id: string;
  schoolId: string;
  staffId: string;
  kind: string;
  stepId: string;
  version: number;
  answers: Answers;
  rawInputs: Record<string, Record<string, string>>;
  status: SessionStatus;
  updatedAt: Date;
}

type Row = Awaited<ReturnType<Db["dialogSession"]["findUniqueOrThrow"]>>;

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
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
    status: row.status as SessionStatus,
    updatedAt: row.updatedAt,
  };
}

export async function createSession(
  db: Db,
  input: { schoolId: string; staffId: string; kind: string; stepId: string; subject: SessionSubject; answers?: Answers },
): Promise<DialogSessionRecord> {
  // One dialog is in the foreground per person: starting another pauses the current one.
  await db.dialogSession.updateMany({
    where: { staffId: input.staffId, status: "active" },
    data: { status: "paused", version: { increment: 1 } },
  });
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
  const row = await db.dialogSession.findUnique({ where: { id } });
  return row ? toRecord(row) : null;
}

/** The dialog a person is in right now, if any. */
export async function findActiveSession(db: Db, staffId: string): Promise<DialogSessionRecord | null> {
  const row = await db.dialogSession.findFirst({ where: { staffId, status: "active" }, orderBy: { updatedAt: "desc" } });
  return row ? toRecord(row) : null;
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
}

/** Applies a change if the session is still at `expectedVersion`. Returns the new version, or null when stale. */
export async function updateSession(db: Tx, id: string, expectedVersion: number, change: SessionChange): Promise<number | null> {
  const { count } = await db.dialogSession.updateMany({
    where: { id, version: expectedVersion },
    data: {
      version: expectedVersion + 1,
      ...(change.stepId !== undefined ? { stepId: change.stepId } : {}),
      ...(change.answers !== undefined ? { answers: JSON.stringify(change.answers) } : {}),
      ...(change.rawInputs !== undefined ? { rawInputs: JSON.stringify(change.rawInputs) } : {}),
      ...(change.status !== undefined ? { status: change.status } : {}),
    },
  });
  return count === 1 ? expectedVersion + 1 : null;
}

/** Brings a paused dialog back to the foreground (pausing any other). */
export async function activateSession(db: Db, session: DialogSessionRecord): Promise<number | null> {
  await db.dialogSession.updateMany({
    where: { staffId: session.staffId, status: "active", id: { not: session.id } },
    data: { status: "paused", version: { increment: 1 } },
  });
  return updateSession(db, session.id, session.version, { status: "active" });
}

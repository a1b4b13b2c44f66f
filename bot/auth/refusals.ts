// Every refusal leaves an audit row (ids only, never what was typed or shown). Services record
// their own refusals where they know the record; this is the net under them: the turn pipeline
// calls ensureRefusalAudited for every Forbidden/NotFound that reaches it, and writes a row when
// none of the turn's refusal rows survived (a refusal recorded inside a transaction is rolled
// back with it, and some paths refuse without recording at all).
import type { Db } from "../db/client.js";
import { recordAudit, refusalsThisTurn } from "../audit.js";
import { ErrorCode, NotFoundError, type AppError } from "../errors.js";

export function isRefusal(error: AppError): boolean {
  return error.code === ErrorCode.Forbidden || error.code === ErrorCode.NotFound;
}

export async function ensureRefusalAudited(db: Db, who: { schoolId: string; staffId: string }, error: AppError): Promise<void> {
  if (!isRefusal(error)) return;
  const ids = refusalsThisTurn();
  if (ids.length > 0 && (await db.auditEvent.count({ where: { id: { in: [...ids] } } })) > 0) return;
  // The entity is a word from our code (pupil, group, round, …); a Forbidden names no record.
  const entity = error instanceof NotFoundError ? error.entity : "access";
  await recordAudit(db, { schoolId: who.schoolId, actorStaffId: who.staffId, action: "refused", entity });
}

/** Someone the school does not know (or no longer employs) tried to use the bot in its tenant. */
export async function recordUnknownUser(db: Db, schoolIds: readonly string[], staffId: string | null): Promise<void> {
  for (const schoolId of schoolIds)
    await recordAudit(db, { schoolId, actorStaffId: staffId, action: "refused", entity: staffId ? "inactive_staff" : "unknown_user" });
}

/** A pupil search found pupils only outside the actor's reach: a refused attempt per pupil. */
export async function recordUnreachablePupils(db: Db, who: { schoolId: string; staffId: string }, pupilIds: readonly string[]): Promise<void> {
  for (const pupilId of pupilIds.slice(0, 10)) {
    await recordAudit(db, { schoolId: who.schoolId, actorStaffId: who.staffId, action: "refused", entity: "pupil", entityId: pupilId, pupilId });
  }
}

// Loads the ownership facts of a record, applies the policy, and audits the outcome.
// Every service that touches pupil data goes through here: authorization lives in the core.
import type { Tx } from "../db/client.js";
import { recordAudit } from "../audit.js";
import { ForbiddenError, NotFoundError } from "../errors.js";
import type { Actor } from "./actor.js";
import { canReadPupilContent, canWritePupilContent, type PupilFacts } from "./policy.js";

export type Access = "read" | "write";

export async function requirePupilAccess(db: Tx, actor: Actor, pupilId: string, access: Access): Promise<PupilFacts> {
  const pupil = await db.pupil.findUnique({ where: { id: pupilId }, select: { id: true, schoolId: true, groupId: true } });
  return checkPupilAccess(db, actor, pupil, pupilId, access);
}

/** The same check for a pupil the caller already loaded (saves a query on hot paths). */
export async function checkPupilAccess(db: Tx, actor: Actor, pupil: PupilFacts | null, pupilId: string, access: Access): Promise<PupilFacts> {
  // Another school's pupil is reported exactly like a missing one: no existence leaks across schools.
  if (!pupil || pupil.schoolId !== actor.schoolId) {
    await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "refused", entity: "pupil", entityId: pupilId });
    throw new NotFoundError("pupil");
  }
  const allowed = access === "read" ? canReadPupilContent(actor, pupil) : canWritePupilContent(actor, pupil);
  if (!allowed) {
    await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "refused", entity: "pupil", entityId: pupil.id, pupilId: pupil.id });
    throw new ForbiddenError(`no ${access} access to this pupil`);
  }
  return pupil;
}

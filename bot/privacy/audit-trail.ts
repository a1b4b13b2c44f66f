// Reading the audit trail of one pupil: who read, changed, exported or was refused, and when.
// Only for the school admin or privacy officer (policy.canHandlePrivacyRequests); reading it is
// itself recorded.
import type { Db } from "../db/client.js";
import { recordAudit } from "../audit.js";

export interface AuditLine {
  at: Date;
  actorStaffId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
}

export async function readPupilAuditTrail(db: Db, input: { schoolId: string; pupilId: string; actorStaffId: string | null }): Promise<AuditLine[]> {
  const ids = new Set<string>([input.pupilId]);
  const [goals, conversations, notes] = await Promise.all([
    db.goal.findMany({ where: { pupilId: input.pupilId }, select: { id: true } }),
    db.conversation.findMany({ where: { pupilId: input.pupilId }, select: { id: true } }),
    db.note.findMany({ where: { pupilId: input.pupilId }, select: { id: true } }),
  ]);
  for (const r of [...goals, ...conversations, ...notes]) ids.add(r.id);
  const rows = await db.auditEvent.findMany({
    where: { schoolId: input.schoolId, OR: [{ pupilId: input.pupilId }, { entityId: { in: [...ids] } }] },
    orderBy: [{ at: "desc" }, { id: "desc" }],
  });
  const staffIds = [...new Set(rows.map((r) => r.actorStaffId).filter((id): id is string => id !== null))];
  const staff = new Map(
    (await db.staff.findMany({ where: { id: { in: staffIds } }, select: { id: true, displayName: true } })).map((s) => [s.id, s.displayName]),
  );
  await recordAudit(db, {
    schoolId: input.schoolId,
    actorStaffId: input.actorStaffId,
    action: "read",
    entity: "audit_trail",
    entityId: input.pupilId,
    pupilId: input.pupilId,
  });
  return rows.map((r) => ({
    at: r.at,
    actorStaffId: r.actorStaffId,
    actorName: r.actorStaffId ? (staff.get(r.actorStaffId) ?? null) : null,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
  }));
}

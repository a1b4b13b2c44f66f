// The audit trail: who read or changed which pupil's records. Ids only, never content.
import type { Db } from "./db/client.js";

export type AuditAction = "read" | "create" | "update" | "delete" | "import" | "refused" | "export" | "erase";

export interface AuditEntry {
  schoolId: string;
  actorStaffId: string | null;
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  pupilId?: string | null;
}

export async function recordAudit(db: Pick<Db, "auditEvent">, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      schoolId: entry.schoolId,
      actorStaffId: entry.actorStaffId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      pupilId: entry.pupilId ?? null,
    },
  });
}

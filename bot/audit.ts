// The audit trail: who read or changed which pupil's records. Ids only, never content.
import { AsyncLocalStorage } from "node:async_hooks";
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

/**
 * Refusals recorded during one chat turn. A refusal written inside a transaction is rolled back
 * with it, so the turn pipeline checks these ids still exist before trusting them (refusals.ts).
 */
const turnRefusals = new AsyncLocalStorage<string[]>();

export function trackingRefusals<T>(fn: () => Promise<T>): Promise<T> {
  return turnRefusals.run([], fn);
}

export function refusalsThisTurn(): readonly string[] {
  return turnRefusals.getStore() ?? [];
}

export async function recordAudit(db: Pick<Db, "auditEvent">, entry: AuditEntry): Promise<void> {
  const row = await db.auditEvent.create({
    data: {
      schoolId: entry.schoolId,
      actorStaffId: entry.actorStaffId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      pupilId: entry.pupilId ?? null,
    },
    select: { id: true },
  });
  if (entry.action === "refused") turnRefusals.getStore()?.push(row.id);
}

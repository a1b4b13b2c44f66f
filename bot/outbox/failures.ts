// The operator's list of messages that could not be delivered (dead or uncertain): ids, kinds,
// recipients and error codes — never content. What no admin could be told stays on it.
import type { Db } from "../db/client.js";

export interface OutboxFailure {
  id: string;
  schoolId: string;
  kind: string;
  recipientStaffId: string;
  status: string;
  attempts: number;
  lastError: string | null;
  dueAt: Date;
  reportedAt: Date | null;
}

export async function listFailures(db: Db, filter: { schoolId?: string; unreportedOnly?: boolean } = {}): Promise<OutboxFailure[]> {
  return db.outboxMessage.findMany({
    where: {
      status: { in: ["dead", "uncertain"] },
      ...(filter.schoolId ? { schoolId: filter.schoolId } : {}),
      ...(filter.unreportedOnly ? { reportedAt: null } : {}),
    },
    select: { id: true, schoolId: true, kind: true, recipientStaffId: true, status: true, attempts: true, lastError: true, dueAt: true, reportedAt: true },
    orderBy: { dueAt: "asc" },
  });
}

export function formatFailures(failures: OutboxFailure[]): string[] {
  if (!failures.length) return ["no undelivered messages"];
  const lines = [["id", "status", "kind", "recipient", "attempts", "error", "due (UTC)", "reported"].join("\t")];
  for (const f of failures) {
    lines.push(
      [
        f.id,
        f.status,
        f.kind,
        f.recipientStaffId,
        f.attempts,
        f.lastError ?? "-",
        f.dueAt.toISOString(),
        f.reportedAt ? f.reportedAt.toISOString() : "NOT REPORTED",
      ].join("\t"),
    );
  }
  lines.push(`${failures.length} undelivered, ${failures.filter((f) => !f.reportedAt).length} not reported to an admin`);
  return lines;
}

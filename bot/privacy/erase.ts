// Erasure of one pupil (AVG art. 17, and the retention job): every row about the pupil goes, in
// one transaction; audit rows stay as proof that something happened but lose the pupil's
// identity; a receipt with counts (no personal data) is kept. Then the database files are
// scrubbed, so the deleted bytes do not linger in free pages or the write-ahead log.
import type { Db, Tx } from "../db/client.js";
import { directSqlOf } from "../db/direct-sql.js";
import { inTransaction } from "../db/transaction.js";
import { recordAudit } from "../audit.js";
import { NotFoundError } from "../errors.js";
import { bundleLines, collectPupilData, countPupilData, type PupilData } from "./pupil-data.js";
import { RETENTION_NOTICE, RetentionNoticePayload } from "./retention-notice.js";

export interface ErasureInput {
  schoolId: string;
  pupilId: string;
  actorStaffId: string | null;
  /** Who asked, in a word: "cli", "chat", "retention". */
  actorLabel: string;
  reason: "request" | "retention";
  now?: Date;
}

export interface ErasureReceiptView {
  id: string;
  schoolId: string;
  erasedAt: Date;
  actorStaffId: string | null;
  actorLabel: string;
  reason: string;
  counts: Record<string, number>;
}

/** What an erasure would remove, without removing it (the dry run). */
export async function planErasure(db: Db, pupilId: string): Promise<Record<string, number>> {
  return countPupilData(await collectPupilData(db, pupilId));
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

async function removeRows(tx: Tx, data: PupilData): Promise<void> {
  const pupilId = data.pupil.id;
  // A retention notice lists several pupils: drop this one from it, keep it for the others.
  for (const m of data.outbox) {
    const notice = m.kind === RETENTION_NOTICE ? RetentionNoticePayload.safeParse(parseJson(m.payload)) : null;
    const others = notice?.success ? notice.data.pupils.filter((p) => p.pupilId !== pupilId) : [];
    // A teacher's daily list names other pupils too: only this pupil's lines go. The row stays,
    // also once sent, because it is what tells the producer the others' lines went out already.
    const bundle = bundleLines(m, data.recordIds);
    if (notice?.success && others.length > 0 && m.status === "pending") {
      await tx.outboxMessage.update({ where: { id: m.id }, data: { payload: JSON.stringify({ ...notice.data, pupils: others }) } });
      // The key held no pupil id (it is per school, day and admin), so nothing else to change.
    } else if (bundle && bundle.others.length > 0) {
      await tx.outboxMessage.update({ where: { id: m.id }, data: { payload: JSON.stringify({ ...bundle.payload, items: bundle.others }) } });
    } else {
      await tx.outboxMessage.delete({ where: { id: m.id } });
    }
  }
  await tx.dialogSession.deleteMany({ where: { id: { in: data.sessions.map((s) => s.id) } } });
  // Links of the school's staff that name no pupil may still hold this pupil (an invitation):
  // they live an hour; they go too.
  const staffIds = (await tx.staff.findMany({ where: { schoolId: data.pupil.schoolId }, select: { id: true } })).map((s) => s.id);
  await tx.fileLink.deleteMany({ where: { OR: [{ pupilId }, { pupilId: null, staffId: { in: staffIds } }] } });
  // In every school: another school's refused attempt on this pupil's id names the pupil too.
  await tx.auditEvent.updateMany({ where: { OR: [{ pupilId }, { entityId: { in: data.auditIds } }] }, data: { pupilId: null, entityId: null } });
  // Evaluations, agreements, goals, notes, conversations (and their teachers) and IB assignments
  // go with the pupil by their foreign keys (onDelete: Cascade); deleting them first keeps that
  // independent of the cascade for the records that name the pupil directly.
  await tx.evaluation.deleteMany({ where: { id: { in: data.evaluations.map((e) => e.id) } } });
  await tx.agreement.deleteMany({ where: { pupilId } });
  await tx.goal.deleteMany({ where: { pupilId } });
  await tx.note.deleteMany({ where: { pupilId } });
  await tx.conversation.deleteMany({ where: { pupilId } });
  // Next school year's staged roster names the pupil by the administration's id.
  await tx.stagedPlacement.deleteMany({ where: { id: { in: data.staged.map((s) => s.id) } } });
  await tx.pupil.delete({ where: { id: pupilId } });
}

/**
 * Makes deleted rows unrecoverable from the database files where the database allows it.
 * SQLite: secure_delete is on for every connection (client.ts), VACUUM rewrites the file without
 * free pages, and a TRUNCATE checkpoint empties the write-ahead log. PostgreSQL: VACUUM marks the
 * dead rows' space for reuse (they are overwritten over time, not at once); see docs/privacy.md.
 */
export async function scrubStorage(db: Db): Promise<void> {
  const sql = directSqlOf(db);
  if (sql.provider === "sqlite") {
    await sql.run("PRAGMA secure_delete = ON");
    await sql.run("VACUUM");
    await sql.rows("PRAGMA wal_checkpoint(TRUNCATE)");
    return;
  }
  await sql.run(
    `VACUUM (ANALYZE) "Pupil", "Conversation", "Goal", "Agreement", "Evaluation", "Note", "DialogSession", "OutboxMessage", "FileLink", "AuditEvent", "PupilSupport", "ConversationTeacher"`,
  );
}

export async function erasePupil(db: Db, input: ErasureInput, options: { scrub?: boolean } = {}): Promise<ErasureReceiptView> {
  const now = input.now ?? new Date();
  const receipt = await inTransaction(db, async (tx) => {
    const data = await collectPupilData(tx, input.pupilId);
    if (data.pupil.schoolId !== input.schoolId) throw new NotFoundError("pupil");
    const counts = countPupilData(data);
    await removeRows(tx, data);
    const row = await tx.erasureReceipt.create({
      data: {
        schoolId: input.schoolId,
        actorStaffId: input.actorStaffId,
        actorLabel: input.actorLabel,
        reason: input.reason,
        counts: JSON.stringify(counts),
        erasedAt: now,
      },
    });
    await recordAudit(tx, { schoolId: input.schoolId, actorStaffId: input.actorStaffId, action: "erase", entity: "erasure_receipt", entityId: row.id });
    return { ...row, counts };
  });
  if (options.scrub !== false) await scrubStorage(db);
  return receipt;
}

export function formatReceipt(r: ErasureReceiptView): string[] {
  return [
    `erasure receipt ${r.id}`,
    `  school:     ${r.schoolId}`,
    `  erased at:  ${r.erasedAt.toISOString()}`,
    `  by:         ${r.actorStaffId ?? r.actorLabel} (${r.actorLabel})`,
    `  reason:     ${r.reason}`,
    ...Object.entries(r.counts).map(([k, v]) => `  ${k.padEnd(16)}${v}`),
  ];
}

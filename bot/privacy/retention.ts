// Retention per school: a pupil who left is erased `pupilRetentionMonths` after leaving (default
// 24), and audit rows are deleted `auditRetentionMonths` after they were written (default 24).
// The school admins hear a month ahead which pupils are due (no pupil is erased without that
// month's notice), and afterwards what was erased.
// Run daily by the scheduler (bot/ops/nightly-job.ts) and by `npm run cli -- retention [--dry-run]`.
import { createHash } from "node:crypto";
import { activeAdminsOf } from "../auth/policy.js";
import type { Db } from "../db/client.js";
import { localDate } from "../domain/local-time.js";
import { enqueue } from "../outbox/outbox.js";
import { erasePupil, scrubStorage, type ErasureReceiptView } from "./erase.js";
import { RETENTION_NOTICE, RETENTION_REPORT } from "./retention-notice.js";

export const NOTICE_DAYS_AHEAD = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant `months` calendar months after `from` (UTC; the 31st becomes the month's last day). */
export function addMonths(from: Date, months: number): Date {
  const d = new Date(from.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** When a pupil who left at `leftAt` is due for erasure, and from when the admin is told. */
export function retentionDates(leftAt: Date, months: number): { eraseAt: Date; noticeFrom: Date } {
  const eraseAt = addMonths(leftAt, months);
  return { eraseAt, noticeFrom: new Date(eraseAt.getTime() - NOTICE_DAYS_AHEAD * DAY_MS) };
}

/**
 * The moment a pupil is actually erased: never before the retention date, and never sooner than
 * a month after the admin was told (`noticeAt`; null: not told yet, so it would be told `now`).
 * Normally the notice goes out a month ahead and this is the retention date itself; after a
 * shortened setting or a job that did not run, erasure waits for the month's notice.
 */
export function erasureMoment(eraseAt: Date, noticeAt: Date | null, now: Date): Date {
  const told = noticeAt ?? now;
  return new Date(Math.max(eraseAt.getTime(), told.getTime() + NOTICE_DAYS_AHEAD * DAY_MS));
}

export interface RetentionPupil {
  pupilId: string;
  externalId: string;
  eraseOn: string;
}

export interface SchoolRetention {
  schoolId: string;
  schoolName: string;
  pupilRetentionMonths: number;
  auditRetentionMonths: number;
  /** Past their date: erased now (or, in a dry run, would be). */
  due: RetentionPupil[];
  /** Within the notice period: erased within a month. */
  upcoming: RetentionPupil[];
  /** Left, but not yet within a month of their date. */
  later: RetentionPupil[];
  receipts: ErasureReceiptView[];
  noticesQueued: number;
  /** Pupils whose notice could not go out (the school has no active admin): not erased until one is told. */
  untold: RetentionPupil[];
  auditRowsDeleted: number;
}

export interface RetentionOptions {
  now: Date;
  dryRun?: boolean;
  schoolId?: string;
}

export async function runRetention(db: Db, options: RetentionOptions): Promise<SchoolRetention[]> {
  const { now } = options;
  const schools = await db.school.findMany({ where: options.schoolId ? { id: options.schoolId } : {}, orderBy: { name: "asc" } });
  const results: SchoolRetention[] = [];
  let erasedAny = false;
  for (const school of schools) {
    const left = await db.pupil.findMany({
      where: { schoolId: school.id, active: false, leftAt: { not: null } },
      select: { id: true, externalId: true, leftAt: true, retentionNoticeAt: true },
      orderBy: { leftAt: "asc" },
    });
    const result: SchoolRetention = {
      schoolId: school.id,
      schoolName: school.name,
      pupilRetentionMonths: school.pupilRetentionMonths,
      auditRetentionMonths: school.auditRetentionMonths,
      due: [],
      upcoming: [],
      later: [],
      receipts: [],
      noticesQueued: 0,
      untold: [],
      auditRowsDeleted: 0,
    };
    const toNotify: RetentionPupil[] = [];
    for (const p of left) {
      const { eraseAt, noticeFrom } = retentionDates(p.leftAt!, school.pupilRetentionMonths);
      // Told once per time the pupil left (a pupil who came back and left again is told again).
      const noticeAt = p.retentionNoticeAt && p.retentionNoticeAt >= p.leftAt! ? p.retentionNoticeAt : null;
      const moment = erasureMoment(eraseAt, noticeAt, now);
      const entry = { pupilId: p.id, externalId: p.externalId, eraseOn: localDate(moment, school.timezone) };
      if (noticeAt && moment <= now) result.due.push(entry);
      else if (noticeFrom <= now) {
        result.upcoming.push(entry);
        if (!noticeAt) toNotify.push(entry);
      } else result.later.push(entry);
    }
    // Who is told; without an active admin nobody can be told a month ahead: said in a dry run too.
    const admins = await db.staff.findMany({ where: activeAdminsOf(school.id), select: { id: true } });
    if (admins.length === 0) result.untold = toNotify;
    const auditCutoff = addMonths(now, -school.auditRetentionMonths);
    if (options.dryRun) {
      result.auditRowsDeleted = await db.auditEvent.count({ where: { schoolId: school.id, at: { lt: auditCutoff } } });
      results.push(result);
      continue;
    }
    for (const p of result.due) {
      try {
        result.receipts.push(
          await erasePupil(
            db,
            { schoolId: school.id, pupilId: p.pupilId, actorStaffId: null, actorLabel: "retention", reason: "retention", now },
            { scrub: false },
          ),
        );
        erasedAny = true;
      } catch (error) {
        // Another instance erased it first: nothing left to do for this pupil.
        if ((await db.pupil.count({ where: { id: p.pupilId } })) > 0) throw error;
      }
    }
    result.auditRowsDeleted = (await db.auditEvent.deleteMany({ where: { schoolId: school.id, at: { lt: auditCutoff } } })).count;
    result.noticesQueued = await notifyAdmins(db, admins, school.id, now, school.timezone, toNotify, result.receipts, school.pupilRetentionMonths);
    results.push(result);
  }
  if (erasedAny) await scrubStorage(db);
  return results;
}

async function notifyAdmins(
  db: Db,
  admins: readonly { id: string }[],
  schoolId: string,
  now: Date,
  timezone: string,
  toNotify: RetentionPupil[],
  receipts: ErasureReceiptView[],
  months: number,
): Promise<number> {
  if (toNotify.length === 0 && receipts.length === 0) return 0;
  const today = localDate(now, timezone);
  // Keyed per school, day, admin and these pupils (a digest, never their ids): a run that failed
  // half-way sends the same notice once, and a second run that day with other pupils sends its own
  // (one key per day named only the first run's pupils, and marked the others told).
  const pupilsDigest = createHash("sha256")
    .update(
      toNotify
        .map((p) => p.pupilId)
        .sort()
        .join(","),
    )
    .digest("hex")
    .slice(0, 16);
  let queued = 0;
  for (const admin of admins) {
    if (toNotify.length) {
      const added = await enqueue(db, {
        schoolId,
        recipientStaffId: admin.id,
        kind: RETENTION_NOTICE,
        payload: { pupils: toNotify.map((p) => ({ pupilId: p.pupilId, eraseOn: p.eraseOn })), months },
        dueAt: now,
        idempotencyKey: `${RETENTION_NOTICE}:${schoolId}:${today}:${admin.id}:${pupilsDigest}`,
      });
      if (added) queued++;
    }
    if (receipts.length) {
      const added = await enqueue(db, {
        schoolId,
        recipientStaffId: admin.id,
        kind: RETENTION_REPORT,
        payload: { receiptIds: receipts.map((r) => r.id) },
        dueAt: now,
        idempotencyKey: `${RETENTION_REPORT}:${receipts[0]!.id}:${admin.id}`,
      });
      if (added) queued++;
    }
  }
  // Told only when a notice names them: without an active admin nobody is, and the month's notice
  // (and so the erasure) waits until an admin exists.
  if (toNotify.length && admins.length) await db.pupil.updateMany({ where: { id: { in: toNotify.map((p) => p.pupilId) } }, data: { retentionNoticeAt: now } });
  return queued;
}

/** Lines for the operator: pupil ids and dates, never names. */
export function formatRetention(results: SchoolRetention[], dryRun: boolean): string[] {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(
      `${r.schoolName} (${r.schoolId}): pupils erased ${r.pupilRetentionMonths} months after leaving, audit rows after ${r.auditRetentionMonths} months`,
    );
    const verb = dryRun ? "would be erased now" : "erased now";
    for (const p of r.due) lines.push(`  ${verb}: pupil ${p.externalId} (due ${p.eraseOn})`);
    const untold = new Set(r.untold.map((p) => p.pupilId));
    for (const p of r.upcoming)
      lines.push(
        untold.has(p.pupilId)
          ? `  NOT ERASED YET: pupil ${p.externalId}: the school has no active admin to tell a month ahead; erased a month after one is told`
          : `  erased on ${p.eraseOn} (admin told a month ahead): pupil ${p.externalId}`,
      );
    for (const p of r.later) lines.push(`  erased on ${p.eraseOn}: pupil ${p.externalId}`);
    lines.push(`  audit rows ${dryRun ? "that would be deleted" : "deleted"}: ${r.auditRowsDeleted}`);
    for (const receipt of r.receipts) lines.push(`  erasure receipt ${receipt.id}`);
    if (!dryRun && r.noticesQueued) lines.push(`  messages to admins queued: ${r.noticesQueued}`);
  }
  return lines;
}

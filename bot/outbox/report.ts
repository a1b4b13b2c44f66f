// Undeliverable messages are never dropped silently: each dead or uncertain message is reported
// to the school's admins through the outbox itself (kind `undeliverable_report`), and marked
// reported once one admin has the report. Whatever no admin could be told stays listed by
// `npm run cli -- outbox-failures`.
//
// Reports wait a little (reportDelayMs) and the first one sent to an admin takes the admin's
// other queued reports along: when the app is removed for a whole school, the admin gets one
// list, not a message per failed reminder.
import type { Db, Tx } from "../db/client.js";
import { activeAdminsOf } from "../auth/policy.js";
import { localDate } from "../domain/local-time.js";
import { Locale } from "../domain/vocabulary.js";
import type { BotReply } from "../channel/types.js";
import { enqueue } from "./outbox.js";
import type { OutboxRow } from "./claims.js";
import { isMessageKey, translate } from "../i18n/translate.js";

export const UNDELIVERABLE_REPORT = "undeliverable_report";
export const DEFAULT_REPORT_DELAY_MS = 60_000;
/** At most this many failures in one report; more follow in the next. */
const MAX_FOLDED = 30;

export type FailureReason = "blocked" | "not_found" | "no_address" | "uncertain" | "exhausted";

interface ReportPayload {
  messageId: string;
  reason: FailureReason;
}

/**
 * Queues a report about a failed message to every active admin of its school except its own
 * recipient. A failed report is not reported again (it stays listed for the operator).
 */
export async function queueFailureReports(tx: Tx, failed: OutboxRow, reason: FailureReason, dueAt: Date): Promise<number> {
  if (failed.kind === UNDELIVERABLE_REPORT) return 0;
  const admins = await tx.staff.findMany({
    where: { ...activeAdminsOf(failed.schoolId), id: { not: failed.recipientStaffId } },
    select: { id: true },
  });
  let queued = 0;
  for (const admin of admins) {
    const payload: ReportPayload = { messageId: failed.id, reason };
    const added = await enqueue(tx, {
      schoolId: failed.schoolId,
      recipientStaffId: admin.id,
      kind: UNDELIVERABLE_REPORT,
      subjectId: failed.id,
      payload,
      dueAt,
      idempotencyKey: `${UNDELIVERABLE_REPORT}:${failed.id}:${admin.id}`,
    });
    if (added) queued++;
  }
  return queued;
}

const foldedInto = (reportId: string) => `folded:${reportId}`;

/** A report reached its admin: its failed message, and those it took along, count as reported. */
export async function markReported(db: Db, report: OutboxRow, now: Date): Promise<void> {
  const folded = await db.outboxMessage.findMany({ where: { kind: UNDELIVERABLE_REPORT, lastError: foldedInto(report.id) }, select: { subjectId: true } });
  const ids = [report.subjectId, ...folded.map((f) => f.subjectId)].filter((id): id is string => !!id);
  await db.outboxMessage.updateMany({ where: { id: { in: ids }, reportedAt: null }, data: { reportedAt: now } });
}

function payloadOf(value: unknown): ReportPayload | null {
  const p = (typeof value === "string" ? safeParse(value) : value) as Partial<ReportPayload> | null;
  return p && typeof p.messageId === "string" && typeof p.reason === "string" ? (p as ReportPayload) : null;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Takes this admin's other queued reports into this one (they are cancelled, marked as folded). */
async function foldQueuedReports(db: Db, report: OutboxRow): Promise<ReportPayload[]> {
  const queued = await db.outboxMessage.findMany({
    where: { kind: UNDELIVERABLE_REPORT, recipientStaffId: report.recipientStaffId, status: "pending", id: { not: report.id } },
    orderBy: { dueAt: "asc" },
    take: MAX_FOLDED,
    select: { id: true },
  });
  if (queued.length) {
    // Only rows still pending: one another worker claimed meanwhile is sent on its own.
    await db.outboxMessage.updateMany({
      where: { id: { in: queued.map((q) => q.id) }, status: "pending" },
      data: { status: "cancelled", lastError: foldedInto(report.id) },
    });
  }
  const folded = await db.outboxMessage.findMany({ where: { kind: UNDELIVERABLE_REPORT, lastError: foldedInto(report.id) }, select: { payload: true } });
  return folded.map((f) => payloadOf(f.payload)).filter((p): p is ReportPayload => !!p);
}

/** Renders the report in the admin's language; null when every failure in it resolved meanwhile. */
export async function renderUndeliverableReport(row: OutboxRow, db: Db): Promise<BotReply[] | null> {
  const own = payloadOf(row.payload);
  if (!own) return null;
  const payloads = [own, ...(await foldQueuedReports(db, row))];
  const reasonOf = new Map(payloads.map((p) => [p.messageId, p.reason]));
  // A late success (an uncertain send that did complete) needs no report.
  const failed = await db.outboxMessage.findMany({
    where: { id: { in: [...reasonOf.keys()] }, status: { in: ["dead", "uncertain"] } },
    include: { school: true },
    orderBy: { dueAt: "asc" },
  });
  if (!failed.length) return null;
  const [admin, recipients] = await Promise.all([
    db.staff.findUnique({ where: { id: row.recipientStaffId }, select: { locale: true } }),
    db.staff.findMany({ where: { id: { in: failed.map((f) => f.recipientStaffId) } }, select: { id: true, displayName: true } }),
  ]);
  const parsed = Locale.safeParse(admin?.locale ?? failed[0]!.school.locale);
  const locale: Locale = parsed.success ? parsed.data : "nl";
  const nameOf = new Map(recipients.map((r) => [r.id, r.displayName]));
  const varsOf = (f: (typeof failed)[number]) => ({
    name: nameOf.get(f.recipientStaffId) ?? f.recipientStaffId,
    what: kindName(f.kind, locale),
    date: localDate(f.dueAt, f.school.timezone),
    attempts: f.attempts,
  });
  if (failed.length === 1) {
    const f = failed[0]!;
    const reason = reasonOf.get(f.id) ?? "exhausted";
    return [{ text: `${translate(locale, "report.intro", varsOf(f))}\n\n${translate(locale, `report.${reason}`, varsOf(f))}` }];
  }
  const lines = failed.map((f) =>
    translate(locale, "report.line", { ...varsOf(f), reason: translate(locale, `report.reason.${reasonOf.get(f.id) ?? "exhausted"}`) }),
  );
  return [{ text: [translate(locale, "report.many", { count: failed.length }), ...lines, "", translate(locale, "report.manyAdvice")].join("\n") }];
}

/** A message kind in words; an unknown kind is shown as its code. */
function kindName(kind: string, locale: Locale): string {
  const key = `report.kind.${kind}`;
  return isMessageKey(key) ? translate(locale, key) : kind;
}

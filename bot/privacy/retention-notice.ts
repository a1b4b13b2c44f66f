// The retention job's messages to school admins, through the outbox. The payload holds pupil ids
// and dates only; names are read at send time, and a pupil erased meanwhile is simply left out.
import { z } from "zod";
import type { Db } from "../db/client.js";
import type { OutboxRenderer } from "../outbox/worker.js";
import { Locale } from "../domain/vocabulary.js";
import { translatorFor } from "../i18n/translate.js";

export const RETENTION_NOTICE = "retention_notice";
export const RETENTION_REPORT = "retention_report";

export const RetentionNoticePayload = z.object({
  pupils: z.array(z.object({ pupilId: z.string(), eraseOn: z.string() })).min(1),
  months: z.number().int().positive().optional(),
});
export const RetentionReportPayload = z.object({ receiptIds: z.array(z.string()).min(1) });

async function recipientLocale(db: Db, staffId: string): Promise<Locale> {
  const staff = await db.staff.findUnique({ where: { id: staffId }, select: { locale: true, active: true, school: { select: { locale: true } } } });
  return Locale.catch("nl").parse(staff?.locale ?? staff?.school.locale);
}

const renderNotice: OutboxRenderer = async (message, db) => {
  const payload = RetentionNoticePayload.safeParse(message.payload);
  if (!payload.success) return null;
  const pupils = await db.pupil.findMany({
    where: { id: { in: payload.data.pupils.map((p) => p.pupilId) }, schoolId: message.schoolId, active: false },
    select: { id: true, externalId: true, firstName: true, lastName: true },
  });
  if (pupils.length === 0) return null;
  const t = translatorFor(await recipientLocale(db, message.recipientStaffId));
  const eraseOn = new Map(payload.data.pupils.map((p) => [p.pupilId, p.eraseOn]));
  const lines = pupils.map((p) => t("retention.noticeLine", { name: `${p.firstName} ${p.lastName}`, id: p.externalId, date: eraseOn.get(p.id) ?? "" }));
  return [{ text: [t("retention.notice", { count: pupils.length, months: payload.data.months ?? 24 }), ...lines, t("retention.noticeAdvice")].join("\n") }];
};

const renderReport: OutboxRenderer = async (message, db) => {
  const payload = RetentionReportPayload.safeParse(message.payload);
  if (!payload.success) return null;
  const t = translatorFor(await recipientLocale(db, message.recipientStaffId));
  return [{ text: t("retention.report", { count: payload.data.receiptIds.length, receipts: payload.data.receiptIds.join(", ") }) }];
};

export const retentionRenderers: Record<string, OutboxRenderer> = { [RETENTION_NOTICE]: renderNotice, [RETENTION_REPORT]: renderReport };

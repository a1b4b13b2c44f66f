// The message a teacher gets when a new school year gave them a group with pupils from last year's
// groups. The payload holds the group id only; names and counts are read at send time, and a
// teacher no longer linked to the group gets nothing.
import { z } from "zod";
import type { Db } from "../db/client.js";
import { Locale } from "../domain/vocabulary.js";
import { translatorFor } from "../i18n/translate.js";
import type { OutboxRenderer } from "../outbox/worker.js";

export const HANDOVER_NOTICE = "handover_notice";

const Payload = z.object({ groupId: z.string() });

const renderHandoverNotice: OutboxRenderer = async (message, db: Db) => {
  const payload = Payload.safeParse(message.payload);
  if (!payload.success) return null;
  const { groupId } = payload.data;
  const link = await db.groupTeacher.findUnique({
    where: { groupId_staffId: { groupId, staffId: message.recipientStaffId } },
    select: {
      group: { select: { name: true, schoolYear: true, archivedAt: true } },
      staff: { select: { locale: true, school: { select: { locale: true } } } },
    },
  });
  if (!link || link.group.archivedAt) return null;
  const open = await db.pupil.count({ where: { groupId, active: true, goals: { some: { status: "open" } } } });
  const t = translatorFor(Locale.catch("nl").parse(link.staff.locale ?? link.staff.school.locale));
  const vars = { year: link.group.schoolYear, group: link.group.name };
  return [{ text: open > 0 ? t("handover.notice", { ...vars, count: open }) : t("handover.noticeNothingOpen", vars) }];
};

export const handoverRenderers: Record<string, OutboxRenderer> = { [HANDOVER_NOTICE]: renderHandoverNotice };

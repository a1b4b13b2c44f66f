// What a leerlingbespreking (the meeting of teacher and IB'er, without the pupil) sets in motion
// besides its own record: the IB'ers who may evaluate its educational goal, the proposed kindgesprek
// in which the pupil explains their own approach, and the message to the pupil's assigned IB'er.
// The message goes through the outbox with ids only and is written at send time in her language.
import { z } from "zod";
import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit.js";
import type { Db, Tx } from "../db/client.js";
import { buttonFor } from "../domain/actions.js";
import { DISCUSSED_STATUS, Locale } from "../domain/vocabulary.js";
import { translatorFor } from "../i18n/translate.js";
import { enqueue } from "../outbox/outbox.js";
import type { OutboxRenderer } from "../outbox/worker.js";
import { linkTeacher } from "./conversations.js";
import { syncRoundMembership } from "./round-membership.js";

export const REVIEW_RECORDED = "review_recorded";

/** The active IB'ers assigned to the pupil: they may be chosen as the educational goal's evaluator. */
export async function listPupilSupporters(db: Db | Tx, pupilId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db.pupilSupport.findMany({
    where: { pupilId, staff: { active: true, roles: { some: { role: "ib" } } } },
    select: { staff: { select: { id: true, displayName: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ id: r.staff.id, name: r.staff.displayName }));
}

export interface KindgesprekProposal {
  /** Why the conversation is held: the educational goal it serves. */
  reason: string;
  /** What the pupil will explain: their own approach. */
  aim: string;
  questions: string[];
}

interface StoredPreparation {
  aim?: { reason?: string; aim?: string };
  questions?: { questions?: string };
  plannedQuestions?: string[];
  proposal?: { reviewId: string };
}

/**
 * The proposed kindgesprek: a planned conversation whose preparation holds the reason, the aim and
 * the questions (under the preparation dialog's own step ids), so the teacher finds them when she
 * next prepares or holds a conversation with this pupil. A conversation already pending gets the
 * questions added and keeps its own aim. Returns the pending conversation's id.
 */
export async function proposeKindgesprek(
  tx: Tx,
  actor: Actor,
  input: { pupilId: string; reviewId: string; formatKey: string; formatVersion: number; proposal: KindgesprekProposal },
): Promise<string> {
  const pupil = await tx.pupil.findUniqueOrThrow({
    where: { id: input.pupilId },
    select: { groupId: true, group: { select: { teachers: { select: { staffId: true, staff: { select: { active: true } } } } } } },
  });
  const { reason, aim, questions } = input.proposal;
  const pending = await tx.conversation.findFirst({
    where: { pupilId: input.pupilId, status: { in: ["planned", "prepared"] } },
    orderBy: { createdAt: "desc" },
  });
  let conversationId: string;
  if (pending) {
    const prep = JSON.parse(pending.preparation) as StoredPreparation;
    const planned = [...(prep.plannedQuestions ?? []), ...questions.filter((q) => !prep.plannedQuestions?.includes(q))];
    const merged: StoredPreparation = {
      ...prep,
      aim: prep.aim?.aim ? prep.aim : { reason, aim },
      questions: { questions: planned.join("\n") },
      plannedQuestions: planned,
      proposal: { reviewId: input.reviewId },
    };
    await tx.conversation.update({ where: { id: pending.id }, data: { preparation: JSON.stringify(merged) } });
    conversationId = pending.id;
  } else {
    const preparation: StoredPreparation = {
      aim: { reason, aim },
      questions: { questions: questions.join("\n") },
      plannedQuestions: questions,
      proposal: { reviewId: input.reviewId },
    };
    const created = await tx.conversation.create({
      data: {
        schoolId: actor.schoolId,
        pupilId: input.pupilId,
        groupId: pupil.groupId,
        formatKey: input.formatKey,
        formatVersion: input.formatVersion,
        status: "planned",
        preparation: JSON.stringify(preparation),
        createdById: actor.staffId,
      },
    });
    conversationId = created.id;
    await syncRoundMembership(tx, actor.schoolId, { conversationIds: [conversationId] });
  }
  // The conversation is the teacher's: the IB'er who recorded the meeting hands it to the group's teachers.
  const teachers = (pupil.group?.teachers ?? []).filter((t) => t.staff.active).map((t) => t.staffId);
  for (const staffId of teachers.includes(actor.staffId) || teachers.length === 0 ? [actor.staffId] : teachers) {
    await linkTeacher(tx, conversationId, staffId);
  }
  await recordAudit(tx, {
    schoolId: actor.schoolId,
    actorStaffId: actor.staffId,
    action: pending ? "update" : "create",
    entity: "conversation",
    entityId: conversationId,
    pupilId: input.pupilId,
  });
  return conversationId;
}

/**
 * Tells the pupil's assigned IB'ers (not the one who recorded it) that the meeting was recorded.
 * The key makes it once per meeting and IB'er, however often this runs. Returns the recipients.
 */
export async function notifySupporters(tx: Tx, actor: Actor, input: { conversationId: string; pupilId: string; now: Date }): Promise<string[]> {
  const supporters = (await listPupilSupporters(tx, input.pupilId)).filter((s) => s.id !== actor.staffId);
  for (const s of supporters) {
    await enqueue(tx, {
      schoolId: actor.schoolId,
      recipientStaffId: s.id,
      kind: REVIEW_RECORDED,
      subjectId: input.conversationId,
      payload: { conversationId: input.conversationId },
      dueAt: input.now,
      idempotencyKey: `${REVIEW_RECORDED}:${input.conversationId}:${s.id}`,
    });
  }
  return supporters.map((s) => s.name);
}

const Payload = z.object({ conversationId: z.string() });

/** Written at send time: nothing when the meeting is gone or she no longer supports the pupil. */
const renderReviewRecorded: OutboxRenderer = async (message, db: Db) => {
  const payload = Payload.safeParse(message.payload);
  if (!payload.success) return null;
  const c = await db.conversation.findUnique({
    where: { id: payload.data.conversationId },
    select: {
      id: true,
      status: true,
      pupilId: true,
      createdById: true,
      pupil: { select: { firstName: true, lastName: true, group: { select: { name: true } } } },
    },
  });
  if (!c || c.status !== DISCUSSED_STATUS || !c.pupilId || !c.pupil) return null;
  const support = await db.pupilSupport.findUnique({
    where: { pupilId_staffId: { pupilId: c.pupilId, staffId: message.recipientStaffId } },
    select: { staff: { select: { active: true, locale: true, school: { select: { locale: true } } } } },
  });
  if (!support?.staff.active) return null;
  const author = await db.staff.findUnique({ where: { id: c.createdById }, select: { displayName: true } });
  const t = translatorFor(Locale.catch("nl").parse(support.staff.locale ?? support.staff.school.locale));
  const pupil = `${c.pupil.firstName} ${c.pupil.lastName}`;
  const text = t("review.notice", { teacher: author?.displayName ?? "—", pupil, group: c.pupil.group?.name ?? "—", firstName: c.pupil.firstName });
  return [{ text, actions: [buttonFor(t("review.notice.read"), "viewConversation", { conversationId: c.id })] }];
};

export const reviewRenderers: Record<string, OutboxRenderer> = { [REVIEW_RECORDED]: renderReviewRecorded };

// Conversations and their outcomes: preparation, the held conversation, goals and agreements.
import type { Db, Tx } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { checkPupilAccess } from "../auth/access.js";
import { canWritePupilContent } from "../auth/policy.js";
import { recordAudit } from "../audit.js";
import { ForbiddenError, NotFoundError } from "../errors.js";
import { prereadPupilContext, readPupilContext, type PupilContextPreread } from "./pupil-context-query.js";
import { CALENDAR_ORDER, calendarQuery, type CalendarReadAlong } from "./school-calendar.js";
import { syncRoundMembership } from "./round-membership.js";
import type { DISCUSSED_STATUS } from "../domain/vocabulary.js";

export interface GoalEvaluationSummary {
  outcome: string;
  note: string | null;
  nextStep: string | null;
  evaluatedAt: Date;
}

export interface PupilContext {
  pupil: { id: string; firstName: string; lastName: string };
  group: {
    id: string;
    name: string;
    bouw: string;
    schoolId: string;
    formatKey: string | null;
    /** The school's default format for this bouw, if read along (see defaultFormatKey); undefined: not read. */
    schoolFormatKey?: string | null;
  } | null;
  /** Teachers of the pupil's group (and the actor): who can evaluate a goal. */
  evaluators: { id: string; name: string }[];
  openGoals: {
    id: string;
    goalText: string;
    evaluationDate: string | null;
    agreements: { who: string; what: string; whenText: string }[];
    latestEvaluation: GoalEvaluationSummary | null;
  }[];
  /** Goals closed by an evaluation since the last held conversation: they come back too. */
  evaluatedSinceLast: { id: string; goalText: string; status: string; latestEvaluation: GoalEvaluationSummary }[];
  /** A planned or prepared conversation not yet held, to continue from. */
  pending: { id: string; formatKey: string; formatVersion: number; plannedAt: Date | null; preparation: string; roundId: string | null } | null;
  /** Agreements of the last held conversation: they come back at the start of the next one. */
  lastAgreements: { who: string; what: string; whenText: string }[];
  /** The school calendar asked for with `calendarFor`, when read in the same statement (PostgreSQL); else undefined. */
  calendar?: CalendarReadAlong;
}

/**
 * `calendarFor`: staff whose working days a date in this dialog is checked against; on PostgreSQL
 * the actor's school calendar with their days is read in the same round trip (see loadSchoolDates).
 * `preread`: this pupil's context as the turn's first statement read it (pupilContextAlongActor).
 */
export async function loadPupilContext(
  db: Db,
  actor: Actor,
  pupilId: string,
  options: { calendarFor?: readonly string[]; preread?: PupilContextPreread } = {},
): Promise<PupilContext> {
  // Everything a dialog turn needs, in plain SQL (see pupil-context-query.ts); access is checked on what it returns.
  const calendarFor = options.calendarFor;
  // Read already by the turn's first statement (a card submission on PostgreSQL): no round trip.
  const preread = options.preread?.pupilId === pupilId ? options.preread : undefined;
  const along = calendarFor && !preread ? { ...calendarQuery(actor.schoolId, calendarFor), order: CALENDAR_ORDER } : undefined;
  const { row: pupil, schoolFormatKey, along: calendarRows } = preread ? prereadPupilContext(preread) : await readPupilContext(db, pupilId, along);
  // The school and the staff the calendar rows answer for (loadSchoolDates takes them only for that question).
  const calendarOf = preread ? { schoolId: String(pupil?.schoolId), staffIds: preread.calendarFor } : { schoolId: actor.schoolId, staffIds: calendarFor ?? [] };
  await checkPupilAccess(db, actor, pupil, pupilId, "write");
  if (!pupil) throw new NotFoundError("pupil");
  const lastHeld = pupil.conversations.find((c) => c.status === "held" || c.status === "evaluated");
  const pendingConversations = pupil.conversations
    .filter((c) => c.status === "planned" || c.status === "prepared")
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const evaluators = new Map<string, string>();
  for (const t of pupil.group?.teachers ?? []) if (t.staff.active) evaluators.set(t.staff.id, t.staff.displayName);
  if (!evaluators.has(actor.staffId)) {
    const me = await db.staff.findUnique({ where: { id: actor.staffId }, select: { displayName: true } });
    evaluators.set(actor.staffId, me?.displayName ?? "—");
  }
  const pending = pendingConversations[0];
  return {
    pupil: { id: pupil.id, firstName: pupil.firstName, lastName: pupil.lastName },
    group: pupil.group
      ? {
          id: pupil.group.id,
          name: pupil.group.name,
          bouw: pupil.group.bouw,
          schoolId: pupil.group.schoolId,
          formatKey: pupil.group.formatKey,
          ...(schoolFormatKey !== undefined ? { schoolFormatKey } : {}),
        }
      : null,
    evaluators: [...evaluators].map(([id, name]) => ({ id, name })),
    openGoals: pupil.goals
      .filter((g) => g.status === "open")
      .map((g) => ({
        id: g.id,
        goalText: g.goalText,
        evaluationDate: g.evaluationDate,
        agreements: g.agreements.map((a) => ({ who: a.who, what: a.what, whenText: a.whenText })),
        latestEvaluation: g.evaluations[0] ?? null,
      })),
    evaluatedSinceLast: pupil.goals.flatMap((g) => {
      const latest = g.evaluations[0];
      if (g.status === "open" || !latest) return [];
      if (lastHeld?.heldAt && latest.evaluatedAt <= lastHeld.heldAt) return [];
      return [{ id: g.id, goalText: g.goalText, status: g.status, latestEvaluation: latest }];
    }),
    pending: pending
      ? {
          id: pending.id,
          formatKey: pending.formatKey,
          formatVersion: pending.formatVersion,
          plannedAt: pending.plannedAt,
          preparation: pending.preparation,
          roundId: pending.roundId,
        }
      : null,
    lastAgreements: (lastHeld?.agreements ?? []).map((a) => ({ who: a.who, what: a.what, whenText: a.whenText })),
    ...(calendarFor && calendarRows ? { calendar: { ...calendarOf, rows: calendarRows } } : {}),
  };
}

export interface GroupContext {
  group: { id: string; name: string; bouw: string; schoolId: string; formatKey: string | null };
}

export async function loadGroupContext(db: Db, actor: Actor, groupId: string): Promise<GroupContext> {
  const group = await db.group.findUnique({ where: { id: groupId } });
  if (!group || group.schoolId !== actor.schoolId) throw new NotFoundError("group");
  if (!actor.groupIds.has(group.id)) throw new ForbiddenError("not a teacher of this group");
  return { group: { id: group.id, name: group.name, bouw: group.bouw, schoolId: group.schoolId, formatKey: group.formatKey } };
}

export async function linkTeacher(tx: Tx, conversationId: string, staffId: string): Promise<void> {
  await tx.conversationTeacher.upsert({
    where: { conversationId_staffId: { conversationId, staffId } },
    create: { conversationId, staffId },
    update: {},
  });
}

export interface PreparationInput {
  pupilId: string;
  conversationId: string | null;
  formatKey: string;
  formatVersion: number;
  plannedAt: Date | null;
  place: string | null;
  durationMinutes: number | null;
  preparation: unknown;
}

/** Stores a preparation: the pending conversation becomes "prepared", or a new one is created. */
export async function savePreparation(tx: Tx, actor: Actor, input: PreparationInput): Promise<string> {
  const pupil = await tx.pupil.findUnique({ where: { id: input.pupilId }, select: { groupId: true } });
  const data = {
    // The pupil's group now: with the date, it decides the conversation's round.
    groupId: pupil?.groupId ?? null,
    formatKey: input.formatKey,
    formatVersion: input.formatVersion,
    status: "prepared",
    plannedAt: input.plannedAt,
    place: input.place,
    durationMinutes: input.durationMinutes,
    preparation: JSON.stringify(input.preparation),
  };
  const existing = input.conversationId
    ? await tx.conversation.findFirst({ where: { id: input.conversationId, pupilId: input.pupilId, status: { in: ["planned", "prepared"] } } })
    : null;
  const conversation = existing
    ? await tx.conversation.update({ where: { id: existing.id }, data })
    : await tx.conversation.create({ data: { ...data, schoolId: actor.schoolId, pupilId: input.pupilId, createdById: actor.staffId } });
  await linkTeacher(tx, conversation.id, actor.staffId);
  await syncRoundMembership(tx, actor.schoolId, { conversationIds: [conversation.id] });
  await recordAudit(tx, {
    schoolId: actor.schoolId,
    actorStaffId: actor.staffId,
    action: existing ? "update" : "create",
    entity: "conversation",
    entityId: conversation.id,
    pupilId: input.pupilId,
  });
  return conversation.id;
}

/** What a goal says (the kindplan's parts), as recorded and as exported. */
export interface GoalContent {
  nowText: string | null;
  goalText: string;
  ownPlan: string | null;
  helpTeacher: string | null;
  helpParents: string | null;
  helpOther: string | null;
  successCriteria: string | null;
  evaluationDate: string | null;
}

export interface GoalInput extends GoalContent {
  evaluatorId: string | null;
  shareWithParents: boolean;
}

export interface AgreementInput {
  who: string;
  what: string;
  whenText: string;
  shareWithParents: boolean;
}

export interface HeldConversationInput {
  pupilId: string | null;
  groupId: string | null;
  conversationId: string | null;
  formatKey: string;
  formatVersion: number;
  answers: unknown;
  skills: string[];
  goals: GoalInput[];
  agreements: AgreementInput[];
  heldAt: Date;
  /** `discussed`: a meeting about the pupil without the pupil (never counted as a held kindgesprek). */
  status?: "held" | typeof DISCUSSED_STATUS;
}

/** Records a held conversation with its goals and agreements, in the caller's transaction. */
export async function recordHeldConversation(tx: Tx, actor: Actor, input: HeldConversationInput): Promise<string> {
  // A groepsgesprek is about the group it names; a pupil's conversation takes the pupil's group
  // now, which with the day decides its round.
  let groupId = input.groupId;
  if (input.pupilId) {
    const pupil = await tx.pupil.findUnique({ where: { id: input.pupilId }, select: { id: true, schoolId: true, groupId: true } });
    if (!pupil || !canWritePupilContent(actor, pupil)) throw new ForbiddenError("no write access to this pupil");
    groupId = pupil.groupId;
  } else if (!input.groupId || !actor.groupIds.has(input.groupId)) {
    throw new ForbiddenError("not a teacher of this group");
  }
  const data = {
    groupId,
    formatKey: input.formatKey,
    formatVersion: input.formatVersion,
    status: input.status ?? "held",
    answers: JSON.stringify(input.answers),
    skills: JSON.stringify(input.skills),
    heldAt: input.heldAt,
  };
  const pending = input.conversationId
    ? await tx.conversation.findFirst({ where: { id: input.conversationId, status: { in: ["planned", "prepared"] }, schoolId: actor.schoolId } })
    : null;
  // Claimed with a condition on its status: if a duo-partner recorded it a moment ago, this
  // conversation is stored as a new one instead of overwriting theirs.
  const claimed = pending
    ? (await tx.conversation.updateMany({ where: { id: pending.id, status: { in: ["planned", "prepared"] } }, data })).count === 1
    : false;
  const conversation = claimed
    ? await tx.conversation.findUniqueOrThrow({ where: { id: pending!.id } })
    : await tx.conversation.create({
        data: { ...data, schoolId: actor.schoolId, pupilId: input.pupilId, createdById: actor.staffId },
      });
  await linkTeacher(tx, conversation.id, actor.staffId);
  await syncRoundMembership(tx, actor.schoolId, { conversationIds: [conversation.id] });
  if (input.pupilId) {
    let firstGoalId: string | null = null;
    for (const goal of input.goals) {
      const created = await tx.goal.create({ data: { ...goal, pupilId: input.pupilId, conversationId: conversation.id, createdById: actor.staffId } });
      firstGoalId ??= created.id;
    }
    for (const agreement of input.agreements) {
      // Agreements serve the conversation's (first) goal; without a goal they stand alone.
      await tx.agreement.create({ data: { ...agreement, pupilId: input.pupilId, conversationId: conversation.id, goalId: firstGoalId } });
    }
  }
  await recordAudit(tx, {
    schoolId: actor.schoolId,
    actorStaffId: actor.staffId,
    action: claimed ? "update" : "create",
    entity: "conversation",
    entityId: conversation.id,
    pupilId: input.pupilId,
  });
  return conversation.id;
}

/** When this teacher's planned or prepared conversations from `from` on take place (their taken slots). */
export async function listUpcomingConversationTimes(db: Db, staffId: string, from: Date): Promise<Date[]> {
  // Read from the teacher's own links, not from the board's conversations: it costs the same
  // however many schools share the database (tests/scale/query-plans.test.ts).
  const rows = await db.conversationTeacher.findMany({
    where: { staffId, conversation: { status: { in: ["planned", "prepared"] }, plannedAt: { gte: from } } },
    select: { conversation: { select: { plannedAt: true } } },
  });
  return rows.flatMap((r) => (r.conversation.plannedAt ? [r.conversation.plannedAt] : []));
}

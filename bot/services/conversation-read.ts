// A held conversation read in full, for whoever takes over (a duo-partner, the IB'er): every phase
// as the format asked it, in the child's words, with the goals, agreements, evaluations and the
// notes written since. Access is canReadConversation (bot/auth/policy.ts); every read and every
// refusal is audited, with ids only.
import type { Db } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { canReadConversation, canReadPupilContent, type ConversationFacts, type PupilFacts } from "../auth/policy.js";
import { recordAudit } from "../audit.js";
import { ForbiddenError, NotFoundError } from "../errors.js";
import type { ConversationFormat } from "../formats/schema.js";
import type { FieldDefinition, LocalizedText } from "../formats/fields.js";
import { getFormat } from "../formats/registry.js";
import { hasContent, shareChosen } from "../formats/share.js";
import { localized } from "../i18n/translate.js";
import { DISCUSSED_STATUS, HELD_STATUSES, isRecordedStatus, RECORDED_STATUSES } from "../domain/vocabulary.js";
import { givenTheShortWay, HOW_IT_WENT, SHORT_JOTS, SHORT_STEP } from "./conversation-mode.js";

type StoredAnswers = Record<string, Record<string, unknown>>;

/**
 * One answer: the field as the format defines it, the stored value, and whether the pupil agreed
 * to share it (null: not an item the pupil is asked about, such as the teacher's preparation).
 */
export interface ReadAnswer {
  field: Pick<FieldDefinition, "id" | "kind" | "label" | "options">;
  value: unknown;
  shared: boolean | null;
}

export interface ReadSection {
  /** Null when the section is the whole phase: its title is the phase's. */
  title: LocalizedText | null;
  answers: ReadAnswer[];
}

export interface HeldConversationRead {
  id: string;
  pupil: { id: string; firstName: string; lastName: string };
  heldAt: Date;
  formatName: LocalizedText;
  /** Who recorded it (the conversation's teachers). */
  heldBy: string[];
  /** A meeting about the pupil without the pupil (the leerlingbespreking). */
  withoutPupil: boolean;
  /** The teacher's own preparation: reason, aim, planned questions (not the child's words). */
  preparation: ReadAnswer[];
  /** The look back on earlier goals that opened the conversation. */
  opening: ReadAnswer[];
  phases: { title: LocalizedText; sections: ReadSection[] }[];
  goals: {
    goalText: string;
    details: { key: GoalPart; text: string }[];
    evaluationDate: string | null;
    evaluator: string | null;
    status: string;
    shareWithParents: boolean;
    evaluations: { at: Date; outcome: string; note: string | null; nextStep: string | null; by: string; shareWithParents: boolean }[];
  }[];
  agreements: { who: string; what: string; whenText: string; shareWithParents: boolean }[];
  /** Notes written from this conversation until the next held one. */
  notes: { at: Date; author: string; text: string; goalText: string | null; shareWithParents: boolean }[];
  /** Read through the archive rule only: what came after last school year is left out. */
  archiveOnly: boolean;
}

export const GOAL_PARTS = ["nowText", "ownPlan", "helpTeacher", "helpParents", "helpOther", "successCriteria"] as const;
export type GoalPart = (typeof GOAL_PARTS)[number];

interface Facts {
  pupil: PupilFacts;
  conversation: ConversationFacts;
  archivedAt: Date | null;
}

const refused = (db: Db, actor: Actor, entity: string, entityId: string, pupilId: string | null) =>
  recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "refused", entity, entityId, pupilId });

function factsOf(c: { schoolId: string; pupil: PupilFacts | null; group: { id: string; schoolId: string; archivedAt: Date | null } | null }): Facts | null {
  if (!c.pupil) return null;
  const archived = c.group?.archivedAt ? { id: c.group.id, schoolId: c.group.schoolId } : null;
  return { pupil: c.pupil, conversation: { schoolId: c.schoolId, archivedGroup: archived }, archivedAt: c.group?.archivedAt ?? null };
}

const FACTS_SELECT = {
  schoolId: true,
  pupil: { select: { id: true, schoolId: true, groupId: true } },
  group: { select: { id: true, schoolId: true, archivedAt: true } },
} as const;

/**
 * The pupil's held conversations the actor may read, newest first (dates only: no content, no
 * audit). Refused (and audited) when the actor may read neither the pupil nor any of them.
 */
export async function listReadableHeldConversations(db: Db, actor: Actor, pupilId: string): Promise<{ id: string; heldAt: Date }[]> {
  const pupil = await db.pupil.findUnique({ where: { id: pupilId }, select: { id: true, schoolId: true, groupId: true } });
  // Another school's pupil is reported exactly like a missing one: no existence leaks across schools.
  if (!pupil || pupil.schoolId !== actor.schoolId) {
    await refused(db, actor, "pupil", pupilId, null);
    throw new NotFoundError("pupil");
  }
  const rows = await db.conversation.findMany({
    where: { pupilId, status: { in: [...RECORDED_STATUSES] } },
    orderBy: [{ heldAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, heldAt: true, createdAt: true, ...FACTS_SELECT },
  });
  const readable = rows.filter((row) => {
    const facts = factsOf(row);
    return facts !== null && canReadConversation(actor, facts.pupil, facts.conversation);
  });
  if (readable.length === 0 && !canReadPupilContent(actor, pupil)) {
    await refused(db, actor, "pupil", pupil.id, pupil.id);
    throw new ForbiddenError("no read access to this pupil's conversations");
  }
  return readable.map((r) => ({ id: r.id, heldAt: r.heldAt ?? r.createdAt }));
}

/** One held conversation in full; the read is audited (ids only). */
export async function readHeldConversation(db: Db, actor: Actor, conversationId: string): Promise<HeldConversationRead> {
  const c = await db.conversation.findUnique({
    where: { id: conversationId },
    include: {
      pupil: { select: { id: true, schoolId: true, groupId: true, firstName: true, lastName: true } },
      group: { select: { id: true, schoolId: true, archivedAt: true } },
      teachers: { select: { staff: { select: { displayName: true } } }, orderBy: { id: "asc" } },
      goals: { include: { evaluations: { orderBy: { evaluatedAt: "asc" } } }, orderBy: { createdAt: "asc" } },
      agreements: { orderBy: { createdAt: "asc" } },
    },
  });
  const facts = c ? factsOf(c) : null;
  if (!c || !facts || c.schoolId !== actor.schoolId || !isRecordedStatus(c.status)) {
    await refused(db, actor, "conversation", conversationId, null);
    throw new NotFoundError("conversation");
  }
  const pupil = c.pupil!;
  if (!canReadConversation(actor, facts.pupil, facts.conversation)) {
    await refused(db, actor, "conversation", c.id, pupil.id);
    throw new ForbiddenError("no read access to this conversation");
  }
  // Through the archive rule alone, the reader sees what was recorded up to the end of that school year.
  const archiveOnly = !canReadPupilContent(actor, facts.pupil);
  const until = archiveOnly ? facts.archivedAt : null;
  const heldAt = c.heldAt ?? c.updatedAt;
  const notes = await notesSince(db, pupil.id, c.id, heldAt, until);
  const names = await staffNames(db, [
    ...c.goals.flatMap((g) => [g.evaluatorId, ...g.evaluations.map((e) => e.evaluatedById)]),
    ...notes.map((n) => n.authorId),
  ]);
  const name = (id: string | null) => (id ? (names.get(id) ?? "—") : null);
  const format = await getFormat(db, actor.schoolId, c.formatKey, c.formatVersion).catch(() => null);
  const answers = JSON.parse(c.answers) as StoredAnswers;
  await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "read", entity: "conversation", entityId: c.id, pupilId: pupil.id });
  return {
    id: c.id,
    pupil: { id: pupil.id, firstName: pupil.firstName, lastName: pupil.lastName },
    heldAt,
    formatName: format?.name ?? { nl: c.formatKey, en: c.formatKey },
    heldBy: c.teachers.map((t) => t.staff.displayName),
    withoutPupil: c.status === DISCUSSED_STATUS,
    preparation: preparationAnswers(JSON.parse(c.preparation) as StoredAnswers),
    opening: answersOf(answers.opening ?? {}, [OPENING_FIELD]),
    phases: phasesOf(format, answers),
    goals: c.goals.map((g) => ({
      goalText: g.goalText,
      details: GOAL_PARTS.flatMap((key) => (g[key] ? [{ key, text: g[key] }] : [])),
      evaluationDate: g.evaluationDate,
      evaluator: name(g.evaluatorId),
      status: g.status,
      shareWithParents: g.shareWithParents,
      evaluations: g.evaluations
        .filter((e) => !until || e.evaluatedAt < until)
        .map((e) => ({
          at: e.evaluatedAt,
          outcome: e.outcome,
          note: e.note,
          nextStep: e.nextStep,
          by: name(e.evaluatedById)!,
          shareWithParents: e.shareWithParents,
        })),
    })),
    agreements: c.agreements.map((a) => ({ who: a.who, what: a.what, whenText: a.whenText, shareWithParents: a.shareWithParents })),
    notes: notes.map((n) => ({ at: n.createdAt, author: name(n.authorId)!, text: n.text, goalText: n.goalText, shareWithParents: n.shareWithParents })),
    archiveOnly,
  };
}

/** The notes from this conversation until the pupil's next held conversation (or `until`, the archive's end). */
async function notesSince(db: Db, pupilId: string, conversationId: string, from: Date, until: Date | null) {
  const next = await db.conversation.findFirst({
    where: { pupilId, status: { in: [...HELD_STATUSES] }, heldAt: { gt: from }, id: { not: conversationId } },
    orderBy: { heldAt: "asc" },
    select: { heldAt: true },
  });
  const ends = [next?.heldAt, until].filter((d): d is Date => d instanceof Date);
  const end = ends.length ? new Date(Math.min(...ends.map((d) => d.getTime()))) : null;
  return db.note.findMany({
    where: { pupilId, createdAt: { gte: from, ...(end ? { lt: end } : {}) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

async function staffNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.staff.findMany({ where: { id: { in: unique } }, select: { id: true, displayName: true } });
  return new Map(rows.map((s) => [s.id, s.displayName]));
}

const text = (id: string, label: LocalizedText, kind: FieldDefinition["kind"] = "longText"): ReadAnswer["field"] => ({ id, kind, label });
const OPENING_FIELD = { ...text("previousReview", localized("kindplan.previousReview")), shareable: true };

/** The stored answers of one step that hold something, in the format's order. */
function answersOf(values: Record<string, unknown>, fields: readonly (ReadAnswer["field"] & { shareable?: boolean; explains?: string })[]): ReadAnswer[] {
  return fields
    .filter((f) => hasContent(values[f.id]))
    .map((f) => ({
      field: { id: f.id, kind: f.kind, label: f.label, ...(f.options ? { options: f.options } : {}) },
      value: values[f.id],
      // A shareable item's one choice covers the pupil's explanation of it too (bot/formats/share.ts).
      shared: f.shareable ? shareChosen(values, f.id) : f.explains ? shareChosen(values, f.explains) : null,
    }));
}

/**
 * The format's phases with what was answered in them. Recorded step by step, a phase without an
 * answer is kept (the reader sees it was not filled in); recorded the short way, the format's
 * phases are only the questions on the card, so one without an answer is left out.
 */
function phasesOf(format: ConversationFormat | null, answers: StoredAnswers): HeldConversationRead["phases"] {
  const short = givenTheShortWay(answers);
  const phases = (format?.phases ?? []).map((phase) => ({
    title: phase.title,
    sections: phase.sections.flatMap((s) => {
      const found = answersOf(answers[`s_${s.id}`] ?? {}, s.fields);
      return found.length ? [{ title: s.title, answers: found }] : [];
    }),
  }));
  return [...(short ? phases.filter((p) => p.sections.length > 0) : phases), ...shortWayPhases(answers)];
}

/**
 * Recorded the short way: the words jotted on the conversation card, and from the record card how
 * it went (its goal and agreement have their own records), each under its card's title.
 */
function shortWayPhases(answers: StoredAnswers): HeldConversationRead["phases"] {
  const jotted = answersOf(
    answers[SHORT_STEP.card] ?? {},
    SHORT_JOTS.map((j) => text(j.id, j.label, "shortText")),
  );
  const went = answersOf(answers[SHORT_STEP.record] ?? {}, [
    { ...text(HOW_IT_WENT.id, HOW_IT_WENT.label, "singleChoice"), options: HOW_IT_WENT.options.map((o) => ({ ...o })) },
  ]);
  const card = (key: "short.card.title" | "short.record.title", found: ReadAnswer[]) =>
    found.length ? [{ title: localized(key), sections: [{ title: null, answers: found }] }] : [];
  return [...card("short.card.title", jotted), ...card("short.record.title", went)];
}

/** Parsed stored answers; a value that is not an object of steps reads as none. */
function storedAnswers(json: string): StoredAnswers {
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as StoredAnswers) : {};
  } catch {
    return {};
  }
}

/** A conversation's preparation and answers under the format's own labels (the access export reads them too). */
export function labelledConversation(
  format: ConversationFormat | null,
  stored: { answers: string; preparation: string },
): Pick<HeldConversationRead, "preparation" | "opening" | "phases"> {
  const answers = storedAnswers(stored.answers);
  return {
    preparation: preparationAnswers(storedAnswers(stored.preparation)),
    opening: answersOf(answers.opening ?? {}, [OPENING_FIELD]),
    phases: phasesOf(format, answers),
  };
}

function preparationAnswers(preparation: StoredAnswers): ReadAnswer[] {
  const aim = preparation.aim ?? {};
  const planned = (preparation as Record<string, unknown>).plannedQuestions;
  return [
    ...answersOf(aim, [
      text("reason", localized("prepare.aim.reason.label")),
      text("aim", localized("prepare.aim.aim.label")),
      text("theme", localized("prepare.aim.theme.short")),
    ]),
    ...answersOf(preparation.previous ?? {}, [text("followUp", localized("prepare.previous.followUp.label"))]),
    ...answersOf({ plannedQuestions: planned }, [text("plannedQuestions", localized("prepare.questions.questions.label"))]),
  ];
}

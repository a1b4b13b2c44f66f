// The summary of a conversation held with the parents at the table (a format `withParents`, the
// startgesprek), for the parents. Everything in it was said with them present, so it holds the
// format's answers, the goals and the agreements of that one conversation — and nothing else of
// the pupil's record (earlier conversations, notes, the teacher's own observations elsewhere).
import type { Tx } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { requirePupilAccess } from "../auth/access.js";
import { recordAudit } from "../audit.js";
import { HELD_STATUSES } from "../domain/vocabulary.js";
import { getFormat } from "../formats/registry.js";
import type { ConversationFormat } from "../formats/schema.js";
import type { FieldDefinition } from "../formats/fields.js";
import { hasContent } from "../formats/share.js";
import { eachLocale } from "../i18n/translate.js";

type Localized = { nl: string; en: string };

export interface ParentSummaryPart {
  sectionId: string;
  title: Localized;
  answers: { sectionId: string; fieldId: string; label: Localized; value: Localized }[];
}

export interface ParentSummary {
  pupil: { firstName: string; lastName: string; groupName: string | null };
  schoolName: string;
  formatName: Localized;
  heldOn: Date;
  generatedOn: string;
  parts: ParentSummaryPart[];
  goals: {
    nowText: string | null;
    goalText: string;
    ownPlan: string | null;
    helpParents: string | null;
    helpTeacher: string | null;
    helpOther: string | null;
    successCriteria: string | null;
    evaluationDate: string | null;
  }[];
  agreements: { who: string; what: string; whenText: string }[];
}

type StoredAnswers = Record<string, Record<string, unknown>>;

/** An answer as the parents read it: a choice by its labels (an unknown code is left out, never printed). */
function readable(field: FieldDefinition, value: unknown): Localized | null {
  if (!hasContent(value)) return null;
  if (!field.options) return typeof value === "string" || typeof value === "number" ? eachLocale(() => String(value)) : null;
  const codes = (Array.isArray(value) ? value : [value]).map(String);
  const chosen = codes.flatMap((code) => field.options?.filter((o) => o.value === code) ?? []);
  return chosen.length ? eachLocale((l) => chosen.map((o) => o.label[l]).join(", ")) : null;
}

function partsOf(format: ConversationFormat, answers: StoredAnswers): ParentSummaryPart[] {
  return format.phases
    .flatMap((p) => p.sections)
    .map((section) => {
      const values = answers[`s_${section.id}`] ?? {};
      const given = section.fields.flatMap((field) => {
        const value = readable(field, values[field.id]);
        return value ? [{ sectionId: section.id, fieldId: field.id, label: field.label, value }] : [];
      });
      return { sectionId: section.id, title: section.title, answers: given };
    })
    .filter((part) => part.answers.length > 0);
}

async function formatOf(db: Tx, actor: Actor, c: { formatKey: string; formatVersion: number }): Promise<ConversationFormat | null> {
  return getFormat(db, actor.schoolId, c.formatKey, c.formatVersion).catch(() => null);
}

/**
 * The parents' summary of one held conversation, or null when its format is not held with the
 * parents. Reads through the caller's transaction, so it sees a conversation stored just now.
 */
export async function buildParentSummary(db: Tx, actor: Actor, conversationId: string, today: string): Promise<ParentSummary | null> {
  const c = await db.conversation.findUnique({
    where: { id: conversationId },
    include: {
      pupil: { select: { id: true, firstName: true, lastName: true, group: { select: { name: true } } } },
      school: { select: { name: true } },
      goals: { orderBy: { createdAt: "asc" } },
      agreements: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!c?.pupil || c.schoolId !== actor.schoolId || !HELD_STATUSES.includes(c.status)) return null;
  await requirePupilAccess(db, actor, c.pupil.id, "read");
  const format = await formatOf(db, actor, c);
  if (!format?.withParents) return null;
  await recordAudit(db, {
    schoolId: actor.schoolId,
    actorStaffId: actor.staffId,
    action: "export",
    entity: "parent_summary",
    entityId: c.id,
    pupilId: c.pupil.id,
  });
  return {
    pupil: { firstName: c.pupil.firstName, lastName: c.pupil.lastName, groupName: c.pupil.group?.name ?? null },
    schoolName: c.school.name,
    formatName: format.name,
    heldOn: c.heldAt ?? c.updatedAt,
    generatedOn: today,
    parts: partsOf(format, JSON.parse(c.answers) as StoredAnswers),
    goals: c.goals.map((g) => ({
      nowText: g.nowText,
      goalText: g.goalText,
      ownPlan: g.ownPlan,
      helpParents: g.helpParents,
      helpTeacher: g.helpTeacher,
      helpOther: g.helpOther,
      successCriteria: g.successCriteria,
      evaluationDate: g.evaluationDate,
    })),
    agreements: c.agreements.map((a) => ({ who: a.who, what: a.what, whenText: a.whenText })),
  };
}

/** The newest held conversation of a pupil that was held with the parents, if any. */
export async function latestParentConversation(db: Tx, actor: Actor, pupilId: string): Promise<string | null> {
  await requirePupilAccess(db, actor, pupilId, "read");
  const held = await db.conversation.findMany({
    where: { pupilId, schoolId: actor.schoolId, status: { in: [...HELD_STATUSES] } },
    select: { id: true, formatKey: true, formatVersion: true },
    orderBy: [{ heldAt: "desc" }, { createdAt: "desc" }],
    take: 20,
  });
  for (const c of held) if ((await formatOf(db, actor, c))?.withParents) return c.id;
  return null;
}

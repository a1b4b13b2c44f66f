// The export of a pupil's kindplan for the portfolio or the parent meeting. Only items the
// pupil agreed may be shared with parents are selected here; the renderer never sees the rest.
import type { Db } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { requirePupilAccess } from "../auth/access.js";
import { recordAudit } from "../audit.js";
import type { GoalContent } from "./conversations.js";
import type { ConversationFormat } from "../formats/schema.js";
import { getFormat } from "../formats/registry.js";
import { SHARE_SUFFIX } from "../formats/fields.js";
import { eachLocale, localized } from "../i18n/translate.js";

export interface KindplanExport {
  pupil: { firstName: string; lastName: string; groupName: string | null };
  schoolName: string;
  generatedOn: string;
  goals: (GoalContent & {
    status: string;
    evaluations: { date: Date; outcome: string; note: string | null }[];
  })[];
  agreements: { who: string; what: string; whenText: string }[];
  conversations: { date: Date; formatName: { nl: string; en: string }; shared: { label: { nl: string; en: string }; value: string }[] }[];
  notes: { date: Date; text: string }[];
}

type StoredAnswers = Record<string, Record<string, unknown>>;

/** Answers of a conversation that the pupil marked shareable, labelled from the format version used. */
function sharedAnswers(format: ConversationFormat | null, answers: StoredAnswers) {
  const labels = new Map<string, { nl: string; en: string }>();
  if (format) {
    for (const section of format.phases.flatMap((p) => p.sections)) {
      for (const f of section.fields) labels.set(`s_${section.id}.${f.id}`, f.label);
    }
  }
  labels.set("opening.previousReview", localized("kindplan.previousReview"));
  const shared: { label: { nl: string; en: string }; value: string }[] = [];
  for (const [stepId, values] of Object.entries(answers)) {
    for (const [fieldId, value] of Object.entries(values)) {
      if (fieldId.endsWith(SHARE_SUFFIX) || values[`${fieldId}${SHARE_SUFFIX}`] !== true) continue;
      // Goals and agreements are exported from their own records with their own share flag.
      if (/^(goal|agreement)\d/.test(stepId)) continue;
      const label = labels.get(`${stepId}.${fieldId}`);
      if (!label || value === "" || value === undefined) continue;
      shared.push({ label, value: Array.isArray(value) ? value.join(", ") : String(value) });
    }
  }
  return shared;
}

export async function buildKindplanExport(db: Db, actor: Actor, pupilId: string, today: string): Promise<KindplanExport> {
  await requirePupilAccess(db, actor, pupilId, "read");
  const pupil = await db.pupil.findUniqueOrThrow({
    where: { id: pupilId },
    include: {
      group: { select: { name: true } },
      school: { select: { name: true } },
      goals: {
        where: { shareWithParents: true },
        include: { evaluations: { where: { shareWithParents: true }, orderBy: { evaluatedAt: "asc" } } },
        orderBy: { createdAt: "asc" },
      },
      agreements: { where: { shareWithParents: true }, orderBy: { createdAt: "asc" } },
      notes: { where: { shareWithParents: true }, orderBy: { createdAt: "asc" } },
      conversations: { where: { status: { in: ["held", "evaluated"] } }, orderBy: { heldAt: "asc" } },
    },
  });
  // Each conversation is labelled with the format version it was held with.
  const formats = new Map<string, ConversationFormat | null>();
  for (const c of pupil.conversations) {
    const id = `${c.formatKey}@${c.formatVersion}`;
    if (!formats.has(id)) formats.set(id, await getFormat(db, actor.schoolId, c.formatKey, c.formatVersion).catch(() => null));
  }
  await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "export", entity: "kindplan", entityId: pupil.id, pupilId: pupil.id });
  return {
    pupil: { firstName: pupil.firstName, lastName: pupil.lastName, groupName: pupil.group?.name ?? null },
    schoolName: pupil.school.name,
    generatedOn: today,
    goals: pupil.goals.map((g) => ({
      nowText: g.nowText,
      goalText: g.goalText,
      ownPlan: g.ownPlan,
      helpTeacher: g.helpTeacher,
      helpParents: g.helpParents,
      helpOther: g.helpOther,
      successCriteria: g.successCriteria,
      evaluationDate: g.evaluationDate,
      status: g.status,
      evaluations: g.evaluations.map((e) => ({ date: e.evaluatedAt, outcome: e.outcome, note: e.note })),
    })),
    agreements: pupil.agreements.map((a) => ({ who: a.who, what: a.what, whenText: a.whenText })),
    conversations: pupil.conversations
      .map((c) => {
        const format = formats.get(`${c.formatKey}@${c.formatVersion}`) ?? null;
        const name = format?.name ?? eachLocale(() => c.formatKey);
        return { date: c.heldAt ?? c.updatedAt, formatName: name, shared: sharedAnswers(format, JSON.parse(c.answers) as StoredAnswers) };
      })
      .filter((c) => c.shared.length > 0),
    notes: pupil.notes.map((n) => ({ date: n.createdAt, text: n.text })),
  };
}

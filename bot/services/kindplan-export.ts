// The export of a pupil's kindplan for the portfolio or the parent meeting. Only items the
// pupil agreed may be shared with parents are selected here; the renderer never sees the rest.
import type { Db } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { requirePupilAccess } from "../auth/access.js";
import { recordAudit } from "../audit.js";
import { HELD_STATUSES } from "../domain/vocabulary.js";
import type { GoalContent } from "./conversations.js";
import type { ConversationFormat } from "../formats/schema.js";
import { getFormat } from "../formats/registry.js";
import type { FieldDefinition } from "../formats/fields.js";
import { hasContent, sharedGroup, shareChosen } from "../formats/share.js";
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
  conversations: { date: Date; formatName: { nl: string; en: string }; shared: SharedAnswer[] }[];
  /** A shared note, with the goal the pupil named in it (the same share choice covers both). */
  notes: { date: Date; text: string; goalText: string | null }[];
}

type StoredAnswers = Record<string, Record<string, unknown>>;
type Localized = { nl: string; en: string };

/** One shared answer: the field it answers (its id picks the printed wording), and its value. */
export interface SharedAnswer {
  fieldId: string;
  label: Localized;
  value: Localized;
  /** The pupil's own explanation of an item (a field marked `explains`). */
  explains: boolean;
  /** The chosen options of a choice, with their icons (faces, picture themes); null for other fields. */
  choices: { icon: string | null; label: Localized }[] | null;
}

/**
 * A stored answer as the reader reads it: choices by their labels, in both languages. A stored
 * code that the format version no longer lists is left out: a code is never shown to a reader.
 */
function sharedAnswer(field: FieldDefinition, value: unknown): SharedAnswer | null {
  const base = { fieldId: field.id, label: field.label, explains: Boolean(field.explains) };
  if (!field.options) return { ...base, value: eachLocale(() => String(value)), choices: null };
  const codes = Array.isArray(value) ? value.map(String) : [String(value)];
  const chosen = codes.flatMap((code) => field.options?.filter((o) => o.value === code) ?? []);
  if (!chosen.length) return null;
  return {
    ...base,
    value: eachLocale((l) => chosen.map((o) => o.label[l]).join(", ")),
    choices: chosen.map((o) => ({ icon: o.icon ?? null, label: o.label })),
  };
}

/**
 * What the pupil agreed to share from a conversation, in the order it was asked: each item whose
 * share question was answered "yes", followed by the pupil's explanation of it (one choice covers
 * both), labelled from the format version used. Goals and agreements come from their own records.
 */
function sharedAnswers(format: ConversationFormat | null, answers: StoredAnswers) {
  const shared: SharedAnswer[] = [];
  const steps: { stepId: string; fields: FieldDefinition[] }[] = [
    {
      stepId: "opening",
      fields: [
        {
          id: "previousReview",
          kind: "longText",
          label: localized("kindplan.previousReview"),
          required: false,
          shareable: true,
          skills: [],
          coach: false,
          educationalNeed: false,
        },
      ],
    },
    ...(format?.phases.flatMap((p) => p.sections.map((s) => ({ stepId: `s_${s.id}`, fields: s.fields }))) ?? []),
  ];
  for (const { stepId, fields } of steps) {
    const values = answers[stepId] ?? {};
    for (const item of fields.filter((f) => f.shareable && shareChosen(values, f.id))) {
      for (const field of sharedGroup(fields, item)) {
        const answer = hasContent(values[field.id]) ? sharedAnswer(field, values[field.id]) : null;
        if (answer) shared.push(answer);
      }
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
      conversations: { where: { status: { in: [...HELD_STATUSES] } }, orderBy: { heldAt: "asc" } },
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
    notes: pupil.notes.map((n) => ({ date: n.createdAt, text: n.text, goalText: n.goalText })),
  };
}

// A group's onderwijsbehoeften for the groepsplan: for each pupil, what helps them learn, as a
// statement (need-statement.ts), with the conversation it came from. Two sources: every format
// field marked `educationalNeed` (whatever format and version the conversation was held with, a
// school's own too), and the kindplan's "my teacher helps me by …", which every pupil conversation
// that closes with a plan asks — so this school year's conversations, held before any format was
// marked, count as well. Per pupil and source only the newest statement stands: a groepsplan says
// what a pupil needs now, and a later conversation of the same kind is the newer word on it.
import type { Db } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { canExportGroupNeeds } from "../auth/policy.js";
import { recordAudit } from "../audit.js";
import { ForbiddenError, NotFoundError } from "../errors.js";
import { RECORDED_STATUSES } from "../domain/vocabulary.js";
import { localDate } from "../domain/local-time.js";
import { schoolYearStartDate } from "../domain/school-year.js";
import type { ConversationFormat } from "../formats/schema.js";
import { getFormat } from "../formats/registry.js";
import { hasContent } from "../formats/share.js";
import { needStatement, type NeedSource } from "./need-statement.js";

type Localized = { nl: string; en: string };
type StoredAnswers = Record<string, Record<string, unknown>>;

export interface NeedRow {
  pupilId: string;
  pupilName: string;
  /** Built from the answer as typed or chosen; the answer itself when no frame fits. */
  statement: string;
  formatName: Localized;
  /** The school-local day the conversation was held. */
  heldOn: string;
  conversationId: string;
}

export interface GroupNeeds {
  groupId: string;
  groupName: string;
  schoolName: string;
  /** The first day of the group's school year: statements from conversations since then. */
  since: string;
  generatedOn: string;
  rows: NeedRow[];
  /** Pupils of the group with no statement yet, by name: the groepsplan's gaps. */
  without: string[];
}

/** Groups the actor may export, matching a typed name (all her own current groups when no name is given). */
export async function findNeedsGroups(db: Db, actor: Actor, name: string): Promise<{ id: string; name: string }[]> {
  const wanted = name.trim().toLowerCase();
  const groups = await db.group.findMany({
    where: { schoolId: actor.schoolId, archivedAt: null, ...(wanted ? {} : { id: { in: [...actor.groupIds] } }) },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  if (!wanted) return groups;
  // "groep 5" names groep 5, not groep 5/6: an exact name wins over a part of one.
  const exact = groups.filter((g) => g.name.toLowerCase() === wanted);
  return exact.length ? exact : groups.filter((g) => g.name.toLowerCase().includes(wanted));
}

interface Source {
  key: string;
  source: NeedSource;
  answers: string[];
}

/** The choices' labels in the reader's language (each a need of its own), or the typed text. */
function answersOf(field: ConversationFormat["phases"][number]["sections"][number]["fields"][number], value: unknown, locale: "nl" | "en"): string[] {
  if (!hasContent(value)) return [];
  if (!field.options) return [String(value)];
  const codes = Array.isArray(value) ? value.map(String) : [String(value)];
  return codes.flatMap((code) => field.options?.filter((o) => o.value === code).map((o) => o.label[locale]) ?? []);
}

/** What one conversation says about a pupil's needs, by source (format field, or the plan's help). */
function sourcesOf(
  conversation: { formatKey: string; answers: string; goals: { helpTeacher: string | null }[] },
  format: ConversationFormat | null,
  locale: "nl" | "en",
): Source[] {
  const stored = JSON.parse(conversation.answers) as StoredAnswers;
  const fromFormat = (format?.phases ?? []).flatMap((phase) =>
    phase.sections.flatMap((section) =>
      section.fields
        .filter((f) => f.educationalNeed)
        .map((f) => ({
          key: `${conversation.formatKey}/${section.id}/${f.id}`,
          source: "need" as const,
          answers: answersOf(f, stored[`s_${section.id}`]?.[f.id], locale),
        })),
    ),
  );
  const help = conversation.goals.map((g) => g.helpTeacher?.trim() ?? "").filter(Boolean);
  return [...fromFormat, { key: `${conversation.formatKey}/plan/helpTeacher`, source: "teacherHelp", answers: help }];
}

export async function buildGroupNeeds(db: Db, actor: Actor, groupId: string, now: Date): Promise<GroupNeeds> {
  const group = await db.group.findUnique({ where: { id: groupId }, include: { school: { select: { name: true, schoolYearStart: true } } } });
  // Another school's group is reported exactly like a missing one.
  if (!group || group.schoolId !== actor.schoolId) {
    await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "refused", entity: "group", entityId: groupId });
    throw new NotFoundError("group");
  }
  if (!canExportGroupNeeds(actor, group)) {
    await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "refused", entity: "educational_needs", entityId: group.id });
    throw new ForbiddenError("no export of this group's educational needs");
  }
  const since = schoolYearStartDate(group.schoolYear, group.school.schoolYearStart);
  const from = new Date(`${since}T00:00:00Z`);
  const pupils = await db.pupil.findMany({
    where: { groupId: group.id, active: true },
    orderBy: [{ firstName: "asc" }, { lastName: "asc" }],
    select: {
      id: true,
      firstName: true,
      lastName: true,
      conversations: {
        where: { status: { in: [...RECORDED_STATUSES] }, OR: [{ heldAt: { gte: from } }, { heldAt: null, updatedAt: { gte: from } }] },
        select: {
          id: true,
          formatKey: true,
          formatVersion: true,
          heldAt: true,
          updatedAt: true,
          answers: true,
          goals: { select: { helpTeacher: true }, orderBy: { createdAt: "asc" } },
        },
      },
    },
  });
  const formats = new Map<string, ConversationFormat | null>();
  const formatOf = async (key: string, version: number) => {
    const id = `${key}@${version}`;
    if (!formats.has(id)) formats.set(id, await getFormat(db, actor.schoolId, key, version).catch(() => null));
    return formats.get(id) ?? null;
  };
  const rows: NeedRow[] = [];
  const without: string[] = [];
  for (const pupil of pupils) {
    const pupilName = `${pupil.firstName} ${pupil.lastName}`;
    const held = pupil.conversations
      .map((c) => ({ ...c, at: c.heldAt ?? c.updatedAt }))
      .sort((a, b) => b.at.getTime() - a.at.getTime() || b.id.localeCompare(a.id));
    const seen = new Set<string>();
    const before = rows.length;
    for (const c of held) {
      const format = await formatOf(c.formatKey, c.formatVersion);
      for (const s of sourcesOf(c, format, actor.locale)) {
        if (seen.has(s.key) || s.answers.length === 0) continue;
        seen.add(s.key);
        for (const answer of s.answers) {
          const statement = needStatement(pupil.firstName, answer, s.source, actor.locale);
          if (!statement) continue;
          const formatName = format?.name ?? { nl: c.formatKey, en: c.formatKey };
          rows.push({ pupilId: pupil.id, pupilName, statement, formatName, heldOn: localDate(c.at, actor.timezone), conversationId: c.id });
        }
      }
    }
    if (rows.length === before) without.push(pupilName);
    else
      await recordAudit(db, {
        schoolId: actor.schoolId,
        actorStaffId: actor.staffId,
        action: "export",
        entity: "educational_needs",
        entityId: group.id,
        pupilId: pupil.id,
      });
  }
  await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "export", entity: "educational_needs", entityId: group.id });
  return { groupId: group.id, groupName: group.name, schoolName: group.school.name, since, generatedOn: localDate(now, actor.timezone), rows, without };
}

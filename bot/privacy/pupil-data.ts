// Everything stored about one pupil, found the same way for the access export and for erasure,
// so the two can never disagree about what "the pupil's data" is. Some rows reach the pupil only
// through their data: a dialog draft names its pupil in a column without a foreign key, or only
// a goal or conversation id in its answers; an outbox row names a conversation or goal in its
// subject, payload or key; an audit row names a record by entityId.
import type { Db, Tx } from "../db/client.js";
import { bundlePayloadOf, DAILY_BUNDLE, type BundleItem, type BundlePayload } from "../domain/daily-list.js";

type Client = Db | Tx;

export interface PupilKey {
  schoolId: string;
  /** The school administration's pupil id (leerlingnummer). */
  externalId: string;
}

/** The pupil with this administration id at this school, or null. */
export async function findPupilByExternalId(db: Client, key: PupilKey) {
  return db.pupil.findUnique({ where: { schoolId_externalId: { schoolId: key.schoolId, externalId: key.externalId } } });
}

/** The pupil's rows in every table, and the ids by which other rows may name them. */
export async function collectPupilData(db: Client, pupilId: string) {
  const pupil = await db.pupil.findUniqueOrThrow({ where: { id: pupilId }, include: { group: true, school: { select: { id: true, name: true } } } });
  const [supports, conversations, goals, agreements, notes, staged] = await Promise.all([
    db.pupilSupport.findMany({ where: { pupilId }, include: { staff: { select: { id: true, displayName: true } } } }),
    db.conversation.findMany({ where: { pupilId }, include: { teachers: { select: { staffId: true } } }, orderBy: { createdAt: "asc" } }),
    db.goal.findMany({ where: { pupilId }, orderBy: { createdAt: "asc" } }),
    db.agreement.findMany({ where: { pupilId }, orderBy: { createdAt: "asc" } }),
    db.note.findMany({ where: { pupilId }, orderBy: { createdAt: "asc" } }),
    // Next school year's roster line names the pupil by the administration's id.
    db.stagedPlacement.findMany({
      where: { schoolId: pupil.schoolId, externalId: pupil.externalId },
      select: { id: true, schoolYear: true, firstName: true, lastName: true, groupName: true, createdAt: true },
    }),
  ]);
  const goalIds = goals.map((g) => g.id);
  const conversationIds = conversations.map((c) => c.id);
  const evaluations = await db.evaluation.findMany({ where: { goalId: { in: goalIds } }, orderBy: { evaluatedAt: "asc" } });
  const roundIds = [...new Set(conversations.map((c) => c.roundId).filter((id): id is string => id !== null))];
  const rounds = await db.round.findMany({
    where: { id: { in: roundIds } },
    select: { id: true, name: true, formatKey: true, startDate: true, endDate: true, status: true },
  });
  // Ids that other rows may carry as text. cuids never occur inside one another by accident.
  const recordIds = [pupilId, ...conversationIds, ...goalIds, ...agreements.map((a) => a.id), ...notes.map((n) => n.id), ...evaluations.map((e) => e.id)];
  const mentions = (text: string | null) => text !== null && recordIds.some((id) => text.includes(id));

  const sessions = (
    await db.dialogSession.findMany({
      where: {
        schoolId: pupil.schoolId,
        OR: [
          { pupilId },
          { conversationId: { in: conversationIds } },
          ...recordIds.flatMap((id) => [{ answers: { contains: id } }, { rawInputs: { contains: id } }]),
        ],
      },
      orderBy: { createdAt: "asc" },
    })
  ).filter(
    (s) => s.pupilId === pupilId || (s.conversationId !== null && conversationIds.includes(s.conversationId)) || mentions(s.answers) || mentions(s.rawInputs),
  );

  const direct = await db.outboxMessage.findMany({
    where: {
      schoolId: pupil.schoolId,
      OR: [{ subjectId: { in: recordIds } }, ...recordIds.flatMap((id) => [{ payload: { contains: id } }, { idempotencyKey: { contains: id } }])],
    },
    orderBy: { createdAt: "asc" },
  });
  // A report about an undeliverable message names that message, not the pupil: it goes too.
  const reports = direct.length
    ? await db.outboxMessage.findMany({ where: { subjectId: { in: direct.map((m) => m.id) }, id: { notIn: direct.map((m) => m.id) } } })
    : [];
  const outbox = [...direct, ...reports];

  const fileLinks = await db.fileLink.findMany({
    where: { pupilId },
    select: { id: true, filename: true, contentType: true, createdAt: true, expiresAt: true },
  });
  // Every id an audit row may name: records, drafts, messages. The export shows the school's own
  // rows; an erasure also clears rows of other schools (a refused attempt on this pupil's id).
  const auditIds = [...recordIds, ...sessions.map((s) => s.id), ...outbox.map((m) => m.id)];
  const audit = await db.auditEvent.findMany({
    where: { schoolId: pupil.schoolId, OR: [{ pupilId }, { entityId: { in: auditIds } }] },
    orderBy: { at: "asc" },
  });
  return { pupil, supports, conversations, goals, agreements, notes, staged, evaluations, rounds, sessions, outbox, fileLinks, audit, recordIds, auditIds };
}

export type PupilData = Awaited<ReturnType<typeof collectPupilData>>;

/** How many rows of each kind: the same shape for an export summary, a dry run and a receipt. */
export function countPupilData(data: PupilData): Record<string, number> {
  return {
    pupil: 1,
    ibAssignments: data.supports.length,
    conversations: data.conversations.length,
    goals: data.goals.length,
    agreements: data.agreements.length,
    evaluations: data.evaluations.length,
    notes: data.notes.length,
    stagedRosterLines: data.staged.length,
    dialogDrafts: data.sessions.length,
    outboxMessages: data.outbox.length,
    fileLinks: data.fileLinks.length,
    auditEvents: data.audit.length,
  };
}

/**
 * A teacher's daily reminder list names several pupils: its lines about this pupil (by any of the
 * pupil's record ids) and the others'. Null for any other outbox row.
 */
export function bundleLines(
  row: { kind: string; payload: string },
  recordIds: readonly string[],
): { payload: BundlePayload; mine: BundleItem[]; others: BundleItem[] } | null {
  const payload = row.kind === DAILY_BUNDLE ? bundlePayloadOf(row.payload) : null;
  if (!payload) return null;
  const about = (item: BundleItem) => recordIds.some((id) => item.key.includes(id) || item.subjectId.includes(id));
  return { payload, mine: payload.items.filter(about), others: payload.items.filter((i) => !about(i)) };
}

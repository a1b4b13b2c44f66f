// A pupil's record: conversations, goals with evaluations, agreements, quick notes.
import { z } from "zod";
import type { Db, Tx } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { requirePupilAccess } from "../auth/access.js";
import { recordAudit } from "../audit.js";
import { AppError, ErrorCode } from "../errors.js";
import { TEXT_LIMITS } from "../formats/fields.js";
import { chosenChoices } from "../formats/chosen.js";
import { getFormat } from "../formats/registry.js";
import type { ConversationFormat } from "../formats/schema.js";
import { isHeldStatus } from "../domain/vocabulary.js";

export interface PupilSummary {
  id: string;
  firstName: string;
  lastName: string;
  groupId: string | null;
  groupName: string | null;
  active: boolean;
}

export interface TimelineEntry {
  kind: "conversation" | "goal" | "evaluation" | "note";
  id: string;
  at: Date;
  status?: string;
  text?: string;
  shareWithParents?: boolean;
  /** Ownership skills a held conversation addressed. */
  skills?: string[];
  /** A held conversation without a plan (a quick moment, a check): what the child chose, by labels. */
  chosen?: string[];
  /** An evaluation: the goal it evaluated, how to go on, and who evaluated (duo-partners see each other's). */
  goalText?: string;
  nextStep?: string;
  by?: string;
}

export interface PupilRecord {
  pupil: PupilSummary;
  timeline: TimelineEntry[];
  openGoals: number;
  /** Per ownership skill: in how many of the held conversations it was addressed. */
  skills: { heldConversations: number; counts: Record<string, number> };
}

export async function getPupilRecord(db: Db, actor: Actor, pupilId: string): Promise<PupilRecord> {
  await requirePupilAccess(db, actor, pupilId, "read");
  const pupil = await db.pupil.findUniqueOrThrow({
    where: { id: pupilId },
    include: {
      group: { select: { name: true } },
      conversations: {
        select: { id: true, status: true, plannedAt: true, heldAt: true, createdAt: true, formatKey: true, formatVersion: true, skills: true, answers: true },
      },
      goals: { include: { evaluations: true } },
      notes: true,
    },
  });
  const evaluatorIds = [...new Set(pupil.goals.flatMap((g) => g.evaluations.map((e) => e.evaluatedById)))];
  const evaluators = new Map(
    evaluatorIds.length
      ? (await db.staff.findMany({ where: { id: { in: evaluatorIds } }, select: { id: true, displayName: true } })).map((s) => [s.id, s.displayName])
      : [],
  );
  const chosen = await chosenByConversation(db, actor, pupil.conversations);
  const timeline: TimelineEntry[] = [
    ...pupil.conversations.map((c) => ({
      kind: "conversation" as const,
      id: c.id,
      at: c.heldAt ?? c.plannedAt ?? c.createdAt,
      status: c.status,
      text: c.formatKey,
      skills: JSON.parse(c.skills) as string[],
      ...(chosen.get(c.id)?.length ? { chosen: chosen.get(c.id) } : {}),
    })),
    ...pupil.goals.flatMap((g) => [
      { kind: "goal" as const, id: g.id, at: g.createdAt, status: g.status, text: g.goalText, shareWithParents: g.shareWithParents },
      ...g.evaluations.map((e) => ({
        kind: "evaluation" as const,
        id: e.id,
        at: e.evaluatedAt,
        status: e.outcome,
        text: e.note ?? undefined,
        shareWithParents: e.shareWithParents,
        goalText: g.goalText,
        ...(e.nextStep ? { nextStep: e.nextStep } : {}),
        by: evaluators.get(e.evaluatedById) ?? "—",
      })),
    ]),
    ...pupil.notes.map((n) => ({
      kind: "note" as const,
      id: n.id,
      at: n.createdAt,
      text: n.text,
      shareWithParents: n.shareWithParents,
      ...(n.goalText ? { goalText: n.goalText } : {}),
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  await recordAudit(db, {
    schoolId: actor.schoolId,
    actorStaffId: actor.staffId,
    action: "read",
    entity: "pupil_record",
    entityId: pupil.id,
    pupilId: pupil.id,
  });
  return {
    pupil: {
      id: pupil.id,
      firstName: pupil.firstName,
      lastName: pupil.lastName,
      groupId: pupil.groupId,
      groupName: pupil.group?.name ?? null,
      active: pupil.active,
    },
    timeline,
    openGoals: pupil.goals.filter((g) => g.status === "open").length,
    skills: skillCounts(pupil.conversations),
  };
}

/**
 * What the child chose in each held conversation that closes without a plan (the onderbouw's quick
 * moment, the welbevinden check): there no goal on the timeline says what it was about.
 */
async function chosenByConversation(
  db: Db,
  actor: Actor,
  conversations: { id: string; status: string; formatKey: string; formatVersion: number; answers: string }[],
): Promise<Map<string, string[]>> {
  const chosen = new Map<string, string[]>();
  const formats = new Map<string, Promise<ConversationFormat | null>>();
  for (const c of conversations) {
    if (!isHeldStatus(c.status)) continue;
    const id = `${c.formatKey}@${c.formatVersion}`;
    // A format no longer known (a school's own, removed) leaves the line as it was.
    if (!formats.has(id))
      formats.set(
        id,
        getFormat(db, actor.schoolId, c.formatKey, c.formatVersion).catch(() => null),
      );
    const format = await formats.get(id);
    if (!format || format.closeWithPlan) continue;
    chosen.set(c.id, chosenChoices(format, JSON.parse(c.answers) as Record<string, Record<string, unknown>>, actor.locale));
  }
  return chosen;
}

function skillCounts(conversations: { status: string; skills: string }[]) {
  const held = conversations.filter((c) => c.status === "held" || c.status === "evaluated");
  const counts: Record<string, number> = {};
  for (const c of held) for (const skill of JSON.parse(c.skills) as string[]) counts[skill] = (counts[skill] ?? 0) + 1;
  return { heldConversations: held.length, counts };
}

export const NoteInput = z.object({
  pupilId: z.string().min(1),
  // The note dialog's limits (bot/formats/fields.ts): what the dialog accepts is stored.
  text: z.string().trim().min(1).max(TEXT_LIMITS.longText),
  goalText: z.string().trim().min(1).max(TEXT_LIMITS.shortText).optional(),
  shareWithParents: z.boolean().default(false),
});
export type NoteInput = z.input<typeof NoteInput>;

/** A note about a pupil; in a dialog it runs in the dialog's completing transaction. */
export async function addNote(db: Tx, actor: Actor, input: NoteInput): Promise<{ id: string }> {
  const parsed = NoteInput.safeParse(input);
  if (!parsed.success) throw new AppError(ErrorCode.ValidationFailed, "invalid note", parsed.error.issues);
  const pupil = await requirePupilAccess(db, actor, parsed.data.pupilId, "write");
  const note = await db.note.create({
    data: {
      pupilId: pupil.id,
      authorId: actor.staffId,
      text: parsed.data.text,
      goalText: parsed.data.goalText ?? null,
      shareWithParents: parsed.data.shareWithParents,
    },
  });
  await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "create", entity: "note", entityId: note.id, pupilId: pupil.id });
  return { id: note.id };
}

// How a teacher records a conversation: "short" (one conversation card while sitting with the
// pupil, one record card afterwards) or "steps" (the step-by-step guide). Kept on the staff row,
// so every instance sees the same choice; null means the teacher has not chosen yet.
import { z } from "zod";
import type { Db } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import type { ConversationFormat } from "../formats/schema.js";
import { hasContent } from "../formats/share.js";
import type { Answers } from "./dialog-sessions.js";
import { localized } from "../i18n/translate.js";

export const ConversationMode = z.enum(["short", "steps"]);

/**
 * What the short way stores beside the goal and agreement (which go to their own records): the
 * words jotted on the conversation card, and how the conversation went. The dialog writes these,
 * reading a held conversation shows them.
 */
export const SHORT_STEP = { card: "kaart", record: "record" } as const;
export const SHORT_JOTS = [
  { id: "goesWell", label: localized("short.card.goesWell.label") },
  { id: "hard", label: localized("short.card.hard.label") },
  { id: "goalWords", label: localized("short.card.goalWords.label") },
  { id: "agreementWords", label: localized("short.card.agreementWords.label") },
] as const;
export const HOW_IT_WENT = {
  id: "howItWent",
  label: localized("short.record.howItWent.label"),
  options: [
    { value: "good", label: localized("short.record.howItWent.good"), icon: "😀" },
    { value: "mixed", label: localized("short.record.howItWent.mixed"), icon: "😐" },
    { value: "hard", label: localized("short.record.howItWent.hard"), icon: "🙁" },
  ],
} as const;
export type ConversationMode = z.infer<typeof ConversationMode>;

/** Whether these answers were given the short way: they hold the conversation card or the record card. */
export function givenTheShortWay(answers: Record<string, unknown>): boolean {
  return answers[SHORT_STEP.card] !== undefined || answers[SHORT_STEP.record] !== undefined;
}

/** Words a teacher types for each way of working, Dutch first, English aliases. */
const MODE_WORDS: Record<ConversationMode, string[]> = {
  short: ["kort", "snel", "short", "quick", "compact"],
  steps: ["stappen", "stap voor stap", "stapsgewijs", "steps", "step by step", "guide"],
};

/**
 * The short way records a pupil's kindplan while sitting with the pupil: not the onderbouw's quick
 * moment (already a few taps), a group conversation, or the leerlingbespreking with the IB'er.
 */
export function shortWayFits(format: Pick<ConversationFormat, "subject" | "closeWithPlan" | "quick" | "withParents">): boolean {
  // With the parents at the table, home and school are the point: no one-step record.
  return format.subject === "pupil" && format.closeWithPlan && !format.quick && !format.withParents;
}

/**
 * Whether a dialog holds anything given yet. One not begun follows a change of the way of working;
 * one begun keeps its own, so switching never drops an answer. (A Slack modal closed to reach the
 * offer's button pauses the dialog with empty fields: that is not begun.)
 */
export function dialogBegun(answers: Answers): boolean {
  return Object.values(answers).some((step) => Object.values(step).some(hasContent));
}

export function modeFromWord(word: string): ConversationMode | null {
  const w = word.trim().toLowerCase().replace(/\s+/g, " ");
  return (Object.entries(MODE_WORDS).find(([, words]) => words.includes(w))?.[0] as ConversationMode | undefined) ?? null;
}

export async function conversationModeOf(db: Db, staffId: string): Promise<ConversationMode | null> {
  const row = await db.staff.findUnique({ where: { id: staffId }, select: { conversationMode: true } });
  const parsed = ConversationMode.safeParse(row?.conversationMode);
  return parsed.success ? parsed.data : null;
}

export async function setConversationMode(db: Db, actor: Actor, mode: ConversationMode): Promise<void> {
  await db.staff.update({ where: { id: actor.staffId }, data: { conversationMode: mode } });
}

/**
 * Records the step guide as the choice only when nothing was chosen yet: the offer at the start
 * of a first conversation is made once. Returns whether this call made the (default) choice.
 */
export async function settleDefaultMode(db: Db, actor: Actor): Promise<boolean> {
  const changed = await db.staff.updateMany({ where: { id: actor.staffId, conversationMode: null }, data: { conversationMode: "steps" } });
  return changed.count > 0;
}

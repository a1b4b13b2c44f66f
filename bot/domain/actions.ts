// Typed button actions: which command a button runs and with which arguments. A button's label is
// for people; its action is data, checked here against the command's own argument schema, so a
// forged or stale button can name nothing a typed command could not.
import { z } from "zod";
import type { CommandAction, ReplyAction } from "../channel/types.js";
import { PREFERENCE_KINDS } from "./vocabulary.js";

const Id = z.string().min(1).max(64);

/** The arguments each command accepts from a button; a command absent here takes none. */
export const ACTION_ARGS = {
  pupil: z.object({ pupilId: Id }),
  prepare: z.object({ pupilId: Id }),
  conversation: z.object({ pupilId: Id }),
  review: z.object({ pupilId: Id }),
  startgesprek: z.object({ pupilId: Id }),
  export: z.object({ pupilId: Id }),
  /** A held conversation read in full: by its id (the timeline), or the newest of a pupil. */
  viewConversation: z.union([z.object({ conversationId: Id }), z.object({ pupilId: Id })]),
  evaluate: z.union([z.object({ goalId: Id }), z.object({ pupilId: Id })]),
  /** A quick note's text travels along a pupil choice, so nothing typed is lost. */
  note: z.object({ pupilId: Id, text: z.string().max(4000).optional() }),
  groupConversation: z.object({ groupId: Id }),
  /** A group's onderwijsbehoeften for the groepsplan. */
  needs: z.object({ groupId: Id }),
  /** A pupil chosen for (or taken off) an IB'er's list (bot/roster/ib-assignments.ts). */
  ibAssign: z.object({ pupilId: Id, ibStaffId: Id }),
  ibUnassign: z.object({ pupilId: Id, ibStaffId: Id }),
  resume: z.object({ sessionId: Id }),
  editRound: z.object({ roundId: Id }),
  cancelRound: z.object({ roundId: Id }),
  reminders: z.object({ set: z.enum(["on", "off"]), kind: z.enum(PREFERENCE_KINDS) }),
  /** The way of recording a conversation (bot/services/conversation-mode.ts). */
  workMode: z.object({ mode: z.enum(["short", "steps"]) }),
  /** The school to work for (a person with staff records at several schools of one board). */
  school: z.object({ schoolId: Id }),
  /** Picture cards to print for a format (by its key). */
  pictureCards: z.object({
    formatKey: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/)
      .max(40),
  }),
} as const;

type ArgsOf = { [C in keyof typeof ACTION_ARGS]: z.infer<(typeof ACTION_ARGS)[C]> };

/** Commands a button may run without arguments. */
export type PlainActionCommand = "help" | "plan" | "newRound" | "overview" | "evaluations" | "rounds" | "prepare" | "conversation" | "note" | "resume";

/** A button that runs `command` with typed `args`. */
export function buttonFor<C extends keyof ArgsOf>(label: string, command: C, args: ArgsOf[C]): ReplyAction;
export function buttonFor(label: string, command: PlainActionCommand): ReplyAction;
export function buttonFor(label: string, command: string, args?: Record<string, string | undefined>): ReplyAction {
  const clean = args ? Object.fromEntries(Object.entries(args).filter((e): e is [string, string] => e[1] !== undefined)) : undefined;
  return { label, action: { command, ...(clean && Object.keys(clean).length ? { args: clean } : {}) } };
}

/** A button's arguments, checked against the command's schema; null when they do not fit. */
export function checkActionArgs(action: CommandAction): Record<string, string> | null {
  const schema = (ACTION_ARGS as Record<string, z.ZodType<Record<string, string>>>)[action.command];
  if (!action.args || Object.keys(action.args).length === 0) return {};
  if (!schema) return null;
  const parsed = schema.safeParse(action.args);
  return parsed.success ? parsed.data : null;
}

/** The buttons under a question a dialog asks about itself ("Ja, stoppen", "Nee, dit is mijn antwoord"). */
export const DIALOG_REPLY = "dialogReply";
const DialogReplyArgs = z.object({ sessionId: Id, choice: z.enum(["yes", "no", "pause"]) });
export type DialogReply = z.infer<typeof DialogReplyArgs>;

export function dialogReplyButton(label: string, sessionId: string, choice: DialogReply["choice"]): ReplyAction {
  return { label, action: { command: DIALOG_REPLY, args: { sessionId, choice } } };
}

/** A pressed dialog-reply button's arguments; null for any other action or arguments that do not fit. */
export function parseDialogReply(action: CommandAction): DialogReply | null {
  if (action.command !== DIALOG_REPLY) return null;
  const parsed = DialogReplyArgs.safeParse(action.args ?? {});
  return parsed.success ? parsed.data : null;
}

// The guided dialogs as the turn pipeline and the commands see them. The dialogs layer implements
// this port (dialogs/engine/guide.ts) and the composition root hands it to the core: the core
// decides when a dialog starts or takes an answer, never how a dialog runs.
import type { Actor } from "../auth/actor.js";
import type { BotReply } from "../channel/types.js";
import type { Answers, PreloadedSession, SessionSubject } from "../services/dialog-sessions.js";
import type { DialogReply } from "../domain/actions.js";

/** The kinds of guided dialog; stored as DialogSession.kind. */
export type FlowKind = "prepare" | "conversation" | "note" | "round" | "plan" | "evaluate";

export interface GuideResult {
  /** "dialog.step", "dialog.completed", …: what the turn was routed to. */
  route: string;
  replies: BotReply[];
  /** The teacher confirmed that what they typed was a command: the pipeline runs this text. */
  command?: string;
}

export interface DialogGuide {
  /** Whether this person has a dialog open (their typed text is then an answer). */
  hasActive(actor: Actor): Promise<boolean>;
  /** A step submitted from a card or modal (untrusted: validated by the engine). */
  submit(actor: Actor, submission: unknown, preloaded?: PreloadedSession): Promise<GuideResult>;
  /**
   * Typed text in the open dialog: a reply to its question, help, "wijzig n", or an answer; null
   * when it was not taken. `commandLike`: the text also reads as a command, so the dialog asks first.
   */
  typed(actor: Actor, text: string, options?: { commandLike?: boolean }): Promise<GuideResult | null>;
  /** A button under a question the dialog asked ("Ja, stoppen", "Nee, dit is mijn antwoord"). */
  reply(actor: Actor, reply: DialogReply): Promise<GuideResult>;
  start(actor: Actor, kind: FlowKind, subject: SessionSubject, answers?: Answers): Promise<BotReply[]>;
  resume(actor: Actor, sessionId: string): Promise<BotReply[]>;
  /** Ends an open dialog that can no longer load (access changed), so nobody stays stuck; the notice. */
  abandonActive(actor: Actor): Promise<BotReply>;
}

/** A dialog about no pupil, group or conversation yet (a round, a plan). */
export const NO_SUBJECT: SessionSubject = { pupilId: null, groupId: null, conversationId: null, formatKey: null, formatVersion: null };

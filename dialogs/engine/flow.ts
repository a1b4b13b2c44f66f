// A flow is one kind of guided dialog (prepare, conversation, note). It computes its steps from
// what was answered so far — that is how loops ("another goal?") and conditional steps work —
// and stores the outcome when the last step is done.
import type { Db, Tx } from "../../bot/db/client.js";
import type { Actor } from "../../bot/auth/actor.js";
import type { StepDefinition } from "./types.js";
import type { Answers, SessionSubject } from "../../bot/services/dialog-sessions.js";
import type { FlowKind } from "../../bot/guide/dialog-guide.js";

// A session's answers and subject are stored by the core (bot/services/dialog-sessions.ts).
export type { Answers, SessionSubject };
import type { ReplyAction } from "../../bot/channel/types.js";
import type { PupilContextPreread } from "../../bot/services/pupil-context-query.js";

export const SKIPPED = "__skipped";

export interface FlowContext {
  db: Db;
  actor: Actor;
  locale: "nl" | "en";
  /** Today in the school's timezone, YYYY-MM-DD. */
  today: string;
  now: Date;
  /** The session's pupil's context as the turn's first statement read it (a card submission on PostgreSQL): for the flow's load. */
  preread?: PupilContextPreread;
}

/** What a flow loaded for this turn (pupil, format, previous goals…); opaque to the engine. */
export interface LoadedFlow {
  title: string;
  steps(answers: Answers): StepDefinition[];
  /**
   * Answers that depend on others, brought along when those change (a record card field prefilled
   * from the conversation card follows it until the teacher changes it). Given the answers before
   * and after a change; returns the answers to store.
   */
  follow?(before: Answers, after: Answers): Answers;
  /** Options for pupil fields. */
  pupilOptions?: { value: string; label: string }[];
}

export interface Completion {
  /** The confirmation to show (already localized). */
  text: string;
  conversationId?: string;
  /** Files to offer (pupil preparation form, export). */
  attachments?: { filename: string; contentType: string; content: string }[];
  /** Buttons for what may come next (e.g. start a conversation to set a new goal). */
  actions?: ReplyAction[];
}

export interface DialogFlow {
  kind: FlowKind;
  /** Checks access and loads what the steps need. Throws Forbidden/NotFound like any service. */
  load(ctx: FlowContext, subject: SessionSubject): Promise<LoadedFlow>;
  /** Stores the outcome. Runs in the transaction that completes the session. */
  complete(ctx: FlowContext & { tx: Tx }, subject: SessionSubject, answers: Answers): Promise<Completion>;
}

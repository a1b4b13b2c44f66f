// The decisions Teams and Slack make alike when they deliver a turn's replies, as pure data:
// - what each reply becomes (text, quick actions, a dialog step, files), and steps as text
//   prompts when the teacher is typing (one question at a time, nothing to click);
// - which reply replaces the card or message the teacher just answered: its read-only summary
//   (then the reply is sent as well), or the same step coming back with errors (then it is sent
//   only when replacing failed, e.g. a message too old to edit).
// The channels only translate each part into their own format and do the I/O.
import type { BotReply, FileAttachment, ReplyAction, ReplyList } from "../../bot/channel/types.js";
import type { StepView } from "../../dialogs/engine/types.js";
import type { AnsweredStep } from "../../bot/channel/types.js";
import { renderStepText } from "../../dialogs/render/text.js";

export type OutboundPart =
  | { kind: "text"; text: string }
  | { kind: "actions"; text: string; actions: ReplyAction[] }
  /** Lines with a button each (a bundled reminder): a channel may split it over several messages. */
  | { kind: "list"; text: string; lists: ReplyList[] }
  | { kind: "step"; step: StepView }
  | { kind: "file"; file: FileAttachment };

export type Replacement = { kind: "summary"; answered: AnsweredStep } | { kind: "step"; step: StepView };

export interface PlannedReply {
  /** What to send for this reply, in order. */
  parts: OutboundPart[];
  /** Replace the answered card/message first; for a step, send `parts` only if that failed. */
  replace?: Replacement;
}

export interface DeliveryContext {
  /** The teacher typed during a dialog: steps go out as text prompts. */
  stepsAsText: boolean;
  /** The card or message the teacher answered in this turn, and the step it showed. */
  answered?: { stepId?: string | undefined } | undefined;
}

/** The parts of one reply, in the order a channel sends them. */
export function replyParts(reply: BotReply, stepsAsText: boolean): OutboundPart[] {
  const parts: OutboundPart[] = [];
  if (reply.step) {
    if (stepsAsText) parts.push({ kind: "text", text: [reply.text, renderStepText(reply.step)].filter(Boolean).join("\n\n") });
    else {
      if (reply.text) parts.push({ kind: "text", text: reply.text });
      parts.push({ kind: "step", step: reply.step });
    }
  } else if (reply.lists?.some((l) => l.items.length > 0)) {
    parts.push({ kind: "list", text: reply.text, lists: reply.lists.filter((l) => l.items.length > 0) });
  } else if (reply.actions?.length) {
    parts.push({ kind: "actions", text: reply.text, actions: reply.actions });
  } else if (reply.text) {
    parts.push({ kind: "text", text: reply.text });
  }
  for (const file of reply.attachments ?? []) parts.push({ kind: "file", file });
  return parts;
}

/** Every reply's parts, and at most one replacement of the answered card or message. */
export function planDelivery(replies: BotReply[], context: DeliveryContext): PlannedReply[] {
  let replaced = false;
  return replies.map((reply) => {
    const parts = replyParts(reply, context.stepsAsText);
    const answered = context.answered;
    if (!answered || replaced) return { parts };
    if (reply.answered) {
      replaced = true;
      return { parts, replace: { kind: "summary", answered: reply.answered } };
    }
    if (reply.step && reply.step.stepId === answered.stepId) {
      replaced = true;
      return { parts, replace: { kind: "step", step: reply.step } };
    }
    return { parts };
  });
}

/**
 * Where to reach a person proactively is stored once per address per process: storing it
 * costs a query, and it rarely changes. A failed store (not known staff) is tried again.
 */
export class AddressCache {
  private readonly stored = new Set<string>();

  async remember(key: string, store: () => Promise<boolean>): Promise<void> {
    if (this.stored.has(key)) return;
    if (this.stored.size > 10_000) this.stored.clear();
    if (await store()) this.stored.add(key);
  }
}

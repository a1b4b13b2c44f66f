// The channel-neutral shape of a chat turn. Adapters translate to and from these; nothing here
// knows about Teams or Slack.
import type { Channel, Locale } from "../domain/vocabulary.js";
import type { StepView } from "../../dialogs/engine/types.js";
import type { AnsweredStep } from "../../dialogs/engine/view.js";

export interface ChannelUser {
  channel: Channel;
  /** Teams AAD object id, Slack "T…:U…", or the e-mail for the local terminal chat. */
  externalId: string;
  email?: string;
  /** Looks the e-mail up at the channel, only when the identity is not known yet (first contact). */
  lookupEmail?: () => Promise<string | undefined>;
  /** Teams tenant id or Slack team id; required on Teams and Slack. */
  tenantId?: string;
}

export interface InboundTurn {
  user: ChannelUser;
  /** What the user typed, or the command a button carries. */
  text: string;
  /**
   * "button" when the text is a command from a button (it then interrupts a dialog, pausing
   * it); typed text during a dialog is always taken as an answer, so nothing typed is lost.
   */
  source?: "typed" | "button";
  /** A dialog step submitted from a card or modal: untrusted, validated by the engine. */
  submission?: unknown;
}

/** A quick action: a button that sends `command` as if typed. */
export interface ReplyAction {
  label: string;
  command: string;
}

export interface FileAttachment {
  filename: string;
  contentType: string;
  content: string;
  /** The pupil the file is about: a link to it is removed when the pupil is erased. */
  pupilId?: string;
}

export interface BotReply {
  /** Markdown-light text: **bold** and line breaks; adapters convert as their channel needs. */
  text: string;
  actions?: ReplyAction[];
  /** A dialog step to show: as text, an Adaptive Card or a Slack modal/message. */
  step?: StepView;
  /** The step that was just answered, for channels that replace the old card with a summary. */
  answered?: AnsweredStep;
  /** Files to offer (printable HTML). */
  attachments?: FileAttachment[];
}

export interface TurnResult {
  replies: BotReply[];
  locale: Locale;
  /** What the turn was routed to ("prepare", "dialog.step", …); channels use it to pick a rendering. */
  route?: string;
}

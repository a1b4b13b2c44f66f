// The channel-neutral shape of a chat turn. Adapters translate to and from these; nothing here
// knows about Teams or Slack.
import type { Channel, Locale } from "../domain/vocabulary.js";

export interface ChannelUser {
  channel: Channel;
  /** Teams AAD object id, Slack "T…:U…", or the e-mail for the local terminal chat. */
  externalId: string;
  email?: string;
  /** Teams tenant id or Slack team id; required on Teams and Slack. */
  tenantId?: string;
}

export interface InboundTurn {
  user: ChannelUser;
  /** What the user typed, or the command a button carries. */
  text: string;
}

/** A quick action: a button that sends `command` as if typed. */
export interface ReplyAction {
  label: string;
  command: string;
}

export interface BotReply {
  /** Markdown-light text: **bold** and line breaks; adapters convert as their channel needs. */
  text: string;
  actions?: ReplyAction[];
}

export interface TurnResult {
  replies: BotReply[];
  locale: Locale;
}

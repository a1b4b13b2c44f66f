// The channel-neutral shapes of a turn: what an adapter hands the core, and what it gets back to
// render. Adapters, the core and the dialogs all speak these; this module imports nothing of ours,
// so any of them can depend on it without depending on each other.

export const CHANNELS = ["teams", "slack", "local"] as const;
export type ChannelName = (typeof CHANNELS)[number];

export const LOCALES = ["nl", "en"] as const;
export type LocaleName = (typeof LOCALES)[number];

export interface ChannelUser {
  channel: ChannelName;
  /** Teams AAD object id, Slack "T…:U…", or the e-mail for the local terminal chat. */
  externalId: string;
  email?: string;
  /** Looks the e-mail up at the channel, only when the identity is not known yet (first contact). */
  lookupEmail?: () => Promise<string | undefined>;
  /** Teams tenant id or Slack team id; required on Teams and Slack. */
  tenantId?: string;
  /** The language the channel says she uses (Teams: the activity's locale): for replies before we know who she is. */
  locale?: LocaleName;
}

/** What a button does: a command id and typed arguments. The label is for people only. */
export interface CommandAction {
  /** A command id from the command table ("prepare", "evaluate", "resume", …). */
  command: string;
  /** Typed arguments ({ pupilId }, { goalId }, { sessionId }, …), checked by the command's schema. */
  args?: Record<string, string>;
}

export interface InboundTurn {
  user: ChannelUser;
  /** What the user typed ("" for a button press or a card submission). */
  text: string;
  /**
   * The text is a command given explicitly (Slack's slash command, a button from before typed
   * actions): it interrupts an open dialog instead of answering it. Plain typed text during a
   * dialog is always an answer, so nothing typed is lost to command parsing.
   */
  isCommand?: boolean;
  /** A pressed button: untrusted until the core checks it against the command table. */
  action?: CommandAction;
  /** A dialog step submitted from a card or modal: untrusted, validated by the engine. */
  submission?: unknown;
  /**
   * The channel's delivery of this turn, to act on once across all instances (the delivery
   * ledger, as core.claimDelivery): a repeat gets a result with `duplicate` and nothing else.
   */
  delivery?: { channel: "teams" | "slack"; key: string };
}

/** A quick action: a button with a typed action. */
export interface ReplyAction {
  label: string;
  action: CommandAction;
}

/** A line with its own button (a reminder listing pupils): channels show the button beside the line. */
export interface ReplyItem {
  text: string;
  action: ReplyAction;
}

/** A titled list of lines with a button each; a channel splits a long one over several messages, never cuts it. */
export interface ReplyList {
  heading: string;
  items: ReplyItem[];
}

export interface FileAttachment {
  filename: string;
  contentType: string;
  content: string;
  /** The pupil the file is about: a link to it is removed when the pupil is erased. */
  pupilId?: string;
}

// ---- A dialog step, resolved for one person: all a renderer (text, Adaptive Card, Block Kit) needs.

export const FIELD_KINDS = ["shortText", "longText", "singleChoice", "multiChoice", "yesNo", "date", "time", "number", "pupil"] as const;
export type FieldKindName = (typeof FIELD_KINDS)[number];

/** A value as stored in a draft. */
export type FieldValue = string | number | boolean | string[];

export interface FieldView {
  id: string;
  kind: FieldKindName;
  label: string;
  help?: string;
  placeholder?: string;
  required: boolean;
  options?: { value: string; label: string; icon?: string }[];
  maxLength?: number;
  min?: number;
  max?: number;
  /** The stored value, to pre-fill. */
  value?: FieldValue;
  /** The value is the field's default, not an answer yet (text mode still asks the question). */
  isDefault?: boolean;
  /** What the user typed that did not validate: shown again so nothing typed is lost. */
  raw?: string;
  /** The teacher asked to change this answer ("wijzig 2"): text mode asks it next, showing `value`. */
  editing?: boolean;
  error?: string;
}

export interface StepView {
  sessionId: string;
  /** Increments on every accepted submission: a submission with an older version is stale. */
  version: number;
  stepId: string;
  dialogTitle: string;
  title: string;
  intro?: string;
  tips: string[];
  info: string[];
  progress: { index: number; total: number };
  fields: FieldView[];
  /** Errors about the step as a whole. */
  errors: string[];
  /** Button labels in the user's language; absent when the action is not possible here. */
  actions: { submit: string; back?: string; skip?: string; pause: string; cancel: string };
  locale: LocaleName;
  /** All questions at once: text mode lists them numbered and takes "2: …" lines (dialogs/engine/compact-text.ts). */
  compact?: boolean;
  /** Shown again on request (`verder`, a restart): text mode lists what the step holds before its next question. */
  recap?: boolean;
}

/** A step just answered, for channels that replace the answered card with a read-only summary. */
export interface AnsweredStep {
  stepId: string;
  title: string;
  items: { label: string; value: string }[];
}

export interface BotReply {
  /** Markdown-light text: **bold** and line breaks; adapters convert as their channel needs. */
  text: string;
  actions?: ReplyAction[];
  /** Lists after the text, each line with its own button (a bundled reminder). */
  lists?: ReplyList[];
  /** A dialog step to show: as text, an Adaptive Card or a Slack modal/message. */
  step?: StepView;
  /** The step that was just answered, for channels that replace the old card with a summary. */
  answered?: AnsweredStep;
  /** Files to offer (printable HTML). */
  attachments?: FileAttachment[];
}

export interface TurnResult {
  replies: BotReply[];
  locale: LocaleName;
  /** What the turn was routed to ("prepare", "dialog.step", …), for logs and tests. */
  route?: string;
  /** The turn may have changed what the teacher's overview shows (Slack refreshes its Home tab). */
  changed?: boolean;
  /** The active dialog handled the turn; typed text then gets the next question as text too. */
  inDialog?: boolean;
  /** The turn's delivery was claimed before (a repeat): nothing was done, nothing is to be sent. */
  duplicate?: boolean;
}

/** A teacher's overview for a channel's home page (Slack's App Home): data only, rendered by the channel. */
export interface TeacherHome {
  kind: "home";
  locale: LocaleName;
  firstName: string;
  /** When this was put together: HH:MM in the school's timezone. */
  updatedAt: string;
  /** Unfinished dialogs (active or paused), newest first. */
  drafts: { sessionId: string; kind: string; pupilName?: string /** YYYY-MM-DD, school-local. */; updatedOn: string; paused: boolean }[];
  /** Pupils with a planned or prepared conversation. */
  upcoming: { pupilName: string; groupName: string; status: "planned" | "prepared" }[];
  /** Open goals evaluated within the coming week, soonest first. */
  due: { pupilId: string; pupilName: string /** YYYY-MM-DD */; evaluationDate: string; goalText: string }[];
  groups: { groupName: string; held: number; total: number /** YYYY-MM-DD */; since: string }[];
}

/** Someone the core does not serve (unknown workspace or user): a localized refusal and no data. */
export interface HomeRefusal {
  kind: "refused";
  locale: LocaleName;
  text: string;
}

export type HomeSummary = TeacherHome | HomeRefusal;

// ---- Proactive sends and mounting: what a channel module offers the core and the composition root.

export type SendOutcome =
  | { ok: true }
  /** Permanent: the bot was removed or blocked (403/404), or there is no address. */
  | { ok: false; permanent: true; reason: "blocked" | "not_found" | "no_address" }
  /** Retry later: throttled (429) with the wait the platform asked for. */
  | { ok: false; permanent: false; reason: "throttled"; retryAfterMs: number }
  /** The platform may or may not have accepted it (5xx, timeout): do not blindly send again. */
  | { ok: false; permanent: false; reason: "uncertain" | "error"; detail: string };

export interface SendOptions {
  /**
   * The outbox message's idempotency key. Channels carry it along with the message (Teams in
   * channelData, Slack in message metadata) so a delivery can be traced and duplicates detected.
   */
  idempotencyKey?: string;
  /** The recipient's language, for the channel's own labels. Filled in by ProactiveSender. */
  locale?: LocaleName;
  /** A download link for a file offered in the message (a printable form). Filled in by ProactiveSender. */
  linkFor?: (file: FileAttachment) => Promise<string>;
}

export interface ChannelSender {
  channel: ChannelName;
  send(reference: unknown, messages: BotReply[], options?: SendOptions): Promise<SendOutcome>;
  /** This instance's fraction of the channel's rate limits, when n instances send (1/n). */
  setShare?(fraction: number): void;
  /** How long until a send to this address fits the channel's limits (0: now), so a sender can take another first. */
  readyIn?(reference: unknown): Readiness;
}

/** `waitMs` 0: a send fits now. Otherwise `key` names the limit that is full (a tenant, a conversation). */
export interface Readiness {
  waitMs: number;
  key?: string;
}

/** A mounted channel: its HTTP routes are on the server; the composition root treats every one alike. */
export interface ChannelModule {
  channel: ChannelName;
  /** Sends proactive messages (reminders) on this channel. */
  sender: ChannelSender;
  stop(): void | Promise<void>;
  /** Resolves when the work the channel does after acknowledging requests is done (tests wait on it). */
  settled?(): Promise<void>;
}

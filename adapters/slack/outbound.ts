// The core's replies → Slack messages (text + Block Kit): text as mrkdwn sections, quick
// actions as buttons (a drop-down when there are many), a dialog step as a message with inputs
// or as text prompts (the teacher is typing), files as links. Pure apart from `linkFor`.
import {
  renderStepMessage,
  SLACK_LIMITS,
  truncate,
  type ActionsBlock,
  type Block,
  type Button,
  type SectionBlock,
  type SlackOption,
} from "../../dialogs/render/block-kit/index.js";
import type { BotReply, FileAttachment, ReplyAction } from "../../bot/channel/types.js";
import type { Locale } from "../../bot/domain/vocabulary.js";
import { chunkText, escapeMrkdwn, toMrkdwn } from "./mrkdwn.js";
import { slackText } from "./texts.js";
import { replyParts, type OutboundPart } from "../shared/delivery-plan.js";
import { encodeAction } from "../shared/button-action.js";
import { listMessages } from "./list-blocks.js";

export interface SlackMessage {
  /** The notification and accessibility text; Slack shows blocks when there are any. */
  text: string;
  blocks: Block[];
}

/** A quick-action button: its value is the typed action, as JSON. */
export const COMMAND_ACTION_PREFIX = "gw_cmd:";
export const COMMAND_SELECT_ACTION_ID = "gw_cmd_select";
/** More quick actions than this become a drop-down. */
const MAX_BUTTONS = 5;

export interface RenderOptions {
  /** Steps as typed prompts (one question at a time) instead of Block Kit inputs. */
  stepsAsText: boolean;
  locale: Locale;
  /** Turns a file into a link the teacher can open. */
  linkFor: (file: FileAttachment) => Promise<string>;
}

export function textSections(text: string): SectionBlock[] {
  return chunkText(toMrkdwn(text), SLACK_LIMITS.sectionText).map((chunk) => ({ type: "section", text: { type: "mrkdwn", text: chunk } }));
}

function plainText(text: string, max: number) {
  return { type: "plain_text" as const, text: truncate(text.replace(/\s+/g, " ").trim() || "…", max), emoji: true };
}

/** Quick actions: buttons, or one drop-down when there are many (a pupil choice, say). */
function commandBlocks(actions: ReplyAction[], locale: Locale): ActionsBlock[] {
  const usable = actions.map((a) => ({ label: a.label, value: encodeAction(a.action) })).filter((a) => a.value.length <= SLACK_LIMITS.buttonValue);
  if (usable.length === 0) return [];
  const fitsOption = usable.every((a) => a.value.length <= SLACK_LIMITS.optionValue);
  if (usable.length <= MAX_BUTTONS || !fitsOption) {
    const buttons: Button[] = usable.slice(0, SLACK_LIMITS.actionsElements).map((a, i) => ({
      type: "button",
      action_id: `${COMMAND_ACTION_PREFIX}${i}`,
      text: plainText(a.label, SLACK_LIMITS.buttonText),
      value: a.value,
    }));
    return [{ type: "actions", elements: buttons }];
  }
  const options: SlackOption[] = usable
    .slice(0, SLACK_LIMITS.selectOptions)
    .map((a) => ({ text: plainText(a.label, SLACK_LIMITS.optionText), value: a.value }));
  return [
    {
      type: "actions",
      elements: [
        {
          type: "static_select",
          action_id: COMMAND_SELECT_ACTION_ID,
          placeholder: plainText(slackText(locale, "slack.chooseCommand"), SLACK_LIMITS.placeholder),
          options,
        },
      ],
    },
  ];
}

function textMessage(text: string, extra: Block[] = []): SlackMessage {
  const sections = textSections(text);
  const blocks = [...sections.slice(0, SLACK_LIMITS.messageBlocks - extra.length), ...extra];
  return { text: truncate(text.replace(/\*\*/g, ""), SLACK_LIMITS.fallbackText) || "…", blocks };
}

/** One part of a reply as Slack messages: one (none for a file without a link), or several for a long list. */
export async function messagesForPart(part: OutboundPart, options: RenderOptions): Promise<SlackMessage[]> {
  if (part.kind === "list") return listMessages(part.text, part.lists, COMMAND_ACTION_PREFIX);
  const message = await messageForPart(part, options);
  return message ? [message] : [];
}

/** One part of a reply (see the shared delivery plan) other than a list as a Slack message; null for a file without a link. */
export async function messageForPart(part: Exclude<OutboundPart, { kind: "list" }>, options: RenderOptions): Promise<SlackMessage | null> {
  switch (part.kind) {
    case "text":
      return textMessage(part.text);
    case "actions":
      return textMessage(part.text, commandBlocks(part.actions, options.locale));
    case "step":
      return renderStepMessage(part.step);
    case "file": {
      const url = await options.linkFor(part.file);
      if (!url) return null;
      const label = slackText(options.locale, "slack.openFile");
      const name = escapeMrkdwn(part.file.filename).replace(/\|/g, "");
      return { text: part.file.filename, blocks: [{ type: "section", text: { type: "mrkdwn", text: `:page_facing_up: *${name}* · <${url}|${label}>` } }] };
    }
  }
}

export async function messagesFor(reply: BotReply, options: RenderOptions): Promise<SlackMessage[]> {
  const messages: SlackMessage[] = [];
  for (const part of replyParts(reply, options.stepsAsText)) messages.push(...(await messagesForPart(part, options)));
  return messages;
}

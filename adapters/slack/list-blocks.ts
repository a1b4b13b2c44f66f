// A list with a button per line (a bundled reminder) as Slack messages: per line a section with
// the text and its button as the accessory (the typed action as the value, like every quick
// action, so the same handler takes the press). Slack allows 50 blocks per message, so a long
// list is split over several messages, in order; nothing is cut. A list continued in the next
// message repeats its heading.
import { SLACK_LIMITS, truncate, type Block, type Button, type SectionBlock } from "../../dialogs/render/block-kit/index.js";
import type { ReplyItem, ReplyList } from "../../bot/channel/types.js";
import { encodeAction } from "../shared/button-action.js";
import { chunkText, toMrkdwn } from "./mrkdwn.js";

interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** A section with a button beside its text (Block Kit's accessory). */
type ItemSection = SectionBlock & { accessory: Button };

const mrkdwn = (text: string) => ({ type: "mrkdwn" as const, text: truncate(text, SLACK_LIMITS.sectionText) });

function itemSection(item: ReplyItem, actionId: string): ItemSection {
  return {
    type: "section",
    text: mrkdwn(toMrkdwn(item.text)),
    accessory: {
      type: "button",
      action_id: actionId,
      text: { type: "plain_text", text: truncate(item.action.label, SLACK_LIMITS.buttonText), emoji: true },
      value: encodeAction(item.action.action),
    },
  };
}

/** The messages for a title and its lists, in order; each within Slack's block limit. Buttons' ids: the prefix and a number. */
export function listMessages(title: string, lists: ReplyList[], actionIdPrefix: string): SlackMessage[] {
  const fallback = truncate(title.replace(/\*\*/g, ""), SLACK_LIMITS.fallbackText) || "…";
  const messages: Block[][] = [];
  let blocks: Block[] = chunkText(toMrkdwn(title), SLACK_LIMITS.sectionText).map((chunk) => ({ type: "section", text: mrkdwn(chunk) }));
  let buttons = 0;
  const flush = () => {
    messages.push(blocks);
    blocks = [];
    buttons = 0;
  };
  for (const list of lists) {
    const heading: SectionBlock = { type: "section", text: mrkdwn(`*${toMrkdwn(list.heading)}*`) };
    // A heading with no room for a line after it starts the next message.
    if (blocks.length + 2 > SLACK_LIMITS.messageBlocks) flush();
    blocks.push(heading);
    for (const item of list.items) {
      if (blocks.length + 1 > SLACK_LIMITS.messageBlocks) {
        flush();
        blocks.push(heading);
      }
      blocks.push(itemSection(item, `${actionIdPrefix}${buttons++}`));
    }
  }
  if (blocks.length) flush();
  return messages.map((b) => ({ text: fallback, blocks: b }));
}

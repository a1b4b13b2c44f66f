// Text between the core's markdown-light (**bold**, line breaks) and Slack's mrkdwn, both ways.
// Escaping and chunking are the Block Kit renderer's; re-exported for the adapter.
import { escapeMrkdwn } from "../../dialogs/render/block-kit/index.js";

export { chunkText, escapeMrkdwn } from "../../dialogs/render/block-kit/index.js";

/** The core's **bold** as Slack's *bold*, everything else escaped. */
export function toMrkdwn(text: string): string {
  return escapeMrkdwn(text).replace(/\*\*(.+?)\*\*/g, "*$1*");
}

/**
 * What a teacher typed, as plain text: Slack sends mentions as <@U123>, links as <url|label> and
 * escapes &, < and >. Mentions of the bot are dropped; links become their label (or address).
 */
export function cleanTypedText(text: string): string {
  return text
    .replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, "")
    .replace(/<(?:mailto:)?([^|>]+)\|([^>]*)>/g, "$2")
    .replace(/<(?:mailto:)?([^>]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

// An answered step in each rich format: the compact read-only summary that replaces the step's
// card (Teams) or message (Slack) once it is answered, so nothing on it can be sent twice.
// Pure; one place for both, so the two channels show the same thing.
import type { AnsweredStep } from "../../../bot/channel/types.js";
import type { AdaptiveCard } from "../adaptive-card/index.js";
import { SLACK_LIMITS, type Block } from "../block-kit/schema.js";
import { chunkText, escapeMrkdwn, truncate } from "../block-kit/text.js";

/** Title and answers as facts; no inputs and no actions. */
export function renderAnsweredCard(answered: AnsweredStep): AdaptiveCard {
  return {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.5",
    body: [
      { type: "TextBlock", text: `✓ ${answered.title}`, weight: "bolder", wrap: true },
      { type: "FactSet", facts: answered.items.map((i) => ({ title: i.label, value: i.value })) },
    ],
    fallbackText: answered.title,
    msteams: { width: "Full" },
  };
}

/** A check-marked title and the answers as context lines; no interactive elements. */
export function renderAnsweredMessage(answered: AnsweredStep): { text: string; blocks: Block[] } {
  const lines = answered.items.map((i) => `*${escapeMrkdwn(i.label.replace(/\s+/g, " "))}*: ${escapeMrkdwn(i.value)}`);
  const blocks: Block[] = [
    { type: "section", text: { type: "mrkdwn", text: truncate(`:white_check_mark: *${escapeMrkdwn(answered.title)}*`, SLACK_LIMITS.sectionText) } },
  ];
  for (const chunk of chunkText(lines.join("\n"), SLACK_LIMITS.sectionText))
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: truncate(chunk, SLACK_LIMITS.contextText) }] });
  return { text: truncate(`✓ ${answered.title}`, SLACK_LIMITS.fallbackText), blocks: blocks.slice(0, SLACK_LIMITS.messageBlocks) };
}

// The core's replies → Teams activities: text as simple HTML, a dialog step as an Adaptive
// Card, buttons as a card with Action.Submit, an answered step as a compact read-only card.
import { CardFactory, type Activity, type Attachment } from "botbuilder";
import { renderStepCard, type AdaptiveCard } from "../../dialogs/render/adaptive-card.js";
import { renderStepText } from "../../dialogs/render/text.js";
import type { AnsweredStep } from "../../dialogs/engine/view.js";
import type { BotReply, ReplyAction } from "../../bot/channel/types.js";
import { encodeAction } from "../shared/button-action.js";

/** Teams shows at most a handful of card buttons in a row; longer lists become a drop-down. */
const MAX_BUTTONS = 6;

function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);
}

/** Our markdown-light (**bold**, line breaks) as the HTML subset Teams renders in messages. */
export function toTeamsHtml(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, "<b>$1</b>")
    .replace(/\n/g, "<br>");
}

/** Our markdown-light for Adaptive Card TextBlocks (which render markdown themselves). */
function toCardMarkdown(text: string): string {
  return text.replace(/\n(?!- )/g, "\n\n");
}

function cardActivity(card: object, fallback: string): Partial<Activity> {
  return { type: "message", attachments: [CardFactory.adaptiveCard(card)], summary: fallback.slice(0, 200) };
}

export function commandCard(text: string, actions: ReplyAction[]): object {
  const body: object[] = text ? [{ type: "TextBlock", text: toCardMarkdown(text), wrap: true }] : [];
  if (actions.length <= MAX_BUTTONS) {
    return {
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      type: "AdaptiveCard",
      version: "1.5",
      body,
      actions: actions.map((a) => ({ type: "Action.Submit", title: a.label, data: { gw: "act", ...a.action } })),
    };
  }
  return {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.5",
    body: [
      ...body,
      { type: "Input.ChoiceSet", id: "gwAction", style: "filtered", label: "", choices: actions.map((a) => ({ title: a.label, value: encodeAction(a.action) })) },
    ],
    actions: [{ type: "Action.Submit", title: "OK", data: { gw: "act-choice" } }],
  };
}

export function answeredCard(answered: AnsweredStep): AdaptiveCard {
  return {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.5",
    body: [
      { type: "TextBlock", text: `✓ ${answered.title}`, weight: "Bolder", wrap: true },
      { type: "FactSet", facts: answered.items.map((i) => ({ title: i.label, value: i.value })) },
    ],
    fallbackText: answered.title,
    msteams: { width: "Full" },
  } as AdaptiveCard;
}

export interface RenderOptions {
  /** Show dialog steps as typed text prompts (the teacher is typing) instead of cards. */
  stepsAsText: boolean;
  /** Turns a file into a link the teacher can open (Teams personal chat carries no files). */
  linkFor: (file: NonNullable<BotReply["attachments"]>[number]) => Promise<string>;
}

export async function activitiesFor(reply: BotReply, options: RenderOptions): Promise<Partial<Activity>[]> {
  const activities: Partial<Activity>[] = [];
  if (reply.step) {
    if (options.stepsAsText) {
      const text = [reply.text, renderStepText(reply.step)].filter(Boolean).join("\n\n");
      activities.push({ type: "message", text: toTeamsHtml(text), textFormat: "xml" });
    } else {
      if (reply.text) activities.push({ type: "message", text: toTeamsHtml(reply.text), textFormat: "xml" });
      activities.push(cardActivity(renderStepCard(reply.step, { clientValidation: false }), reply.step.title));
    }
  } else if (reply.actions?.length) {
    activities.push(cardActivity(commandCard(reply.text, reply.actions), reply.text));
  } else if (reply.text) {
    activities.push({ type: "message", text: toTeamsHtml(reply.text), textFormat: "xml" });
  }
  for (const file of reply.attachments ?? []) {
    const url = await options.linkFor(file);
    activities.push(
      cardActivity(
        {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.5",
          body: [{ type: "TextBlock", text: file.filename, wrap: true }],
          actions: [{ type: "Action.OpenUrl", title: "Openen / Open", url }],
        },
        file.filename,
      ),
    );
  }
  return activities;
}

export type { Attachment };

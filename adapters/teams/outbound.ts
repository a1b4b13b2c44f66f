// The core's replies → Teams activities: text as simple HTML, a dialog step as an Adaptive
// Card, buttons as a card with Action.Submit, an answered step as its read-only summary.
import { CardFactory, type Activity, type Attachment } from "botbuilder";
import { renderStepCard } from "../../dialogs/render/adaptive-card/index.js";
import { renderAnsweredCard } from "../../dialogs/render/answered/index.js";
import type { AnsweredStep, BotReply, FileAttachment, ReplyAction } from "../../bot/channel/types.js";
import { encodeAction } from "../shared/button-action.js";
import { replyParts, type OutboundPart } from "../shared/delivery-plan.js";
import type { Locale } from "../../bot/domain/vocabulary.js";
import { teamsText } from "./texts.js";
import { listCards } from "./list-cards.js";

/** Teams shows at most a handful of card buttons in a row; longer lists become a drop-down. */
const MAX_BUTTONS = 6;

function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);
}

/** Our markdown-light (**bold**, line breaks) as the HTML subset Teams renders in messages. */
function toTeamsHtml(text: string): string {
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

function commandCard(text: string, actions: ReplyAction[], locale: Locale): object {
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
      {
        type: "Input.ChoiceSet",
        id: "gwAction",
        style: "filtered",
        label: "",
        choices: actions.map((a) => ({ title: a.label, value: encodeAction(a.action) })),
      },
    ],
    actions: [{ type: "Action.Submit", title: teamsText(locale, "teams.chooseCommand"), data: { gw: "act-choice" } }],
  };
}

export interface RenderOptions {
  /** Show dialog steps as typed text prompts (the teacher is typing) instead of cards. */
  stepsAsText: boolean;
  /** The reader's language, for the adapter's own labels. */
  locale: Locale;
  /** Turns a file into a link the teacher can open (Teams personal chat carries no files). */
  linkFor: (file: FileAttachment) => Promise<string>;
}

const textActivity = (text: string): Partial<Activity> => ({ type: "message", text: toTeamsHtml(text), textFormat: "xml" });

/** One part of a reply as Teams activities: one, or several cards for a long list. */
export async function activitiesForPart(part: OutboundPart, options: Pick<RenderOptions, "linkFor" | "locale">): Promise<Partial<Activity>[]> {
  if (part.kind === "list") return listCards(part.text, part.lists, toCardMarkdown).map((card) => cardActivity(card, part.text));
  return [await activityForPart(part, options)];
}

/** One part of a reply (see the shared delivery plan) other than a list, as a Teams activity. */
export async function activityForPart(
  part: Exclude<OutboundPart, { kind: "list" }>,
  options: Pick<RenderOptions, "linkFor" | "locale">,
): Promise<Partial<Activity>> {
  switch (part.kind) {
    case "text":
      return textActivity(part.text);
    case "actions":
      return cardActivity(commandCard(part.text, part.actions, options.locale), part.text);
    case "step":
      return cardActivity(renderStepCard(part.step, { clientValidation: false }), part.step.title);
    case "file": {
      const url = await options.linkFor(part.file);
      const card = {
        $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
        type: "AdaptiveCard",
        version: "1.5",
        body: [{ type: "TextBlock", text: part.file.filename, wrap: true }],
        actions: [{ type: "Action.OpenUrl", title: teamsText(options.locale, "teams.openFile"), url }],
      };
      return cardActivity(card, part.file.filename);
    }
  }
}

export async function activitiesFor(reply: BotReply, options: RenderOptions): Promise<Partial<Activity>[]> {
  const activities: Partial<Activity>[] = [];
  for (const part of replyParts(reply, options.stepsAsText)) activities.push(...(await activitiesForPart(part, options)));
  return activities;
}

/** The read-only summary that replaces an answered step's card. */
export function answeredActivity(answered: AnsweredStep): Partial<Activity> {
  return { type: "message", attachments: [CardFactory.adaptiveCard(renderAnsweredCard(answered))] };
}

export type { Attachment };

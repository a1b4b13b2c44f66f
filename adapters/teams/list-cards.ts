// A list with a button per line (a bundled reminder) as Adaptive Cards: per line a column with
// the text and one with its button (Action.Submit with the typed action, as every card button).
// Teams refuses a message over about 28 KB, so a long list is split over several cards, each
// well under that, in order; nothing is cut. A list continued on the next card repeats its heading.
import type { ReplyItem, ReplyList } from "../../bot/channel/types.js";

/** Lines per card, and a size budget for a card's JSON (Teams' limit is about 28 KB per message). */
export const LIST_CARD_LIMITS = { items: 20, bytes: 20_000 } as const;

const CARD = { $schema: "http://adaptivecards.io/schemas/adaptive-card.json", type: "AdaptiveCard", version: "1.5" } as const;

const textBlock = (text: string, extra: object = {}) => ({ type: "TextBlock", text, wrap: true, ...extra });

function itemRow(item: ReplyItem, toMarkdown: (text: string) => string): object {
  return {
    type: "ColumnSet",
    spacing: "Small",
    columns: [
      { type: "Column", width: "stretch", verticalContentAlignment: "Center", items: [textBlock(toMarkdown(item.text))] },
      {
        type: "Column",
        width: "auto",
        items: [{ type: "ActionSet", actions: [{ type: "Action.Submit", title: item.action.label, data: { gw: "act", ...item.action.action } }] }],
      },
    ],
  };
}

const size = (block: object) => Buffer.byteLength(JSON.stringify(block));

/** The cards for a title and its lists, in order; each holds at most LIST_CARD_LIMITS. */
export function listCards(title: string, lists: ReplyList[], toMarkdown: (text: string) => string): object[] {
  const cards: object[][] = [];
  let body: object[] = title ? [textBlock(toMarkdown(title))] : [];
  let items = 0;
  let bytes = body.reduce((n: number, b) => n + size(b), 0);
  const flush = () => {
    cards.push(body);
    body = [];
    items = 0;
    bytes = 0;
  };
  for (const list of lists) {
    const heading = () => textBlock(list.heading, { weight: "Bolder", spacing: "Medium" });
    body.push(heading());
    bytes += size(heading());
    for (const item of list.items) {
      const row = itemRow(item, toMarkdown);
      if (items >= LIST_CARD_LIMITS.items || bytes + size(row) > LIST_CARD_LIMITS.bytes) {
        flush();
        body.push(heading());
        bytes += size(heading());
      }
      body.push(row);
      bytes += size(row);
      items++;
    }
  }
  if (body.length) flush();
  return cards.map((b) => ({ ...CARD, body: b }));
}

// "plaatjes": the faces and picture themes as cards to print and cut out (bot/exports/picture-cards.ts).
// Without a name the onderbouw's cards; "plaatjes <gespreksvorm>" (its key or part of its name)
// for another format; a button carries the format's key. The cards hold nothing about a pupil.
import type { BotReply } from "../../channel/types.js";
import { buttonFor } from "../../domain/actions.js";
import { getFormat, listFormats } from "../../formats/registry.js";
import type { ConversationFormat } from "../../formats/schema.js";
import { DEFAULT_PICTURE_CARD_FORMAT, hasPictureCards, pictureCardsFilename, pictureCardsOf } from "../../exports/picture-cards.js";
import { renderPictureCardsPdf } from "../../exports/picture-cards-pdf.js";
import type { CommandContext, CommandInput } from "./context.js";

async function namedFormatKey(ctx: CommandContext, input: CommandInput): Promise<string | null> {
  const wanted = (input.args.formatKey ?? input.text).trim().toLowerCase();
  if (!wanted) return DEFAULT_PICTURE_CARD_FORMAT;
  const formats = await listFormats(ctx.db, ctx.actor.schoolId);
  const found =
    formats.find((f) => f.key === wanted) ??
    formats.find((f) => f.name.nl.toLowerCase().includes(wanted) || f.name.en.toLowerCase().includes(wanted) || f.key.includes(wanted));
  return found?.key ?? null;
}

export async function pictureCardsCommand(ctx: CommandContext, input: CommandInput): Promise<BotReply> {
  const { t, actor } = ctx;
  const key = await namedFormatKey(ctx, input);
  if (!key) return { text: t("pictureCards.unknown") };
  const format = await getFormat(ctx.db, actor.schoolId, key);
  const name = format.name[actor.locale];
  const cards = pictureCardsOf(format, actor.locale);
  if (cards.length === 0) return { text: t("pictureCards.none", { format: name }) };
  const pdf = await renderPictureCardsPdf({
    lang: actor.locale,
    title: t("pictureCards.title", { format: name }),
    hint: t("pictureCards.hint"),
    cards,
  });
  return {
    text: t("pictureCards.ready", { count: cards.length, format: name }),
    attachments: [{ filename: pictureCardsFilename(format, actor.locale), contentType: "application/pdf", content: pdf.toString("base64") }],
  };
}

/** Offered when a conversation starts whose steps ask the child to point at pictures. */
export function pictureCardsOffer(ctx: CommandContext, format: ConversationFormat): BotReply[] {
  if (!hasPictureCards(format)) return [];
  return [{ text: ctx.t("pictureCards.offer"), actions: [buttonFor(ctx.t("pictureCards.button"), "pictureCards", { formatKey: format.key })] }];
}

// "gesprek bekijken <naam> [datum]" / "view conversation <name> [date]", and the button from the
// timeline: a held conversation in full, the newest unless a date or a button names another,
// as pages that each channel carries whole; the pupil's other held conversations as buttons.
import type { BotReply } from "../../channel/types.js";
import { buttonFor } from "../../domain/actions.js";
import { localDate } from "../../domain/local-time.js";
import { type AppError, ErrorCode, toAppError } from "../../errors.js";
import { listReadableHeldConversations, readHeldConversation } from "../../services/conversation-read.js";
import { pupilNamesById } from "../../services/pupil-search.js";
import { pagesOf } from "../../text/pages.js";
import type { CommandContext, CommandInput } from "./context.js";
import { conversationBlocks, dayOf } from "./conversation-render.js";
import { choosePupil } from "./pupil-choice.js";

/**
 * A page of a conversation is at most this long: Slack's section and notification text (3000),
 * far below Teams' message size, and readable on a phone. A longer conversation is sent as
 * several messages, in order, never cut.
 */
export const READ_PAGE_CHARS = 3000;
/** Room for the "(2/3)" in front of each page. */
const PAGE_MARK = 16;
const MAX_OTHER_BUTTONS = 10;

/** A date typed after the name: 12-03-2027, 12-3 (any year), 2027-03-12. */
const TRAILING_DATE = /\s+(\d{1,2})-(\d{1,2})(?:-(\d{4}))?$|\s+(\d{4})-(\d{2})-(\d{2})$/;

interface DayWanted {
  /** "MM-DD" or "YYYY-MM-DD": what a held day must end with. */
  suffix: string;
  shown: string;
}

export function splitNameAndDate(text: string): { name: string; day: DayWanted | null } {
  const m = TRAILING_DATE.exec(text.trim());
  if (!m) return { name: text.trim(), day: null };
  const name = text.trim().slice(0, m.index).trim();
  const pad = (s: string) => s.padStart(2, "0");
  const [year, month, day] = m[4] ? [m[4], m[5]!, m[6]!] : [m[3], pad(m[2]!), pad(m[1]!)];
  const suffix = year ? `${year}-${month}-${day}` : `${month}-${day}`;
  return { name, day: { suffix, shown: m[0].trim() } };
}

const isRefusal = (e: AppError) => e.code === ErrorCode.Forbidden || e.code === ErrorCode.NotFound;

export async function viewConversationCommand(ctx: CommandContext, input: CommandInput): Promise<BotReply[]> {
  try {
    if (input.args.conversationId) return await readReplies(ctx, input.args.conversationId);
    const { name, day } = splitNameAndDate(input.text);
    if (!name && !input.args.pupilId) return [{ text: ctx.t("read.askName") }];
    const choice = await choosePupil(ctx, { text: name, args: input.args }, "viewConversation");
    if ("reply" in choice) return [choice.reply];
    return await readForPupil(ctx, choice.pupilId, day);
  } catch (error) {
    // The service recorded the refusal (ids only); the reader gets a message that says which.
    const appError = toAppError(error);
    if (!isRefusal(appError)) throw error;
    if (appError.code === ErrorCode.Forbidden) return [{ text: ctx.t("read.notAllowed") }];
    return [{ text: ctx.t(input.args.conversationId ? "read.notFound" : "read.noPupil") }];
  }
}

async function readForPupil(ctx: CommandContext, pupilId: string, day: DayWanted | null): Promise<BotReply[]> {
  const held = await listReadableHeldConversations(ctx.db, ctx.actor, pupilId);
  // The full name: a first name typed may have picked another pupil than the one meant.
  const pupil = (await pupilNamesById(ctx.db, [pupilId])).get(pupilId);
  const name = pupil ? `${pupil.firstName} ${pupil.lastName}` : "";
  if (held.length === 0) return [{ text: ctx.t("read.noHeld", { name }) }];
  const chosen = day ? held.find((h) => localDate(h.heldAt, ctx.actor.timezone).endsWith(day.suffix)) : held[0];
  if (!chosen) return [{ text: ctx.t("read.noneOnDate", { name, date: day!.shown }), actions: conversationButtons(ctx, held) }];
  return readReplies(ctx, chosen.id);
}

function conversationButtons(ctx: CommandContext, held: { id: string; heldAt: Date }[]) {
  const r = { locale: ctx.actor.locale, timezone: ctx.actor.timezone };
  return held
    .slice(0, MAX_OTHER_BUTTONS)
    .map((h) => buttonFor(ctx.t("read.button", { date: dayOf(h.heldAt, r) }), "viewConversation", { conversationId: h.id }));
}

async function readReplies(ctx: CommandContext, conversationId: string): Promise<BotReply[]> {
  const { t, actor } = ctx;
  const view = await readHeldConversation(ctx.db, actor, conversationId);
  const pages = pagesOf(conversationBlocks(view, { t, locale: actor.locale, timezone: actor.timezone }), READ_PAGE_CHARS - PAGE_MARK);
  const replies: BotReply[] = pages.map((page, i) => ({ text: pages.length > 1 ? `${t("read.page", { page: i + 1, pages: pages.length })}\n${page}` : page }));
  const others = (await listReadableHeldConversations(ctx.db, actor, view.pupil.id)).filter((h) => h.id !== view.id);
  if (others.length > 0) replies.push({ text: t("read.others", { name: view.pupil.firstName }), actions: conversationButtons(ctx, others) });
  return replies;
}

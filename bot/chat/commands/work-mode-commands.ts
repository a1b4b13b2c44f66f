// The teacher's way of recording a conversation: "werkwijze kort" / "werkwijze stappen" (English
// "way of working short|steps"), and the one-time offer at the start of a first conversation.
import type { BotReply } from "../../channel/types.js";
import { buttonFor } from "../../domain/actions.js";
import type { ConversationFormat } from "../../formats/schema.js";
import {
  ConversationMode,
  conversationModeOf,
  dialogBegun,
  modeFromWord,
  setConversationMode,
  settleDefaultMode,
  shortWayFits,
} from "../../services/conversation-mode.js";
import { listOpenSessions } from "../../services/dialog-sessions.js";
import type { CommandContext, CommandInput } from "./context.js";

function modeButtons(ctx: CommandContext) {
  return [buttonFor(ctx.t("workMode.button.short"), "workMode", { mode: "short" }), buttonFor(ctx.t("workMode.button.steps"), "workMode", { mode: "steps" })];
}

export async function workModeCommand(ctx: CommandContext, input: CommandInput): Promise<BotReply[]> {
  const chosen = ConversationMode.safeParse(input.args.mode);
  const mode = chosen.success ? chosen.data : modeFromWord(input.text);
  if (!mode) {
    const now = await conversationModeOf(ctx.db, ctx.actor.staffId);
    return [{ text: ctx.t("workMode.usage", { mode: ctx.t(`workMode.name.${now ?? "none"}`) }), actions: modeButtons(ctx) }];
  }
  await setConversationMode(ctx.db, ctx.actor, mode);
  const saved: BotReply = { text: ctx.t(mode === "short" ? "workMode.setShort" : "workMode.setSteps") };
  // An open conversation is shown again: one not begun yet switches with the choice (the dialog
  // decides that from its answers), one under way goes on as it began.
  // (A Slack modal closed to press the button paused it: the newest open dialog, also a paused one.)
  const [open] = await listOpenSessions(ctx.db, ctx.actor.staffId);
  if (open?.kind !== "conversation") return [saved];
  const note: BotReply[] = dialogBegun(open.answers) ? [{ text: ctx.t("workMode.keptForThis") }] : [];
  return [saved, ...note, ...(await ctx.guide.resume(ctx.actor, open.id))];
}

/** Offered once, at the start of a teacher's first conversation the short way fits: the choice is then stored. */
export async function workModeOffer(ctx: CommandContext, format: ConversationFormat): Promise<BotReply[]> {
  if (!shortWayFits(format) || !(await settleDefaultMode(ctx.db, ctx.actor))) return [];
  return [{ text: ctx.t("workMode.offer"), actions: modeButtons(ctx) }];
}

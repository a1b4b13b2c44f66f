// Text typed right after a dialog ended that reads as no command. In a chat every Enter is a
// message, so a teacher typing a list (three planned questions) can finish the dialog with one
// line and go on typing: those lines must not meet a bare "I don't understand", as if nothing
// were wrong. The reply quotes the line as not saved and, for a preparation, says how to add it.
import type { BotReply } from "../channel/types.js";
import { findCompletedSince } from "../services/dialog-sessions.js";
import type { CommandContext } from "./commands/context.js";

/** How long after a dialog ended a stray line is taken as meant for it. */
const JUST_ENDED_MS = 10 * 60_000;
const QUOTED_CHARS = 200;

export async function afterDialogReply(ctx: CommandContext, text: string): Promise<BotReply | null> {
  const typed = text.trim();
  if (typed === "") return null;
  const ended = await findCompletedSince(ctx.db, ctx.actor.staffId, new Date(ctx.now().getTime() - JUST_ENDED_MS));
  if (!ended) return null;
  const quoted = typed.length > QUOTED_CHARS ? `${typed.slice(0, QUOTED_CHARS)}…` : typed;
  const lines = [ctx.t("afterDialog.notStored", { text: quoted })];
  if (ended.kind === "prepare" && ended.pupilId) {
    // Her own session's pupil; voorbereiden takes the full name (two pupils may share a first name).
    const pupil = await ctx.db.pupil.findUnique({ where: { id: ended.pupilId }, select: { firstName: true, lastName: true } });
    if (pupil) lines.push(ctx.t("afterDialog.prepareAgain", { name: `${pupil.firstName} ${pupil.lastName}` }));
  }
  return { text: lines.join("\n") };
}

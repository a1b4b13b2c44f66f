// Text typed right after a dialog ended that reads as no command. In a chat every Enter is a
// message, so a teacher typing a list (three planned questions) can finish the dialog with one
// line and go on typing: those lines must not meet a bare "I don't understand", as if nothing
// were wrong. The reply says the line was not stored and the dialog is over (and, after a
// preparation, how to add to it), with the usual pointer to help (it may be a mistyped command).
import { canWritePupilContent } from "../auth/policy.js";
import type { BotReply } from "../channel/types.js";
import { findCompletedSince } from "../services/dialog-sessions.js";
import type { CommandContext } from "./commands/context.js";

/** How long after a dialog ended a stray line is taken as meant for it. */
const JUST_ENDED_MS = 10 * 60_000;
const QUOTED_CHARS = 200;

export async function afterDialogReply(ctx: CommandContext, text: string): Promise<BotReply | null> {
  const typed = text.trim();
  if (typed === "") return null;
  // The wall clock, as the session's updatedAt is written by it (not the core's test clock).
  const ended = await findCompletedSince(ctx.db, ctx.actor.staffId, new Date(Date.now() - JUST_ENDED_MS));
  if (!ended) return null;
  const quoted = typed.length > QUOTED_CHARS ? `${typed.slice(0, QUOTED_CHARS)}…` : typed;
  const lines = [ctx.t("afterDialog.notStored", { text: quoted })];
  if (ended.kind === "prepare" && ended.pupilId) {
    // voorbereiden takes the full name (two pupils may share a first name); only for a pupil she may still prepare for.
    const pupil = await ctx.db.pupil.findUnique({
      where: { id: ended.pupilId },
      select: { id: true, schoolId: true, groupId: true, firstName: true, lastName: true },
    });
    if (pupil && pupil.schoolId === ctx.actor.schoolId && canWritePupilContent(ctx.actor, pupil))
      lines.push(ctx.t("afterDialog.prepareAgain", { name: `${pupil.firstName} ${pupil.lastName}` }));
  }
  lines.push(ctx.t("afterDialog.help"));
  return { text: lines.join("\n") };
}

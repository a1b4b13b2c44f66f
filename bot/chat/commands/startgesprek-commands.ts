// The startgesprek (driehoeksgesprek) started by name: "startgesprek Finn". A startgesprek planned
// in a round continues that record; otherwise a new one is held, whatever the group's own format.
import { getFormat } from "../../formats/registry.js";
import { NO_SUBJECT } from "../../guide/dialog-guide.js";
import { loadPupilContext } from "../../services/conversations.js";
import { recordEarlierRecordsShown } from "../../services/pupil-context-audit.js";
import type { BotReply } from "../../channel/types.js";
import type { CommandContext, CommandInput } from "./context.js";
import { choosePupil } from "./pupil-choice.js";

export const STARTGESPREK = "startgesprek";

export async function startgesprekCommand(ctx: CommandContext, input: CommandInput): Promise<BotReply[]> {
  const choice = await choosePupil(ctx, input, "startgesprek");
  if ("reply" in choice) return [choice.reply];
  const pupil = await loadPupilContext(ctx.db, ctx.actor, choice.pupilId);
  await recordEarlierRecordsShown(ctx.db, ctx.actor, pupil, "conversation");
  const pending = pupil.pending?.formatKey === STARTGESPREK ? pupil.pending : null;
  const format = await getFormat(ctx.db, ctx.actor.schoolId, STARTGESPREK, pending?.formatVersion);
  return ctx.guide.start(ctx.actor, "conversation", {
    ...NO_SUBJECT,
    pupilId: choice.pupilId,
    conversationId: pending?.id ?? null,
    formatKey: format.key,
    formatVersion: format.version,
  });
}

// Routing one turn, in a fixed order: a card/modal submission goes to its dialog, and so does a button
// under a question the dialog asked; typed text while a dialog is open goes to the dialog (which asks
// before it takes text that reads as a command as an answer); a pressed button or any other text is a
// command from the command table.
import { ErrorCode, toAppError } from "../errors.js";
import { ensureRefusalAudited } from "../auth/refusals.js";
import type { Locale } from "../domain/vocabulary.js";
import type { BotReply, InboundTurn } from "../channel/types.js";
import type { PreloadedSession } from "../services/dialog-sessions.js";
import type { CommandContext } from "./commands/context.js";
import type { GuideResult } from "../guide/dialog-guide.js";
import { parseAction, parseTypedCommand, type ParsedCommand } from "./commands/parse.js";
import { parseDialogReply } from "../domain/actions.js";
import { dialogElsewhereReply, recordElsewhereReply } from "./commands/school-commands.js";
import { afterDialogReply } from "./after-dialog.js";

export interface Routed {
  route: string;
  replies: BotReply[];
  /** Set when the turn changed the user's language. */
  locale?: Locale;
  /** See TurnResult.changed. */
  changed: boolean;
  /** See TurnResult.inDialog. */
  inDialog: boolean;
}

/** Commands that start or resume a dialog, store a note, or switch the language (TurnResult.changed). */
const CHANGING_COMMANDS: ReadonlySet<string> = new Set([
  "prepare",
  "conversation",
  "review",
  "groupConversation",
  "note",
  "resume",
  "setLocaleEn",
  "setLocaleNl",
]);

async function runCommand(ctx: CommandContext, parsed: ParsedCommand | null): Promise<Routed> {
  if (!parsed) return { route: "unknown", replies: [{ text: ctx.t("unknownCommand") }], changed: false, inDialog: false };
  const outcome = await parsed.spec.run(ctx, parsed.input);
  return {
    route: parsed.spec.id,
    replies: outcome.replies,
    ...(outcome.locale ? { locale: outcome.locale } : {}),
    changed: CHANGING_COMMANDS.has(parsed.spec.id),
    inDialog: false,
  };
}

/**
 * A turn the open dialog handled: it moved, paused or ended the dialog, or asked a question; or the
 * teacher confirmed that what they typed was a command, which runs now (the dialog stays put).
 */
async function inDialog(ctx: CommandContext, result: GuideResult, typed = true): Promise<Routed> {
  // A pressed button (not typed text) gets the next step as a card again: inDialog is for typing.
  if (result.command === undefined) return { route: result.route, replies: result.replies, changed: true, inDialog: typed };
  const routed = await runCommand(ctx, parseTypedCommand(result.command));
  return { ...routed, replies: [...result.replies, ...routed.replies], changed: true };
}

/** What a turn asks for when it is not a dialog answer: a pressed button or a typed command. */
const commandOf = (turn: InboundTurn): ParsedCommand | null => (turn.action ? parseAction(turn.action) : parseTypedCommand(turn.text));

/**
 * A refused card or dialog button may belong to the same person's dialog at her other school: then
 * the reply says which school (dialogElsewhereReply), instead of "someone else's". Read only after a
 * refusal, so a dialog step costs nothing more.
 */
async function unlessElsewhere(ctx: CommandContext, result: GuideResult, sessionId: unknown): Promise<GuideResult> {
  if (result.route !== "dialog.refused" || typeof sessionId !== "string" || sessionId.length > 200) return result;
  const elsewhere = await dialogElsewhereReply(ctx, sessionId);
  return elsewhere ? { route: "dialog.elsewhere", replies: [elsewhere] } : result;
}

const sessionIdOf = (submission: unknown): unknown =>
  typeof submission === "object" && submission !== null ? (submission as { sessionId?: unknown }).sessionId : undefined;

export async function routeTurn(ctx: CommandContext, turn: InboundTurn, preloaded?: PreloadedSession): Promise<Routed> {
  if (turn.submission !== undefined) {
    const submitted = await ctx.guide.submit(ctx.actor, turn.submission, preloaded);
    return inDialog(ctx, await unlessElsewhere(ctx, submitted, sessionIdOf(turn.submission)));
  }
  const reply = turn.action ? parseDialogReply(turn.action) : null;
  if (reply) return inDialog(ctx, await unlessElsewhere(ctx, await ctx.guide.reply(ctx.actor, reply), reply.sessionId), false);
  if (!turn.action && !turn.isCommand && (await ctx.guide.hasActive(ctx.actor))) {
    try {
      // Text that reads as a command is not stored as an answer without asking (the dialog asks).
      const answered = await ctx.guide.typed(ctx.actor, turn.text, { commandLike: parseTypedCommand(turn.text) !== null });
      if (answered) return inDialog(ctx, answered);
    } catch (error) {
      const code = toAppError(error).code;
      if (code !== ErrorCode.Forbidden && code !== ErrorCode.NotFound) throw error;
      // The dialog can no longer load (access changed): end it rather than trap the teacher.
      const notice = await ctx.guide.abandonActive(ctx.actor);
      const routed = await runCommand(ctx, commandOf(turn));
      return { ...routed, replies: [notice, ...routed.replies] };
    }
  }
  const command = commandOf(turn);
  if (!command && !turn.action && !turn.isCommand) {
    const stray = await afterDialogReply(ctx, turn.text);
    if (stray) return { route: "unknown", replies: [stray], changed: false, inDialog: false };
  }
  return withSchoolHint(ctx, turn, () => runCommand(ctx, command));
}

/** A button refused here about a record at her other school: the reply says which school (recordElsewhereReply). */
async function withSchoolHint(ctx: CommandContext, turn: InboundTurn, run: () => Promise<Routed>): Promise<Routed> {
  try {
    return await run();
  } catch (error) {
    const code = toAppError(error).code;
    if (!turn.action || (code !== ErrorCode.NotFound && code !== ErrorCode.Forbidden)) throw error;
    const elsewhere = await recordElsewhereReply(ctx, turn.action.args);
    if (!elsewhere) throw error;
    await ensureRefusalAudited(ctx.db, ctx.actor, toAppError(error));
    return { route: "school.elsewhere", replies: [elsewhere], changed: false, inDialog: false };
  }
}

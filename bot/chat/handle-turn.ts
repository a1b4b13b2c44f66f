// The turn pipeline, the same for every channel: identify → load actor → route → reply.
// Routing order: a card/modal submission goes to the dialog engine; typed text during an active
// dialog is an answer (nothing typed is lost to command parsing); otherwise it is a command.
// One exit path: every error becomes a polite, localized reply and one log line without content.
import type { Db } from "../db/client.js";
import type { Logger } from "../logger.js";
import { loadActor } from "../auth/actor.js";
import { loadTurnActor } from "./turn-actor.js";
import { ErrorCode, toAppError } from "../errors.js";
import type { Locale } from "../domain/vocabulary.js";
import { translate, translatorFor, type MessageKey } from "../i18n/translate.js";
import { DialogEngine, type PreloadedSession } from "../../dialogs/engine/engine.js";
import { FLOWS } from "../../dialogs/flows/index.js";
import { IdentityCache, resolveStaffId } from "./identity.js";
import { parseAction, parseTypedCommand, type ParsedCommand } from "./commands/parse.js";
import { buttonFor } from "../domain/actions.js";
import type { CommandContext } from "./commands/context.js";
import { repliesFor } from "./dialog-replies.js";
import type { BotReply, ChannelUser, FileAttachment, InboundTurn, TurnResult } from "../channel/types.js";
import { createFileLink } from "../services/file-links.js";
import { saveAddress } from "../services/channel-addresses.js";
import { ProactiveSender } from "../proactive/send.js";

export interface BotCoreDeps {
  db: Db;
  logger: Logger;
  defaultLocale: Locale;
  clock?: () => Date;
  /** This service's public address, for links in proactive messages (e.g. https://bot.school.nl). */
  publicBaseUrl?: string;
}

export interface BotCore {
  handleTurn(turn: InboundTurn): Promise<TurnResult>;
  /** The greeting when the app is installed or a chat starts: who am I, and buttons to begin. */
  welcome(user: ChannelUser): Promise<TurnResult>;
  /** Stores where to reach this person proactively; false when they are not known staff. */
  rememberAddress(user: ChannelUser, reference: unknown): Promise<boolean>;
  /** The dialog engine, for channels that open dialogs themselves (e.g. a Slack modal). */
  engine: DialogEngine;
  /** Sends to a member of staff on the channel they use (for the scheduler). */
  proactive: ProactiveSender;
  /** A short-lived download path ("/files/<token>") for a file offered to this user. */
  fileLink(user: ChannelUser, file: FileAttachment): Promise<string>;
}

const ERROR_MESSAGES: Partial<Record<string, MessageKey>> = {
  [ErrorCode.UnknownUser]: "unknownUser",
  [ErrorCode.UnknownTenant]: "unknownTenant",
  [ErrorCode.Forbidden]: "forbidden",
  [ErrorCode.NotFound]: "notFound",
  [ErrorCode.ValidationFailed]: "invalidInput",
};

interface Routed {
  route: string;
  replies: BotReply[];
  /** Set when the turn changed the user's language. */
  locale?: Locale;
}

async function runCommand(ctx: CommandContext, parsed: ParsedCommand | null): Promise<Routed> {
  if (!parsed) return { route: "unknown", replies: [{ text: ctx.t("unknownCommand") }] };
  const outcome = await parsed.spec.run(ctx, parsed.input);
  return { route: parsed.spec.id, replies: outcome.replies, ...(outcome.locale ? { locale: outcome.locale } : {}) };
}

/** What a turn asks for when it is not a dialog answer: a pressed button or a typed command. */
const commandOf = (turn: InboundTurn): ParsedCommand | null => (turn.action ? parseAction(turn.action) : parseTypedCommand(turn.text));

/** Typed text while a dialog is active: help, "wijzig 2", or an answer. */
async function runDialogText(ctx: CommandContext, text: string): Promise<Routed | null> {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === "help" || trimmed === "hulp" || trimmed === "?") {
    const current = await ctx.engine.resume(ctx.actor, (await ctx.engine.activeSession(ctx.actor))!.id);
    return { route: "dialog.help", replies: [{ text: ctx.t("help.inDialog") }, ...repliesFor(current)] };
  }
  const edit = /^(wijzig|edit|verander|change)\s+(\d+)$/.exec(trimmed);
  if (edit) {
    const result = await ctx.engine.reopenField(ctx.actor, Number(edit[2]));
    return result ? { route: "dialog.edit", replies: repliesFor(result) } : null;
  }
  const result = await ctx.engine.answerText(ctx.actor, text);
  return result ? { route: `dialog.${result.kind}`, replies: repliesFor(result) } : null;
}

async function route(ctx: CommandContext, turn: InboundTurn, preloaded?: PreloadedSession): Promise<Routed> {
  if (turn.submission !== undefined) {
    const result = await ctx.engine.submit(ctx.actor, turn.submission, preloaded);
    return { route: `dialog.${result.kind}`, replies: repliesFor(result) };
  }
  if (!turn.action && !turn.isCommand && (await ctx.engine.activeSession(ctx.actor))) {
    try {
      const routed = await runDialogText(ctx, turn.text);
      if (routed) return routed;
    } catch (error) {
      const code = toAppError(error).code;
      if (code !== ErrorCode.Forbidden && code !== ErrorCode.NotFound) throw error;
      // The dialog can no longer load (access changed): end it rather than trap the teacher.
      await ctx.engine.abandonActive(ctx.actor);
      const routed = await runCommand(ctx, commandOf(turn));
      return { ...routed, replies: [{ text: translate(ctx.actor.locale, "engine.abandoned") }, ...routed.replies] };
    }
  }
  return runCommand(ctx, commandOf(turn));
}

function welcomeReply(t: ReturnType<typeof translatorFor>, name: string): BotReply {
  return {
    text: `${t("welcome", { name })}\n${t("welcome.intro")}`,
    actions: [
      buttonFor(t("button.prepare"), "prepare"),
      buttonFor(t("button.conversation"), "conversation"),
      buttonFor(t("button.note"), "note"),
      buttonFor(t("button.resume"), "resume"),
      buttonFor(t("button.overview"), "overview"),
      buttonFor(t("button.help"), "help"),
    ],
  };
}

export function createBotCore({ db, logger, defaultLocale, clock, publicBaseUrl }: BotCoreDeps): BotCore {
  const engine = new DialogEngine({ db, flows: FLOWS, ...(clock ? { clock } : {}) });
  const identities = new IdentityCache();
  const refusal = (error: unknown, locale: Locale, channel: string, staffId?: string): TurnResult => {
    const appError = toAppError(error);
    const key = ERROR_MESSAGES[appError.code] ?? "internalError";
    const level = key === "internalError" ? "error" : "info";
    logger[level]({ channel, staffId, code: appError.code, err: key === "internalError" ? error : undefined }, "turn refused or failed");
    return { replies: [{ text: translatorFor(locale)(key) }], locale };
  };
  return {
    engine,
    proactive: new ProactiveSender(db, publicBaseUrl ?? ""),
    async welcome(user) {
      try {
        const staffId = await resolveStaffId(db, user);
        const actor = await loadActor(db, staffId);
        const staff = await db.staff.findUniqueOrThrow({ where: { id: staffId }, select: { displayName: true } });
        return { replies: [welcomeReply(translatorFor(actor.locale), staff.displayName.split(" ")[0] ?? staff.displayName)], locale: actor.locale };
      } catch (error) {
        return refusal(error, defaultLocale, user.channel);
      }
    },
    async fileLink(user, file) {
      const staffId = await resolveStaffId(db, user);
      return `/files/${await createFileLink(db, { staffId, ...file })}`;
    },
    async rememberAddress(user, reference) {
      try {
        const staffId = await resolveStaffId(db, user);
        await saveAddress(db, staffId, user.channel, reference);
        return true;
      } catch {
        return false;
      }
    },
    async handleTurn(turn) {
      const started = performance.now();
      let locale = defaultLocale;
      let staffId: string | undefined;
      try {
        staffId = await resolveStaffId(db, turn.user, identities);
        const { actor, preloaded } = await loadTurnActor(db, staffId, turn.submission);
        locale = actor.locale;
        const routed = await route({ db, actor, t: translatorFor(locale), engine, now: clock ?? (() => new Date()) }, turn, preloaded);
        logger.info({ channel: turn.user.channel, staffId, route: routed.route, ms: Math.round(performance.now() - started) }, "turn");
        return { replies: routed.replies, locale: routed.locale ?? locale, route: routed.route };
      } catch (error) {
        return refusal(error, locale, turn.user.channel, staffId);
      }
    },
  };
}

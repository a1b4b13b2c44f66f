// The turn pipeline, the same for every channel: identify → load actor → route → reply.
// One exit path: every error becomes a polite, localized reply and one log line without content.
import type { Db } from "../db/client.js";
import type { Logger } from "../logger.js";
import { loadActor } from "../auth/actor.js";
import { ErrorCode, toAppError } from "../errors.js";
import type { Locale } from "../domain/vocabulary.js";
import { translatorFor, type MessageKey } from "../i18n/translate.js";
import { resolveStaffId } from "./identity.js";
import { parseCommand } from "./commands/registry.js";
import { helpReply, myGroupReply, progressReply, pupilReply, type CommandContext } from "./commands/handlers.js";
import type { BotReply, InboundTurn, TurnResult } from "./types.js";

export interface BotCoreDeps {
  db: Db;
  logger: Logger;
  defaultLocale: Locale;
}

export interface BotCore {
  handleTurn(turn: InboundTurn): Promise<TurnResult>;
}

const ERROR_MESSAGES: Partial<Record<string, MessageKey>> = {
  [ErrorCode.UnknownUser]: "unknownUser",
  [ErrorCode.UnknownTenant]: "unknownTenant",
  [ErrorCode.Forbidden]: "forbidden",
  [ErrorCode.NotFound]: "notFound",
};

interface Routed {
  command: string;
  replies: BotReply[];
  /** Set when the turn changed the user's language. */
  locale?: Locale;
}

async function route(ctx: CommandContext, text: string): Promise<Routed> {
  const parsed = parseCommand(text);
  const command = parsed?.id ?? "unknown";
  switch (parsed?.id) {
    case "help":
      return { command, replies: [helpReply(ctx)] };
    case "myGroup":
      return { command, replies: [await myGroupReply(ctx)] };
    case "pupil":
      return { command, replies: [await pupilReply(ctx, parsed.argument)] };
    case "progress":
      return { command, replies: [await progressReply(ctx)] };
    case "setLocaleEn":
    case "setLocaleNl": {
      const locale = parsed.id === "setLocaleEn" ? "en" : "nl";
      await ctx.db.staff.update({ where: { id: ctx.actor.staffId }, data: { locale } });
      return { command, replies: [{ text: translatorFor(locale)("language.switched") }], locale };
    }
    default:
      return { command, replies: [{ text: ctx.t("unknownCommand") }] };
  }
}

export function createBotCore({ db, logger, defaultLocale }: BotCoreDeps): BotCore {
  return {
    async handleTurn(turn) {
      const started = performance.now();
      let locale = defaultLocale;
      let staffId: string | undefined;
      try {
        staffId = await resolveStaffId(db, turn.user);
        const actor = await loadActor(db, staffId);
        locale = actor.locale;
        const routed = await route({ db, actor, t: translatorFor(locale) }, turn.text);
        logger.info({ channel: turn.user.channel, staffId, command: routed.command, ms: Math.round(performance.now() - started) }, "turn");
        return { replies: routed.replies, locale: routed.locale ?? locale };
      } catch (error) {
        const appError = toAppError(error);
        const key = ERROR_MESSAGES[appError.code] ?? "internalError";
        const level = key === "internalError" ? "error" : "info";
        logger[level]({ channel: turn.user.channel, staffId, code: appError.code, err: key === "internalError" ? error : undefined }, "turn refused or failed");
        return { replies: [{ text: translatorFor(locale)(key) }], locale };
      }
    },
  };
}

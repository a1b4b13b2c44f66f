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
import { translatorFor, type MessageKey } from "../i18n/translate.js";
import { DialogEngine, type PreloadedSession } from "../../dialogs/engine/engine.js";
import { FLOWS } from "../../dialogs/flows/index.js";
import { IdentityCache, resolveStaffId } from "./identity.js";
import { parseCommand } from "./commands/registry.js";
import { helpReply, myGroupReply, progressReply, pupilReply, type CommandContext } from "./commands/handlers.js";
import { conversationCommand, groupConversationCommand, noteCommand, prepareCommand, resumeCommand, type DialogCommandContext } from "./commands/dialog-commands.js";
import { coachReply, evaluationsReply, exportReply, overviewReply } from "./commands/overview-commands.js";
import { evaluateCommand } from "./commands/evaluation-commands.js";
import { editRoundCommand, newRoundCommand, planCommand, remindersCommand, roundsReply } from "./commands/round-commands.js";
import { repliesFor } from "./dialog-replies.js";
import { ENGINE_TEXT } from "../../dialogs/engine/engine-text.js";
import type { BotReply, ChannelUser, FileAttachment, InboundTurn, TurnResult } from "./types.js";
import { createFileLink } from "../services/file-links.js";
import { saveAddress } from "../services/channel-addresses.js";
import { ProactiveSender } from "../proactive/send.js";
import type { TurnObservation } from "../metrics/metrics.js";

export interface BotCoreDeps {
  db: Db;
  logger: Logger;
  defaultLocale: Locale;
  clock?: () => Date;
  /** This service's public address, for links in proactive messages (e.g. https://bot.school.nl). */
  publicBaseUrl?: string;
  /** Told about every turn (the metrics): route names and error codes only, never content. */
  onTurn?: (turn: TurnObservation) => void;
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

async function runCommand(ctx: DialogCommandContext, text: string): Promise<Routed> {
  const parsed = parseCommand(text);
  const route = parsed?.id ?? "unknown";
  const arg = parsed?.argument ?? "";
  const one = (reply: BotReply): Routed => ({ route, replies: [reply] });
  switch (parsed?.id) {
    case "help":
      return one(helpReply(ctx));
    case "myGroup":
      return one(await myGroupReply(ctx));
    case "pupil":
      return one(await pupilReply(ctx, arg));
    case "progress":
      return one(await progressReply(ctx));
    case "prepare":
      return { route, replies: await prepareCommand(ctx, arg) };
    case "conversation":
      return { route, replies: await conversationCommand(ctx, arg) };
    case "review":
      return { route, replies: await conversationCommand(ctx, arg, "leerlingbespreking") };
    case "groupConversation":
      return { route, replies: await groupConversationCommand(ctx, arg) };
    case "note":
      return { route, replies: await noteCommand(ctx, arg) };
    case "resume":
      return { route, replies: await resumeCommand(ctx, arg) };
    case "overview":
      return one(await overviewReply(ctx));
    case "evaluations":
      return one(await evaluationsReply(ctx));
    case "evaluate":
      return { route, replies: await evaluateCommand(ctx, arg) };
    case "export":
      return one(await exportReply(ctx, arg));
    case "rounds":
      return one(await roundsReply(ctx, (ctx.now ?? (() => new Date()))()));
    case "newRound":
      return { route, replies: await newRoundCommand(ctx) };
    case "editRound":
      return { route, replies: await editRoundCommand(ctx, arg, "edit") };
    case "cancelRound":
      return { route, replies: await editRoundCommand(ctx, arg, "cancel") };
    case "plan":
      return { route, replies: await planCommand(ctx) };
    case "reminders":
      return one(await remindersCommand(ctx, arg, (ctx.now ?? (() => new Date()))()));
    case "coach":
      return one(coachReply(ctx, arg));
    case "setLocaleEn":
    case "setLocaleNl": {
      const locale = parsed.id === "setLocaleEn" ? "en" : "nl";
      await ctx.db.staff.update({ where: { id: ctx.actor.staffId }, data: { locale } });
      return { route, replies: [{ text: translatorFor(locale)("language.switched") }], locale };
    }
    default:
      return one({ text: ctx.t("unknownCommand") });
  }
}

/** Typed text while a dialog is active: help, "wijzig 2", or an answer. */
async function runDialogText(ctx: DialogCommandContext, text: string): Promise<Routed | null> {
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

async function route(ctx: DialogCommandContext, turn: InboundTurn, preloaded?: PreloadedSession): Promise<Routed> {
  if (turn.submission !== undefined) {
    const result = await ctx.engine.submit(ctx.actor, turn.submission, preloaded);
    return { route: `dialog.${result.kind}`, replies: repliesFor(result) };
  }
  if (turn.source !== "button" && (await ctx.engine.activeSession(ctx.actor))) {
    try {
      const routed = await runDialogText(ctx, turn.text);
      if (routed) return routed;
    } catch (error) {
      const code = toAppError(error).code;
      if (code !== ErrorCode.Forbidden && code !== ErrorCode.NotFound) throw error;
      // The dialog can no longer load (access changed): end it rather than trap the teacher.
      await ctx.engine.abandonActive(ctx.actor);
      const routed = await runCommand(ctx, turn.text);
      return { ...routed, replies: [{ text: ENGINE_TEXT.abandoned[ctx.actor.locale] }, ...routed.replies] };
    }
  }
  return runCommand(ctx, turn.text);
}

function welcomeReply(t: ReturnType<typeof translatorFor>, name: string): BotReply {
  const button = (key: MessageKey, command: string) => ({ label: t(key), command });
  return {
    text: `${t("welcome", { name })}\n${t("welcome.intro")}`,
    actions: [
      button("button.prepare", "voorbereiden"),
      button("button.conversation", "gesprek"),
      button("button.note", "notitie"),
      button("button.resume", "verder"),
      button("button.overview", "overzicht"),
      button("button.help", "help"),
    ],
  };
}

export function createBotCore({ db, logger, defaultLocale, clock, publicBaseUrl, onTurn }: BotCoreDeps): BotCore {
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
        onTurn?.({ channel: turn.user.channel, route: routed.route, outcome: "ok", seconds: (performance.now() - started) / 1000 });
        return { replies: routed.replies, locale: routed.locale ?? locale, route: routed.route };
      } catch (error) {
        onTurn?.({ channel: turn.user.channel, route: "none", outcome: toAppError(error).code, seconds: (performance.now() - started) / 1000, error });
        return refusal(error, locale, turn.user.channel, staffId);
      }
    },
  };
}

// The core's one door for the channels (BotCore), and the turn pipeline, the same for every
// channel: identify → load actor → route (route-turn.ts) → reply. One exit path: every error
// becomes a polite, localized reply and one log line without content.
import type { Db } from "../db/client.js";
import type { Logger } from "../logger.js";
import { loadActor } from "../auth/actor.js";
import { DuplicateDelivery, identifyTurn } from "./turn-actor.js";
import { findDirectSql } from "../db/direct-sql.js";
import { ErrorCode, toAppError } from "../errors.js";
import type { Locale } from "../domain/vocabulary.js";
import { translatorFor, type MessageKey } from "../i18n/translate.js";
import { IdentityCache, identify, linkIdentity, resolveStaffId, servedSchoolIds, staffRecordsOf } from "./identity.js";
import { staffSchoolsOf } from "../auth/person-schools.js";
import { chooseSchoolReply } from "./commands/school-commands.js";
import { chooseSchoolTurn } from "./school-choice.js";
import type { PersonSchools } from "./commands/context.js";
import { buttonFor } from "../domain/actions.js";
import type { DialogGuide } from "../guide/dialog-guide.js";
import { routeTurn } from "./route-turn.js";
import type { BotReply, ChannelUser, FileAttachment, HomeSummary, InboundTurn, TurnResult } from "../channel/types.js";
import type { Channel } from "../domain/vocabulary.js";
import { createFileLink } from "../proactive/file-links.js";
import { saveAddress } from "../proactive/channel-addresses.js";
import { loadHomeSummary } from "../services/home-summary.js";
import { DeliveryLedger } from "../services/deliveries.js";
import { WorkspaceBindings } from "../services/channel-bindings.js";
import { ProactiveSender } from "../proactive/send.js";
import { staffFirstName, staffLocale } from "../services/staff.js";
import { findActiveSession } from "../services/dialog-sessions.js";
import { trackingRefusals } from "../audit.js";
import { wellFormedTurn } from "../text/well-formed.js";
import { ensureRefusalAudited } from "../auth/refusals.js";
import type { TurnObservation } from "../metrics/metrics.js";

export interface BotCoreDeps {
  db: Db;
  logger: Logger;
  defaultLocale: Locale;
  clock?: () => Date;
  /** The guided dialogs (dialogs/engine/guide.ts, wired by the composition root). */
  guide: DialogGuide;
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
  /** Sends to a member of staff on the channel they use (for the scheduler). */
  proactive: ProactiveSender;
  /** A short-lived download path ("/files/<token>") for a file offered to this user. */
  fileLink(user: ChannelUser, file: FileAttachment): Promise<string>;
  /** The teacher's overview for a channel's home page; a refusal for someone not served. */
  home(user: ChannelUser): Promise<HomeSummary>;
  /** Claims a delivery once across all instances: true for the first caller, false for a repeat. */
  claimDelivery(channel: Channel, key: string): Promise<boolean>;
  /** Whether this workspace/tenant is bound to a school (cached for a short time). */
  isWorkspaceBound(channel: Channel, tenantId: string): Promise<boolean>;
  /**
   * The language for a text outside a turn's reply (an apology when the turn failed): hers when
   * she is known staff, else the channel's (user.locale), else the default. Never throws.
   */
  localeOf(user: ChannelUser): Promise<Locale>;
}

const ERROR_MESSAGES: Partial<Record<string, MessageKey>> = {
  [ErrorCode.UnknownUser]: "unknownUser",
  [ErrorCode.UnknownTenant]: "unknownTenant",
  [ErrorCode.Forbidden]: "forbidden",
  [ErrorCode.NotFound]: "notFound",
  [ErrorCode.ValidationFailed]: "invalidInput",
};

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

export function createBotCore({ db, logger, defaultLocale, clock, guide, publicBaseUrl, onTurn }: BotCoreDeps): BotCore {
  const identities = new IdentityCache();
  const deliveries = new DeliveryLedger(db);
  const provider = findDirectSql(db)?.provider;
  /** A repeated delivery: nothing done, nothing to send. */
  const DUPLICATE: TurnResult = { replies: [], locale: defaultLocale, duplicate: true };
  const bindings = new WorkspaceBindings(db);
  const personSchools = (user: ChannelUser, staffId: string): PersonSchools => ({
    list: async () => staffSchoolsOf(db, staffId, await servedSchoolIds(db, user)),
    switchTo: (chosen) => linkIdentity(db, user, chosen, identities),
  });
  /** The language for someone not (yet) known as one staff member: what the channel says, else the default. */
  const unknownsLocale = (user: ChannelUser): Locale => user.locale ?? defaultLocale;
  const refusal = (error: unknown, locale: Locale, channel: string, staffId?: string): TurnResult => {
    const appError = toAppError(error);
    const key = ERROR_MESSAGES[appError.code] ?? "internalError";
    const level = key === "internalError" ? "error" : "info";
    logger[level]({ channel, staffId, code: appError.code, err: key === "internalError" ? error : undefined }, "turn refused or failed");
    return { replies: [{ text: translatorFor(locale)(key) }], locale };
  };
  return {
    proactive: new ProactiveSender(db, publicBaseUrl ?? ""),
    async welcome(user) {
      try {
        const who = await identify(db, user);
        if (who.kind === "chooseSchool") {
          // First contact of a person at several schools: greet her and ask which school first.
          const locale = unknownsLocale(user);
          const t = translatorFor(locale);
          const name = await staffFirstName(db, who.options[0]!.staffId);
          return { replies: [{ text: t("welcome", { name }) }, chooseSchoolReply(t, who.options)], locale };
        }
        const actor = await loadActor(db, who.staffId);
        const t = translatorFor(actor.locale);
        const name = await staffFirstName(db, who.staffId);
        // In the middle of a dialog (the chat restarted, the app reinstalled): its step, not the menu,
        // so a number she types next answers the step instead of choosing a menu button.
        const active = await findActiveSession(db, actor.staffId);
        // A dialog that can no longer load (access changed) is ended on her next turn (routeTurn): the menu meanwhile.
        const step = active ? await guide.resume(actor, active.id).catch(() => null) : null;
        if (step) return { replies: [{ text: `${t("welcome", { name })}\n${t("welcome.inDialog")}` }, ...step], locale: actor.locale };
        return { replies: [welcomeReply(t, name)], locale: actor.locale };
      } catch (error) {
        return refusal(error, unknownsLocale(user), user.channel);
      }
    },
    async fileLink(user, file) {
      const staffId = await resolveStaffId(db, user);
      return `/files/${await createFileLink(db, { staffId, ...file })}`;
    },
    async home(user) {
      let staffId: string;
      try {
        const who = await identify(db, user, identities);
        if (who.kind === "chooseSchool")
          return { kind: "refused", locale: unknownsLocale(user), text: translatorFor(unknownsLocale(user))("school.homeChoose") };
        staffId = who.staffId;
      } catch (error) {
        const code = toAppError(error).code;
        if (code !== ErrorCode.UnknownTenant && code !== ErrorCode.UnknownUser) throw error;
        const locale = unknownsLocale(user);
        return { kind: "refused", locale, text: translatorFor(locale)(code === ErrorCode.UnknownTenant ? "unknownTenant" : "unknownUser") };
      }
      return loadHomeSummary(db, await loadActor(db, staffId), (clock ?? (() => new Date()))());
    },
    async localeOf(user) {
      try {
        // Read without identify(): no first-contact linking or refusal audit for a language.
        const key = { channel_externalId: { channel: user.channel, externalId: user.externalId } };
        const staffId = identities.get(user) ?? (await db.staffIdentity.findUnique({ where: key, select: { staffId: true } }))?.staffId;
        return (staffId && (await staffLocale(db, staffId))) || unknownsLocale(user);
      } catch {
        return unknownsLocale(user);
      }
    },
    claimDelivery: (channel, key) => deliveries.claim(channel, key),
    isWorkspaceBound: (channel, tenantId) => bindings.isBound(channel, tenantId),
    async rememberAddress(user, reference) {
      try {
        // Every staff record of hers (one per school she works at) is reached in this chat.
        const records = await staffRecordsOf(db, user);
        for (const record of records) await saveAddress(db, record.staffId, user.channel, reference);
        return records.length > 0;
      } catch {
        return false;
      }
    },
    handleTurn: (incoming) =>
      trackingRefusals(async () => {
        const turn = wellFormedTurn(incoming);
        const started = performance.now();
        let locale = unknownsLocale(turn.user);
        let staffId: string | undefined;
        let schoolId: string | undefined;
        // The delivery is claimed before anything else. On PostgreSQL, for someone already
        // identified, in the actor's statement (one round trip less); else on its own, where a
        // ledger out of reach means acting rather than dropping the message (the turn then meets
        // the same database error).
        const cachedStaffId = turn.delivery ? identities.get(turn.user) : undefined;
        const claimAlong =
          turn.delivery && cachedStaffId && provider === "postgresql"
            ? { cachedStaffId, claim: deliveries.claimStatement(turn.delivery.channel, turn.delivery.key) }
            : undefined;
        if (turn.delivery && !claimAlong && !(await deliveries.claim(turn.delivery.channel, turn.delivery.key).catch(() => true))) return DUPLICATE;
        try {
          const who = await identifyTurn(db, turn, identities, claimAlong);
          if (claimAlong) await deliveries.claimed();
          if (who.kind === "actor") ({ staffId, schoolId, locale } = who.actor);
          const routed =
            who.kind === "chooseSchool"
              ? await chooseSchoolTurn(db, turn, who.options, translatorFor(locale), identities)
              : await routeTurn(
                  {
                    db,
                    actor: who.actor,
                    t: translatorFor(locale),
                    guide,
                    now: clock ?? (() => new Date()),
                    schools: personSchools(turn.user, who.actor.staffId),
                  },
                  turn,
                  who.preloaded,
                );
          logger.info({ channel: turn.user.channel, staffId, route: routed.route, ms: Math.round(performance.now() - started) }, "turn");
          onTurn?.({ channel: turn.user.channel, route: routed.route, outcome: "ok", seconds: (performance.now() - started) / 1000 });
          return { replies: routed.replies, locale: routed.locale ?? locale, route: routed.route, changed: routed.changed, inDialog: routed.inDialog };
        } catch (error) {
          if (error instanceof DuplicateDelivery) return DUPLICATE;
          onTurn?.({ channel: turn.user.channel, route: "none", outcome: toAppError(error).code, seconds: (performance.now() - started) / 1000, error });
          // Every refusal leaves an audit row, also when the service's own row was rolled back.
          if (staffId && schoolId) await ensureRefusalAudited(db, { schoolId, staffId }, toAppError(error)).catch(() => {});
          return refusal(error, locale, turn.user.channel, staffId);
        }
      }),
  };
}

// Microsoft Teams: a teams-ai Application on botbuilder's CloudAdapter at POST /api/messages.
// It translates activities for the core and renders the core's replies; it decides nothing.
// Every SDK type stays inside adapters/teams.
import { Application, TeamsAdapter } from "@microsoft/teams-ai";
import { ActivityTypes, MemoryStorage, TurnContext, type Activity, type ConversationReference } from "botbuilder";
import type { Request, Response } from "express";
import { z } from "zod";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { ChannelUser, FileAttachment, TurnResult } from "../../bot/channel/types.js";
import type { Logger } from "../../bot/logger.js";
import { translatorFor } from "../../bot/i18n/translate.js";
import { createGuardedHttpClient } from "./connector-http.js";
import { cacheConnectorClients } from "./connector-cache.js";
import { useLeanWrites } from "./connector-writes.js";
import { channelUserOf, inboundTurnOf } from "./inbound.js";
import { activitiesForPart, activityForPart, answeredActivity } from "./outbound.js";
import { AddressCache, planDelivery } from "../shared/delivery-plan.js";
import { processGuarded } from "./activity-guard.js";

/** The step a card submission answered (the engine checks the rest). */
const SubmittedStep = z.looseObject({ stepId: z.string() });

export interface TeamsAuth {
  appId?: string;
  appPassword?: string;
  appType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
  tenantId?: string;
  /** Accept unauthenticated traffic (no app id): the Agents Playground and tests only. */
  localMode: boolean;
}

export interface TeamsChannelDeps {
  core: BotCore;
  logger: Logger;
  auth: TeamsAuth;
  /** Makes a link for a file the bot offers (exports). */
  linkFor: (user: ChannelUser, file: FileAttachment) => Promise<string>;
}

export interface TeamsChannel {
  handle(req: Request, res: Response): Promise<void>;
  adapter: TeamsAdapter;
  appId: string;
}

export function createTeamsAdapter(auth: TeamsAuth): TeamsAdapter {
  const credentials = auth.appId
    ? {
        MicrosoftAppId: auth.appId,
        MicrosoftAppPassword: auth.appPassword ?? "",
        MicrosoftAppType: auth.appType,
        MicrosoftAppTenantId: auth.tenantId ?? "",
      }
    : {};
  const httpClient = createGuardedHttpClient();
  return cacheConnectorClients(new TeamsAdapter(credentials, undefined, undefined, { httpClient } as never), (client) => useLeanWrites(client, httpClient));
}

export function createTeamsChannel({ core, logger, auth, linkFor }: TeamsChannelDeps): TeamsChannel {
  if (!auth.appId && !auth.localMode) throw new Error("Teams needs MICROSOFT_APP_ID, or TEAMS_LOCAL_MODE=true for local use");
  const adapter = createTeamsAdapter(auth);
  const app = new Application({
    adapter,
    ...(auth.appId ? { botAppId: auth.appId } : {}),
    // Our state lives in the database; teams-ai's turn state only needs somewhere harmless.
    storage: new MemoryStorage(),
    startTypingTimer: false,
    removeRecipientMention: true,
  });
  const addresses = new AddressCache();

  /** Replaces a card the teacher answered; false when Teams refused (deleted, too old). */
  async function replaceCard(context: TurnContext, id: string, replacement: Partial<Activity>): Promise<boolean> {
    // A card that cannot be replaced must not stop the next step.
    return context.updateActivity({ ...replacement, id } as Partial<Activity>).then(
      () => true,
      (error: unknown) => {
        logger.warn({ err: error, channel: "teams" }, "could not replace the answered card");
        return false;
      },
    );
  }

  async function send(context: TurnContext, result: TurnResult, answered?: { replyToId: string; stepId: string | undefined }): Promise<void> {
    const user = channelUserOf(context);
    const render = { locale: result.locale, linkFor: (f: FileAttachment) => linkFor(user, f) };
    // Typing during a dialog: the next question comes as text too (one at a time).
    const plan = planDelivery(result.replies, { stepsAsText: !answered && (result.inDialog ?? false), answered });
    // The answered card's read-only summary goes out while the next step is sent: neither
    // depends on the other, so the turn waits for the slower of the two, not for both in turn.
    let replacing: Promise<boolean> | undefined;
    for (const { parts, replace } of plan) {
      if (replace && answered) {
        if (replace.kind === "summary") replacing = replaceCard(context, answered.replyToId, answeredActivity(replace.answered));
        else if (await replaceCard(context, answered.replyToId, await activityForPart({ kind: "step", step: replace.step }, render))) continue;
      }
      for (const part of parts) for (const activity of await activitiesForPart(part, render)) await context.sendActivity(activity);
    }
    await replacing;
  }

  async function remember(context: TurnContext): Promise<void> {
    const user = channelUserOf(context);
    const reference: Partial<ConversationReference> = TurnContext.getConversationReference(context.activity);
    await addresses.remember(`${user.tenantId}:${user.externalId}`, () => core.rememberAddress(user, reference));
  }

  app.activity(ActivityTypes.Message, async (context) => {
    // Teams delivers an activity again when our answer was slow: the same activity acts once,
    // also after a restart or on another instance (the core's durable delivery ledger).
    // The core claims the delivery before it acts (on PostgreSQL in the turn's first statement).
    const activityId = context.activity.id;
    const turn = inboundTurnOf(context);
    const delivery = activityId ? { channel: "teams" as const, key: `${context.activity.conversation?.id ?? ""}:${activityId}` } : undefined;
    const result = await core.handleTurn(delivery ? { ...turn, delivery } : turn);
    if (result.duplicate) {
      logger.info({ channel: "teams", code: "duplicate_activity" }, "repeated Teams activity ignored");
      return;
    }
    // A submitted card is replaced by its summary (or by the same step with errors).
    const replyToId = turn.submission !== undefined ? context.activity.replyToId : undefined;
    const stepId = SubmittedStep.safeParse(turn.submission).data?.stepId;
    await send(context, result, replyToId ? { replyToId, stepId } : undefined);
    await remember(context);
  });

  // Installing the app sends both installationUpdate and conversationUpdate (and the playground
  // sends both again on every page load): greet once per conversation within a short window.
  const greeted = new Map<string, number>();
  const greet = async (context: TurnContext) => {
    await remember(context);
    const conversationId = context.activity.conversation?.id ?? "";
    const now = Date.now();
    if ((greeted.get(conversationId) ?? 0) > now - 30_000) return;
    greeted.set(conversationId, now);
    await send(context, await core.welcome(channelUserOf(context)));
  };
  app.conversationUpdate("membersAdded", async (context) => {
    const botId = context.activity.recipient?.id;
    if (context.activity.membersAdded?.some((m) => m.id === botId)) await greet(context);
  });
  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    if (context.activity.action === "add") await greet(context);
  });

  app.error(async (context, error) => {
    // Never the message or the activity: they may hold what a teacher typed.
    logger.error({ err: error, channel: "teams", activityType: context.activity.type }, "teams turn failed");
    // In her language when she is known, else in her Teams client's (the activity's locale), else the default.
    const locale = await core.localeOf(channelUserOf(context));
    await context.sendActivity(translatorFor(locale)("internalError")).catch(() => undefined);
  });

  return {
    adapter,
    appId: auth.appId ?? "",
    async handle(req, res) {
      await processGuarded({ adapter, logger, authenticated: Boolean(auth.appId) }, req, res, async (context) => {
        await app.run(context);
      });
    },
  };
}

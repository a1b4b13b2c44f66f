// Microsoft Teams: a teams-ai Application on botbuilder's CloudAdapter at POST /api/messages.
// It translates activities for the core and renders the core's replies; it decides nothing.
// Every SDK type stays inside adapters/teams.
import { Application, TeamsAdapter } from "@microsoft/teams-ai";
import { ActivityTypes, MemoryStorage, TurnContext, type Activity, type ConversationReference } from "botbuilder";
import type { Request, Response } from "express";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { BotReply, TurnResult } from "../../bot/channel/types.js";
import type { Logger } from "../../bot/logger.js";
import { createGuardedHttpClient } from "./connector-http.js";
import { cacheConnectorClients } from "./connector-cache.js";
import { channelUserOf, inboundTurnOf } from "./inbound.js";
import { activitiesFor, answeredCard } from "./outbound.js";
import { CardFactory } from "botbuilder";
import { processGuarded } from "./activity-guard.js";

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
  linkFor: (staffUser: ReturnType<typeof channelUserOf>, file: NonNullable<BotReply["attachments"]>[number]) => Promise<string>;
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
  return cacheConnectorClients(new TeamsAdapter(credentials, undefined, undefined, { httpClient: createGuardedHttpClient() } as never));
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
  const remembered = new Set<string>();

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

  async function send(context: TurnContext, result: TurnResult, replyToId?: string, submittedStepId?: string): Promise<void> {
    const user = channelUserOf(context);
    const typedInDialog = !replyToId && (result.route ?? "").startsWith("dialog.");
    const render = (reply: BotReply, stepsAsText: boolean) => activitiesFor(reply, { stepsAsText, linkFor: (f) => linkFor(user, f) });
    let updatedCard = false;
    // The answered card's read-only summary goes out while the next step is sent: neither
    // depends on the other, so the turn waits for the slower of the two, not for both in turn.
    let replacing: Promise<boolean> | undefined;
    for (const reply of result.replies) {
      // A submitted card becomes a read-only summary, so it cannot be submitted twice; the
      // same step coming back (with errors) replaces the card in place instead.
      if (replyToId && !updatedCard && (reply.answered || reply.step?.stepId === submittedStepId)) {
        if (reply.answered) {
          replacing = replaceCard(context, replyToId, { type: "message", attachments: [CardFactory.adaptiveCard(answeredCard(reply.answered))] });
          updatedCard = true;
        } else {
          const replacement = (await render(reply, false)).find((a) => a.attachments);
          if (replacement) {
            updatedCard = true;
            if (await replaceCard(context, replyToId, replacement)) continue;
          }
        }
      }
      for (const activity of await render(reply, typedInDialog)) {
        await context.sendActivity(activity);
      }
    }
    await replacing;
  }

  async function remember(context: TurnContext): Promise<void> {
    const user = channelUserOf(context);
    const key = `${user.tenantId}:${user.externalId}`;
    if (remembered.has(key)) return;
    const reference: Partial<ConversationReference> = TurnContext.getConversationReference(context.activity);
    if (await core.rememberAddress(user, reference)) remembered.add(key);
  }

  app.activity(ActivityTypes.Message, async (context) => {
    const turn = inboundTurnOf(context);
    const submission = turn.submission as { stepId?: unknown } | undefined;
    const result = await core.handleTurn(turn);
    await send(context, result, turn.submission !== undefined ? context.activity.replyToId : undefined, typeof submission?.stepId === "string" ? submission.stepId : undefined);
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
    await context
      .sendActivity("Er ging iets mis aan mijn kant. Wat je invulde is bewaard; probeer het zo nog eens.")
      .catch(() => undefined);
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

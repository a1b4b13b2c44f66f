// Slack: a Bolt App in HTTP mode on the service's own express server (POST /slack/events for
// events, the slash command and interactivity). It translates Slack's payloads for the core and
// renders the core's replies; it decides nothing. Every Slack SDK type stays in adapters/slack.
//
// Slack's rules the adapter keeps:
// - 3 seconds: every request is acknowledged first; the work and the replies follow
//   (replies.ts). A modal submission is the exception: its answer travels in the ack
//   (modal-submissions.ts).
// - Retries (X-Slack-Retry-Num, a repeated event_id or interaction payload) are claimed once in
//   the database (core.claimDelivery), so a retry never makes a second record or a second reply.
// - Signatures and workspaces are checked before any handler runs (receiver.ts).
import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { Express } from "express";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { ChannelUser, FileAttachment } from "../../bot/channel/types.js";
import type { Locale } from "../../bot/domain/vocabulary.js";
import type { Logger } from "../../bot/logger.js";
import type { ChannelSender } from "../../bot/proactive/send.js";
import { registerBlockActions } from "./block-actions.js";
import { registerSlashCommand } from "./commands.js";
import type { SlackContext } from "./context.js";
import { slackErrorCode } from "./delivery.js";
import { registerEvents } from "./events.js";
import { HomeTab } from "./home-refresh.js";
import { registerModalSubmissions } from "./modal-submissions.js";
import { OwnVersions } from "./own-versions.js";
import { boltLogger, createSlackApp } from "./receiver.js";
import { SlackReplies } from "./replies.js";
import { createSlackSender } from "./slack-sender.js";

export interface SlackChannelDeps {
  core: BotCore;
  logger: Logger;
  http: Express;
  signingSecret: string;
  botToken: string;
  /** Slack's Web API base URL (tests point it at a local fake). */
  apiUrl?: string;
  defaultLocale: Locale;
  linkFor: (user: ChannelUser, file: FileAttachment) => Promise<string>;
  /** Debounce before the Home tab is refreshed after a change. */
  homeRefreshMs?: number;
  /** How long a modal submission may work before the ack must go (Slack allows 3 s in all). */
  submissionBudgetMs?: number;
}

export interface SlackChannel {
  sender: ChannelSender;
  client: WebClient;
  /** Stops pending Home refreshes (at shutdown). */
  stop(): void;
  /** Resolves when the work after every ack so far is done (replies sent, modals updated). */
  settled(): Promise<void>;
}

export function createSlackChannel(deps: SlackChannelDeps): SlackChannel {
  const { core, logger } = deps;
  const clientOptions: WebClientOptions = {
    ...(deps.apiUrl ? { slackApiUrl: deps.apiUrl.endsWith("/") ? deps.apiUrl : `${deps.apiUrl}/` } : {}),
    // A 429 comes back to us at once (with Retry-After) instead of pausing the client's queue:
    // the default would sleep and retry for up to half an hour, stalling every other call.
    rejectRateLimitedCalls: true,
    // No automatic retries: a retried chat.postMessage after a 5xx can post twice.
    retryConfig: { retries: 0 },
    timeout: 10_000,
    logger: boltLogger(logger),
  };
  const client = new WebClient(deps.botToken, clientOptions);
  const app = createSlackApp({ ...deps, client, clientOptions });
  const home = new HomeTab(core, client, logger, deps.homeRefreshMs);
  const ctx: SlackContext = {
    core,
    client,
    logger,
    home,
    replies: new SlackReplies({ core, client, logger, home, linkFor: deps.linkFor }),
    submissionBudgetMs: deps.submissionBudgetMs ?? 2000,
    versions: new OwnVersions(),
    claim: (key) => core.claimDelivery("slack", key),
  };
  registerSlashCommand(app, ctx);
  registerEvents(app, ctx);
  registerBlockActions(app, ctx);
  registerModalSubmissions(app, ctx);
  app.error(async (error) => {
    logger.error({ channel: "slack", code: slackErrorCode(error) }, "slack handler failed");
  });

  return {
    client,
    sender: createSlackSender(client),
    settled: () => app.work.settled(),
    stop: () => home.stop(),
  };
}

// Slack's front door: Bolt's ExpressReceiver on the service's own express app, a guard before
// it, Bolt's logging kept quiet, the bot's own ids (auth.test), and the workspace check.
// - Signatures: Bolt verifies every request (HMAC of the raw body with the signing secret); the
//   guard in front refuses unsigned requests and timestamps more than 5 minutes off either way.
// - Workspaces: only teams bound to a school are served, checked on every request.
import { ExpressReceiver, LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { WebClient, WebClientOptions } from "@slack/web-api";
import type { Express, NextFunction, Request, Response } from "express";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { Locale } from "../../bot/domain/vocabulary.js";
import type { Logger } from "../../bot/logger.js";
import { translatorFor } from "../../bot/i18n/translate.js";
import { slackPayloadGuard } from "./payload-guard.js";
import { TrackedApp } from "./pending-work.js";
import { teamIdOf } from "./payloads.js";
import { SLACK_ENDPOINT } from "./routes.js";

/** Slack refuses requests signed more than 5 minutes from its clock; so do we, both ways. */
const MAX_CLOCK_SKEW_S = 300;

/** Bolt and the Web API client log request bodies at debug level: only warnings and errors pass, as text codes. */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.WARN;
  const line = (msgs: unknown[]) => msgs.map((m) => (m instanceof Error ? m.name : typeof m === "string" ? m.slice(0, 200) : typeof m)).join(" ");
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...msgs) => logger.warn({ channel: "slack", source: "bolt" }, line(msgs)),
    error: (...msgs) => logger.error({ channel: "slack", source: "bolt" }, line(msgs)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** Refuses, before Bolt, what can never be valid: no signature, or a timestamp out of range. */
function signatureGuard(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const signature = req.header("x-slack-signature");
    const timestamp = Number(req.header("x-slack-request-timestamp"));
    if (!signature || !/^v0=[0-9a-f]{64}$/.test(signature) || !Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > MAX_CLOCK_SKEW_S) {
      logger.warn({ channel: "slack", code: "request_refused", signed: Boolean(signature) }, "unsigned or stale Slack request refused");
      res.status(401).end();
      return;
    }
    next();
  };
}

export interface ReceiverDeps {
  core: BotCore;
  logger: Logger;
  http: Express;
  client: WebClient;
  clientOptions: WebClientOptions;
  signingSecret: string;
  botToken: string;
  defaultLocale: Locale;
}

/** The Bolt app on POST /slack/events, serving bound workspaces only. */
export function createSlackApp(deps: ReceiverDeps): TrackedApp {
  const { core, logger, client } = deps;
  const log = boltLogger(logger);

  // auth.test once (the bot's own ids, so Bolt ignores the bot's own messages); again after a failure.
  let botIds: Promise<{ botUserId?: string; botId?: string }> | undefined;
  const authorize = async () => {
    botIds ??= client.auth.test().then(
      (r) => ({ ...(r.user_id ? { botUserId: r.user_id } : {}), ...(r.bot_id ? { botId: r.bot_id } : {}) }),
      (error: unknown) => {
        botIds = undefined;
        throw error;
      },
    );
    return { botToken: deps.botToken, ...(await botIds) };
  };

  deps.http.post(SLACK_ENDPOINT, signatureGuard(logger), slackPayloadGuard({ signingSecret: deps.signingSecret, logger }));
  const receiver = new ExpressReceiver({
    signingSecret: deps.signingSecret,
    endpoints: SLACK_ENDPOINT,
    // Bolt types its own express version's Application; ours is the same object at runtime.
    app: deps.http as never,
    logger: log,
    processBeforeResponse: false,
  });
  const app = new TrackedApp({ receiver, authorize, logger: log, clientOptions: deps.clientOptions, convoStore: false });

  // Every request: the workspace must be bound to a school; anything else gets a refusal and no data.
  app.use(async (args) => {
    const teamId = teamIdOf(args.body);
    if (teamId && (await core.isWorkspaceBound("slack", teamId))) {
      await args.next();
      return;
    }
    logger.info({ channel: "slack", code: "unknown_workspace", teamId }, "request from a workspace that is not bound to a school");
    if ("command" in args) await args.ack({ response_type: "ephemeral", text: translatorFor(deps.defaultLocale)("unknownTenant") });
    else if ("ack" in args && args.ack) await args.ack();
  });
  return app;
}

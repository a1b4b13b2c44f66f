// Mounts Slack on the service: POST /slack/events (Bolt in HTTP mode), only when a signing secret
// and a bot token are configured. Bolt and the Slack Web API client load only then.
import type { Express } from "express";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { ChannelModule } from "../../bot/channel/types.js";
import type { Config } from "../../bot/config.js";
import type { Logger } from "../../bot/logger.js";
import { SLACK_ENDPOINT } from "./routes.js";

export { SLACK_ENDPOINT, SLASH_COMMAND } from "./routes.js";

export interface MountDeps {
  http: Express;
  core: BotCore;
  config: Config;
  logger: Logger;
  /** This service's public address, for file links. */
  publicBaseUrl: string;
}

export async function mountSlack({ http, core, config, logger, publicBaseUrl }: MountDeps): Promise<ChannelModule | undefined> {
  if (!config.SLACK_SIGNING_SECRET || !config.SLACK_BOT_TOKEN) {
    http.post(SLACK_ENDPOINT, (_req, res) => {
      res.status(503).json({ error: "Slack is not configured on this server (SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)" });
    });
    return undefined;
  }
  const { createSlackChannel } = await import("./channel.js");
  const slack = createSlackChannel({
    core,
    logger,
    http,
    signingSecret: config.SLACK_SIGNING_SECRET,
    botToken: config.SLACK_BOT_TOKEN,
    ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
    defaultLocale: config.DEFAULT_LOCALE,
    linkFor: async (user, file) => `${publicBaseUrl}${await core.fileLink(user, file)}`,
  });
  logger.info({ channel: "slack" }, "Slack is on at POST /slack/events");
  return { channel: "slack", sender: slack.sender, stop: () => slack.stop(), settled: () => slack.settled() };
}

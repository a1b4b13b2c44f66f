// Mounts Teams on the service: POST /api/messages, authenticated with the bot's app credentials,
// or unauthenticated in explicit local mode (the Agents Playground, tests) only. The Teams SDKs
// cost about half a second and 100 MB to load, so they load only when Teams is on.
import type { Express } from "express";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { ChannelModule } from "../../bot/channel/types.js";
import type { Config } from "../../bot/config.js";
import type { Logger } from "../../bot/logger.js";
import { jsonBody } from "../../bot/http/request-guards.js";

export const TEAMS_ENDPOINT = "/api/messages";

export interface MountDeps {
  http: Express;
  core: BotCore;
  config: Config;
  logger: Logger;
  /** This service's public address, for file links. */
  publicBaseUrl: string;
}

export async function mountTeams({ http, core, config, logger, publicBaseUrl }: MountDeps): Promise<ChannelModule | undefined> {
  if (!config.MICROSOFT_APP_ID && !config.TEAMS_LOCAL_MODE) {
    logger.warn({ channel: "teams" }, "Teams is off: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD, or TEAMS_LOCAL_MODE=true for the Agents Playground");
    http.post(TEAMS_ENDPOINT, (_req, res) => {
      res.status(503).json({ error: "Teams is not configured on this server (MICROSOFT_APP_ID, or TEAMS_LOCAL_MODE=true locally)" });
    });
    return undefined;
  }
  if (!config.MICROSOFT_APP_ID) {
    logger.warn(
      { channel: "teams", localMode: true },
      "TEAMS LOCAL MODE: /api/messages accepts UNAUTHENTICATED requests. For the Agents Playground and tests only; never expose this server.",
    );
  }
  const { createTeamsChannel } = await import("./teams-channel.js");
  const { createTeamsSender } = await import("./teams-sender.js");
  const teams = createTeamsChannel({
    core,
    logger,
    auth: {
      ...(config.MICROSOFT_APP_ID ? { appId: config.MICROSOFT_APP_ID } : {}),
      ...(config.MICROSOFT_APP_PASSWORD ? { appPassword: config.MICROSOFT_APP_PASSWORD } : {}),
      ...(config.MICROSOFT_APP_TENANT_ID ? { tenantId: config.MICROSOFT_APP_TENANT_ID } : {}),
      appType: config.MICROSOFT_APP_TYPE,
      localMode: config.TEAMS_LOCAL_MODE,
    },
    linkFor: async (user, file) => `${publicBaseUrl}${await core.fileLink(user, file)}`,
  });
  http.post(TEAMS_ENDPOINT, jsonBody(logger, TEAMS_ENDPOINT), (req, res) => {
    teams.handle(req, res).catch((error: unknown) => {
      logger.error({ err: error, channel: "teams" }, "teams request failed");
      if (!res.headersSent) res.status(500).end();
    });
  });
  return { channel: "teams", sender: createTeamsSender(teams.adapter, teams.appId), stop: () => undefined };
}

// What every Slack handler works with: the core, the Web API client, the replies and the Home
// tab, and the once-only claim for Slack's retries and repeated payloads.
import type { WebClient } from "@slack/web-api";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { Logger } from "../../bot/logger.js";
import type { HomeTab } from "./home-refresh.js";
import type { OwnVersions } from "./own-versions.js";
import type { SlackReplies } from "./replies.js";

export interface SlackContext {
  core: BotCore;
  client: WebClient;
  logger: Logger;
  replies: SlackReplies;
  home: HomeTab;
  /** How long a modal submission may work before the ack must go (Slack allows 3 s in all). */
  submissionBudgetMs: number;
  /** The step versions of modals refused with field errors, for every interaction from those modals. */
  versions: OwnVersions;
  /** True for the first delivery with this key across all instances (core.claimDelivery). */
  claim(key: string): Promise<boolean>;
}

// The App Home tab: published when the teacher opens it, and refreshed (debounced) after a turn
// the core marks as `changed`, so drafts and upcoming conversations stay current.
import type { WebClient } from "@slack/web-api";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { Logger } from "../../bot/logger.js";
import { slackErrorCode, type Delivery } from "./delivery.js";
import { renderHomeView } from "./home.js";

export class HomeTab {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly core: BotCore,
    private readonly client: WebClient,
    private readonly logger: Logger,
    private readonly refreshMs = 1500,
  ) {}

  async publish(d: Pick<Delivery, "user" | "userId">): Promise<void> {
    const view = renderHomeView(await this.core.home(d.user));
    // Our Block Kit types are a structural subset of Slack's view type.
    await this.client.views.publish({ user_id: d.userId, view: view as never });
  }

  /** Publishes once the teacher has been quiet for a moment; a newer change restarts the wait. */
  scheduleRefresh(d: Pick<Delivery, "user" | "userId">): void {
    const key = d.user.externalId;
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.publish(d).catch((error: unknown) => this.logger.warn({ channel: "slack", code: slackErrorCode(error) }, "home tab refresh failed"));
      }, this.refreshMs).unref(),
    );
  }

  /** Stops pending refreshes (at shutdown). */
  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

// Events API callbacks: what a teacher types in the DM with the bot (commands, and answers
// during a dialog, like typed text in Teams), and the App Home being opened (the Home tab, or
// the welcome on the first visit to the Messages tab).
import type { App } from "@slack/bolt";
import type { SlackContext } from "./context.js";
import { userDelivery } from "./delivery.js";
import type { SlackReference } from "./inbound.js";
import { cleanTypedText } from "./mrkdwn.js";
import { AppHomeOpenedEvent, EventEnvelope, MessageEvent, SlackId, teamIdOf } from "./payloads.js";

export function registerEvents(app: App, ctx: SlackContext): void {
  app.event("message", async ({ event, body, context }) => {
    const e = MessageEvent.safeParse(event).data;
    // Only what a person typed in the DM with the bot: no edits, joins, bots (our own posts).
    if (e?.channel_type !== "im" || e.subtype !== undefined || e.bot_id !== undefined) return;
    const userId = SlackId.safeParse(e.user).data;
    const teamId = SlackId.safeParse(e.user_team ?? e.team ?? teamIdOf(body)).data;
    const channel = SlackId.safeParse(e.channel).data;
    if (!userId || !teamId || !channel) return;
    const eventId = EventEnvelope.safeParse(body).data?.event_id ?? `${channel}:${e.ts}`;
    if (!(await ctx.claim(`event:${eventId}`))) {
      ctx.logger.info({ channel: "slack", code: "duplicate_event", retryNum: context.retryNum }, "repeated Slack event ignored");
      return;
    }
    const d = userDelivery(ctx.client, teamId, userId, { dmChannel: channel });
    await ctx.replies.guarded(d, async () => {
      const result = await ctx.core.handleTurn({ user: d.user, text: cleanTypedText(e.text ?? "") });
      // Typing during a dialog: the next question comes as text too (one at a time).
      await ctx.replies.deliver(result, { ...d, stepsAsText: result.inDialog ?? false });
    });
  });

  app.event("app_home_opened", async ({ event, body }) => {
    const e = AppHomeOpenedEvent.safeParse(event).data;
    const teamId = teamIdOf(body);
    if (!e || !teamId) return;
    const eventId = EventEnvelope.safeParse(body).data?.event_id;
    if (eventId && !(await ctx.claim(`event:${eventId}`))) return;
    const d = userDelivery(ctx.client, teamId, e.user);
    await ctx.replies.guarded(undefined, async () => {
      if (e.tab === "messages") {
        const channel = SlackId.safeParse(e.channel).data;
        if (!channel) return;
        const known = await ctx.core.rememberAddress(d.user, { teamId, userId: e.user, channelId: channel } satisfies SlackReference);
        // The welcome once per person, ever (across instances and restarts).
        if (known && (await ctx.claim(`welcome:${teamId}:${e.user}`))) await ctx.replies.deliver(await ctx.core.welcome(d.user), { ...d, dmChannel: channel });
        return;
      }
      await ctx.home.publish(d);
    });
  });
}

// The slash command /kindgesprek <command>: the same commands as typed text (Dutch and English).
// Pupil data never goes into a channel: typed in a channel, the command is answered in the DM.
import type { App } from "@slack/bolt";
import type { SlackContext } from "./context.js";
import { userDelivery } from "./delivery.js";
import { cleanTypedText } from "./mrkdwn.js";
import { SlashCommandPayload } from "./payloads.js";
import { slackText } from "./texts.js";
import { SLASH_COMMAND } from "./routes.js";

export function registerSlashCommand(app: App, ctx: SlackContext): void {
  app.command(SLASH_COMMAND, async ({ command, ack }) => {
    const receivedAt = Date.now();
    const parsed = SlashCommandPayload.safeParse(command);
    if (!parsed.success) {
      await ack();
      return;
    }
    const c = parsed.data;
    const inDm = c.channel_name === "directmessage" || c.channel_id.startsWith("D");
    const d = userDelivery(ctx.client, c.team_id, c.user_id, { ...(inDm ? { dmChannel: c.channel_id } : {}), trigger: { id: c.trigger_id, receivedAt } });
    await ack(inDm ? undefined : { response_type: "ephemeral", text: slackText(await ctx.core.localeOf(d.user), "slack.answerInDm") });
    if (!(await ctx.claim(`command:${c.trigger_id}`))) return;
    await ctx.replies.guarded(d, () => ctx.replies.turn({ user: d.user, text: cleanTypedText(c.text ?? "") || "help", isCommand: true }, d));
  });
}

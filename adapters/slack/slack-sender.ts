// Proactive messages to Slack (reminders from the scheduler), within Slack's limits: about one
// message per second per channel. The Web API client rejects a 429 instead of sleeping on it
// (rejectRateLimitedCalls), so one throttled workspace never stalls every other send; the
// outcome carries Slack's Retry-After for the caller to reschedule. A 5xx or a dropped
// connection is "uncertain" and never re-sent blindly: Slack may have posted it.
import { ErrorCode, type WebClient } from "@slack/web-api";
import { z } from "zod";
import type { BotReply } from "../../bot/channel/types.js";
import type { ChannelSender, SendOptions, SendOutcome } from "../../bot/proactive/send.js";
import { RateLimiter, type Window } from "../../bot/proactive/rate-limiter.js";
import { SlackReferenceSchema } from "./inbound.js";
import { messagesFor } from "./outbound.js";

const MESSAGE_EVENT_TYPE = "gesprekswijzer_message";

// Over a second by a margin: the platform measures arrival, not when we sent, and on a busy machine
// one request can leave a quarter second later than the next (a 100 ms margin was seen to fail).
// DMs are few, so the slower pace costs nothing noticeable.
const CHANNEL_WINDOWS: Window[] = [{ max: 1, perMs: 1250 }];

function slackRateLimiter(clock?: () => number): RateLimiter {
  return new RateLimiter(() => CHANNEL_WINDOWS, clock);
}

/** The person left, was deactivated, or cannot receive DMs from the app: stop sending there. */
const BLOCKED_ERRORS = new Set([
  "account_inactive",
  "cannot_dm_bot",
  "user_disabled",
  "is_archived",
  "messages_tab_disabled",
  "restricted_action",
  "not_in_channel",
]);
const GONE_ERRORS = new Set(["channel_not_found", "user_not_found", "users_not_found"]);

/** The members of the Web API client's errors that say what went wrong (never the message). */
const SlackError = z.looseObject({
  code: z.string().optional().catch(undefined),
  retryAfter: z.number().optional().catch(undefined),
  statusCode: z.number().optional().catch(undefined),
  data: z
    .looseObject({ error: z.string().optional().catch(undefined) })
    .optional()
    .catch(undefined),
});

function outcomeOfError(error: unknown): SendOutcome {
  const e = SlackError.safeParse(error).data ?? {};
  if (e.code === ErrorCode.RateLimitedError) {
    return { ok: false, permanent: false, reason: "throttled", retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000 };
  }
  if (e.code === ErrorCode.PlatformError) {
    const code = e.data?.error ?? "unknown";
    if (BLOCKED_ERRORS.has(code)) return { ok: false, permanent: true, reason: "blocked" };
    if (GONE_ERRORS.has(code)) return { ok: false, permanent: true, reason: "not_found" };
    return { ok: false, permanent: false, reason: "error", detail: code };
  }
  // A 5xx answer or a broken connection: Slack may or may not have posted the message.
  if (e.code === ErrorCode.HTTPError || e.code === ErrorCode.RequestError) {
    return { ok: false, permanent: false, reason: "uncertain", detail: String(e.statusCode ?? "network") };
  }
  return { ok: false, permanent: false, reason: "error", detail: error instanceof Error ? error.name : "unknown" };
}

export interface SlackSenderOptions {
  limiter?: RateLimiter;
  /** A send that would wait longer than this for the channel's rate limit is returned as throttled. */
  maxWaitMs?: number;
}

export function createSlackSender(client: WebClient, options: SlackSenderOptions = {}): ChannelSender {
  const limiter = options.limiter ?? slackRateLimiter();
  const maxWaitMs = options.maxWaitMs ?? 5000;
  // Parts of a multi-message send already posted, by idempotency key: a retry after a 429 on
  // part 2 must not post part 1 again. In memory: the outbox retries on the same instance soon.
  const delivered = new Map<string, number>();

  return {
    channel: "slack",
    setShare(fraction: number) {
      limiter.setShare(fraction);
    },
    async send(reference: unknown, messages: BotReply[], sendOptions: SendOptions = {}): Promise<SendOutcome> {
      const ref = SlackReferenceSchema.safeParse(reference);
      if (!ref.success) return { ok: false, permanent: true, reason: "no_address" };
      const key = sendOptions.idempotencyKey;
      let channel = ref.data.channelId;
      try {
        if (!channel) {
          const opened = await client.conversations.open({ users: ref.data.userId });
          channel = opened.channel?.id;
          if (!channel) return { ok: false, permanent: true, reason: "not_found" };
        }
        const parts = [];
        for (const message of messages)
          parts.push(
            ...(await messagesFor(message, { stepsAsText: false, locale: sendOptions.locale ?? "nl", linkFor: sendOptions.linkFor ?? (async () => "") })),
          );
        const already = key ? (delivered.get(key) ?? 0) : 0;
        for (let part = already; part < parts.length; part++) {
          const wait = limiter.waitFor([`channel:${channel}`]);
          if (wait > maxWaitMs) return { ok: false, permanent: false, reason: "throttled", retryAfterMs: wait };
          await limiter.acquire([`channel:${channel}`]);
          const { text, blocks } = parts[part]!;
          await client.chat.postMessage({
            channel,
            text,
            blocks: blocks as never,
            unfurl_links: false,
            ...(key ? { metadata: { event_type: MESSAGE_EVENT_TYPE, event_payload: { idempotencyKey: key, part } } } : {}),
          });
          if (key) {
            if (delivered.size > 10_000) delivered.clear();
            delivered.set(key, part + 1);
          }
        }
        if (key) delivered.delete(key);
        return { ok: true };
      } catch (error) {
        const outcome = outcomeOfError(error);
        // Slack throttled this channel anyway: nothing more goes there until Retry-After.
        if (!outcome.ok && outcome.reason === "throttled" && channel) limiter.holdOff(`channel:${channel}`, outcome.retryAfterMs);
        return outcome;
      }
    },
  };
}

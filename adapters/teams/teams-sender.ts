// Proactive messages to Teams from a stored conversation reference, within Teams' limits:
// per conversation 7 per second (and 8 per 2 s, 60 per 30 s), per app per tenant 50 per second.
// 429s are retried by the SDK after Retry-After; a 5xx or a dropped connection is reported as
// uncertain (see connector-http.ts) and never re-sent blindly.
import type { ConversationReference } from "botbuilder";
import type { TeamsAdapter } from "@microsoft/teams-ai";
import type { BotReply } from "../../bot/chat/types.js";
import type { ChannelSender, SendOutcome } from "../../bot/proactive/send.js";
import { RateLimiter, type Window } from "../../bot/proactive/rate-limiter.js";
import { UNCERTAIN_DELIVERY } from "./connector-http.js";
import { activitiesFor } from "./outbound.js";

const CONVERSATION_WINDOWS: Window[] = [
  { max: 7, perMs: 1000 },
  { max: 8, perMs: 2000 },
  { max: 60, perMs: 30_000 },
];
const TENANT_WINDOWS: Window[] = [{ max: 50, perMs: 1000 }];

export function teamsRateLimiter(): RateLimiter {
  return new RateLimiter((key) => (key.startsWith("tenant:") ? TENANT_WINDOWS : CONVERSATION_WINDOWS));
}

function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  const status = e.statusCode ?? e.status ?? e.response?.status;
  return typeof status === "number" ? status : undefined;
}

function retryAfterMs(error: unknown): number {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } }).response?.headers;
  const value = Number(headers?.get?.("retry-after"));
  return Number.isFinite(value) && value > 0 ? value * 1000 : 1000;
}

export function createTeamsSender(adapter: TeamsAdapter, appId: string, limiter: RateLimiter = teamsRateLimiter()): ChannelSender {
  return {
    channel: "teams",
    async send(reference: unknown, messages: BotReply[]): Promise<SendOutcome> {
      const ref = reference as Partial<ConversationReference>;
      const conversationId = ref.conversation?.id ?? "unknown";
      const tenantId = ref.conversation?.tenantId ?? "unknown";
      try {
        // Errors are carried out of the turn by hand: thrown inside it, they would reach the
        // adapter's turn-error handler, which would swallow them (and try to apologise).
        let failure: unknown;
        await adapter.continueConversationAsync(appId, ref, async (context) => {
          try {
            for (const message of messages) {
              for (const activity of await activitiesFor(message, { stepsAsText: false, linkFor: async () => "" })) {
                await limiter.acquire([`conversation:${conversationId}`, `tenant:${tenantId}`]);
                await context.sendActivity(activity);
              }
            }
          } catch (error) {
            failure = error;
          }
        });
        if (failure) throw failure;
        return { ok: true };
      } catch (error) {
        const status = statusOf(error);
        if (status === 403) return { ok: false, permanent: true, reason: "blocked" };
        if (status === 404) return { ok: false, permanent: true, reason: "not_found" };
        if (status === 429) return { ok: false, permanent: false, reason: "throttled", retryAfterMs: retryAfterMs(error) };
        if ((error as { code?: unknown }).code === UNCERTAIN_DELIVERY) return { ok: false, permanent: false, reason: "uncertain", detail: String(status ?? "network") };
        return { ok: false, permanent: false, reason: "error", detail: String(status ?? (error as Error).name) };
      }
    },
  };
}

// Proactive messages to Teams from a stored conversation reference, within Teams' limits:
// per conversation 7 per second (and 8 per 2 s, 60 per 30 s), per app per tenant 50 per second
// (shared by all instances: each keeps to its share, see bot/outbox/instances.ts).
// 429s are retried by the SDK after Retry-After; a 5xx or a dropped connection is reported as
// uncertain (see connector-http.ts) and never re-sent blindly. Each activity carries the outbox
// message's idempotency key in channelData.gesprekswijzer, so a delivery can be traced.
import type { Activity, ConversationReference } from "botbuilder";
import type { TeamsAdapter } from "@microsoft/teams-ai";
import type { BotReply } from "../../bot/channel/types.js";
import type { ChannelSender, Readiness, SendOptions, SendOutcome } from "../../bot/proactive/send.js";
import { RateLimiter, type Window } from "../../bot/proactive/rate-limiter.js";
import { UNCERTAIN_DELIVERY } from "./connector-http.js";
import { activitiesFor } from "./outbound.js";

// Each window is 5 % longer than Teams' own: a send is counted here when it leaves, but at Teams
// when it arrives, and arrival delays vary by some tens of milliseconds. Without the margin a
// sliding window exactly at the limit crosses it at Teams about half the time (a 429).
const JITTER_MARGIN = 1.05;
const CONVERSATION_WINDOWS: Window[] = [
  { max: 7, perMs: 1000 * JITTER_MARGIN },
  { max: 8, perMs: 2000 * JITTER_MARGIN },
  { max: 60, perMs: 30_000 * JITTER_MARGIN },
];
// The short window spreads a second's sends out instead of firing 50 at once: a burst queues in
// the event loop, and its late sends land in the next second at Teams.
const TENANT_WINDOWS: Window[] = [
  { max: 50, perMs: 1000 * JITTER_MARGIN },
  { max: 10, perMs: 200 * JITTER_MARGIN },
];

// Sends to one tenant in flight at once: enough to keep its 50/s at a few hundred ms a round
// trip, and a tenant whose sends hang in the SDK's 429 retries leaves the other lanes to others.
const MAX_IN_FLIGHT_PER_TENANT = 32;
const IN_FLIGHT_WAIT_MS = 50;
// A lane told "ready" renders and records the send's start before it sends: until then it counts
// as in flight, or every lane would be told "ready" for the same tenant at once. A promise that is
// never kept (the message was cancelled or deferred) lapses after this long.
const PROMISE_MS = 2000;

function teamsRateLimiter(): RateLimiter {
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

/**
 * The outbox key rides along in channelData (Teams ignores fields it does not know), with the
 * activity's place in the message (a reply can be a text and a card): key and part identify it.
 */
function withIdempotencyKey(activity: Partial<Activity>, idempotencyKey: string | undefined, part: number): Partial<Activity> {
  if (!idempotencyKey) return activity;
  const channelData = (activity.channelData ?? {}) as Record<string, unknown>;
  return { ...activity, channelData: { ...channelData, gesprekswijzer: { idempotencyKey, part } } };
}

function keysOf(reference: unknown): { conversationKey: string; tenantKey: string } {
  const conversation = (reference as Partial<ConversationReference>).conversation;
  return { conversationKey: `conversation:${conversation?.id ?? "unknown"}`, tenantKey: `tenant:${conversation?.tenantId ?? "unknown"}` };
}

export function createTeamsSender(adapter: TeamsAdapter, appId: string, limiter: RateLimiter = teamsRateLimiter()): ChannelSender {
  const inFlight = new Map<string, number>();
  const promised = new Map<string, number[]>();
  const promisesOf = (tenantKey: string) => {
    const now = Date.now();
    const live = (promised.get(tenantKey) ?? []).filter((t) => t > now - PROMISE_MS);
    if (live.length) promised.set(tenantKey, live);
    else promised.delete(tenantKey);
    return live;
  };
  return {
    channel: "teams",
    readyIn(reference: unknown): Readiness {
      const { conversationKey, tenantKey } = keysOf(reference);
      const tenantWait = limiter.waitFor([tenantKey]);
      const conversationWait = limiter.waitFor([conversationKey]);
      if (tenantWait > 0 || conversationWait > 0)
        return tenantWait >= conversationWait ? { waitMs: tenantWait, key: tenantKey } : { waitMs: conversationWait, key: conversationKey };
      const promises = promisesOf(tenantKey);
      if ((inFlight.get(tenantKey) ?? 0) + promises.length >= MAX_IN_FLIGHT_PER_TENANT) return { waitMs: IN_FLIGHT_WAIT_MS, key: tenantKey };
      promised.set(tenantKey, [...promises, Date.now()]);
      return { waitMs: 0 };
    },
    async send(reference: unknown, messages: BotReply[], options: SendOptions = {}): Promise<SendOutcome> {
      const ref = reference as Partial<ConversationReference>;
      const { conversationKey, tenantKey } = keysOf(reference);
      let accepted = 0;
      promisesOf(tenantKey).shift();
      inFlight.set(tenantKey, (inFlight.get(tenantKey) ?? 0) + 1);
      try {
        // Errors are carried out of the turn by hand: thrown inside it, they would reach the
        // adapter's turn-error handler, which would swallow them (and try to apologise).
        let failure: unknown;
        await adapter.continueConversationAsync(appId, ref, async (context) => {
          try {
            for (const message of messages) {
              for (const activity of await activitiesFor(message, {
                stepsAsText: false,
                locale: options.locale ?? "nl",
                linkFor: options.linkFor ?? (async () => ""),
              })) {
                const keys = [conversationKey, tenantKey];
                await limiter.acquire(keys);
                const started = Date.now();
                try {
                  await context.sendActivity(withIdempotencyKey(activity, options.idempotencyKey, accepted + 1));
                } finally {
                  // A send that took seconds was throttled: the SDK waited out Retry-After (≥ 1 s)
                  // and sent again. Those repeats count against the limit too, or they would push
                  // the tenant over it again and again.
                  const repeats = Math.floor((Date.now() - started) / 1000);
                  if (repeats > 0) limiter.charge(keys, repeats);
                }
                accepted++;
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
        // Part of the message is already there: sending it again would repeat that part.
        if (accepted > 0) return { ok: false, permanent: false, reason: "uncertain", detail: `partial:${status ?? "network"}` };
        if (status === 429) {
          const wait = retryAfterMs(error);
          limiter.holdOff(conversationKey, wait);
          return { ok: false, permanent: false, reason: "throttled", retryAfterMs: wait };
        }
        if ((error as { code?: unknown }).code === UNCERTAIN_DELIVERY)
          return { ok: false, permanent: false, reason: "uncertain", detail: String(status ?? "network") };
        return { ok: false, permanent: false, reason: "error", detail: String(status ?? (error as Error).name) };
      } finally {
        const left = (inFlight.get(tenantKey) ?? 1) - 1;
        if (left > 0) inFlight.set(tenantKey, left);
        else inFlight.delete(tenantKey);
      }
    },
    setShare(fraction: number): void {
      limiter.setShare(fraction);
    },
  };
}

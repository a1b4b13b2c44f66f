// A local stand-in for Microsoft's Bot Connector service (the activity's serviceUrl): records
// what the bot sends, answers like the real service (ids, members, error bodies), enforces
// Teams' documented rate limits with 429 + Retry-After when asked to, and injects failures
// (a 429 storm, a bot removed from a conversation). It also reads the outbox idempotency key
// our sender puts in channelData, so tests count duplicates and losses at the receiving end.
import express from "express";
import type { Server } from "node:http";

export interface RecordedActivity {
  conversationId: string;
  /** "send" (POST …/activities), "reply" (POST …/activities/:id), "update" (PUT …/activities/:id). */
  kind: "send" | "reply" | "update";
  activityId: string;
  activity: Record<string, unknown>;
  at: number;
  /** channelData.gesprekswijzer.idempotencyKey, when the sender carried one. */
  idempotencyKey?: string;
  /** channelData.gesprekswijzer.part: which activity of the message (1 for the first). */
  part?: number;
  tenantId: string;
}

/** Teams' documented limits for a bot: per conversation and per app per tenant. */
const CONVERSATION_LIMITS = [
  { max: 7, perMs: 1000 },
  { max: 8, perMs: 2000 },
  { max: 60, perMs: 30_000 },
];
const TENANT_LIMITS = [{ max: 50, perMs: 1000 }];

/** Accepted-send times per key, oldest first, trimmed to the longest window. */
class SlidingWindows {
  private readonly times = new Map<string, number[]>();
  constructor(private readonly limits: { max: number; perMs: number }[]) {}
  private longest = () => Math.max(...this.limits.map((l) => l.perMs));

  full(key: string, now: number): boolean {
    const times = this.times.get(key);
    if (!times) return false;
    while (times.length && times[0]! <= now - this.longest()) times.shift();
    return this.limits.some(({ max, perMs }) => times.length >= max && times[times.length - max]! > now - perMs);
  }

  record(key: string, now: number): void {
    const times = this.times.get(key) ?? [];
    times.push(now);
    this.times.set(key, times);
  }
}

export interface Member {
  id: string;
  name: string;
  aadObjectId: string;
  email?: string;
  userPrincipalName?: string;
}

export interface Failure {
  status: number;
  retryAfterSeconds?: number;
  /** Record the activity as delivered even though the answer is an error (a lost response). */
  acceptAnyway?: boolean;
}

export class FakeConnector {
  readonly activities: RecordedActivity[] = [];
  /** Every request that reached a write endpoint, accepted or not. */
  readonly attempts: { conversationId: string; status: number; at: number; text: string }[] = [];
  members = new Map<string, Member>();
  /** Enforce Teams' limits (7/s, 8/2 s, 60/30 s per conversation; 50/s per tenant) with 429s. */
  enforceLimits = false;
  /** How many sends were accepted per idempotency key (the first activity of a message; "key#2" for its second). */
  readonly deliveries = new Map<string, number>();
  /** Answers per status code (200, 403, 429, …). */
  readonly statusCounts = new Map<number, number>();
  private readonly failures = new Map<string, Failure[]>();
  private readonly blocked = new Map<string, number>();
  private readonly conversationWindows = new SlidingWindows(CONVERSATION_LIMITS);
  private readonly tenantWindows = new SlidingWindows(TENANT_LIMITS);
  /** Tenants whose every write is answered 429 with this Retry-After (seconds), until unthrottled. */
  private readonly throttledTenants = new Map<string, number>();
  /** How long each write takes to answer, as a real service's round trip does. */
  latencyMs = 0;
  /** Writes being answered right now, and the most at once (overall and per tenant). */
  private readonly inFlight = new Map<string, number>();
  maxInFlight = 0;
  /** The most distinct tenants that had a write in flight at the same moment. */
  maxTenantsInFlight = 0;
  private stormUntil = 0;
  private stormRetryAfterSeconds = 1;
  private server?: Server;
  private nextId = 1;
  url = "";

  /** The next write to this conversation fails once (queue several by calling again). */
  failNext(conversationId: string, failure: Failure): void {
    this.failures.set(conversationId, [...(this.failures.get(conversationId) ?? []), failure]);
  }

  /** Every write to this conversation fails with this status (403 bot removed, 404 gone). */
  block(conversationId: string, status: 403 | 404): void {
    this.blocked.set(conversationId, status);
  }

  /** The bot is back in the conversation. */
  unblock(conversationId: string): void {
    this.blocked.delete(conversationId);
  }

  /** A 429 storm: every write is throttled for `ms`, answered with this Retry-After. */
  storm(ms: number, retryAfterSeconds = 1): void {
    this.stormUntil = Date.now() + ms;
    this.stormRetryAfterSeconds = retryAfterSeconds;
  }

  /** Every write for this tenant is throttled (429 + Retry-After), as Teams does to a tenant over its limit. */
  throttleTenant(tenantId: string, retryAfterSeconds: number): void {
    this.throttledTenants.set(tenantId, retryAfterSeconds);
  }

  unthrottleTenant(tenantId: string): void {
    this.throttledTenants.delete(tenantId);
  }

  sentTo(conversationId: string): RecordedActivity[] {
    return this.activities.filter((a) => a.conversationId === conversationId);
  }

  /** Idempotency keys that were accepted more than once, with their counts. */
  duplicates(): Map<string, number> {
    return new Map([...this.deliveries].filter(([, count]) => count > 1));
  }

  private tooFast(conversationId: string, tenantId: string, now: number): boolean {
    return this.conversationWindows.full(conversationId, now) || this.tenantWindows.full(tenantId, now);
  }

  /** Holds a write for latencyMs, counting what is in flight meanwhile. */
  private async answerLater(req: express.Request): Promise<void> {
    const body = req.body as { conversation?: { tenantId?: unknown }; channelData?: { tenant?: { id?: unknown } } };
    const tenantId = String(body.conversation?.tenantId ?? body.channelData?.tenant?.id ?? "unknown");
    this.inFlight.set(tenantId, (this.inFlight.get(tenantId) ?? 0) + 1);
    this.maxInFlight = Math.max(
      this.maxInFlight,
      [...this.inFlight.values()].reduce((a, b) => a + b, 0),
    );
    this.maxTenantsInFlight = Math.max(this.maxTenantsInFlight, [...this.inFlight.values()].filter((n) => n > 0).length);
    await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    this.inFlight.set(tenantId, this.inFlight.get(tenantId)! - 1);
  }

  async start(): Promise<string> {
    const app = express();
    app.use(express.json({ limit: "5mb" }));
    const write = (kind: RecordedActivity["kind"]) => async (req: express.Request, res: express.Response) => {
      if (this.latencyMs > 0) await this.answerLater(req);
      const conversationId = decodeURIComponent(String(req.params.conversationId));
      const now = Date.now();
      const body = req.body as {
        text?: unknown;
        conversation?: { tenantId?: unknown };
        channelData?: { tenant?: { id?: unknown }; gesprekswijzer?: { idempotencyKey?: unknown; part?: unknown } };
      };
      const tenantId = String(body.conversation?.tenantId ?? body.channelData?.tenant?.id ?? "unknown");
      const idempotencyKey = body.channelData?.gesprekswijzer?.idempotencyKey;
      const part = Number(body.channelData?.gesprekswijzer?.part ?? 1);
      const deliveryKey = typeof idempotencyKey === "string" ? (part > 1 ? `${idempotencyKey}#${part}` : idempotencyKey) : undefined;
      const blocked = this.blocked.get(conversationId);
      const failure = this.failures.get(conversationId)?.shift();
      const tenantRetryAfter = this.throttledTenants.get(tenantId);
      const storming = now < this.stormUntil || tenantRetryAfter !== undefined;
      const limited = this.enforceLimits && kind !== "update" && this.tooFast(conversationId, tenantId, now);
      const status = blocked ?? failure?.status ?? (storming || limited ? 429 : 200);
      this.attempts.push({ conversationId, status, at: now, text: String(body.text ?? "") });
      this.statusCounts.set(status, (this.statusCounts.get(status) ?? 0) + 1);
      const record = () => {
        const activityId = kind === "update" ? String(req.params.activityId) : `act-${this.nextId++}`;
        this.activities.push({
          conversationId,
          kind,
          activityId,
          activity: req.body as Record<string, unknown>,
          at: now,
          tenantId,
          ...(typeof idempotencyKey === "string" ? { idempotencyKey, part } : {}),
        });
        if (deliveryKey) this.deliveries.set(deliveryKey, (this.deliveries.get(deliveryKey) ?? 0) + 1);
        if (kind !== "update") {
          this.conversationWindows.record(conversationId, now);
          this.tenantWindows.record(tenantId, now);
        }
        return activityId;
      };
      if (status !== 200) {
        if (failure?.acceptAnyway) record();
        if (status === 429)
          res.setHeader("Retry-After", String(failure?.retryAfterSeconds ?? (storming && !failure ? (tenantRetryAfter ?? this.stormRetryAfterSeconds) : 1)));
        const code = { 403: "BotNotInConversationRoster", 404: "ConversationNotFound", 429: "TooManyRequests" }[status] ?? "ServiceError";
        res.status(status).json({ error: { code, message: `fake connector: ${status}` } });
        return;
      }
      res.json({ id: record() });
    };
    app.post("/v3/conversations/:conversationId/activities", write("send"));
    app.post("/v3/conversations/:conversationId/activities/:activityId", write("reply"));
    app.put("/v3/conversations/:conversationId/activities/:activityId", write("update"));
    app.get("/v3/conversations/:conversationId/members/:userId", (req, res) => {
      const member = this.members.get(decodeURIComponent(String(req.params.userId)));
      if (!member) {
        res.status(404).json({ error: { code: "MemberNotFound", message: "not a member" } });
        return;
      }
      res.json({ ...member, objectId: member.aadObjectId });
    });
    app.post("/v3/conversations", (_req, res) => {
      res.json({ id: `conv-${this.nextId++}` });
    });
    await new Promise<void>((resolve) => {
      this.server = app.listen(0, "127.0.0.1", () => resolve());
    });
    // Like the real service, idle connections stay open far longer than the client keeps them
    // (adapters/teams/connector-http.ts closes them after 4 s). Node's default of 5 s raced the
    // client's timer on a busy machine and turned an ordinary send into an "uncertain" one.
    this.server!.keepAliveTimeout = 120_000;
    const address = this.server!.address();
    this.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

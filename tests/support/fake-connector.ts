// A local stand-in for Microsoft's Bot Connector service (the activity's serviceUrl): records
// what the bot sends, answers like the real service (ids, members, error bodies), enforces
// Teams' documented rate limits with 429 + Retry-After when asked to, and injects failures.
import express from "express";
import type { Server } from "node:http";

export interface RecordedActivity {
  conversationId: string;
  /** "send" (POST …/activities), "reply" (POST …/activities/:id), "update" (PUT …/activities/:id). */
  kind: "send" | "reply" | "update";
  activityId: string;
  activity: Record<string, unknown>;
  at: number;
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
  /** Enforce 7/s per conversation and 50/s overall (one tenant) with 429 answers. */
  enforceLimits = false;
  private readonly failures = new Map<string, Failure[]>();
  private readonly blocked = new Map<string, number>();
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

  sentTo(conversationId: string): RecordedActivity[] {
    return this.activities.filter((a) => a.conversationId === conversationId);
  }

  private tooFast(conversationId: string, now: number): boolean {
    const recent = this.activities.filter((a) => a.kind !== "update" && a.at > now - 1000);
    return recent.filter((a) => a.conversationId === conversationId).length >= 7 || recent.length >= 50;
  }

  async start(): Promise<string> {
    const app = express();
    app.use(express.json({ limit: "5mb" }));
    const write = (kind: RecordedActivity["kind"]) => (req: express.Request, res: express.Response) => {
      const conversationId = decodeURIComponent(String(req.params.conversationId));
      const now = Date.now();
      const blocked = this.blocked.get(conversationId);
      const failure = this.failures.get(conversationId)?.shift();
      const status = blocked ?? failure?.status ?? (this.enforceLimits && kind !== "update" && this.tooFast(conversationId, now) ? 429 : 200);
      this.attempts.push({ conversationId, status, at: now, text: String((req.body as { text?: unknown }).text ?? "") });
      const record = () => {
        const activityId = kind === "update" ? String(req.params.activityId) : `act-${this.nextId++}`;
        this.activities.push({ conversationId, kind, activityId, activity: req.body as Record<string, unknown>, at: now });
        return activityId;
      };
      if (status !== 200) {
        if (failure?.acceptAnyway) record();
        if (status === 429) res.setHeader("Retry-After", String(failure?.retryAfterSeconds ?? 1));
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
    const address = this.server!.address();
    this.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

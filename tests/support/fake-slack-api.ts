// A local stand-in for Slack's Web API (the client's slackApiUrl). It answers like Slack: HTTP 200
// with { ok: false, error } for API errors, 429 with Retry-After when rate limited, views with
// ids and hashes (hash_conflict on a stale update), trigger ids that expire after 3 seconds, a
// modal stack of at most 3 views, and Slack's size limits. It records every call.
import express from "express";
import type { Server } from "node:http";
import { EventEmitter } from "node:events";

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  /** "ok", an error code, or "http_<status>". */
  result: string;
  at: number;
}

export type SlackFailure = { error: string } | { status: 429; retryAfterSeconds: number } | { status: 500 | 502 | 503 };

export interface FakeSlackUser {
  id: string;
  teamId: string;
  email?: string;
  deleted?: boolean;
}

interface StoredView {
  id: string;
  hash: string;
  rootId: string;
  view: Record<string, unknown>;
}

interface StoredMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  metadata?: unknown;
}

const JSON_ARGS = ["blocks", "view", "metadata", "attachments"];

export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  readonly users = new Map<string, FakeSlackUser>();
  readonly messages: StoredMessage[] = [];
  readonly views = new Map<string, StoredView>();
  /** Home tabs by user id: the last published view. */
  readonly homes = new Map<string, Record<string, unknown>>();
  /** Enforce about one chat.postMessage per second per channel with 429 answers. */
  enforceLimits = false;
  url = "";
  private readonly failures = new Map<string, Array<SlackFailure | null>>();
  private readonly triggers = new Map<string, number>();
  private readonly stacks = new Map<string, string[]>();
  private readonly events = new EventEmitter();
  private server?: Server;
  private seq = 1;

  constructor(
    readonly token: string,
    readonly bot = { userId: "UBOT00001", botId: "BBOT00001", teamId: "T00000001" },
  ) {
    this.events.setMaxListeners(100);
  }

  /** A trigger id as Slack puts in an interaction; valid for 3 seconds. */
  trigger(): string {
    const id = `${this.seq++}.${Date.now()}.trigger${Math.random().toString(16).slice(2, 10)}`;
    this.triggers.set(id, Date.now());
    return id;
  }

  /** The next call of `method` fails so (queue several by calling again; null lets one pass). */
  failNext(method: string, failure: SlackFailure | null): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), failure]);
  }

  callsOf(method: string, since = 0): SlackCall[] {
    return this.calls.slice(since).filter((c) => c.method === method);
  }

  /** Resolves with the first call (from index `since`) that matches; fails after `timeoutMs`. */
  waitFor(predicate: (call: SlackCall) => boolean, since = 0, timeoutMs = 5000): Promise<SlackCall> {
    const found = this.calls.slice(since).find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off("call", listener);
        reject(
          new Error(
            `no matching Slack API call within ${timeoutMs} ms; calls: ${this.calls
              .slice(since)
              .map((c) => `${c.method}:${c.result}${c.args.text ? ` "${String(c.args.text).slice(0, 160)}"` : ""}`)
              .join(", ")}`,
          ),
        );
      }, timeoutMs);
      const listener = (call: SlackCall) => {
        if (!predicate(call)) return;
        clearTimeout(timer);
        this.events.off("call", listener);
        resolve(call);
      };
      this.events.on("call", listener);
    });
  }

  private record(method: string, args: Record<string, unknown>, result: string): void {
    const call = { method, args, result, at: Date.now() };
    this.calls.push(call);
    this.events.emit("call", call);
  }

  private newView(view: Record<string, unknown>, rootId?: string): StoredView {
    const id = `V${String(this.seq++).padStart(8, "0")}`;
    const stored = { id, hash: `${Date.now()}.${this.seq++}`, rootId: rootId ?? id, view };
    this.views.set(id, stored);
    return stored;
  }

  private viewBody(stored: StoredView, teamId: string) {
    return { ...stored.view, id: stored.id, hash: stored.hash, team_id: teamId, root_view_id: stored.rootId, state: { values: {} } };
  }

  /** Slack's own checks on a view (the ones our renderer must respect). */
  private invalidView(view: Record<string, unknown>): string | undefined {
    const text = (v: unknown) => (v as { text?: unknown } | undefined)?.text;
    const blocks = view.blocks as Array<Record<string, unknown>> | undefined;
    if (!Array.isArray(blocks)) return "invalid_arguments";
    if (view.type === "modal") {
      if (blocks.length > 100) return "invalid_arguments";
      for (const key of ["title", "submit", "close"]) {
        const t = text(view[key]);
        if (t !== undefined && (typeof t !== "string" || t.length === 0 || [...t].length > 24)) return "invalid_arguments";
      }
      if (typeof view.private_metadata === "string" && view.private_metadata.length > 3000) return "invalid_arguments";
      if (blocks.some((b) => b.type === "input") && !view.submit) return "invalid_arguments";
    } else if (view.type === "home") {
      if (blocks.length > 100) return "invalid_arguments";
    } else return "invalid_arguments";
    const ids = blocks.map((b) => b.block_id).filter((id) => id !== undefined);
    if (new Set(ids).size !== ids.length) return "duplicate_block_id";
    return undefined;
  }

  private handle(method: string, args: Record<string, unknown>): { status?: number; headers?: Record<string, string>; body: Record<string, unknown> } {
    const ok = (body: Record<string, unknown> = {}) => ({ body: { ok: true, ...body } });
    const fail = (error: string) => ({ body: { ok: false, error } });
    switch (method) {
      case "auth.test":
        return ok({ user_id: this.bot.userId, bot_id: this.bot.botId, team_id: this.bot.teamId, user: "gesprekswijzer", team: "Test" });
      case "users.info": {
        const user = this.users.get(String(args.user));
        if (!user) return fail("user_not_found");
        return ok({
          user: { id: user.id, team_id: user.teamId, deleted: user.deleted ?? false, is_bot: false, profile: { ...(user.email ? { email: user.email } : {}) } },
        });
      }
      case "conversations.open": {
        const users = String(args.users ?? "");
        if (!this.users.has(users)) return fail("user_not_found");
        return ok({ channel: { id: `D${users.slice(1)}` } });
      }
      case "chat.postMessage": {
        const channel = String(args.channel ?? "");
        if (!channel) return fail("channel_not_found");
        const blocks = (args.blocks as unknown[] | undefined) ?? [];
        if (!args.text && blocks.length === 0) return fail("no_text");
        if (blocks.length > 50) return fail("invalid_blocks");
        if (this.enforceLimits) {
          const recent = this.calls.filter(
            (c) => c.method === "chat.postMessage" && c.result === "ok" && c.args.channel === channel && c.at > Date.now() - 1000,
          );
          if (recent.length >= 1) return { status: 429, headers: { "Retry-After": "1" }, body: { ok: false, error: "ratelimited" } };
        }
        const message = {
          channel,
          ts: `${Math.floor(Date.now() / 1000)}.${String(this.seq++).padStart(6, "0")}`,
          text: String(args.text ?? ""),
          blocks,
          metadata: args.metadata,
        };
        this.messages.push(message);
        return ok({ channel, ts: message.ts, message: { text: message.text, blocks } });
      }
      case "chat.update": {
        const message = this.messages.find((m) => m.channel === args.channel && m.ts === args.ts);
        if (!message) return fail("message_not_found");
        message.text = String(args.text ?? "");
        message.blocks = (args.blocks as unknown[] | undefined) ?? [];
        return ok({ channel: message.channel, ts: message.ts });
      }
      case "views.open": {
        const trigger = String(args.trigger_id ?? "");
        const issued = this.triggers.get(trigger);
        if (issued === undefined) return fail("invalid_trigger_id");
        if (Date.now() - issued > 3000) return fail("expired_trigger_id");
        this.triggers.delete(trigger);
        const view = args.view as Record<string, unknown>;
        const invalid = this.invalidView(view);
        if (invalid) return fail(invalid);
        const stored = this.newView(view);
        this.stacks.set(stored.id, [stored.id]);
        return ok({ view: this.viewBody(stored, this.bot.teamId) });
      }
      case "views.push": {
        const trigger = String(args.trigger_id ?? "");
        if (!this.triggers.has(trigger)) return fail("invalid_trigger_id");
        const view = args.view as Record<string, unknown>;
        const invalid = this.invalidView(view);
        if (invalid) return fail(invalid);
        // The stack belongs to the view the trigger came from; tests pass root_view_id along.
        const rootId = String(args.root_view_id ?? "");
        const stack = this.stacks.get(rootId);
        if (!stack) return fail("not_found");
        if (stack.length >= 3) return fail("push_limit_reached");
        const stored = this.newView(view, rootId);
        stack.push(stored.id);
        return ok({ view: this.viewBody(stored, this.bot.teamId) });
      }
      case "views.update": {
        const stored = this.views.get(String(args.view_id ?? ""));
        if (!stored) return fail("not_found");
        if (args.hash !== undefined && args.hash !== stored.hash) return fail("hash_conflict");
        const view = args.view as Record<string, unknown>;
        const invalid = this.invalidView(view);
        if (invalid) return fail(invalid);
        stored.view = view;
        stored.hash = `${Date.now()}.${this.seq++}`;
        return ok({ view: this.viewBody(stored, this.bot.teamId) });
      }
      case "views.publish": {
        const view = args.view as Record<string, unknown>;
        const invalid = this.invalidView(view);
        if (invalid) return fail(invalid);
        this.homes.set(String(args.user_id), view);
        return ok({ view: { ...view, id: `VH${String(args.user_id)}` } });
      }
      default:
        return fail("unknown_method");
    }
  }

  /** What the bot's response to a view_submission/ack did to a view (Slack applies it). */
  applyViewUpdate(viewId: string, view: Record<string, unknown>): StoredView {
    const stored = this.views.get(viewId);
    if (!stored) throw new Error(`no view ${viewId}`);
    stored.view = view;
    stored.hash = `${Date.now()}.${this.seq++}`;
    return stored;
  }

  async start(): Promise<string> {
    const app = express();
    app.use(express.urlencoded({ extended: false, limit: "5mb" }));
    app.use(express.json({ limit: "5mb" }));
    app.post("/api/:method", (req, res) => {
      const method = String(req.params.method);
      const args: Record<string, unknown> = { ...(req.body as Record<string, unknown>) };
      for (const key of JSON_ARGS) {
        if (typeof args[key] === "string") {
          try {
            args[key] = JSON.parse(args[key] as string);
          } catch {
            // left as text: Slack would answer invalid_arguments
          }
        }
      }
      const auth = req.header("authorization");
      if (auth !== `Bearer ${this.token}`) {
        this.record(method, args, "invalid_auth");
        res.json({ ok: false, error: "invalid_auth" });
        return;
      }
      const failure = this.failures.get(method)?.shift();
      if (failure && "status" in failure) {
        this.record(method, args, failure.status === 429 ? "ratelimited" : `http_${failure.status}`);
        if (failure.status === 429) res.setHeader("Retry-After", String(failure.retryAfterSeconds));
        res.status(failure.status).json({ ok: false, error: failure.status === 429 ? "ratelimited" : "fatal_error" });
        return;
      }
      const answer = failure ? { body: { ok: false, error: failure.error } } : this.handle(method, args);
      const result = answer.status === 429 ? "ratelimited" : answer.body.ok ? "ok" : String(answer.body.error);
      this.record(method, args, result);
      if ("headers" in answer && answer.headers) res.set(answer.headers);
      res.status(("status" in answer && answer.status) || 200).json(answer.body);
    });
    await new Promise<void>((resolve) => {
      this.server = app.listen(0, "127.0.0.1", () => resolve());
    });
    const address = this.server!.address();
    this.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api/`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

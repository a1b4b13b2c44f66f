// Builds and signs the HTTP requests Slack sends to an app (slash commands, interactions, Events
// API callbacks), the way Slack signs them: v0=HMAC-SHA256(secret, "v0:<timestamp>:<raw body>").
import { createHmac } from "node:crypto";
import type { FakeSlackApi } from "./fake-slack-api.js";

export interface SlackPerson {
  userId: string;
  teamId: string;
}

export interface SendOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  signature?: string;
  unsigned?: boolean;
  retryNum?: number;
}

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export class SlackSimulator {
  private eventSeq = 1;

  constructor(
    private readonly endpoint: string,
    private readonly secret: string,
    private readonly fake: FakeSlackApi,
    /** The app's "turn settled" signal: resolves when the work after every ack so far is done. */
    private readonly settledSignal: () => Promise<void> = async () => undefined,
  ) {}

  /** Waits until the adapter has finished what it does after acknowledging (no sleeping). */
  settled(): Promise<void> {
    return this.settledSignal();
  }

  async send(body: string, contentType: string, options: SendOptions = {}): Promise<Response> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = { "Content-Type": contentType };
    if (!options.unsigned) {
      headers["X-Slack-Request-Timestamp"] = String(timestamp);
      headers["X-Slack-Signature"] = options.signature ?? slackSignature(this.secret, timestamp, body);
    }
    if (options.retryNum !== undefined) {
      headers["X-Slack-Retry-Num"] = String(options.retryNum);
      headers["X-Slack-Retry-Reason"] = "http_timeout";
    }
    return fetch(this.endpoint, { method: "POST", headers, body });
  }

  commandBody(who: SlackPerson, text: string, channelId = `D${who.userId.slice(1)}`): URLSearchParams {
    return new URLSearchParams({
      token: "legacy-verification-token",
      team_id: who.teamId,
      team_domain: "school",
      channel_id: channelId,
      channel_name: channelId.startsWith("D") ? "directmessage" : "algemeen",
      user_id: who.userId,
      user_name: "juf",
      command: "/kindgesprek",
      text,
      api_app_id: "A00000001",
      response_url: "https://hooks.slack.invalid/commands/1",
      trigger_id: this.fake.trigger(),
    });
  }

  command(who: SlackPerson, text: string, channelId?: string, options?: SendOptions): Promise<Response> {
    return this.send(this.commandBody(who, text, channelId).toString(), "application/x-www-form-urlencoded", options);
  }

  interactionBody(payload: Record<string, unknown>): string {
    return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  }

  interaction(payload: Record<string, unknown>, options?: SendOptions): Promise<Response> {
    return this.send(this.interactionBody(payload), "application/x-www-form-urlencoded", options);
  }

  /** An Events API callback. */
  eventBody(who: SlackPerson, event: Record<string, unknown>, eventId = `Ev${String(this.eventSeq++).padStart(8, "0")}`): string {
    return JSON.stringify({
      token: "legacy-verification-token",
      team_id: who.teamId,
      api_app_id: "A00000001",
      event: { ...event, event_ts: `${Date.now() / 1000}` },
      type: "event_callback",
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: who.teamId, user_id: "UBOT00001", is_bot: true, is_enterprise_install: false }],
    });
  }

  event(who: SlackPerson, event: Record<string, unknown>, options?: SendOptions & { eventId?: string }): Promise<Response> {
    return this.send(this.eventBody(who, event, options?.eventId), "application/json", options);
  }

  /** A DM typed to the bot (message.im). */
  dm(who: SlackPerson, text: string, options?: SendOptions & { eventId?: string }): Promise<Response> {
    const channel = `D${who.userId.slice(1)}`;
    return this.event(who, { type: "message", channel_type: "im", channel, user: who.userId, text, ts: `${Date.now() / 1000}`, team: who.teamId }, options);
  }

  blockActions(
    who: SlackPerson,
    action: Record<string, unknown>,
    where: { message?: { channel: string; ts: string }; view?: Record<string, unknown> },
    trigger = this.fake.trigger(),
  ): Record<string, unknown> {
    return {
      type: "block_actions",
      team: { id: who.teamId, domain: "school" },
      user: { id: who.userId, team_id: who.teamId },
      api_app_id: "A00000001",
      trigger_id: trigger,
      ...(where.message
        ? {
            container: { type: "message", message_ts: where.message.ts, channel_id: where.message.channel },
            channel: { id: where.message.channel },
            message: { ts: where.message.ts },
          }
        : {}),
      ...(where.view ? { container: { type: "view", view_id: where.view.id }, view: where.view } : {}),
      actions: [{ ...action, action_ts: `${Date.now() / 1000}` }],
    };
  }

  viewSubmission(who: SlackPerson, view: Record<string, unknown>, trigger = this.fake.trigger()): Record<string, unknown> {
    return {
      type: "view_submission",
      team: { id: who.teamId, domain: "school" },
      user: { id: who.userId, team_id: who.teamId },
      api_app_id: "A00000001",
      trigger_id: trigger,
      view,
    };
  }
}

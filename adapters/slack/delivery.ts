// Who a Slack request is from and where its answer goes: the teacher, their DM, a trigger for
// opening a modal, and the DM message they answered (if any). Built from parsed payloads only.
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import type { ChannelUser } from "../../bot/channel/types.js";
import { slackUser } from "./inbound.js";
import { SlackId, type InteractionPayload } from "./payloads.js";

export interface Delivery {
  user: ChannelUser;
  userId: string;
  teamId: string;
  /** The DM channel, when the request came from it. */
  dmChannel?: string;
  /** Open a dialog step as a modal with this trigger, while it is fresh. */
  trigger?: { id: string; receivedAt: number };
  /** The teacher is typing: steps as text prompts. */
  stepsAsText?: boolean;
  /** A DM step message that was answered: replaced in place by its summary (or by itself with errors). */
  answeredMessage?: { channel: string; ts: string; stepId?: string };
}

export function userDelivery(client: WebClient, teamId: string, userId: string, extra: Partial<Omit<Delivery, "user" | "userId" | "teamId">> = {}): Delivery {
  return { user: slackUser(teamId, userId, client), userId, teamId, ...extra };
}

/** The delivery of an interaction (button, modal): the user's own team, their DM, a fresh trigger. */
export function interactionDelivery(client: WebClient, payload: InteractionPayload): Delivery | undefined {
  const teamId = SlackId.safeParse(payload.user.team_id ?? payload.team?.id);
  if (!teamId.success) return undefined;
  const channel = payload.channel?.id;
  return userDelivery(client, teamId.data, payload.user.id, {
    ...(channel?.startsWith("D") ? { dmChannel: channel } : {}),
    ...(payload.trigger_id ? { trigger: { id: payload.trigger_id, receivedAt: Date.now() } } : {}),
  });
}

/** A trigger is for the request it came with: replies that come later must not open modals. */
export function withoutTrigger(d: Delivery): Delivery {
  const { trigger: _trigger, ...rest } = d;
  return rest;
}

const SlackError = z.looseObject({
  data: z.looseObject({ error: z.unknown().optional() }).nullish(),
  code: z.unknown().optional(),
  name: z.unknown().optional(),
});

/** Slack's error code ("channel_not_found", "slack_webapi_rate_limited_error"), never a message. */
export function slackErrorCode(error: unknown): string {
  const e = SlackError.safeParse(error).data;
  const code = e?.data?.error ?? e?.code ?? e?.name;
  return typeof code === "string" ? code.slice(0, 80) : "unknown";
}

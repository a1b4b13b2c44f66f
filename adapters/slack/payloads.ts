// The Slack payloads the adapter reads, as zod schemas: slash commands, DM message events,
// App Home events, block actions and modal submissions. Everything from Slack is untrusted;
// a payload that does not parse is acknowledged and dropped, never half-read.
import { z } from "zod";

export const SlackId = z.string().regex(/^[A-Z0-9]{2,40}$/);

/** /kindgesprek <text>: a slash command (form fields). */
export const SlashCommandPayload = z.object({
  team_id: SlackId,
  user_id: SlackId,
  channel_id: z.string(),
  channel_name: z.string().optional(),
  text: z.string().optional(),
  trigger_id: z.string().min(1),
});
export type SlashCommandPayload = z.infer<typeof SlashCommandPayload>;

/** An Events API callback's envelope. */
export const EventEnvelope = z.looseObject({ event_id: z.string().optional() });

/** A message event; only what a person typed in the DM with the bot is handled. */
export const MessageEvent = z.looseObject({
  channel_type: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  user: z.string().optional(),
  user_team: z.string().optional(),
  team: z.string().optional(),
  channel: z.string().optional(),
  text: z.string().optional(),
  ts: z.string().optional(),
});

export const AppHomeOpenedEvent = z.looseObject({
  user: SlackId,
  tab: z.string().optional(),
  channel: z.string().optional(),
});

const ViewState = z.looseObject({ values: z.record(z.string(), z.unknown()) });

/** The modal an interaction came from. */
export const InteractionView = z.looseObject({
  id: z.string(),
  type: z.string().optional(),
  hash: z.string().optional(),
  private_metadata: z.string().optional(),
  state: ViewState.optional(),
});

/** What every interaction payload carries: who, from which workspace, and a trigger. */
export const InteractionPayload = z.looseObject({
  user: z.looseObject({ id: SlackId, team_id: z.string().optional() }),
  team: z.looseObject({ id: z.string() }).nullish(),
  trigger_id: z.string().optional(),
  channel: z.looseObject({ id: z.string() }).optional(),
  container: z.looseObject({ channel_id: z.string().optional(), message_ts: z.string().optional() }).optional(),
  message: z.looseObject({ ts: z.string() }).optional(),
  view: InteractionView.optional(),
});
export type InteractionPayload = z.infer<typeof InteractionPayload>;

/** One pressed button or chosen option (block_actions). */
export const ActionPayload = z.looseObject({
  action_id: z.string(),
  block_id: z.string().optional(),
  type: z.string().optional(),
  value: z.string().optional(),
  selected_option: z.looseObject({ value: z.string() }).nullish(),
  action_ts: z.string().optional(),
});
export type ActionPayload = z.infer<typeof ActionPayload>;

export const BlockActionsPayload = InteractionPayload.extend({ actions: z.array(ActionPayload).min(1) });

/** A view_submission or view_closed payload: the view is required. */
export const ViewPayload = InteractionPayload.extend({ view: InteractionView });
export type ViewPayload = z.infer<typeof ViewPayload>;

/** The workspace a request comes from: commands and events carry team_id; interactions team.id. */
const TeamCarrier = z.looseObject({
  team_id: z.unknown().optional(),
  team: z.unknown().optional(),
  user: z.unknown().optional(),
  event: z.unknown().optional(),
});
const WithId = z.looseObject({ id: z.unknown().optional() });
const WithTeamId = z.looseObject({ team_id: z.unknown().optional() });
const WithTeam = z.looseObject({ team: z.unknown().optional() });

export function teamIdOf(body: unknown): string | undefined {
  const b = TeamCarrier.safeParse(body).data;
  if (!b) return undefined;
  const candidates = [b.team_id, WithId.safeParse(b.team).data?.id, WithTeamId.safeParse(b.user).data?.team_id, WithTeam.safeParse(b.event).data?.team];
  for (const candidate of candidates) {
    const parsed = SlackId.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

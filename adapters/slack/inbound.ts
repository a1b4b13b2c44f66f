// Slack payloads → the core's channel-neutral user. Everything from Slack is untrusted: the
// payload shapes are checked with zod before anything is read from them.
import { z } from "zod";
import type { ChannelUser } from "../../bot/channel/types.js";
import { SlackId as Id } from "./payloads.js";

/** The Web API calls the adapter makes to identify a user (users.info needs users:read.email). */
export interface UserDirectory {
  users: { info(args: { user: string }): Promise<{ user?: { profile?: { email?: string }; deleted?: boolean; is_bot?: boolean } }> };
}

export function slackUser(teamId: string, userId: string, directory: UserDirectory): ChannelUser {
  return {
    channel: "slack",
    // User ids are unique within a workspace; the team id makes them unique across workspaces.
    externalId: `${teamId}:${userId}`,
    tenantId: teamId,
    lookupEmail: async () => {
      const result = await directory.users.info({ user: userId }).catch(() => undefined);
      const user = result?.user;
      if (!user || user.deleted || user.is_bot) return undefined;
      return user.profile?.email ?? undefined;
    },
  };
}

/** Where the bot reaches this person proactively: the DM channel, opened on demand if unknown. */
export const SlackReferenceSchema = z.object({
  teamId: Id,
  userId: Id,
  channelId: Id.optional(),
});
export type SlackReference = z.infer<typeof SlackReferenceSchema>;

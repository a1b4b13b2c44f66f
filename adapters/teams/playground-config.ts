// The Agents Playground's config file: the mock users (the signed-in teacher and the five others
// its schema demands), the tenant, the bot and the conversations. Pure.
import { randomUUID } from "node:crypto";

export const DEFAULT_TENANT_ID = "00000000-0000-0000-0000-0000000000001";
/** The playground's default bot account (recipient.id of every activity the bot receives). */
export const DEFAULT_BOT_ID = "00000000-0000-0000-0000-00000000000011";

/** A mock Teams user. `id` is the Bot Framework user id (`from.id`); `aadObjectId` is `from.aadObjectId`. */
export interface PlaygroundUser {
  id?: string;
  name: string;
  aadObjectId: string;
  email: string;
  /** Defaults to `email`. Returned as `userPrincipalName` by the member endpoints. */
  userPrincipalName?: string;
  givenName?: string;
  surname?: string;
}

export const DEFAULT_USER: PlaygroundUser = {
  id: "user-id-0",
  name: "Alex Wilber",
  aadObjectId: "00000000-0000-0000-0000-0000000000020",
  email: "alex.wilber@regenboog.example",
  userPrincipalName: "alex.wilber@regenboog.example",
  givenName: "Alex",
  surname: "Wilber",
};

/** The five other users the config file must list (its schema demands exactly five). */
const FILLER_USERS: PlaygroundUser[] = [
  ["Megan", "Bowen"],
  ["Adele", "Vance"],
  ["Isaiah", "Langer"],
  ["Patti", "Fernandez"],
  ["Lynne", "Robbins"],
].map(([givenName, surname], i) => ({
  id: `user-id-${i + 1}`,
  name: `${givenName} ${surname}`,
  aadObjectId: `00000000-0000-0000-0000-00000000000${21 + i}`,
  email: `${givenName!.toLowerCase()}.${surname!.toLowerCase()}@regenboog.example`,
  givenName: givenName!,
  surname: surname!,
}));

interface PlaygroundConfigUser {
  id: string;
  name: string;
  userPrincipleName: string; // sic: the playground's schema spells it this way
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

function toConfigUser(user: PlaygroundUser, fallbackId: string): PlaygroundConfigUser {
  const [first, ...rest] = user.name.split(" ");
  return {
    id: user.id ?? fallbackId,
    name: user.name,
    userPrincipleName: user.userPrincipalName ?? user.email,
    aadObjectId: user.aadObjectId,
    givenName: user.givenName ?? first ?? user.name,
    surname: user.surname ?? (rest.join(" ") || user.name),
    email: user.email,
  };
}

/** The playground's config file content (schema version 0.1.1, see the notes). */
export function buildPlaygroundConfig(options: {
  users?: PlaygroundUser[];
  tenantId?: string;
  conversationId: string;
  botId?: string;
  botName?: string;
}): Record<string, unknown> {
  const given = options.users && options.users.length > 0 ? options.users : [DEFAULT_USER];
  if (given.length > 6) throw new Error(`The playground supports at most 6 users (got ${given.length})`);
  const current = toConfigUser(given[0]!, "user-id-0");
  const others = given.slice(1).map((u, i) => toConfigUser(u, `user-id-${i + 1}`));
  const taken = new Set([current.id, ...others.map((u) => u.id)]);
  if (taken.size !== given.length) throw new Error("Playground user ids must be unique");
  const takenAad = new Set([current.aadObjectId, ...others.map((u) => u.aadObjectId)]);
  for (const filler of FILLER_USERS) {
    if (others.length >= 5) break;
    if (taken.has(filler.id!) || takenAad.has(filler.aadObjectId)) continue;
    others.push(toConfigUser(filler, filler.id!));
  }
  for (let n = 6; others.length < 5; n++) {
    // Only reached when the caller's ids collide with every stand-in.
    const id = `user-id-${n}`;
    if (!taken.has(id)) others.push(toConfigUser({ ...FILLER_USERS[0]!, id, aadObjectId: randomUUID() }, id));
  }
  const botName = options.botName ?? "Gesprekswijzer";
  if (botName.length > 42) throw new Error("The playground limits the bot name to 42 characters");
  return {
    version: "0.1.1",
    tenantId: options.tenantId ?? DEFAULT_TENANT_ID,
    bot: { id: options.botId ?? DEFAULT_BOT_ID, name: botName },
    currentUser: current,
    users: others,
    personalChat: { id: options.conversationId },
    groupChat: { id: `group-${options.conversationId}`, name: "Group Chat" },
    team: {
      id: `team-${options.conversationId}`,
      name: "My Team",
      aadGroupId: "00000000-0000-0000-0000-000000000031",
      channels: [{ id: `channel-${options.conversationId}`, name: "Announcements" }],
    },
  };
}

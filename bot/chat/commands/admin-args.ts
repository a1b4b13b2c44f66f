// What the admin typed after a staff or group command, taken apart into typed values. Checking
// the values (e-mail, days, format key, the leads rule) is the core's (bot/roster/staff-admin.ts,
// group-admin.ts); here only the words are read, Dutch and English alike.
import { Bouw, type Role } from "../../domain/vocabulary.js";

const ROLE_WORDS: Readonly<Record<string, Role>> = {
  leerkracht: "teacher",
  teacher: "teacher",
  ib: "ib",
  "ib'er": "ib",
  iber: "ib",
  teamleider: "team_leader",
  team_leader: "team_leader",
  "team-leader": "team_leader",
  teamleader: "team_leader",
  bouwcoördinator: "team_leader",
  bouwcoordinator: "team_leader",
  admin: "admin",
  beheerder: "admin",
  content_reader: "content_reader",
  meelezer: "content_reader",
  privacy_officer: "privacy_officer",
  privacyfunctionaris: "privacy_officer",
};

/** The role words to show when one is not known: one per role. */
export const KNOWN_ROLE_WORDS = "leerkracht, ib, teamleider, beheerder, meelezer, privacyfunctionaris";

export type AddStaffArgs = { email: string; name: string; roles?: Role[]; leads?: Bouw[] } | { usage: true } | { unknownRole: string };

const ROLE_MARKERS = new Set(["rol", "role", "rollen", "roles"]);

/**
 * "<e-mail> <naam> [rol <rol>[, <rol>] [<bouw> …]]". The last "rol" with words after it starts the
 * roles, so a surname "Rol" on its own stays part of the name.
 */
export function parseAddStaff(text: string): AddStaffArgs {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { usage: true };
  const marker = words.findLastIndex((w, i) => i >= 2 && i < words.length - 1 && ROLE_MARKERS.has(w.toLowerCase()));
  const nameWords = words.slice(1, marker === -1 ? undefined : marker);
  const args = { email: words[0]!, name: nameWords.join(" ") };
  if (marker === -1) return args;
  const roles: Role[] = [];
  const leads: Bouw[] = [];
  for (const word of words
    .slice(marker + 1)
    .flatMap((w) => w.toLowerCase().split(","))
    .filter(Boolean)) {
    const role = ROLE_WORDS[word];
    const bouw = Bouw.safeParse(word);
    if (role) roles.push(role);
    else if (bouw.success) leads.push(bouw.data);
    else return { unknownRole: word };
  }
  return { ...args, roles: [...new Set(roles)], leads: [...new Set(leads)] };
}

export type GroupArgs =
  | { show: string }
  | { link: string; email: string; days?: string }
  | { unlink: string; email: string }
  | { format: string; key: string }
  | { usage: true };

const TEACHER_WORDS = new Set(["leerkracht", "leerkrachten", "teacher", "teachers"]);
const FORMAT_WORDS = new Set(["format", "formaat"]);
const REMOVE_WORDS = new Set(["weg", "eraf", "verwijder", "verwijderen", "ontkoppel", "ontkoppelen", "remove", "unlink"]);
const DAYS_WORDS = new Set(["dagen", "op", "days", "on"]);

/**
 * "<groep> [leerkracht [weg] <e-mail> [dagen <dagen>] | format <sleutel>]": the group's name is
 * everything before the first keyword.
 */
export function parseGroupCommand(text: string): GroupArgs {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const at = words.findIndex((w) => TEACHER_WORDS.has(w.toLowerCase()) || FORMAT_WORDS.has(w.toLowerCase()));
  const group = words.slice(0, at === -1 ? undefined : at).join(" ");
  if (!group) return { usage: true };
  if (at === -1) return { show: group };
  const rest = words.slice(at + 1);
  if (FORMAT_WORDS.has(words[at]!.toLowerCase())) return rest.length === 1 ? { format: group, key: rest[0]! } : { usage: true };
  if (rest[0] && REMOVE_WORDS.has(rest[0].toLowerCase())) return rest.length === 2 ? { unlink: group, email: rest[1]! } : { usage: true };
  const [email, ...after] = rest;
  if (!email) return { usage: true };
  const days = after[0] && DAYS_WORDS.has(after[0].toLowerCase()) ? after.slice(1) : after;
  if (after.length > 0 && days.length === 0) return { usage: true };
  return { link: group, email, ...(days.length ? { days: days.join(" ") } : {}) };
}

// The policy's pupil scope (policy.ts, pupilScope) as a Prisma filter: list queries select exactly
// the pupils whose records the actor may read or write, in the actor's own school.
import type { Actor } from "./actor.js";
import { pupilScope } from "./policy.js";

export interface PupilWhere {
  schoolId: string;
  OR?: ({ groupId: { in: string[] } } | { id: { in: string[] } })[];
}

export function pupilsWhere(actor: Actor, access: "read" | "write"): PupilWhere {
  const scope = pupilScope(actor, access);
  if (scope.kind === "school") return { schoolId: actor.schoolId };
  // An empty OR matches nothing on both databases: someone with no group and no IB pupils sees none.
  return { schoolId: actor.schoolId, OR: [{ groupId: { in: scope.groupIds } }, { id: { in: scope.pupilIds } }] };
}

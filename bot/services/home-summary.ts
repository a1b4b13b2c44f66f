// A teacher's overview for a channel's home page (Slack's App Home): unfinished drafts, upcoming
// (planned or prepared) conversations, evaluations due this week and their groups. Read through
// the services that check access and audit; the channel only renders it.
import type { Db } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { localDate } from "../domain/local-time.js";
import type { TeacherHome } from "../channel/types.js";
import { getGroupOverviews, listDueEvaluations } from "./group-overview.js";
import { listOpenSessions } from "./dialog-sessions.js";

const DUE_WITHIN_DAYS = 7;

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** HH:MM in the school's timezone (24-hour in both languages). */
function wallClock(now: Date, timezone: string): string {
  return new Intl.DateTimeFormat("nl-NL", { timeZone: timezone, hour: "2-digit", minute: "2-digit" }).format(now);
}

export async function loadHomeSummary(db: Db, actor: Actor, now: Date): Promise<TeacherHome> {
  const today = localDate(now, actor.timezone);
  const [staff, overviews, due, drafts] = await Promise.all([
    db.staff.findUniqueOrThrow({ where: { id: actor.staffId }, select: { displayName: true } }),
    getGroupOverviews(db, actor, today),
    listDueEvaluations(db, actor, addDays(today, DUE_WITHIN_DAYS)),
    listOpenSessions(db, actor.staffId),
  ]);
  const pupilNames = new Map(overviews.flatMap((o) => o.pupils.map((p) => [p.id, p.name] as const)));
  return {
    kind: "home",
    locale: actor.locale,
    firstName: staff.displayName.split(" ")[0] ?? staff.displayName,
    updatedAt: wallClock(now, actor.timezone),
    drafts: drafts.map((d) => {
      const pupilName = d.pupilId ? pupilNames.get(d.pupilId) : undefined;
      return {
        sessionId: d.id,
        kind: d.kind,
        ...(pupilName ? { pupilName } : {}),
        updatedOn: localDate(d.updatedAt, actor.timezone),
        paused: d.status === "paused",
      };
    }),
    upcoming: overviews.flatMap((o) =>
      o.pupils.flatMap((p) => (p.status === "planned" || p.status === "prepared" ? [{ pupilName: p.name, groupName: o.groupName, status: p.status }] : [])),
    ),
    due: due.map((d) => ({ pupilId: d.pupilId, pupilName: d.pupilName, evaluationDate: d.evaluationDate, goalText: d.goalText })),
    groups: overviews.map((o) => ({ groupName: o.groupName, held: o.held, total: o.pupils.length, since: o.since })),
  };
}

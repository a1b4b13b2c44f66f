// A teacher's overview of their group(s): who had a conversation in this period, open goals,
// and evaluations coming up.
import type { Db } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit.js";
import { pupilsWhere } from "../auth/pupil-scope.js";
import { schoolYearOfDate, schoolYearStartDate, schoolYearSpan } from "../domain/school-year.js";
import { zonedTimeToUtc } from "../domain/local-time.js";
import { conversationDayIn } from "./school-year.js";

/** The school year `today` falls in, by the school's own start date: its first day and its span. */
async function schoolYearOfToday(db: Db, actor: Actor, today: string): Promise<{ since: string; span: { gte: Date; lt: Date } }> {
  const { schoolYearStart } = await db.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { schoolYearStart: true } });
  const year = schoolYearOfDate(today, schoolYearStart);
  return { since: schoolYearStartDate(year, schoolYearStart), span: schoolYearSpan(year, schoolYearStart, actor.timezone) };
}

export interface PupilOverview {
  id: string;
  name: string;
  /** The most advanced conversation status in the period, or null when none. */
  status: string | null;
  openGoals: number;
  evaluationsDue: number;
}

export interface GroupOverview {
  groupId: string;
  groupName: string;
  since: string;
  pupils: PupilOverview[];
  held: number;
}

const RANK: Record<string, number> = { planned: 1, prepared: 2, held: 3, evaluated: 4 };

/** The period starts on the first day of the current school year (the school's own date) unless given. */
export async function getGroupOverviews(
  db: Db,
  actor: Actor,
  today: string,
  options: { since?: string; dueWithinDays?: number } = {},
): Promise<GroupOverview[]> {
  const { since, span } = options.since
    ? { since: options.since, span: { gte: zonedTimeToUtc(options.since, "00:00", actor.timezone) } }
    : await schoolYearOfToday(db, actor, today);
  const dueUntil = new Date(`${today}T12:00:00Z`);
  dueUntil.setUTCDate(dueUntil.getUTCDate() + (options.dueWithinDays ?? 7));
  const dueLimit = dueUntil.toISOString().slice(0, 10);
  const groups = await db.group.findMany({
    where: { id: { in: [...actor.groupIds] }, schoolId: actor.schoolId },
    orderBy: { name: "asc" },
    include: {
      pupils: {
        where: { active: true },
        orderBy: [{ firstName: "asc" }, { lastName: "asc" }],
        include: {
          conversations: { where: { status: { not: "cancelled" }, ...conversationDayIn(span) }, select: { status: true } },
          goals: { where: { status: "open" }, select: { evaluationDate: true } },
        },
      },
    },
  });
  for (const g of groups)
    await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "read", entity: "group_overview", entityId: g.id });
  return groups.map((g) => {
    const pupils = g.pupils.map((p) => {
      const best = p.conversations.reduce<string | null>((acc, c) => ((RANK[c.status] ?? 0) > (RANK[acc ?? ""] ?? 0) ? c.status : acc), null);
      return {
        id: p.id,
        name: `${p.firstName} ${p.lastName}`,
        status: best,
        openGoals: p.goals.length,
        evaluationsDue: p.goals.filter((goal) => goal.evaluationDate !== null && goal.evaluationDate <= dueLimit).length,
      };
    });
    return { groupId: g.id, groupName: g.name, since, pupils, held: pupils.filter((p) => p.status === "held" || p.status === "evaluated").length };
  });
}

export interface DueEvaluation {
  goalId: string;
  pupilId: string;
  pupilName: string;
  goalText: string;
  evaluationDate: string;
}

/** Open goals whose evaluation date is on or before `until`, of the pupils whose records the actor keeps (writes). */
export async function listDueEvaluations(db: Db, actor: Actor, until: string): Promise<DueEvaluation[]> {
  const goals = await db.goal.findMany({
    where: {
      status: "open",
      evaluationDate: { not: null, lte: until },
      pupil: { ...pupilsWhere(actor, "write"), active: true },
    },
    include: { pupil: { select: { id: true, firstName: true, lastName: true } } },
    orderBy: { evaluationDate: "asc" },
  });
  return goals.map((g) => ({
    goalId: g.id,
    pupilId: g.pupil.id,
    pupilName: `${g.pupil.firstName} ${g.pupil.lastName}`,
    goalText: g.goalText,
    evaluationDate: g.evaluationDate!,
  }));
}

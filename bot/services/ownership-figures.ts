// How often each ownership skill came up in this school year's conversations with pupils, per
// group and per bouw, and for the whole school where the policy allows (`eigenaarschap`). Counts
// and proportions only: no pupil, no goal, no note leaves this file — the rows read are skill ids,
// format keys, group ids and who judged an evaluation.
import type { Db } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { canViewGroupOwnership, canViewSchoolOwnership } from "../auth/policy.js";
import { recordAudit } from "../audit.js";
import { ForbiddenError, NotFoundError } from "../errors.js";
import { Bouw, HELD_STATUSES } from "../domain/vocabulary.js";
import { asSkillActor, evaluationSkills, OWNERSHIP_SKILLS, type OwnershipSkillName } from "../domain/ownership-skills.js";
import { schoolYearOf, schoolYearSpan } from "../domain/school-year.js";
import { getFormat } from "../formats/registry.js";

export interface SkillTally {
  /** Held conversations with the pupil (not group conversations, not colleagues' meetings). */
  conversations: number;
  /** Per skill: in how many of those conversations it came up. */
  skills: Record<OwnershipSkillName, number>;
  /** Goals evaluated (not "ask again later"), and how many of those the pupil judged themself. */
  evaluations: number;
  selfAssessed: number;
}

export interface OwnershipFigures {
  schoolYear: string;
  bouwen: { bouw: Bouw; tally: SkillTally; groups: { name: string; tally: SkillTally }[] }[];
  /** The whole school, for who may see it (director, IB'er, admin); null for a team leader. */
  school: SkillTally | null;
}

const emptyTally = (): SkillTally => ({
  conversations: 0,
  skills: Object.fromEntries(OWNERSHIP_SKILLS.map((s) => [s, 0])) as Record<OwnershipSkillName, number>,
  evaluations: 0,
  selfAssessed: 0,
});

function addInto(sum: SkillTally, part: SkillTally): void {
  sum.conversations += part.conversations;
  for (const s of OWNERSHIP_SKILLS) sum.skills[s] += part.skills[s];
  sum.evaluations += part.evaluations;
  sum.selfAssessed += part.selfAssessed;
}

/** The skills stored with a conversation; an unreadable value counts for none. */
function storedSkills(value: string): OwnershipSkillName[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? OWNERSHIP_SKILLS.filter((s) => parsed.includes(s)) : [];
  } catch {
    return [];
  }
}

/** Whether a format's conversation is with the pupil, read once per format version. */
function pupilFormatCheck(db: Db, schoolId: string) {
  const known = new Map<string, Promise<boolean>>();
  return (key: string, version: number): Promise<boolean> => {
    const id = `${key}@${version}`;
    if (!known.has(id)) {
      known.set(
        id,
        getFormat(db, schoolId, key, version).then(
          (f) => f.subject === "pupil",
          (error: unknown) => {
            if (error instanceof NotFoundError) return false;
            throw error;
          },
        ),
      );
    }
    return known.get(id)!;
  };
}

export async function getOwnershipFigures(db: Db, actor: Actor, now: Date): Promise<OwnershipFigures> {
  const schoolId = actor.schoolId;
  const wholeSchool = canViewSchoolOwnership(actor, schoolId);
  const leadsABouw = Bouw.options.some((bouw) => canViewGroupOwnership(actor, { id: "", schoolId, bouw }));
  if (!wholeSchool && !leadsABouw) {
    await recordAudit(db, { schoolId, actorStaffId: actor.staffId, action: "refused", entity: "ownership_figures", entityId: schoolId });
    throw new ForbiddenError("no ownership figures for this person");
  }
  const school = await db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { timezone: true, schoolYearStart: true } });
  const year = schoolYearOf(now, school.timezone, school.schoolYearStart);
  const during = schoolYearSpan(year, school.schoolYearStart, school.timezone);

  const groups = (
    await db.group.findMany({ where: { schoolId, archivedAt: null }, select: { id: true, name: true, bouw: true }, orderBy: { name: "asc" } })
  ).filter((g) => canViewGroupOwnership(actor, { ...g, schoolId }));
  const groupIds = groups.map((g) => g.id);
  const tallies = new Map(groupIds.map((id) => [id, emptyTally()]));

  const conversations = await db.conversation.findMany({
    where: { schoolId, pupilId: { not: null }, groupId: { in: groupIds }, status: { in: [...HELD_STATUSES] }, heldAt: during },
    select: { groupId: true, formatKey: true, formatVersion: true, skills: true },
  });
  const withPupil = pupilFormatCheck(db, schoolId);
  for (const c of conversations) {
    const tally = tallies.get(c.groupId!);
    if (!tally || !(await withPupil(c.formatKey, c.formatVersion))) continue;
    tally.conversations += 1;
    for (const skill of storedSkills(c.skills)) tally.skills[skill] += 1;
  }

  const evaluations = await db.evaluation.findMany({
    where: { evaluatedAt: during, outcome: { not: "later" }, goal: { pupil: { schoolId, groupId: { in: groupIds } } } },
    select: { assessedBy: true, goal: { select: { pupil: { select: { groupId: true } } } } },
  });
  for (const e of evaluations) {
    const tally = tallies.get(e.goal.pupil.groupId!);
    if (!tally) continue;
    tally.evaluations += 1;
    if (evaluationSkills(asSkillActor(e.assessedBy)).includes("selfEvaluation")) tally.selfAssessed += 1;
  }

  const bouwen: OwnershipFigures["bouwen"] = [];
  for (const bouw of Bouw.options) {
    const inBouw = groups.filter((g) => g.bouw === bouw);
    if (inBouw.length === 0) continue;
    const tally = emptyTally();
    for (const g of inBouw) addInto(tally, tallies.get(g.id)!);
    bouwen.push({ bouw, tally, groups: inBouw.map((g) => ({ name: g.name, tally: tallies.get(g.id)! })) });
  }
  let schoolTally: SkillTally | null = null;
  if (wholeSchool) {
    schoolTally = emptyTally();
    for (const b of bouwen) addInto(schoolTally, b.tally);
  }
  await recordAudit(db, { schoolId, actorStaffId: actor.staffId, action: "read", entity: "ownership_figures", entityId: schoolId });
  return { schoolYear: year, bouwen, school: schoolTally };
}

/**
 * How often a skill came up, as a proportion. Self-evaluation also happens at an evaluation, so
 * for it the evaluations the pupil judged count too, over conversations and evaluations together.
 */
export function skillShare(tally: SkillTally, skill: OwnershipSkillName): number {
  const [times, of] =
    skill === "selfEvaluation"
      ? [tally.skills.selfEvaluation + tally.selfAssessed, tally.conversations + tally.evaluations]
      : [tally.skills[skill], tally.conversations];
  return of === 0 ? 0 : times / of;
}

/** The skills that got the least attention (all four while none came up). */
export function leastAddressed(tally: SkillTally): OwnershipSkillName[] {
  const fewest = Math.min(...OWNERSHIP_SKILLS.map((s) => skillShare(tally, s)));
  return OWNERSHIP_SKILLS.filter((s) => skillShare(tally, s) === fewest);
}

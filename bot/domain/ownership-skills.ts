// Which of Zimmerman's ownership skills a conversation addressed, read from what the pupil did —
// who set the goal, who chose the way there, who looked back on the earlier goal, who judged an
// evaluation — as the teacher tapped it. Which fields hold text never counts: a teacher can fill in
// every box of a kindplan the pupil had no part in. The one place this rule lives.
import { isMessageKey, translate } from "../i18n/translate.js";

export const OWNERSHIP_SKILLS = ["ownGoals", "selfEvaluation", "selfMonitoring", "selfInstruction"] as const;
export type OwnershipSkillName = (typeof OWNERSHIP_SKILLS)[number];

/** Who did it: the pupil alone, pupil and teacher together, or the teacher. */
export const SKILL_ACTORS = ["pupil", "together", "teacher"] as const;
export type SkillActor = (typeof SKILL_ACTORS)[number];

/** A stored or tapped value as a SkillActor; anything else (not told, an old record) is null. */
export function asSkillActor(value: unknown): SkillActor | null {
  return (SKILL_ACTORS as readonly unknown[]).includes(value) ? (value as SkillActor) : null;
}

/** A skill in words; an unknown (older) skill id is shown as it is. */
export function skillLabel(skill: string, locale: "nl" | "en"): string {
  const key = `skill.${skill}`;
  return isMessageKey(key) ? translate(locale, key) : skill;
}

export interface SkillEvidence {
  /** Who the format's conversation is with: only a conversation with the pupil can show the pupil's skills. */
  subject: "pupil" | "group" | "colleague";
  /** Per goal recorded: who set it and who chose the way to reach it. */
  goals: { setBy: SkillActor | null; approachBy: SkillActor | null }[];
  /** Who looked back on the pupil's own earlier goal or agreements at the start, when there were any. */
  lookedBackBy: SkillActor | null;
}

/** The pupil had a real part in it: alone, or with the teacher. */
const pupilTookPart = (by: SkillActor | null) => by === "pupil" || by === "together";

/**
 * - ownGoals: the pupil set a goal, alone or together with the teacher (the form's "the goal we
 *   want to reach together"); a goal the teacher set does not count.
 * - selfInstruction: the pupil chose (or co-chose) the way to reach it and the help they want.
 * - selfMonitoring: the pupil took part in looking back on their own recorded earlier goal.
 * - selfEvaluation: the pupil judged that earlier goal themself — "together" is not self-evaluation.
 * A group conversation or a meeting of colleagues (the leerlingbespreking) yields nothing.
 */
export function deriveSkills(evidence: SkillEvidence): OwnershipSkillName[] {
  if (evidence.subject !== "pupil") return [];
  const found = new Set<OwnershipSkillName>();
  if (evidence.goals.some((g) => pupilTookPart(g.setBy))) found.add("ownGoals");
  if (evidence.goals.some((g) => pupilTookPart(g.approachBy))) found.add("selfInstruction");
  if (pupilTookPart(evidence.lookedBackBy)) found.add("selfMonitoring");
  if (evidence.lookedBackBy === "pupil") found.add("selfEvaluation");
  return OWNERSHIP_SKILLS.filter((s) => found.has(s));
}

/** An evaluation of a goal shows self-evaluation when the pupil judged it themself. */
export function evaluationSkills(assessedBy: SkillActor | null): OwnershipSkillName[] {
  return assessedBy === "pupil" ? ["selfEvaluation"] : [];
}

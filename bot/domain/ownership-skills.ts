// Which of Zimmerman's ownership skills a conversation addressed, derived from what was
// recorded (never ticked by hand, so the figure means something).
import { isMessageKey, translate } from "../i18n/translate.js";

export const OWNERSHIP_SKILLS = ["ownGoals", "selfEvaluation", "selfMonitoring", "selfInstruction"] as const;
export type OwnershipSkillName = (typeof OWNERSHIP_SKILLS)[number];

/** A skill in words; an unknown (older) skill id is shown as it is. */
export function skillLabel(skill: string, locale: "nl" | "en"): string {
  const key = `skill.${skill}`;
  return isMessageKey(key) ? translate(locale, key) : skill;
}

export interface SkillEvidence {
  /** Skills tagged on format fields that were answered. */
  taggedAnswered: string[];
  /** The pupil looked back on earlier goals or agreements. */
  reviewedPrevious: boolean;
  goals: { goalText: string; ownPlan: string | null; successCriteria: string | null; evaluationDate: string | null }[];
}

export function deriveSkills(evidence: SkillEvidence): OwnershipSkillName[] {
  const found = new Set<OwnershipSkillName>();
  for (const tag of evidence.taggedAnswered) if ((OWNERSHIP_SKILLS as readonly string[]).includes(tag)) found.add(tag as OwnershipSkillName);
  // A goal with the pupil's own plan is a goal the pupil set.
  if (evidence.goals.some((g) => g.goalText && g.ownPlan)) found.add("ownGoals");
  if (evidence.reviewedPrevious) found.add("selfEvaluation");
  // Agreeing how success will be seen, and when to look, makes progress visible.
  if (evidence.goals.some((g) => g.successCriteria && g.evaluationDate)) found.add("selfMonitoring");
  return OWNERSHIP_SKILLS.filter((s) => found.has(s));
}

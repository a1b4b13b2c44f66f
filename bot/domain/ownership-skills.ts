// Which of Zimmerman's ownership skills a conversation addressed, derived from what was
// recorded (never ticked by hand, so the figure means something).
export const OWNERSHIP_SKILLS = ["ownGoals", "selfEvaluation", "selfMonitoring", "selfInstruction"] as const;
export type OwnershipSkillName = (typeof OWNERSHIP_SKILLS)[number];

export const SKILL_LABELS: Record<OwnershipSkillName, { nl: string; en: string }> = {
  ownGoals: { nl: "eigen doelen stellen", en: "setting own goals" },
  selfEvaluation: { nl: "zelfevaluatie", en: "self-evaluation" },
  selfMonitoring: { nl: "zelfmonitoring", en: "self-monitoring" },
  selfInstruction: { nl: "zelfinstructie", en: "self-instruction" },
};

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

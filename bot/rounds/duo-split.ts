// Duo-partners split a group's pupils by default, in proportion to the days each works in the
// group: a teacher of three days gets three fifths. Contiguous alphabetical blocks, so each
// teacher knows "their" pupils at a glance. Pure.
export interface GroupTeacherShare {
  staffId: string;
  workingDays: number;
}

/** The pupil ids (already in alphabetical order) that fall to `staffId`. */
export function duoShare(pupilIds: string[], teachers: GroupTeacherShare[], staffId: string): string[] {
  const ordered = [...teachers].sort((a, b) => a.staffId.localeCompare(b.staffId));
  const index = ordered.findIndex((t) => t.staffId === staffId);
  if (index < 0) return [];
  if (ordered.length === 1) return [...pupilIds];
  const total = ordered.reduce((sum, t) => sum + Math.max(1, t.workingDays), 0);
  let start = 0;
  for (let i = 0; i < ordered.length; i++) {
    const weight = ordered.slice(0, i + 1).reduce((sum, t) => sum + Math.max(1, t.workingDays), 0);
    const end = i === ordered.length - 1 ? pupilIds.length : Math.round((pupilIds.length * weight) / total);
    if (i === index) return pupilIds.slice(start, end);
    start = end;
  }
  return [];
}

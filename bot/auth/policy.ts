// The authorization rules, as pure functions over an Actor and the record's ownership facts.
// Every rule starts with the school: staff of one school never reach another school's data
// (the one exception, canViewSchoolProgress, gives a board_admin counts of the board's schools).
import type { Bouw } from "../domain/vocabulary.js";
import type { Actor } from "./actor.js";

export interface PupilFacts {
  id: string;
  schoolId: string;
  groupId: string | null;
}

export interface GroupFacts {
  id: string;
  schoolId: string;
  bouw: Bouw | string;
}

const sameSchool = (actor: Actor, schoolId: string) => actor.schoolId === schoolId;

/** Conversation content, goals, notes: the group's teachers, the assigned IB'er, or a content grant. */
export function canReadPupilContent(actor: Actor, pupil: PupilFacts): boolean {
  if (!sameSchool(actor, pupil.schoolId)) return false;
  if (actor.roles.has("content_reader")) return true;
  return canWritePupilContent(actor, pupil);
}

/**
 * The pupils canReadPupilContent ("read") or canWritePupilContent ("write") allow, as data a query
 * can use (bot/auth/pupil-scope.ts) — within the actor's own school always. Kept beside the two
 * rules it mirrors; a test checks they agree pupil by pupil.
 */
export type PupilScope = { kind: "school" } | { kind: "some"; groupIds: string[]; pupilIds: string[] };

export function pupilScope(actor: Actor, access: "read" | "write"): PupilScope {
  if (access === "read" && actor.roles.has("content_reader")) return { kind: "school" };
  return {
    kind: "some",
    groupIds: actor.roles.has("teacher") ? [...actor.groupIds] : [],
    pupilIds: actor.roles.has("ib") ? [...actor.supportedPupilIds] : [],
  };
}

/** Recording conversations and notes: the group's teachers and the pupil's IB'er. */
export function canWritePupilContent(actor: Actor, pupil: PupilFacts): boolean {
  if (!sameSchool(actor, pupil.schoolId)) return false;
  if (actor.roles.has("teacher") && pupil.groupId !== null && actor.groupIds.has(pupil.groupId)) return true;
  return actor.roles.has("ib") && actor.supportedPupilIds.has(pupil.id);
}

/**
 * Evaluating a goal: whoever may write the pupil's records (the group's teachers, duo-partners
 * alike, and the pupil's IB'er), and the evaluator the goal names — even after moving to another
 * group, because the kindplan made them responsible for this evaluation.
 */
export function canEvaluateGoal(actor: Actor, pupil: PupilFacts, goal: { evaluatorId: string | null }): boolean {
  if (!sameSchool(actor, pupil.schoolId)) return false;
  return canWritePupilContent(actor, pupil) || (goal.evaluatorId !== null && goal.evaluatorId === actor.staffId);
}

/** The pupil list of a group (names, no content): its teachers and the school admin. */
export function canListGroupPupils(actor: Actor, group: GroupFacts): boolean {
  if (!sameSchool(actor, group.schoolId)) return false;
  return actor.groupIds.has(group.id) || actor.roles.has("admin");
}

/**
 * A group of an earlier school year (archived at the rollover): the teachers who had it, and a
 * content reader. Reading only: nothing is recorded in last year's group.
 */
export function canReadArchivedGroup(actor: Actor, group: { id: string; schoolId: string }): boolean {
  if (!sameSchool(actor, group.schoolId)) return false;
  return actor.roles.has("content_reader") || (actor.roles.has("teacher") && actor.archivedGroupIds.has(group.id));
}

/** Where a held conversation was held: its school, and its group when that group is archived (last school year). */
export interface ConversationFacts {
  schoolId: string;
  archivedGroup: { id: string; schoolId: string } | null;
}

/**
 * A held conversation read in full (every phase, goals, agreements, evaluations, notes): whoever
 * reads the pupil's content (the group's teachers, duo-partners alike, the assigned IB'er, a
 * content reader); and last year's teachers for a conversation held in their archived group —
 * that one conversation, not the pupil's records since. Nobody else: not a team leader, not an
 * IB'er the pupil is not assigned to.
 */
export function canReadConversation(actor: Actor, pupil: PupilFacts, conversation: ConversationFacts): boolean {
  if (!sameSchool(actor, pupil.schoolId) || conversation.schoolId !== pupil.schoolId) return false;
  if (canReadPupilContent(actor, pupil)) return true;
  return conversation.archivedGroup !== null && canReadArchivedGroup(actor, conversation.archivedGroup);
}

/**
 * A group's onderwijsbehoeften listed for the groepsplan (pupils' content, the whole group at once):
 * the group's teachers, duo-partners alike, and a content reader. Not the team leader (counts
 * only), not an IB'er (her assigned pupils, one by one), not the admin (names, no content).
 */
export function canExportGroupNeeds(actor: Actor, group: { id: string; schoolId: string }): boolean {
  if (!sameSchool(actor, group.schoolId)) return false;
  return actor.roles.has("content_reader") || (actor.roles.has("teacher") && actor.groupIds.has(group.id));
}

/** Progress figures (counts only): the group's teachers, the bouw's team leader, the director, the admin. */
export function canViewGroupProgress(actor: Actor, group: GroupFacts): boolean {
  if (!sameSchool(actor, group.schoolId)) return false;
  if (actor.groupIds.has(group.id) || actor.roles.has("admin") || actor.roles.has("director")) return true;
  return actor.roles.has("team_leader") && actor.leads.has(group.bouw as Bouw);
}

export interface SchoolFacts {
  id: string;
  boardId: string | null;
}

/**
 * A whole school's progress figures (counts only, never names or content): its director and admin;
 * and a board_admin for every school of their own board. The one rule that reaches past the
 * actor's school — for counts of a school of the same board, nothing else.
 */
export function canViewSchoolProgress(actor: Actor, school: SchoolFacts): boolean {
  if (sameSchool(actor, school.id) && (actor.roles.has("director") || actor.roles.has("admin"))) return true;
  return actor.roles.has("board_admin") && actor.boardId !== null && school.boardId === actor.boardId;
}

/**
 * How often the ownership skills came up, for the whole school (counts and proportions, never names
 * or content): the director, the IB'er (who works across the school), the admin.
 */
export function canViewSchoolOwnership(actor: Actor, schoolId: string): boolean {
  if (!sameSchool(actor, schoolId)) return false;
  return actor.roles.has("director") || actor.roles.has("ib") || actor.roles.has("admin");
}

/** The same figures for one group: whoever sees the school's, and the team leader of the group's bouw. */
export function canViewGroupOwnership(actor: Actor, group: GroupFacts): boolean {
  if (!sameSchool(actor, group.schoolId)) return false;
  if (canViewSchoolOwnership(actor, group.schoolId)) return true;
  return actor.roles.has("team_leader") && actor.leads.has(group.bouw as Bouw);
}

/** Rounds for a bouw: its team leader (and the admin). */
export function canManageRounds(actor: Actor, schoolId: string, bouw: Bouw): boolean {
  if (!sameSchool(actor, schoolId)) return false;
  return actor.roles.has("admin") || (actor.roles.has("team_leader") && actor.leads.has(bouw));
}

/**
 * The data subject's rights (access export, erasure) and the audit trail: the school admin or
 * the privacy officer, who act for the controller (the school board). Neither needs a content
 * grant: answering an access request is a duty, not a reading of records for teaching.
 */
export function canHandlePrivacyRequests(actor: Actor, schoolId: string): boolean {
  return sameSchool(actor, schoolId) && (actor.roles.has("admin") || actor.roles.has("privacy_officer"));
}

/**
 * Staff and groups in the chat (who works here, with which roles, in which group on which days,
 * and a group's format): the school admin only. The school setup file stays the operator's tool.
 */
export function canManageStaff(actor: Actor, schoolId: string): boolean {
  return sameSchool(actor, schoolId) && actor.roles.has("admin");
}

/** The school's calendar (confirming its region's holidays): the school admin. */
export function canManageSchoolHolidays(actor: Actor, schoolId: string): boolean {
  return sameSchool(actor, schoolId) && actor.roles.has("admin");
}

/**
 * Which pupils an IB'er supports (and so may read and record for), in the chat: the school admin
 * for any IB'er of the school, an IB'er for herself. Not a teacher, not a team leader.
 */
export function canAssignSupport(actor: Actor, schoolId: string, ibStaffId: string): boolean {
  if (!sameSchool(actor, schoolId)) return false;
  return actor.roles.has("admin") || (actor.roles.has("ib") && actor.staffId === ibStaffId);
}

/**
 * The staff who answer for a school (privacy requests, retention notices, failed-message reports):
 * its active admins, as a staff query's `where`. One definition for all who look them up.
 */
export function activeAdminsOf(schoolId: string) {
  return { schoolId, active: true, roles: { some: { role: "admin" } } };
}

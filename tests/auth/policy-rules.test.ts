// Each authorization rule decides on its own (bot/auth/policy.ts), not only because a service
// refused first: pure checks with actors built to differ in exactly one fact.
import { describe, expect, it } from "vitest";
import type { Actor } from "../../bot/auth/actor.js";
import {
  canEvaluateGoal,
  canHandlePrivacyRequests,
  canListGroupPupils,
  canManageRounds,
  canManageSchoolHolidays,
  canManageStaff,
  canReadPupilContent,
  canViewGroupProgress,
  canViewSchoolProgress,
  canWritePupilContent,
  pupilScope,
  canReadArchivedGroup,
  canReadConversation,
} from "../../bot/auth/policy.js";
import type { Role } from "../../bot/domain/vocabulary.js";

function actor(
  o: {
    school?: string;
    board?: string | null;
    roles?: Role[];
    groups?: string[];
    archived?: string[];
    pupils?: string[];
    leads?: ("onderbouw" | "middenbouw" | "bovenbouw")[];
  } = {},
): Actor {
  return {
    kind: "staff",
    staffId: "s1",
    schoolId: o.school ?? "A",
    boardId: o.board ?? null,
    locale: "nl",
    timezone: "Europe/Amsterdam",
    roles: new Set(o.roles ?? ["teacher"]),
    leads: new Set(o.leads ?? []),
    groupIds: new Set(o.groups ?? []),
    archivedGroupIds: new Set(o.archived ?? []),
    supportedPupilIds: new Set(o.pupils ?? []),
  };
}
const pupil = { id: "p1", schoolId: "A", groupId: "g1" };
const group = { id: "g1", schoolId: "A", bouw: "middenbouw" };

describe("each rule decides", () => {
  it("last year's group is read by its teachers and a content reader, in the school only", () => {
    const archived = { id: "g0", schoolId: "A" };
    expect(canReadArchivedGroup(actor({ roles: ["teacher"], archived: ["g0"] }), archived)).toBe(true);
    expect(canReadArchivedGroup(actor({ roles: ["teacher"], archived: ["g0"], school: "B" }), archived)).toBe(false);
    expect(canReadArchivedGroup(actor({ roles: ["teacher"], archived: ["g9"], groups: ["g0"] }), archived)).toBe(false);
    // A link without the teacher role (someone who only kept the link) reads nothing.
    expect(canReadArchivedGroup(actor({ roles: ["ib", "team_leader", "admin"], archived: ["g0"] }), archived)).toBe(false);
    expect(canReadArchivedGroup(actor({ roles: ["content_reader"] }), archived)).toBe(true);
    expect(canReadArchivedGroup(actor({ roles: ["content_reader"], school: "B" }), archived)).toBe(false);
    // Reading last year's group never makes its pupils writable: writing follows this year's groups.
    expect(canWritePupilContent(actor({ roles: ["teacher"], archived: ["g1"] }), pupil)).toBe(false);
  });

  it("the school comes first: the same group or pupil id in another school grants nothing", () => {
    const elsewhere = {
      roles: ["teacher", "ib", "admin", "content_reader", "team_leader"] as Role[],
      groups: ["g1"],
      pupils: ["p1"],
      leads: ["middenbouw" as const],
    };
    expect(canReadPupilContent(actor({ ...elsewhere, school: "B" }), pupil)).toBe(false);
    expect(canWritePupilContent(actor({ ...elsewhere, school: "B" }), pupil)).toBe(false);
    expect(canEvaluateGoal({ ...actor({ ...elsewhere, school: "B" }) }, pupil, { evaluatorId: "s1" })).toBe(false);
    expect(canListGroupPupils(actor({ ...elsewhere, school: "B" }), group)).toBe(false);
    expect(canViewGroupProgress(actor({ ...elsewhere, school: "B" }), group)).toBe(false);
    expect(canManageRounds(actor({ ...elsewhere, school: "B" }), "A", "middenbouw")).toBe(false);
    // The same actor in the right school is allowed everything: the school alone decided above.
    expect(canReadPupilContent(actor(elsewhere), pupil)).toBe(true);
    expect(canWritePupilContent(actor(elsewhere), pupil)).toBe(true);
    expect(canEvaluateGoal(actor(elsewhere), pupil, { evaluatorId: "s1" })).toBe(true);
    expect(canListGroupPupils(actor(elsewhere), group)).toBe(true);
    expect(canViewGroupProgress(actor(elsewhere), group)).toBe(true);
    expect(canManageRounds(actor(elsewhere), "A", "middenbouw")).toBe(true);
  });

  it("writing needs the teacher role for the group, or the IB role for the pupil", () => {
    expect(canWritePupilContent(actor({ roles: ["teacher"], groups: ["g1"] }), pupil)).toBe(true);
    expect(canWritePupilContent(actor({ roles: ["admin"], groups: ["g1"] }), pupil)).toBe(false);
    expect(canWritePupilContent(actor({ roles: ["ib"], pupils: ["p1"] }), pupil)).toBe(true);
    expect(canWritePupilContent(actor({ roles: ["teacher"], pupils: ["p1"] }), pupil)).toBe(false);
    expect(canWritePupilContent(actor({ roles: ["teacher"], groups: ["g1"] }), { ...pupil, groupId: null })).toBe(false);
  });

  it("a content reader reads but does not write; the named evaluator evaluates without other rights", () => {
    expect(canReadPupilContent(actor({ roles: ["content_reader"] }), pupil)).toBe(true);
    expect(canWritePupilContent(actor({ roles: ["content_reader"] }), pupil)).toBe(false);
    expect(canEvaluateGoal(actor({ roles: ["teacher"] }), pupil, { evaluatorId: "s1" })).toBe(true);
    expect(canEvaluateGoal(actor({ roles: ["teacher"] }), pupil, { evaluatorId: "s2" })).toBe(false);
    expect(canEvaluateGoal(actor({ roles: ["teacher"] }), pupil, { evaluatorId: null })).toBe(false);
  });

  it("reading needs the right to write or a content grant: a teacher of another group reads nothing", () => {
    expect(canReadPupilContent(actor({ roles: ["teacher"], groups: ["g2"] }), pupil)).toBe(false);
    expect(canReadPupilContent(actor({ roles: ["teacher"], groups: ["g1"] }), pupil)).toBe(true);
    expect(canReadPupilContent(actor({ roles: ["ib"], pupils: ["p1"] }), pupil)).toBe(true);
    expect(canReadPupilContent(actor({ roles: ["admin", "team_leader"], leads: ["middenbouw"] }), pupil)).toBe(false);
  });

  it("a group's pupil list: its teachers and the admin, not a teacher of another group or a team leader", () => {
    expect(canListGroupPupils(actor({ roles: ["teacher"], groups: ["g1"] }), group)).toBe(true);
    expect(canListGroupPupils(actor({ roles: ["admin"] }), group)).toBe(true);
    expect(canListGroupPupils(actor({ roles: ["teacher"], groups: ["g2"] }), group)).toBe(false);
    expect(canListGroupPupils(actor({ roles: ["team_leader", "ib", "content_reader"], leads: ["middenbouw"], pupils: ["p1"] }), group)).toBe(false);
  });

  it("a group's progress: its teachers and the admin as well as the team leader", () => {
    expect(canViewGroupProgress(actor({ roles: ["teacher"], groups: ["g1"] }), group)).toBe(true);
    expect(canViewGroupProgress(actor({ roles: ["admin"] }), group)).toBe(true);
    expect(canViewGroupProgress(actor({ roles: ["teacher"], groups: ["g2"] }), group)).toBe(false);
  });

  it("progress and rounds follow the bouw a team leader leads", () => {
    expect(canViewGroupProgress(actor({ roles: ["team_leader"], leads: ["middenbouw"] }), group)).toBe(true);
    expect(canViewGroupProgress(actor({ roles: ["team_leader"], leads: ["bovenbouw"] }), group)).toBe(false);
    expect(canViewGroupProgress(actor({ roles: ["teacher"], leads: ["middenbouw"] }), group)).toBe(false);
    expect(canManageRounds(actor({ roles: ["team_leader"], leads: ["middenbouw"] }), "A", "middenbouw")).toBe(true);
    expect(canManageRounds(actor({ roles: ["team_leader"], leads: ["middenbouw"] }), "A", "onderbouw")).toBe(false);
    expect(canManageRounds(actor({ roles: ["admin"] }), "A", "onderbouw")).toBe(true);
  });

  it("a director sees every group's progress of the school, and no content or pupil list", () => {
    const director = actor({ roles: ["director"] });
    expect(canViewGroupProgress(director, group)).toBe(true);
    expect(canViewGroupProgress(actor({ roles: ["director"], school: "B" }), group)).toBe(false);
    expect(canReadPupilContent(director, pupil)).toBe(false);
    expect(canListGroupPupils(director, group)).toBe(false);
    expect(canManageRounds(director, "A", "middenbouw")).toBe(false);
  });

  it("a school's progress: its director and admin; a board_admin for each school of their own board, and nothing more", () => {
    const school = { id: "A", boardId: "board1" };
    expect(canViewSchoolProgress(actor({ roles: ["director"] }), school)).toBe(true);
    expect(canViewSchoolProgress(actor({ roles: ["admin"] }), school)).toBe(true);
    expect(canViewSchoolProgress(actor({ roles: ["director"], school: "B", board: "board1" }), school)).toBe(false);
    const boardAdmin = actor({ roles: ["board_admin"], school: "B", board: "board1" });
    expect(canViewSchoolProgress(boardAdmin, school)).toBe(true);
    expect(canViewSchoolProgress(boardAdmin, { id: "C", boardId: "board2" })).toBe(false);
    expect(canViewSchoolProgress(boardAdmin, { id: "C", boardId: null })).toBe(false);
    expect(canViewSchoolProgress(actor({ roles: ["board_admin"], school: "B", board: null }), { id: "C", boardId: null })).toBe(false);
    // The board reaches counts only: not another school's groups, pupils or content.
    expect(canViewGroupProgress(boardAdmin, group)).toBe(false);
    expect(canListGroupPupils(boardAdmin, group)).toBe(false);
    expect(canReadPupilContent(boardAdmin, pupil)).toBe(false);
    for (const roles of [["teacher"], ["team_leader"], ["ib", "content_reader", "privacy_officer"]] as Role[][])
      expect(canViewSchoolProgress(actor({ roles, groups: ["g1"], leads: ["middenbouw"], board: "board1" }), school)).toBe(false);
  });

  it("access and erasure requests: the school's admin or privacy officer, of that school only", () => {
    expect(canHandlePrivacyRequests(actor({ roles: ["admin"] }), "A")).toBe(true);
    expect(canHandlePrivacyRequests(actor({ roles: ["privacy_officer"] }), "A")).toBe(true);
    expect(canHandlePrivacyRequests(actor({ roles: ["admin"], school: "B" }), "A")).toBe(false);
    expect(canHandlePrivacyRequests(actor({ roles: ["privacy_officer"], school: "B" }), "A")).toBe(false);
    // Reading all content is not the same as acting for the school board.
    expect(canHandlePrivacyRequests(actor({ roles: ["teacher", "ib", "content_reader", "team_leader"], groups: ["g1"], pupils: ["p1"] }), "A")).toBe(false);
  });

  it("staff and groups in the chat: the school's admin only, not the privacy officer, team leader or a content grant", () => {
    expect(canManageStaff(actor({ roles: ["admin"] }), "A")).toBe(true);
    expect(canManageStaff(actor({ roles: ["admin"], school: "B" }), "A")).toBe(false);
    expect(canManageStaff(actor({ roles: ["teacher", "ib", "content_reader", "team_leader", "privacy_officer"], leads: ["middenbouw"] }), "A")).toBe(false);
  });

  it("the school's holidays (confirming the region's proposal): the school's admin only", () => {
    expect(canManageSchoolHolidays(actor({ roles: ["admin"] }), "A")).toBe(true);
    expect(canManageSchoolHolidays(actor({ roles: ["admin"], school: "B" }), "A")).toBe(false);
    expect(canManageSchoolHolidays(actor({ roles: ["teacher", "ib", "content_reader", "team_leader", "privacy_officer"], leads: ["middenbouw"] }), "A")).toBe(
      false,
    );
  });

  it("the pupil scope names only what the roles give: groups for a teacher, pupils for an IB'er, nothing else", () => {
    const nothing = { kind: "some", groupIds: [], pupilIds: [] };
    // Groups or pupils without the role that uses them widen nothing, for reading or writing.
    expect(pupilScope(actor({ roles: ["admin"], groups: ["g1"], pupils: ["p1"] }), "read")).toEqual(nothing);
    expect(pupilScope(actor({ roles: ["content_reader"], groups: ["g1"], pupils: ["p1"] }), "write")).toEqual(nothing);
    expect(pupilScope(actor({ roles: ["teacher"], groups: ["g1"], pupils: ["p1"] }), "write")).toEqual({ ...nothing, groupIds: ["g1"] });
    expect(pupilScope(actor({ roles: ["ib"], groups: ["g1"], pupils: ["p1"] }), "write")).toEqual({ ...nothing, pupilIds: ["p1"] });
    expect(pupilScope(actor({ roles: ["content_reader"] }), "read")).toEqual({ kind: "school" });
  });
  it("a held conversation in full: the group's teachers, the assigned IB'er, a content reader; last year's teachers only for one held in their archived group", () => {
    const here = { schoolId: "A", archivedGroup: null };
    const lastYear = { schoolId: "A", archivedGroup: { id: "g0", schoolId: "A" } };
    expect(canReadConversation(actor({ roles: ["teacher"], groups: ["g1"] }), pupil, here)).toBe(true);
    expect(canReadConversation(actor({ roles: ["ib"], pupils: ["p1"] }), pupil, here)).toBe(true);
    expect(canReadConversation(actor({ roles: ["content_reader"] }), pupil, here)).toBe(true);
    // Not a team leader of the pupil's bouw, not an IB'er of other pupils, not a teacher of another group.
    expect(canReadConversation(actor({ roles: ["team_leader", "director", "admin"], leads: ["middenbouw"] }), pupil, here)).toBe(false);
    expect(canReadConversation(actor({ roles: ["ib"], pupils: ["p2"] }), pupil, here)).toBe(false);
    expect(canReadConversation(actor({ roles: ["teacher"], groups: ["g2"], archived: ["g0"] }), pupil, here)).toBe(false);
    // Last year's teacher: the conversation held in her archived group, not another one.
    expect(canReadConversation(actor({ roles: ["teacher"], archived: ["g0"] }), pupil, lastYear)).toBe(true);
    expect(canReadConversation(actor({ roles: ["teacher"], archived: ["g9"] }), pupil, lastYear)).toBe(false);
    expect(canReadConversation(actor({ roles: ["ib"], archived: ["g0"] }), pupil, lastYear)).toBe(false);
    // The school comes first: the actor's, the pupil's and the conversation's must be one.
    expect(canReadConversation(actor({ roles: ["content_reader", "teacher"], groups: ["g1"], school: "B" }), pupil, here)).toBe(false);
    expect(canReadConversation(actor({ roles: ["content_reader"] }), pupil, { ...here, schoolId: "B" })).toBe(false);
    expect(canReadConversation(actor({ roles: ["teacher"], archived: ["g0"] }), { ...pupil, schoolId: "B" }, { ...lastYear, schoolId: "B" })).toBe(false);
  });
});

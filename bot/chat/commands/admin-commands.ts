// The school admin's staff and group commands: read the words (admin-args.ts), let the core decide
// and store (bot/roster/staff-admin.ts, group-admin.ts), and say what changed — or why nothing did.
import type { BotReply } from "../../channel/types.js";
import { type Bouw, type Locale, parseWeekdays, type Role } from "../../domain/vocabulary.js";
import { weekdayNames } from "../../domain/weekday-words.js";
import type { Translator } from "../../i18n/translate.js";
import { type GroupProblem, type GroupView, linkGroupTeacher, setGroupFormat, showGroup, unlinkGroupTeacher } from "../../roster/group-admin.js";
import { addStaffMember, deactivateStaffMember, listStaff, mayManageStaff } from "../../roster/staff-admin.js";
import { KNOWN_ROLE_WORDS, parseAddStaff, parseGroupCommand } from "./admin-args.js";
import type { CommandContext } from "./context.js";

function rolesText(t: Translator, roles: readonly Role[], leads: readonly Bouw[]): string {
  return roles.map((r) => (r === "team_leader" && leads.length ? `${t("role.team_leader")} ${leads.join(", ")}` : t(`role.${r}`))).join(", ");
}

/** Why nothing changed, in the reader's language. */
export function problemText(t: Translator, locale: Locale, p: GroupProblem): string {
  switch (p.problem) {
    case "notAllowed":
      return t("admin.notAllowed");
    case "badEmail":
      return t("admin.badEmail", { email: p.email });
    case "badName":
      return t("admin.badName");
    case "leadsNeeded":
      return t("admin.leadsNeeded");
    case "leadsOnlyTeamLeader":
      return t("admin.leadsOnlyTeamLeader");
    case "unknownStaff":
      return t("admin.unknownStaff", { email: p.email });
    case "inactiveStaff":
      return t("admin.inactiveStaff", { email: p.email });
    case "notATeacher":
      return t("admin.notATeacher", { email: p.email });
    case "self":
      return t("admin.self");
    case "unknownGroup":
      return t("admin.unknownGroup", { group: p.group, year: p.schoolYear, known: p.known.join(", ") || "—" });
    case "notLinked":
      return t("admin.notLinked", { email: p.email, group: p.group });
    case "badDay":
      return t("admin.badDay", { word: p.word });
    case "dayTwice":
      return t("admin.dayTwice", { word: p.word });
    case "notSchoolDays":
      return t("admin.notSchoolDays", { days: weekdayNames(p.days, locale), schoolDays: weekdayNames(p.schoolDays, locale) });
    case "unknownFormat":
      return t("admin.unknownFormat", { key: p.key, known: p.known.join(", ") });
  }
}

const reply = (...lines: string[]): BotReply[] => [{ text: lines.join("\n") }];

export async function addStaffCommand(ctx: CommandContext, text: string): Promise<BotReply[]> {
  const { t } = ctx;
  const args = parseAddStaff(text);
  // The right comes first: someone else learns nothing from a usage hint.
  if ("usage" in args || "unknownRole" in args) {
    if (!(await mayManageStaff(ctx.db, ctx.actor))) return reply(t("admin.notAllowed"));
    return reply("usage" in args ? t("admin.addUsage") : t("admin.unknownRole", { word: args.unknownRole, known: KNOWN_ROLE_WORDS }));
  }
  const result = await addStaffMember(ctx.db, ctx.actor, args);
  if ("problem" in result) return reply(problemText(t, ctx.actor.locale, result));
  const vars = { name: result.name, email: result.email, roles: rolesText(t, result.roles, result.leads) };
  if (result.outcome === "added") return reply(t("admin.added", vars));
  return reply(t(result.outcome === "reactivated" ? "admin.reactivated" : "admin.alreadyActive", vars));
}

export async function deactivateStaffCommand(ctx: CommandContext, text: string): Promise<BotReply[]> {
  const { t } = ctx;
  const email = text.trim();
  if (!email || /\s/.test(email)) {
    if (!(await mayManageStaff(ctx.db, ctx.actor))) return reply(t("admin.notAllowed"));
    return reply(t("admin.deactivateUsage"));
  }
  const result = await deactivateStaffMember(ctx.db, ctx.actor, email, ctx.now());
  if ("problem" in result) return reply(problemText(t, ctx.actor.locale, result));
  if (result.outcome === "alreadyInactive") return reply(t("admin.alreadyInactive", { name: result.name, email: result.email }));
  return reply(
    t("admin.deactivated", { name: result.name, email: result.email }),
    ...(result.groupsLeft.length ? [t("admin.deactivatedGroups", { groups: result.groupsLeft.join(", ") })] : []),
    ...(result.openDialogs ? [t("admin.dialogsKept", { count: result.openDialogs })] : []),
    ...(result.groupsWithoutTeacher.length
      ? [t("admin.withoutTeacher", { groups: result.groupsWithoutTeacher.join(", "), count: result.groupsWithoutTeacher.length })]
      : []),
    ...result.stagedYears.map((year) => t("admin.inStagedRoster", { email: result.email, year })),
  );
}

export async function staffListCommand(ctx: CommandContext): Promise<BotReply[]> {
  const { t } = ctx;
  const staff = await listStaff(ctx.db, ctx.actor, ctx.now());
  if (!staff) return reply(t("admin.notAllowed"));
  return reply(
    t("admin.staffHeader", { count: staff.length }),
    ...staff.map((s) => {
      const groups = s.groups.map((g) => `${g.name} (${weekdayNames(parseWeekdays(g.workingDays), ctx.actor.locale)})`).join("; ");
      return t("admin.staffLine", {
        name: s.name,
        email: s.email,
        roles: rolesText(t, s.roles, s.leads),
        groups: groups ? t("admin.staffGroups", { groups }) : "",
      });
    }),
  );
}

function viewLines(t: Translator, locale: Locale, view: GroupView): string[] {
  return [
    t("admin.groupHeader", { group: view.name, bouw: view.bouw, year: view.schoolYear }),
    t(view.ownFormat ? "admin.groupFormatOwn" : "admin.groupFormatBouw", { format: view.format }),
    ...(view.teachers.length
      ? view.teachers.map((x) => t("admin.groupTeacherLine", { name: x.name, email: x.email, days: weekdayNames(x.workingDays, locale) }))
      : [t("admin.groupNoTeachers")]),
  ];
}

/** "groep <naam>" and its changes: a teacher linked (with days) or unlinked, the format set. */
export async function groupCommand(ctx: CommandContext, text: string): Promise<BotReply[]> {
  const { db, actor, t } = ctx;
  const args = parseGroupCommand(text);
  const now = ctx.now();
  if ("usage" in args) {
    if (!(await mayManageStaff(db, actor))) return reply(t("admin.notAllowed"));
    return reply(t("admin.groupUsage"));
  }
  if ("show" in args) {
    const result = await showGroup(db, actor, now, args.show);
    return "problem" in result ? reply(problemText(t, ctx.actor.locale, result)) : reply(...viewLines(t, actor.locale, result.view));
  }
  if ("format" in args) {
    const result = await setGroupFormat(db, actor, now, { group: args.format, key: args.key });
    if ("problem" in result) return reply(problemText(t, ctx.actor.locale, result));
    const key = { set: "admin.formatSet", cleared: "admin.formatCleared", unchanged: "admin.formatUnchanged" } as const;
    return reply(t(key[result.outcome], { group: result.view.name, format: result.view.format }), "", ...viewLines(t, actor.locale, result.view));
  }
  if ("unlink" in args) {
    const result = await unlinkGroupTeacher(db, actor, now, { group: args.unlink, email: args.email });
    if ("problem" in result) return reply(problemText(t, ctx.actor.locale, result));
    const alone = result.view.teachers.length === 0 ? [t("admin.withoutTeacher", { groups: result.view.name, count: 1 })] : [];
    return reply(t("admin.unlinked", { name: result.name, group: result.view.name }), ...alone, "", ...viewLines(t, actor.locale, result.view));
  }
  const result = await linkGroupTeacher(db, actor, now, { group: args.link, email: args.email, days: args.days });
  if ("problem" in result) return reply(problemText(t, ctx.actor.locale, result));
  const days = weekdayNames(result.view.teachers.find((x) => x.email === result.email)?.workingDays ?? [], actor.locale);
  const key = { added: "admin.linkAdded", updated: "admin.linkUpdated", unchanged: "admin.linkUnchanged" } as const;
  return reply(t(key[result.outcome], { name: result.name, group: result.view.name, days }), "", ...viewLines(t, actor.locale, result.view));
}

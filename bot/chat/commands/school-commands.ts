// `school` and `school <naam>`: a person who works at several schools of one board lists them and
// switches the one she acts for; and the question asked before she has chosen one. The choice is
// her channel identity's staff record (bot/chat/identity.ts); rights stay per record.
import type { Db } from "../../db/client.js";
import type { BotReply } from "../../channel/types.js";
import { buttonFor } from "../../domain/actions.js";
import type { Translator } from "../../i18n/translate.js";
import { openSessionsElsewhere, sameSchoolPerson, staffSchoolsOf, type StaffSchool } from "../../auth/person-schools.js";
import type { CommandContext, CommandInput } from "./context.js";

const schoolButtons = (schools: StaffSchool[]) => schools.slice(0, 12).map((s) => buttonFor(s.schoolName, "school", { schoolId: s.schoolId }));

/** The question before a choice: which school now? One button per school. */
export function chooseSchoolReply(t: Translator, schools: StaffSchool[]): BotReply {
  return { text: t("school.choose"), actions: schoolButtons(schools) };
}

/** The schools `school <naam>` (or a button's school id) names: by id, else by a part of the name. */
export function schoolsNamed(schools: StaffSchool[], input: CommandInput): StaffSchool[] {
  if (input.args.schoolId) return schools.filter((s) => s.schoolId === input.args.schoolId);
  const query = input.text.trim().toLowerCase();
  const exact = schools.filter((s) => s.schoolName.toLowerCase() === query);
  return exact.length > 0 ? exact : schools.filter((s) => s.schoolName.toLowerCase().includes(query));
}

function listReply(t: Translator, schools: StaffSchool[], current: string): BotReply {
  const lines = schools.map((s) => (s.staffId === current ? `▸ **${s.schoolName}**` : `- ${s.schoolName}`)).join("\n");
  return { text: t("school.list", { schools: lines }), actions: schoolButtons(schools.filter((s) => s.staffId !== current)) };
}

export async function schoolCommand(ctx: CommandContext, input: CommandInput): Promise<BotReply[]> {
  const { t, actor } = ctx;
  const schools = await ctx.schools.list();
  const current = schools.find((s) => s.staffId === actor.staffId);
  if (!input.text.trim() && !input.args.schoolId) {
    if (schools.length <= 1) return [{ text: t("school.onlyOne", { school: current?.schoolName ?? "—" }) }];
    return [listReply(t, schools, actor.staffId)];
  }
  const named = schoolsNamed(schools, input);
  if (named.length !== 1) {
    const query = input.args.schoolId ? "" : input.text.trim();
    if (named.length === 0)
      return [{ text: t("school.noMatch", { query, schools: schools.map((s) => s.schoolName).join(", ") }), actions: schoolButtons(schools) }];
    return [chooseSchoolReply(t, named)];
  }
  const chosen = named[0]!;
  if (chosen.staffId === actor.staffId) return [{ text: t("school.already", { school: chosen.schoolName }) }];
  await ctx.schools.switchTo(chosen.staffId);
  return [{ text: t("school.switched", { school: chosen.schoolName }) }];
}

/**
 * A card, button or `verder` that names a dialog of the same person's staff record at another
 * school: which school it belongs to, and how to get there. Nothing changes; the dialog stays.
 * Null when the session is this record's own, someone else's, or gone.
 */
export async function dialogElsewhereReply(ctx: CommandContext, sessionId: string): Promise<BotReply | null> {
  const row = await ctx.db.dialogSession.findUnique({ where: { id: sessionId }, select: { staffId: true } });
  if (!row || row.staffId === ctx.actor.staffId) return null;
  const other = await sameSchoolPerson(ctx.db, ctx.actor.staffId, row.staffId);
  if (!other) return null;
  return { text: ctx.t("school.dialogElsewhere", { school: other.schoolName }), actions: schoolButtons([other]) };
}

/** `verder` with nothing open here: the open dialogs at her other schools, per school. */
export async function openElsewhereReplies(db: Db, t: Translator, staffId: string): Promise<BotReply[]> {
  const elsewhere = await openSessionsElsewhere(db, staffId);
  return elsewhere.map((e) => ({ text: t("school.openElsewhere", { school: e.school.schoolName, count: e.count }), actions: schoolButtons([e.school]) }));
}

/**
 * A button about a pupil or goal (a reminder sent for her record at the other school) pressed while
 * she works for this school: the refusal stands, and the reply says which of her schools it is about.
 * Null when the record is not at one of her other schools.
 */
export async function recordElsewhereReply(ctx: CommandContext, args: Record<string, string> | undefined): Promise<BotReply | null> {
  const pupilId =
    args?.pupilId ?? (args?.goalId ? (await ctx.db.goal.findUnique({ where: { id: args.goalId }, select: { pupilId: true } }))?.pupilId : undefined);
  if (!pupilId) return null;
  const pupil = await ctx.db.pupil.findUnique({ where: { id: pupilId }, select: { schoolId: true } });
  if (!pupil || pupil.schoolId === ctx.actor.schoolId) return null;
  const other = (await staffSchoolsOf(ctx.db, ctx.actor.staffId, null)).find((s) => s.schoolId === pupil.schoolId);
  return other ? { text: ctx.t("school.recordElsewhere", { school: other.schoolName }), actions: schoolButtons([other]) } : null;
}

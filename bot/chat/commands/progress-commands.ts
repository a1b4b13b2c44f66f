// `voortgang` / `progress`: counts only, never names or content. A team leader sees the groups of
// the bouwen they lead; a director (and the admin) every group of the school with the school's
// total; a board_admin one line per school of the board. `voortgang school` and `voortgang bestuur`
// ask for one of the wider views explicitly, and anyone else gets a clear refusal. Every count is
// of the current school year (countProgress).
import type { BotReply } from "../../channel/types.js";
import { canViewSchoolProgress } from "../../auth/policy.js";
import { getGroupProgress, listProgressGroups, type ProgressCounts } from "../../services/groups.js";
import { getBoardProgress, getOwnSchoolProgress } from "../../services/school-progress.js";
import { currentSchoolYearSpan } from "../../services/school-year.js";
import type { Translator } from "../../i18n/translate.js";
import type { CommandContext, CommandInput } from "./context.js";
import { ErrorCode, toAppError } from "../../errors.js";

const SCHOOL_WORDS = new Set(["school", "de school", "hele school", "whole school"]);
const BOARD_WORDS = new Set(["bestuur", "stichting", "board", "scholen", "schools"]);

const countsLine = (t: Translator, name: string, p: ProgressCounts) => t("progress.line", { group: name, count: p.pupils, ...p });

async function groupLines(ctx: CommandContext): Promise<string[]> {
  const lines: string[] = [];
  const thisYear = await currentSchoolYearSpan(ctx.db, ctx.actor.schoolId, ctx.now());
  for (const group of await listProgressGroups(ctx.db, ctx.actor)) {
    const p = await getGroupProgress(ctx.db, ctx.actor, group.id, thisYear);
    lines.push(countsLine(ctx.t, p.groupName, p));
  }
  return lines;
}

async function schoolReply(ctx: CommandContext): Promise<BotReply> {
  const school = await getOwnSchoolProgress(ctx.db, ctx.actor, ctx.now());
  return {
    text: [ctx.t("progress.schoolHeader", { school: school.schoolName }), ...(await groupLines(ctx)), countsLine(ctx.t, ctx.t("progress.total"), school)].join(
      "\n",
    ),
  };
}

async function boardReply(ctx: CommandContext): Promise<BotReply> {
  const board = await getBoardProgress(ctx.db, ctx.actor, ctx.now());
  return {
    text: [
      ctx.t("progress.boardHeader", { board: board.boardName, count: board.schools.length }),
      ...board.schools.map((s) => countsLine(ctx.t, s.schoolName, s)),
    ].join("\n"),
  };
}

async function unlessForbidden(reply: Promise<BotReply>, refusal: string): Promise<BotReply> {
  try {
    return await reply;
  } catch (error) {
    if (toAppError(error).code !== ErrorCode.Forbidden) throw error;
    return { text: refusal };
  }
}

export async function progressReply(ctx: CommandContext, input: CommandInput): Promise<BotReply> {
  const { actor, t } = ctx;
  const scope = input.text.trim().toLowerCase();
  const isBoardAdmin = actor.roles.has("board_admin") && actor.boardId !== null;
  const seesSchool = canViewSchoolProgress(actor, { id: actor.schoolId, boardId: actor.boardId });
  // The services decide and record a refusal (audit); here it becomes a clear answer.
  if (BOARD_WORDS.has(scope) || (scope === "" && isBoardAdmin)) return unlessForbidden(boardReply(ctx), t("progress.boardRefused"));
  if (SCHOOL_WORDS.has(scope) || (scope === "" && seesSchool)) return unlessForbidden(schoolReply(ctx), t("progress.schoolRefused"));
  if (scope !== "") return { text: t("progress.scopes") };
  const lines = await groupLines(ctx);
  return { text: lines.length > 0 ? lines.join("\n") : t("progress.none") };
}

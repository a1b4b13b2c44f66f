// `vakanties` for the school's admin: this and next school year's closures, and for a year not
// confirmed yet the region's proposal (bot/roster/school-holidays.ts); `vakanties bevestigen
// 2027-2028` confirms that proposal as is. Editing a proposal is the operator's CLI (closures-cli.ts).
import { recordAudit } from "../../audit.js";
import { canManageSchoolHolidays } from "../../auth/policy.js";
import type { BotReply } from "../../channel/types.js";
import { nextSchoolYear, schoolYearOf } from "../../domain/school-year.js";
import { AppError, ErrorCode } from "../../errors.js";
import { schoolYearRange } from "../../roster/holiday-data.js";
import { confirmClosures, proposeClosures, type ClosureProposal } from "../../roster/school-holidays.js";
import type { CommandContext } from "./context.js";

const CONFIRM = /^(?:bevestig(?:en)?|confirm)\s+(\d{4}-\d{4})$/i;
const day = (date: string) => `${Number(date.slice(8))}-${Number(date.slice(5, 7))}-${date.slice(0, 4)}`;

/** The year help and usage texts show in "vakanties bevestigen <jaar>": next school year, the one there is to confirm. */
export const yearToConfirm = (ctx: Pick<CommandContext, "actor" | "now">): string => nextSchoolYear(schoolYearOf(ctx.now(), ctx.actor.timezone));

/** The proposal, or the text that says why there is none (no region set, no data for the year). */
async function proposalOrWhy(ctx: CommandContext, schoolYear: string): Promise<ClosureProposal | string> {
  try {
    return await proposeClosures(ctx.db, { school: ctx.actor.schoolId, schoolYear });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === ErrorCode.NotFound) return ctx.t("holidays.noData", { year: schoolYear });
    if (error.code === ErrorCode.ValidationFailed) return ctx.t("holidays.noRegion");
    throw error;
  }
}

async function confirmYear(ctx: CommandContext, schoolYear: string): Promise<string> {
  const proposal = await proposalOrWhy(ctx, schoolYear);
  if (typeof proposal === "string") return proposal;
  const report = await confirmClosures(ctx.db, proposal, { actorStaffId: ctx.actor.staffId });
  if (!report.changed) return ctx.t("holidays.alreadyConfirmed", { year: schoolYear });
  return ctx.t("holidays.confirmed", { count: report.closures, region: report.region, year: schoolYear });
}

async function yearOverview(ctx: CommandContext, schoolId: string, schoolYear: string): Promise<string> {
  const { t, db } = ctx;
  const { from, to } = schoolYearRange(schoolYear);
  const [confirmation, closures] = await Promise.all([
    db.schoolHolidayConfirmation.findUnique({ where: { schoolId_schoolYear: { schoolId, schoolYear } } }),
    db.schoolClosure.findMany({
      // The school's own closures belong to the year they start in (a summer holiday is last year's).
      where: { schoolId, OR: [{ schoolYear }, { schoolYear: null, startDate: { gte: from, lte: to } }] },
      orderBy: { startDate: "asc" },
    }),
  ]);
  const lines = (list: readonly { name: string; startDate: string; endDate: string }[]) =>
    list.length
      ? list.map((c) =>
          c.startDate === c.endDate
            ? t("holidays.oneDay", { name: c.name, date: day(c.startDate) })
            : t("holidays.line", { name: c.name, from: day(c.startDate), to: day(c.endDate) }),
        )
      : [t("holidays.none")];
  if (confirmation) {
    const date = confirmation.confirmedAt.toISOString().slice(0, 10);
    return [t("holidays.yearConfirmed", { year: schoolYear, region: confirmation.region, date: day(date) }), ...lines(closures)].join("\n");
  }
  const own = [t("holidays.yearOwn", { year: schoolYear }), ...lines(closures)];
  const proposal = await proposalOrWhy(ctx, schoolYear);
  if (typeof proposal === "string") return [...own, proposal].join("\n");
  const publicDays = proposal.publicHolidays.map((h) => `${h.name} ${day(h.date)}`).join(", ");
  return [
    ...own,
    t("holidays.proposalHeader", { region: proposal.region }),
    ...lines(proposal.closures),
    t("holidays.publicHolidays", { days: publicDays || "-" }),
    t("holidays.proposalHint", { year: schoolYear }),
  ].join("\n");
}

export async function holidaysCommand(ctx: CommandContext, argument: string): Promise<BotReply[]> {
  const { actor, db, t } = ctx;
  if (!canManageSchoolHolidays(actor, actor.schoolId)) {
    await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "refused", entity: "school_holidays" });
    return [{ text: t("holidays.notAllowed") }];
  }
  const text = argument.trim();
  if (text) {
    const year = CONFIRM.exec(text)?.[1];
    return [{ text: year ? await confirmYear(ctx, year) : t("holidays.usage", { year: yearToConfirm(ctx) }) }];
  }
  const school = await db.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { timezone: true, schoolYearStart: true } });
  const thisYear = schoolYearOf(ctx.now(), school.timezone, school.schoolYearStart);
  const start = Number(thisYear.slice(0, 4)) + 1;
  const overviews = [await yearOverview(ctx, actor.schoolId, thisYear), await yearOverview(ctx, actor.schoolId, `${start}-${start + 1}`)];
  return overviews.map((text) => ({ text }));
}

// `eigenaarschap` / `ownership`: how often each ownership skill came up in this school year's
// conversations with pupils, per bouw and per group, with the least-addressed skill of each bouw
// named, so a team sees where attention is missing. Counts and proportions only (the service reads
// no names or content); a teacher without a role is told who it is for.
import type { BotReply } from "../../channel/types.js";
import { OWNERSHIP_SKILLS, skillLabel } from "../../domain/ownership-skills.js";
import { ErrorCode, toAppError } from "../../errors.js";
import { getOwnershipFigures, leastAddressed, type OwnershipFigures, type SkillTally } from "../../services/ownership-figures.js";
import type { CommandContext } from "./context.js";

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((100 * part) / whole));

function tallyLine({ t, actor }: CommandContext, name: string, tally: SkillTally): string {
  if (tally.conversations === 0 && tally.evaluations === 0) return t("ownershipView.noConversations", { name });
  const skills = OWNERSHIP_SKILLS.map((s) =>
    t("ownershipView.skill", { skill: skillLabel(s, actor.locale), count: tally.skills[s], percent: percent(tally.skills[s], tally.conversations) }),
  );
  const evaluations = tally.evaluations > 0 ? [t("ownershipView.evaluations", { count: tally.evaluations, selfAssessed: tally.selfAssessed })] : [];
  return t("ownershipView.line", { name, count: tally.conversations, skills: [...skills, ...evaluations].join(" · ") });
}

function render(ctx: CommandContext, figures: OwnershipFigures): string {
  const { t, actor } = ctx;
  const lines = [t("ownershipView.header", { year: figures.schoolYear })];
  for (const { bouw, tally, groups } of figures.bouwen) {
    lines.push("", tallyLine(ctx, bouw, tally));
    if (tally.conversations > 0) {
      const least = leastAddressed(tally).map((s) => skillLabel(s, actor.locale));
      lines.push(t("ownershipView.least", { bouw, skills: least.join(", ") }));
    }
    for (const group of groups) lines.push(`- ${tallyLine(ctx, group.name, group.tally)}`);
  }
  if (figures.bouwen.length === 0) lines.push(t("ownershipView.none"));
  if (figures.school) lines.push("", tallyLine(ctx, t("ownershipView.schoolTotal"), figures.school));
  lines.push("", t("ownershipView.howCounted"));
  return lines.join("\n");
}

export async function ownershipReply(ctx: CommandContext): Promise<BotReply> {
  try {
    return { text: render(ctx, await getOwnershipFigures(ctx.db, ctx.actor, ctx.now())) };
  } catch (error) {
    // The service decided and recorded the refusal (audit); here it becomes a clear answer.
    if (toAppError(error).code !== ErrorCode.Forbidden) throw error;
    return { text: ctx.t("ownershipView.refused") };
  }
}

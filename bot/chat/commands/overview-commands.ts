// Outcomes readable in chat: group overview, evaluations due, kindplan export, question coach.
import { coachQuestion } from "../../coach/index.js";
import { localDate, typedDate } from "../../domain/local-time.js";
import { kindplanPrintable } from "../../exports/kindplan-html.js";
import { fileSlug, printableAttachments } from "../../exports/attachment.js";
import { getGroupOverviews, listDueEvaluations } from "../../services/group-overview.js";
import { buildKindplanExport } from "../../services/kindplan-export.js";
import { buildParentSummary, latestParentConversation } from "../../services/parent-summary.js";
import { parentSummaryFileBase, parentSummaryPrintable } from "../../exports/parent-summary.js";
import type { MessageKey } from "../../i18n/translate.js";
import type { BotReply } from "../../channel/types.js";
import { buttonFor } from "../../domain/actions.js";
import type { CommandContext, CommandInput } from "./context.js";
import { choosePupil } from "./pupil-choice.js";

const today = (ctx: CommandContext) => localDate(ctx.now(), ctx.actor.timezone);
const shortDate = typedDate;

export async function overviewReply(ctx: CommandContext): Promise<BotReply> {
  const { t } = ctx;
  const overviews = await getGroupOverviews(ctx.db, ctx.actor, today(ctx));
  if (overviews.length === 0) return { text: t("myGroup.none") };
  const text = overviews
    .map((o) =>
      [
        t("overview.header", { group: o.groupName, count: o.held, pupils: t("overview.pupils", { count: o.pupils.length }), since: shortDate(o.since) }),
        ...o.pupils.map((p) =>
          t("overview.line", {
            name: p.name,
            status: p.status ? t(`status.${p.status}` as MessageKey) : t("overview.none"),
            goals: p.openGoals,
            due: p.evaluationsDue ? t("overview.due", { count: p.evaluationsDue }) : "",
          }),
        ),
      ].join("\n"),
    )
    .join("\n\n");
  return { text };
}

export async function evaluationsReply(ctx: CommandContext): Promise<BotReply> {
  const until = new Date(`${today(ctx)}T12:00:00Z`);
  until.setUTCDate(until.getUTCDate() + 7);
  const due = await listDueEvaluations(ctx.db, ctx.actor, until.toISOString().slice(0, 10));
  if (due.length === 0) return { text: ctx.t("evaluations.none") };
  return {
    text: [
      ctx.t("evaluations.header"),
      ...due.map((d) => ctx.t("evaluations.line", { date: shortDate(d.evaluationDate), name: d.pupilName, goal: d.goalText })),
    ].join("\n"),
    // One button per goal: it opens the evaluation card for that goal.
    actions: due.slice(0, 10).map((d) =>
      buttonFor(ctx.t("evaluations.button", { name: d.pupilName, goal: d.goalText.length > 30 ? `${d.goalText.slice(0, 29)}…` : d.goalText }), "evaluate", {
        goalId: d.goalId,
      }),
    ),
  };
}

export async function exportReply(ctx: CommandContext, input: CommandInput): Promise<BotReply> {
  const choice = await choosePupil(ctx, input, "export");
  if ("reply" in choice) return choice.reply;
  const data = await buildKindplanExport(ctx.db, ctx.actor, choice.pupilId, today(ctx));
  const slug = fileSlug(`${data.pupil.firstName}-${data.pupil.lastName}`);
  // The pupil's newest startgesprek (held with the parents) comes along as the parents' summary.
  const withParents = await latestParentConversation(ctx.db, ctx.actor, choice.pupilId);
  const summary = withParents ? await buildParentSummary(ctx.db, ctx.actor, withParents, today(ctx)) : null;
  const files = [
    // The English page has a name of its own, so it never overwrites the Dutch one (the Dutch name is kept as it was).
    ...(await printableAttachments(kindplanPrintable(data, ctx.actor.locale), `kindplan-${slug}-${data.generatedOn}${ctx.actor.locale === "en" ? "-en" : ""}`)),
    ...(summary ? await printableAttachments(parentSummaryPrintable(summary, ctx.actor.locale), parentSummaryFileBase(summary, ctx.actor.locale)) : []),
  ];
  return {
    text: [ctx.t("export.ready", { name: data.pupil.firstName }), ...(summary ? [ctx.t("startgesprek.exportIncluded")] : [])].join("\n"),
    attachments: files.map((a) => ({ ...a, pupilId: choice.pupilId })),
  };
}

export function coachReply(ctx: CommandContext, question: string): BotReply {
  if (!question.trim()) return { text: ctx.t("coach.ask") };
  const result = coachQuestion(question);
  if (result.flags.length === 0) return { text: ctx.t("coach.good") };
  const flags = result.flags.map((f) => ctx.t(`coach.${f}`)).join(", ");
  return { text: [ctx.t("coach.flags", { flags }), ...(result.suggestion ? [ctx.t("coach.suggestion", { suggestion: result.suggestion })] : [])].join("\n") };
}

// "onderwijsbehoeften groep 5": a group's onderwijsbehoeften for the groepsplan, as a CSV table and
// a printable page (HTML and PDF). Without a name, the teacher's own group; with several, she chooses.
import { fileSlug, printableAttachments } from "../../exports/attachment.js";
import { needsCsv } from "../../exports/needs-csv.js";
import { needsPrintable } from "../../exports/needs-printable.js";
import { buildGroupNeeds, findNeedsGroups } from "../../services/educational-needs.js";
import { buttonFor } from "../../domain/actions.js";
import type { BotReply } from "../../channel/types.js";
import type { CommandContext, CommandInput } from "./context.js";

export async function needsCommand(ctx: CommandContext, input: CommandInput): Promise<BotReply[]> {
  const { t, actor } = ctx;
  const groups = input.args.groupId ? [{ id: input.args.groupId, name: "" }] : await findNeedsGroups(ctx.db, actor, input.text);
  if (groups.length === 0) return [{ text: t(input.text.trim() ? "needs.unknownGroup" : "needs.noGroup") }];
  if (groups.length > 1) return [{ text: t("needs.chooseGroup"), actions: groups.slice(0, 10).map((g) => buttonFor(g.name, "needs", { groupId: g.id })) }];
  const data = await buildGroupNeeds(ctx.db, actor, groups[0]!.id, ctx.now());
  const base = `${t("needs.filename")}-${fileSlug(data.groupName)}-${data.generatedOn}`;
  const table = { filename: `${base}.csv`, contentType: "text/csv", content: needsCsv(data, actor.locale) };
  return [
    {
      text: t("needs.ready", { group: data.groupName, count: data.rows.length }),
      attachments: [table, ...(await printableAttachments(needsPrintable(data, actor.locale), base))],
    },
  ];
}

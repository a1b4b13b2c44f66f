// The school year in chat: the handover a new year's teacher gets, and the archive of the groups
// a teacher had in earlier school years (read only).
import type { BotReply } from "../../channel/types.js";
import { typedDate } from "../../domain/local-time.js";
import { buttonFor } from "../../domain/actions.js";
import { normalizeGroupName } from "../../domain/vocabulary.js";
import type { MessageKey } from "../../i18n/translate.js";
import { listArchivedGroups, readArchivedGroup } from "../../services/archive.js";
import { getHandovers } from "../../services/handover.js";
import { isHeldStatus } from "../../domain/vocabulary.js";
import type { CommandContext, CommandInput } from "./context.js";

const shortDate = typedDate;

export async function handoverReply(ctx: CommandContext): Promise<BotReply> {
  const { t } = ctx;
  const handovers = await getHandovers(ctx.db, ctx.actor);
  if (handovers.length === 0) return { text: t("handover.none") };
  const blocks = handovers.map((h) => {
    const vars = { group: h.groupName, year: h.schoolYear };
    if (h.open.length === 0) return t("handover.nothingOpen", vars);
    const share = (shared: boolean) => (shared ? t("handover.shared") : t("handover.private"));
    const pupils = h.open.map((p) =>
      [
        t("handover.pupil", { name: p.name }),
        ...p.goals.map((g) =>
          g.evaluationDate
            ? t("handover.goal", { text: g.text, date: shortDate(g.evaluationDate), shared: share(g.shared) })
            : t("handover.goalNoDate", { text: g.text, shared: share(g.shared) }),
        ),
        ...p.agreements.map((a) => t("handover.agreement", { text: a.text, shared: share(a.shared) })),
      ].join("\n"),
    );
    return [t("handover.header", { ...vars, count: h.open.length }), ...pupils, t("handover.evaluations")].join("\n\n");
  });
  return { text: blocks.join("\n\n") };
}

/** `archief` lists the archived groups; `archief groep 5 [2026-2027]` reads one (the newest year when not given). */
export async function archiveReply(ctx: CommandContext, input: CommandInput): Promise<BotReply> {
  const { t } = ctx;
  const groups = await listArchivedGroups(ctx.db, ctx.actor);
  const asked = input.text.trim();
  if (!asked) {
    if (groups.length === 0) return { text: t("archive.none") };
    return { text: [t("archive.list"), ...groups.map((g) => t("archive.listLine", { group: g.groupName, year: g.schoolYear }))].join("\n") };
  }
  const year = /\b(\d{4}-\d{4})\b/.exec(asked)?.[1];
  const nameText = asked.replace(/\b\d{4}-\d{4}\b/, "").trim();
  if (!nameText && year) {
    // Only a year: the groups of that year.
    const ofYear = groups.filter((g) => g.schoolYear === year);
    if (ofYear.length === 0) return { text: t("archive.unknown", { name: asked }) };
    return { text: [t("archive.list"), ...ofYear.map((g) => t("archive.listLine", { group: g.groupName, year: g.schoolYear }))].join("\n") };
  }
  const name = normalizeGroupName(nameText) ?? nameText.toLowerCase();
  // listArchivedGroups is newest first: without a year the latest group of that name is read.
  const group = groups.find((g) => g.groupName.toLowerCase() === name && (!year || g.schoolYear === year));
  const pupils = group ? await readArchivedGroup(ctx.db, ctx.actor, group.groupId) : null;
  if (!group || !pupils) return { text: t("archive.unknown", { name: asked }) };
  const lines = pupils.map((p) =>
    [
      t("archive.pupil", { name: p.name }),
      ...p.conversations.map((c) => t("archive.conversation", { date: shortDate(c.date), status: t(`status.${c.status}` as MessageKey) })),
      ...p.goals.map((g) => t("archive.goal", { text: g.text, status: t(`goalStatus.${g.status}` as MessageKey) })),
    ].join("\n"),
  );
  // Each held conversation can be read in full (conversation-read-commands.ts), by last year's teacher too.
  const actions = pupils.flatMap((p) =>
    p.conversations
      .filter((c) => isHeldStatus(c.status))
      .map((c) => buttonFor(t("read.archiveButton", { name: p.name, date: shortDate(c.date) }), "viewConversation", { conversationId: c.id })),
  );
  const text = [t("archive.header", { group: group.groupName, year: group.schoolYear, count: pupils.length }), ...lines].join("\n\n");
  return actions.length ? { text, actions } : { text };
}

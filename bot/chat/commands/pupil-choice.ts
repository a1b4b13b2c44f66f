// Finding the pupil a command is about: by id from a button, by (part of) a name, or by a
// choice among the teacher's pupils (buttons that carry the pupil's id).
import { findReadablePupils } from "../../services/pupil-search.js";
import { listTeachingGroups } from "../../services/groups.js";
import type { BotReply } from "../../channel/types.js";
import { buttonFor } from "../../domain/actions.js";
import type { CommandContext, CommandInput } from "./context.js";

export type PupilChoice = { pupilId: string } | { reply: BotReply };

/** Filler words around a name: "verder met het gesprek van Sam" → "Sam". */
function stripFiller(query: string): string {
  return query
    .replace(/^(het gesprek (van|met)|de voorbereiding (van|voor)|the conversation (of|with)|the preparation (of|for)|van|met|with|of|for)\s+/i, "")
    .trim();
}

type PupilCommand = "pupil" | "prepare" | "conversation" | "review" | "startgesprek" | "export" | "evaluate" | "note" | "viewConversation";

/** The pupil a command names: by id from a button, else by the typed name; `note` travels along each choice. */
export async function choosePupil(ctx: CommandContext, input: CommandInput, command: PupilCommand, note?: string): Promise<PupilChoice> {
  const { db, actor, t } = ctx;
  if (input.args.pupilId) return { pupilId: input.args.pupilId };
  const choice = (label: string, pupilId: string) =>
    command === "note" ? buttonFor(label, "note", { pupilId, ...(note ? { text: note } : {}) }) : buttonFor(label, command, { pupilId });
  const name = stripFiller(input.text);
  if (!name) {
    const pupils = (await listTeachingGroups(db, actor)).flatMap((g) => g.pupils.map((p) => ({ ...p, group: g.name })));
    if (pupils.length === 0) return { reply: { text: t("myGroup.none") } };
    return {
      reply: {
        text: t("choose.pupil"),
        actions: pupils.slice(0, 40).map((p) => choice(`${p.firstName} ${p.lastName}`, p.id)),
      },
    };
  }
  const matches = await findReadablePupils(db, actor, name);
  if (matches.length === 0) return { reply: { text: t("pupil.noMatch", { query: name }) } };
  if (matches.length > 1) {
    return {
      reply: {
        text: t("pupil.manyMatches"),
        actions: matches.slice(0, 10).map((m) => choice(`${m.firstName} ${m.lastName}${m.groupName ? ` (${m.groupName})` : ""}`, m.id)),
      },
    };
  }
  return { pupilId: matches[0]!.id };
}

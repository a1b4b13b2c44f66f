// Finding the pupil a command is about: by id from a button, by (part of) a name, or by a
// choice among the teacher's pupils.
import { findReadablePupils } from "../../services/pupil-search.js";
import { listTeachingGroups } from "../../services/groups.js";
import type { BotReply } from "../types.js";
import type { CommandContext } from "./handlers.js";

export type PupilChoice = { pupilId: string } | { reply: BotReply };

/** Filler words around a name: "verder met het gesprek van Sam" → "Sam". */
function stripFiller(query: string): string {
  return query.replace(/^(het gesprek (van|met)|de voorbereiding (van|voor)|the conversation (of|with)|the preparation (of|for)|van|met|with|of|for)\s+/i, "").trim();
}

/** `suffix` is appended to each choice's command (a quick note's text travels along). */
export async function choosePupil(ctx: CommandContext, query: string, command: string, suffix = ""): Promise<PupilChoice> {
  const { db, actor, t } = ctx;
  const id = /^id:(\S+)$/.exec(query.trim())?.[1];
  if (id) return { pupilId: id };
  const name = stripFiller(query);
  if (!name) {
    const pupils = (await listTeachingGroups(db, actor)).flatMap((g) => g.pupils.map((p) => ({ ...p, group: g.name })));
    if (pupils.length === 0) return { reply: { text: t("myGroup.none") } };
    return {
      reply: {
        text: t("choose.pupil"),
        actions: pupils.slice(0, 40).map((p) => ({ label: `${p.firstName} ${p.lastName}`, command: `${command} id:${p.id}${suffix}` })),
      },
    };
  }
  const matches = await findReadablePupils(db, actor, name);
  if (matches.length === 0) return { reply: { text: t("pupil.noMatch", { query: name }) } };
  if (matches.length > 1) {
    return {
      reply: {
        text: t("pupil.manyMatches"),
        actions: matches.slice(0, 10).map((m) => ({
          label: `${m.firstName} ${m.lastName}${m.groupName ? ` (${m.groupName})` : ""}`,
          command: `${command} id:${m.id}${suffix}`,
        })),
      },
    };
  }
  return { pupilId: matches[0]!.id };
}

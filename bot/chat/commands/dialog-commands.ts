// Commands that start or resume a guided dialog.
import type { DialogEngine } from "../../../dialogs/engine/engine.js";
import { CONVERSATION, NOTE, PREPARE } from "../../../dialogs/flows/index.js";
import { defaultFormatKey, getFormat } from "../../../dialogs/formats/registry.js";
import { listOpenSessions } from "../../services/dialog-sessions.js";
import { loadPupilContext } from "../../services/conversations.js";
import { addNote } from "../../services/pupil-records.js";
import { repliesFor } from "../dialog-replies.js";
import type { BotReply } from "../types.js";
import type { CommandContext } from "./handlers.js";
import { choosePupil } from "./pupil-choice.js";
import { recordEarlierRecordsShown } from "../../services/pupil-context-audit.js";

export interface DialogCommandContext extends CommandContext {
  engine: DialogEngine;
  /** The core's clock (a fake one in tests); the real time when absent. */
  now?: () => Date;
}

const NO_SUBJECT = { pupilId: null, groupId: null, conversationId: null, formatKey: null, formatVersion: null };

export async function prepareCommand(ctx: DialogCommandContext, argument: string): Promise<BotReply[]> {
  const choice = await choosePupil(ctx, argument, "voorbereiden");
  if ("reply" in choice) return [choice.reply];
  const pupil = await loadPupilContext(ctx.db, ctx.actor, choice.pupilId);
  await recordEarlierRecordsShown(ctx.db, ctx.actor, pupil, "prepare");
  return repliesFor(await ctx.engine.start(ctx.actor, PREPARE, { ...NO_SUBJECT, pupilId: choice.pupilId, conversationId: pupil.pending?.id ?? null }));
}

/** A conversation uses the format it was prepared with, else the group's (doorgaande lijn). */
export async function conversationCommand(ctx: DialogCommandContext, argument: string, forcedFormat?: string): Promise<BotReply[]> {
  const command = forcedFormat === "leerlingbespreking" ? "leerlingbespreking" : "gesprek";
  const choice = await choosePupil(ctx, argument, command);
  if ("reply" in choice) return [choice.reply];
  const pupil = await loadPupilContext(ctx.db, ctx.actor, choice.pupilId);
  await recordEarlierRecordsShown(ctx.db, ctx.actor, pupil, "conversation");
  const pending = forcedFormat ? null : pupil.pending;
  const key = forcedFormat ?? pending?.formatKey ?? (pupil.group ? await defaultFormatKey(ctx.db, pupil.group) : "hgw-kindgesprek");
  const format = await getFormat(ctx.db, ctx.actor.schoolId, key, pending?.formatVersion);
  return repliesFor(
    await ctx.engine.start(ctx.actor, CONVERSATION, {
      ...NO_SUBJECT,
      pupilId: choice.pupilId,
      conversationId: pending?.id ?? null,
      formatKey: format.key,
      formatVersion: format.version,
    }),
  );
}

export async function groupConversationCommand(ctx: DialogCommandContext, argument: string): Promise<BotReply[]> {
  const groups = await ctx.db.group.findMany({ where: { id: { in: [...ctx.actor.groupIds] } }, orderBy: { name: "asc" } });
  const id = /^id:(\S+)$/.exec(argument)?.[1];
  const wanted = id ? groups.filter((g) => g.id === id) : argument ? groups.filter((g) => g.name.toLowerCase().includes(argument.toLowerCase())) : groups;
  if (wanted.length === 0) return [{ text: ctx.t("myGroup.none") }];
  if (wanted.length > 1) {
    return [{ text: ctx.t("choose.group"), actions: wanted.map((g) => ({ label: g.name, command: `groepsgesprek id:${g.id}` })) }];
  }
  const format = await getFormat(ctx.db, ctx.actor.schoolId, "groepsgesprek");
  return repliesFor(
    await ctx.engine.start(ctx.actor, CONVERSATION, { ...NO_SUBJECT, groupId: wanted[0]!.id, formatKey: format.key, formatVersion: format.version }),
  );
}

/** "notitie Sam: vertelde trots over zijn tekening [doel: …]" saves at once; "notitie Sam" asks. */
export async function noteCommand(ctx: DialogCommandContext, argument: string): Promise<BotReply[]> {
  // "id:<pupil>: text" comes from a choice button that carries the note along.
  const byId = /^id:([^\s:]+)\s*(?::\s*([\s\S]*))?$/.exec(argument);
  const colon = argument.indexOf(":");
  const who = byId ? `id:${byId[1]}` : colon >= 0 ? argument.slice(0, colon).trim() : argument.trim();
  const rest = (byId ? (byId[2] ?? "") : colon >= 0 ? argument.slice(colon + 1) : "").trim();
  const choice = await choosePupil(ctx, who, "notitie", rest ? `: ${rest}` : "");
  if ("reply" in choice) {
    // Nobody matched: show the note back, so nothing typed is lost.
    return rest && !choice.reply.actions?.length ? [choice.reply, { text: ctx.t("note.notSaved", { text: rest }) }] : [choice.reply];
  }
  if (!rest) return repliesFor(await ctx.engine.start(ctx.actor, NOTE, { ...NO_SUBJECT, pupilId: choice.pupilId }));
  const [text, goal] = rest.split(/\s*\b(?:doel|goal)\s*:\s*/i);
  await addNote(ctx.db, ctx.actor, { pupilId: choice.pupilId, text: text!.trim() || rest, ...(goal?.trim() ? { goalText: goal.trim() } : {}) });
  return [{ text: ctx.t("note.saved") }];
}

export async function resumeCommand(ctx: DialogCommandContext, argument: string): Promise<BotReply[]> {
  const id = /^id:(\S+)$/.exec(argument)?.[1];
  if (id) return repliesFor(await ctx.engine.resume(ctx.actor, id));
  const sessions = await listOpenSessions(ctx.db, ctx.actor.staffId);
  const pupilIds = sessions.map((s) => s.pupilId).filter((p): p is string => p !== null);
  const pupils = new Map(
    (await ctx.db.pupil.findMany({ where: { id: { in: pupilIds } }, select: { id: true, firstName: true, lastName: true } })).map((p) => [p.id, p]),
  );
  const name = argument.replace(/^(het gesprek (van|met)|de voorbereiding (van|voor)|the conversation (of|with)|van|met|with)\s+/i, "").toLowerCase();
  const labelled = sessions.map((s) => {
    const p = s.pupilId ? pupils.get(s.pupilId) : undefined;
    return { session: s, label: `${ctx.t(`dialog.${s.kind}` as "dialog.prepare")} — ${p ? `${p.firstName} ${p.lastName}` : ctx.t("dialog.group")}` };
  });
  const matching = name ? labelled.filter((l) => l.label.toLowerCase().includes(name)) : labelled;
  if (matching.length === 0) return [{ text: ctx.t("resume.none") }];
  if (matching.length === 1) return repliesFor(await ctx.engine.resume(ctx.actor, matching[0]!.session.id));
  return [{ text: ctx.t("resume.choose"), actions: matching.map((m) => ({ label: m.label, command: `verder id:${m.session.id}` })) }];
}

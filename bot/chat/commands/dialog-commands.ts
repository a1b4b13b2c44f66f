// Commands that start or resume a guided dialog.
import { defaultFormatKey, getFormat } from "../../formats/registry.js";
import { listOpenSessions } from "../../services/dialog-sessions.js";
import { loadPupilContext } from "../../services/conversations.js";
import { addNote } from "../../services/pupil-records.js";
import { TEXT_LIMITS } from "../../formats/fields.js";
import { NO_SUBJECT } from "../../guide/dialog-guide.js";
import type { BotReply } from "../../channel/types.js";
import { buttonFor } from "../../domain/actions.js";
import type { CommandContext, CommandInput } from "./context.js";
import { choosePupil } from "./pupil-choice.js";
import { dialogElsewhereReply, openElsewhereReplies } from "./school-commands.js";
import { pupilFullName, pupilNamesById } from "../../services/pupil-search.js";
import { listTeachingGroups } from "../../services/groups.js";
import { recordEarlierRecordsShown } from "../../services/pupil-context-audit.js";
import { workModeOffer } from "./work-mode-commands.js";
import { pictureCardsOffer } from "./picture-card-commands.js";

export async function prepareCommand(ctx: CommandContext, input: CommandInput): Promise<BotReply[]> {
  const choice = await choosePupil(ctx, input, "prepare");
  if ("reply" in choice) return [choice.reply];
  const pupil = await loadPupilContext(ctx.db, ctx.actor, choice.pupilId);
  await recordEarlierRecordsShown(ctx.db, ctx.actor, pupil, "prepare");
  return ctx.guide.start(ctx.actor, "prepare", { ...NO_SUBJECT, pupilId: choice.pupilId, conversationId: pupil.pending?.id ?? null });
}

/** A conversation uses the format it was prepared with, else the group's (doorgaande lijn). */
export async function conversationCommand(ctx: CommandContext, input: CommandInput, forcedFormat?: "leerlingbespreking"): Promise<BotReply[]> {
  const choice = await choosePupil(ctx, input, forcedFormat ? "review" : "conversation");
  if ("reply" in choice) return [choice.reply];
  const pupil = await loadPupilContext(ctx.db, ctx.actor, choice.pupilId);
  await recordEarlierRecordsShown(ctx.db, ctx.actor, pupil, "conversation");
  const pending = forcedFormat ? null : pupil.pending;
  const key = forcedFormat ?? pending?.formatKey ?? (pupil.group ? await defaultFormatKey(ctx.db, pupil.group) : "hgw-kindgesprek");
  const format = await getFormat(ctx.db, ctx.actor.schoolId, key, pending?.formatVersion);
  const started = await ctx.guide.start(ctx.actor, "conversation", {
    ...NO_SUBJECT,
    pupilId: choice.pupilId,
    conversationId: pending?.id ?? null,
    formatKey: format.key,
    formatVersion: format.version,
  });
  return [...started, ...(await workModeOffer(ctx, format)), ...pictureCardsOffer(ctx, format)];
}

export async function groupConversationCommand(ctx: CommandContext, input: CommandInput): Promise<BotReply[]> {
  const groups = await listTeachingGroups(ctx.db, ctx.actor);
  const id = input.args.groupId;
  const name = input.text.toLowerCase();
  const wanted = id ? groups.filter((g) => g.id === id) : name ? groups.filter((g) => g.name.toLowerCase().includes(name)) : groups;
  if (wanted.length === 0) return [{ text: ctx.t("myGroup.none") }];
  if (wanted.length > 1) {
    return [{ text: ctx.t("choose.group"), actions: wanted.map((g) => buttonFor(g.name, "groupConversation", { groupId: g.id })) }];
  }
  const format = await getFormat(ctx.db, ctx.actor.schoolId, "groepsgesprek");
  return ctx.guide.start(ctx.actor, "conversation", { ...NO_SUBJECT, groupId: wanted[0]!.id, formatKey: format.key, formatVersion: format.version });
}

/** "notitie Sam: vertelde trots over zijn tekening [doel: …]" saves at once; "notitie Sam" asks. */
export async function noteCommand(ctx: CommandContext, input: CommandInput): Promise<BotReply[]> {
  // From a choice button the pupil and the note's text come as arguments; typed, "<who>: <text>".
  const colon = input.text.indexOf(":");
  const who = colon >= 0 ? input.text.slice(0, colon).trim() : input.text.trim();
  const rest = (input.args.pupilId ? (input.args.text ?? "") : colon >= 0 ? input.text.slice(colon + 1) : "").trim();
  const choice = await choosePupil(ctx, { text: who, args: input.args }, "note", rest);
  if ("reply" in choice) {
    // Nobody matched, or a choice of pupils whose buttons carry the note: the note is shown back
    // either way, so a teacher who types a name instead of choosing does not lose it.
    if (!rest) return [choice.reply];
    if (!choice.reply.actions?.length) return [choice.reply, { text: ctx.t("note.notSaved", { text: rest }) }];
    return [{ ...choice.reply, text: `${choice.reply.text}\n${ctx.t("note.waiting", { text: rest })}` }];
  }
  if (!rest) return ctx.guide.start(ctx.actor, "note", { ...NO_SUBJECT, pupilId: choice.pupilId });
  const [text, goal] = rest.split(/\s*\b(?:doel|goal)\s*:\s*/i);
  const noteText = text!.trim() || rest;
  // The note dialog's limits: too long is refused with the limit named, and the note shown back.
  const over = [noteText.length - TEXT_LIMITS.longText, (goal?.trim().length ?? 0) - TEXT_LIMITS.shortText];
  if (over[0]! > 0 || over[1]! > 0) {
    const [count, max] = over[0]! > 0 ? [over[0]!, TEXT_LIMITS.longText] : [over[1]!, TEXT_LIMITS.shortText];
    return [{ text: ctx.t("engine.tooLong", { count, max }) }, { text: ctx.t("note.notSaved", { text: rest }) }];
  }
  await addNote(ctx.db, ctx.actor, { pupilId: choice.pupilId, text: noteText, ...(goal?.trim() ? { goalText: goal.trim() } : {}) });
  // Which pupil: after a choice between two Finns the teacher sees it was the one she meant.
  return [{ text: ctx.t("note.saved", { name: await pupilFullName(ctx.db, choice.pupilId) }) }];
}

export async function resumeCommand(ctx: CommandContext, input: CommandInput): Promise<BotReply[]> {
  if (input.args.sessionId) {
    // A dialog she started while working for her other school: say which school, keep it.
    const elsewhere = await dialogElsewhereReply(ctx, input.args.sessionId);
    return elsewhere ? [elsewhere] : ctx.guide.resume(ctx.actor, input.args.sessionId);
  }
  const argument = input.text;
  const sessions = await listOpenSessions(ctx.db, ctx.actor.staffId);
  const pupilIds = sessions.map((s) => s.pupilId).filter((p): p is string => p !== null);
  const pupils = await pupilNamesById(ctx.db, pupilIds);
  const name = argument.replace(/^(het gesprek (van|met)|de voorbereiding (van|voor)|the conversation (of|with)|van|met|with)\s+/i, "").toLowerCase();
  const labelled = sessions.map((s) => {
    const p = s.pupilId ? pupils.get(s.pupilId) : undefined;
    return { session: s, label: `${ctx.t(`dialog.${s.kind}` as "dialog.prepare")} — ${p ? `${p.firstName} ${p.lastName}` : ctx.t("dialog.group")}` };
  });
  const matching = name ? labelled.filter((l) => l.label.toLowerCase().includes(name)) : labelled;
  if (matching.length === 0) {
    const elsewhere = sessions.length === 0 ? await openElsewhereReplies(ctx.db, ctx.t, ctx.actor.staffId) : [];
    return elsewhere.length > 0 ? elsewhere : [{ text: ctx.t("resume.none") }];
  }
  if (matching.length === 1) return ctx.guide.resume(ctx.actor, matching[0]!.session.id);
  return [{ text: ctx.t("resume.choose"), actions: matching.map((m) => buttonFor(m.label, "resume", { sessionId: m.session.id })) }];
}

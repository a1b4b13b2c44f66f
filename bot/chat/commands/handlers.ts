// One small function per command: call a service, shape the reply. No channel specifics.
import { isMessageKey, type Translator } from "../../i18n/translate.js";
import { getPupilRecord, type TimelineEntry } from "../../services/pupil-records.js";
import { isRecordedStatus } from "../../domain/vocabulary.js";
import { listTeachingGroups } from "../../services/groups.js";
import type { BotReply } from "../../channel/types.js";
import { OWNERSHIP_SKILLS, skillLabel } from "../../domain/ownership-skills.js";
import { canManageStaff } from "../../auth/policy.js";
import { buttonFor } from "../../domain/actions.js";
import { yearToConfirm } from "./holiday-commands.js";

import type { CommandContext, CommandInput } from "./context.js";
import { choosePupil } from "./pupil-choice.js";
import { dayOf } from "./conversation-render.js";

const DATE = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "short", year: "numeric", timeZone: "Europe/Amsterdam" });

/** The admin's section of help, for admins only (the rule: canManageStaff). */
const adminHelp = ({ actor, t, now }: CommandContext): string[] =>
  canManageStaff(actor, actor.schoolId)
    ? [
        "",
        t("help.adminTitle"),
        t("help.staff"),
        t("help.addStaff"),
        t("help.deactivateStaff"),
        t("help.group"),
        t("help.groupTeacher"),
        t("help.groupFormat"),
        t("help.holidays", { year: yearToConfirm({ actor, now }) }),
      ]
    : [];

export function helpReply(ctx: CommandContext): BotReply {
  const { t } = ctx;
  return {
    text: [
      t("help.title"),
      t("help.prepare"),
      t("help.conversation"),
      t("help.workMode"),
      t("help.note"),
      t("help.resume"),
      t("help.myGroup"),
      t("help.pupil"),
      t("help.viewConversation"),
      t("help.overview"),
      t("help.schoolYear"),
      t("help.evaluations"),
      t("help.evaluate"),
      t("help.plan"),
      t("help.rounds"),
      t("help.reminders"),
      t("help.export"),
      t("help.needs"),
      t("help.coach"),
      t("help.pictureCards"),
      t("help.review"),
      t("help.startgesprek"),
      ...(ctx.actor.roles.has("ib") || ctx.actor.roles.has("admin") ? [t("help.ibAssign")] : []),
      t("help.groupConversation"),
      t("help.progress"),
      t("help.ownership"),
      t("help.school"),
      t("help.language"),
      t("help.help"),
      ...adminHelp(ctx),
    ].join("\n"),
  };
}

export async function myGroupReply({ db, actor, t }: CommandContext): Promise<BotReply> {
  const groups = await listTeachingGroups(db, actor);
  if (groups.length === 0) return { text: t("myGroup.none") };
  const text = groups
    .map((g) => [t("myGroup.header", { group: g.name, count: g.pupils.length }), ...g.pupils.map((p) => `- ${p.firstName} ${p.lastName}`)].join("\n"))
    .join("\n\n");
  return { text };
}

function skillNames(skills: string[], locale: "nl" | "en"): string {
  return skills.map((s) => skillLabel(s, locale)).join(", ");
}

/** A stored status word in the reader's language; an unknown one is shown as stored. */
function statusWord(t: Translator, prefix: "status" | "goalStatus" | "outcome" | "nextStep", status: string | undefined): string {
  if (!status) return "";
  const key = `${prefix}.${status}`;
  return isMessageKey(key) ? t(key) : status;
}

function evaluationLine(entry: TimelineEntry, t: Translator): string {
  const note = entry.text ? t("timeline.evaluationNote", { note: entry.text }) : "";
  const next = entry.nextStep ? t("timeline.evaluationNext", { next: statusWord(t, "nextStep", entry.nextStep) }) : "";
  return `${t("timeline.evaluationBy", { status: statusWord(t, "outcome", entry.status), by: entry.by ?? "—", goal: entry.goalText ?? "" })}${note}${next}`;
}

function timelineLine(entry: TimelineEntry, t: Translator, locale: "nl" | "en"): string {
  const status =
    entry.kind === "goal"
      ? statusWord(t, "goalStatus", entry.status)
      : entry.kind === "conversation"
        ? statusWord(t, "status", entry.status)
        : (entry.status ?? "");
  const vars = { status, text: entry.text ?? "" };
  const skills = entry.skills?.length ? ` (${t("timeline.skills", { skills: skillNames(entry.skills, locale) })})` : "";
  // A note's goal ("notitie Finn: … doel: …") is part of what was written down.
  const noteGoal = entry.kind === "note" && entry.goalText ? t("timeline.noteGoal", { goal: entry.goalText }) : "";
  const line = entry.kind === "evaluation" ? evaluationLine(entry, t) : `${t(`timeline.${entry.kind}`, vars)}${noteGoal}`;
  const chosen = entry.chosen?.length ? t("timeline.chosen", { choices: entry.chosen.join("; ") }) : "";
  return `${DATE.format(entry.at)} — ${line}${chosen}${skills}`;
}

export async function pupilReply(ctx: CommandContext, input: CommandInput): Promise<BotReply> {
  const { db, actor, t } = ctx;
  if (!input.text && !input.args.pupilId) return { text: t("pupil.askName") };
  const choice = await choosePupil(ctx, input, "pupil");
  if ("reply" in choice) return choice.reply;
  const pupilId = choice.pupilId;
  const record = await getPupilRecord(db, actor, pupilId);
  const name = `${record.pupil.firstName} ${record.pupil.lastName}`;
  const lines = [t("pupil.header", { name, group: record.pupil.groupName ?? "-" })];
  if (record.timeline.length === 0) lines.push(t("pupil.empty"));
  else {
    lines.push(t("pupil.openGoals", { count: record.openGoals }));
    if (record.skills.heldConversations > 0) {
      const summary = OWNERSHIP_SKILLS.map((s) => `${skillLabel(s, actor.locale)} ${record.skills.counts[s] ?? 0}/${record.skills.heldConversations}`).join(
        " · ",
      );
      lines.push(t("skills.header", { summary }));
    }
    lines.push(...record.timeline.slice(0, 20).map((e) => `- ${timelineLine(e, t, actor.locale)}`));
  }
  // Each held conversation can be read in full (conversation-read-commands.ts): a button per
  // conversation, newest first, and the command to type.
  const held = record.timeline.filter((e) => e.kind === "conversation" && isRecordedStatus(e.status)).slice(0, 5);
  if (held.length === 0) return { text: lines.join("\n") };
  lines.push(t("read.timelineHint", { name: record.pupil.firstName }));
  const actions = held.map((e) => buttonFor(t("read.button", { date: dayOf(e.at, actor) }), "viewConversation", { conversationId: e.id }));
  return { text: lines.join("\n"), actions };
}

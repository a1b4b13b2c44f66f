// What each reminder says, built at send time from the current state. The outbox holds ids only;
// names are read here, in the recipient's language. A reminder that no longer fits (the
// conversation was held, moved, or the round cancelled) renders as null and is not sent.
import type { Db } from "../db/client.js";
import type { OutboxRenderer, OutboxRow } from "../outbox/worker.js";
import { Locale } from "../domain/vocabulary.js";
import { localDate, localTime } from "../domain/local-time.js";
import { addDays, weekStart } from "../domain/school-calendar.js";
import { getFormat, listFormats } from "../formats/registry.js";
import { formatLocalDate } from "../domain/local-time.js";
import { invitationFileBase, renderPupilInvitation } from "../exports/pupil-invitation.js";
import { buttonFor } from "../domain/actions.js";
import { translate } from "../i18n/translate.js";

export type ReminderRenderer = OutboxRenderer;
type ReminderMessage = OutboxRow;

export interface Recipient {
  locale: Locale;
  timezone: string;
  groupIds: Set<string>;
}

export async function recipient(db: Db, staffId: string): Promise<Recipient | null> {
  const staff = await db.staff.findUnique({
    where: { id: staffId },
    select: { active: true, locale: true, school: { select: { locale: true, timezone: true } }, groups: { select: { groupId: true } } },
  });
  if (!staff?.active) return null;
  return {
    locale: Locale.catch("nl").parse(staff.locale ?? staff.school.locale),
    timezone: staff.school.timezone,
    groupIds: new Set(staff.groups.map((g) => g.groupId)),
  };
}

function payloadOf(message: Pick<OutboxRow, "payload">): Record<string, string> {
  const p = message.payload;
  return p && typeof p === "object" ? (p as Record<string, string>) : {};
}

export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** A round message was planned for the round's dates then; a changed round gets new messages. */
function sameRoundDates(message: ReminderMessage, round: { startDate: string; endDate: string }): boolean {
  const p = payloadOf(message);
  return (p.start === undefined || p.start === round.startDate) && (p.end === undefined || message.kind === "round_announcement" || p.end === round.endDate);
}

/** A round's pupils of the recipient's groups that have no conversation in it yet. */
async function roundState(db: Db, roundId: string, who: Recipient) {
  const round = await db.round.findUnique({ where: { id: roundId }, include: { groups: { include: { group: { select: { id: true, name: true } } } } } });
  if (round?.status !== "active") return null;
  const groups = round.groups.map((g) => g.group).filter((g) => who.groupIds.has(g.id));
  if (groups.length === 0) return null;
  const [pupils, planned] = await Promise.all([
    db.pupil.findMany({
      where: { groupId: { in: groups.map((g) => g.id) }, active: true },
      select: { id: true, firstName: true, lastName: true, groupId: true },
      orderBy: [{ firstName: "asc" }, { lastName: "asc" }],
    }),
    db.conversation.findMany({ where: { roundId, status: { not: "cancelled" } }, select: { pupilId: true } }),
  ]);
  const plannedIds = new Set(planned.map((c) => c.pupilId));
  return { round, groups, pupils, unplanned: pupils.filter((p) => !plannedIds.has(p.id)) };
}

const roundAnnouncement =
  (now: () => Date): ReminderRenderer =>
  async (message, db) => {
    const who = await recipient(db, message.recipientStaffId);
    if (!who) return null;
    const state = await roundState(db, payloadOf(message).roundId ?? message.subjectId ?? "", who);
    if (!state || !sameRoundDates(message, state.round) || localDate(now(), who.timezone) > state.round.endDate) return null;
    const format = (await listFormats(db, message.schoolId)).find((f) => f.key === state.round.formatKey);
    const period = `${formatLocalDate(state.round.startDate, who.locale)} – ${formatLocalDate(state.round.endDate, who.locale)}`;
    const groupLines = state.groups.map((g) => {
      const names = state.pupils.filter((p) => p.groupId === g.id).map((p) => p.firstName);
      return `**${g.name}** (${names.length}): ${names.join(", ")}`;
    });
    return [
      {
        text: [
          translate(who.locale, "reminder.roundAnnouncement.title", { name: state.round.name }),
          translate(who.locale, "reminder.roundAnnouncement.period", { period, name: format?.name[who.locale] ?? state.round.formatKey }),
          ...groupLines,
          translate(who.locale, "reminder.roundAnnouncement.advice"),
        ].join("\n"),
        actions: [buttonFor(translate(who.locale, "reminder.button.planNow"), "plan")],
      },
    ];
  };

const planNudge =
  (now: () => Date): ReminderRenderer =>
  async (message, db) => {
    const who = await recipient(db, message.recipientStaffId);
    if (!who) return null;
    const state = await roundState(db, payloadOf(message).roundId ?? message.subjectId ?? "", who);
    if (!state || state.unplanned.length === 0 || !sameRoundDates(message, state.round) || localDate(now(), who.timezone) > state.round.endDate) return null;
    const names = state.unplanned.map(fullName).join(", ");
    return [
      {
        text: translate(who.locale, "reminder.planNudge", {
          name: state.round.name,
          date: formatLocalDate(state.round.endDate, who.locale),
          count: state.unplanned.length,
          names,
        }),
        actions: [
          buttonFor(translate(who.locale, "reminder.button.planNow"), "plan"),
          buttonFor(translate(who.locale, "reminder.button.mutePlanning"), "reminders", { set: "off", kind: "plan_nudge" }),
        ],
      },
    ];
  };

/** A planned conversation still open on the date the reminder was made for. */
export async function plannedConversation(db: Db, message: Pick<OutboxRow, "subjectId" | "payload">, who: Recipient, now: Date, upcoming: boolean) {
  const conversation = await db.conversation.findUnique({
    where: { id: payloadOf(message).conversationId ?? message.subjectId ?? "" },
    include: { pupil: { select: { id: true, firstName: true, lastName: true, groupId: true, active: true } }, group: { select: { bouw: true, name: true } } },
  });
  if (!conversation?.plannedAt || !conversation.pupil?.active || !["planned", "prepared"].includes(conversation.status)) return null;
  const planned = payloadOf(message);
  // Moved since (another day or another time): the reminder for the new moment replaces this one.
  if (planned.at !== undefined ? planned.at !== conversation.plannedAt.toISOString() : localDate(conversation.plannedAt, who.timezone) !== planned.date)
    return null;
  // A reminder to prepare that would arrive after the conversation (a snooze, an outage) is pointless.
  if (upcoming && conversation.plannedAt <= now) return null;
  if (!conversation.pupil.groupId || !who.groupIds.has(conversation.pupil.groupId)) return null; // no longer their pupil
  const format = await getFormat(db, conversation.schoolId, conversation.formatKey, conversation.formatVersion).catch(() => null);
  return { ...conversation, pupil: conversation.pupil, plannedAt: conversation.plannedAt, withParents: format?.withParents === true };
}

/** When a planned conversation is, as a reminder says it: with the parents named when they come (the startgesprek). */
export function plannedWhen(c: { plannedAt: Date; withParents: boolean }, who: Recipient): string {
  const when = translate(who.locale, "reminder.at", {
    date: formatLocalDate(localDate(c.plannedAt, who.timezone), who.locale),
    time: localTime(c.plannedAt, who.timezone),
  });
  return c.withParents ? translate(who.locale, "startgesprek.withParents", { when }) : when;
}

const prepareReminder =
  (now: () => Date): ReminderRenderer =>
  async (message, db) => {
    const who = await recipient(db, message.recipientStaffId);
    if (!who) return null;
    const c = await plannedConversation(db, message, who, now(), true);
    if (c?.status !== "planned") return null;
    const when = plannedWhen(c, who);
    return [
      {
        text: translate(who.locale, "reminder.prepare", { when, name: fullName(c.pupil) }),
        actions: [
          buttonFor(translate(who.locale, "reminder.button.prepareNow"), "prepare", { pupilId: c.pupil.id }),
          buttonFor(translate(who.locale, "reminder.button.mutePreparing"), "reminders", { set: "off", kind: "prepare_reminder" }),
        ],
      },
    ];
  };

const pupilInvitation =
  (now: () => Date): ReminderRenderer =>
  async (message, db) => {
    const who = await recipient(db, message.recipientStaffId);
    if (!who) return null;
    const c = await plannedConversation(db, message, who, now(), true);
    if (c?.group?.bouw !== "bovenbouw") return null;
    const date = localDate(c.plannedAt, who.timezone);
    const invitation = renderPupilInvitation({
      pupilFirstName: c.pupil.firstName,
      topic: null,
      date,
      time: localTime(c.plannedAt, who.timezone),
      place: c.place,
      durationMinutes: c.durationMinutes,
      questions: (["proud", "hard", "learn", "help"] as const).map((q) => translate(who.locale, `reminder.invitation.question.${q}`)),
      locale: who.locale,
    });
    return [
      {
        text: translate(who.locale, "reminder.invitation", { date: formatLocalDate(date, who.locale), name: fullName(c.pupil) }),
        actions: [buttonFor(translate(who.locale, "reminder.button.prepare"), "prepare", { pupilId: c.pupil.id })],
        attachments: [{ filename: `${invitationFileBase(c.pupil, date, who.locale)}.html`, contentType: "text/html", content: invitation.html }],
      },
    ];
  };

const unrecordedNudge =
  (now: () => Date): ReminderRenderer =>
  async (message, db) => {
    const who = await recipient(db, message.recipientStaffId);
    if (!who) return null;
    const c = await plannedConversation(db, message, who, now(), false);
    if (!c) return null;
    const when = plannedWhen(c, who);
    return [
      {
        text: translate(who.locale, "reminder.unrecorded", { name: fullName(c.pupil), when }),
        actions: [
          buttonFor(translate(who.locale, "reminder.button.record"), "conversation", { pupilId: c.pupil.id }),
          c.roundId
            ? buttonFor(translate(who.locale, "reminder.button.move"), "plan")
            : buttonFor(translate(who.locale, "reminder.button.move"), "prepare", { pupilId: c.pupil.id }),
          buttonFor(translate(who.locale, "reminder.button.quickNote"), "note", { pupilId: c.pupil.id }),
        ],
      },
    ];
  };

const weeklyDigest =
  (now: () => Date): ReminderRenderer =>
  async (message, db) => {
    const who = await recipient(db, message.recipientStaffId);
    if (!who) return null;
    const monday = payloadOf(message).week ?? weekStart(localDate(now(), who.timezone));
    const sunday = addDays(monday, 6);
    const groupIds = [...who.groupIds];
    const [conversations, goals, rounds] = await Promise.all([
      db.conversation.findMany({
        where: {
          teachers: { some: { staffId: message.recipientStaffId } },
          status: { in: ["planned", "prepared"] },
          plannedAt: { not: null },
          pupil: { active: true, groupId: { in: groupIds } },
        },
        include: { pupil: { select: { firstName: true, lastName: true } } },
        orderBy: { plannedAt: "asc" },
      }),
      db.goal.findMany({
        where: {
          status: "open",
          evaluationDate: { gte: monday, lte: sunday },
          pupil: { active: true },
          OR: [{ evaluatorId: message.recipientStaffId }, { pupil: { groupId: { in: groupIds } } }],
        },
        include: { pupil: { select: { firstName: true, lastName: true } } },
      }),
      db.round.findMany({
        where: { status: "active", endDate: { gte: monday }, groups: { some: { groupId: { in: groupIds } } } },
        select: { id: true, name: true },
      }),
    ]);
    const thisWeek = conversations.filter((c) => {
      const d = localDate(c.plannedAt!, who.timezone);
      return d >= monday && d <= sunday;
    });
    const lines: string[] = [];
    for (const c of thisWeek)
      lines.push(
        `• ${formatLocalDate(localDate(c.plannedAt!, who.timezone), who.locale)} ${localTime(c.plannedAt!, who.timezone)} — ${c.pupil ? fullName(c.pupil) : "?"}`,
      );
    for (const g of goals)
      lines.push(translate(who.locale, "reminder.digest.evaluate", { date: formatLocalDate(g.evaluationDate!, who.locale), name: fullName(g.pupil) }));
    for (const r of rounds) {
      const state = await roundState(db, r.id, who);
      if (state?.unplanned.length) lines.push(translate(who.locale, "reminder.digest.unplanned", { round: r.name, count: state.unplanned.length }));
    }
    if (lines.length === 0) return null;
    return [
      {
        text: [
          translate(who.locale, "reminder.digest.title", { date: formatLocalDate(monday, who.locale), date2: formatLocalDate(sunday, who.locale) }),
          ...lines,
        ].join("\n"),
        actions: [
          buttonFor(translate(who.locale, "button.overview"), "overview"),
          buttonFor(translate(who.locale, "reminder.button.digestOff"), "reminders", { set: "off", kind: "weekly_digest" }),
        ],
      },
    ];
  };

/** The renderers per reminder kind, reading "today" from the scheduler's clock. */
export function reminderRenderers(clock: () => Date = () => new Date()): Record<string, ReminderRenderer> {
  return {
    round_announcement: roundAnnouncement(clock),
    plan_nudge: planNudge(clock),
    prepare_reminder: prepareReminder(clock),
    pupil_invitation: pupilInvitation(clock),
    unrecorded_nudge: unrecordedNudge(clock),
    weekly_digest: weeklyDigest(clock),
  };
}

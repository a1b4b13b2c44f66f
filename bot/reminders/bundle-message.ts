// The daily bundle (outbox kind "daily_bundle", bundle.ts), rendered when it is sent: every item
// is checked against the state as it is then, exactly as its single message was (a conversation
// held or moved, a goal evaluated or rescheduled drops out), and names are read only here. What
// is left is one reply: a title with the number of pupils, then the goals to evaluate, the
// conversations to record and those to prepare, pupils by name, each with its own button (the
// same typed actions as the single messages, so pressing one works as before). Null when nothing
// is left: the bundle is cancelled.
import type { Db } from "../db/client.js";
import type { OutboxRenderer, OutboxRow } from "../outbox/worker.js";
import type { ReplyItem, ReplyList } from "../channel/types.js";
import { recordAudit } from "../audit.js";
import { buttonFor } from "../domain/actions.js";
import { formatLocalDate } from "../domain/local-time.js";
import { translate } from "../i18n/translate.js";
import { BUNDLED_KINDS, type BundledKind, type BundleItem, BundlePayload } from "./bundle.js";
import { goalToEvaluate } from "./evaluation-message.js";
import { sendDecision } from "./preferences.js";
import { fullName, plannedConversation, plannedWhen, recipient, type Recipient } from "./messages.js";

interface Line {
  kind: BundledKind;
  sortName: string;
  pupilId: string;
  when: string;
  item: ReplyItem;
}

const HEADING_KEY = {
  evaluation_due: "reminder.bundle.evaluate",
  unrecorded_nudge: "reminder.bundle.record",
  prepare_reminder: "reminder.bundle.prepare",
} as const;

/** One item as it stands now, or null when it no longer applies. */
async function lineFor(db: Db, row: OutboxRow, who: Recipient, item: BundleItem, now: Date): Promise<Line | null> {
  const asSingle = { ...row, kind: item.kind, subjectId: item.subjectId };
  if (item.kind === "evaluation_due") {
    const found = await goalToEvaluate(db, { ...asSingle, payload: item.date ? { date: item.date } : {} });
    if (!found) return null;
    const { goal } = found;
    // The system read the goal to tell the recipient about it.
    await recordAudit(db, { schoolId: row.schoolId, actorStaffId: null, action: "read", entity: "evaluation_due", entityId: goal.id, pupilId: goal.pupil.id });
    const name = fullName(goal.pupil);
    return {
      kind: item.kind,
      sortName: name,
      pupilId: goal.pupil.id,
      when: goal.evaluationDate ?? "",
      item: {
        text: translate(who.locale, "reminder.bundle.line.evaluate", { name, goal: goal.goalText }),
        action: buttonFor(translate(who.locale, "reminder.button.evaluate"), "evaluate", { goalId: goal.id }),
      },
    };
  }
  const upcoming = item.kind === "prepare_reminder";
  const c = await plannedConversation(
    db,
    { subjectId: item.subjectId, payload: { conversationId: item.subjectId, date: item.date, at: item.at } },
    who,
    now,
    upcoming,
  );
  if (!c || (upcoming && c.status !== "planned")) return null;
  const name = fullName(c.pupil);
  const when = plannedWhen(c, who);
  const [label, command] = upcoming ? (["reminder.button.prepare", "prepare"] as const) : (["reminder.button.record", "conversation"] as const);
  return {
    kind: item.kind,
    sortName: name,
    pupilId: c.pupil.id,
    when: c.plannedAt.toISOString(),
    item: {
      text: translate(who.locale, "reminder.bundle.line.conversation", { name, when }),
      action: buttonFor(translate(who.locale, label), command, { pupilId: c.pupil.id }),
    },
  };
}

export const dailyBundle =
  (now: () => Date): OutboxRenderer =>
  async (row, db) => {
    const parsed = BundlePayload.safeParse(row.payload);
    if (!parsed.success) return null;
    const who = await recipient(db, row.recipientStaffId);
    if (!who) return null;
    // Muted since the bundle was queued: those items are left out (the single messages were not sent either).
    const muted = new Set<BundledKind>();
    for (const kind of BUNDLED_KINDS) if ((await sendDecision(db, row.recipientStaffId, kind)) === "muted") muted.add(kind);
    const lines: Line[] = [];
    for (const item of parsed.data.items.filter((i) => !muted.has(i.kind))) {
      const line = await lineFor(db, row, who, item, now());
      if (line) lines.push(line);
    }
    if (lines.length === 0) return null;
    const collator = new Intl.Collator(who.locale);
    const lists: ReplyList[] = [];
    for (const kind of BUNDLED_KINDS) {
      const mine = lines.filter((l) => l.kind === kind).sort((a, b) => collator.compare(a.sortName, b.sortName) || a.when.localeCompare(b.when));
      if (mine.length) lists.push({ heading: translate(who.locale, HEADING_KEY[kind], { count: mine.length }), items: mine.map((l) => l.item) });
    }
    const pupils = new Set(lines.map((l) => l.pupilId)).size;
    return [{ text: translate(who.locale, "reminder.bundle.title", { date: formatLocalDate(parsed.data.day, who.locale), count: pupils }), lists }];
  };

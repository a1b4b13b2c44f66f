// The scheduler on this instance: every minute the producer puts what is due soon into the
// outbox, and the outbox worker delivers it. node-cron only ticks; every decision about "when"
// is made from school-local wall-clock times (schedule.ts), so DST never shifts a reminder.
import cron, { type ScheduledTask } from "node-cron";
import type { Db } from "../db/client.js";
import type { Logger } from "../logger.js";
import type { ProactiveSender } from "../proactive/send.js";
import { startOutbox } from "../outbox/start.js";
import type { OutboxRenderer, OutboxRow, OutboxWorker, OutboxWorkerOptions } from "../outbox/worker.js";
import { atSchoolTime, nextSchoolMoment, withinSchoolHours, type SchoolCalendar } from "../domain/school-calendar.js";
import { localDate } from "../domain/local-time.js";
import { parseWeekdays } from "../domain/vocabulary.js";
import { loadSchoolCalendar } from "../services/school-calendar.js";
import { evaluationDueMessage } from "./evaluation-message.js";
import { dailyBundle } from "./bundle-message.js";
import { DAILY_BUNDLE } from "./bundle.js";
import { retentionRenderers } from "../privacy/retention-notice.js";
import { handoverRenderers } from "../services/handover-notice.js";
import { reviewRenderers } from "../services/pupil-review.js";
import { reminderRenderers } from "./messages.js";
import { sendDecision } from "./preferences.js";
import { createIncrementalProducer, produceReminders } from "./producer.js";
import { preferenceKindOf, REMINDER_KINDS, type ReminderKind } from "./schedule.js";

export interface SchedulerOptions {
  db: Db;
  proactive: ProactiveSender;
  logger: Logger;
  clock?: () => Date;
  /** Seconds between outbox ticks. */
  outboxIntervalSeconds?: number;
  /** Observers of the outbox worker's sends and errors (the metrics). */
  outboxHooks?: Pick<OutboxWorkerOptions, "onSend" | "onError">;
}

export interface Scheduler {
  /** One full producer pass over every school and one delivery tick (tests drive the fake clock with this). */
  runOnce(): Promise<{ enqueued: number; sent: number }>;
  worker: OutboxWorker;
  stop(): Promise<void>;
}

// School settings change rarely; a minute of staleness is fine for choosing a send moment.
const CALENDAR_TTL_MS = 60_000;

function calendars(db: Db, clock: () => Date) {
  const cache = new Map<string, { until: number; calendar: SchoolCalendar }>();
  return async (schoolId: string): Promise<SchoolCalendar> => {
    const hit = cache.get(schoolId);
    if (hit && hit.until > clock().getTime()) return hit.calendar;
    const calendar = await loadSchoolCalendar(db, schoolId);
    cache.set(schoolId, { until: clock().getTime() + CALENDAR_TTL_MS, calendar });
    return calendar;
  };
}

/** A muted kind renders to nothing (the message is cancelled); a snoozed one is deferred (below). */
function respectingMute(kind: ReminderKind, render: OutboxRenderer): OutboxRenderer {
  const preference = preferenceKindOf(kind);
  if (!preference) return render;
  return async (message, db) => ((await sendDecision(db, message.recipientStaffId, preference)) === "muted" ? null : render(message, db));
}

export function createRenderers(clock: () => Date): Record<string, OutboxRenderer> {
  const all: Record<string, OutboxRenderer> = {
    ...reminderRenderers(clock),
    evaluation_due: evaluationDueMessage,
    [DAILY_BUNDLE]: dailyBundle(clock),
    ...retentionRenderers,
    ...handoverRenderers,
    ...reviewRenderers,
  };
  for (const kind of REMINDER_KINDS) all[kind] = respectingMute(kind, all[kind]!);
  return all;
}

/** The days a member of staff works (all their groups together); null: not a group teacher. */
function workingDaysOf(db: Db, clock: () => Date) {
  const cache = new Map<string, { until: number; days: ReadonlySet<number> | null }>();
  return async (staffId: string): Promise<ReadonlySet<number> | null> => {
    const hit = cache.get(staffId);
    if (hit && hit.until > clock().getTime()) return hit.days;
    // This year's groups only: last year's (archived) days no longer say when someone works.
    const rows = await db.groupTeacher.findMany({ where: { staffId, group: { archivedAt: null } }, select: { workingDays: true } });
    const days = rows.length ? new Set(rows.flatMap((r) => parseWeekdays(r.workingDays))) : null;
    cache.set(staffId, { until: clock().getTime() + CALENDAR_TTL_MS, days });
    return days;
  };
}

/** Only inside school hours on a day the recipient works, and not before a snooze ends. */
export function createDeferral(db: Db, clock: () => Date) {
  const calendarOf = calendars(db, clock);
  const daysOf = workingDaysOf(db, clock);
  return async (message: OutboxRow, now: Date): Promise<Date | null> => {
    let calendar: SchoolCalendar;
    try {
      calendar = await calendarOf(message.schoolId);
    } catch {
      return null; // a calendar we cannot read never holds a message back forever
    }
    const preference = (REMINDER_KINDS as readonly string[]).includes(message.kind) ? preferenceKindOf(message.kind as ReminderKind) : null;
    try {
      const days = (await daysOf(message.recipientStaffId)) ?? undefined;
      if (preference) {
        const decision = await sendDecision(db, message.recipientStaffId, preference, localDate(now, calendar.timezone));
        if (typeof decision === "object") return nextSchoolMoment(calendar, atSchoolTime(calendar, decision.snoozedUntil, calendar.dayStart), days);
      }
      return withinSchoolHours(calendar, now, days) ? null : nextSchoolMoment(calendar, now, days);
    } catch {
      return null;
    }
  };
}

export function startScheduler(o: SchedulerOptions): Scheduler {
  const clock = o.clock ?? (() => new Date());
  const log = o.logger.child({ component: "scheduler" });
  const worker = startOutbox({
    db: o.db,
    proactive: o.proactive,
    logger: o.logger,
    renderers: createRenderers(clock),
    clock,
    deferUntil: createDeferral(o.db, clock),
    ...(o.outboxIntervalSeconds ? { intervalSeconds: o.outboxIntervalSeconds } : {}),
    ...o.outboxHooks,
  });
  let producing: Promise<unknown> | undefined;
  const producer = createIncrementalProducer(o.db, { logger: log });
  const produce = async () => {
    // Never before the server listens or the first turn runs: the pass also yields between schools.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const result = await producer.tick(clock());
    if (result.enqueued > 0) log.info({ schools: result.schools, enqueued: result.enqueued }, "reminders queued");
    return result;
  };
  // Overlapping passes would only do double work; skip a tick while one runs.
  const task: ScheduledTask = cron.schedule("* * * * *", () => {
    if (producing) return;
    producing = produce()
      .catch((error: unknown) => log.error({ err: error }, "reminder producer failed"))
      .finally(() => (producing = undefined));
  });
  // A first pass right away, so a restart does not wait a minute.
  producing = produce()
    .catch((error: unknown) => log.error({ err: error }, "reminder producer failed"))
    .finally(() => (producing = undefined));
  return {
    worker,
    async runOnce() {
      const { enqueued } = await produceReminders(o.db, clock());
      const { sent } = await worker.tick();
      return { enqueued, sent };
    },
    async stop() {
      await task.stop();
      await producing;
      await worker.stop();
    },
  };
}

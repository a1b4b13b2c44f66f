// The daily retention run on this instance (with SCHEDULER on), then a staged roster whose school
// year has begun (rollover), then the housekeeping (bounded tables). node-cron only ticks; what is due is decided by runRetention from the clock. Several
// instances may run it: notices are keyed, a pupil another instance erased first is skipped
// (runRetention re-reads what is due each time), and housekeeping deletes only what it still finds.
import cron, { type ScheduledTask } from "node-cron";
import type { Db } from "../db/client.js";
import type { Logger } from "../logger.js";
import { runRetention, type SchoolRetention } from "../privacy/retention.js";
import { applyDueStagedRosters } from "../roster/stage-roster.js";
import { archiveEndedGroups } from "../roster/rollover.js";
import { runHousekeeping } from "./housekeeping.js";

/** 03:30 server time: after midnight in every school's zone in Europe, before anyone works. */
export const RETENTION_CRON = "30 3 * * *";

export interface RetentionJob {
  runOnce(): Promise<SchoolRetention[]>;
  stop(): Promise<void>;
}

export function startRetentionJob(o: { db: Db; logger: Logger; clock?: () => Date }): RetentionJob {
  const clock = o.clock ?? (() => new Date());
  const log = o.logger.child({ component: "retention" });
  let running: Promise<unknown> | undefined;
  const runOnce = async () => {
    const results = await runRetention(o.db, { now: clock() });
    for (const r of results) {
      if (r.receipts.length || r.auditRowsDeleted || r.noticesQueued) {
        log.info(
          {
            schoolId: r.schoolId,
            erased: r.receipts.length,
            receipts: r.receipts.map((x) => x.id),
            auditRowsDeleted: r.auditRowsDeleted,
            noticesQueued: r.noticesQueued,
          },
          "retention applied",
        );
      }
      // Nobody to tell a month ahead: those pupils stay (never erased unannounced) until an admin exists.
      if (r.untold.length) log.warn({ schoolId: r.schoolId, pupilsWaiting: r.untold.length }, "retention waits: the school has no active admin to notify");
    }
    // Next school year's roster takes effect on its first day (the school's own date).
    try {
      for (const r of await applyDueStagedRosters(o.db, clock())) {
        if (r.applied) log.info({ ...r, component: "rollover" }, "staged roster applied");
        else if ("error" in r) log.error({ schoolId: r.schoolId, schoolYear: r.schoolYear, err: r.error }, "staged roster failed; tried again next night");
        // How many, not who: `npm run cli -- rollover` lists the e-mails for whoever corrects the file.
        else
          log.warn(
            { schoolId: r.schoolId, schoolYear: r.schoolYear, inactiveTeachers: r.inactiveTeacherEmails.length, component: "rollover" },
            "staged roster not applied: it names staff who are no longer active",
          );
      }
      const archived = await archiveEndedGroups(o.db, clock());
      if (archived) log.info({ groupsArchived: archived }, "groups of an earlier school year archived");
    } catch (error) {
      log.error({ err: error }, "rollover failed");
    }
    // The bounded tables next; a failure here is logged and does not undo or hide the erasures.
    try {
      for (const h of await runHousekeeping(o.db, { now: clock() })) {
        if (h.outboxPruned || h.dialogsRemoved || h.roundsClosed) {
          log.info(
            { schoolId: h.schoolId, outboxPruned: h.outboxPruned, dialogsRemoved: h.dialogsRemoved, roundsClosed: h.roundsClosed },
            "housekeeping applied",
          );
        }
      }
    } catch (error) {
      log.error({ err: error }, "housekeeping failed");
    }
    return results;
  };
  const task: ScheduledTask = cron.schedule(RETENTION_CRON, () => {
    if (running) return;
    running = runOnce()
      .catch((error: unknown) => log.error({ err: error }, "retention run failed"))
      .finally(() => (running = undefined));
  });
  return {
    runOnce,
    async stop() {
      await task.stop();
      await running;
    },
  };
}

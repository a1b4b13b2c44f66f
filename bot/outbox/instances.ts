// How many instances are delivering right now, so they split the channels' shared limits
// (Teams allows 50 requests/s per app per tenant, whichever instance sends). An instance
// heartbeats while it has work and leaves when its queue runs dry; each sends at 1/n of the
// limit, where n counts the heartbeats younger than HEARTBEAT_STALE_MS. A crashed instance
// stops counting once its heartbeat is stale.
import type { Db } from "../db/client.js";

export const HEARTBEAT_STALE_MS = 10_000;

/** Records this instance as delivering and returns how many instances are (at least 1). */
export async function heartbeat(db: Db, workerId: string, now: Date): Promise<number> {
  await db.outboxWorker.upsert({ where: { id: workerId }, create: { id: workerId, heartbeatAt: now }, update: { heartbeatAt: now } });
  const live = await db.outboxWorker.count({ where: { heartbeatAt: { gt: new Date(now.getTime() - HEARTBEAT_STALE_MS) } } });
  return Math.max(1, live);
}

/** This instance has nothing to send: the others may use the whole limit again. */
export async function leave(db: Db, workerId: string, now: Date): Promise<void> {
  await db.outboxWorker.deleteMany({ where: { OR: [{ id: workerId }, { heartbeatAt: { lt: new Date(now.getTime() - 60 * HEARTBEAT_STALE_MS) } }] } });
}

/**
 * Counts this instance in while it delivers: a heartbeat now and every `everyMs`, each telling
 * `onCount` how many instances share the limits. `stop()` waits out a beat in flight (which would
 * count this instance in again) and leaves.
 */
export async function joinDelivering(
  db: Db,
  o: { workerId: string; clock: () => Date; everyMs: number; onCount: (instances: number) => void; onError: (error: unknown) => void },
): Promise<{ stop(): Promise<void> }> {
  o.onCount(await heartbeat(db, o.workerId, o.clock()));
  let beating: Promise<void> | undefined;
  const timer = setInterval(() => {
    beating ??= heartbeat(db, o.workerId, o.clock())
      .then(o.onCount)
      .catch(o.onError)
      .finally(() => (beating = undefined));
  }, o.everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await beating;
      await leave(db, o.workerId, o.clock()).catch(o.onError);
    },
  };
}

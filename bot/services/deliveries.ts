// A channel may deliver the same event twice: Slack retries one it thinks we missed
// (X-Slack-Retry-Num, the same event_id), and a payload can arrive twice (two instances, a proxy
// retry). Each delivery is claimed once in the database: the insert succeeds for exactly one
// caller across all instances; a unique-key violation means it was handled already.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client.js";
import { directSqlOf } from "../db/direct-sql.js";
import type { Channel } from "../domain/vocabulary.js";

/** Rows older than this are pruned: channels stop retrying after minutes, not days. */
const KEEP_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY = 500;

export class DeliveryLedger {
  private claims = 0;

  constructor(
    private readonly db: Db,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** True for the first caller with this key on this channel, false for every repeat. */
  async claim(channel: Channel, key: string): Promise<boolean> {
    // One plain statement on every Teams message and Slack request (Prisma's query compiler costs
    // more than the insert itself here); the unique (channel, key) decides, on either database.
    const inserted = await directSqlOf(this.db).run(
      `INSERT INTO "ProcessedDelivery" ("id", "channel", "key", "createdAt") VALUES (?, ?, ?, ?) ON CONFLICT ("channel", "key") DO NOTHING`,
      [randomUUID(), channel, key.slice(0, 255), new Date(this.clock())],
    );
    if (inserted !== 1) return false;
    if (++this.claims % PRUNE_EVERY === 0) {
      await this.db.processedDelivery.deleteMany({ where: { createdAt: { lt: new Date(this.clock() - KEEP_MS) } } }).catch(() => undefined);
    }
    return true;
  }
}

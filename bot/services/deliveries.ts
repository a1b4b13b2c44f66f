// A channel may deliver the same event twice: Slack retries one it thinks we missed
// (X-Slack-Retry-Num, the same event_id), and a payload can arrive twice (two instances, a proxy
// retry). Each delivery is claimed once in the database: the insert succeeds for exactly one
// caller across all instances; a key already taken means it was handled already.
import type { Db } from "../db/client.js";
import { directSqlOf, type SqlValue } from "../db/direct-sql.js";
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
    // more than the insert itself here); the key (channel, key) decides, on either database.
    const { sql, params } = this.claimStatement(channel, key);
    const inserted = await directSqlOf(this.db).run(sql, params);
    if (inserted !== 1) return false;
    await this.claimed();
    return true;
  }

  /**
   * The claim's insert, to run inside another statement (PostgreSQL: as a data-modifying CTE
   * before the turn's first read, see loadTurnActor): a row inserted is the claim won. Call
   * claimed() when it was.
   */
  claimStatement(channel: Channel, key: string): { sql: string; params: SqlValue[] } {
    return {
      sql: `INSERT INTO "ProcessedDelivery" ("channel", "key", "createdAt") VALUES (?, ?, ?) ON CONFLICT ("channel", "key") DO NOTHING`,
      params: [channel, key.slice(0, 255), new Date(this.clock())],
    };
  }

  /** Counts a claim won; every so often old rows are pruned. */
  async claimed(): Promise<void> {
    if (++this.claims % PRUNE_EVERY === 0) {
      await this.db.processedDelivery.deleteMany({ where: { createdAt: { lt: new Date(this.clock() - KEEP_MS) } } }).catch(() => undefined);
    }
  }
}

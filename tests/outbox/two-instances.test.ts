// Two instance processes, each with its own outbox worker and Teams adapter, deliver 10,000
// reminders from one PostgreSQL database to the fake Teams connector, which enforces Teams'
// limits with 429s, throws a 429 storm in the middle, and has the bot removed (403) for some
// teachers. Counted at the connector by idempotency key: nothing twice, nothing lost, and
// every undeliverable reminder reported to the admins. PostgreSQL only: SQLite is one instance.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { FakeConnector } from "../support/fake-connector.js";
import { runDelivery } from "./harness.js";

const MESSAGES = 10_000;
const BLOCKED = 50;
let database: TestDatabase;
const connector = new FakeConnector();

describe.skipIf(testProvider() !== "postgresql")("two instances on one PostgreSQL", () => {
  beforeAll(async () => {
    await connector.start();
    connector.enforceLimits = true;
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
    await connector.stop();
  });

  it("deliver 10,000 reminders exactly once through a 429 storm and a removed bot", async () => {
    const result = await runDelivery({
      databaseUrl: database.url,
      db: database.db,
      connector,
      instances: 2,
      messages: MESSAGES,
      tenants: 20,
      blocked: BLOCKED,
      storm: { afterDelivered: 3000, ms: 1500, retryAfterSeconds: 1 },
      timeoutMs: 150_000,
      reportDelayMs: 2000,
    });
    console.log(`two instances: ${JSON.stringify(result)}`);
    expect(result.duplicates).toBe(0);
    expect(result.lost).toBe(0);
    expect(result.delivered).toBe(MESSAGES - BLOCKED);
    // Each removed teacher's reminder is dead and reported to both admins, some reports
    // folded into one list per admin.
    expect(result.dead).toBe(BLOCKED);
    expect(result.deadUnreported).toBe(0);
    expect(result.reportsSent + result.reportsFolded).toBe(2 * BLOCKED);
    expect(result.statuses).toEqual({
      sent: MESSAGES - BLOCKED + result.reportsSent,
      dead: BLOCKED,
      ...(result.reportsFolded ? { cancelled: result.reportsFolded } : {}),
    });
    expect(result.throttled).toBeGreaterThan(0);
    expect(result.deliveringInstances).toBe(2);
  }, 200_000);
});

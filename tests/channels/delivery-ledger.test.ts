// The de-duplication of channel deliveries (bot/services/deliveries.ts) on a real database: a
// delivery a channel sends twice is handled once, across instances sharing the database, and the
// ledger forgets deliveries after a day so it does not grow without end.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DeliveryLedger } from "../../bot/services/deliveries.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse("2026-11-23T08:00:00.000Z");
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());
beforeEach(async () => {
  await t.db.processedDelivery.deleteMany();
});

describe(`delivery ledger on ${testProvider()}`, () => {
  it("handles a delivery once: a repeat on the same channel is recognised, also by another instance", async () => {
    const first = new DeliveryLedger(t.db, () => T0);
    const other = new DeliveryLedger(t.db, () => T0 + 1000);
    expect(await first.claim("slack", "Ev01")).toBe(true);
    expect(await first.claim("slack", "Ev01")).toBe(false);
    expect(await other.claim("slack", "Ev01")).toBe(false);
    expect(await t.db.processedDelivery.count()).toBe(1);
  });

  it("stamps a delivery with the current time when no clock is given", async () => {
    const before = Date.now();
    expect(await new DeliveryLedger(t.db).claim("teams", "now")).toBe(true);
    const stamped = (await t.db.processedDelivery.findFirstOrThrow()).createdAt.getTime();
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(Date.now());
  });

  it("the same key on another channel, or another key, is a delivery of its own", async () => {
    const ledger = new DeliveryLedger(t.db, () => T0);
    expect(await ledger.claim("slack", "123")).toBe(true);
    expect(await ledger.claim("teams", "123")).toBe(true);
    expect(await ledger.claim("teams", "124")).toBe(true);
    const rows = await t.db.processedDelivery.findMany({ orderBy: [{ channel: "asc" }, { key: "asc" }] });
    expect(rows.map((r) => [r.channel, r.key, r.createdAt.getTime()])).toEqual([
      ["slack", "123", T0],
      ["teams", "123", T0],
      ["teams", "124", T0],
    ]);
  });

  it("a very long key is kept to 255 characters: keys that agree that far are one delivery", async () => {
    const ledger = new DeliveryLedger(t.db, () => T0);
    const long = "x".repeat(255);
    expect(await ledger.claim("teams", `${long}a`)).toBe(true);
    expect(await ledger.claim("teams", `${long}b`)).toBe(false);
    expect((await t.db.processedDelivery.findFirstOrThrow()).key).toBe(long);
  });

  it("every 500th new delivery forgets those older than a day; repeats do not count towards it", async () => {
    let now = T0;
    const ledger = new DeliveryLedger(t.db, () => now);
    expect(await ledger.claim("slack", "old")).toBe(true);
    now = T0 + 10 * 60_000;
    expect(await ledger.claim("slack", "recent")).toBe(true);
    // A day and a minute later: "old" is past the day, "recent" is exactly a day old and stays.
    now = T0 + DAY + 10 * 60_000;
    for (let i = 3; i < 500; i++) {
      expect(await ledger.claim("teams", `m${i}`)).toBe(true);
      expect(await ledger.claim("teams", `m${i}`)).toBe(false);
    }
    // 499 claimed so far: nothing forgotten yet, so the old delivery is still recognised.
    expect(await ledger.claim("slack", "old")).toBe(false);
    expect(await t.db.processedDelivery.count({ where: { channel: "slack" } })).toBe(2);
    expect(await ledger.claim("teams", "m500")).toBe(true);
    const slack = await t.db.processedDelivery.findMany({ where: { channel: "slack" } });
    expect(slack.map((r) => r.key)).toEqual(["recent"]);
    expect(await t.db.processedDelivery.count()).toBe(499);
    // Forgotten: a channel retry after a day counts as new (channels stop retrying within minutes).
    expect(await ledger.claim("slack", "old")).toBe(true);
  });
});

// The fence around one claimed outbox row, on a real database: every state change touches only the
// row it is about, and only while its claim still holds. These are the properties an operator
// relies on when two instances share one queue (found as surviving mutants: issue 18).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { enqueue } from "../../bot/outbox/outbox.js";
import {
  beginSend,
  claimDue,
  completeFailed,
  completeRetry,
  completeSent,
  completeThrottled,
  findExpiredSends,
  type Claimed,
} from "../../bot/outbox/claims.js";
import { seedSchool, type SeededSchool } from "./support.js";

let database: TestDatabase;
let school: SeededSchool;
const T0 = new Date("2026-11-23T08:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const LEASE = 60_000;
let key = 0;

async function queue(dueAt = T0): Promise<string> {
  const idempotencyKey = `claims:${++key}`;
  await enqueue(database.db, { schoolId: school.schoolId, recipientStaffId: school.teacherIds[0]!, kind: "reminder", payload: {}, dueAt, idempotencyKey });
  return idempotencyKey;
}
const rowOf = (idempotencyKey: string) => database.db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey } });
/** Every row's state, to prove an update touched nothing else. */
const snapshot = async () =>
  (await database.db.outboxMessage.findMany({ orderBy: { idempotencyKey: "asc" } })).map((r) => ({
    key: r.idempotencyKey,
    status: r.status,
    dueAt: r.dueAt.toISOString(),
    attempts: r.attempts,
    lastError: r.lastError,
    leaseOwner: r.leaseOwner,
  }));

async function claimOne(now = T0): Promise<Claimed> {
  const [claimed] = await claimDue(database.db, { workerId: "w1", now, leaseMs: LEASE, limit: 1, kinds: ["reminder"] });
  if (!claimed) throw new Error("nothing claimed");
  return claimed;
}

beforeAll(async () => {
  database = await createTestDatabase();
  school = await seedSchool(database.db, { teachers: 2, connectorUrl: "http://127.0.0.1:9" });
});
afterAll(async () => database?.destroy());
beforeEach(async () => {
  await database.db.outboxMessage.deleteMany();
});

describe(`the claim fence on ${testProvider()}`, () => {
  it("claims the oldest due rows first, no more than asked, and leaves the rest pending", async () => {
    const keys = [await queue(at(3000)), await queue(at(1000)), await queue(at(2000)), await queue(at(60_000))];
    const claimed = await claimDue(database.db, { workerId: "w1", now: at(5000), leaseMs: LEASE, limit: 2, kinds: ["reminder"] });
    expect(claimed.map((c) => c.idempotencyKey)).toEqual([keys[1], keys[2]]);
    expect((await rowOf(keys[0]!)).status).toBe("pending");
    expect((await rowOf(keys[3]!)).status).toBe("pending");
  });

  it("a throttled send changes only its own row, and does not count as an attempt", async () => {
    const mine = await queue();
    const others = [await queue(at(10)), await queue(at(20))];
    const claimed = await claimOne(at(100));
    const attempt = (await beginSend(database.db, claimed, at(100), LEASE))!;
    const before = (await snapshot()).filter((r) => r.key !== mine);
    expect(await completeThrottled(database.db, claimed, attempt, at(30_000))).toBe(true);
    expect((await snapshot()).filter((r) => r.key !== mine)).toEqual(before);
    expect(await rowOf(mine)).toMatchObject({ status: "pending", attempts: 0, dueAt: at(30_000), lastError: "throttled" });
    expect(others).toHaveLength(2);
  });

  it("a retried send changes only its own row", async () => {
    const mine = await queue();
    await queue(at(10));
    const claimed = await claimOne(at(100));
    const attempt = (await beginSend(database.db, claimed, at(100), LEASE))!;
    const before = (await snapshot()).filter((r) => r.key !== mine);
    expect(await completeRetry(database.db, claimed, attempt, at(5000), "error 500")).toBe(true);
    expect((await snapshot()).filter((r) => r.key !== mine)).toEqual(before);
    expect(await rowOf(mine)).toMatchObject({ status: "pending", attempts: 1, lastError: "error 500" });
  });

  it("the lease at the start of a send covers the send, so no sweep takes it mid-send", async () => {
    await queue();
    const claimed = await claimOne(at(100));
    await beginSend(database.db, claimed, at(100), LEASE);
    const row = await database.db.outboxMessage.findFirstOrThrow();
    expect(row.leaseUntil!.getTime()).toBe(at(100 + LEASE).getTime());
    expect(await findExpiredSends(database.db, at(100 + LEASE - 1))).toEqual([]);
    expect((await findExpiredSends(database.db, at(100 + LEASE + 1))).map((e) => e.row.id)).toEqual([row.id]);
  });

  it("a worker that lost its claim neither completes the row nor queues a report", async () => {
    await queue();
    const lost = await claimOne(at(100));
    const attempt = (await beginSend(database.db, lost, at(100), LEASE))!;
    // Another instance's sweep found the lease expired and marked the send uncertain under a new owner.
    await database.db.outboxMessage.updateMany({ data: { leaseOwner: "w2:takeover", status: "uncertain" } });
    let reported = 0;
    expect(await completeFailed(database.db, lost, attempt, "dead", "403", async () => void reported++)).toBe(false);
    expect(reported).toBe(0);
    expect(await completeRetry(database.db, lost, attempt, at(5000), "500")).toBe(false);
    expect((await database.db.outboxMessage.findFirstOrThrow()).status).toBe("uncertain");
  });

  it("records a late success of a send a sweep had already marked uncertain", async () => {
    await queue();
    const claimed = await claimOne(at(100));
    const attempt = (await beginSend(database.db, claimed, at(100), LEASE))!;
    let reported = 0;
    // The sweep (same claim, same attempt) marks it uncertain and reports it…
    expect(await completeFailed(database.db, claimed, attempt, "uncertain", "lease expired", async () => void reported++)).toBe(true);
    expect(reported).toBe(1);
    // …then the slow send returns after all: the message did arrive.
    expect(await completeSent(database.db, claimed, attempt, at(200_000), "teams")).toBe(true);
    expect(await database.db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "sent", channel: "teams", lastError: null });
  });
});

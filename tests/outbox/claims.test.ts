// The fence around one claimed outbox row, on a real database: every state change touches only the
// row it is about, and only while its claim still holds. These are the properties an operator
// relies on when two instances share one queue (found as surviving mutants: issue 18).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { enqueue } from "../../bot/outbox/outbox.js";
import {
  beginSend,
  cancelClaim,
  claimDue,
  completeFailed,
  completeRetry,
  completeSent,
  completeThrottled,
  findExpiredSends,
  releaseClaim,
  type Claimed,
} from "../../bot/outbox/claims.js";
import { makeSchool, makeStaff } from "../support/fixtures.js";

let database: TestDatabase;
let school: { schoolId: string; teacherIds: string[] };
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

const claim = (now: Date, workerId = "w1", limit = 10) => claimDue(database.db, { workerId, now, leaseMs: LEASE, limit, kinds: ["reminder"] });

async function claimOne(now = T0, workerId = "w1"): Promise<Claimed> {
  const [claimed] = await claim(now, workerId, 1);
  if (!claimed) throw new Error("nothing claimed");
  return claimed;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { id } = await makeSchool(database.db);
  school = { schoolId: id, teacherIds: [(await makeStaff(database.db, id)).id, (await makeStaff(database.db, id)).id] };
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

  it("two workers claiming at the same moment each get only the rows they claimed", async () => {
    const keys = [await queue(at(1)), await queue(at(2)), await queue(at(3))];
    const first = await claim(at(100), "w1", 2);
    const second = await claim(at(100), "w2", 2);
    expect(first.map((c) => c.idempotencyKey)).toEqual([keys[0], keys[1]]);
    expect(second.map((c) => c.idempotencyKey)).toEqual([keys[2]]);
    expect(first[0]!.token).toMatch(/^w1:\w{8}$/);
    expect(first[1]!.token).toBe(first[0]!.token);
    expect(second[0]!.token).toMatch(/^w2:\w{8}$/);
    expect(await claim(at(100), "w1")).toEqual([]);
  });

  it("a message is due from its due time on, and only messages of the kinds asked for are claimed", async () => {
    const now = await queue(at(1000));
    await queue(at(1001));
    await enqueue(database.db, {
      schoolId: school.schoolId,
      recipientStaffId: school.teacherIds[0]!,
      kind: "newer_kind",
      payload: {},
      dueAt: T0,
      idempotencyKey: "other",
    });
    expect((await claim(at(1000))).map((c) => c.idempotencyKey)).toEqual([now]);
    expect((await rowOf("other")).status).toBe("pending");
    // A batch with no room left (a limit of zero or below) claims nothing.
    for (const limit of [0, -1]) expect(await claimDue(database.db, { workerId: "w1", now: at(5000), leaseMs: LEASE, limit, kinds: ["reminder"] })).toEqual([]);
    expect(await claimDue(database.db, { workerId: "w1", now: at(5000), leaseMs: LEASE, limit: 5, kinds: [] })).toEqual([]);
  });

  it("the claimed message carries what the renderer needs; a payload that does not parse comes as null", async () => {
    const idempotencyKey = "full";
    await enqueue(database.db, {
      schoolId: school.schoolId,
      recipientStaffId: school.teacherIds[1]!,
      kind: "reminder",
      subjectId: "round-1",
      payload: { roundId: "round-1", n: 2 },
      dueAt: T0,
      idempotencyKey,
    });
    const claimed = await claimOne(at(100));
    const { id } = await rowOf(idempotencyKey);
    expect(claimed).toEqual({
      id,
      schoolId: school.schoolId,
      recipientStaffId: school.teacherIds[1],
      kind: "reminder",
      subjectId: "round-1",
      payload: { roundId: "round-1", n: 2 },
      dueAt: T0,
      attempts: 0,
      idempotencyKey,
      token: claimed.token,
    });
    await releaseClaim(database.db, claimed, T0);
    await database.db.outboxMessage.update({ where: { id }, data: { payload: "{niet af" } });
    expect((await claimOne(at(200))).payload).toBeNull();
  });

  it("a claim whose send never began is taken over once its lease ran out, not before; the old claim is then lost", async () => {
    const key = await queue();
    const old = await claimOne(at(100), "w1");
    expect(await claim(at(100 + LEASE - 1), "w2")).toEqual([]);
    expect(await claim(at(100 + LEASE), "w2")).toEqual([]);
    const taken = await claim(at(100 + LEASE + 1), "w2");
    expect(taken.map((c) => c.idempotencyKey)).toEqual([key]);
    expect(await beginSend(database.db, old, at(100 + LEASE + 2), LEASE)).toBeNull();
    expect(await rowOf(key)).toMatchObject({ attempts: 0, leaseOwner: taken[0]!.token, sendStartedAt: null });
    expect(await beginSend(database.db, taken[0]!, at(100 + LEASE + 2), LEASE)).toBe(1);
  });

  it("a released claim is due again at the given time for anyone, without counting an attempt; a lost claim releases nothing", async () => {
    const key = await queue();
    const claimed = await claimOne(at(100));
    expect(await releaseClaim(database.db, claimed, at(50_000))).toBe(true);
    expect(await rowOf(key)).toMatchObject({ status: "pending", dueAt: at(50_000), attempts: 0, leaseOwner: null, leaseUntil: null, sendStartedAt: null });
    expect(await claim(at(49_999), "w2")).toEqual([]);
    const again = await claimOne(at(50_000), "w2");
    expect(await releaseClaim(database.db, claimed, at(90_000))).toBe(false);
    expect(await rowOf(key)).toMatchObject({ status: "sending", leaseOwner: again.token, dueAt: at(50_000) });
  });

  it("a cancelled claim is never sent; a lost claim cancels nothing", async () => {
    const key = await queue();
    const claimed = await claimOne(at(100));
    const copy = { ...claimed, token: "w9:00000000" };
    expect(await cancelClaim(database.db, copy)).toBe(false);
    expect(await cancelClaim(database.db, claimed)).toBe(true);
    expect(await rowOf(key)).toMatchObject({ status: "cancelled", leaseOwner: null, leaseUntil: null });
    expect(await claim(at(10 * LEASE))).toEqual([]);
  });

  it("a successful send records when and where it went, and clears the error of an earlier attempt", async () => {
    const key = await queue();
    const first = await claimOne(at(100));
    await completeRetry(database.db, first, (await beginSend(database.db, first, at(100), LEASE))!, at(1000), "error 500");
    const second = await claimOne(at(1000));
    const attempt = (await beginSend(database.db, second, at(1000), LEASE))!;
    expect(attempt).toBe(2);
    expect(await completeSent(database.db, second, attempt - 1, at(2000), "teams")).toBe(false); // another attempt's result
    expect(await completeSent(database.db, second, attempt, at(2000), undefined)).toBe(true);
    expect(await rowOf(key)).toMatchObject({
      status: "sent",
      sentAt: at(2000),
      channel: null,
      lastError: null,
      attempts: 2,
      leaseUntil: null,
      sendStartedAt: null,
    });
  });

  it("a send a sweep marked uncertain is never made due again by a late throttle or retry", async () => {
    const key = await queue();
    const claimed = await claimOne(at(100));
    const attempt = (await beginSend(database.db, claimed, at(100), LEASE))!;
    expect(await completeFailed(database.db, claimed, attempt, "uncertain", "lease expired", async () => undefined)).toBe(true);
    expect(await completeThrottled(database.db, claimed, attempt, at(5000))).toBe(false);
    expect(await completeRetry(database.db, claimed, attempt, at(5000), "500")).toBe(false);
    expect(await completeFailed(database.db, claimed, attempt, "dead", "403", async () => undefined)).toBe(false);
    expect(await rowOf(key)).toMatchObject({ status: "uncertain", lastError: "lease expired", leaseUntil: null });
  });

  it("a message is marked dead only together with its report: a report that cannot be queued leaves it to be found again", async () => {
    const key = await queue();
    const claimed = await claimOne(at(100));
    const attempt = (await beginSend(database.db, claimed, at(100), LEASE))!;
    const failing = completeFailed(database.db, claimed, attempt, "dead", "403", async () => {
      throw new Error("report not queued");
    });
    await expect(failing).rejects.toThrow("report not queued");
    expect(await rowOf(key)).toMatchObject({ status: "sending", lastError: null });
    expect(await completeFailed(database.db, claimed, attempt, "dead", "403", async () => undefined)).toBe(true);
    expect(await rowOf(key)).toMatchObject({ status: "dead", lastError: "403", leaseUntil: null });
    // A doubled result of the same attempt does not turn a dead message into a sent one.
    expect(await completeSent(database.db, claimed, attempt, at(200), "teams")).toBe(false);
    expect(await rowOf(key)).toMatchObject({ status: "dead", sentAt: null });
  });

  it("the sweep finds begun sends whose lease ran out, oldest first, with their own claim and attempt", async () => {
    const keys = [await queue(at(20)), await queue(at(10)), await queue(at(30))];
    // The oldest failed once before: its send now is the second attempt.
    const before = await claimOne(at(50));
    await completeRetry(database.db, before, (await beginSend(database.db, before, at(50), LEASE))!, at(10), "error 500");
    const [oldest, next] = await claim(at(100));
    expect([oldest!.idempotencyKey, next!.idempotencyKey]).toEqual([keys[1], keys[0]]);
    await beginSend(database.db, next!, at(100), LEASE);
    await beginSend(database.db, oldest!, at(100), LEASE);
    // The third row is claimed but its send never began: the claim expires, it is not the sweep's.
    expect(await findExpiredSends(database.db, at(100 + LEASE))).toEqual([]);
    const expired = await findExpiredSends(database.db, at(100 + LEASE + 1));
    expect(expired.map((e) => [e.row.idempotencyKey, e.row.token, e.attempt])).toEqual([
      [keys[1], oldest!.token, 2],
      [keys[0], oldest!.token, 1],
    ]);
  });
});

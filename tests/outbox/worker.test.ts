// The outbox engine on a real database (SQLite or PostgreSQL, per GW_TEST_DB), sending through
// the real Teams sender and TeamsAdapter to the fake Bot Connector. Time is the worker's
// injected clock, so leases and backoff are tested without waiting.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import pino from "pino";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { FakeConnector } from "../support/fake-connector.js";
import { cancelPending, enqueue } from "../../bot/outbox/outbox.js";
import { beginSend, claimDue, completeSent } from "../../bot/outbox/claims.js";
import { createOutboxWorker, type OutboxRenderer, type OutboxWorkerOptions } from "../../bot/outbox/worker.js";
import { listFailures } from "../../bot/outbox/failures.js";
import { heartbeat, leave } from "../../bot/outbox/instances.js";
import type { ProactiveSender } from "../../bot/proactive/send.js";
import { conversationOf, seedSchool, teamsProactive, teamsReference, tenantOf, type SeededSchool } from "./support.js";

let database: TestDatabase;
let connector: FakeConnector;
let proactive: ProactiveSender;
let school: SeededSchool;
const logger = pino({ level: "silent" });
const T0 = new Date("2026-11-23T08:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
let key = 0;

const renderers: Record<string, OutboxRenderer> = {
  reminder: async () => [{ text: "Herinnering: plan je kindgesprekken" }],
  gone: async () => null,
  pair: async () => [{ text: "Herinnering" }, { text: "Nog iets" }],
};

function worker(clock: () => Date, extra: Partial<OutboxWorkerOptions> = {}) {
  return createOutboxWorker({ db: database.db, proactive, renderers, logger, clock, leaseMs: 60_000, reportDelayMs: 0, ...extra });
}

async function queue(recipientStaffId: string, o: { kind?: string; dueAt?: Date; subjectId?: string } = {}) {
  const idempotencyKey = `test:${++key}`;
  await enqueue(database.db, {
    schoolId: school.schoolId,
    recipientStaffId,
    kind: o.kind ?? "reminder",
    ...(o.subjectId ? { subjectId: o.subjectId } : {}),
    payload: { n: key },
    dueAt: o.dueAt ?? T0,
    idempotencyKey,
  });
  return idempotencyKey;
}

const row = (idempotencyKey: string) => database.db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey } });
const teacher = (i: number) => school.teacherIds[i]!;

beforeAll(async () => {
  connector = new FakeConnector();
  await connector.start();
  database = await createTestDatabase();
  proactive = teamsProactive(database.db);
  school = await seedSchool(database.db, { teachers: 40, admins: 2, connectorUrl: connector.url, adminLocale: "en", withoutAddress: 1 });
});
afterAll(async () => {
  await database?.destroy();
  await connector?.stop();
});
beforeEach(async () => {
  // Each test starts with an empty queue.
  await database.db.outboxMessage.deleteMany();
});

describe(`outbox on ${testProvider()}`, () => {
  it("enqueues once per idempotency key and never revives a sent or cancelled message", async () => {
    const message = {
      schoolId: school.schoolId,
      recipientStaffId: teacher(1),
      kind: "reminder",
      subjectId: "round-1",
      payload: {},
      dueAt: T0,
      idempotencyKey: "dup:1",
    };
    expect(await enqueue(database.db, message)).toBe(true);
    expect(await enqueue(database.db, message)).toBe(false);
    expect(await enqueue(database.db, { ...message, dueAt: at(1000) })).toBe(false);
    expect(await database.db.outboxMessage.count({ where: { idempotencyKey: "dup:1" } })).toBe(1);

    expect(await cancelPending(database.db, { subjectId: "round-1", kinds: ["reminder"] })).toBe(1);
    expect(await enqueue(database.db, message)).toBe(false);
    expect((await row("dup:1")).status).toBe("cancelled");
    expect((await worker(() => at(1000)).tick()).claimed).toBe(0);
  });

  it("a duplicate inside a transaction does not break the transaction", async () => {
    const { inTransaction } = await import("../../bot/db/transaction.js");
    const message = { schoolId: school.schoolId, recipientStaffId: teacher(1), kind: "reminder", payload: {}, dueAt: T0, idempotencyKey: "dup:tx" };
    await enqueue(database.db, message);
    const result = await inTransaction(database.db, async (tx) => {
      const again = await enqueue(tx, message);
      const other = await enqueue(tx, { ...message, idempotencyKey: "dup:tx2" });
      return [again, other];
    });
    expect(result).toEqual([false, true]);
    expect(await database.db.outboxMessage.count({ where: { idempotencyKey: { in: ["dup:tx", "dup:tx2"] } } })).toBe(2);
  });

  it("claims due rows with a lease, sends once with the idempotency key, and completes", async () => {
    const due = await queue(teacher(2));
    const later = await queue(teacher(3), { dueAt: at(60_000) });
    const result = await worker(() => T0).tick();
    expect(result).toMatchObject({ claimed: 1, sent: 1 });
    expect(connector.deliveries.get(due)).toBe(1);
    expect(connector.deliveries.has(later)).toBe(false);
    const sent = await row(due);
    expect(sent).toMatchObject({ status: "sent", attempts: 1, channel: "teams", leaseUntil: null });
    expect(sent.sentAt).toEqual(T0);
    // The activity carries the key where the connector (and Teams) can see it.
    const activity = connector.sentTo(conversationOf(teacher(2))).at(-1)!;
    expect(activity.activity.channelData).toMatchObject({ gesprekswijzer: { idempotencyKey: due, part: 1 } });
    expect((await row(later)).status).toBe("pending");
  });

  it("two workers claiming at the same moment get disjoint rows", async () => {
    for (let i = 0; i < 20; i++) await queue(teacher(4 + (i % 10)));
    const claim = (workerId: string) => claimDue(database.db, { workerId, now: T0, leaseMs: 60_000, limit: 15, kinds: ["reminder"] });
    const [a, b] = await Promise.all([claim("A"), claim("B")]);
    const ids = [...a, ...b].map((r) => r.id);
    expect(ids.length).toBe(20);
    expect(new Set(ids).size).toBe(20);
    expect(await database.db.outboxMessage.count({ where: { status: "sending" } })).toBe(20);
  });

  it("re-claims a row stuck in 'sending' (restart between claim and send) only after its lease expires", async () => {
    const k = await queue(teacher(5));
    const [claimed] = await claimDue(database.db, { workerId: "crashed", now: T0, leaseMs: 60_000, limit: 10, kinds: ["reminder"] });
    expect(claimed?.idempotencyKey).toBe(k);
    // The crashed instance never sends. While its lease holds, nobody else takes the row.
    expect((await worker(() => at(59_000)).tick()).claimed).toBe(0);
    const result = await worker(() => at(61_000)).tick();
    expect(result).toMatchObject({ claimed: 1, sent: 1 });
    expect(connector.deliveries.get(k)).toBe(1);
    expect(await row(k)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("a stale worker can neither send nor complete after its lease was taken over", async () => {
    const k = await queue(teacher(6));
    const [stale] = await claimDue(database.db, { workerId: "slow", now: T0, leaseMs: 60_000, limit: 10, kinds: ["reminder"] });
    expect(stale).toBeTruthy();
    await worker(() => at(61_000), { workerId: "fresh" }).tick();
    const fresh = await row(k);
    expect(fresh).toMatchObject({ status: "sent", attempts: 1 });
    expect(fresh.leaseOwner).toMatch(/^fresh:/);
    // The slow worker wakes up: its claim is gone, so it may not begin a send…
    expect(await beginSend(database.db, stale!, at(62_000), 60_000)).toBeNull();
    // …and its completion, for the attempt number the fresh worker used, changes nothing.
    expect(await completeSent(database.db, stale!, 1, at(62_000), "teams")).toBe(false);
    expect((await row(k)).leaseOwner).toBe(fresh.leaseOwner);
    expect(connector.deliveries.get(k)).toBe(1);
  });

  it("a send that began under an expired lease is marked uncertain and reported, never re-sent", async () => {
    const k = await queue(teacher(7));
    const [claimed] = await claimDue(database.db, { workerId: "died", now: T0, leaseMs: 60_000, limit: 10, kinds: ["reminder"] });
    expect(await beginSend(database.db, claimed!, T0, 60_000)).toBe(1);
    // The instance dies mid-send. After the lease, another worker sweeps it.
    const result = await worker(() => at(61_000)).tick();
    expect(await row(k)).toMatchObject({ status: "uncertain", lastError: "lease_expired_during_send" });
    expect(connector.deliveries.has(k)).toBe(false);
    // The same tick delivers the reports to both admins (and nothing else).
    expect(result).toMatchObject({ dead: 1, sent: 2 });
    const reports = await database.db.outboxMessage.findMany({ where: { kind: "undeliverable_report", subjectId: claimed!.id } });
    expect(reports.map((r) => [r.recipientStaffId, r.status]).sort()).toEqual(school.adminIds.map((a) => [a, "sent"]).sort());
    expect((await row(k)).reportedAt).toEqual(at(61_000));
  });

  it("honours a 429's Retry-After without counting it as a failed attempt", async () => {
    const k = await queue(teacher(8));
    // The SDK retries a 429 itself (three times); the fourth reaches the outbox.
    for (let i = 0; i < 3; i++) connector.failNext(conversationOf(teacher(8)), { status: 429, retryAfterSeconds: 0 });
    connector.failNext(conversationOf(teacher(8)), { status: 429, retryAfterSeconds: 2 });
    const first = await worker(() => T0).tick();
    expect(first).toMatchObject({ claimed: 1, retried: 1, sent: 0 });
    const throttled = await row(k);
    expect(throttled).toMatchObject({ status: "pending", attempts: 0, lastError: "throttled" });
    expect(throttled.dueAt).toEqual(at(2000));
    expect((await worker(() => at(1999)).tick()).claimed).toBe(0);
    // This instance's sender still holds the conversation off (Retry-After, in real time): the
    // row goes back unsent rather than holding a lane, and no attempt is counted.
    expect(await worker(() => at(2000)).tick()).toMatchObject({ claimed: 1, sent: 0, deferred: 1 });
    expect(await row(k)).toMatchObject({ status: "pending", attempts: 0 });
    // Another instance (its own limits) sends it once it is due again.
    expect(await worker(() => at(10_000), { proactive: teamsProactive(database.db) }).tick()).toMatchObject({ claimed: 1, sent: 1 });
    expect(connector.deliveries.get(k)).toBe(1);
  });

  it("a removed bot (403) makes the message dead and reports it to the admins, in their language", async () => {
    connector.block(conversationOf(teacher(9)), 403);
    const k = await queue(teacher(9));
    expect(await worker(() => T0).tick()).toMatchObject({ claimed: 1, dead: 1 });
    const dead = await row(k);
    expect(dead).toMatchObject({ status: "dead", lastError: "blocked", reportedAt: null });
    expect((await database.db.channelAddress.findFirstOrThrow({ where: { staffId: teacher(9) } })).status).toBe("blocked");
    expect((await listFailures(database.db, { unreportedOnly: true })).map((f) => f.id)).toEqual([dead.id]);

    // The next tick delivers the reports; one delivered report marks the message reported.
    expect(await worker(() => at(1000)).tick()).toMatchObject({ claimed: 2, sent: 2 });
    const admin = school.adminIds[0]!;
    const report = connector.sentTo(conversationOf(admin)).at(-1)!;
    expect(String(report.activity.text)).toContain("could not deliver a message to <b>Leerkracht 9</b>");
    expect(String(report.activity.text)).toContain("removed or blocked");
    expect(String(report.activity.text)).not.toContain("Herinnering");
    expect((await row(k)).reportedAt).toEqual(at(1000));
    expect(await listFailures(database.db, { unreportedOnly: true })).toEqual([]);
    expect((await listFailures(database.db)).map((f) => f.id)).toEqual([dead.id]);
  });

  it("reports wait a minute, and an admin gets one list for a burst of failures", async () => {
    const blocked = [17, 18, 19].map(teacher);
    for (const id of blocked) connector.block(conversationOf(id), 403);
    const keys = [];
    for (const id of blocked) keys.push(await queue(id));
    expect(await worker(() => T0, { reportDelayMs: 60_000 }).tick()).toMatchObject({ dead: 3, sent: 0 });
    expect(await database.db.outboxMessage.count({ where: { kind: "undeliverable_report", status: "pending", dueAt: at(60_000) } })).toBe(6);
    const before = connector.sentTo(conversationOf(school.adminIds[1]!)).length;
    expect(await worker(() => at(60_000)).tick()).toMatchObject({ sent: 2 });
    const sent = connector.sentTo(conversationOf(school.adminIds[1]!)).slice(before);
    expect(sent).toHaveLength(1);
    const text = String(sent[0]!.activity.text);
    expect(text).toContain("could not deliver 3 messages");
    for (const n of [17, 18, 19]) expect(text).toContain(`<b>Leerkracht ${n}</b>`);
    expect(text).toContain("app removed or blocked");
    for (const k of keys) expect((await row(k)).reportedAt).toEqual(at(60_000));
    const reports = await database.db.outboxMessage.groupBy({ by: ["status"], where: { kind: "undeliverable_report" }, _count: { _all: true } });
    expect(Object.fromEntries(reports.map((r) => [r.status, r._count._all]))).toEqual({ sent: 2, cancelled: 4 });
  });

  it("a teacher who installs the app after a reminder was due still gets it", async () => {
    const k = await queue(teacher(0)); // not installed yet
    await worker(() => T0, { noAddressWaitMs: 500 }).tick();
    expect(await row(k)).toMatchObject({ status: "pending", lastError: "no_address" });
    await database.db.channelAddress.create({
      data: { staffId: teacher(0), channel: "teams", reference: JSON.stringify(teamsReference(connector.url, teacher(0), tenantOf(0))) },
    });
    await worker(() => at(500), { noAddressWaitMs: 500 }).tick();
    expect(await row(k)).toMatchObject({ status: "sent" });
    await database.db.channelAddress.deleteMany({ where: { staffId: teacher(0) } });
  });

  it("a teacher without any address is tried again later, then reported; a report that cannot be delivered stays listed", async () => {
    const k = await queue(teacher(0)); // seeded without an address: the app is not installed yet
    await worker(() => T0, { maxAttempts: 2, noAddressWaitMs: 500 }).tick();
    expect(await row(k)).toMatchObject({ status: "pending", lastError: "no_address", dueAt: at(500) });
    await worker(() => at(500), { maxAttempts: 2, noAddressWaitMs: 500 }).tick();
    expect(await row(k)).toMatchObject({ status: "dead", lastError: "no_address" });
    for (const admin of school.adminIds) connector.block(conversationOf(admin), 403);
    await worker(() => at(1000)).tick();
    const reports = await database.db.outboxMessage.findMany({ where: { kind: "undeliverable_report", subjectId: (await row(k)).id } });
    expect(reports.map((r) => r.status)).toEqual(["dead", "dead"]);
    // Reports about reports are not made; the operator's list shows all three, none reported.
    expect(await database.db.outboxMessage.count({ where: { kind: "undeliverable_report" } })).toBe(2);
    const failures = await listFailures(database.db, { unreportedOnly: true });
    expect(failures.map((f) => f.kind).sort()).toEqual(["reminder", "undeliverable_report", "undeliverable_report"]);
    // Restore the admins' chats for later tests.
    await database.db.channelAddress.updateMany({ where: { staffId: { in: school.adminIds } }, data: { status: "active" } });
    for (const admin of school.adminIds) connector.unblock(conversationOf(admin));
  });

  it("retries failures with exponential backoff and gives up after maxAttempts", async () => {
    const k = await queue(teacher(10));
    for (let i = 0; i < 3; i++) connector.failNext(conversationOf(teacher(10)), { status: 400 });
    const backoff = { baseMs: 10_000, maxMs: 3_600_000 };
    let now = T0;
    const w = worker(() => now, { maxAttempts: 3, backoff });
    expect(await w.tick()).toMatchObject({ retried: 1 });
    const first = await row(k);
    expect(first).toMatchObject({ status: "pending", attempts: 1, lastError: "error:400" });
    const wait1 = first.dueAt.getTime() - now.getTime();
    expect(wait1).toBeGreaterThanOrEqual(8000);
    expect(wait1).toBeLessThanOrEqual(12_000);
    now = first.dueAt;
    expect(await w.tick()).toMatchObject({ retried: 1 });
    const second = await row(k);
    const wait2 = second.dueAt.getTime() - now.getTime();
    expect(wait2).toBeGreaterThanOrEqual(16_000);
    expect(wait2).toBeLessThanOrEqual(24_000);
    now = second.dueAt;
    expect(await w.tick()).toMatchObject({ dead: 1 });
    expect(await row(k)).toMatchObject({ status: "dead", attempts: 3, lastError: "error:400" });
    expect(connector.deliveries.has(k)).toBe(false);
    expect(await database.db.outboxMessage.count({ where: { kind: "undeliverable_report", subjectId: first.id } })).toBe(2);
  });

  it("a 5xx is uncertain: not sent again, reported", async () => {
    const k = await queue(teacher(11));
    connector.failNext(conversationOf(teacher(11)), { status: 502, acceptAnyway: true });
    expect(await worker(() => T0).tick()).toMatchObject({ dead: 1 });
    expect(await row(k)).toMatchObject({ status: "uncertain", lastError: "uncertain:502" });
    expect(connector.deliveries.get(k)).toBe(1);
    await worker(() => at(3_600_000)).tick();
    expect(connector.deliveries.get(k)).toBe(1);
  });

  it("a message of several activities: each part once; a failure after the first part is uncertain, not re-sent", async () => {
    const whole = await queue(teacher(15), { kind: "pair" });
    const broken = await queue(teacher(16), { kind: "pair" });
    connector.failNext(conversationOf(teacher(16)), { status: 200 });
    connector.failNext(conversationOf(teacher(16)), { status: 400 });
    expect(await worker(() => T0).tick()).toMatchObject({ claimed: 2, sent: 1, dead: 1 });
    expect([connector.deliveries.get(whole), connector.deliveries.get(`${whole}#2`)]).toEqual([1, 1]);
    expect(await row(broken)).toMatchObject({ status: "uncertain", lastError: "uncertain:partial:400" });
    await worker(() => at(3_600_000)).tick();
    expect([connector.deliveries.get(broken), connector.deliveries.get(`${broken}#2`)]).toEqual([1, undefined]);
  });

  it("deferUntil postpones a message without counting an attempt; a null render cancels", async () => {
    const k = await queue(teacher(12));
    const gone = await queue(teacher(13), { kind: "gone" });
    const morning = at(3_600_000);
    const w = worker(() => T0, { deferUntil: async (m, now) => (m.kind === "reminder" && now < morning ? morning : null) });
    expect(await w.tick()).toMatchObject({ claimed: 2, deferred: 1, cancelled: 1, sent: 0 });
    expect(await row(k)).toMatchObject({ status: "pending", attempts: 0, dueAt: morning, leaseOwner: null });
    expect(await row(gone)).toMatchObject({ status: "cancelled" });
    const later = worker(() => morning, { deferUntil: async (_m, now) => (now < morning ? morning : null) });
    expect(await later.tick()).toMatchObject({ claimed: 1, sent: 1 });
    expect(connector.deliveries.get(k)).toBe(1);
    expect(connector.deliveries.has(gone)).toBe(false);
  });

  it("leaves kinds it cannot render to a worker that can", async () => {
    const k = await queue(teacher(14), { kind: "future_kind" });
    expect((await worker(() => T0).tick()).claimed).toBe(0);
    expect((await row(k)).status).toBe("pending");
  });

  it("instances split the shared limits by their heartbeats", async () => {
    expect(await heartbeat(database.db, "one", T0)).toBe(1);
    expect(await heartbeat(database.db, "two", at(1000))).toBe(2);
    // A stale heartbeat (a crashed instance) stops counting.
    expect(await heartbeat(database.db, "one", at(20_000))).toBe(1);
    await leave(database.db, "one", at(20_000));
    await leave(database.db, "two", at(20_000));
    expect(await database.db.outboxWorker.count()).toBe(0);
  });
});

// The pure parts of delivery pacing: retry backoff, and the rate limiter's share of a limit
// (several instances) and hold-off after a 429, and the outbox's queue of rows waiting for a limit.
import { describe, expect, it } from "vitest";
import { retryDelayMs } from "../../bot/outbox/backoff.js";
import { RateLimiter } from "../../bot/proactive/rate-limiter.js";
import { PacedQueue } from "../../bot/outbox/paced-queue.js";

describe("retry backoff", () => {
  const policy = { baseMs: 30_000, maxMs: 3_600_000 };
  it("doubles per attempt, with ±20 % jitter, up to the cap", () => {
    expect(retryDelayMs(1, policy, 0.5)).toBe(30_000);
    expect(retryDelayMs(2, policy, 0.5)).toBe(60_000);
    expect(retryDelayMs(3, policy, 0.5)).toBe(120_000);
    expect(retryDelayMs(1, policy, 0)).toBe(24_000);
    expect(retryDelayMs(1, policy, 0.9999)).toBeCloseTo(36_000, -1);
    expect(retryDelayMs(20, policy, 0.9999)).toBe(3_600_000);
  });
});

describe("rate limiter", () => {
  function limiter() {
    let now = 0;
    const sleeps: number[] = [];
    const l = new RateLimiter(
      () => [{ max: 50, perMs: 1000 }],
      () => now,
      async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    );
    return { l, sleeps, advance: (ms: number) => (now += ms), now: () => now };
  }

  it("keeps one instance's share of a limit: half of 50 per second with two instances", async () => {
    const { l, now } = limiter();
    l.setShare(1 / 2);
    for (let i = 0; i < 75; i++) await l.acquire(["tenant:x"]);
    // 25 now, 25 after one second, 25 after two.
    expect(now()).toBe(2000);
    l.setShare(1);
    const { l: full, now: fullNow } = limiter();
    for (let i = 0; i < 75; i++) await full.acquire(["tenant:x"]);
    expect(fullNow()).toBe(1000);
  });

  it("counts sends made behind its back (an SDK's retries) against the limit", async () => {
    const { l, now } = limiter();
    for (let i = 0; i < 40; i++) await l.acquire(["tenant:x"]);
    l.charge(["tenant:x"], 10);
    await l.acquire(["tenant:x"]);
    expect(now()).toBe(1000);
  });

  it("holds a throttled key back for the Retry-After", async () => {
    const { l, now } = limiter();
    l.holdOff("conversation:a", 3000);
    await l.acquire(["conversation:b"]);
    expect(now()).toBe(0);
    await l.acquire(["conversation:a"]);
    expect(now()).toBe(3000);
  });
});

describe("paced queue", () => {
  it("skips rows behind a full limit until it has room, and keeps claim order otherwise", () => {
    const q = new PacedQueue<string>();
    for (const row of ["a1", "a2", "b1"]) q.add(row);
    expect(q.take(0)).toBe("a1");
    // a1's tenant is full for 100 ms: a1 waits, and a2 (same tenant, not yet asked) is still offered once.
    q.postpone("a1", 0, 100, "tenant:a");
    expect(q.take(0)).toBe("a2");
    q.postpone("a2", 10, 100, "tenant:a");
    // Both wait behind tenant a (free at 110); b1 goes first.
    expect(q.take(20)).toBe("b1");
    expect(q.take(20)).toBeUndefined();
    expect(q.soonest()).toBe(110);
    expect(q.take(110)).toBe("a1");
    expect(q.takeAll()).toEqual(["a2"]);
    expect(q.size).toBe(0);
  });
});

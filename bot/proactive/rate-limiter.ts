// Sliding-window rate limits per key (a conversation, a tenant, a channel). acquire() waits until
// every key has room, then records the send. Limits come from the platforms' documented quotas;
// with several instances each takes its share of them (setShare), and a key the platform
// throttled anyway waits out the Retry-After (holdOff).
export interface Window {
  max: number;
  perMs: number;
}

export class RateLimiter {
  private readonly sent = new Map<string, number[]>();
  private readonly heldUntil = new Map<string, number>();
  private share = 1;
  private acquired = 0;

  constructor(
    private readonly windows: (key: string) => Window[],
    private readonly clock: () => number = () => Date.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** This instance's fraction of every limit (1/n with n instances sending). */
  setShare(fraction: number): void {
    this.share = Math.min(1, Math.max(0, fraction));
  }

  /** No sends under this key until `ms` from now (the platform answered 429 with Retry-After). */
  holdOff(key: string, ms: number): void {
    this.heldUntil.set(key, Math.max(this.heldUntil.get(key) ?? 0, this.clock() + ms));
  }

  /** How long until a send under all keys fits; 0 when it fits now. */
  waitFor(keys: string[]): number {
    const now = this.clock();
    let wait = 0;
    for (const key of keys) {
      const held = this.heldUntil.get(key);
      if (held !== undefined) {
        if (held > now) wait = Math.max(wait, held - now);
        else this.heldUntil.delete(key);
      }
      const times = this.sent.get(key) ?? [];
      for (const window of this.windows(key)) {
        const perMs = window.perMs;
        const max = Math.max(1, Math.floor(window.max * this.share));
        const inWindow = times.filter((t) => t > now - perMs);
        if (inWindow.length >= max) wait = Math.max(wait, inWindow[inWindow.length - max]! + perMs - now);
      }
    }
    return wait;
  }

  async acquire(keys: string[]): Promise<void> {
    for (let wait = this.waitFor(keys); wait > 0; wait = this.waitFor(keys)) await this.sleep(wait);
    this.charge(keys);
  }

  /** Records sends that happened without acquire (a library's own retries), so later sends make room for them. */
  charge(keys: string[], count = 1): void {
    const now = this.clock();
    for (const key of keys) {
      const longest = Math.max(...this.windows(key).map((w) => w.perMs));
      const times = (this.sent.get(key) ?? []).filter((t) => t > now - longest);
      for (let i = 0; i < count; i++) times.push(now);
      this.sent.set(key, times);
    }
    if (++this.acquired % 1000 === 0) this.forgetIdleKeys(now);
  }

  /** Keys unused for longer than their longest window hold nothing; keep the map small. */
  private forgetIdleKeys(now: number): void {
    for (const [key, times] of this.sent) {
      const longest = Math.max(...this.windows(key).map((w) => w.perMs));
      if (!times.length || times[times.length - 1]! <= now - longest) this.sent.delete(key);
    }
  }
}

// Sliding-window rate limits per key (a conversation, a tenant, a channel). acquire() waits until
// every key has room, then records the send. Limits come from the platforms' documented quotas.
export interface Window {
  max: number;
  perMs: number;
}

export class RateLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly windows: (key: string) => Window[],
    private readonly clock: () => number = () => Date.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** How long until a send under all keys fits; 0 when it fits now. */
  waitFor(keys: string[]): number {
    const now = this.clock();
    let wait = 0;
    for (const key of keys) {
      const times = this.sent.get(key) ?? [];
      for (const { max, perMs } of this.windows(key)) {
        const inWindow = times.filter((t) => t > now - perMs);
        if (inWindow.length >= max) wait = Math.max(wait, inWindow[inWindow.length - max]! + perMs - now);
      }
    }
    return wait;
  }

  async acquire(keys: string[]): Promise<void> {
    for (let wait = this.waitFor(keys); wait > 0; wait = this.waitFor(keys)) await this.sleep(wait);
    const now = this.clock();
    for (const key of keys) {
      const longest = Math.max(...this.windows(key).map((w) => w.perMs));
      const times = (this.sent.get(key) ?? []).filter((t) => t > now - longest);
      times.push(now);
      this.sent.set(key, times);
    }
  }
}

// Claimed rows waiting for their channel's rate limits, in claim order. A row stopped by a full
// limit (a tenant, a conversation) remembers that limit's key; rows behind the same key are
// skipped until it has room again without asking the channel, so a tenant's backlog of hundreds
// costs one check per send, not one per row.
const MAX_KEYS = 10_000;

interface Waiting<T> {
  item: T;
  notBefore: number;
  key?: string;
}

export class PacedQueue<T> {
  private readonly waiting: Waiting<T>[] = [];
  private readonly keyFree = new Map<string, number>();

  get size(): number {
    return this.waiting.length;
  }

  add(item: T): void {
    this.waiting.push({ item, notBefore: 0 });
  }

  private readyAt(w: Waiting<T>): number {
    return Math.max(w.notBefore, (w.key && this.keyFree.get(w.key)) || 0);
  }

  /** Takes out the first item that may go at `now`: out, so no other lane takes it too. */
  take(now: number): T | undefined {
    const index = this.waiting.findIndex((w) => this.readyAt(w) <= now);
    return index < 0 ? undefined : this.waiting.splice(index, 1)[0]!.item;
  }

  /** Puts an item back to wait `waitMs`; `key` names the full limit, which holds its other items too. */
  postpone(item: T, now: number, waitMs: number, key?: string): void {
    if (key) {
      if (this.keyFree.size >= MAX_KEYS) this.keyFree.clear();
      this.keyFree.set(key, now + waitMs);
    }
    this.waiting.push({ item, notBefore: now + waitMs, ...(key ? { key } : {}) });
  }

  /** When the first waiting item may go (Infinity when none waits). */
  soonest(): number {
    return Math.min(...this.waiting.map((w) => this.readyAt(w)));
  }

  takeAll(): T[] {
    return this.waiting.splice(0).map((w) => w.item);
  }
}

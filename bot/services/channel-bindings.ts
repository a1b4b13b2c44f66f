// Only workspaces and tenants bound to a school (ChannelBinding) are served. A channel checks
// this on every request, so the answer is cached briefly: a binding removed now stops within TTL.
import type { Db } from "../db/client.js";
import type { Channel } from "../domain/vocabulary.js";

export class WorkspaceBindings {
  private readonly cache = new Map<string, { bound: boolean; until: number }>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 30_000,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  async isBound(channel: Channel, tenantId: string): Promise<boolean> {
    const key = `${channel}|${tenantId}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > this.clock()) return hit.bound;
    const binding = await this.db.channelBinding.findFirst({ where: { channel, externalId: tenantId }, select: { id: true } });
    if (this.cache.size > 1000) this.cache.clear();
    this.cache.set(key, { bound: binding !== null, until: this.clock() + this.ttlMs });
    return binding !== null;
  }
}

// Only workspaces bound to a school (ChannelBinding channel "slack", externalId = team id) are
// served. Checked on every request, with a short cache: a binding removed now stops within TTL.
import type { Db } from "../../bot/db/client.js";

export class BoundTeams {
  private readonly cache = new Map<string, { bound: boolean; until: number }>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 30_000,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  async isBound(teamId: string | undefined): Promise<boolean> {
    if (!teamId) return false;
    const hit = this.cache.get(teamId);
    if (hit && hit.until > this.clock()) return hit.bound;
    const binding = await this.db.channelBinding.findFirst({ where: { channel: "slack", externalId: teamId }, select: { id: true } });
    if (this.cache.size > 1000) this.cache.clear();
    this.cache.set(teamId, { bound: binding !== null, until: this.clock() + this.ttlMs });
    return binding !== null;
  }
}

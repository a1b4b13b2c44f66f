// Where to reach a member of staff proactively: the channel's conversation reference, stored
// durably when the app is installed or first used. The reference is opaque to the core.
import type { Db } from "../db/client.js";
import type { Channel } from "../domain/vocabulary.js";

export interface ChannelAddressRecord {
  staffId: string;
  channel: Channel;
  reference: unknown;
  status: "active" | "blocked";
}

export async function saveAddress(db: Db, staffId: string, channel: Channel, reference: unknown): Promise<void> {
  const json = JSON.stringify(reference);
  await db.channelAddress.upsert({
    where: { staffId_channel: { staffId, channel } },
    create: { staffId, channel, reference: json },
    // Hearing from the person again means the installation works again.
    update: { reference: json, status: "active" },
  });
}

export async function findAddresses(db: Db, staffId: string): Promise<ChannelAddressRecord[]> {
  const rows = await db.channelAddress.findMany({ where: { staffId }, orderBy: { updatedAt: "desc" } });
  return rows.map((r) => ({
    staffId: r.staffId,
    channel: r.channel as Channel,
    reference: JSON.parse(r.reference) as unknown,
    status: r.status as "active" | "blocked",
  }));
}

/** The installation was removed or the user blocked the bot (403/404): stop sending there. */
export async function markAddressBlocked(db: Db, staffId: string, channel: Channel): Promise<void> {
  await db.channelAddress.updateMany({ where: { staffId, channel }, data: { status: "blocked" } });
}

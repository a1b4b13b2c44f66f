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

/**
 * Where to reach someone whose staff record has no address yet, but who chats with the bot as the
 * same person (the same e-mail) from another school bound to the same tenant or workspace: a record
 * added after her channel account was linked. Her chat serves every record; the address is copied.
 */
export async function adoptPersonAddress(db: Db, staffId: string): Promise<ChannelAddressRecord | null> {
  const self = await db.staff.findUnique({
    where: { id: staffId },
    select: { email: true, active: true, school: { select: { bindings: { select: { channel: true, externalId: true } } } } },
  });
  if (!self?.active || self.school.bindings.length === 0) return null;
  const found = await db.channelAddress.findFirst({
    where: {
      status: "active",
      OR: self.school.bindings.map((b) => ({
        channel: b.channel,
        staff: { email: self.email, active: true, id: { not: staffId }, school: { bindings: { some: { channel: b.channel, externalId: b.externalId } } } },
      })),
    },
    orderBy: { updatedAt: "desc" },
  });
  if (!found) return null;
  const reference = JSON.parse(found.reference) as unknown;
  await saveAddress(db, staffId, found.channel as Channel, reference);
  return { staffId, channel: found.channel as Channel, reference, status: "active" };
}

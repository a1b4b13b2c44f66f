// The core's proactive-send API: the scheduler (and anything else) sends a message to a member
// of staff without knowing the channel. Each channel registers a sender; a blocked or removed
// installation is recorded and reported, never thrown into a send loop.
import type { Db } from "../db/client.js";
import type { Channel } from "../domain/vocabulary.js";
import type { BotReply, ChannelSender, SendOptions, SendOutcome } from "../channel/types.js";

export type { ChannelSender, SendOptions, SendOutcome };
import { Locale } from "../domain/vocabulary.js";
import { createFileLink } from "./file-links.js";
import { findAddresses, markAddressBlocked } from "./channel-addresses.js";

export class ProactiveSender {
  private readonly senders = new Map<Channel, ChannelSender>();

  /** `publicBaseUrl` makes file links absolute (a proactive message has no request to be relative to). */
  constructor(
    private readonly db: Db,
    private readonly publicBaseUrl = "",
  ) {}

  register(sender: ChannelSender): void {
    this.senders.set(sender.channel, sender);
  }

  /** Several instances share the platforms' limits: the outbox worker sets each one's share. */
  setShare(fraction: number): void {
    for (const sender of this.senders.values()) sender.setShare?.(fraction);
  }

  /** Sends to the person's most recently used active channel that has a sender. */
  async sendToStaff(staffId: string, messages: BotReply[], options: SendOptions = {}): Promise<SendOutcome & { channel?: Channel }> {
    const addresses = (await findAddresses(this.db, staffId)).filter((a) => a.status === "active" && this.senders.has(a.channel));
    const address = addresses[0];
    if (!address) return { ok: false, permanent: true, reason: "no_address" };
    const staff = await this.db.staff.findUnique({ where: { id: staffId }, select: { locale: true, school: { select: { locale: true } } } });
    const filled: SendOptions = {
      locale: Locale.catch("nl").parse(staff?.locale ?? staff?.school.locale),
      linkFor: async (file) => `${this.publicBaseUrl}/files/${await createFileLink(this.db, { staffId, ...file })}`,
      ...options,
    };
    let outcome: SendOutcome;
    try {
      outcome = await this.senders.get(address.channel)!.send(address.reference, messages, filled);
    } catch (error) {
      outcome = { ok: false, permanent: false, reason: "error", detail: error instanceof Error ? error.name : "unknown" };
    }
    if (!outcome.ok && outcome.permanent) await markAddressBlocked(this.db, staffId, address.channel);
    return { ...outcome, channel: address.channel };
  }
}

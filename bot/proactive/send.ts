// The core's proactive-send API: the scheduler (and anything else) sends a message to a member
// of staff without knowing the channel. Each channel registers a sender; a blocked or removed
// installation is recorded and reported, never thrown into a send loop.
import type { Db } from "../db/client.js";
import type { Channel } from "../domain/vocabulary.js";
import type { BotReply, FileAttachment } from "../channel/types.js";
import { Locale } from "../domain/vocabulary.js";
import { createFileLink } from "../services/file-links.js";
import { findAddresses, markAddressBlocked } from "../services/channel-addresses.js";

export type SendOutcome =
  | { ok: true }
  /** Permanent: the bot was removed or blocked (403/404), or there is no address. */
  | { ok: false; permanent: true; reason: "blocked" | "not_found" | "no_address" }
  /** Retry later: throttled (429) with the wait the platform asked for. */
  | { ok: false; permanent: false; reason: "throttled"; retryAfterMs: number }
  /** The platform may or may not have accepted it (5xx, timeout): do not blindly send again. */
  | { ok: false; permanent: false; reason: "uncertain" | "error"; detail: string };

export interface SendOptions {
  /**
   * The outbox message's idempotency key. Channels carry it along with the message (Teams in
   * channelData, Slack in message metadata) so a delivery can be traced and duplicates detected.
   */
  idempotencyKey?: string;
  /** The recipient's language, for the channel's own labels. Filled in by ProactiveSender. */
  locale?: Locale;
  /** A download link for a file offered in the message (a printable form). Filled in by ProactiveSender. */
  linkFor?: (file: FileAttachment) => Promise<string>;
}

export interface ChannelSender {
  channel: Channel;
  send(reference: unknown, messages: BotReply[], options?: SendOptions): Promise<SendOutcome>;
  /** This instance's fraction of the channel's rate limits, when n instances send (1/n). */
  setShare?(fraction: number): void;
}

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

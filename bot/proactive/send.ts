// The core's proactive-send API: the scheduler (and anything else) sends a message to a member
// of staff without knowing the channel. Each channel registers a sender; a blocked or removed
// installation is recorded and reported, never thrown into a send loop.
import type { Db } from "../db/client.js";
import type { Channel } from "../domain/vocabulary.js";
import type { BotReply, ChannelSender, Readiness, SendOptions, SendOutcome } from "../channel/types.js";

export type { ChannelSender, Readiness, SendOptions, SendOutcome };
import { Locale } from "../domain/vocabulary.js";
import { createFileLink } from "./file-links.js";
import { adoptPersonAddress, findAddresses, markAddressBlocked } from "./channel-addresses.js";
import { worksAtSeveralSchools } from "../auth/person-schools.js";
import { translate } from "../i18n/translate.js";

/**
 * A message to someone who works at several schools says which school it is about: the school's
 * name heads its first text (every reminder, card and report goes through sendToStaff).
 */
function headedBySchool(messages: BotReply[], header: string): BotReply[] {
  const [first, ...rest] = messages;
  if (first?.text !== undefined) return [{ ...first, text: `${header}\n${first.text}` }, ...rest];
  return [{ text: header }, ...messages];
}

/** Addresses kept for pacing (readyIn); a board's staff fit many times over. */
const MAX_PACE_ADDRESSES = 20_000;

export class ProactiveSender {
  private readonly senders = new Map<Channel, ChannelSender>();
  // Only for readyIn: a stale address at worst paces one send wrongly; sendToStaff reads afresh.
  private readonly paceAddresses = new Map<string, { channel: Channel; reference: unknown } | null>();

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

  /**
   * How long until a message to this person fits their channel's rate limits (0: now). The outbox
   * sends another message meanwhile, so a throttled tenant or conversation holds nobody else back.
   */
  async readyIn(staffId: string): Promise<Readiness> {
    let address = this.paceAddresses.get(staffId);
    if (address === undefined) {
      const found = (await findAddresses(this.db, staffId)).find((a) => a.status === "active" && this.senders.has(a.channel));
      address = found ? { channel: found.channel, reference: found.reference } : null;
      if (this.paceAddresses.size >= MAX_PACE_ADDRESSES) this.paceAddresses.clear();
      this.paceAddresses.set(staffId, address);
    }
    if (!address) return { waitMs: 0 };
    const readiness = this.senders.get(address.channel)?.readyIn?.(address.reference);
    if (!readiness?.waitMs) return { waitMs: 0 };
    return { waitMs: readiness.waitMs, ...(readiness.key ? { key: `${address.channel}:${readiness.key}` } : {}) };
  }

  /** Sends to the person's most recently used active channel that has a sender. */
  async sendToStaff(staffId: string, messages: BotReply[], options: SendOptions = {}): Promise<SendOutcome & { channel?: Channel }> {
    const addresses = (await findAddresses(this.db, staffId)).filter((a) => a.status === "active" && this.senders.has(a.channel));
    let address = addresses[0];
    if (!address) {
      const adopted = await adoptPersonAddress(this.db, staffId);
      if (adopted && this.senders.has(adopted.channel)) address = adopted;
    }
    if (!address) return { ok: false, permanent: true, reason: "no_address" };
    const staff = await this.db.staff.findUnique({
      where: { id: staffId },
      select: { locale: true, email: true, school: { select: { locale: true, name: true } } },
    });
    const locale = Locale.catch("nl").parse(staff?.locale ?? staff?.school.locale);
    const school = staff && (await worksAtSeveralSchools(this.db, staff.email)) ? staff.school.name : null;
    const headed = school ? headedBySchool(messages, translate(locale, "school.proactiveHeader", { school })) : messages;
    const filled: SendOptions = {
      locale,
      linkFor: async (file) => `${this.publicBaseUrl}/files/${await createFileLink(this.db, { staffId, ...file })}`,
      ...options,
    };
    let outcome: SendOutcome;
    try {
      outcome = await this.senders.get(address.channel)!.send(address.reference, headed, filled);
    } catch (error) {
      outcome = { ok: false, permanent: false, reason: "error", detail: error instanceof Error ? error.name : "unknown" };
    }
    if (!outcome.ok && outcome.permanent) await markAddressBlocked(this.db, staffId, address.channel);
    return { ...outcome, channel: address.channel };
  }
}

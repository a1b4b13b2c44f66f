// Maps a channel user to a Staff member of a served school. On first contact the e-mail is
// matched against the roster and the channel identity is remembered.
import type { Db } from "../db/client.js";
import { UnknownTenantError, UnknownUserError } from "../errors.js";
import type { ChannelUser } from "../channel/types.js";
import { recordUnknownUser } from "../auth/refusals.js";
import { isUniqueViolation } from "../db/errors.js";

async function servedSchoolIds(db: Db, user: ChannelUser): Promise<string[] | null> {
  // The terminal chat runs on the server itself: its operator is trusted with any school.
  if (user.channel === "local") return null;
  if (!user.tenantId) throw new UnknownTenantError();
  const bindings = await db.channelBinding.findMany({
    where: { channel: user.channel, externalId: user.tenantId },
    select: { schoolId: true },
  });
  if (bindings.length === 0) throw new UnknownTenantError();
  return bindings.map((b) => b.schoolId);
}

/**
 * Remembers recent channel-user → staff mappings for a short time: resolving them costs two
 * queries on every turn. Safe to cache because loadActor re-reads the staff member (active,
 * roles, groups) on every turn; only a tenant unbound in the last minute is still served.
 */
export class IdentityCache {
  private readonly entries = new Map<string, { staffId: string; until: number }>();
  constructor(
    private readonly ttlMs = 60_000,
    private readonly clock: () => number = () => Date.now(),
  ) {}
  private key(user: ChannelUser): string {
    return `${user.channel}|${user.tenantId ?? ""}|${user.externalId}`;
  }
  get(user: ChannelUser): string | undefined {
    const entry = this.entries.get(this.key(user));
    return entry && entry.until > this.clock() ? entry.staffId : undefined;
  }
  set(user: ChannelUser, staffId: string): void {
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(this.key(user), { staffId, until: this.clock() + this.ttlMs });
  }
}

export async function resolveStaffId(db: Db, user: ChannelUser, cache?: IdentityCache): Promise<string> {
  const cached = cache?.get(user);
  if (cached) return cached;
  const staffId = await resolveUncached(db, user);
  cache?.set(user, staffId);
  return staffId;
}

async function resolveUncached(db: Db, user: ChannelUser, retried = false): Promise<string> {
  const schoolIds = await servedSchoolIds(db, user);
  const inServedSchool = (schoolId: string) => schoolIds === null || schoolIds.includes(schoolId);

  const identity = await db.staffIdentity.findUnique({
    where: { channel_externalId: { channel: user.channel, externalId: user.externalId } },
    include: { staff: { select: { id: true, active: true, schoolId: true } } },
  });
  if (identity) {
    if (identity.staff.active && inServedSchool(identity.staff.schoolId)) return identity.staff.id;
    if (schoolIds) await recordUnknownUser(db, schoolIds, inServedSchool(identity.staff.schoolId) ? identity.staff.id : null);
    throw new UnknownUserError();
  }

  const email = (user.email ?? (await user.lookupEmail?.()))?.trim().toLowerCase();
  if (!email) {
    if (schoolIds) await recordUnknownUser(db, schoolIds, null);
    throw new UnknownUserError();
  }
  const staff = await db.staff.findFirst({
    where: { email, active: true, ...(schoolIds ? { schoolId: { in: schoolIds } } : {}) },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!staff) {
    if (schoolIds) await recordUnknownUser(db, schoolIds, null);
    throw new UnknownUserError();
  }
  // Local "identities" are e-mails typed at the terminal; only real channel ids are remembered.
  if (user.channel !== "local") {
    try {
      await db.staffIdentity.upsert({
        where: { channel_externalId: { channel: user.channel, externalId: user.externalId } },
        create: { staffId: staff.id, channel: user.channel, externalId: user.externalId },
        update: {},
      });
    } catch (error) {
      // A first contact that arrives as several requests at once: another one linked this account
      // a moment ago (PostgreSQL runs them side by side). That link is the one to use.
      if (!isUniqueViolation(error) || retried) throw error;
      return resolveUncached(db, user, true);
    }
  }
  return staff.id;
}

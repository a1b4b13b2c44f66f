// Maps a channel user to a Staff member of a served school. On first contact the e-mail is
// matched against the roster and the channel identity is remembered. A person with staff records
// at several served schools (one board, one tenant) chooses one: the identity remembers the choice
// (StaffIdentity.staffId is the school she acts for now), and `school <naam>` moves it.
import type { Db } from "../db/client.js";
import { UnknownTenantError, UnknownUserError } from "../errors.js";
import type { ChannelUser } from "../channel/types.js";
import { recordUnknownUser } from "../auth/refusals.js";
import { isUniqueViolation } from "../db/errors.js";
import { staffSchoolsByEmail, type StaffSchool } from "../auth/person-schools.js";

/** The schools bound to the user's tenant or workspace; null: any school (the terminal chat). */
export async function servedSchoolIds(db: Db, user: ChannelUser): Promise<string[] | null> {
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

/** Who a channel user is: one staff record, or a person who still has to choose among several. */
export type Identified = { kind: "staff"; staffId: string; cached?: boolean } | { kind: "chooseSchool"; options: StaffSchool[] };

/**
 * Remembers recent channel-user → staff mappings for a short time: resolving them costs two
 * queries on every turn. Safe to cache because loadActor re-reads the staff member (active,
 * roles, groups) on every turn, and the turn's actor statement also reads the identity's current
 * staff row, so a school switched on another instance counts at once (handle-turn.ts); only a
 * tenant unbound in the last minute is still served.
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
  forget(user: ChannelUser): void {
    this.entries.delete(this.key(user));
  }
}

export async function identify(db: Db, user: ChannelUser, cache?: IdentityCache): Promise<Identified> {
  const cached = cache?.get(user);
  if (cached) return { kind: "staff", staffId: cached, cached: true };
  const found = await identifyUncached(db, user);
  if (found.kind === "staff") cache?.set(user, found.staffId);
  return found;
}

/** The staff record acting for this user; a person who has not chosen a school yet is not one (yet). */
export async function resolveStaffId(db: Db, user: ChannelUser, cache?: IdentityCache): Promise<string> {
  const found = await identify(db, user, cache);
  if (found.kind === "staff") return found.staffId;
  throw new UnknownUserError();
}

/** Every staff record this user may act as (one per served school): to reach her at each of them. */
export async function staffRecordsOf(db: Db, user: ChannelUser): Promise<StaffSchool[]> {
  const found = await identify(db, user);
  if (found.kind === "chooseSchool") return found.options;
  const schoolIds = await servedSchoolIds(db, user);
  const self = await db.staff.findUniqueOrThrow({ where: { id: found.staffId }, select: { email: true } });
  return staffSchoolsByEmail(db, self.email, schoolIds);
}

/** Remembers (or moves) the staff record this channel user acts as: her choice of school. */
export async function linkIdentity(db: Db, user: ChannelUser, staffId: string, cache?: IdentityCache): Promise<void> {
  const key = { channel_externalId: { channel: user.channel, externalId: user.externalId } };
  try {
    await db.staffIdentity.upsert({ where: key, create: { staffId, channel: user.channel, externalId: user.externalId }, update: { staffId } });
  } catch (error) {
    // Two first choices at once (PostgreSQL runs them side by side): the other one created the row.
    if (!isUniqueViolation(error)) throw error;
    await db.staffIdentity.update({ where: key, data: { staffId } });
  }
  cache?.set(user, staffId);
}

async function identifyUncached(db: Db, user: ChannelUser, retried = false): Promise<Identified> {
  const schoolIds = await servedSchoolIds(db, user);
  const inServedSchool = (schoolId: string) => schoolIds === null || schoolIds.includes(schoolId);

  const identity = await db.staffIdentity.findUnique({
    where: { channel_externalId: { channel: user.channel, externalId: user.externalId } },
    include: { staff: { select: { id: true, active: true, schoolId: true, email: true } } },
  });
  if (identity) {
    if (identity.staff.active && inServedSchool(identity.staff.schoolId)) return { kind: "staff", staffId: identity.staff.id };
    // The remembered school is no longer hers (she left it, or it was unbound): her other schools, if any.
    const others = await staffSchoolsByEmail(db, identity.staff.email, schoolIds);
    if (others.length > 1) return { kind: "chooseSchool", options: others };
    if (others.length === 1) {
      await linkIdentity(db, user, others[0]!.staffId);
      return { kind: "staff", staffId: others[0]!.staffId };
    }
    if (schoolIds) await recordUnknownUser(db, schoolIds, inServedSchool(identity.staff.schoolId) ? identity.staff.id : null);
    throw new UnknownUserError();
  }

  const email = (user.email ?? (await user.lookupEmail?.()))?.trim().toLowerCase();
  if (!email) {
    if (schoolIds) await recordUnknownUser(db, schoolIds, null);
    throw new UnknownUserError();
  }
  const matches = await staffSchoolsByEmail(db, email, schoolIds);
  if (matches.length === 0) {
    if (schoolIds) await recordUnknownUser(db, schoolIds, null);
    throw new UnknownUserError();
  }
  // Staff at several served schools: nothing is remembered until she chooses (school-choice.ts).
  if (matches.length > 1) return { kind: "chooseSchool", options: matches };
  const staffId = matches[0]!.staffId;
  // Local "identities" are e-mails typed at the terminal; only real channel ids are remembered
  // (a terminal user who works at several schools is remembered once she chooses one).
  if (user.channel !== "local") {
    try {
      await db.staffIdentity.upsert({
        where: { channel_externalId: { channel: user.channel, externalId: user.externalId } },
        create: { staffId, channel: user.channel, externalId: user.externalId },
        update: {},
      });
    } catch (error) {
      // A first contact that arrives as several requests at once: another one linked this account
      // a moment ago (PostgreSQL runs them side by side). That link is the one to use.
      if (!isUniqueViolation(error) || retried) throw error;
      return identifyUncached(db, user, true);
    }
  }
  return { kind: "staff", staffId };
}

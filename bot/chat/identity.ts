// Maps a channel user to a Staff member of a served school. On first contact the e-mail is
// matched against the roster and the channel identity is remembered.
import type { Db } from "../db/client.js";
import { UnknownTenantError, UnknownUserError } from "../errors.js";
import type { ChannelUser } from "./types.js";

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

export async function resolveStaffId(db: Db, user: ChannelUser): Promise<string> {
  const schoolIds = await servedSchoolIds(db, user);
  const inServedSchool = (schoolId: string) => schoolIds === null || schoolIds.includes(schoolId);

  const identity = await db.staffIdentity.findUnique({
    where: { channel_externalId: { channel: user.channel, externalId: user.externalId } },
    include: { staff: { select: { id: true, active: true, schoolId: true } } },
  });
  if (identity) {
    if (identity.staff.active && inServedSchool(identity.staff.schoolId)) return identity.staff.id;
    throw new UnknownUserError();
  }

  const email = (user.email ?? (await user.lookupEmail?.()))?.trim().toLowerCase();
  if (!email) throw new UnknownUserError();
  const staff = await db.staff.findFirst({
    where: { email, active: true, ...(schoolIds ? { schoolId: { in: schoolIds } } : {}) },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!staff) throw new UnknownUserError();
  // Local "identities" are e-mails typed at the terminal; only real channel ids are remembered.
  if (user.channel !== "local") {
    await db.staffIdentity.upsert({
      where: { channel_externalId: { channel: user.channel, externalId: user.externalId } },
      create: { staffId: staff.id, channel: user.channel, externalId: user.externalId },
      update: {},
    });
  }
  return staff.id;
}

// Test wiring for the outbox: a school whose staff have Teams addresses pointing at the fake
// connector, and the core's ProactiveSender with the real Teams sender on a real TeamsAdapter.
import { randomUUID } from "node:crypto";
import type { Db } from "../../bot/db/client.js";
import { ProactiveSender } from "../../bot/proactive/send.js";
import { createTeamsAdapter } from "../../adapters/teams/teams-channel.js";
import { createTeamsSender } from "../../adapters/teams/teams-sender.js";

export const conversationOf = (staffId: string) => `a:personal-${staffId}`;
export const tenantOf = (index: number) => `tenant-${String(index).padStart(4, "0")}-0000-0000-0000-000000000000`;

export function teamsReference(connectorUrl: string, staffId: string, tenantId: string) {
  // What TurnContext.getConversationReference stores for a personal chat.
  return {
    channelId: "msteams",
    serviceUrl: connectorUrl,
    conversation: { id: conversationOf(staffId), conversationType: "personal", tenantId },
    user: { id: `29:${staffId}`, aadObjectId: staffId },
    bot: { id: "28:gesprekswijzer", name: "Gesprekswijzer" },
    locale: "nl-NL",
  };
}

export interface SeededSchool {
  schoolId: string;
  teacherIds: string[];
  adminIds: string[];
}

/** A school with `teachers` teachers and `admins` admins, spread over `tenants` Teams tenants. */
export async function seedSchool(
  db: Db,
  o: { teachers: number; admins?: number; tenants?: number; connectorUrl: string; adminLocale?: "nl" | "en"; withoutAddress?: number; tenantOffset?: number },
): Promise<SeededSchool> {
  const school = await db.school.create({ data: { name: `Outboxschool ${randomUUID().slice(0, 6)}` } });
  const tenants = o.tenants ?? 1;
  const teacherIds = Array.from({ length: o.teachers }, (_, i) => `t${String(i).padStart(5, "0")}-${school.id.slice(-6)}`);
  const adminIds = Array.from({ length: o.admins ?? 1 }, (_, i) => `a${i}-${school.id.slice(-6)}`);
  const staff = [
    ...teacherIds.map((id, i) => ({ id, schoolId: school.id, email: `leerkracht${i}@school.example`, displayName: `Leerkracht ${i}` })),
    ...adminIds.map((id, i) => ({ id, schoolId: school.id, email: `beheer${i}@school.example`, displayName: `Beheerder ${i}`, locale: o.adminLocale ?? null })),
  ];
  for (let i = 0; i < staff.length; i += 1000) await db.staff.createMany({ data: staff.slice(i, i + 1000) });
  await db.staffRole.createMany({
    data: [...teacherIds.map((staffId) => ({ staffId, role: "teacher" })), ...adminIds.map((staffId) => ({ staffId, role: "admin" }))],
  });
  const withAddress = [...teacherIds.slice(o.withoutAddress ?? 0), ...adminIds];
  const addresses = withAddress.map((staffId, i) => ({
    staffId,
    channel: "teams",
    reference: JSON.stringify(teamsReference(o.connectorUrl, staffId, tenantOf((o.tenantOffset ?? 0) + (i % tenants)))),
  }));
  for (let i = 0; i < addresses.length; i += 1000) await db.channelAddress.createMany({ data: addresses.slice(i, i + 1000) });
  return { schoolId: school.id, teacherIds, adminIds };
}

/** The core's proactive sender with the real Teams sender (local mode: no credentials). */
export function teamsProactive(db: Db): ProactiveSender {
  const adapter = createTeamsAdapter({ appType: "MultiTenant", localMode: true });
  const proactive = new ProactiveSender(db);
  proactive.register(createTeamsSender(adapter, ""));
  return proactive;
}

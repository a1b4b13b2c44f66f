// The smallest world a dialog test needs: one school, one group with one pupil, and the group's
// teachers; and the core as every channel reaches it, quiet.
import pino from "pino";
import { createCore } from "../../app/core.js";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { ChannelUser } from "../../bot/channel/types.js";
import type { Db } from "../../bot/db/client.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "./fixtures.js";
import { createTestDatabase, type TestDatabase } from "./test-db.js";

export interface OneClass {
  t: TestDatabase;
  schoolId: string;
  groupId: string;
  pupilId: string;
  /** The teachers' staff ids, in the order their e-mails were given. */
  staffIds: string[];
}

export async function oneClass(spec: { teachers: string[]; pupil?: string; group?: string; bouw?: string }): Promise<OneClass> {
  const t = await createTestDatabase();
  const school = await makeSchool(t.db);
  const group = await makeGroup(t.db, school.id, spec.group ?? "groep 5", spec.bouw ?? "middenbouw");
  const pupil = await makePupil(t.db, school.id, group.id, spec.pupil ?? "Sam");
  const staffIds: string[] = [];
  for (const email of spec.teachers) staffIds.push((await makeStaff(t.db, school.id, { groups: [group.id], email })).id);
  return { t, schoolId: school.id, groupId: group.id, pupilId: pupil.id, staffIds };
}

/** A member of staff typing in the local (terminal) channel. */
export const localUser = (email: string): ChannelUser => ({ channel: "local", externalId: email, email });

/** The core with its dialogs, logging nothing. */
export const quietCore = (db: Db, clock?: () => Date): BotCore =>
  createCore({ db, logger: pino({ level: "silent" }), defaultLocale: "nl", ...(clock ? { clock } : {}) });

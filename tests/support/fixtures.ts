// Small builders for test data with sensible defaults and overrides.
import type { Db } from "../../bot/db/client.js";

let counter = 0;
const next = () => ++counter;

export async function makeSchool(db: Db, name = `School ${next()}`) {
  return db.school.create({ data: { name } });
}

export async function makeGroup(db: Db, schoolId: string, name = "groep 4", bouw = "middenbouw") {
  return db.group.create({ data: { schoolId, name, bouw, yearLevels: name.replace(/\D+/g, ","), schoolYear: "2026-2027" } });
}

export interface StaffSpec {
  roles?: Array<{ role: string; bouw?: string }>;
  groups?: string[];
  supports?: string[];
  active?: boolean;
  email?: string;
}

export async function makeStaff(db: Db, schoolId: string, spec: StaffSpec = {}) {
  const n = next();
  const staff = await db.staff.create({
    data: {
      schoolId,
      email: spec.email ?? `staff${n}@test.example`,
      displayName: `Staff ${n}`,
      active: spec.active ?? true,
      roles: { create: (spec.roles ?? [{ role: "teacher" }]).map((r) => ({ role: r.role, bouw: r.bouw ?? null })) },
      groups: { create: (spec.groups ?? []).map((groupId) => ({ groupId })) },
      supports: { create: (spec.supports ?? []).map((pupilId) => ({ pupilId })) },
    },
  });
  return staff;
}

export async function makePupil(db: Db, schoolId: string, groupId: string | null, firstName = `Kind${next()}`) {
  return db.pupil.create({ data: { schoolId, groupId, externalId: `ext-${next()}`, firstName, lastName: "T." } });
}

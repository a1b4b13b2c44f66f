// The fictional demo school: the school setup file and the administration export in prisma/seed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "../db/client.js";
import { applySchoolSetup, importRoster } from "./index.js";
import { holidayData } from "./holiday-data.js";
import { confirmClosures, proposeClosures } from "./school-holidays.js";
import { AppError, ErrorCode } from "../errors.js";
import { localDate } from "../domain/local-time.js";
import { addDays, weekStart } from "../domain/school-calendar.js";

const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/seed");
export const DEMO_SCHOOL_NAME = "OBS De Regenboog (demo)";
/** The demo teacher (groep 5); also the Teams playground's default user. */
export const DEMO_TEACHER_EMAIL = "alex.wilber@regenboog.example";

export interface DemoSeedResult {
  schoolId: string;
  pupils: number;
  staff: number;
}

/** Creates or refreshes the demo school. Idempotent: running it twice changes nothing. */
export async function seedDemoSchool(db: Db): Promise<DemoSeedResult> {
  const setupFile = readFileSync(path.join(SEED_DIR, "demo-school.json"), "utf8");
  const setup = await applySchoolSetup(db, setupFile);
  const roster = await importRoster(db, {
    schoolId: setup.schoolId,
    schoolYear: setup.schoolYear,
    csvText: readFileSync(path.join(SEED_DIR, "demo-roster.csv"), "utf8"),
  });
  if (!roster.ok) throw new AppError(ErrorCode.ImportRejected, "the demo roster did not import", roster.errors);
  // The IB'er's pupils (ibAssignments) come with the roster: applied again, the setup links them.
  if (setup.unknownPupilIds.length) await applySchoolSetup(db, setupFile);
  await confirmDemoHolidays(db, setup.schoolId, setup.schoolYear);
  await seedDemoRound(db, setup.schoolId);
  const [pupils, staff] = await Promise.all([
    db.pupil.count({ where: { schoolId: setup.schoolId, active: true } }),
    db.staff.count({ where: { schoolId: setup.schoolId, active: true } }),
  ]);
  return { schoolId: setup.schoolId, pupils, staff };
}

/**
 * The demo school confirms its region's (midden) holidays, summer holiday included, as proposed,
 * for its school year and every later one the data file covers. A year the file lacks keeps the
 * setup file's own closures (2026-2027: see "notCovered" in school-holidays-nl.json).
 */
async function confirmDemoHolidays(db: Db, schoolId: string, schoolYear: string): Promise<void> {
  for (const year of Object.keys(holidayData().schoolYears).sort()) {
    if (year < schoolYear) continue;
    await confirmClosures(db, await proposeClosures(db, { school: schoolId, schoolYear: year }));
  }
}

/**
 * A running round for the middenbouw (this week and the next three), so the demo shows planning
 * and reminders at once. Only when the school has no round yet: seeding again changes nothing.
 */
async function seedDemoRound(db: Db, schoolId: string): Promise<void> {
  if ((await db.round.count({ where: { schoolId } })) > 0) return;
  const leader = await db.staff.findFirst({ where: { schoolId, roles: { some: { role: "team_leader", bouw: "middenbouw" } } } });
  const groups = await db.group.findMany({ where: { schoolId, bouw: "middenbouw" }, select: { id: true } });
  if (!leader || groups.length === 0) return;
  const school = await db.school.findUniqueOrThrow({ where: { id: schoolId } });
  const start = weekStart(localDate(new Date(), school.timezone));
  await db.round.create({
    data: {
      schoolId,
      name: "Kindgesprekken najaar (demo)",
      formatKey: "middenbouw-kindgesprek",
      bouw: "middenbouw",
      startDate: start,
      endDate: addDays(start, 25),
      evaluationIntervalDays: 42,
      createdById: leader.id,
      groups: { create: groups.map((g) => ({ groupId: g.id })) },
    },
  });
}

/**
 * The Agents Playground's mock users, as demo staff (the first is the one typing): the demo
 * teacher, her duo-partner, a team leader, the IB'er and the director.
 */
export const PLAYGROUND_USERS = [
  { id: "user-id-0", name: "Alex Wilber", aadObjectId: "00000000-0000-0000-0000-0000000000020", email: DEMO_TEACHER_EMAIL },
  { id: "user-id-1", name: "Mirjam Tulpendaal", aadObjectId: "00000000-0000-0000-0000-0000000000021", email: "mirjam.tulpendaal@regenboog.example" },
  { id: "user-id-2", name: "Ruud Fluitendaal", aadObjectId: "00000000-0000-0000-0000-0000000000022", email: "ruud.fluitendaal@regenboog.example" },
  { id: "user-id-3", name: "Renate Uilenbroek", aadObjectId: "00000000-0000-0000-0000-0000000000023", email: "renate.uilenbroek@regenboog.example" },
  { id: "user-id-4", name: "Harm Brugwachter", aadObjectId: "00000000-0000-0000-0000-0000000000024", email: "harm.brugwachter@regenboog.example" },
];

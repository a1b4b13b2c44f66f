// A school board for benchmarks: `schools` copies of the demo school (445 pupils, 19 groups, 33
// staff; prisma/seed), each with a term of history: two past rounds, two held conversations and
// two goals per pupil (one reached, one open with an evaluation date from three weeks ago to six
// weeks ahead), the demo's active middenbouw round and a third of its pupils planned in the next
// two weeks. Fictional names only (the demo roster). Dates are relative to `today` (school-local).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "../bot/db/client.js";
import { zonedTimeToUtc } from "../bot/domain/local-time.js";
import { addDays, weekStart } from "../bot/domain/school-calendar.js";
import { applySchoolSetup, importRoster } from "../bot/roster/index.js";

const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../prisma/seed");
const TZ = "Europe/Amsterdam";
const FORMAT = { onderbouw: "onderbouw-welbevinden", middenbouw: "middenbouw-kindgesprek", bovenbouw: "bovenbouw-kindgesprek" } as const;

/** The demo school's setup and roster as school number `n` of the board (its own name and e-mail domain). */
function copyOfDemo(n: number): { setup: unknown; roster: string } {
  const domain = (text: string) => text.replaceAll("@regenboog.example", `@school${n}.regenboog.example`);
  const setup = JSON.parse(domain(readFileSync(path.join(SEED_DIR, "demo-school.json"), "utf8"))) as {
    school: { name: string; teamsTenantIds?: string[] };
    staff: { teamsAadObjectId?: string }[];
  };
  setup.school.name = `OBS De Regenboog ${n} (bench)`;
  setup.school.teamsTenantIds = [];
  for (const person of setup.staff) delete person.teamsAadObjectId; // a Teams identity belongs to one school
  return { setup, roster: domain(readFileSync(path.join(SEED_DIR, "demo-roster.csv"), "utf8")) };
}

async function createInBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await write(rows.slice(i, i + 500));
}

/** Adds one school with its history; returns its id. */
export async function seedSchool(db: Db, n: number, today: string): Promise<string> {
  const { setup, roster } = copyOfDemo(n);
  const { schoolId, schoolYear } = await applySchoolSetup(db, setup);
  const imported = await importRoster(db, { schoolId, schoolYear, csvText: roster });
  if (!imported.ok) throw new Error(`the bench roster did not import: ${JSON.stringify(imported.errors).slice(0, 200)}`);
  const groups = await db.group.findMany({ where: { schoolId }, select: { id: true, bouw: true, teachers: { select: { staffId: true } } } });
  const pupils = await db.pupil.findMany({ where: { schoolId, active: true }, select: { id: true, groupId: true } });
  const leader = await db.staff.findFirstOrThrow({ where: { schoolId }, select: { id: true } });
  const monday = weekStart(today);
  const round = (name: string, start: string, end: string, bouw: string | null, groupIds: string[]) =>
    db.round.create({
      data: {
        schoolId,
        name,
        formatKey: "middenbouw-kindgesprek",
        bouw,
        startDate: start,
        endDate: end,
        createdById: leader.id,
        groups: { create: groupIds.map((groupId) => ({ groupId })) },
      },
    });
  const allGroups = groups.map((g) => g.id);
  const past = [
    await round("Najaar (bench)", addDays(monday, -84), addDays(monday, -63), null, allGroups),
    await round("Winter (bench)", addDays(monday, -42), addDays(monday, -21), null, allGroups),
  ];
  const middenbouw = groups.filter((g) => g.bouw === "middenbouw").map((g) => g.id);
  const active = await round("Kindgesprekken (bench)", monday, addDays(monday, 25), "middenbouw", middenbouw);

  const byGroup = new Map(groups.map((g) => [g.id, g]));
  const conversations: {
    id: string;
    schoolId: string;
    pupilId: string;
    groupId: string;
    roundId: string | null;
    formatKey: string;
    formatVersion: number;
    status: string;
    plannedAt: Date | null;
    heldAt: Date | null;
    durationMinutes: number;
    createdById: string;
  }[] = [];
  const teachers: { conversationId: string; staffId: string }[] = [];
  const goals: { pupilId: string; conversationId: string; goalText: string; evaluationDate: string; status: string; createdById: string }[] = [];
  pupils.forEach((pupil, i) => {
    const group = byGroup.get(pupil.groupId!)!;
    const staffId = group.teachers[0]?.staffId ?? leader.id;
    const formatKey = FORMAT[group.bouw as keyof typeof FORMAT] ?? "middenbouw-kindgesprek";
    past.forEach((r, k) => {
      const heldAt = zonedTimeToUtc(addDays(r.startDate, (i % 5) + k), "10:00", TZ);
      const id = randomUUID();
      conversations.push({
        id,
        schoolId,
        pupilId: pupil.id,
        groupId: group.id,
        roundId: r.id,
        formatKey,
        formatVersion: 1,
        status: "held",
        plannedAt: heldAt,
        heldAt,
        durationMinutes: 15,
        createdById: staffId,
      });
      teachers.push({ conversationId: id, staffId });
      const evaluationDate = k === 0 ? addDays(r.endDate, 14) : addDays(today, (i % 63) - 21);
      goals.push({
        pupilId: pupil.id,
        conversationId: id,
        goalText: "doel (bench)",
        evaluationDate,
        status: k === 0 ? "reached" : "open",
        createdById: staffId,
      });
    });
    if (group.bouw === "middenbouw" && i % 3 === 0) {
      const day = addDays(today, 1 + (i % 12));
      const plannedAt = zonedTimeToUtc(day, `${String(9 + (i % 5)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`, TZ);
      const id = randomUUID();
      conversations.push({
        id,
        schoolId,
        pupilId: pupil.id,
        groupId: group.id,
        roundId: active.id,
        formatKey,
        formatVersion: 1,
        status: "planned",
        plannedAt,
        heldAt: null,
        durationMinutes: 15,
        createdById: staffId,
      });
      teachers.push({ conversationId: id, staffId });
    }
  });
  await createInBatches(conversations, (data) => db.conversation.createMany({ data }));
  await createInBatches(teachers, (data) => db.conversationTeacher.createMany({ data }));
  await createInBatches(goals, (data) => db.goal.createMany({ data }));
  return schoolId;
}

/** `schools` schools on one database (see the top of this file); returns their ids in order. */
export async function seedBoard(db: Db, schools: number, today: string): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 1; n <= schools; n++) ids.push(await seedSchool(db, n, today));
  return ids;
}

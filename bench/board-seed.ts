// A school board for the benchmarks: `schools` copies of the demo school (445 pupils, 19 groups,
// 33 staff each), each with its own e-mail domain and tenant, the demo's running round, and a
// realistic history per pupil: two held conversations with a goal each (one evaluated, one open),
// an agreement per goal, and last year's round.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "../bot/db/client.js";
import { seedDemoSchool } from "../bot/roster/demo.js";
import { applySchoolSetup, importRoster } from "../bot/roster/index.js";

const SEED = path.resolve("prisma/seed");
const DEMO_DOMAIN = "regenboog.example";

/** School k's copy of the demo: its own name, domain and tenant (k = 0 is the demo itself). */
async function copyOfDemo(db: Db, k: number): Promise<string> {
  if (k === 0) return (await seedDemoSchool(db)).schoolId;
  const domain = `school${k}.example`;
  const setup = JSON.parse(readFileSync(path.join(SEED, "demo-school.json"), "utf8").replaceAll(DEMO_DOMAIN, domain));
  setup.school.name = `OBS Kopie ${k}`;
  setup.school.teamsTenantIds = [`00000000-0000-4000-8000-${String(k).padStart(12, "0")}`];
  // Teams user ids are unique across schools: the copies' staff are linked at first contact instead.
  for (const staff of setup.staff) delete staff.teamsAadObjectId;
  const { schoolId, schoolYear } = await applySchoolSetup(db, setup);
  const csvText = readFileSync(path.join(SEED, "demo-roster.csv"), "utf8").replaceAll(DEMO_DOMAIN, domain);
  const roster = await importRoster(db, { schoolId, schoolYear, csvText });
  if (!roster.ok) throw new Error(`the roster of copy ${k} did not import`);
  // The demo's running round, copied.
  const demoRound = await db.round.findFirst({
    where: { school: { name: { not: { startsWith: "OBS Kopie" } } }, status: "active" },
    include: { groups: { include: { group: true } } },
  });
  if (demoRound) {
    const groups = await db.group.findMany({ where: { schoolId, name: { in: demoRound.groups.map((g) => g.group.name) } }, select: { id: true } });
    const leader = await db.staff.findFirstOrThrow({ where: { schoolId, roles: { some: { role: "team_leader", bouw: "middenbouw" } } } });
    await db.round.create({
      data: {
        schoolId,
        name: demoRound.name,
        formatKey: demoRound.formatKey,
        bouw: demoRound.bouw,
        startDate: demoRound.startDate,
        endDate: demoRound.endDate,
        createdById: leader.id,
        groups: { create: groups.map((g) => ({ groupId: g.id })) },
      },
    });
  }
  return schoolId;
}

/** Last year's round and two held conversations per pupil, with goals, agreements and an evaluation. */
async function addHistory(db: Db, schoolId: string): Promise<void> {
  const groups = await db.group.findMany({
    where: { schoolId },
    select: { id: true, bouw: true, teachers: { select: { staffId: true }, take: 1 }, pupils: { select: { id: true } } },
  });
  const leader = await db.staff.findFirstOrThrow({ where: { schoolId, roles: { some: { role: "team_leader" } } } });
  const past = await db.round.create({
    data: {
      schoolId,
      name: "Kindgesprekken voorjaar",
      formatKey: "middenbouw-kindgesprek",
      startDate: "2026-03-02",
      endDate: "2026-04-03",
      status: "closed",
      createdById: leader.id,
      groups: { create: groups.map((g) => ({ groupId: g.id })) },
    },
  });
  // Ids made here, so each table is written with a few createMany calls instead of a row at a time.
  const rows = { conversations: [] as object[], teachers: [] as object[], goals: [] as object[], agreements: [] as object[], evaluations: [] as object[] };
  for (const group of groups) {
    const teacherId = group.teachers[0]?.staffId ?? leader.id;
    for (const pupil of group.pupils) {
      for (const [n, heldAt, roundId] of [
        [0, new Date("2026-03-16T09:00:00Z"), past.id],
        [1, new Date("2026-10-05T09:00:00Z"), null],
      ] as const) {
        const conversationId = randomUUID();
        const goalId = randomUUID();
        rows.conversations.push({
          id: conversationId,
          schoolId,
          pupilId: pupil.id,
          groupId: group.id,
          roundId,
          formatKey: "middenbouw-kindgesprek",
          formatVersion: 1,
          status: "held",
          heldAt,
          plannedAt: heldAt,
          createdById: teacherId,
          answers: JSON.stringify({ s_start: { text: "Het gaat goed, ik vind rekenen leuk." } }),
        });
        rows.teachers.push({ conversationId, staffId: teacherId });
        rows.goals.push({
          id: goalId,
          pupilId: pupil.id,
          conversationId,
          goalText: n === 0 ? "de tafels van 6 en 7 kennen" : "een boek van 100 bladzijden uitlezen",
          evaluationDate: n === 0 ? "2026-05-12" : "2027-01-19",
          evaluatorId: teacherId,
          status: n === 0 ? "partly" : "open",
          createdById: teacherId,
        });
        rows.agreements.push({ pupilId: pupil.id, conversationId, goalId, who: "leerling", what: "oefent elke dag vijf minuten", whenText: "elke dag" });
        if (n === 0) rows.evaluations.push({ goalId, outcome: "partly", evaluatedById: teacherId });
      }
    }
  }
  const many = async (write: (data: object[]) => Promise<unknown>, data: object[]) => {
    for (let i = 0; i < data.length; i += 500) await write(data.slice(i, i + 500));
  };
  // biome-ignore-start lint/suspicious/noExplicitAny: bench data built above in the tables' shapes
  await many((data) => db.conversation.createMany({ data: data as any }), rows.conversations);
  await many((data) => db.conversationTeacher.createMany({ data: data as any }), rows.teachers);
  await many((data) => db.goal.createMany({ data: data as any }), rows.goals);
  await many((data) => db.agreement.createMany({ data: data as any }), rows.agreements);
  await many((data) => db.evaluation.createMany({ data: data as any }), rows.evaluations);
  // biome-ignore-end lint/suspicious/noExplicitAny: bench data
}

/** Builds the board; returns the schools' ids, the demo school first. */
export async function seedBoard(db: Db, schools: number): Promise<string[]> {
  const ids: string[] = [];
  for (let k = 0; k < schools; k++) {
    const id = await copyOfDemo(db, k);
    await addHistory(db, id);
    ids.push(id);
  }
  return ids;
}

// Two active rounds covering the same group on the same days: the one whose window started last
// holds the conversations on the shared days, whichever round they were planned in; its
// cancellation hands them back. (The chat-driven scenarios are in membership.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { inTransaction } from "../../bot/db/transaction.js";
import { cancelRound, createRound, roundProgress } from "../../bot/services/rounds.js";
import { planConversations } from "../../bot/services/round-planning.js";
import { zonedTimeToUtc } from "../../bot/domain/local-time.js";
import { ErrorCode } from "../../bot/errors.js";
import { DialogEngine } from "../../dialogs/engine/engine.js";
import { FLOWS } from "../../dialogs/flows/index.js";
import { NO_SUBJECT } from "../../bot/guide/dialog-guide.js";
import { walkToEnd } from "../support/dialog-driver.js";

const TZ = "Europe/Amsterdam";
const NOW = zonedTimeToUtc("2027-03-08", "07:00", TZ);
let t: TestDatabase;
let leader: Actor;
let teacher: Actor;
let groupId: string;
let pupils: string[];

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db);
  groupId = (await makeGroup(t.db, school.id, "groep 5", "middenbouw")).id;
  leader = await loadActor(t.db, (await makeStaff(t.db, school.id, { roles: [{ role: "team_leader", bouw: "middenbouw" }] })).id);
  teacher = await loadActor(t.db, (await makeStaff(t.db, school.id, { groups: [groupId] })).id);
  pupils = [];
  for (const name of ["Anna", "Bram"]) pupils.push((await makePupil(t.db, school.id, groupId, name)).id);
});
afterAll(async () => t?.destroy());

const round = (name: string, startDate: string, endDate: string) =>
  inTransaction(t.db, (tx) =>
    createRound(tx, leader, { name, formatKey: "middenbouw-kindgesprek", groupIds: [groupId], startDate, endDate, evaluationIntervalDays: 42 }),
  );
const plan = (roundId: string, pupilId: string, date: string) =>
  inTransaction(t.db, (tx) =>
    planConversations(tx, teacher, roundId, groupId, [{ pupilId, plannedAt: zonedTimeToUtc(date, "10:30", TZ), durationMinutes: 15 }]),
  );
const planned = async (roundId: string) => (await roundProgress(t.db, leader, roundId, NOW)).groups[0]!.planned;

describe(`overlapping rounds on ${testProvider()}`, () => {
  it("the later-starting round holds the shared days, even for what was planned in the other; cancelled, it gives them back", async () => {
    const spring = await round("Voorjaar", "2027-03-08", "2027-03-26");
    const extra = await round("Extra", "2027-03-22", "2027-04-09");
    await plan(spring, pupils[0]!, "2027-03-10");
    await plan(spring, pupils[1]!, "2027-03-23");
    expect(await planned(spring)).toBe(1);
    expect(await planned(extra)).toBe(1);
    expect((await t.db.conversation.findFirstOrThrow({ where: { pupilId: pupils[1]! } })).roundId).toBe(extra);
    await inTransaction(t.db, (tx) => cancelRound(tx, leader, extra));
    expect(await planned(spring)).toBe(2);
  });

  it("a day outside the round's window is refused: it would not belong to the round", async () => {
    const autumn = await round("Najaar", "2027-10-04", "2027-10-22");
    await expect(plan(autumn, pupils[0]!, "2027-10-25")).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    expect(await t.db.conversation.count({ where: { roundId: autumn } })).toBe(0);
  });

  it("the team leader who creates a round sharing days and groups with a running one is told which, and how they count", async () => {
    await round("Juni", "2027-06-07", "2027-06-18");
    const engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
    const create = async (name: string, startDate: string, endDate: string) => {
      const walked = await walkToEnd(engine, leader, await engine.start(leader, "round", NO_SUBJECT), "2027-03-08", {
        basics: { name, format: "middenbouw-kindgesprek" },
        period: { startDate, endDate, evaluationWeeks: "6" },
      });
      if (walked.result.kind !== "completed") throw new Error(`not completed: ${walked.result.kind}`);
      return walked.result.completion.text;
    };
    const overlapping = await create("Junitwee", "2027-06-14", "2027-06-25");
    expect(overlapping).toContain("Let op: ronde **Juni** (ma 7 jun – vr 18 jun)");
    expect(overlapping).toContain("voor groep 5");
    expect(overlapping).toContain("tellen voortaan bij de ronde die het laatst begint");
    // A round on days no other round covers says nothing of the kind.
    expect(await create("Juli", "2027-06-28", "2027-07-09")).not.toContain("Let op");

    // Changing a round: never told it overlaps itself; told when the new dates reach another round.
    const edit = async (name: string, startDate: string, endDate: string) => {
      const roundId = (await t.db.round.findFirstOrThrow({ where: { name } })).id;
      const first = await engine.start(leader, "round", NO_SUBJECT, { pick: { roundId, action: "edit" } });
      const walked = await walkToEnd(engine, leader, first, "2027-03-08", {
        basics: { name, format: "middenbouw-kindgesprek" },
        period: { startDate, endDate, evaluationWeeks: "6" },
      });
      if (walked.result.kind !== "completed") throw new Error(`not completed: ${walked.result.kind}`);
      return walked.result.completion.text;
    };
    const moved = await edit("Juli", "2027-06-30", "2027-07-09");
    expect(moved).not.toContain("Let op");
    const reaching = await edit("Juli", "2027-06-23", "2027-07-09");
    expect(reaching).toContain("Let op: ronde **Junitwee**");
    expect(reaching).not.toContain("ronde **Juli**");
  });
});

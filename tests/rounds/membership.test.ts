// A conversation belongs to the round that covers its pupil's group and its day, however it was
// started: held with `gesprek` or prepared with `voorbereiden` without `plannen` first, even before
// the round existed. Driven through the core's handleTurn as teachers and the team leader use it
// (a fixed clock), on the real database; then rondes, voortgang, plannen and the halfway nudge agree.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import pino from "pino";
import { createCore } from "../../app/core.js";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { TurnResult } from "../../bot/channel/types.js";
import { produceReminders } from "../../bot/reminders/producer.js";
import { createRenderers } from "../../bot/reminders/scheduler.js";
import { zonedTimeToUtc } from "../../bot/domain/local-time.js";
import type { OutboxRow } from "../../bot/outbox/worker.js";
import type { StepView } from "../../dialogs/engine/types.js";
import { autoValues } from "../support/dialog-driver.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

const TZ = "Europe/Amsterdam";
// The spring round for groep 5: Monday 8 to Friday 26 March 2027; halfway is Wednesday 17 March.
const START = "2027-03-08";
const END = "2027-03-26";
const HALFWAY = "2027-03-17";
const TODAY = zonedTimeToUtc("2027-03-10", "10:00", TZ);

let t: TestDatabase;
let core: BotCore;
let clockNow = TODAY;

// Every test has a school of its own (made in beforeEach), on Wednesday 10 March: team leader Tess
// and teacher Alex, groep 4 with Vera and groep 5 with Anna, Bram and Cas; no rounds, no conversations.
let schools = 0;
let leader = "";
let alex = "";
let schoolId = "";
let pupilIds: Record<string, string> = {};
let groupIds: Record<string, string> = {};

const user = (email: string) => ({ channel: "local" as const, externalId: email, email });
const turn = (email: string, text: string, submission?: unknown): Promise<TurnResult> =>
  core.handleTurn({ user: user(email), text, ...(submission ? { submission } : {}) });
const stepOf = (r: TurnResult): StepView | undefined => r.replies.find((x) => x.step)?.step;
const textOf = (r: TurnResult) => r.replies.map((x) => x.text).join("\n");

/** Submits the current step with its defaults (or realistic values), overridden per field. */
async function answer(email: string, r: TurnResult, overrides: Record<string, unknown> = {}): Promise<TurnResult> {
  const step = stepOf(r);
  if (!step) throw new Error(`no step in: ${textOf(r)}`);
  const values = autoValues(step, "2027-03-10");
  for (const f of step.fields) if (f.value !== undefined && !(f.id in overrides)) values[f.id] = f.value;
  return turn(email, "", { sessionId: step.sessionId, stepId: step.stepId, version: step.version, action: "submit", values: { ...values, ...overrides } });
}

/** Answers every step to the end, with overrides per step id. */
async function walk(email: string, r: TurnResult, overrides: Record<string, Record<string, unknown>> = {}): Promise<TurnResult> {
  for (let i = 0; i < 60 && stepOf(r); i++) r = await answer(email, r, overrides[stepOf(r)!.stepId] ?? {});
  if (stepOf(r)) throw new Error("the dialog did not end");
  return r;
}

async function createRound(name: string, group: string, startDate: string, endDate: string) {
  const r = await walk(leader, await turn(leader, "nieuwe ronde"), {
    basics: { name },
    groups: { groupIds: [groupIds[group]] },
    period: { startDate, endDate, evaluationWeeks: "6" },
  });
  expect(textOf(r)).toContain(name);
}

/** The team leader's `rondes` line for a group, e.g. "groep 5: 1/3 gepland, 1 gehouden, 0 geëvalueerd". */
async function roundsLine(group: string, round = group === "groep 5" ? "Voorjaar" : "Later"): Promise<string | undefined> {
  let current = "";
  for (const line of textOf(await turn(leader, "rondes")).split("\n")) {
    if (line.startsWith("**")) current = line.slice(2, line.indexOf("**", 2));
    else if (current === round && line.startsWith(`${group}:`)) return line;
  }
  return undefined;
}

/** Starts `plannen` for Alex, choosing the Voorjaar round when there is more than one. */
async function startPlanning(): Promise<TurnResult> {
  const r = await turn(alex, "plannen");
  const target = stepOf(r)?.fields.find((f) => f.id === "target");
  if (!target) return r;
  return answer(alex, r, { target: target.options!.find((o) => o.label.startsWith("Voorjaar"))!.value });
}

/** What `plannen` offers Alex: the "still to plan" line and the pupils of a proposal. */
async function planOffer(): Promise<{ info: string; proposed: string[] }> {
  let r = await startPlanning();
  const info = stepOf(r)!.info.join(" ");
  r = await answer(alex, r, { mode: "propose" });
  r = await answer(alex, r, { moments: "ma 9:00-12:00, di 9:00-12:00, wo 9:00-12:00, do 9:00-12:00, vr 9:00-12:00", minutes: "10" });
  const proposal = stepOf(r)!;
  expect(proposal.stepId).toBe("proposal");
  // Stopping asks first, as answers would go (the moments typed): yes, nothing is planned.
  expect(textOf(await turn(alex, "stop"))).toMatch(/Stoppen met/);
  expect(textOf(await turn(alex, "ja"))).toMatch(/Gestopt/);
  const proposed = Object.keys(pupilIds).filter((name) => proposal.info.some((line) => line.endsWith(`— ${name} T.`)));
  return { info, proposed };
}

/** Alex holds a conversation with `gesprek` today (the clock's day). */
async function hold(name: string): Promise<void> {
  expect(textOf(await walk(alex, await turn(alex, `gesprek ${name}`)))).toMatch(/opgeslagen|vastgelegd|bewaard/i);
}

/** Alex prepares a conversation with `voorbereiden` for a day (or moves the one prepared). */
async function prepare(name: string, date: string): Promise<void> {
  await walk(alex, await turn(alex, `voorbereiden ${name}`), { when: { date, time: "10:30" } });
}

/** Alex plans one conversation by hand with `plannen` in the Voorjaar round; returns the last reply. */
async function planByHand(name: string, date: string): Promise<TurnResult> {
  let r = await startPlanning();
  r = await answer(alex, r, { mode: "manual" });
  return answer(alex, r, { pupil: pupilIds[name], date, time: "09:00", minutes: "10", more: "false" });
}

/** Anna's conversation held today, and then the Voorjaar round made for groep 5 over it. */
async function voorjaarWithAnnaHeld(): Promise<void> {
  await hold("Anna");
  await createRound("Voorjaar", "groep 5", START, END);
}

/** As voorjaarWithAnnaHeld, with Bram's conversation prepared for 18 March and Cas's planned for the 19th. */
async function voorjaarAllPlanned(): Promise<void> {
  await voorjaarWithAnnaHeld();
  await prepare("Bram", "2027-03-18");
  expect(textOf(await planByHand("Cas", "2027-03-19"))).toMatch(/1 gesprek/);
  expect(await roundsLine("groep 5")).toMatch(/^groep 5: 3\/3 gepland, 1 gehouden/);
}

/** Produces the reminders on the halfway morning and renders Alex's halfway nudge, if any. */
async function halfwayNudge(): Promise<string | null> {
  const at = zonedTimeToUtc(HALFWAY, "07:00", TZ);
  await produceReminders(t.db, at);
  const teacher = await t.db.staff.findFirstOrThrow({ where: { email: alex } });
  const rows = await t.db.outboxMessage.findMany({ where: { kind: "plan_nudge", recipientStaffId: teacher.id }, orderBy: { createdAt: "desc" } });
  if (rows.length === 0) return null;
  const rendered = await createRenderers(() => zonedTimeToUtc(HALFWAY, "08:30", TZ)).plan_nudge!(
    { ...rows[0]!, payload: JSON.parse(rows[0]!.payload) } as unknown as OutboxRow,
    t.db,
  );
  return rendered?.[0]?.text ?? null;
}

beforeAll(async () => {
  t = await createTestDatabase();
  core = createCore({ db: t.db, logger: pino({ level: "silent" }), defaultLocale: "nl", clock: () => clockNow });
});
afterAll(async () => t?.destroy());

beforeEach(async () => {
  clockNow = TODAY;
  const n = ++schools;
  leader = `tess@ronde${n}.example`;
  alex = `alex@ronde${n}.example`;
  schoolId = (await makeSchool(t.db, `De Ronde ${n}`)).id;
  groupIds = {};
  for (const name of ["groep 4", "groep 5"]) groupIds[name] = (await makeGroup(t.db, schoolId, name, "middenbouw")).id;
  await makeStaff(t.db, schoolId, { email: leader, roles: [{ role: "team_leader", bouw: "middenbouw" }] });
  await makeStaff(t.db, schoolId, { email: alex, groups: Object.values(groupIds) });
  pupilIds = {};
  for (const [name, group] of [
    ["Anna", "groep 5"],
    ["Bram", "groep 5"],
    ["Cas", "groep 5"],
    ["Vera", "groep 4"],
  ] as const) {
    pupilIds[name] = (await makePupil(t.db, schoolId, groupIds[group]!, name)).id;
  }
});

describe(`round membership on ${testProvider()}`, () => {
  it("a conversation held with `gesprek` before the round was made counts as held in it; another group's does not", async () => {
    for (const name of ["Anna", "Vera"]) await hold(name);
    await createRound("Voorjaar", "groep 5", START, END);
    expect(await roundsLine("groep 5")).toMatch(/^groep 5: 1\/3 gepland, 1 gehouden/);
    // voortgang (all of the group's conversations) and rondes tell the same story.
    const progress = textOf(await turn(leader, "voortgang"))
      .split("\n")
      .find((l) => l.includes("groep 5"));
    expect(progress).toMatch(/gehouden 1/);
    // Vera (groep 4) is in no round: her conversation counts nowhere.
    expect(await roundsLine("groep 4")).toBeUndefined();
    expect(await t.db.conversation.findFirst({ where: { pupilId: pupilIds.Vera! } })).toMatchObject({ roundId: null });
  });

  it("voortgang counts the current school year: after the summer, last year's conversations are gone from it", async () => {
    const progressLine = async () =>
      textOf(await turn(leader, "voortgang"))
        .split("\n")
        .find((l) => l.includes("groep 5"));
    await hold("Anna");
    await prepare("Bram", "2027-03-18");
    expect(await progressLine()).toMatch(/voorbereid 1 · gehouden 1/);
    // The last evening of the school year (it starts on 1 August): both still count.
    clockNow = zonedTimeToUtc("2027-07-31", "23:30", TZ);
    expect(await progressLine()).toMatch(/voorbereid 1 · gehouden 1/);
    // The new school year: neither counts; a conversation prepared in it does.
    clockNow = zonedTimeToUtc("2027-08-01", "00:30", TZ);
    expect(await progressLine()).toMatch(/gepland 0 · voorbereid 0 · gehouden 0/);
    clockNow = zonedTimeToUtc("2027-09-15", "10:00", TZ);
    await prepare("Cas", "2027-09-20");
    expect(await progressLine()).toMatch(/gepland 0 · voorbereid 1 · gehouden 0/);
  });

  it("`plannen` does not offer the pupil whose conversation was held", async () => {
    await voorjaarWithAnnaHeld();
    // Alex's groep 4 has a round of its own, so `plannen` first asks which round to plan.
    await createRound("Later", "groep 4", "2027-03-22", "2027-04-09");
    const { info, proposed } = await planOffer();
    expect(info).toMatch(/Nog te plannen: 2 van 3 leerlingen/);
    expect(proposed.sort()).toEqual(["Bram", "Cas"]);
  });

  it("a conversation outside the round's window does not count, until the window is moved over it", async () => {
    await hold("Vera");
    await createRound("Later", "groep 4", "2027-03-22", "2027-04-09");
    expect(await roundsLine("groep 4")).toMatch(/^groep 4: 0\/1 gepland, 0 gehouden/);
    let r = await turn(leader, "ronde wijzigen Later");
    r = await walk(leader, r, { period: { startDate: START, endDate: "2027-04-09", evaluationWeeks: "6" } });
    expect(textOf(r)).toMatch(/is gewijzigd/);
    expect(await roundsLine("groep 4")).toMatch(/^groep 4: 1\/1 gepland, 1 gehouden/);
    r = await walk(leader, await turn(leader, "ronde wijzigen Later"), { period: { startDate: "2027-03-22", endDate: "2027-04-09", evaluationWeeks: "6" } });
    expect(await roundsLine("groep 4")).toMatch(/^groep 4: 0\/1 gepland, 0 gehouden/);
  });

  it("a conversation held with `gesprek` inside a running round's window counts at once", async () => {
    await createRound("Later", "groep 4", "2027-03-22", "2027-04-09");
    expect(await roundsLine("groep 4")).toMatch(/^groep 4: 0\/1 gepland, 0 gehouden/);
    clockNow = zonedTimeToUtc("2027-03-23", "11:00", TZ);
    await hold("Vera");
    expect(await roundsLine("groep 4")).toMatch(/^groep 4: 1\/1 gepland, 1 gehouden/);
  });

  it("a conversation prepared with `voorbereiden` counts by its date: outside the window not, moved inside it does", async () => {
    await voorjaarWithAnnaHeld();
    await prepare("Bram", "2027-04-14");
    expect(await roundsLine("groep 5")).toMatch(/^groep 5: 1\/3 gepland/);
    expect((await planOffer()).proposed.sort()).toEqual(["Bram", "Cas"]);
    await prepare("Bram", "2027-03-18");
    expect(await t.db.conversation.count({ where: { pupilId: pupilIds.Bram! } })).toBe(1); // moved, not doubled
    expect(await roundsLine("groep 5")).toMatch(/^groep 5: 2\/3 gepland, 1 gehouden/);
    expect((await planOffer()).proposed).toEqual(["Cas"]);
  });

  it("the halfway nudge names only the pupil without a conversation; once planned, it has nothing to say", async () => {
    await voorjaarWithAnnaHeld();
    await prepare("Bram", "2027-03-18");
    const nudge = await halfwayNudge();
    expect(nudge).toContain("Cas");
    for (const name of ["Anna", "Bram"]) expect(nudge).not.toContain(name);
    expect(textOf(await planByHand("Cas", "2027-03-19"))).toMatch(/1 gesprek/);
    expect(await roundsLine("groep 5")).toMatch(/^groep 5: 3\/3 gepland, 1 gehouden/);
    expect(await halfwayNudge()).toBeNull();
  });

  it("a later round overlapping the same group takes the conversations on its days; cancelled, it gives them back", async () => {
    await voorjaarAllPlanned();
    await createRound("Extra", "groep 5", "2027-03-15", "2027-03-31");
    expect(await roundsLine("groep 5", "Extra")).toMatch(/^groep 5: 2\/3 gepland, 0 gehouden/); // Bram 18, Cas 19 March
    expect(await roundsLine("groep 5", "Voorjaar")).toMatch(/^groep 5: 1\/3 gepland, 1 gehouden/); // Anna, 10 March
    let r = await turn(leader, "ronde annuleren Extra");
    r = await walk(leader, r, { confirmCancel: { sure: "true" } });
    expect(textOf(r)).toMatch(/geannuleerd/);
    expect(await roundsLine("groep 5", "Voorjaar")).toMatch(/^groep 5: 3\/3 gepland, 1 gehouden/);
  });

  it("a pupil who moves up keeps their conversation in the round of the group they had; rows stored before the rule are healed", async () => {
    await voorjaarAllPlanned();
    const voorjaar = await t.db.round.findFirstOrThrow({ where: { schoolId, name: "Voorjaar" } });
    await t.db.pupil.update({ where: { id: pupilIds.Anna! }, data: { groupId: groupIds["groep 4"]! } });
    await produceReminders(t.db, clockNow);
    const anna = await t.db.conversation.findFirstOrThrow({ where: { pupilId: pupilIds.Anna! } });
    expect(anna.roundId).toBe(voorjaar.id);
    await t.db.pupil.update({ where: { id: pupilIds.Anna! }, data: { groupId: groupIds["groep 5"]! } });
    // As stored before this rule: a conversation held with `gesprek` had no round.
    const { updatedAt } = await t.db.conversation.update({ where: { id: anna.id }, data: { roundId: null } });
    expect(await roundsLine("groep 5")).toMatch(/^groep 5: 2\/3 gepland, 0 gehouden/);
    await produceReminders(t.db, clockNow);
    expect(await roundsLine("groep 5")).toMatch(/^groep 5: 3\/3 gepland, 1 gehouden/);
    // Membership is derived, not an edit: the conversation's last change stays what it was.
    expect((await t.db.conversation.findUniqueOrThrow({ where: { id: anna.id } })).updatedAt).toEqual(updatedAt);
  });
});

// A whole round, end to end on the real core and database: the team leader creates it in the
// chat, the duo-partners get the announcement in Teams (real adapter, fake connector) on their
// own first working day, one teacher accepts a proposed schedule (with a calendar file), the
// other plans a pupil by hand, reminders arrive the school day before, a goal comes back on its
// evaluation date, and the team leader sees counts only. A fake clock drives the scheduler.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector } from "../support/fake-connector.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { autoValues } from "../support/dialog-driver.js";
import { createOutboxWorker, type OutboxWorker } from "../../bot/outbox/worker.js";
import { createDeferral, createRenderers } from "../../bot/reminders/scheduler.js";
import { produceReminders } from "../../bot/reminders/producer.js";
import { addDays, isoWeekday, schoolDayOnOrAfter, withinSchoolHours } from "../../bot/domain/school-calendar.js";
import { localDate, localTime, zonedTimeToUtc } from "../../bot/domain/local-time.js";
import { publicHolidaysBetween } from "../../bot/domain/public-holidays.js";
import { loadSchoolCalendar } from "../../bot/services/school-calendar.js";
import type { ChannelUser, TurnResult } from "../../bot/channel/types.js";
import type { StepView } from "../../dialogs/engine/types.js";
import { createLogger } from "../../bot/logger.js";

const TZ = "Europe/Amsterdam";
const TENANT = "22222222-3333-4444-5555-666666666666";
const LEADER = { email: "tess@school.example", aad: "bbbbbbbb-0000-0000-0000-000000000001" };
const ALEX = { email: "alex@school.example", aad: "bbbbbbbb-0000-0000-0000-000000000002" }; // Mon–Wed
const BO = { email: "bo@school.example", aad: "bbbbbbbb-0000-0000-0000-000000000003" }; // Thu–Fri
const local = (email: string): ChannelUser => ({ channel: "local", externalId: email, email });

// The round starts on the second Monday from now, whatever day the suite runs, or a week later
// until its three weeks hold no public holiday: the scenario counts on a plain school calendar
// (a round over Christmas moves a part-time teacher's reminder outside the clock's walk).
const realToday = localDate(new Date(), TZ);
const start = (() => {
  let monday = addDays(realToday, 14 - (isoWeekday(realToday) - 1));
  while (publicHolidaysBetween(monday, addDays(monday, 18)).some((h) => h.closesSchool)) monday = addDays(monday, 7);
  return monday;
})();
const end = addDays(start, 18); // Friday of the third week
const studyDay = addDays(start, 8); // Tuesday of week 2

let app: TestApp;
const connector = new FakeConnector();
let clockNow = new Date();
const clock = () => clockNow;
let worker: OutboxWorker;
let schoolId: string;

async function turn(email: string, text: string, submission?: unknown): Promise<TurnResult> {
  return app.core.handleTurn({ user: local(email), text, ...(submission ? { submission } : {}) });
}

const stepOf = (result: TurnResult): StepView | undefined => result.replies.find((r) => r.step)?.step;

/** Submits the current step with sensible values, overridden per field. */
async function answer(email: string, result: TurnResult, overrides: Record<string, unknown> = {}): Promise<TurnResult> {
  const step = stepOf(result);
  if (!step) throw new Error(`no step in: ${result.replies.map((r) => r.text).join(" | ")}`);
  const values = autoValues(step, realToday, {});
  for (const f of step.fields) if (f.value !== undefined && !(f.id in overrides)) values[f.id] = f.value; // keep defaults
  return turn(email, "", { sessionId: step.sessionId, stepId: step.stepId, version: step.version, action: "submit", values: { ...values, ...overrides } });
}

beforeAll(async () => {
  await connector.start();
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true" });
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Rondeschool", teamsTenantIds: [TENANT], closures: [{ kind: "study_day", name: "Studiedag", startDate: studyDay, endDate: studyDay }] },
    schoolYear: "2026-2027",
    staff: [
      { email: LEADER.email, name: "Tess Leider", roles: ["team_leader"], leads: ["middenbouw"], teamsAadObjectId: LEADER.aad },
      { email: ALEX.email, name: "Alex Wilber", roles: ["teacher"], teamsAadObjectId: ALEX.aad },
      { email: BO.email, name: "Bo Duo", roles: ["teacher"], teamsAadObjectId: BO.aad },
    ],
    groups: [
      {
        name: "groep 5",
        teachers: [
          { email: ALEX.email, workingDays: [1, 2, 3] },
          { email: BO.email, workingDays: [4, 5] },
        ],
      },
    ],
  });
  schoolId = setup.schoolId;
  const group = await app.database.db.group.findFirstOrThrow({ where: { schoolId } });
  for (const [i, name] of ["Anna", "Bram", "Cas", "Daan", "Eva", "Fenna"].entries()) {
    await app.database.db.pupil.create({ data: { schoolId, groupId: group.id, externalId: String(i), firstName: name, lastName: "Test" } });
  }
  // Both teachers installed the app in Teams: their conversation references are stored.
  for (const t of [ALEX, BO]) {
    const ok = await app.core.rememberAddress(
      { channel: "teams", externalId: t.aad, tenantId: TENANT },
      {
        channelId: "msteams",
        serviceUrl: connector.url,
        conversation: { id: `a:personal-${t.aad}`, conversationType: "personal", tenantId: TENANT },
        user: { id: `29:${t.aad}`, aadObjectId: t.aad },
        bot: { id: "28:bot" },
      },
    );
    expect(ok).toBe(true);
  }
  worker = createOutboxWorker({
    db: app.database.db,
    proactive: app.core.proactive,
    logger: createLogger("silent"),
    renderers: createRenderers(clock),
    deferUntil: createDeferral(app.database.db, clock),
    clock,
  });
});
afterAll(async () => {
  await app?.stop();
  await connector.stop();
});

/** Runs the producer and the worker every 30 minutes of school-local daytime from `from` to `to`. */
async function runClock(from: Date, to: Date): Promise<{ at: Date; text: string; to: string }[]> {
  const delivered: { at: Date; text: string; to: string }[] = [];
  for (let t = from.getTime(); t <= to.getTime(); t += 30 * 60_000) {
    clockNow = new Date(t);
    const hour = Number(localTime(clockNow, TZ).slice(0, 2));
    if (hour < 7 || hour > 16) continue;
    const before = connector.activities.length;
    await produceReminders(app.database.db, clockNow, schoolId);
    await worker.tick();
    for (const a of connector.activities.slice(before)) {
      delivered.push({ at: clockNow, text: `${a.activity.text ?? ""} ${JSON.stringify(a.activity.attachments ?? "")}`, to: a.conversationId });
    }
  }
  return delivered;
}

// One story, in order: each step builds on the state the last one left (a round, its plans, its
// reminders), so the steps are one test and no step runs alone or in another order.
describe("a conversation round on a fake clock", () => {
  it("from the team leader's new round to a goal's evaluation date", { timeout: 240_000 }, async () => {
    await theLeaderCreatesTheRound();
    await eachPartnerHearsOnTheirOwnDay();
    await alexAcceptsAProposedSchedule();
    await boPlansOnePupilByHand();
    await theLeaderSeesCountsOnly();
    await remindersComeOnTime();
    await theLeaderChangesAndCancelsTheRound();
    await aGoalIsDueAfterTheInterval();
  });

  /** a team leader creates the round in the chat; a teacher may not. */
  async function theLeaderCreatesTheRound() {
    const refused = await turn(ALEX.email, "nieuwe ronde");
    expect(refused.replies[0]!.text).not.toMatch(/Naam van de ronde/);
    let r = await turn(LEADER.email, "nieuwe ronde");
    r = await answer(LEADER.email, r, { name: "Kindgesprekken voorjaar" });
    r = await answer(LEADER.email, r); // all groups of the bouw, pre-selected
    // An end before the start is refused with everything kept.
    const bad = await answer(LEADER.email, r, { startDate: start, endDate: addDays(start, -1), evaluationWeeks: "6" });
    expect(stepOf(bad)?.fields.find((f) => f.id === "endDate")?.error).toBeTruthy();
    expect(stepOf(bad)?.fields.find((f) => f.id === "startDate")?.value).toBe(start);
    r = await answer(LEADER.email, bad, { startDate: start, endDate: end, evaluationWeeks: "6" });
    expect(r.replies.map((x) => x.text).join("\n")).toMatch(/Kindgesprekken voorjaar/);
    const round = await app.database.db.round.findFirstOrThrow({ where: { schoolId }, include: { groups: true } });
    expect(round).toMatchObject({ startDate: start, endDate: end, evaluationIntervalDays: 42, status: "active", bouw: "middenbouw" });
    expect(round.groups).toHaveLength(1);
  }

  /** each duo-partner hears about it on their own first working day, at 08:30 school time. */
  async function eachPartnerHearsOnTheirOwnDay() {
    const sent = await runClock(zonedTimeToUtc(addDays(start, -1), "07:00", TZ), zonedTimeToUtc(addDays(start, 3), "16:00", TZ));
    const announcements = sent.filter((s) => s.text.includes("Kindgesprekken voorjaar"));
    expect(announcements.map((s) => [s.to.includes(ALEX.aad) ? "alex" : "bo", localDate(s.at, TZ), localTime(s.at, TZ)])).toEqual([
      ["alex", start, "08:30"],
      ["bo", addDays(start, 3), "08:30"],
    ]);
    expect(announcements[0]!.text).toContain("Anna"); // the pupil list
    expect(announcements[0]!.text).toContain("plannen");
  }

  /** Alex accepts a proposed schedule: Tuesdays and Wednesdays, skipping the study day, with a calendar file. */
  async function alexAcceptsAProposedSchedule() {
    clockNow = new Date();
    let r = await turn(ALEX.email, "plannen");
    expect(stepOf(r)?.info.join(" ")).toMatch(/Jouw deel \(duo\)/);
    r = await answer(ALEX.email, r, { mode: "propose" });
    // A moment the bot cannot read is refused and shown back.
    const unreadable = await answer(ALEX.email, r, { moments: "dinsdagochtend", minutes: "15", who: "mine" });
    expect(stepOf(unreadable)?.fields.find((f) => f.id === "moments")?.error).toMatch(/dinsdagochtend/);
    r = await answer(ALEX.email, unreadable, { moments: "di 10:30-11:00, wo 13:00-13:30, do 9:00-9:30", minutes: "15", who: "mine" });
    const proposal = stepOf(r)!;
    expect(proposal.stepId).toBe("proposal");
    expect(proposal.info.length).toBeGreaterThan(0);
    r = await answer(ALEX.email, r, { accept: "true" });
    const done = r.replies.find((x) => x.attachments?.length)!;
    expect(done.attachments![0]).toMatchObject({ filename: "kindgesprekken.ics", contentType: "text/calendar" });
    expect(done.attachments![0]!.content).toContain("BEGIN:VEVENT");
    const planned = await app.database.db.conversation.findMany({ where: { schoolId, roundId: { not: null } }, include: { pupil: true } });
    expect(planned.map((c) => c.pupil!.firstName).sort()).toEqual(["Anna", "Bram", "Cas", "Daan"]); // 3 of 5 days → 4 of 6 pupils
    for (const c of planned) {
      const day = localDate(c.plannedAt!, TZ);
      expect([2, 3]).toContain(isoWeekday(day)); // never Thursday: Alex does not work then
      expect(day).not.toBe(studyDay);
      expect(day >= start && day <= end).toBe(true);
    }
  }

  /** Bo plans one pupil by hand; a date outside the round is refused. */
  async function boPlansOnePupilByHand() {
    clockNow = new Date();
    let r = await turn(BO.email, "plannen");
    r = await answer(BO.email, r, { mode: "manual" });
    const eva = stepOf(r)!
      .fields.find((f) => f.id === "pupil")!
      .options!.find((o) => o.label.startsWith("Eva"))!.value;
    const bad = await answer(BO.email, r, { pupil: eva, date: addDays(end, 7), time: "09:00", minutes: "15", more: "false" });
    expect(stepOf(bad)?.fields.find((f) => f.id === "date")?.error).toBeTruthy();
    r = await answer(BO.email, bad, { pupil: eva, date: addDays(start, 10), time: "09:00", minutes: "15", more: "false" }); // Thursday week 2
    expect(r.replies.map((x) => x.text).join("\n")).toMatch(/1 gesprek/);
  }

  /** the team leader sees counts per group, never names. */
  async function theLeaderSeesCountsOnly() {
    const r = await turn(LEADER.email, "rondes");
    const text = r.replies.map((x) => x.text).join("\n");
    expect(text).toMatch(/groep 5: 5\/6 gepland, 0 gehouden, 0 geëvalueerd/);
    for (const name of ["Anna", "Eva", "Fenna"]) expect(text).not.toContain(name);
  }

  /** reminders come the school day before, inside school hours, once (in that morning's bundle); Fenna's teachers get the halfway nudge. */
  async function remindersComeOnTime() {
    const walkStart = addDays(start, 4);
    const sent = await runClock(zonedTimeToUtc(walkStart, "07:00", TZ), zonedTimeToUtc(end, "16:00", TZ));
    const calendar = await loadSchoolCalendar(app.database.db, schoolId);
    for (const s of sent) expect(withinSchoolHours(calendar, s.at)).toBe(true);
    // Conversations far enough into the walk that their reminder day lies inside it.
    const conversations = (await app.database.db.conversation.findMany({ where: { schoolId }, include: { pupil: true } })).filter(
      (c) => localDate(c.plannedAt!, TZ) >= addDays(walkStart, 5),
    );
    expect(conversations.length).toBeGreaterThanOrEqual(2);
    for (const c of conversations) {
      // The line in that morning's bundle: the pupil with a button to prepare.
      const reminders = sent.filter((s) => s.text.includes(`"command":"prepare","args":{"pupilId":"${c.pupilId}"}`) && s.text.includes("om voor te bereiden"));
      expect(reminders, c.pupil!.firstName).toHaveLength(1);
      const day = localDate(reminders[0]!.at, TZ);
      expect(day < localDate(c.plannedAt!, TZ)).toBe(true);
      expect(localTime(reminders[0]!.at, TZ)).toBe("08:30");
      // The recipient works that day (Alex Mon–Wed, Bo Thu–Fri).
      const works = c.pupil!.firstName === "Eva" ? [4, 5] : [1, 2, 3];
      expect(works).toContain(isoWeekday(day));
    }
    const nudges = sent.filter((s) => s.text.includes("Halverwege"));
    expect(nudges.length).toBe(2); // Fenna is still unplanned: both partners
    expect(nudges[0]!.text).toContain("Fenna");
    const keys = connector.activities.map((a) => a.idempotencyKey).filter(Boolean);
    expect(keys.length).toBeGreaterThan(5);
    expect(new Set(keys).size).toBe(keys.length);
  }
  /** the team leader changes the round's end and then cancels it; its pending reminders go with it. */
  async function theLeaderChangesAndCancelsTheRound() {
    clockNow = new Date();
    const round = await app.database.db.round.findFirstOrThrow({ where: { schoolId } });
    expect((await turn(ALEX.email, `ronde wijzigen id:${round.id}`)).replies[0]!.text).toMatch(/geen ronde/);
    let r = await turn(LEADER.email, `ronde wijzigen id:${round.id}`);
    expect(stepOf(r)?.fields.find((f) => f.id === "name")?.value).toBe("Kindgesprekken voorjaar");
    r = await answer(LEADER.email, r); // name and format as they are
    r = await answer(LEADER.email, r); // groups as they are
    r = await answer(LEADER.email, r, { startDate: start, endDate: addDays(end, 7), evaluationWeeks: "8" });
    expect(r.replies.map((x) => x.text).join("\n")).toMatch(/is gewijzigd/);
    expect(await app.database.db.round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ endDate: addDays(end, 7), evaluationIntervalDays: 56 });
    // A pending nudge for the round, as the producer would have queued it.
    await app.database.db.outboxMessage.create({
      data: {
        schoolId,
        recipientStaffId: (await app.database.db.staff.findFirstOrThrow({ where: { email: ALEX.email } })).id,
        kind: "plan_nudge",
        subjectId: round.id,
        payload: "{}",
        dueAt: new Date(Date.now() + 86_400_000),
        idempotencyKey: `test-nudge-${round.id}`,
      },
    });
    r = await turn(LEADER.email, `ronde annuleren id:${round.id}`);
    r = await answer(LEADER.email, r, { sure: "true" });
    expect(r.replies.map((x) => x.text).join("\n")).toMatch(/geannuleerd/);
    expect((await app.database.db.round.findUniqueOrThrow({ where: { id: round.id } })).status).toBe("cancelled");
    expect((await app.database.db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `test-nudge-${round.id}` } })).status).toBe("cancelled");
    // The planned conversations stay with the teachers.
    expect(await app.database.db.conversation.count({ where: { roundId: round.id, status: "planned" } })).toBe(5);
  }
  /** a goal set in a round's conversation is due after the round's interval (now 8 weeks). */
  async function aGoalIsDueAfterTheInterval() {
    clockNow = new Date();
    const eva = await app.database.db.pupil.findFirstOrThrow({ where: { schoolId, firstName: "Eva" } });
    let r = await turn(BO.email, `gesprek id:${eva.id}`);
    for (let i = 0; i < 40 && !stepOf(r)?.fields.some((f) => f.id === "evaluationDate"); i++) r = await answer(BO.email, r);
    const field = stepOf(r)?.fields.find((f) => f.id === "evaluationDate");
    // The first school day from then on that Bo (Thursday–Friday) works: the suggestion passes the date rule.
    const calendar = await loadSchoolCalendar(app.database.db, schoolId);
    expect(field?.value).toBe(schoolDayOnOrAfter(calendar, addDays(realToday, 56), new Set([4, 5])));
    expect(field?.isDefault).toBe(true);
  }
});

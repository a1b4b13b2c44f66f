// A round of startgesprekken (held with the parents), on the real core and database: the team
// leader picks the format in `nieuwe ronde`; the teacher's `plannen` goes pupil by pupil by default
// and keeps the time agreed with the parents and where; `rondes` lists those times for the
// teacher (the team leader still sees counts only); the day-before list says the parents come.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { autoValues } from "../support/dialog-driver.js";
import { createRenderers } from "../../bot/reminders/scheduler.js";
import { produceReminders } from "../../bot/reminders/producer.js";
import { DAILY_BUNDLE } from "../../bot/reminders/bundle.js";
import { addDays, isoWeekday } from "../../bot/domain/school-calendar.js";
import { localDate, zonedTimeToUtc } from "../../bot/domain/local-time.js";
import type { ChannelUser, TurnResult } from "../../bot/channel/types.js";
import type { StepView } from "../../dialogs/engine/types.js";
import { testProvider } from "../support/test-db.js";

const TZ = "Europe/Amsterdam";
const LEADER = "tess@start.example";
const TEACHER = "alex@start.example";
const local = (email: string): ChannelUser => ({ channel: "local", externalId: email, email });

// The round starts on the second Monday from now; the conversation is on its Tuesday.
const realToday = localDate(new Date(), TZ);
const start = addDays(realToday, 14 - (isoWeekday(realToday) - 1));
const end = addDays(start, 11);
const tuesday = addDays(start, 1);

let app: TestApp;
let schoolId: string;

const turn = (email: string, text: string, submission?: unknown): Promise<TurnResult> =>
  app.core.handleTurn({ user: local(email), text, ...(submission ? { submission } : {}) });
const stepOf = (result: TurnResult): StepView | undefined => result.replies.find((r) => r.step)?.step;
const textOf = (result: TurnResult) => result.replies.map((r) => r.text ?? "").join("\n");

/** Submits the current step keeping what it suggests, overridden per field. */
async function answer(email: string, result: TurnResult, overrides: Record<string, unknown> = {}): Promise<TurnResult> {
  const step = stepOf(result);
  if (!step) throw new Error(`no step in: ${textOf(result)}`);
  const values = autoValues(step, realToday, {});
  for (const f of step.fields) if (f.value !== undefined && !(f.id in overrides)) values[f.id] = f.value;
  return turn(email, "", { sessionId: step.sessionId, stepId: step.stepId, version: step.version, action: "submit", values: { ...values, ...overrides } });
}

beforeAll(async () => {
  app = await startTestApp();
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Startschool" },
    schoolYear: "2026-2027",
    staff: [
      { email: LEADER, name: "Tess Leider", roles: ["team_leader"], leads: ["middenbouw"] },
      { email: TEACHER, name: "Alex Wilber", roles: ["teacher"] },
    ],
    groups: [{ name: "groep 5", teachers: [{ email: TEACHER, workingDays: [1, 2, 3, 4, 5] }] }],
  });
  schoolId = setup.schoolId;
  const group = await app.database.db.group.findFirstOrThrow({ where: { schoolId } });
  for (const [i, name] of ["Anna", "Bram"].entries())
    await app.database.db.pupil.create({ data: { schoolId, groupId: group.id, externalId: String(i), firstName: name, lastName: "Test" } });
});
afterAll(async () => app?.stop());

describe(`a round of startgesprekken on ${testProvider()}`, { shuffle: false }, () => {
  it("the team leader picks the startgesprek as the round's format", async () => {
    let r = await turn(LEADER, "nieuwe ronde");
    const format = stepOf(r)!.fields.find((f) => f.id === "format")!;
    expect(format.options!.map((o) => o.value)).toContain("startgesprek");
    r = await answer(LEADER, r, { name: "Startgesprekken", format: "startgesprek" });
    r = await answer(LEADER, r); // the bouw's groups
    r = await answer(LEADER, r, { startDate: start, endDate: end, evaluationWeeks: "6" });
    expect(textOf(r)).toContain("Startgesprekken");
    expect(await app.database.db.round.findFirstOrThrow({ where: { schoolId } })).toMatchObject({ formatKey: "startgesprek", status: "active" });
  });

  it("the teacher notes the time agreed with the parents, pupil by pupil, with where", async () => {
    let r = await turn(TEACHER, "plannen");
    const mode = stepOf(r)!;
    expect(mode.fields.find((f) => f.id === "mode")?.value).toBe("manual");
    expect(mode.info.join("\n")).toContain("met de ouders");
    r = await answer(TEACHER, r);
    const manual = stepOf(r)!;
    expect(manual.fields.map((f) => f.id)).toEqual(["pupil", "date", "time", "minutes", "place", "more"]);
    expect(manual.fields.find((f) => f.id === "minutes")?.value).toBe(15);
    expect(manual.fields.find((f) => f.id === "time")?.label).toContain("afgesproken met de ouders");
    const anna = manual.fields.find((f) => f.id === "pupil")!.options!.find((o) => o.label.startsWith("Anna"))!.value;
    r = await answer(TEACHER, r, { pupil: anna, date: tuesday, time: "15:30", place: "lokaal 5", more: "false" });
    expect(textOf(r)).toMatch(/1 gesprek gepland/);
    const planned = await app.database.db.conversation.findFirstOrThrow({ where: { schoolId, pupilId: anna } });
    expect(planned).toMatchObject({ status: "planned", formatKey: "startgesprek", place: "lokaal 5", durationMinutes: 15 });
    expect(planned.plannedAt?.toISOString()).toBe(zonedTimeToUtc(tuesday, "15:30", TZ).toISOString());
  });

  it("rondes shows the teacher the agreed times; the team leader sees counts, no names", async () => {
    const mine = textOf(await turn(TEACHER, "rondes"));
    expect(mine).toContain("Afgesproken met de ouders (1 leerling):");
    expect(mine).toMatch(/• Anna Test — .* om 15:30 \(lokaal 5\)/);
    const leader = textOf(await turn(LEADER, "rondes"));
    expect(leader).toMatch(/groep 5: 1\/2 gepland/);
    expect(leader).not.toContain("Anna");
    expect(leader).not.toContain("Afgesproken met de ouders");
  });

  it("the list of the school day before says the parents come, at the agreed time", async () => {
    const monday = zonedTimeToUtc(start, "08:00", TZ);
    await produceReminders(app.database.db, monday, schoolId);
    const teacher = await app.database.db.staff.findFirstOrThrow({ where: { schoolId, email: TEACHER } });
    const row = await app.database.db.outboxMessage.findFirstOrThrow({ where: { recipientStaffId: teacher.id, kind: DAILY_BUNDLE } });
    const replies = await createRenderers(() => monday)[DAILY_BUNDLE]!({ ...row, payload: JSON.parse(row.payload) }, app.database.db);
    const lines = (replies ?? []).flatMap((r) => r.lists ?? []).flatMap((l) => l.items.map((i) => i.text));
    expect(lines.join("\n")).toMatch(/\*\*Anna Test\*\*, .* om 15:30, met de ouders/);
  });
});

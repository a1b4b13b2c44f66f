// A fake clock walks two rounds through the weeks, in five-minute ticks: weekends, a holiday on
// Easter Monday right after the spring DST change, the autumn holiday ending with the autumn DST
// change, a duo whose partners work different days. Each tick recomputes what should be sent
// (as the producer does); a message goes out once it is due and school is open (as the worker
// does with its deferUntil) unless it no longer applies (as its renderer decides). Every reminder must come exactly once, on time, inside school hours,
// on a day the recipient works.
import { describe, expect, it } from "vitest";
import { desiredMessages, type DesiredMessage, type ScheduleState } from "../../bot/reminders/schedule.js";
import { isSchoolDay, withinSchoolHours, type SchoolCalendar } from "../../bot/domain/school-calendar.js";
import { localDate, localTime } from "../../bot/domain/local-time.js";

const TZ = "Europe/Amsterdam";
const calendar: SchoolCalendar = {
  timezone: TZ,
  schoolDays: new Set([1, 2, 3, 4, 5]),
  dayStart: "08:30",
  dayEnd: "15:00",
  // Goede Vrijdag (26 March) and Tweede Paasdag (29 March, the day after DST starts) need no
  // closure: public holidays close the school by themselves (bot/domain/public-holidays.ts).
  closures: [
    { kind: "holiday", startDate: "2027-10-23", endDate: "2027-10-31" }, // herfstvakantie, ends the day DST ends
  ],
};
const A = "teacher-a"; // works Monday–Wednesday
const B = "teacher-b"; // works Thursday–Friday
const WORKS: Record<string, ReadonlySet<number>> = { [A]: new Set([1, 2, 3]), [B]: new Set([4, 5]) };
const pupils = ["p1", "p2", "p3", "p4", "p5", "p6"];

interface Conv {
  id: string;
  pupilId: string;
  plannedAt: Date;
  teacher: string;
  roundId: string | null;
  /** Recorded at the end of the conversation, or never. */
  held: boolean;
}

function baseState(now: Date, conversations: Conv[], goals: ScheduleState["goals"], rounds: ScheduleState["rounds"]): ScheduleState {
  return {
    calendar,
    now,
    rounds,
    groups: [{ id: "g7", bouw: "bovenbouw", teachers: [A, B].map((staffId) => ({ staffId, workingDays: WORKS[staffId]! })), activePupilIds: pupils }],
    conversations: conversations.map((c) => {
      const done = c.held && now.getTime() >= c.plannedAt.getTime() + 15 * 60_000;
      return {
        id: c.id,
        pupilId: c.pupilId,
        groupId: "g7",
        roundId: c.roundId,
        status: done ? "held" : "planned",
        plannedAt: c.plannedAt,
        durationMinutes: 15,
        createdById: c.teacher,
        teacherIds: [c.teacher],
      };
    }),
    goals,
    activeStaffIds: new Set([A, B]),
    preferences: new Map(),
  };
}

interface Sent {
  message: DesiredMessage;
  at: Date;
}

function walk(from: string, to: string, state: (now: Date) => ScheduleState): Sent[] {
  const queue = new Map<string, DesiredMessage>();
  const sent = new Map<string, Sent>();
  const doubles: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 5 * 60_000) {
    const now = new Date(t);
    const desired = desiredMessages(state(now));
    const stillWanted = new Set(desired.map((m) => m.idempotencyKey));
    for (const m of desired) if (!queue.has(m.idempotencyKey) && !sent.has(m.idempotencyKey)) queue.set(m.idempotencyKey, m);
    if (!withinSchoolHours(calendar, now)) continue;
    for (const [key, m] of queue) {
      if (m.dueAt.getTime() > t) continue;
      // The renderer finds it no longer relevant (the conversation was recorded): cancelled.
      if (!stillWanted.has(key)) {
        queue.delete(key);
        continue;
      }
      if (sent.has(key)) doubles.push(key);
      sent.set(key, { message: m, at: now });
      queue.delete(key);
    }
  }
  expect(doubles).toEqual([]);
  expect([...queue.keys()]).toEqual([]); // nothing left behind: no reminder missed
  return [...sent.values()];
}

const local = (d: Date) => `${localDate(d, TZ)} ${localTime(d, TZ)}`;

function expectSound(sent: Sent[]): void {
  for (const { message, at } of sent) {
    expect(at.getTime()).toBeGreaterThanOrEqual(message.dueAt.getTime()); // never early
    expect(withinSchoolHours(calendar, at)).toBe(true);
    expect(isSchoolDay(calendar, localDate(at, TZ), WORKS[message.recipientStaffId])).toBe(true);
  }
}

function table(sent: Sent[]): string[] {
  return sent.map((s) => `${s.message.kind} ${s.message.subjectId} ${s.message.recipientStaffId} @ ${local(s.at)}`).sort();
}

describe("reminders on a fake clock", () => {
  it("spring: a round over the DST change and Easter Monday, duo-partners on different days", () => {
    const round = { id: "r1", startDate: "2027-03-15", endDate: "2027-04-09", status: "active", groupIds: ["g7"] };
    const conversations: Conv[] = [
      { id: "c1", pupilId: "p1", plannedAt: new Date("2027-03-30T08:00:00Z"), teacher: A, roundId: "r1", held: true }, // Tue 10:00 CEST
      { id: "c2", pupilId: "p2", plannedAt: new Date("2027-04-01T11:00:00Z"), teacher: B, roundId: "r1", held: false }, // Thu 13:00 CEST
      { id: "c3", pupilId: "p3", plannedAt: new Date("2027-03-24T08:00:00Z"), teacher: A, roundId: "r1", held: true }, // Wed 09:00 CET
    ];
    const goals = [{ id: "goal1", pupilId: "p4", groupId: "g7", evaluationDate: "2027-03-29", evaluatorId: A, status: "open" }];
    const sent = walk("2027-03-14T00:00:00Z", "2027-04-12T00:00:00Z", (now) =>
      baseState(now, conversations, now < new Date("2027-03-30T06:40:00Z") ? goals : [{ ...goals[0]!, status: "reached" }], [round]),
    );
    expectSound(sent);
    expect(table(sent)).toEqual(
      [
        // Announcements on each partner's first working day of the round.
        "round_announcement r1 teacher-a @ 2027-03-15 08:30",
        "round_announcement r1 teacher-b @ 2027-03-18 08:30",
        // Halfway (27 March, a Saturday): Monday 29 is Easter Monday, so A on Tuesday, B on Thursday; after DST, still 08:30.
        "plan_nudge r1 teacher-a @ 2027-03-30 08:30",
        "plan_nudge r1 teacher-b @ 2027-04-01 08:30",
        // c1 on Tue 30 March: the school day before is Easter Monday, A does not work Thu/Fri → Wednesday 24.
        "prepare_reminder c1 teacher-a @ 2027-03-24 08:30",
        "pupil_invitation c1 teacher-a @ 2027-03-22 08:30",
        // c2 on Thu 1 April, B works Thu/Fri only and Friday 26 March is Goede Vrijdag → Thursday 25;
        // three of B's school days ahead → Thursday 18; not recorded → nudge the same afternoon.
        "prepare_reminder c2 teacher-b @ 2027-03-25 08:30",
        "pupil_invitation c2 teacher-b @ 2027-03-18 08:30",
        "unrecorded_nudge c2 teacher-b @ 2027-04-01 13:45",
        "prepare_reminder c3 teacher-a @ 2027-03-23 08:30",
        "pupil_invitation c3 teacher-a @ 2027-03-17 08:30",
        // The evaluation date is Easter Monday: A's next school day.
        "evaluation_due goal1 teacher-a @ 2027-03-30 08:30",
      ].sort(),
    );
    // The same wall-clock time is a different UTC hour on each side of the transition.
    const announcement = sent.find((s) => s.message.kind === "round_announcement" && s.message.recipientStaffId === A)!;
    const nudge = sent.find((s) => s.message.kind === "plan_nudge" && s.message.recipientStaffId === A)!;
    expect(announcement.at.toISOString()).toBe("2027-03-15T07:30:00.000Z");
    expect(nudge.at.toISOString()).toBe("2027-03-30T06:30:00.000Z");
  });

  it("autumn: the holiday ends on the DST change; reminders skip it and keep 08:30", () => {
    const conversations: Conv[] = [{ id: "c4", pupilId: "p1", plannedAt: new Date("2027-11-01T09:00:00Z"), teacher: A, roundId: null, held: false }]; // Mon 10:00 CET
    const goals = [{ id: "goal2", pupilId: "p2", groupId: "g7", evaluationDate: "2027-10-27", evaluatorId: B, status: "open" }];
    const sent = walk("2027-10-18T00:00:00Z", "2027-11-08T00:00:00Z", (now) =>
      baseState(now, conversations, now < new Date("2027-11-04T08:00:00Z") ? goals : [{ ...goals[0]!, status: "partly" }], []),
    );
    expectSound(sent);
    expect(table(sent)).toEqual(
      [
        "prepare_reminder c4 teacher-a @ 2027-10-20 08:30", // Fri 22 is not A's; 25–29 holiday
        "pupil_invitation c4 teacher-a @ 2027-10-18 08:30",
        "unrecorded_nudge c4 teacher-a @ 2027-11-01 10:45",
        "evaluation_due goal2 teacher-b @ 2027-11-04 08:30", // the date is in the holiday; B's next day
      ].sort(),
    );
    expect(sent.find((s) => s.message.kind === "unrecorded_nudge")!.at.toISOString()).toBe("2027-11-01T09:45:00.000Z");
  });

  it("a muted kind is not planned and a snoozed one waits until the snooze ends", () => {
    const conversations: Conv[] = [{ id: "c5", pupilId: "p1", plannedAt: new Date("2027-03-10T08:00:00Z"), teacher: A, roundId: null, held: false }];
    const now = new Date("2027-03-08T12:00:00Z");
    const state = baseState(now, conversations, [], []);
    const muted = { ...state, preferences: new Map([[A, new Map([["prepare_reminder", { muted: true, snoozedUntil: null, enabled: false }]])]]) };
    expect(desiredMessages(muted).map((m) => m.kind)).not.toContain("prepare_reminder");
    expect(desiredMessages(muted).map((m) => m.kind)).not.toContain("pupil_invitation");
    const snoozed = {
      ...state,
      now: new Date("2027-03-10T12:00:00Z"),
      preferences: new Map([[A, new Map([["unrecorded_nudge", { muted: false, snoozedUntil: "2027-03-15", enabled: false }]])]]),
    };
    const nudge = desiredMessages(snoozed).find((m) => m.kind === "unrecorded_nudge");
    expect(nudge).toBeUndefined(); // beyond the 36-hour horizon until nearer the snooze end
    const later = desiredMessages({ ...snoozed, now: new Date("2027-03-14T12:00:00Z") }).find((m) => m.kind === "unrecorded_nudge")!;
    expect(local(later.dueAt)).toBe("2027-03-15 08:30");
  });
});

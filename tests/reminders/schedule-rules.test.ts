// The reminder schedule's rules one at a time (bot/reminders/schedule.ts, a pure function): each
// test sets up a small school and asks which messages the producer would queue now. Found as
// surviving mutants (issue 18): every rule here could be dropped while the scenario tests passed.
import { describe, expect, it } from "vitest";
import { desiredMessages, preferenceKindOf, type DesiredMessage, type ScheduleState } from "../../bot/reminders/schedule.js";
import type { TeacherPreference } from "../../bot/reminders/gate.js";
import type { SchoolCalendar } from "../../bot/domain/school-calendar.js";
import { localDate, localTime, zonedTimeToUtc } from "../../bot/domain/local-time.js";

const TZ = "Europe/Amsterdam";
const calendar: SchoolCalendar = {
  timezone: TZ,
  schoolDays: new Set([1, 2, 3, 4, 5]),
  dayStart: "08:30",
  dayEnd: "15:00",
  // Voorjaarsvakantie: Saturday 27 February to Sunday 7 March 2027.
  closures: [{ kind: "holiday", startDate: "2027-02-27", endDate: "2027-03-07" }],
};
const JUF = "juf";
const MEESTER = "meester";
const ALL_WEEK = new Set([1, 2, 3, 4, 5]);
const at = (date: string, time: string) => zonedTimeToUtc(date, time, TZ);
const local = (d: Date) => `${localDate(d, TZ)} ${localTime(d, TZ)}`;

type Conversation = ScheduleState["conversations"][number];
type Goal = ScheduleState["goals"][number];

function state(o: Partial<ScheduleState> & { now: Date }): ScheduleState {
  return {
    calendar,
    rounds: [],
    groups: [
      { id: "g7", bouw: "bovenbouw", teachers: [{ staffId: JUF, workingDays: ALL_WEEK }], activePupilIds: ["p1", "p2"] },
      { id: "g3", bouw: "onderbouw", teachers: [{ staffId: MEESTER, workingDays: ALL_WEEK }], activePupilIds: ["p3"] },
    ],
    conversations: [],
    goals: [],
    activeStaffIds: new Set([JUF, MEESTER]),
    preferences: new Map(),
    ...o,
  };
}

function conversation(o: Partial<Conversation> = {}): Conversation {
  return {
    id: "c1",
    pupilId: "p1",
    groupId: "g7",
    roundId: null,
    status: "planned",
    plannedAt: at("2027-03-12", "10:00"), // Friday
    durationMinutes: 15,
    createdById: JUF,
    teacherIds: [JUF],
    ...o,
  };
}

function goal(o: Partial<Goal> = {}): Goal {
  return { id: "goal1", pupilId: "p1", groupId: "g7", evaluationDate: "2027-03-09", evaluatorId: JUF, status: "open", ...o };
}

const prefs = (staffId: string, kind: string, p: Partial<TeacherPreference>) =>
  new Map([[staffId, new Map([[kind, { muted: false, snoozedUntil: null, enabled: false, ...p }]])]]);
const summary = (messages: DesiredMessage[]) => messages.map((m) => `${m.kind} ${m.recipientStaffId} ${local(m.dueAt)}`).sort();

describe("the reminder schedule's rules", () => {
  it("round announcements go out whatever the teacher set for preparation reminders", () => {
    expect(preferenceKindOf("round_announcement")).toBeNull();
    const round = { id: "r1", startDate: "2027-03-09", endDate: "2027-03-26", status: "active", groupIds: ["g7"] };
    const s = state({ now: at("2027-03-08", "12:00"), rounds: [round], preferences: prefs(JUF, "prepare_reminder", { muted: true }) });
    const announcement = desiredMessages(s).find((m) => m.kind === "round_announcement");
    expect(announcement).toMatchObject({
      recipientStaffId: JUF,
      subjectId: "r1",
      idempotencyKey: `round_announcement:r1:2027-03-09:${JUF}`,
      payload: { roundId: "r1", start: "2027-03-09", end: "2027-03-26" },
    });
    expect(local(announcement!.dueAt)).toBe("2027-03-09 08:30");
  });

  it("a pupil invitation follows the preparation setting; the other kinds follow their own", () => {
    expect(preferenceKindOf("pupil_invitation")).toBe("prepare_reminder");
    expect(preferenceKindOf("plan_nudge")).toBe("plan_nudge");
    expect(preferenceKindOf("weekly_digest")).toBe("weekly_digest");
  });

  it("a round that ended, or is not active, announces nothing; a closed round's days are over", () => {
    const round = { id: "r1", startDate: "2027-03-09", endDate: "2027-03-26", status: "active", groupIds: ["g7"] };
    const kinds = (s: ScheduleState) => desiredMessages(s).map((m) => m.kind);
    expect(kinds(state({ now: at("2027-03-08", "12:00"), rounds: [{ ...round, status: "draft" }] }))).toEqual([]);
    expect(kinds(state({ now: at("2027-03-29", "12:00"), rounds: [{ ...round, endDate: "2027-03-26" }] }))).toEqual([]);
    // On the last day of the round it still counts (a late joiner gets the announcement); the 26th
    // is Goede Vrijdag, so the last school day is Thursday the 25th.
    expect(kinds(state({ now: at("2027-03-24", "12:00"), rounds: [{ ...round, startDate: "2027-03-25", endDate: "2027-03-25" }] }))).toContain(
      "round_announcement",
    );
  });

  it("halfway through a round only the teachers with unplanned pupils are nudged, with the round's dates", () => {
    const round = { id: "r1", startDate: "2027-03-08", endDate: "2027-03-19", status: "active", groupIds: ["g7", "g3"] };
    // Halfway: Saturday 13 March → Monday 15. Juf planned both pupils (one cancelled: still unplanned), meester none.
    const conversations = [
      conversation({ id: "a", pupilId: "p1", roundId: "r1", status: "held" }),
      conversation({ id: "b", pupilId: "p2", roundId: "r1", status: "cancelled" }),
    ];
    const s = state({ now: at("2027-03-14", "12:00"), rounds: [round], conversations });
    const nudges = desiredMessages(s).filter((m) => m.kind === "plan_nudge");
    expect(summary(nudges)).toEqual([`plan_nudge ${JUF} 2027-03-15 08:30`, `plan_nudge ${MEESTER} 2027-03-15 08:30`]);
    expect(nudges[0]!.payload).toEqual({ roundId: "r1", date: "2027-03-15", start: "2027-03-08", end: "2027-03-19" });
    const planned = [conversation({ id: "a", pupilId: "p1", roundId: "r1" }), conversation({ id: "b", pupilId: "p2", roundId: "r1", status: "prepared" })];
    const afterPlanning = desiredMessages({ ...s, conversations: planned }).filter((m) => m.kind === "plan_nudge");
    expect(afterPlanning.map((m) => m.recipientStaffId)).toEqual([MEESTER]);
  });

  it("a round of one or two days has no halfway nudge", () => {
    const round = { id: "r1", startDate: "2027-03-15", endDate: "2027-03-16", status: "active", groupIds: ["g7"] };
    const s = state({ now: at("2027-03-15", "07:00"), rounds: [round] });
    expect(desiredMessages(s).map((m) => m.kind)).toEqual(["round_announcement"]);
  });

  it("a goal that was closed gets no evaluation reminder", () => {
    const now = at("2027-03-08", "12:00");
    expect(summary(desiredMessages(state({ now, goals: [goal()] })))).toEqual([`evaluation_due ${JUF} 2027-03-09 08:30`]);
    for (const status of ["reached", "partly", "not_reached", "stopped"]) {
      expect(desiredMessages(state({ now, goals: [goal({ status })] }))).toEqual([]);
    }
    expect(desiredMessages(state({ now, goals: [goal({ evaluationDate: null })] }))).toEqual([]);
  });

  it("when the named evaluator left, the group's teachers are reminded; a named evaluator elsewhere gets it alone", () => {
    const now = at("2027-03-08", "12:00");
    const left = state({ now, goals: [goal({ evaluatorId: "vertrokken" })] });
    expect(summary(desiredMessages(left))).toEqual([`evaluation_due ${JUF} 2027-03-09 08:30`]);
    const colleague = state({ now, goals: [goal({ evaluatorId: MEESTER })] });
    expect(desiredMessages(colleague).map((m) => m.recipientStaffId)).toEqual([MEESTER]);
    const none = state({ now, goals: [goal({ evaluatorId: null })] });
    expect(desiredMessages(none)[0]).toMatchObject({
      recipientStaffId: JUF,
      subjectId: "goal1",
      idempotencyKey: `evaluation_due:goal1:2027-03-09:${JUF}`,
      payload: { goalId: "goal1", date: "2027-03-09" },
    });
    // A goal without a group whose evaluator left: nobody to remind, and no failure.
    expect(desiredMessages(state({ now, goals: [goal({ groupId: null, evaluatorId: "vertrokken" })] }))).toEqual([]);
    // Each goal its own reminder: two goals are two messages, not one.
    const two = desiredMessages(state({ now, goals: [goal(), goal({ id: "goal2" })] }));
    expect(new Set(two.map((m) => m.idempotencyKey)).size).toBe(2);
  });

  it("a weekly digest is not sent for a week without school", () => {
    const optedIn = prefs(JUF, "weekly_digest", { enabled: true });
    // Monday 1 March, in the holiday: the week has no school day, so no digest (not one for next week either).
    expect(desiredMessages(state({ now: at("2027-03-01", "07:00"), preferences: optedIn }))).toEqual([]);
    expect(desiredMessages(state({ now: at("2027-03-07", "22:00"), preferences: optedIn }))).toEqual([]);
    // The Monday after: the digest of that week, at the start of the day.
    const monday = desiredMessages(state({ now: at("2027-03-08", "07:00"), preferences: optedIn }));
    expect(monday).toEqual([
      {
        kind: "weekly_digest",
        recipientStaffId: JUF,
        subjectId: JUF,
        dueAt: at("2027-03-08", "08:30"),
        idempotencyKey: `weekly_digest:2027-03-08:${JUF}`,
        payload: { week: "2027-03-08" },
      },
    ]);
    // Not opted in: nothing.
    expect(desiredMessages(state({ now: at("2027-03-08", "07:00"), preferences: prefs(JUF, "weekly_digest", { enabled: false }) }))).toEqual([]);
  });

  it("a teacher who does not work Mondays gets the digest on their first working day of the week", () => {
    const groups = [{ id: "g7", bouw: "bovenbouw", teachers: [{ staffId: JUF, workingDays: new Set([3, 4, 5]) }], activePupilIds: ["p1"] }];
    const s = state({ now: at("2027-03-09", "12:00"), groups, preferences: prefs(JUF, "weekly_digest", { enabled: true }) });
    expect(summary(desiredMessages(s))).toEqual([`weekly_digest ${JUF} 2027-03-10 08:30`]);
  });

  it("a conversation in the past gets no preparation reminder and no pupil invitation, only the question whether it was held", () => {
    const past = conversation({ plannedAt: at("2027-03-08", "10:00") }); // Monday morning
    const s = state({ now: at("2027-03-08", "12:00"), conversations: [past] });
    expect(summary(desiredMessages(s))).toEqual([`unrecorded_nudge ${JUF} 2027-03-08 10:45`]);
  });

  it("a conversation starting right now gets no pupil invitation any more", () => {
    const now = at("2027-03-12", "10:00");
    const kinds = desiredMessages(state({ now, conversations: [conversation({ plannedAt: now })] })).map((m) => m.kind);
    expect(kinds).toEqual(["unrecorded_nudge"]);
  });

  it("a teacher whose working days never meet the school's days is still reminded, on school days", () => {
    const groups = [{ id: "g7", bouw: "bovenbouw", teachers: [{ staffId: JUF, workingDays: new Set([6]) }], activePupilIds: ["p1"] }];
    const c = conversation({ plannedAt: at("2027-03-12", "10:00") });
    const messages = desiredMessages(state({ now: at("2027-03-08", "07:00"), groups, conversations: [c], goals: [goal()] }));
    expect(summary(messages)).toEqual([
      `evaluation_due ${JUF} 2027-03-09 08:30`,
      `pupil_invitation ${JUF} 2027-03-09 08:30`, // three school days before Friday
    ]);
    const thursday = desiredMessages(state({ now: at("2027-03-10", "12:00"), groups, conversations: [c] }));
    expect(summary(thursday.filter((m) => m.kind === "prepare_reminder"))).toEqual([`prepare_reminder ${JUF} 2027-03-11 08:30`]);
  });

  it("a bovenbouw conversation gets a pupil invitation three school days before, for the teacher holding it", () => {
    const c = conversation({ plannedAt: at("2027-03-12", "10:00"), teacherIds: [MEESTER, JUF] });
    const s = state({ now: at("2027-03-08", "12:00"), conversations: [c] });
    const invitation = desiredMessages(s).filter((m) => m.kind === "pupil_invitation");
    expect(summary(invitation)).toEqual([`pupil_invitation ${MEESTER} 2027-03-09 08:30`]);
    expect(invitation[0]).toMatchObject({ subjectId: "c1", payload: { conversationId: "c1", date: "2027-03-12", at: c.plannedAt!.toISOString() } });
    // Onderbouw: no pupil form.
    const young = state({ now: at("2027-03-08", "12:00"), conversations: [{ ...c, groupId: "g3" }] });
    expect(desiredMessages(young).map((m) => m.kind)).not.toContain("pupil_invitation");
  });

  it("a conversation that is held, cancelled, unplanned or without a pupil asks for nothing", () => {
    const now = at("2027-03-11", "12:00");
    for (const c of [
      conversation({ status: "held" }),
      conversation({ status: "cancelled" }),
      conversation({ plannedAt: null }),
      conversation({ pupilId: null }),
    ]) {
      expect(desiredMessages(state({ now, conversations: [c] }))).toEqual([]);
    }
  });

  it("a prepared conversation gets no preparation reminder but is still asked about afterwards", () => {
    const s = state({ now: at("2027-03-11", "12:00"), conversations: [conversation({ status: "prepared", groupId: "g3", teacherIds: [] })] });
    // Without teachers named, whoever planned it is asked.
    expect(summary(desiredMessages(s))).toEqual([`unrecorded_nudge ${JUF} 2027-03-12 10:45`]);
  });

  it("a conversation ending after school is asked about the next school day the teacher works", () => {
    const late = conversation({ plannedAt: at("2027-03-12", "14:30"), durationMinutes: 20, groupId: "g3" }); // Friday, ends 14:50, +30 min
    const s = state({ now: at("2027-03-12", "12:00"), conversations: [late] });
    const nudge = desiredMessages(s).filter((m) => m.kind === "unrecorded_nudge");
    expect(nudge).toEqual([]); // Monday 08:30 is beyond the 36-hour horizon on Friday noon…
    const sunday = desiredMessages({ ...s, now: at("2027-03-14", "21:00") }).filter((m) => m.kind === "unrecorded_nudge");
    expect(summary(sunday)).toEqual([`unrecorded_nudge ${JUF} 2027-03-15 08:30`]); // …and planned by Sunday evening.
    // Without a duration, a quarter of an hour: 14:30 + 15 + 30 = 15:15, after school too.
    const noDuration = desiredMessages({ ...s, now: at("2027-03-14", "21:00"), conversations: [{ ...late, durationMinutes: null }] });
    expect(summary(noDuration.filter((m) => m.kind === "unrecorded_nudge"))).toEqual([`unrecorded_nudge ${JUF} 2027-03-15 08:30`]);
    const early = desiredMessages({ ...s, conversations: [{ ...late, plannedAt: at("2027-03-12", "13:00"), durationMinutes: null }] });
    expect(summary(early.filter((m) => m.kind === "unrecorded_nudge"))).toEqual([`unrecorded_nudge ${JUF} 2027-03-12 13:45`]);
  });

  it("nothing is planned for someone who left, and nothing beyond 36 hours ahead", () => {
    const c = conversation({ plannedAt: at("2027-03-12", "10:00"), groupId: "g3" });
    const gone = state({ now: at("2027-03-10", "12:00"), conversations: [c], activeStaffIds: new Set([MEESTER]) });
    expect(desiredMessages(gone)).toEqual([]);
    // Thursday 08:30 is 20.5 hours after Wednesday noon: planned; from Tuesday noon it is 44.5 hours.
    expect(summary(desiredMessages(state({ now: at("2027-03-10", "12:00"), conversations: [c] })))).toEqual([`prepare_reminder ${JUF} 2027-03-11 08:30`]);
    expect(desiredMessages(state({ now: at("2027-03-09", "12:00"), conversations: [c] }))).toEqual([]);
    // Exactly 36 hours ahead still counts.
    expect(desiredMessages(state({ now: at("2027-03-09", "20:30"), conversations: [c] })).map((m) => m.kind)).toEqual(["prepare_reminder"]);
  });

  it("a reminder snoozed until a later day waits for the start of that school day; due on that day, it is not moved", () => {
    const c = conversation({ plannedAt: at("2027-03-12", "10:00"), groupId: "g3" });
    const now = at("2027-03-11", "12:00");
    const snoozed = (until: string) =>
      desiredMessages(state({ now, conversations: [c], preferences: prefs(JUF, "prepare_reminder", { snoozedUntil: until }) })).filter(
        (m) => m.kind === "prepare_reminder",
      );
    // Due Thursday 11 March 08:30; snoozed until Thursday: due that very morning, as planned.
    expect(summary(snoozed("2027-03-11"))).toEqual([`prepare_reminder ${JUF} 2027-03-11 08:30`]);
    // Snoozed until Friday: moved to Friday 08:30, under the same key (so not queued twice).
    const moved = snoozed("2027-03-12");
    expect(summary(moved)).toEqual([`prepare_reminder ${JUF} 2027-03-12 08:30`]);
    expect(moved[0]!.idempotencyKey).toBe(`prepare_reminder:c1:${c.plannedAt!.toISOString()}:${JUF}`);
    // Snoozed until Saturday: the next school day is Monday, beyond the horizon for now.
    expect(snoozed("2027-03-13")).toEqual([]);
  });

  it("a teacher's working days count per group: an evaluation in one group waits for a day worked in that group", () => {
    const groups = [
      { id: "g7", bouw: "bovenbouw", teachers: [{ staffId: JUF, workingDays: new Set([1, 2]) }], activePupilIds: ["p1"] },
      { id: "g3", bouw: "onderbouw", teachers: [{ staffId: JUF, workingDays: new Set([3, 4, 5]) }], activePupilIds: ["p3"] },
    ];
    // Due Wednesday 10 March in groep 7, where juf works Monday and Tuesday: the next Monday.
    const s = state({ now: at("2027-03-14", "12:00"), groups, goals: [goal({ evaluationDate: "2027-03-10" })] });
    expect(summary(desiredMessages(s))).toEqual([`evaluation_due ${JUF} 2027-03-15 08:30`]);
  });

  it("on a round's last day the round still announces itself", () => {
    const round = { id: "r1", startDate: "2027-03-25", endDate: "2027-03-25", status: "active", groupIds: ["g7"] };
    const kinds = desiredMessages(state({ now: at("2027-03-25", "07:00"), rounds: [round] })).map((m) => m.kind);
    expect(kinds).toEqual(["round_announcement"]);
  });

  it("a round naming a group that no longer exists still reaches the teachers of its other groups", () => {
    const round = { id: "r1", startDate: "2027-03-09", endDate: "2027-03-26", status: "active", groupIds: ["weg", "g7"] };
    const messages = desiredMessages(state({ now: at("2027-03-08", "12:00"), rounds: [round] }));
    expect(summary(messages)).toEqual([`round_announcement ${JUF} 2027-03-09 08:30`]);
  });

  it("a pupil planned in another round is still unplanned in this one; one unplanned group is enough for a nudge", () => {
    const round = { id: "r1", startDate: "2027-03-08", endDate: "2027-03-19", status: "active", groupIds: ["g7", "g3"] };
    const groups = [
      { id: "g7", bouw: "bovenbouw", teachers: [{ staffId: JUF, workingDays: ALL_WEEK }], activePupilIds: ["p1"] },
      { id: "g3", bouw: "onderbouw", teachers: [{ staffId: JUF, workingDays: ALL_WEEK }], activePupilIds: ["p3"] },
    ];
    const now = at("2027-03-14", "12:00");
    // p1 planned in this round, p3 only in an earlier one: juf still has an unplanned pupil.
    const conversations = [conversation({ id: "a", pupilId: "p1", roundId: "r1" }), conversation({ id: "b", pupilId: "p3", roundId: "r0", groupId: "g3" })];
    const nudges = (cs: typeof conversations) =>
      desiredMessages(state({ now, groups, rounds: [round], conversations: cs })).filter((m) => m.kind === "plan_nudge");
    expect(summary(nudges(conversations))).toEqual([`plan_nudge ${JUF} 2027-03-15 08:30`]);
    expect(nudges([...conversations, conversation({ id: "c", pupilId: "p3", roundId: "r1", groupId: "g3" })])).toEqual([]);
  });

  it("the halfway nudge may fall on the round's last day, never after it", () => {
    // Monday to Wednesday: halfway is Tuesday; a teacher working only Wednesday is nudged on the last day…
    const round = { id: "r1", startDate: "2027-03-08", endDate: "2027-03-10", status: "active", groupIds: ["g7"] };
    const worksOn = (day: number) => [{ id: "g7", bouw: "bovenbouw", teachers: [{ staffId: JUF, workingDays: new Set([day]) }], activePupilIds: ["p1"] }];
    const nudges = (day: number, now: Date) => desiredMessages(state({ now, groups: worksOn(day), rounds: [round] })).filter((m) => m.kind === "plan_nudge");
    expect(summary(nudges(3, at("2027-03-09", "12:00")))).toEqual([`plan_nudge ${JUF} 2027-03-10 08:30`]);
    // …one working only Thursday is not nudged at all (not even on Wednesday evening, with Thursday in sight).
    expect(nudges(4, at("2027-03-10", "18:00"))).toEqual([]);
  });

  it("whether a conversation was held is asked the same day only on a day the teacher works, before school ends", () => {
    const groups = [{ id: "g3", bouw: "onderbouw", teachers: [{ staffId: JUF, workingDays: new Set([1, 2, 3]) }], activePupilIds: ["p3"] }];
    const nudge = (plannedAt: Date, durationMinutes: number, now: Date) =>
      desiredMessages(state({ now, groups, conversations: [conversation({ pupilId: "p3", groupId: "g3", plannedAt, durationMinutes })] })).filter(
        (m) => m.kind === "unrecorded_nudge",
      );
    // Wednesday 10:00 + 15 + 30 minutes: the same day, 10:45, with what the message needs.
    const same = nudge(at("2027-03-10", "10:00"), 15, at("2027-03-10", "09:00"));
    expect(same).toEqual([
      {
        kind: "unrecorded_nudge",
        recipientStaffId: JUF,
        subjectId: "c1",
        dueAt: at("2027-03-10", "10:45"),
        idempotencyKey: `unrecorded_nudge:c1:${at("2027-03-10", "10:00").toISOString()}:${JUF}`,
        payload: { conversationId: "c1", date: "2027-03-10", at: at("2027-03-10", "10:00").toISOString() },
        bundleDays: expect.any(Array),
      },
    ]);
    // Bundled (bundle.ts), it waits for the next morning juf works: Wednesday's bundle went out at 08:30.
    expect(same[0]!.bundleDays!.map((d) => d.day)).toEqual(["2027-03-15", "2027-03-16", "2027-03-17", "2027-03-22"]);
    expect(same[0]!.bundleDays![0]!.at).toEqual(at("2027-03-15", "08:30"));
    // Ending exactly when school ends (14:15 + 15 + 30 = 15:00): the next day juf works, Monday.
    expect(summary(nudge(at("2027-03-10", "14:15"), 15, at("2027-03-14", "21:00")))).toEqual([`unrecorded_nudge ${JUF} 2027-03-15 08:30`]);
    // Held on Thursday, a day juf does not work: asked on Monday, not on Thursday.
    expect(summary(nudge(at("2027-03-11", "10:00"), 15, at("2027-03-14", "21:00")))).toEqual([`unrecorded_nudge ${JUF} 2027-03-15 08:30`]);
  });

  it("a conversation whose group is gone is still asked about, and gets no pupil invitation", () => {
    const c = conversation({ groupId: null, plannedAt: at("2027-03-12", "10:00") });
    const kinds = desiredMessages(state({ now: at("2027-03-11", "12:00"), conversations: [c] })).map((m) => m.kind);
    expect(kinds.sort()).toEqual(["prepare_reminder", "unrecorded_nudge"]);
  });

  it("a duo-partner's digest comes on their own first working day of the week", () => {
    const groups = [
      {
        id: "g7",
        bouw: "bovenbouw",
        teachers: [
          { staffId: JUF, workingDays: new Set([3, 4, 5]) },
          { staffId: MEESTER, workingDays: new Set([1, 2]) },
        ],
        activePupilIds: ["p1"],
      },
    ];
    const s = state({ now: at("2027-03-09", "12:00"), groups, preferences: prefs(JUF, "weekly_digest", { enabled: true }) });
    expect(summary(desiredMessages(s))).toEqual([`weekly_digest ${JUF} 2027-03-10 08:30`]);
  });

  it("a preparation reminder names the conversation, its day and its time", () => {
    const c = conversation({ plannedAt: at("2027-03-12", "10:00"), groupId: "g3" });
    const reminder = desiredMessages(state({ now: at("2027-03-10", "12:00"), conversations: [c] })).find((m) => m.kind === "prepare_reminder");
    expect(reminder).toEqual({
      kind: "prepare_reminder",
      recipientStaffId: JUF,
      subjectId: "c1",
      dueAt: at("2027-03-11", "08:30"),
      idempotencyKey: `prepare_reminder:c1:${c.plannedAt!.toISOString()}:${JUF}`,
      payload: { conversationId: "c1", date: "2027-03-12", at: c.plannedAt!.toISOString() },
      bundleDays: expect.any(Array),
    });
    // Bundled, it goes into that morning's bundle (or a later one, if that one went out already).
    expect(reminder!.bundleDays!.slice(0, 2)).toEqual([
      { day: "2027-03-11", at: at("2027-03-11", "08:30") },
      { day: "2027-03-12", at: at("2027-03-12", "08:30") },
    ]);
  });
});

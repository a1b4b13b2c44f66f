// The membership rule on its own (bot/rounds/membership.ts): which day counts, school-local
// window edges, overlapping rounds, and the pupil's conversation when there are several.
import { describe, expect, it } from "vitest";
import { zonedTimeToUtc } from "../../bot/domain/local-time.js";
import { furthestConversation, roundOfConversation, type MembershipConversation, type MembershipRound } from "../../bot/rounds/membership.js";

const TZ = "Europe/Amsterdam";
const at = (date: string, time = "10:00") => zonedTimeToUtc(date, time, TZ);

const round = (id: string, startDate: string, endDate: string, over: Partial<MembershipRound> = {}): MembershipRound => ({
  id,
  status: "active",
  startDate,
  endDate,
  createdAt: at("2027-01-01"),
  groupIds: ["g5"],
  ...over,
});

const conversation = (over: Partial<MembershipConversation>): MembershipConversation => ({
  pupilId: "p1",
  groupId: "g5",
  status: "planned",
  heldAt: null,
  plannedAt: null,
  createdAt: at("2027-02-01"),
  ...over,
});

const spring = round("spring", "2027-03-08", "2027-03-26");

describe("round membership rule", () => {
  it("a held conversation counts by the day it was held, however it was started", () => {
    expect(roundOfConversation(conversation({ status: "held", heldAt: at("2027-03-10") }), [spring], TZ)).toBe("spring");
    expect(roundOfConversation(conversation({ status: "evaluated", heldAt: at("2027-03-26", "23:30") }), [spring], TZ)).toBe("spring");
    // 00:30 on Saturday school time is still Friday in UTC: the school's day counts.
    expect(roundOfConversation(conversation({ status: "held", heldAt: at("2027-03-27", "00:30") }), [spring], TZ)).toBeNull();
    expect(roundOfConversation(conversation({ status: "held", heldAt: at("2027-03-07", "23:59") }), [spring], TZ)).toBeNull();
  });

  it("held a little after the round it was planned in, it stays the round's; held in another round's window, that one's", () => {
    const planned = { status: "held", plannedAt: at("2027-03-25") };
    expect(roundOfConversation(conversation({ ...planned, heldAt: at("2027-03-30") }), [spring], TZ)).toBe("spring");
    const autumn = round("autumn", "2027-03-29", "2027-04-16");
    expect(roundOfConversation(conversation({ ...planned, heldAt: at("2027-03-30") }), [spring, autumn], TZ)).toBe("autumn");
  });

  it("not held yet: its planned day, or without one the day it was created", () => {
    expect(roundOfConversation(conversation({ status: "prepared", plannedAt: at("2027-03-18") }), [spring], TZ)).toBe("spring");
    expect(roundOfConversation(conversation({ status: "prepared", plannedAt: at("2027-04-14"), createdAt: at("2027-03-10") }), [spring], TZ)).toBeNull();
    expect(roundOfConversation(conversation({ status: "planned", createdAt: at("2027-03-10") }), [spring], TZ)).toBe("spring");
  });

  it("no round for another group, a groepsgesprek, a cancelled conversation, or one without a group", () => {
    const held = { status: "held", heldAt: at("2027-03-10") };
    expect(roundOfConversation(conversation({ ...held, groupId: "g4" }), [spring], TZ)).toBeNull();
    expect(roundOfConversation(conversation({ ...held, pupilId: null }), [spring], TZ)).toBeNull();
    expect(roundOfConversation(conversation({ ...held, groupId: null }), [spring], TZ)).toBeNull();
    expect(roundOfConversation(conversation({ status: "cancelled", plannedAt: at("2027-03-10") }), [spring], TZ)).toBeNull();
  });

  it("overlapping rounds: active first, then the latest start, then the latest created, then the greater id", () => {
    const held = conversation({ status: "held", heldAt: at("2027-03-18") });
    const later = round("later", "2027-03-15", "2027-03-31");
    expect(roundOfConversation(held, [spring, later], TZ)).toBe("later");
    expect(roundOfConversation(held, [later, spring], TZ)).toBe("later");
    expect(roundOfConversation(held, [spring, { ...later, status: "cancelled" }], TZ)).toBe("spring");
    // A cancelled round keeps what no active round covers.
    expect(roundOfConversation(held, [{ ...spring, status: "cancelled" }], TZ)).toBe("spring");
    const twin = round("twin", "2027-03-08", "2027-03-26", { createdAt: at("2027-02-01") });
    expect(roundOfConversation(held, [twin, spring], TZ)).toBe("twin");
    const sameAll = round("a-first", "2027-03-08", "2027-03-26");
    expect(roundOfConversation(held, [spring, sameAll], TZ)).toBe("spring");
    expect(roundOfConversation(held, [sameAll, spring], TZ)).toBe("spring");
  });

  it("a pupil's conversation in a round is the one furthest along, then the latest", () => {
    const list = [
      { id: "planned", status: "planned", createdAt: at("2027-03-12") },
      { id: "held", status: "held", createdAt: at("2027-03-01") },
      { id: "cancelled", status: "cancelled", createdAt: at("2027-03-20") },
    ];
    expect(furthestConversation(list)?.id).toBe("held");
    expect(furthestConversation([list[0]!, { id: "newer", status: "planned", createdAt: at("2027-03-13") }])?.id).toBe("newer");
    expect(furthestConversation([list[2]!])).toBeUndefined();
  });
});

// The Slack payload schemas: what the adapter reads, and what it refuses to half-read.
import { describe, expect, it } from "vitest";
import { BlockActionsPayload, SlashCommandPayload, teamIdOf, ViewPayload } from "../../adapters/slack/payloads.js";

describe("Slack payloads", () => {
  it("finds the workspace where each kind of request carries it", () => {
    expect(teamIdOf({ team_id: "T0SCHOOL01" })).toBe("T0SCHOOL01");
    expect(teamIdOf({ team: { id: "T0SCHOOL02" } })).toBe("T0SCHOOL02");
    expect(teamIdOf({ user: { team_id: "T0SCHOOL03" } })).toBe("T0SCHOOL03");
    expect(teamIdOf({ event: { team: "T0SCHOOL04" } })).toBe("T0SCHOOL04");
    expect(teamIdOf({ team_id: "t-lower", team: { id: "T0SCHOOL05" } })).toBe("T0SCHOOL05");
    for (const body of [undefined, null, "T0SCHOOL01", [], { team: "T0SCHOOL01" }, { team_id: 7 }]) expect(teamIdOf(body)).toBeUndefined();
  });

  it("refuses a slash command without valid ids or a trigger", () => {
    const good = { team_id: "T0SCHOOL01", user_id: "U0ALEX0001", channel_id: "D0ALEX0001", trigger_id: "1.2.abc", text: "help" };
    expect(SlashCommandPayload.safeParse(good).success).toBe(true);
    expect(SlashCommandPayload.safeParse({ ...good, user_id: "<@U1>" }).success).toBe(false);
    expect(SlashCommandPayload.safeParse({ ...good, trigger_id: "" }).success).toBe(false);
  });

  it("needs a user and at least one action in block_actions, and a view with an id in view payloads", () => {
    const user = { id: "U0ALEX0001", team_id: "T0SCHOOL01" };
    expect(BlockActionsPayload.safeParse({ user, actions: [{ action_id: "gw_cmd:0", value: "{}" }] }).success).toBe(true);
    expect(BlockActionsPayload.safeParse({ user, actions: [] }).success).toBe(false);
    expect(BlockActionsPayload.safeParse({ user, actions: [{ value: "x" }] }).success).toBe(false);
    expect(BlockActionsPayload.safeParse({ user: { id: 1 }, actions: [{ action_id: "a" }] }).success).toBe(false);
    expect(ViewPayload.safeParse({ user, view: { id: "V1", private_metadata: "{}" } }).success).toBe(true);
    expect(ViewPayload.safeParse({ user, view: { private_metadata: "{}" } }).success).toBe(false);
  });
});

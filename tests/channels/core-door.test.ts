// The core APIs a channel uses instead of the database: the once-only delivery ledger, the
// workspace binding check, and the home overview (with its refusal for someone not served).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import { createCore } from "../../app/core.js";
import type { ChannelUser } from "../../bot/channel/types.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";

const TEAM = "T0DOOR0001";
let t: TestDatabase;
let core: BotCore;
let teacher: ChannelUser;

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db);
  await t.db.channelBinding.create({ data: { schoolId: school.id, channel: "slack", externalId: TEAM } });
  const group = await makeGroup(t.db, school.id, "groep 6");
  await makePupil(t.db, school.id, group.id, "Lotte");
  const staff = await makeStaff(t.db, school.id, { groups: [group.id], email: "deur@test.example" });
  teacher = { channel: "slack", externalId: `${TEAM}:U0DOOR0001`, tenantId: TEAM, email: staff.email };
  core = createCore({ db: t.db, logger: pino({ level: "silent" }), defaultLocale: "nl" });
});
afterAll(async () => t?.destroy());

describe(`the core's door for channels on ${testProvider()}`, () => {
  it("claims a delivery once per channel, however often it is offered", async () => {
    const claims = await Promise.all([1, 2, 3].map(() => core.claimDelivery("slack", "event:Ev0DOOR01")));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await core.claimDelivery("slack", "event:Ev0DOOR01")).toBe(false);
    // The same key on another channel is another delivery.
    expect(await core.claimDelivery("teams", "event:Ev0DOOR01")).toBe(true);
  });

  it("acts once on a turn delivered again, at first contact and for a teacher identified before", async () => {
    // A core of its own: this teacher is not yet identified in it (first contact: claimed on its own).
    const fresh = createCore({ db: t.db, logger: pino({ level: "silent" }), defaultLocale: "nl" });
    const turn = (event: string) => ({ user: teacher, text: "help", delivery: { channel: "slack" as const, key: `event:${event}` } });
    const first = await fresh.handleTurn(turn("Ev0TURN01"));
    expect(first.duplicate).toBeUndefined();
    expect(first.replies.length).toBeGreaterThan(0);
    expect(await fresh.handleTurn(turn("Ev0TURN01"))).toMatchObject({ duplicate: true, replies: [] });
    // Identified now: on PostgreSQL the claim is part of the actor's statement; once, however often offered.
    const again = await Promise.all([1, 2, 3].map(() => fresh.handleTurn(turn("Ev0TURN02"))));
    expect(again.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(again.filter((r) => r.duplicate).map((r) => r.replies)).toEqual([[], []]);
    // The same ledger as the door's claim.
    expect(await fresh.claimDelivery("slack", "event:Ev0TURN02")).toBe(false);
    expect((await fresh.handleTurn(turn("Ev0TURN03"))).duplicate).toBeUndefined();
  });

  it("serves only bound workspaces", async () => {
    expect(await core.isWorkspaceBound("slack", TEAM)).toBe(true);
    expect(await core.isWorkspaceBound("slack", "T0ELSEWHR9")).toBe(false);
    expect(await core.isWorkspaceBound("teams", TEAM)).toBe(false);
  });

  it("gives a teacher their overview and a stranger a refusal without data", async () => {
    const home = await core.home(teacher);
    expect(home).toMatchObject({ kind: "home", locale: "nl", groups: [{ groupName: "groep 6", held: 0, total: 1 }], drafts: [], due: [] });
    const stranger = await core.home({ ...teacher, externalId: `${TEAM}:U0STRANGE9`, email: "niemand@elders.example" });
    expect(stranger).toEqual({ kind: "refused", locale: "nl", text: expect.stringContaining("personeelslijst") });
    const foreign = await core.home({ ...teacher, tenantId: "T0ELSEWHR9" });
    expect(foreign.kind).toBe("refused");
    expect(JSON.stringify(foreign)).not.toContain("Lotte");
  });
});

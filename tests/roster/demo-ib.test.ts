// The demo school as the README suggests chatting in it: the IB'er supports pupils of groep 5
// (Alex Wilber's group), linked through the setup's ibAssignments, and sees them in the chat.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { createCore } from "../../app/core.js";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import { seedDemoSchool } from "../../bot/roster/demo.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

const RENATE = "renate.uilenbroek@regenboog.example";
let t: TestDatabase;
let core: BotCore;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoSchool(t.db);
  core = createCore({ db: t.db, logger: pino({ level: "silent" }), defaultLocale: "nl" });
});
afterAll(async () => t?.destroy());

const say = async (text: string) =>
  (await core.handleTurn({ user: { channel: "local", externalId: RENATE, email: RENATE }, text })).replies.map((r) => r.text).join("\n");

describe(`the demo school's IB'er on ${testProvider()}`, () => {
  it("supports three pupils of groep 5, once after seeding twice, and sees them in the chat", async () => {
    const supported = () =>
      t.db.pupilSupport.findMany({
        where: { staff: { email: RENATE } },
        select: { pupil: { select: { firstName: true, active: true, group: { select: { name: true } } } } },
      });
    // Seeded once (beforeAll), the IB'er's pupils are linked already: the roster comes after the setup.
    const once = await supported();
    expect(once.map((s) => s.pupil.firstName).sort()).toEqual(["Amira", "Mohammed", "Otis"]);
    expect(once.every((s) => s.pupil.active && s.pupil.group?.name === "groep 5")).toBe(true);
    await seedDemoSchool(t.db);
    expect(await supported()).toHaveLength(3);
    for (const name of ["Otis", "Mohammed", "Amira"]) expect(await say(`leerling ${name}`)).toMatch(new RegExp(`^\\*\\*${name} .+\\*\\* \\(groep 5\\)`));
    // Tobias is in groep 5 too, but not one of hers.
    expect(await say("leerling Tobias")).toBe("Ik vond geen leerling 'Tobias' onder je leerlingen.");
  });
});

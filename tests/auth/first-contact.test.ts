// A new teacher's first contact can arrive as several requests at once (a Slack user clicking
// around while the app loads, a Teams message delivered beside its card). Each must find her, and
// her channel account is linked once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveStaffId } from "../../bot/chat/identity.js";
import { makeSchool, makeStaff } from "../support/fixtures.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

let t: TestDatabase;
let staffId: string;
const email = "nieuwe.juf@school.example";

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db);
  await t.db.channelBinding.create({ data: { schoolId: school.id, channel: "slack", externalId: "T0FIRST" } });
  staffId = (await makeStaff(t.db, school.id, { email })).id;
});
afterAll(async () => t?.destroy());

describe(`a teacher's first contact on ${testProvider()}`, () => {
  it("eight requests at once all find her, and her Slack account is linked once", async () => {
    const user = { channel: "slack" as const, externalId: "T0FIRST:U0NIEUW", tenantId: "T0FIRST", email };
    const found = await Promise.allSettled(Array.from({ length: 8 }, () => resolveStaffId(t.db, user)));
    expect(found.map((r) => (r.status === "fulfilled" ? r.value : String(r.reason)))).toEqual(Array(8).fill(staffId));
    expect(await t.db.staffIdentity.findMany({ where: { externalId: "T0FIRST:U0NIEUW" }, select: { staffId: true } })).toEqual([{ staffId }]);
  });
});

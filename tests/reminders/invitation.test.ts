// Bovenbouw: three school days before a planned conversation the teacher gets the pupil's
// preparation form in Teams, as a link that downloads the printable page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector } from "../support/fake-connector.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { createOutboxWorker } from "../../bot/outbox/worker.js";
import { createDeferral, createRenderers } from "../../bot/reminders/scheduler.js";
import { produceReminders } from "../../bot/reminders/producer.js";
import { zonedTimeToUtc } from "../../bot/domain/local-time.js";
import { createLogger } from "../../bot/logger.js";

const TZ = "Europe/Amsterdam";
const TENANT = "33333333-4444-5555-6666-777777777777";
const AAD = "cccccccc-0000-0000-0000-000000000001";
let app: TestApp;
const connector = new FakeConnector();

beforeAll(async () => {
  await connector.start();
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true" });
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Bovenbouwschool", teamsTenantIds: [TENANT] },
    schoolYear: "2026-2027",
    staff: [{ email: "juf@school.example", name: "Juf Jansen", roles: ["teacher"], teamsAadObjectId: AAD }],
    groups: [{ name: "groep 7", teachers: [{ email: "juf@school.example" }] }],
  });
  const db = app.database.db;
  const group = await db.group.findFirstOrThrow({ where: { schoolId: setup.schoolId } });
  const teacher = await db.staff.findFirstOrThrow({ where: { schoolId: setup.schoolId } });
  const pupil = await db.pupil.create({ data: { schoolId: setup.schoolId, groupId: group.id, externalId: "1", firstName: "Noor", lastName: "Visser" } });
  // Thursday 11 March 2027, 10:00.
  await db.conversation.create({
    data: {
      schoolId: setup.schoolId,
      pupilId: pupil.id,
      groupId: group.id,
      formatKey: "bovenbouw-kindgesprek",
      formatVersion: 1,
      status: "planned",
      plannedAt: zonedTimeToUtc("2027-03-11", "10:00", TZ),
      durationMinutes: 15,
      createdById: teacher.id,
      teachers: { create: { staffId: teacher.id } },
    },
  });
  await app.core.rememberAddress(
    { channel: "teams", externalId: AAD, tenantId: TENANT },
    {
      channelId: "msteams",
      serviceUrl: connector.url,
      conversation: { id: `a:personal-${AAD}`, conversationType: "personal", tenantId: TENANT },
      user: { id: `29:${AAD}`, aadObjectId: AAD },
      bot: { id: "28:bot" },
    },
  );
});
afterAll(async () => {
  await app?.stop();
  await connector.stop();
});

describe("the pupil preparation form", () => {
  it("arrives three school days ahead with a link to the printable page", async () => {
    const now = zonedTimeToUtc("2027-03-08", "08:35", TZ); // Monday: Thu 11 minus Wed, Tue, Mon
    const clock = () => now;
    await produceReminders(app.database.db, now);
    const worker = createOutboxWorker({
      db: app.database.db,
      proactive: app.core.proactive,
      logger: createLogger("silent"),
      renderers: createRenderers(clock),
      deferUntil: createDeferral(app.database.db, clock),
      clock,
    });
    await worker.tick();
    const sent = connector.activities.filter((a) => a.idempotencyKey?.startsWith("pupil_invitation:"));
    expect(sent.length).toBeGreaterThanOrEqual(2); // the message and the file
    const json = JSON.stringify(sent.map((a) => a.activity));
    expect(json).toContain("Noor Visser");
    const url = /"url":"([^"]*\/files\/[^"]+)"/.exec(json)?.[1];
    expect(url).toBeTruthy();
    const res = await fetch(`${app.baseUrl}${new URL(url!).pathname}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Noor");
    expect(html).toMatch(/Neem dit blad mee/);
  });
});

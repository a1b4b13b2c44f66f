// `vakanties` in the chat, for the school's admin: this and next school year, the region's
// proposal for a year not confirmed yet, and confirming it; a teacher is refused (and it is audited).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-db.js";
import { createCore } from "../../app/core.js";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import { createLogger } from "../../bot/logger.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { loadSchoolCalendar } from "../../bot/services/school-calendar.js";
import { isSchoolDay } from "../../bot/domain/school-calendar.js";
import { zonedTimeToUtc } from "../../bot/domain/local-time.js";

const NOW = zonedTimeToUtc("2027-06-01", "10:00", "Europe/Amsterdam"); // school year 2026-2027
let t: TestDatabase;
let core: BotCore;
let schoolId: string;
const say = async (email: string, text: string) =>
  (await core.handleTurn({ user: { channel: "local", externalId: email, email }, text })).replies.map((r) => r.text).join("\n\n");

beforeAll(async () => {
  t = await createTestDatabase();
  schoolId = (
    await applySchoolSetup(t.db, {
      school: { name: "De Eik", holidayRegion: "midden", closures: [{ kind: "study_day", name: "Studiedag", startDate: "2027-06-14", endDate: "2027-06-14" }] },
      staff: [
        { email: "admin@eik.example", name: "Beheer", roles: ["admin"] },
        { email: "juf@eik.example", name: "Juf", roles: ["teacher"] },
      ],
    })
  ).schoolId;
  core = createCore({ db: t.db, logger: createLogger("silent"), defaultLocale: "nl", clock: () => NOW });
});
afterAll(async () => t?.close());

describe("vakanties in the chat", () => {
  it("shows this year's own days off and next year's proposal, then confirms it", async () => {
    const overview = await say("admin@eik.example", "vakanties");
    expect(overview).toContain("**Schooljaar 2026-2027** — nog niet bevestigd");
    expect(overview).toContain("- Studiedag: 14-6-2027\n");
    expect(overview).toContain("Voor schooljaar 2026-2027 zijn de landelijke vakanties nog niet opgenomen");
    expect(overview).toContain("**Schooljaar 2027-2028** — nog niet bevestigd");
    expect(overview).toContain("- Zomervakantie: 8-7-2028 t/m 20-8-2028");
    expect(overview).toContain("Tweede Paasdag 17-4-2028");
    expect(overview).toContain("vakanties bevestigen 2027-2028");
    expect(isSchoolDay(await loadSchoolCalendar(t.db, schoolId), "2028-07-10")).toBe(true);

    expect(await say("admin@eik.example", "vakanties bevestigen 2027-2028")).toBe(
      "Bevestigd: 6 vakanties van regio midden voor schooljaar 2027-2028. Op die dagen gaan er geen herinneringen uit.",
    );
    expect(isSchoolDay(await loadSchoolCalendar(t.db, schoolId), "2028-07-10")).toBe(false);
    expect(await say("admin@eik.example", "vakanties bevestigen 2027-2028")).toContain("was al zo bevestigd");
    expect(await say("admin@eik.example", "vakanties")).toContain("**Schooljaar 2027-2028** — vakanties van regio midden bevestigd op");
    expect(await say("admin@eik.example", "vakanties bevestigen 2026-2027")).toContain("nog niet opgenomen");
    expect(await say("admin@eik.example", "vakanties verschuiven")).toContain("vakanties bevestigen 2027-2028");
  });

  it("help names the command for the admin only", async () => {
    expect(await say("admin@eik.example", "help")).toContain("**vakanties** — de vakanties van dit en volgend schooljaar");
    expect(await say("juf@eik.example", "help")).not.toContain("**vakanties**");
  });

  it("refuses a teacher and records the refusal", async () => {
    expect(await say("juf@eik.example", "vakanties")).toBe("Alleen de beheerder van de school kan de vakanties bekijken en bevestigen.");
    expect(await t.db.auditEvent.count({ where: { schoolId, action: "refused", entity: "school_holidays" } })).toBe(1);
  });
});

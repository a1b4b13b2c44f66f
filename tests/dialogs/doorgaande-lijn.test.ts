// A school's doorgaande lijn (default format per bouw, overridable per group) without code
// changes, and versioned formats: a held conversation keeps the version it was held with.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { createCore } from "../../app/core.js";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import { addSchoolFormat, getFormat, loadBuiltinFormats } from "../../bot/formats/registry.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { ErrorCode } from "../../bot/errors.js";

let t: TestDatabase;
let core: BotCore;
let schoolId: string;
const user = { channel: "local" as const, externalId: "a@school.example", email: "a@school.example" };

const setup = (formatDefaults: Record<string, string>, groupFormat?: string) => ({
  school: { name: "De Lijn", formatDefaults },
  schoolYear: "2026-2027",
  staff: [{ email: "a@school.example", name: "Anna", roles: ["teacher"] }],
  groups: [
    { name: "groep 4", teachers: [{ email: "a@school.example" }] },
    { name: "groep 5", teachers: [{ email: "a@school.example" }], ...(groupFormat ? { format: groupFormat } : {}) },
  ],
});

beforeAll(async () => {
  t = await createTestDatabase();
  schoolId = (await applySchoolSetup(t.db, setup({ middenbouw: "kindplan" }))).schoolId;
  const groups = await t.db.group.findMany({ where: { schoolId } });
  for (const g of groups) {
    await t.db.pupil.create({ data: { schoolId, groupId: g.id, externalId: g.name, firstName: g.name === "groep 4" ? "Vier" : "Vijf", lastName: "K." } });
  }
  core = createCore({ db: t.db, logger: pino({ level: "silent" }), defaultLocale: "nl" });
});
afterAll(async () => t?.destroy());

async function dialogTitle(text: string): Promise<string> {
  const result = await core.handleTurn({ user, text });
  const step = result.replies.find((r) => r.step)?.step;
  await core.handleTurn({ user, text: "stop" });
  return step?.dialogTitle ?? result.replies.map((r) => r.text).join(" ");
}

describe(`doorgaande lijn and format versions on ${testProvider()}`, () => {
  it("uses the school's format for the bouw, and a group's own choice over it", async () => {
    expect(await dialogTitle("gesprek Vier")).toMatch(/^Kindplan/);
    await applySchoolSetup(t.db, setup({ middenbouw: "kindplan" }, "hgw-kindgesprek"));
    expect(await dialogTitle("gesprek Vijf")).toMatch(/^Kindgesprek/i);
    expect(await dialogTitle("gesprek Vier")).toMatch(/^Kindplan/);
  });

  it("refuses a setup that names an unknown format, changing nothing", async () => {
    await expect(applySchoolSetup(t.db, setup({ middenbouw: "bestaat-niet" }))).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    expect((await t.db.schoolFormatDefault.findFirstOrThrow({ where: { schoolId, bouw: "middenbouw" } })).formatKey).toBe("kindplan");
  });

  it("adds a school's own version; older conversations keep theirs", async () => {
    const builtins = loadBuiltinFormats().filter((f) => f.key === "kindplan");
    const v1 = builtins.find((f) => f.version === 1)!;
    const next = Math.max(...builtins.map((f) => f.version)) + 1;
    const ours = { ...v1, version: next, name: { nl: "Kindplan (onze versie)", en: "Pupil plan (our version)" } };
    await expect(addSchoolFormat(t.db, schoolId, { ...ours, version: next - 1 })).rejects.toMatchObject({ code: ErrorCode.Conflict });
    await expect(addSchoolFormat(t.db, schoolId, { ...ours, phases: [] })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    // No field may ask for more than every channel can carry (Slack's 3000).
    const tooLong = JSON.parse(JSON.stringify(ours)) as typeof ours;
    tooLong.phases[0]!.sections[0]!.fields[0]!.maxLength = 3001;
    await expect(addSchoolFormat(t.db, schoolId, tooLong)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    await addSchoolFormat(t.db, schoolId, ours);
    expect((await getFormat(t.db, schoolId, "kindplan")).version).toBe(next);
    expect((await getFormat(t.db, schoolId, "kindplan", 1)).name.nl).toBe(v1.name.nl);
    expect(await dialogTitle("gesprek Vier")).toMatch(/^Kindplan \(onze versie\)/);
    const session = await t.db.dialogSession.findFirstOrThrow({ where: { formatKey: "kindplan" }, orderBy: { createdAt: "desc" } });
    expect(session.formatVersion).toBe(next);
  });
});

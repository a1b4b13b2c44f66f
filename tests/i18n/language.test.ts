// The texts read as written Dutch and English: plural forms instead of "gesprek(ken)", the
// catalogue's own emphasis instead of backticks (Teams, Slack and the text chat render those
// differently), and example dates computed from today, so they never lie in the past.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../bot/i18n/catalogue/index.js";
import { translate } from "../../bot/i18n/translate.js";
import type { Catalogue } from "../../bot/text/text.js";
import { slackCatalogue } from "../../adapters/slack/texts.js";
import { teamsCatalogue } from "../../adapters/teams/texts.js";
import { renderCatalogue } from "../../dialogs/render/texts.js";
import { parseFieldInput } from "../../dialogs/engine/parse-field.js";
import { isoWeekday } from "../../bot/domain/school-calendar.js";
import { zonedTimeToUtc } from "../../bot/domain/local-time.js";
import { createCore } from "../../app/core.js";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import { createLogger } from "../../bot/logger.js";
import { createTestDatabase, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";

const PLURAL_HACK = /\p{L}\((?:e?n|s|'s|ken|ren|e|es)\)/u;
const LITERAL_DATE = /\b\d{1,2}-\d{1,2}-\d{4}\b|\b(?:19|20)\d{2}\b/;

/** Every text of a catalogue as "key lang: text", each plural form on its own. */
const textsOf = (c: Catalogue) =>
  Object.entries(c).flatMap(([key, entry]) =>
    (["nl", "en"] as const).flatMap((lang) => {
      const text = entry[lang];
      return (typeof text === "string" ? [text] : [text.one, text.other]).map((form) => ({ key, lang, form }));
    }),
  );

const CATALOGUES: Record<string, Catalogue> = { core: catalogue, slack: slackCatalogue, teams: teamsCatalogue, render: renderCatalogue };

describe("every catalogue text", () => {
  const all = Object.entries(CATALOGUES).flatMap(([name, c]) => textsOf(c).map((t) => ({ ...t, name })));
  const offending = (test: (form: string) => boolean) => all.filter((t) => test(t.form)).map((t) => `${t.name} ${t.key} ${t.lang}: ${t.form}`);

  it("has plural forms instead of '(en)', '(s)' or '(ken)'", () => {
    expect(all.length).toBeGreaterThan(700);
    expect(PLURAL_HACK.test("gesprek(ken)") && PLURAL_HACK.test("group(s)") && PLURAL_HACK.test("groep(en)")).toBe(true);
    expect(offending((form) => PLURAL_HACK.test(form))).toEqual([]);
  });

  it("marks commands with the catalogue's **bold**, never with backticks", () => {
    expect(offending((form) => form.includes("`"))).toEqual([]);
  });

  it("holds no literal date or year: examples are computed from today and given as a placeholder", () => {
    expect(offending((form) => LITERAL_DATE.test(form))).toEqual([]);
  });
});

describe("example dates", () => {
  const FAKE_TODAY = "2031-03-13";
  let t: TestDatabase;
  let core: BotCore;
  let admin: string;
  const say = async (email: string, text: string) =>
    (await core.handleTurn({ user: { channel: "local", externalId: email, email }, text })).replies.map((r) => r.text).join("\n");

  beforeAll(async () => {
    t = await createTestDatabase();
    const school = await makeSchool(t.db);
    admin = (await makeStaff(t.db, school.id, { roles: [{ role: "admin" }] })).email;
    core = createCore({ db: t.db, logger: createLogger("silent"), defaultLocale: "nl", clock: () => zonedTimeToUtc(FAKE_TODAY, "10:00", "Europe/Amsterdam") });
  });
  afterAll(async () => t?.close());

  /** The first day each date or school year in a text stands for, as YYYY-MM-DD. */
  const datesIn = (text: string) => [
    ...[...text.matchAll(/\b(\d{4})-(\d{4})\b/g)].map((m) => `${m[1]}-08-01`),
    ...[...text.matchAll(/\b(\d{1,2})-(\d{1,2})-(\d{4})\b/g)].map((m) => `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`),
  ];

  it("in help and usage texts lie after today", async () => {
    for (const [email, text] of [
      [admin, "help"],
      [admin, "vakanties verschuiven"],
    ] as const) {
      const reply = await say(email, text);
      expect(datesIn(reply).length, reply).toBeGreaterThan(0);
      for (const date of datesIn(reply)) expect(date > FAKE_TODAY, `${date} in: ${reply}`).toBe(true);
    }
    expect(await say(admin, "help")).toContain("**vakanties bevestigen 2031-2032**");
  });

  it("in the answer to an unreadable date lie a week or so ahead, on a weekday", () => {
    const field = { id: "when", kind: "date", label: { nl: "Datum", en: "Date" }, required: true } as const;
    for (const today of ["2031-03-13", "2031-03-15", "2031-12-29"]) {
      const result = parseFieldInput(field as never, "ergens volgende week", { today });
      if (result.ok) throw new Error("an unreadable date was accepted");
      for (const lang of ["nl", "en"] as const) {
        const [example] = datesIn(result.error[lang]);
        expect(example! > today, result.error[lang]).toBe(true);
        expect(isoWeekday(example!)).toBeLessThanOrEqual(5);
      }
    }
  });
});

describe("plural output", () => {
  let t: TestDatabase;
  let core: BotCore;
  beforeAll(async () => {
    t = await createTestDatabase();
    core = createCore({
      db: t.db,
      logger: createLogger("silent"),
      defaultLocale: "nl",
      clock: () => zonedTimeToUtc("2027-03-10", "10:00", "Europe/Amsterdam"),
    });
  });
  afterAll(async () => t?.close());

  it("agrees with the number: 1 van 26 leerlingen had, 2 van 26 leerlingen hadden een gesprek", async () => {
    const school = await makeSchool(t.db);
    const group = await makeGroup(t.db, school.id, "groep 7");
    const nl = await makeStaff(t.db, school.id, { groups: [group.id] });
    const en = await makeStaff(t.db, school.id, { groups: [group.id] });
    await t.db.staff.update({ where: { id: en.id }, data: { locale: "en" } });
    const pupils = [];
    for (let i = 0; i < 26; i++) pupils.push(await makePupil(t.db, school.id, group.id));
    const hold = (pupilId: string) =>
      t.db.conversation.create({
        data: { schoolId: school.id, pupilId, groupId: group.id, formatKey: "kindgesprek", formatVersion: 1, status: "held", createdById: nl.id },
      });
    const overview = async (email: string) =>
      (await core.handleTurn({ user: { channel: "local", externalId: email, email }, text: "overzicht" })).replies[0]!.text.split("\n")[0];

    await hold(pupils[0]!.id);
    expect(await overview(nl.email)).toBe("**groep 7** — 1 van 26 leerlingen had een gesprek sinds 01-08-2026");
    expect(await overview(en.email)).toBe("**groep 7** — 1 of 26 pupils had a conversation since 01-08-2026");
    await hold(pupils[1]!.id);
    expect(await overview(nl.email)).toBe("**groep 7** — 2 van 26 leerlingen hadden een gesprek sinds 01-08-2026");
    expect(await overview(en.email)).toBe("**groep 7** — 2 of 26 pupils had a conversation since 01-08-2026");
  });

  it("names one pupil, group or holiday in the singular", () => {
    const pupils = (count: number) => translate("nl", "overview.pupils", { count });
    expect(translate("nl", "overview.header", { group: "5A", count: 1, pupils: pupils(1), since: "x" })).toBe(
      "**5A** — 1 van 1 leerling had een gesprek sinds x",
    );
    const progress = { group: "5A", planned: 0, prepared: 0, held: 1, evaluated: 0, openGoals: 0 };
    expect(translate("nl", "progress.line", { ...progress, count: 1 })).toMatch(/^\*\*5A\*\*: 1 leerling · /);
    expect(translate("en", "progress.line", { ...progress, count: 2 })).toMatch(/^\*\*5A\*\*: 2 pupils · /);
    expect(translate("nl", "admin.withoutTeacher", { groups: "groep 3", count: 1 })).toMatch(/^Let op: groep 3 heeft nu geen leerkracht\./);
    expect(translate("nl", "admin.withoutTeacher", { groups: "groep 3, groep 4", count: 2 })).toMatch(
      /^Let op: 2 groepen hebben nu geen leerkracht: groep 3, groep 4\./,
    );
    expect(translate("en", "holidays.confirmed", { count: 1, region: "noord", year: "2031-2032" })).toMatch(/^Confirmed: 1 region noord holiday for/);
  });
});

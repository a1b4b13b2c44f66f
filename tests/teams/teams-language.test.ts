// Every Teams text in the teacher's language, through the real Teams adapter over HTTP: the
// apology when a turn fails and the file button follow the teacher's own language; before the bot
// knows who she is, her Teams client's (the activity's locale) decides, Dutch by default.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector, type RecordedActivity } from "../support/fake-connector.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { testProvider } from "../support/test-db.js";
import { cardOf, TeamsDriver, textOf, type TeamsUser } from "../support/teams-driver.js";

const TENANT = "22222222-3333-4444-5555-666666666666";
let app: TestApp;
let teams: TeamsDriver;
let schoolId: string;
let groupId: string;
const connector = new FakeConnector();
const conversationOf = (u: TeamsUser) => `a:personal-${u.aad}`;

beforeAll(async () => {
  await connector.start();
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true" });
  teams = new TeamsDriver(app, connector, TENANT);
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Taalschool", teamsTenantIds: [TENANT] },
    schoolYear: "2026-2027",
    staff: [{ email: "beheer@taal.example", name: "Beheer", roles: ["admin"] }],
    groups: [{ name: "groep 6", teachers: [] }],
  });
  schoolId = setup.schoolId;
  groupId = (await app.database.db.group.findFirstOrThrow({ where: { schoolId } })).id;
  await app.database.db.pupil.create({ data: { schoolId, groupId, externalId: "61", firstName: "Mila", lastName: "Jansen" } });
});
afterAll(async () => {
  await app?.stop();
  await connector.stop();
});

let known = 0;
/** A teacher of groep 6 of her own, in her own language; `staff: false` for someone not on the staff list. */
async function person(locale: "nl" | "en" | null, staff = true): Promise<TeamsUser> {
  const k = String(++known).padStart(2, "0");
  const user = { aad: `bbbbbbbb-0000-0000-0000-0000000000${k}`, name: `Juf ${k}`, email: `juf${k}@taal.example` };
  connector.members.set(`29:${user.aad}`, { id: `29:${user.aad}`, name: user.name, aadObjectId: user.aad, email: user.email, userPrincipalName: user.email });
  if (staff)
    await app.database.db.staff.create({
      data: { schoolId, email: user.email, displayName: user.name, locale, roles: { create: { role: "teacher" } }, groups: { create: { groupId } } },
    });
  return user;
}

/** What Teams shows after `text` from a client in `clientLocale`, when the bot's first answer cannot be delivered. */
async function failedTurn(user: TeamsUser, text: string, clientLocale: string): Promise<RecordedActivity[]> {
  connector.failNext(conversationOf(user), { status: 500 });
  return teams.post(teams.activity(user, { text, locale: clientLocale }));
}

const NL_APOLOGY = "Er ging iets mis aan mijn kant";
const EN_APOLOGY = "Something went wrong on my side";

describe(`Teams texts in the teacher's language on ${testProvider()}`, () => {
  it("apologises for a failed turn in the teacher's own language, whatever her Teams client speaks", async () => {
    const english = await person("en");
    const sent = await failedTurn(english, "help", "nl-NL");
    expect(sent).toHaveLength(1);
    expect(textOf(sent)).toContain(EN_APOLOGY);

    const dutch = await person("nl");
    expect(textOf(await failedTurn(dutch, "help", "en-US"))).toContain(NL_APOLOGY);
  });

  it("follows the Teams client's language before it knows who someone is, Dutch by default", async () => {
    const stranger = await person(null, false);
    expect(textOf(await teams.post(teams.activity(stranger, { text: "help", locale: "en-US" })))).toContain("You are not (yet) on the staff list");
    expect(textOf(await teams.post(teams.activity(stranger, { text: "help", locale: "nl-NL" })))).toContain("Je staat (nog) niet op de personeelslijst");
    expect(textOf(await teams.post(teams.activity(stranger, { text: "help", locale: "fr-FR" })))).toContain("Je staat (nog) niet op de personeelslijst");
    expect(textOf(await failedTurn(stranger, "help", "en-GB"))).toContain(EN_APOLOGY);
    expect(textOf(await failedTurn(stranger, "help", "de-DE"))).toContain(NL_APOLOGY);
  });

  it("labels the file button in the teacher's language", async () => {
    const buttonOf = (sent: RecordedActivity[]) => {
      const card = sent.map(cardOf).find((c) => c?.actions?.some((a) => (a as { type?: string }).type === "Action.OpenUrl"));
      return card?.actions?.find((a) => (a as { type?: string }).type === "Action.OpenUrl")?.title;
    };
    expect(buttonOf(await teams.post(teams.activity(await person("en"), { text: "export Mila", locale: "nl-NL" })))).toBe("Open");
    expect(buttonOf(await teams.post(teams.activity(await person("nl"), { text: "export Mila", locale: "en-US" })))).toBe("Openen");
  });

  it("says a file link has expired in the language of the browser that opens it, Dutch by default", async () => {
    const page = async (headers: Record<string, string>) => {
      const res = await fetch(`${app.baseUrl}/files/verlopen-of-verzonnen`, { headers });
      expect(res.status).toBe(404);
      return res.text();
    };
    expect(await page({ "Accept-Language": "en-GB,en;q=0.9" })).toBe("This link has expired or does not exist.");
    expect(await page({ "Accept-Language": "nl-NL,nl;q=0.9,en;q=0.8" })).toBe("Deze link is verlopen of bestaat niet.");
    expect(await page({ "Accept-Language": "fr-FR" })).toBe("Deze link is verlopen of bestaat niet.");
    expect(await page({})).toBe("Deze link is verlopen of bestaat niet.");
  });
});

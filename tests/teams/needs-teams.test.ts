// The groepsplan's onderwijsbehoeften through the Teams adapter over HTTP: a teacher types the
// command, gets the table and the printable page as file cards, and opens them by their links as
// Teams would (the CSV as Dutch Excel reads it, the PDF as a reader's tools see it); a team leader
// and a teacher of another group asking for the same group are refused, and get no file.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schoolYearOf } from "../../bot/domain/school-year.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector, type RecordedActivity } from "../support/fake-connector.js";
import { cardOf, TeamsDriver, textOf } from "../support/teams-driver.js";
import { testProvider } from "../support/test-db.js";
import { pdfText } from "../support/pdf-text.js";

const TENANT = "33333333-2222-3333-4444-666666666666";
const ALEX = { aad: "cccccccc-0000-0000-0000-000000000001", name: "Alex Wilber", email: "alex@plan.example" };
const LEA = { aad: "cccccccc-0000-0000-0000-000000000002", name: "Lea Leider", email: "lea@plan.example" };
const CARO = { aad: "cccccccc-0000-0000-0000-000000000003", name: "Caro Zes", email: "caro@plan.example" };
const DIDI = { aad: "cccccccc-0000-0000-0000-000000000004", name: "Didi Duo", email: "didi@plan.example" };
/** What Ayşe's teacher does to help, typed with a `;`, quotes and a line break. */
const HELP = 'Extra uitleg; "stap voor stap"\nen een rustige plek';

let app: TestApp & { databaseUrl: string };
let teams: TeamsDriver;
let groep5: string;
const connector = new FakeConnector();

beforeAll(async () => {
  await connector.start();
  for (const u of [ALEX, LEA, CARO, DIDI])
    connector.members.set(`29:${u.aad}`, { id: `29:${u.aad}`, name: u.name, aadObjectId: u.aad, email: u.email, userPrincipalName: u.email });
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true" });
  teams = new TeamsDriver(app, connector, TENANT);
  const db = app.database.db;
  const setup = await applySchoolSetup(db, {
    school: { name: "Planschool", teamsTenantIds: [TENANT] },
    schoolYear: schoolYearOf(new Date(), "Europe/Amsterdam"),
    staff: [
      { email: ALEX.email, name: ALEX.name, roles: ["teacher"], teamsAadObjectId: ALEX.aad },
      { email: LEA.email, name: LEA.name, roles: ["team_leader"], leads: ["middenbouw"], teamsAadObjectId: LEA.aad },
      { email: CARO.email, name: CARO.name, roles: ["teacher"], teamsAadObjectId: CARO.aad },
      { email: DIDI.email, name: DIDI.name, roles: ["teacher"], teamsAadObjectId: DIDI.aad },
    ],
    groups: [
      { name: "groep 5", teachers: [{ email: ALEX.email }, { email: DIDI.email }] },
      { name: "groep 6", teachers: [{ email: CARO.email }, { email: DIDI.email }] },
    ],
  });
  const group = await db.group.findFirstOrThrow({ where: { schoolId: setup.schoolId, name: "groep 5" } });
  groep5 = group.id;
  const alex = await db.staff.findFirstOrThrow({ where: { email: ALEX.email } });
  for (const [externalId, firstName, lastName, help] of [
    ["1", "Ayşe", "Yılmaz", HELP],
    ["2", "Thiện", "Nguyễn", "extra uitleg aan de instructietafel"],
  ] as const) {
    const pupil = await db.pupil.create({ data: { schoolId: setup.schoolId, groupId: group.id, externalId, firstName, lastName } });
    const c = await db.conversation.create({
      data: {
        schoolId: setup.schoolId,
        pupilId: pupil.id,
        groupId: group.id,
        formatKey: "kindplan",
        formatVersion: 2,
        status: "held",
        heldAt: new Date(),
        createdById: alex.id,
      },
    });
    await db.goal.create({ data: { pupilId: pupil.id, conversationId: c.id, goalText: "lezen", helpTeacher: help, createdById: alex.id } });
  }
});
afterAll(async () => {
  await app?.stop();
  await connector.stop();
});

/** The files offered in the reply: each card's file name and the path its Open button links to. */
function filesOf(sent: RecordedActivity[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const card of sent.map(cardOf)) {
    const open = card?.actions?.find((a) => (a as { type?: string }).type === "Action.OpenUrl") as { url?: string } | undefined;
    if (open?.url) files.set(String(card!.body[0]!.text), new URL(open.url).pathname);
  }
  return files;
}

const download = async (path: string) => {
  const res = await fetch(`${app.baseUrl}${path}`);
  expect(res.status).toBe(200);
  return { type: res.headers.get("content-type"), bytes: Buffer.from(await res.arrayBuffer()) };
};

describe(`onderwijsbehoeften in Teams on ${testProvider()}`, () => {
  it("sends the group's table and printable page as files that open as Excel and a PDF reader expect", async () => {
    const sent = await teams.say(ALEX, "onderwijsbehoeften");
    expect(textOf(sent)).toContain("De onderwijsbehoeften van <b>groep 5</b> staan klaar voor het groepsplan: 2 uitspraken");
    const files = filesOf(sent);
    const names = [...files.keys()];
    expect(names.map((n) => n.replace(/\d{4}-\d{2}-\d{2}/, "DATE"))).toEqual([
      "onderwijsbehoeften-groep-5-DATE.csv",
      "onderwijsbehoeften-groep-5-DATE.html",
      "onderwijsbehoeften-groep-5-DATE.pdf",
    ]);

    const csv = await download(files.get(names[0]!)!);
    expect(csv.type).toBe("text/csv; charset=utf-8");
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csv.bytes, { bom: true, delimiter: ";" }) as string[][];
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ["Leerling", "Onderwijsbehoefte", "Uit gesprek"],
      ["Ayşe Yılmaz", `Ayşe: ${HELP}`, "Kindplan"],
      ["Thiện Nguyễn", "Thiện heeft extra uitleg aan de instructietafel van de leerkracht nodig.", "Kindplan"],
    ]);

    const pdf = await download(files.get(names[2]!)!);
    expect(pdf.type).toBe("application/pdf");
    const text = pdfText(pdf.bytes).replace(/\s+/g, " ");
    expect(text).toContain("Ayşe Yılmaz");
    expect(text).toContain("Thiện heeft extra uitleg aan de instructietafel van de leerkracht nodig.");
  });

  it("refuses the team leader and a teacher of another group, and sends them no file", async () => {
    for (const who of [LEA, CARO]) {
      const sent = await teams.say(who, "onderwijsbehoeften groep 5");
      expect(textOf(sent)).toContain("Dat mag je niet inzien of wijzigen.");
      expect(filesOf(sent).size).toBe(0);
      expect(textOf(sent)).not.toMatch(/Ayşe|Thiện|instructietafel/);
    }
  });

  it("answers the team leader without a group of her own by asking which group", async () => {
    const sent = await teams.say(LEA, "onderwijsbehoeften");
    expect(textOf(sent)).toContain("Welke groep? Typ bijvoorbeeld <b>onderwijsbehoeften groep 5</b>.");
    expect(filesOf(sent).size).toBe(0);
  });

  it("lets a teacher of two groups choose by button, and refuses the same button pressed by a teacher of another group", async () => {
    const asked = await teams.say(DIDI, "onderwijsbehoeften");
    const buttons = asked.flatMap((a) => cardOf(a)?.actions ?? []);
    expect(buttons.map((b) => b.title)).toEqual(["groep 5", "groep 6"]);
    const press = (who: typeof DIDI) => teams.post(teams.activity(who, { value: buttons[0]!.data }));
    expect(buttons[0]!.data).toMatchObject({ command: "needs", args: { groupId: groep5 } });
    expect(filesOf(await press(DIDI)).size).toBe(3);
    const forged = await press(CARO);
    expect(textOf(forged)).toContain("Dat mag je niet inzien of wijzigen.");
    expect(filesOf(forged).size).toBe(0);
  });
});

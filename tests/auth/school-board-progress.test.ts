// Progress beyond one bouw, counts only: a director sees every group of the school (and its total),
// a board_admin one line per school of their board. Neither sees another school or board, and no
// reply holds a pupil's name or anything written about a pupil. Teachers and team leaders asking
// for these views get a clear refusal. Through the core, as every channel reaches it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { localUser, quietCore } from "../support/one-class.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

let t: TestDatabase;
let core: BotCore;
/** Every pupil name and every text written about a pupil: none may appear in a progress reply. */
const SECRETS: string[] = [];

/** A school of a board with two groups; its pupils have names of their own, and each a held conversation, a goal and a note. */
async function school(name: string, board: string, slug: string, staff: Array<{ who: string; roles: string[]; leads?: string[] }>, pupils: [number, number]) {
  const setup = await applySchoolSetup(t.db, {
    school: { name, board },
    schoolYear: "2026-2027",
    staff: staff.map((s) => ({ email: `${s.who}@${slug}.example`, name: s.who, roles: s.roles as never, ...(s.leads ? { leads: s.leads as never } : {}) })),
    groups: [
      { name: "groep 3", teachers: staff.filter((s) => s.roles.includes("teacher")).map((s) => ({ email: `${s.who}@${slug}.example` })) },
      { name: "groep 7", teachers: [] },
    ],
  });
  const author = await t.db.staff.findFirstOrThrow({ where: { schoolId: setup.schoolId } });
  for (const [groupName, count] of [
    ["groep 3", pupils[0]],
    ["groep 7", pupils[1]],
  ] as const) {
    const group = await t.db.group.findFirstOrThrow({ where: { schoolId: setup.schoolId, name: groupName } });
    for (let i = 0; i < count; i++) {
      const firstName = `Leerling${slug}${groupName.slice(-1)}x${i}`;
      const pupil = await t.db.pupil.create({
        data: { schoolId: setup.schoolId, groupId: group.id, externalId: `${groupName}-${i}`, firstName, lastName: "Achternaamvan" },
      });
      const goalText = `DOELTEKST-${slug}-${groupName}-${i}`;
      const noteText = `NOTITIETEKST-${slug}-${groupName}-${i}`;
      SECRETS.push(firstName, goalText, noteText);
      if (i > 0) continue; // the first pupil of each group had a conversation
      const conversation = await t.db.conversation.create({
        data: {
          schoolId: setup.schoolId,
          pupilId: pupil.id,
          groupId: group.id,
          formatKey: "kindplan",
          formatVersion: 1,
          status: "held",
          createdById: author.id,
        },
      });
      await t.db.goal.create({ data: { pupilId: pupil.id, conversationId: conversation.id, goalText, createdById: author.id } });
      await t.db.note.create({ data: { pupilId: pupil.id, authorId: author.id, text: noteText } });
    }
  }
  return setup.schoolId;
}

beforeAll(async () => {
  t = await createTestDatabase();
  core = quietCore(t.db);
  await school(
    "De Eik",
    "Stichting Noord",
    "eik",
    [
      { who: "directeur", roles: ["director"] },
      { who: "bestuur", roles: ["board_admin"] },
      { who: "juf", roles: ["teacher"] },
      { who: "teamleider", roles: ["team_leader"], leads: ["middenbouw"] },
    ],
    [2, 3],
  );
  await school("De Beuk", "Stichting Noord", "beuk", [{ who: "directeur", roles: ["director"] }], [4, 1]);
  await school("De Wilg", "Stichting Zuid", "wilg", [{ who: "directeur", roles: ["director"] }], [5, 5]);
});
afterAll(async () => t?.destroy());

const say = async (email: string, text: string) => (await core.handleTurn({ user: localUser(email), text })).replies.map((r) => r.text ?? "").join("\n");
const expectNoPupilData = (reply: string) => {
  for (const secret of [...SECRETS, "Achternaamvan"]) expect(reply).not.toContain(secret);
};

describe(`progress for a school and a board on ${testProvider()}`, () => {
  it("a director sees every group of the school with the school's total, counts only, not another school", async () => {
    const reply = await say("directeur@eik.example", "voortgang");
    expect(reply).toContain("Voortgang van **De Eik**");
    expect(reply).toContain("**groep 3**: 2 leerlingen · gepland 0 · voorbereid 0 · gehouden 1 · geëvalueerd 0 · open doelen 1");
    expect(reply).toContain("**groep 7**: 3 leerlingen · gepland 0 · voorbereid 0 · gehouden 1 · geëvalueerd 0 · open doelen 1");
    expect(reply).toContain("**Hele school**: 5 leerlingen · gepland 0 · voorbereid 0 · gehouden 2 · geëvalueerd 0 · open doelen 2");
    expect(reply).not.toMatch(/Beuk|Wilg|\b4 leerlingen/);
    expectNoPupilData(reply);
    expect(await say("directeur@eik.example", "voortgang school")).toBe(reply);
    // The director's board view is refused: that is the board_admin's.
    const board = await say("directeur@eik.example", "voortgang bestuur");
    expect(board).toContain("alleen voor bestuursbeheerders");
    expect(board).not.toMatch(/Beuk|Wilg/);
  });

  it("another school's director sees that school only", async () => {
    const reply = await say("directeur@beuk.example", "voortgang");
    expect(reply).toContain("**Hele school**: 5 leerlingen");
    expect(reply).toContain("**groep 3**: 4 leerlingen");
    expect(reply).not.toMatch(/De Eik|Wilg/);
    expectNoPupilData(reply);
  });

  it("a board_admin sees one line per school of the board, not a school of another board", async () => {
    const reply = await say("bestuur@eik.example", "voortgang");
    expect(reply).toContain("Voortgang van **Stichting Noord**, 2 scholen");
    expect(reply).toContain("**De Beuk**: 5 leerlingen · gepland 0 · voorbereid 0 · gehouden 2 · geëvalueerd 0 · open doelen 2");
    expect(reply).toContain("**De Eik**: 5 leerlingen · gepland 0 · voorbereid 0 · gehouden 2 · geëvalueerd 0 · open doelen 2");
    expect(reply).not.toMatch(/Wilg|Zuid|groep 3|groep 7/);
    expectNoPupilData(reply);
    expect(await say("bestuur@eik.example", "voortgang bestuur")).toBe(reply);
    // Counts of the board, nothing more: no pupil list or record at another school of the board.
    const pupil = await say("bestuur@eik.example", "leerling Leerlingbeuk3x0");
    expect(pupil).toContain("geen leerling");
    expect(pupil).not.toMatch(/Achternaamvan|DOELTEKST|NOTITIETEKST/);
  });

  it("a teacher and a team leader get a clear refusal for the school and board views", async () => {
    for (const who of ["juf@eik.example", "teamleider@eik.example"]) {
      const school = await say(who, "voortgang school");
      expect(school).toContain("is voor de directeur en de beheerder van de school");
      const board = await say(who, "voortgang bestuur");
      expect(board).toContain("alleen voor bestuursbeheerders");
      for (const reply of [school, board]) {
        expect(reply).not.toMatch(/leerlingen ·|Beuk|Wilg/);
        expectNoPupilData(reply);
      }
    }
    expect(await say("juf@eik.example", "voortgang")).toContain("Voortgang is voor teamleiders");
    // The team leader keeps the bouw view of today: their bouw's groups only.
    const led = await say("teamleider@eik.example", "voortgang");
    expect(led).toContain("**groep 3**: 2 leerlingen");
    expect(led).not.toContain("groep 7");
    expectNoPupilData(led);
  });

  it("every refusal is in the audit trail", async () => {
    await say("juf@eik.example", "voortgang bestuur");
    const juf = await t.db.staff.findFirstOrThrow({ where: { email: "juf@eik.example" } });
    expect(await t.db.auditEvent.count({ where: { actorStaffId: juf.id, action: "refused" } })).toBeGreaterThan(0);
  });
});

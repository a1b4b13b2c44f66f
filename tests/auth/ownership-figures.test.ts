// `eigenaarschap`: how often each ownership skill came up in this school year's conversations with
// pupils, per group and per bouw. A team leader sees the bouw they lead, the IB'er and the director
// the whole school; a teacher without a role is refused. Last school year and conversations without
// the pupil (a leerlingbespreking) are not counted, and no reply holds a pupil's name, a goal or a
// note. Through the core, as every channel reaches it, on a fixed clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { localUser, quietCore } from "../support/one-class.js";
import { createTestDatabase, type TestDatabase } from "../support/test-db.js";
import { leastAddressed } from "../../bot/services/ownership-figures.js";

let t: TestDatabase;
let core: BotCore;
const NOW = new Date("2026-12-03T10:00:00Z"); // school year 2026-2027
const THIS_YEAR = new Date("2026-10-12T09:00:00Z");
const LAST_YEAR = new Date("2026-06-15T09:00:00Z");
/** Every pupil name and every text written about a pupil: none may appear in a reply. */
const SECRETS: string[] = [];
const EMAIL = (who: string) => `${who}@linde.example`;

type Skills = string[];

async function seed() {
  const setup = await applySchoolSetup(t.db, {
    school: { name: "De Linde" },
    schoolYear: "2026-2027",
    staff: [
      { email: EMAIL("directeur"), name: "directeur", roles: ["director"] },
      { email: EMAIL("ib"), name: "ib", roles: ["ib"] },
      { email: EMAIL("teamleider"), name: "teamleider", roles: ["team_leader", "teacher"], leads: ["middenbouw"] },
      { email: EMAIL("juf"), name: "juf", roles: ["teacher"] },
    ],
    groups: [
      { name: "groep 1/2", teachers: [] },
      { name: "groep 4", teachers: [{ email: EMAIL("juf") }] },
      { name: "groep 7", teachers: [] },
    ],
  });
  const schoolId = setup.schoolId;
  const author = await t.db.staff.findFirstOrThrow({ where: { schoolId, email: EMAIL("juf") } });
  let n = 0;
  const pupilIn = async (groupName: string) => {
    const group = await t.db.group.findFirstOrThrow({ where: { schoolId, name: groupName } });
    const firstName = `Kindnaam${++n}x`;
    const pupil = await t.db.pupil.create({ data: { schoolId, groupId: group.id, externalId: `p${n}`, firstName, lastName: `Achternaam${n}x` } });
    return { pupil, group };
  };
  const held = async (groupName: string, skills: Skills, heldAt = THIS_YEAR, formatKey = "kindplan") => {
    const { pupil, group } = await pupilIn(groupName);
    const goalText = `DOELTEKST-${n}`;
    const noteText = `NOTITIETEKST-${n}`;
    const answerText = `ANTWOORDTEKST-${n}`;
    SECRETS.push(pupil.firstName, pupil.lastName, goalText, noteText, answerText);
    const conversation = await t.db.conversation.create({
      data: {
        schoolId,
        pupilId: pupil.id,
        groupId: group.id,
        formatKey,
        formatVersion: 2,
        status: "held",
        heldAt,
        skills: JSON.stringify(skills),
        answers: JSON.stringify({ s_x: { text: answerText } }),
        createdById: author.id,
      },
    });
    const goal = await t.db.goal.create({ data: { pupilId: pupil.id, conversationId: conversation.id, goalText, setBy: "pupil", createdById: author.id } });
    await t.db.note.create({ data: { pupilId: pupil.id, authorId: author.id, text: noteText } });
    return goal;
  };
  // groep 4 (middenbouw): four conversations this year; self-evaluation never came up in them.
  const g1 = await held("groep 4", ["ownGoals", "selfMonitoring", "selfInstruction"]);
  const g2 = await held("groep 4", ["ownGoals", "selfMonitoring"]);
  await held("groep 4", ["ownGoals", "selfInstruction"]);
  await held("groep 4", []);
  // Not counted: last school year, and a meeting without the pupil (even with a stray skill stored).
  await held("groep 4", ["ownGoals", "selfEvaluation", "selfMonitoring", "selfInstruction"], LAST_YEAR);
  await held("groep 4", ["selfEvaluation"], THIS_YEAR, "leerlingbespreking");
  // Evaluations this year: one judged by the pupil, one by the teacher; "later" and last year's are no evaluation this year.
  const evaluation = (goalId: string, assessedBy: string, outcome = "reached", evaluatedAt = THIS_YEAR) =>
    t.db.evaluation.create({ data: { goalId, outcome, assessedBy, evaluatedById: author.id, evaluatedAt } });
  await evaluation(g1.id, "pupil");
  await evaluation(g2.id, "teacher");
  await evaluation(g2.id, "pupil", "later");
  await evaluation(g2.id, "pupil", "reached", LAST_YEAR);
  // groep 7 (bovenbouw): two conversations.
  await held("groep 7", ["selfEvaluation"]);
  await held("groep 7", ["ownGoals", "selfEvaluation"]);
  return schoolId;
}

let schoolId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  core = quietCore(t.db, () => NOW);
  schoolId = await seed();
});
afterAll(async () => t?.destroy());

const say = async (who: string, text: string) => (await core.handleTurn({ user: localUser(EMAIL(who)), text })).replies.map((r) => r.text ?? "").join("\n");

describe("eigenaarschap: the team's view of the ownership skills", () => {
  it("shows a team leader the counts and proportions of the bouw they lead, and names its least-addressed skill", async () => {
    const reply = await say("teamleider", "eigenaarschap");
    expect(reply).toContain("2026-2027");
    expect(reply).toContain(
      "**middenbouw**: 4 gesprekken · eigen doelen stellen 3 (75%) · zelfevaluatie 0 (0%) · zelfmonitoring 2 (50%) · zelfinstructie 2 (50%) · 2 evaluaties, 1 door de leerling zelf beoordeeld",
    );
    expect(reply).toContain("Minste aandacht in de middenbouw: zelfevaluatie (");
    expect(reply).toContain("- **groep 4**: 4 gesprekken");
    // Only the bouw they lead: no other bouw, group or school total.
    expect(reply).not.toMatch(/groep 7|bovenbouw|onderbouw|groep 1\/2|Hele school/);
  });

  it("shows the director every bouw and the whole school", async () => {
    const reply = await say("directeur", "eigenaarschap");
    expect(reply).toContain("**middenbouw**: 4 gesprekken");
    expect(reply).toContain(
      "**bovenbouw**: 2 gesprekken · eigen doelen stellen 1 (50%) · zelfevaluatie 2 (100%) · zelfmonitoring 0 (0%) · zelfinstructie 0 (0%)",
    );
    expect(reply).toContain("Minste aandacht in de bovenbouw: zelfmonitoring, zelfinstructie (");
    expect(reply).toContain("**onderbouw**: nog geen gesprekken");
    expect(reply).toContain("- **groep 1/2**: nog geen gesprekken");
    expect(reply).toContain(
      "**Hele school**: 6 gesprekken · eigen doelen stellen 4 (67%) · zelfevaluatie 2 (33%) · zelfmonitoring 2 (33%) · zelfinstructie 2 (33%)",
    );
  });

  it("shows the IB'er the whole school too, in English on request", async () => {
    await say("ib", "english");
    const reply = await say("ib", "ownership");
    await say("ib", "nederlands");
    expect(reply).toContain("**middenbouw**: 4 conversations · setting own goals 3 (75%) · self-evaluation 0 (0%)");
    expect(reply).toContain("Least attention in the middenbouw: self-evaluation (");
    expect(reply).toContain("**Whole school**: 6 conversations");
  });

  it("counts the evaluations the pupil judged toward self-evaluation when naming the least-addressed skill", () => {
    const tally = { conversations: 2, skills: { ownGoals: 1, selfEvaluation: 0, selfMonitoring: 0, selfInstruction: 1 }, evaluations: 2, selfAssessed: 2 };
    expect(leastAddressed(tally)).toEqual(["selfMonitoring"]);
    expect(leastAddressed({ ...tally, selfAssessed: 0 })).toEqual(["selfEvaluation", "selfMonitoring"]);
  });

  it("refuses a teacher without a role, and records the refusal", async () => {
    const reply = await say("juf", "eigenaarschap");
    expect(reply).toContain("is voor teamleiders (hun bouw), de IB'er en de directeur");
    expect(reply).not.toMatch(/gesprekken ·/);
    const juf = await t.db.staff.findFirstOrThrow({ where: { schoolId, email: EMAIL("juf") } });
    expect(await t.db.auditEvent.count({ where: { actorStaffId: juf.id, action: "refused", entity: "ownership_figures" } })).toBeGreaterThan(0);
  });

  it("lets no pupil name, goal, answer or note reach anyone, in either language", async () => {
    const replies: string[] = [];
    for (const who of ["teamleider", "directeur", "ib", "juf"]) {
      replies.push(await say(who, "eigenaarschap"));
      await say(who, "english");
      replies.push(await say(who, "ownership"));
      await say(who, "nederlands");
    }
    expect(replies.join("\n")).toMatch(/gesprekken/);
    for (const reply of replies) for (const secret of SECRETS) expect(reply).not.toContain(secret);
  });
});

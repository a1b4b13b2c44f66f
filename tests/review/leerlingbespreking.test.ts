// The leerlingbespreking (teacher and IB'er, the pupil not there), typed in the text channel through
// the real turn handler: the sharpened goal carries through to the educational goal without retyping;
// what is stored is a meeting ("discussed") — no kindplan in the child's voice, no ownership skills,
// not counted as a held kindgesprek anywhere; the proposed kindgesprek waits for the teacher; the
// assigned IB'er is told once through the outbox, in her language, reads the meeting and adds to it.
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { createCore } from "../../app/core.js";
import { loadActor } from "../../bot/auth/actor.js";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import { localDate } from "../../bot/domain/local-time.js";
import { createLogger } from "../../bot/logger.js";
import { inTransaction } from "../../bot/db/transaction.js";
import { buildGroupNeeds } from "../../bot/services/educational-needs.js";
import { getGroupOverviews } from "../../bot/services/group-overview.js";
import { countProgress } from "../../bot/services/groups.js";
import { currentSchoolYearSpan } from "../../bot/services/school-year.js";
import { loadHomeSummary } from "../../bot/services/home-summary.js";
import { getPupilRecord } from "../../bot/services/pupil-records.js";
import { notifySupporters, REVIEW_RECORDED, reviewRenderers } from "../../bot/services/pupil-review.js";
import { roundProgress } from "../../bot/services/rounds.js";
import { weekdayAhead } from "../support/dialog-driver.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

let t: TestDatabase;
let core: BotCore;
const now = () => new Date();
const GOAL = "Werkt na de groepsinstructie 10 minuten zelfstandig aan een taak";
const NEED = "Finn heeft korte instructie aan de instructietafel nodig om daarna zelfstandig te starten";

beforeAll(async () => {
  t = await createTestDatabase();
  core = createCore({ db: t.db, logger: createLogger("silent"), defaultLocale: "nl", clock: now });
});
afterAll(async () => t?.destroy());

const user = (email: string) => ({ channel: "local" as const, externalId: email, email });
async function say(email: string, text: string): Promise<string> {
  const { replies } = await core.handleTurn({ user: user(email), text });
  return replies.map((r) => [r.text, JSON.stringify(r.step ?? "")].join(" ")).join("\n");
}

let n = 0;
/** A school of its own per test: a teacher of groep 5 with Finn, Finn's IB'er (reading English), a team leader. */
async function world() {
  const k = ++n;
  const school = await makeSchool(t.db, `Bespreekschool ${k}`);
  const group = await makeGroup(t.db, school.id, "groep 5", "middenbouw");
  const juf = await makeStaff(t.db, school.id, { groups: [group.id], email: `juf${k}@bespreek.example` });
  const finn = await makePupil(t.db, school.id, group.id, "Finn");
  const ib = await makeStaff(t.db, school.id, { roles: [{ role: "ib" }], email: `ib${k}@bespreek.example`, supports: [finn.id] });
  await t.db.staff.update({ where: { id: ib.id }, data: { locale: "en", displayName: "Ilse IB" } });
  const tl = await makeStaff(t.db, school.id, { roles: [{ role: "team_leader", bouw: "middenbouw" }], email: `tl${k}@bespreek.example` });
  return { school, group, juf, finn, ib, tl, email: { juf: juf.email, ib: ib.email, tl: tl.email } };
}

/** The meeting typed line by line, as in the terminal or a chat without cards. */
async function typeReview(email: string) {
  const seen: string[] = [];
  const lines = [
    "leerlingbespreking Finn",
    "Hij werkt niet door na de uitleg",
    "5", // werkhouding
    "Kijkt rond na de instructie en begint niet",
    "verder",
    "overslaan",
    "overslaan",
    "Werkt na de uitleg gemiddeld twee minuten door",
    "Hij is ongeconcentreerd", // a label: sent back to be sharpened
    GOAL,
    "1", // extra instructie
    NEED,
    "1", // propose a kindgesprek
    "de rekentaak na de instructie",
    "Hoe begin je aan een opdracht?",
  ];
  for (const line of lines) seen.push(await say(email, line));
  return seen;
}

async function finishReview(email: string, evaluator: string) {
  const today = localDate(new Date(), "Europe/Amsterdam");
  const goalStep = await say(email, "ok"); // the sharpened goal, pre-filled, accepted as it is
  const dateStep = await say(email, weekdayAhead(today, 28));
  const evaluatorStep = await say(email, evaluator);
  const done = await say(email, "ja");
  return { goalStep, dateStep, evaluatorStep, done };
}

describe(`the leerlingbespreking without the pupil (${testProvider()})`, () => {
  it("carries the sharpened goal through and stores a meeting: no kindplan, no skills, an educational goal with the IB'er as evaluator", async () => {
    const w = await world();
    const seen = await typeReview(w.email.juf);
    expect(seen[8]).toMatch(/etiket|label|waarnemen|Bijvoorbeeld/i);
    // The educational goal step shows the sharpened goal already filled in: nothing to retype.
    const last = seen.at(-1)!;
    expect(last).toContain('"stepId":"educationalGoal"');
    expect(last).toContain(GOAL);
    expect(last).toContain("Ilse IB"); // the IB'er is one of the evaluators to choose from
    const { done } = await finishReview(w.email.juf, "Ilse IB");
    expect(done).toContain("Leerlingbespreking over **Finn** opgeslagen");
    expect(done).toContain(`Onderwijsbehoefte: ${NEED}`);
    expect(done).toContain("geen kindplan");
    expect(done).not.toContain("Eigenaarschap in dit gesprek");

    const meeting = await t.db.conversation.findFirstOrThrow({
      where: { pupilId: w.finn.id, formatKey: "leerlingbespreking" },
      include: { goals: true, agreements: true },
    });
    expect(meeting.status).toBe("discussed");
    expect(meeting.formatVersion).toBe(3);
    expect(JSON.parse(meeting.skills)).toEqual([]);
    expect(meeting.agreements).toEqual([]);
    expect(meeting.goals).toHaveLength(1);
    const goal = meeting.goals[0]!;
    expect({ goalText: goal.goalText, evaluatorId: goal.evaluatorId, shareWithParents: goal.shareWithParents }).toEqual({
      goalText: GOAL,
      evaluatorId: w.ib.id,
      shareWithParents: false,
    });
    // No part of the child's kindplan: no "now I can", no own plan, no help from parents.
    expect([goal.nowText, goal.ownPlan, goal.helpParents, goal.helpTeacher, goal.helpOther]).toEqual([null, null, null, null, null]);
    const answers = JSON.parse(meeting.answers) as Record<string, Record<string, unknown>>;
    expect(answers.s_onderwijsbehoefte?.needs).toBe(NEED);
    expect(Object.keys(answers).filter((k) => /^(goal|agreement)\d/.test(k))).toEqual([]);
  });

  it("does not count the meeting as a held kindgesprek: overview, progress, home, rounds and the pupil's skills", async () => {
    const w = await world();
    const today = localDate(new Date(), "Europe/Amsterdam");
    const round = await t.db.round.create({
      data: {
        schoolId: w.school.id,
        name: "Ronde",
        formatKey: "middenbouw-kindgesprek",
        startDate: today,
        endDate: weekdayAhead(today, 20),
        createdById: w.tl.id,
        groups: { create: [{ groupId: w.group.id }] },
      },
    });
    await typeReview(w.email.juf);
    await finishReview(w.email.juf, "1");
    const juf = await loadActor(t.db, w.juf.id);
    const [overview] = await getGroupOverviews(t.db, juf, today);
    expect(overview!.held).toBe(0);
    expect(overview!.pupils[0]!.status).toBe("planned"); // the proposed kindgesprek, not the meeting
    const thisYear = await currentSchoolYearSpan(t.db, w.school.id, new Date());
    expect(await countProgress(t.db, { groupId: w.group.id, active: true }, thisYear)).toMatchObject({ held: 0, evaluated: 0, planned: 1 });
    const home = await loadHomeSummary(t.db, juf, new Date());
    expect(home.groups[0]).toMatchObject({ held: 0 });
    const record = await getPupilRecord(t.db, juf, w.finn.id);
    expect(record.skills).toEqual({ heldConversations: 0, counts: {} });
    const meeting = await t.db.conversation.findFirstOrThrow({ where: { pupilId: w.finn.id, status: "discussed" } });
    expect(meeting.roundId).toBeNull();
    const progress = await roundProgress(t.db, await loadActor(t.db, w.tl.id), round.id, new Date());
    expect(progress.groups[0]).toMatchObject({ held: 0 });
  });

  it("lists the meeting's onderwijsbehoefte for the groepsplan", async () => {
    const w = await world();
    await typeReview(w.email.juf);
    await finishReview(w.email.juf, "1");
    const needs = await buildGroupNeeds(t.db, await loadActor(t.db, w.juf.id), w.group.id, new Date());
    const meeting = await t.db.conversation.findFirstOrThrow({ where: { pupilId: w.finn.id, status: "discussed" } });
    expect(needs.rows).toEqual([
      expect.objectContaining({
        pupilId: w.finn.id,
        conversationId: meeting.id,
        statement: expect.stringContaining("korte instructie aan de instructietafel"),
      }),
    ]);
    expect(needs.without).toEqual([]);
  });

  it("sets up the proposed kindgesprek for the teacher, with the reason and the pupil's questions", async () => {
    const w = await world();
    await typeReview(w.email.juf);
    const { done } = await finishReview(w.email.juf, "1");
    expect(done).toContain("voorbereiden Finn");
    const proposed = await t.db.conversation.findFirstOrThrow({ where: { pupilId: w.finn.id, status: "planned" }, include: { teachers: true } });
    expect(proposed.formatKey).not.toBe("leerlingbespreking");
    expect(proposed.teachers.map((x) => x.staffId)).toEqual([w.juf.id]);
    const prep = JSON.parse(proposed.preparation) as { aim: { reason: string; aim: string }; plannedQuestions: string[] };
    expect(prep.aim.reason).toContain(GOAL);
    expect(prep.aim.aim).toContain("de rekentaak na de instructie");
    expect(prep.plannedQuestions).toEqual(["Hoe begin je aan een opdracht?"]);
    // Preparing it: the reason, the aim and the questions are there already.
    await say(w.email.juf, "voorbereiden Finn");
    const aim = await say(w.email.juf, "ok"); // the group's format
    expect(aim).toContain('"stepId":"aim"');
    expect(aim).toContain(GOAL);
    expect(aim).toContain("de rekentaak na de instructie");
    await say(w.email.juf, "stop");
    await say(w.email.juf, "ja");
    // Holding it: the opening shows the aim and the questions.
    const opening = await say(w.email.juf, "gesprek Finn");
    expect(opening).toContain("de rekentaak na de instructie");
    expect(opening).toContain("Hoe begin je aan een opdracht?");
  });

  it("tells the assigned IB'er once through the outbox, ids only, written in her language at send time", async () => {
    const w = await world();
    await typeReview(w.email.juf);
    const { done } = await finishReview(w.email.juf, "1");
    expect(done).toContain("Een bericht hierover gaat naar: Ilse IB.");
    const meeting = await t.db.conversation.findFirstOrThrow({ where: { pupilId: w.finn.id, status: "discussed" } });
    // The producer again, twice (a re-delivery, another instance): still one message.
    const juf = await loadActor(t.db, w.juf.id);
    for (let i = 0; i < 2; i++)
      await inTransaction(t.db, (tx) => notifySupporters(tx, juf, { conversationId: meeting.id, pupilId: w.finn.id, now: new Date() }));
    const rows = await t.db.outboxMessage.findMany({ where: { kind: REVIEW_RECORDED, schoolId: w.school.id } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.recipientStaffId).toBe(w.ib.id);
    expect(JSON.parse(row.payload)).toEqual({ conversationId: meeting.id });
    expect(row.payload).not.toContain("Finn");
    const message = { ...row, payload: JSON.parse(row.payload) as unknown };
    const [rendered] = (await reviewRenderers[REVIEW_RECORDED]!(message, t.db))!;
    expect(rendered!.text).toContain("recorded a pupil review about **Finn T.** (groep 5)");
    expect(rendered!.text).toContain("**view conversation Finn**");
    expect(rendered!.actions?.[0]).toMatchObject({ action: { command: "viewConversation", args: { conversationId: meeting.id } } });
    // No longer her pupil when it is sent: nothing goes out.
    await t.db.pupilSupport.deleteMany({ where: { staffId: w.ib.id } });
    expect(await reviewRenderers[REVIEW_RECORDED]!(message, t.db)).toBeNull();
  });

  it("lets the IB'er read the meeting and add a note to it; the team leader reads nothing", async () => {
    const w = await world();
    await typeReview(w.email.juf);
    await finishReview(w.email.juf, "1");
    const read = await say(w.email.ib, "view conversation Finn");
    expect(read).toContain("**About Finn T.**");
    expect(read).toContain(GOAL);
    expect(read).toContain(NEED);
    expect(await say(w.email.ib, "note Finn: In de kleine kring werkt hij wel door")).toMatch(/saved|opgeslagen/i);
    expect(await say(w.email.ib, "view conversation Finn")).toContain("In de kleine kring werkt hij wel door");
    expect(await say(w.email.juf, "gesprek bekijken Finn")).toContain("In de kleine kring werkt hij wel door");
    const refused = await say(w.email.tl, "gesprek bekijken Finn");
    expect(refused).not.toContain(GOAL);
  });

  it("does not tell the IB'er who recorded the meeting herself", async () => {
    const w = await world();
    await typeReview(w.email.ib);
    const { done } = await finishReview(w.email.ib, "1");
    expect(done).toMatch(/saved|opgeslagen/i);
    expect(await t.db.conversation.count({ where: { pupilId: w.finn.id, status: "discussed" } })).toBe(1);
    expect(await t.db.outboxMessage.count({ where: { kind: REVIEW_RECORDED, schoolId: w.school.id } })).toBe(0);
    // The proposed kindgesprek is the group's teacher's.
    const proposed = await t.db.conversation.findFirstOrThrow({ where: { pupilId: w.finn.id, status: "planned" }, include: { teachers: true } });
    expect(proposed.teachers.map((x) => x.staffId)).toEqual([w.juf.id]);
  });
});

// Reading a held conversation in full, through the real turn handler on a real database: the
// group's teachers (duo-partners alike), the assigned IB'er and a content reader read every phase
// in the child's words with goals, agreements, evaluations and notes; a team leader and an IB'er
// of other pupils are refused, and every read and refusal is audited with ids only. Several
// conversations: the newest by default, a date or a button for another; a long one arrives whole.
// Each test reads its own records or filters the audit to its own actor, so any order holds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messagesFor } from "../../adapters/slack/outbound.js";
import { createCore } from "../../app/core.js";
import { loadActor } from "../../bot/auth/actor.js";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { BotReply, InboundTurn } from "../../bot/channel/types.js";
import { inTransaction } from "../../bot/db/transaction.js";
import { createLogger } from "../../bot/logger.js";
import { recordHeldConversation } from "../../bot/services/conversations.js";
import { memoryLogStream } from "../support/app.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

let t: TestDatabase;
let core: BotCore;
const logs: string[] = [];
const ids: Record<string, string> = {};
const email = (key: string) => `${key}@lezen.example`;

async function turn(who: string, fields: Partial<InboundTurn>): Promise<BotReply[]> {
  return (await core.handleTurn({ user: { channel: "local", externalId: email(who), email: email(who) }, text: "", ...fields })).replies;
}
const say = (who: string, text: string) => turn(who, { text });
const press = (who: string, args: Record<string, string>) => turn(who, { action: { command: "viewConversation", args } });
const textOf = (replies: BotReply[]) => replies.map((r) => r.text).join("\n");

/** A conversation in the middenbouw format, recorded by the real service, with every phase answered. */
async function hold(staffKey: string, pupilId: string, heldAt: string, words: string, extra: { goals?: boolean } = {}) {
  const actor = await loadActor(t.db, ids[staffKey]!);
  return inTransaction(t.db, (tx) =>
    recordHeldConversation(tx, actor, {
      pupilId,
      groupId: null,
      conversationId: null,
      formatKey: "middenbouw-kindgesprek",
      formatVersion: 2,
      answers: {
        opening: { previousReview: `${words}: het lezen ging beter`, previousReview__share: true },
        s_start: { feeling: "good", feeling__share: true, feelingNote: `${words}: ik speel graag met Mo` },
        s_trots: { proudOf: `${words}: de tafel van 7`, proudOf__share: false, howItWorked: "elke dag oefenen" },
        s_moeilijk: { stillHard: `${words}: lange sommen`, goalIdeaFrom: "together" },
        s_hoeLeerJe: { helpsMe: ["buddy", "quietPlace"] },
        s_afsluiten: { summary: `${words}: ik wil beter rekenen` },
      },
      skills: ["ownGoals"],
      goals:
        extra.goals === false
          ? []
          : [
              {
                nowText: "ik ken de tafels tot 5",
                goalText: `${words}: ik ken de tafel van 8`,
                ownPlan: "elke dag 5 minuten oefenen",
                helpTeacher: "overhoren op vrijdag",
                helpParents: null,
                helpOther: "tafelkaartjes",
                successCriteria: "ik zeg de tafel foutloos op",
                evaluationDate: "2027-03-12",
                evaluatorId: ids.duo!,
                shareWithParents: true,
              },
            ],
      agreements: [{ who: "Sam", what: "oefent elke dag de tafel van 8", whenText: "na de lunch", shareWithParents: false }],
      heldAt: new Date(heldAt),
    }),
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db, "OBS Het Lezen");
  const g5 = await makeGroup(t.db, school.id, "groep 5", "middenbouw");
  const sam = await makePupil(t.db, school.id, g5.id, "Sam");
  const noor = await makePupil(t.db, school.id, g5.id, "Noor");
  const staff = {
    juf: await makeStaff(t.db, school.id, { groups: [g5.id], email: email("juf") }),
    duo: await makeStaff(t.db, school.id, { groups: [g5.id], email: email("duo") }),
    ib: await makeStaff(t.db, school.id, { roles: [{ role: "ib" }], supports: [sam.id], email: email("ib") }),
    ibelse: await makeStaff(t.db, school.id, { roles: [{ role: "ib" }], supports: [noor.id], email: email("ibelse") }),
    leader: await makeStaff(t.db, school.id, { roles: [{ role: "team_leader", bouw: "middenbouw" }], email: email("leader") }),
    reader: await makeStaff(t.db, school.id, { roles: [{ role: "content_reader" }], email: email("reader") }),
  };
  for (const [key, s] of Object.entries(staff)) ids[key] = s.id;
  await t.db.staff.update({ where: { id: staff.duo.id }, data: { displayName: "Bo Duo" } });
  await t.db.staff.update({ where: { id: staff.juf.id }, data: { displayName: "Juf Anna" } });
  Object.assign(ids, { school: school.id, g5: g5.id, sam: sam.id, noor: noor.id });
  ids.samConversation = await hold("juf", sam.id, "2027-02-01T10:00:00Z", "Sam zegt");
  // The teacher prepared it: her reason, aim and planned questions come with it.
  await t.db.conversation.update({
    where: { id: ids.samConversation },
    data: {
      preparation: JSON.stringify({
        aim: { reason: "na de toets", aim: "een eigen rekendoel", theme: "rekenen" },
        previous: { followUp: "de ruzie op het plein" },
        plannedQuestions: ["Wat ging goed?", "Wat wil je leren?"],
      }),
    },
  });
  const goal = await t.db.goal.findFirstOrThrow({ where: { conversationId: ids.samConversation } });
  await t.db.evaluation.create({
    data: {
      goalId: goal.id,
      outcome: "partly",
      note: "tot 8x6 lukt het",
      nextStep: "extend",
      evaluatedById: staff.duo.id,
      evaluatedAt: new Date("2027-03-12T13:00:00Z"),
    },
  });
  await t.db.note.create({ data: { pupilId: sam.id, authorId: staff.duo.id, text: "Sam oefende met Mo", createdAt: new Date("2027-02-10T09:00:00Z") } });
  // Written before the conversation: it belongs to an earlier period.
  await t.db.note.create({ data: { pupilId: sam.id, authorId: staff.juf.id, text: "Sam was moe", createdAt: new Date("2027-01-10T09:00:00Z") } });
  core = createCore({ db: t.db, logger: createLogger("debug", memoryLogStream(logs)), defaultLocale: "nl", clock: () => new Date("2027-03-15T09:00:00Z") });
});
afterAll(async () => t?.destroy());

const auditOf = (actorKey: string) =>
  t.db.auditEvent.findMany({
    where: { actorStaffId: ids[actorKey] },
    select: { action: true, entity: true, entityId: true, pupilId: true },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });

describe(`reading a held conversation (${testProvider()})`, () => {
  it("the teacher reads every phase in the child's words, the goal with its evaluation, the agreement and the note since, audited with ids only", async () => {
    const before = await auditOf("juf");
    const text = textOf(await say("juf", "gesprek bekijken Sam"));
    expect(text).toContain("**Gesprek met Sam T.** — Kindgesprek groep 3–5, 1 feb 2027");
    expect(text).toContain("Gehouden door: Juf Anna");
    expect(text).toContain("**Voorbereiding van de leerkracht**\n- Aanleiding: na de toets\n- Wat wil je met dit gesprek bereiken?: een eigen rekendoel");
    expect(text).toContain("- Thema: rekenen\n- Waar wil je op terugkomen?: de ruzie op het plein\n- Je vragen: Wat ging goed?\n  Wat wil je leren?");
    expect(text).toContain("**Terugblik**\n- Terugblik op vorige doelen: Sam zegt: het lezen ging beter (mag gedeeld worden met ouders)");
    for (const phase of ["**Start**", "**Samen kijken**", "**Afsluiten**"]) expect(text).toContain(phase);
    expect(text).toContain("- Hoe voelt de leerling zich in de klas?: Fijn (mag gedeeld worden met ouders)");
    expect(text).toContain("- Wat vertelt de leerling daarover?: Sam zegt: ik speel graag met Mo (mag gedeeld worden met ouders)");
    expect(text).toContain("- Wat lukt al goed, volgens de leerling?: Sam zegt: de tafel van 7 (niet delen met ouders)\n");
    expect(text).toContain("Samen bedacht");
    expect(text).toContain("Samenwerken met een maatje, Een rustige plek");
    expect(text).toContain("Sam zegt: ik wil beter rekenen");
    expect(text).toContain("- Doel (open): Sam zegt: ik ken de tafel van 8 (mag gedeeld worden met ouders)");
    expect(text).toContain("Zo ga ik dat doen: elke dag 5 minuten oefenen");
    expect(text).toContain("  Mijn leerkracht helpt me door: overhoren op vrijdag\n");
    expect(text).toContain("Evaluatie op vr 12 mrt door Bo Duo");
    expect(text).toContain("Geëvalueerd op 12 mrt 2027 door Bo Duo: deels bereikt — “tot 8x6 lukt het” — verder: doorgaan met dit doel");
    // Every item says what the pupil chose about sharing it: the goal may be shared, the agreement not.
    expect(text).toContain("- Sam: oefent elke dag de tafel van 8 — wanneer: na de lunch (niet delen met ouders)");
    expect(text).toContain("- 10 feb 2027, Bo Duo: Sam oefende met Mo");
    expect(text).not.toContain("Sam was moe");
    expect((await auditOf("juf")).slice(before.length)).toEqual([{ action: "read", entity: "conversation", entityId: ids.samConversation, pupilId: ids.sam }]);
    // Never a name or a word of the conversation in the logs.
    expect(logs.join("\n")).not.toMatch(/Sam|tafel|Mo\b/);
  });

  it("the duo-partner, the assigned IB'er and a content reader read the same conversation", async () => {
    const juf = textOf(await say("juf", "gesprek bekijken Sam"));
    for (const who of ["duo", "ib", "reader"]) {
      const before = await auditOf(who);
      expect(textOf(await say(who, "gesprek bekijken Sam"))).toBe(juf);
      expect((await auditOf(who)).slice(before.length)).toEqual([{ action: "read", entity: "conversation", entityId: ids.samConversation, pupilId: ids.sam }]);
    }
    // The English phrase and reader's language.
    await say("duo", "english");
    const english = textOf(await say("duo", "view conversation Sam"));
    expect(english).toContain("**Conversation with Sam T.** — Pupil conversation, groep 3–5, 1 Feb 2027");
    expect(english).toContain("  My teacher helps me by: overhoren op vrijdag\n");
    expect(english).toContain("- Sam: oefent elke dag de tafel van 8 — when: na de lunch (not to be shared with parents)");
    await say("duo", "nederlands");
  });

  it("a team leader and an IB'er of other pupils are refused, by name and by button, and each refusal is audited", async () => {
    for (const who of ["leader", "ibelse"]) {
      expect(textOf(await say(who, "gesprek bekijken Sam"))).toBe("Ik vond geen leerling 'Sam' onder je leerlingen.");
      expect(textOf(await press(who, { conversationId: ids.samConversation! }))).toContain("Dit gesprek mag jij niet lezen.");
      expect(textOf(await press(who, { pupilId: ids.sam! }))).toContain("Dit gesprek mag jij niet lezen.");
      const audit = await auditOf(who);
      expect(audit.filter((a) => a.action === "read")).toEqual([]);
      expect(audit).toEqual([
        { action: "refused", entity: "pupil", entityId: ids.sam, pupilId: ids.sam },
        { action: "refused", entity: "conversation", entityId: ids.samConversation, pupilId: ids.sam },
        { action: "refused", entity: "pupil", entityId: ids.sam, pupilId: ids.sam },
      ]);
    }
  });

  it("the timeline offers each held conversation as a button that reads it", async () => {
    const [reply] = await say("duo", "leerling Sam");
    expect(reply!.text).toContain("gesprek bekijken Sam");
    const button = reply!.actions!.find((a) => a.action.command === "viewConversation")!;
    expect(button).toEqual({ label: "Gesprek van 1 feb 2027", action: { command: "viewConversation", args: { conversationId: ids.samConversation } } });
    expect(textOf(await turn("duo", { action: button.action }))).toContain("**Gesprek met Sam T.**");
  });

  it("several conversations: the newest by default, an older one by date or button, a date without one lists them", async () => {
    const pupil = await makePupil(t.db, ids.school!, ids.g5!, "Lotte");
    const older = await hold("juf", pupil.id, "2026-10-05T09:00:00Z", "Lotte toen");
    const newer = await hold("duo", pupil.id, "2027-03-01T09:00:00Z", "Lotte nu");
    const newest = await say("juf", "gesprek bekijken Lotte");
    expect(textOf(newest)).toContain("Lotte nu: ik wil beter rekenen");
    expect(textOf(newest)).not.toContain("Lotte toen");
    expect(newest.at(-1)!.actions).toEqual([{ label: "Gesprek van 5 okt 2026", action: { command: "viewConversation", args: { conversationId: older } } }]);
    expect(textOf(await say("juf", "gesprek bekijken Lotte 5-10-2026"))).toContain("Lotte toen: ik wil beter rekenen");
    expect(textOf(await say("juf", "gesprek bekijken Lotte 2026-10-05"))).toContain("Lotte toen: ik wil beter rekenen");
    expect(textOf(await say("juf", "gesprek bekijken Lotte 05-10"))).toContain("Lotte toen");
    const none = await say("juf", "gesprek bekijken Lotte 6-10-2026");
    expect(none[0]!.text).toBe("Ik vond geen gesprek met Lotte T. op 6-10-2026. Kies een van de gehouden gesprekken:");
    expect(none[0]!.actions!.map((a) => a.action.args!.conversationId)).toEqual([newer, older]);
    expect(textOf(await press("juf", { conversationId: older }))).toContain("Lotte toen");
  });

  it("recorded the short way: the card's jotted words once under its title, how it went under the record's, no empty phase of the format", async () => {
    const pupil = await makePupil(t.db, ids.school!, ids.g5!, "Kortje");
    const actor = await loadActor(t.db, ids.juf!);
    await inTransaction(t.db, (tx) =>
      recordHeldConversation(tx, actor, {
        pupilId: pupil.id,
        groupId: null,
        conversationId: null,
        formatKey: "middenbouw-kindgesprek",
        formatVersion: 2,
        answers: {
          kaart: { goesWell: "Kortje: tafels", hard: "Kortje: breuken", goalWords: "Kortje: ik wil breuken snappen" },
          record: { howItWent: "good", goalWhen: "now", goalText: "Kortje: ik wil breuken snappen" },
        },
        skills: [],
        goals: [],
        agreements: [{ who: "Kortje", what: "maakt elke maandag 3 breuksommen", whenText: "elke maandag", shareWithParents: true }],
        heldAt: new Date("2027-03-03T09:00:00Z"),
      }),
    );
    const text = textOf(await say("juf", "gesprek bekijken Kortje"));
    expect(text).not.toContain("(niet ingevuld)");
    for (const phase of ["**Start**", "**Samen kijken**", "**Afsluiten**"]) expect(text).not.toContain(phase);
    expect(text.match(/Gesprekskaart/g)).toHaveLength(1);
    expect(text).toContain("**Gesprekskaart**\n- Gaat goed (steekwoorden): Kortje: tafels\n- Lastig (steekwoorden): Kortje: breuken\n");
    expect(text).toContain("- Doel, in de woorden van de leerling: Kortje: ik wil breuken snappen\n");
    expect(text).toContain("**Vastleggen**\n- Hoe ging het gesprek?: Goed\n");
    expect(text).toContain("- Kortje: maakt elke maandag 3 breuksommen — wanneer: elke maandag (mag gedeeld worden met ouders)");
    await say("juf", "english");
    const english = textOf(await say("juf", "view conversation Kortje"));
    await say("juf", "nederlands");
    expect(english).toContain("**Conversation card**\n- Goes well (keywords): Kortje: tafels\n");
    expect(english).toContain("**Record**\n- How did the conversation go?: Well\n");
    expect(english).not.toContain("(not filled in)");
  });

  it("recorded step by step: a phase without an answer says it was not filled in", async () => {
    const pupil = await makePupil(t.db, ids.school!, ids.g5!, "Stapje");
    const actor = await loadActor(t.db, ids.juf!);
    await inTransaction(t.db, (tx) =>
      recordHeldConversation(tx, actor, {
        pupilId: pupil.id,
        groupId: null,
        conversationId: null,
        formatKey: "middenbouw-kindgesprek",
        formatVersion: 2,
        answers: { s_afsluiten: { summary: "Stapje: ik wil lezen" } },
        skills: [],
        goals: [],
        agreements: [],
        heldAt: new Date("2027-03-03T09:00:00Z"),
      }),
    );
    const text = textOf(await say("juf", "gesprek bekijken Stapje"));
    expect(text).toContain("**Start** (niet ingevuld)");
    expect(text).toContain("**Samen kijken** (niet ingevuld)");
    expect(text).toContain("**Afsluiten**\n");
    expect(text).not.toContain("Gesprekskaart");
  });

  it("a pupil without a held conversation, an unknown conversation and no name each get their own message", async () => {
    const pupil = await makePupil(t.db, ids.school!, ids.g5!, "Ravi");
    await t.db.conversation.create({
      data: { schoolId: ids.school!, pupilId: pupil.id, groupId: ids.g5!, formatKey: "middenbouw-kindgesprek", formatVersion: 2, createdById: ids.juf! },
    });
    expect(textOf(await say("juf", "gesprek bekijken Ravi"))).toBe("Ravi T. heeft nog geen gehouden gesprek dat jij kunt lezen.");
    expect(textOf(await press("juf", { conversationId: "bestaat-niet" }))).toBe("Dat gesprek kon ik niet vinden, of het is nog niet gehouden.");
    expect(textOf(await say("juf", "gesprek bekijken"))).toContain("Van welke leerling wil je een gesprek lezen?");
    expect(textOf(await say("juf", "gesprek bekijken Niemand"))).toBe("Ik vond geen leerling 'Niemand' onder je leerlingen.");
  });

  it("a long conversation arrives whole, in pages no channel cuts", async () => {
    const pupil = await makePupil(t.db, ids.school!, ids.g5!, "Lang");
    const long = (tag: string) => `${tag} ${"ik vertel heel veel over mijn dag en wat ik leer ".repeat(58)}`.trim().slice(0, 2900);
    const actor = await loadActor(t.db, ids.juf!);
    const answers = {
      s_start: { feeling: "good", feelingNote: long("A1") },
      s_trots: { proudOf: long("B1"), howItWorked: long("B2").slice(0, 1000) },
      s_moeilijk: { stillHard: long("C1"), methodGoal: long("C2").slice(0, 1000) },
      s_hoeLeerJe: { helpsMeNote: long("D1").slice(0, 1000) },
      s_afsluiten: { summary: long("E1"), shareWithParents: long("E2").slice(0, 1000) },
    };
    await inTransaction(t.db, (tx) =>
      recordHeldConversation(tx, actor, {
        pupilId: pupil.id,
        groupId: null,
        conversationId: null,
        formatKey: "middenbouw-kindgesprek",
        formatVersion: 2,
        answers,
        skills: [],
        goals: [],
        agreements: [],
        heldAt: new Date("2027-03-02T09:00:00Z"),
      }),
    );
    const replies = await say("juf", "gesprek bekijken Lang");
    expect(replies.length).toBeGreaterThan(4);
    for (const reply of replies) expect(reply.text.length).toBeLessThanOrEqual(3000);
    expect(replies[0]!.text).toMatch(new RegExp(`^\\(1/${replies.length}\\)\\n`));
    const all = textOf(replies);
    const typed = Object.values(answers).flatMap((step) => Object.values(step).filter((v) => v !== "good"));
    for (const value of typed) expect(all).toContain(value);
    // What Slack gets: every page as a message whose sections hold it all (Slack drops blocks past 50).
    const slack = (await Promise.all(replies.map((r) => messagesFor(r, { stepsAsText: false, locale: "nl", linkFor: async () => "" })))).flat();
    expect(slack).toHaveLength(replies.length);
    for (const message of slack) expect(message.blocks.length).toBeLessThanOrEqual(3);
    const sections = slack.flatMap((m) => m.blocks.map((b) => (b.type === "section" ? (b.text?.text ?? "") : ""))).join("\n");
    for (const value of typed) expect(sections).toContain(value);
  });

  it("last year's teacher reads the conversation held in her archived group, up to the archive's end, and nothing of this year", async () => {
    const old = await t.db.group.create({
      data: {
        schoolId: ids.school!,
        name: "groep 4",
        bouw: "middenbouw",
        yearLevels: "4",
        schoolYear: "2025-2026",
        archivedAt: new Date("2026-08-01T00:00:00Z"),
      },
    });
    const vorig = await makeStaff(t.db, ids.school!, { groups: [old.id], email: email("vorig") });
    ids.vorig = vorig.id;
    const pupil = await makePupil(t.db, ids.school!, ids.g5!, "Mila");
    const held = (groupId: string, heldAt: string, words: string) =>
      t.db.conversation.create({
        data: {
          schoolId: ids.school!,
          pupilId: pupil.id,
          groupId,
          formatKey: "middenbouw-kindgesprek",
          formatVersion: 2,
          status: "held",
          heldAt: new Date(heldAt),
          createdById: vorig.id,
          answers: JSON.stringify({ s_afsluiten: { summary: words } }),
        },
      });
    const lastYear = await held(old.id, "2026-03-10T09:00:00Z", "Mila vorig jaar");
    const thisYear = await held(ids.g5!, "2026-11-02T09:00:00Z", "Mila dit jaar");
    const goal = await t.db.goal.create({ data: { pupilId: pupil.id, conversationId: lastYear.id, goalText: "Mila leest AVI E4", createdById: vorig.id } });
    await t.db.evaluation.create({ data: { goalId: goal.id, outcome: "later", evaluatedById: vorig.id, evaluatedAt: new Date("2026-06-01T09:00:00Z") } });
    await t.db.evaluation.create({ data: { goalId: goal.id, outcome: "reached", evaluatedById: ids.juf!, evaluatedAt: new Date("2026-10-01T09:00:00Z") } });
    await t.db.note.create({ data: { pupilId: pupil.id, authorId: vorig.id, text: "Mila las voor aan groep 3", createdAt: new Date("2026-05-01T09:00:00Z") } });
    await t.db.note.create({
      data: { pupilId: pupil.id, authorId: ids.juf!, text: "Mila wisselde van tafelgroep", createdAt: new Date("2026-09-15T09:00:00Z") },
    });

    // Her archive offers the conversation as a button; the pupil's conversations by button give the same.
    const [archive] = await say("vorig", "archief groep 4 2025-2026");
    const button = archive!.actions!.find((a) => a.action.args?.conversationId === lastYear.id)!;
    expect(button.label).toBe("Mila T.: gesprek van 10-03-2026");
    const archived = textOf(await turn("vorig", { action: button.action }));
    expect(textOf(await press("vorig", { pupilId: pupil.id }))).toBe(archived);
    expect(archived).toContain("Mila vorig jaar");
    expect(archived).toContain("via het archief van vorig schooljaar");
    expect(archived).toContain("Mila las voor aan groep 3");
    expect(archived).toContain("later opnieuw");
    expect(archived).not.toMatch(/tafelgroep|: bereikt|Mila dit jaar|Andere gehouden/);
    expect(textOf(await press("vorig", { conversationId: thisYear.id }))).toContain("Dit gesprek mag jij niet lezen.");
    // By name she finds only this year's pupils: the archive is reached from the conversation itself.
    expect(textOf(await say("vorig", "gesprek bekijken Mila"))).toBe("Ik vond geen leerling 'Mila' onder je leerlingen.");

    // This year's teacher reads the same conversation with all that came after it.
    const now = textOf(await say("juf", "gesprek bekijken Mila 10-03-2026"));
    expect(now).toContain("Mila wisselde van tafelgroep");
    expect(now).toContain(": bereikt");
    expect(now).not.toContain("via het archief");
  });
});

// Every built-in format walked end to end through the engine, asserting what is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { DialogEngine } from "../../dialogs/engine/engine.js";
import { CONVERSATION, FLOWS, NOTE, PREPARE } from "../../dialogs/flows/index.js";
import { loadBuiltinFormats } from "../../bot/formats/registry.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { addDays, autoValues, walkToEnd } from "../support/dialog-driver.js";

const NOW = new Date("2026-11-23T09:00:00Z");
const TODAY = "2026-11-23";
let t: TestDatabase;
let teacher: Actor;
let engine: DialogEngine;
let schoolId: string;
let groupId: string;
const pupils: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db);
  const group = await makeGroup(t.db, school.id, "groep 7", "bovenbouw");
  schoolId = school.id;
  groupId = group.id;
  // One pupil per format version: every released version must still work end to end.
  for (const f of loadBuiltinFormats()) pupils[`${f.key}@${f.version}`] = (await makePupil(t.db, school.id, group.id, `Kind-${f.key}-${f.version}`)).id;
  teacher = await loadActor(t.db, (await makeStaff(t.db, school.id, { groups: [group.id] })).id);
  engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
});
afterAll(async () => t?.destroy());

// A test that stores a record for a pupil gets a pupil of its own: no other test's record in the way.
const aPupil = async () => (await makePupil(t.db, schoolId, groupId)).id;
const base = { pupilId: null, groupId: null, conversationId: null, formatKey: null, formatVersion: null };

describe(`every format end to end on ${testProvider()}`, () => {
  for (const format of loadBuiltinFormats()) {
    it(`${format.key} v${format.version}: walks all phases and stores the outcome`, async () => {
      const forGroup = format.subject === "group";
      const pupilId = pupils[`${format.key}@${format.version}`]!;
      const subject = forGroup
        ? { ...base, groupId, formatKey: format.key, formatVersion: format.version }
        : { ...base, pupilId, formatKey: format.key, formatVersion: format.version };
      // The leerlingbespreking's educational goal: the teacher keeps the sharpened goal it shows.
      const kept = { educationalGoal: { goalText: "Werkt na de groepsinstructie 10 minuten zelfstandig aan een taak" } };
      const { result, visited } = await walkToEnd(engine, teacher, await engine.start(teacher, CONVERSATION, subject), TODAY, kept);
      expect(result.kind).toBe("completed");
      const sections = format.phases.flatMap((p) => p.sections).map((s) => `s_${s.id}`);
      expect(visited).toEqual(expect.arrayContaining(sections));
      expect(visited.at(-1)).toBe("confirm");

      const conversation = await t.db.conversation.findFirstOrThrow({
        where: forGroup ? { groupId, pupilId: null, formatVersion: format.version } : { pupilId, formatKey: format.key },
        include: { goals: true, agreements: true, teachers: true },
      });
      // A meeting without the pupil (the leerlingbespreking) is recorded, never held.
      const status = format.closeWithEducationalGoal ? "discussed" : "held";
      expect(conversation).toMatchObject({ status, formatKey: format.key, formatVersion: format.version });
      expect(conversation.teachers.map((c) => c.staffId)).toEqual([teacher.staffId]);
      const answers = JSON.parse(conversation.answers) as Record<string, unknown>;
      for (const s of sections) expect(answers[s]).toBeDefined();
      if (forGroup) {
        expect(conversation.pupilId).toBeNull();
        expect(conversation.goals).toHaveLength(0);
      } else if (format.closeWithPlan) {
        expect(conversation.goals).toHaveLength(1);
        expect(conversation.goals[0]).toMatchObject({
          goalText: "Ik wil de tafels van 6 en 7 foutloos opzeggen",
          evaluationDate: addDays(TODAY, 14),
          evaluatorId: teacher.staffId,
          status: "open",
          shareWithParents: true,
        });
        expect(conversation.agreements).toHaveLength(1);
        expect(conversation.agreements[0]).toMatchObject({ who: "Sam en juf Anna", whenText: "elke dag na de instructie", goalId: conversation.goals[0]!.id });
        // The walk taps the first answer, "the pupil", for who set the goal and chose the way;
        // a conversation without the pupil (the leerlingbespreking) is never asked and shows none.
        const skills = JSON.parse(conversation.skills) as string[];
        expect(skills).toEqual(format.subject === "pupil" ? ["ownGoals", "selfInstruction"] : []);
      } else if (format.closeWithEducationalGoal) {
        // The sharpened goal, carried through as the educational goal; no kindplan, no skills.
        expect(conversation.goals.map((g) => ({ goalText: g.goalText, evaluatorId: g.evaluatorId, nowText: g.nowText }))).toEqual([
          { goalText: "Werkt na de groepsinstructie 10 minuten zelfstandig aan een taak", evaluatorId: teacher.staffId, nowText: null },
        ]);
        expect(conversation.agreements).toHaveLength(0);
        expect(JSON.parse(conversation.skills)).toEqual([]);
      } else {
        expect(conversation.goals).toHaveLength(0);
      }
    });
  }

  it("adds steps for a second goal and a second agreement when asked", async () => {
    const pupilId = await aPupil();
    const start = await engine.start(teacher, CONVERSATION, { ...base, pupilId, formatKey: "kindplan", formatVersion: 1 });
    const { visited, result } = await walkToEnd(engine, teacher, start, TODAY, {
      goal1check: { another: "true" },
      goal2: { goalText: "Ik wil zelf hulp vragen als ik vastzit" },
      agreement1: { another: "true" },
      agreement2: { who: "juf Anna", what: "geeft Sam elke maandag een nieuw rekenblad", when: "elke maandag" },
    });
    expect(visited).toEqual(expect.arrayContaining(["goal2", "goal2help", "goal2check", "agreement2"]));
    if (result.kind !== "completed") throw new Error("not completed");
    const held = await t.db.conversation.findUniqueOrThrow({ where: { id: result.completion.conversationId! }, include: { goals: true, agreements: true } });
    expect(held.goals.map((g) => g.goalText).sort()).toEqual(["Ik wil de tafels van 6 en 7 foutloos opzeggen", "Ik wil zelf hulp vragen als ik vastzit"]);
    expect(held.agreements).toHaveLength(2);
  });

  it("asks again for an agreement that is not concrete, keeping what was typed", async () => {
    const pupilId = await aPupil();
    let result = await engine.start(teacher, CONVERSATION, { ...base, pupilId, formatKey: "kindplan", formatVersion: 1 });
    while (result.kind === "step" && result.view.stepId !== "agreement1") {
      const v = result.view;
      result = await engine.submit(teacher, { sessionId: v.sessionId, stepId: v.stepId, version: v.version, action: "submit", values: autoValues(v, TODAY) });
    }
    if (result.kind !== "step") throw new Error("no agreement step");
    const v = result.view;
    const vague = await engine.submit(teacher, {
      sessionId: v.sessionId,
      stepId: v.stepId,
      version: v.version,
      action: "submit",
      values: { who: "we", what: "beter je best doen", when: "binnenkort", another: "false" },
    });
    if (vague.kind !== "step") throw new Error("expected the agreement step again");
    expect(vague.view.stepId).toBe("agreement1");
    const errors = Object.fromEntries(vague.view.fields.filter((f) => f.error).map((f) => [f.id, f.error]));
    expect(Object.keys(errors).sort()).toEqual(["what", "when", "who"]);
    expect(vague.view.fields.find((f) => f.id === "what")?.value).toBe("beter je best doen");
    const fixed = await engine.submit(teacher, {
      sessionId: v.sessionId,
      stepId: "agreement1",
      version: vague.view.version,
      action: "submit",
      values: { who: "Sam", what: "oefent elke avond 10 minuten de tafel van 7 met mama", when: "elke avond na het eten", another: "false" },
    });
    expect(fixed.kind === "step" && fixed.view.stepId).toBe("confirm");
  });

  it("sharpens a vague concern into an observable goal in the leerlingbespreking", async () => {
    const pupilId = await aPupil();
    let result = await engine.start(teacher, CONVERSATION, { ...base, pupilId, formatKey: "leerlingbespreking", formatVersion: 1 });
    while (result.kind === "step" && result.view.stepId !== "s_doelScherpstellen") {
      const v = result.view;
      result = await engine.submit(teacher, { sessionId: v.sessionId, stepId: v.stepId, version: v.version, action: "submit", values: autoValues(v, TODAY) });
    }
    if (result.kind !== "step") throw new Error("no goal sharpener step");
    const v = result.view;
    const vague = await engine.submit(teacher, {
      sessionId: v.sessionId,
      stepId: v.stepId,
      version: v.version,
      action: "submit",
      values: autoValues(v, TODAY, { observableGoal: "heeft een slechte werkhouding" }),
    });
    if (vague.kind !== "step") throw new Error("expected the same step");
    expect(vague.view.stepId).toBe("s_doelScherpstellen");
    expect(vague.view.fields.find((f) => f.id === "observableGoal")?.error).toMatch(/Bijvoorbeeld/);
    const sharp = await engine.submit(teacher, {
      sessionId: v.sessionId,
      stepId: v.stepId,
      version: vague.view.version,
      action: "submit",
      values: autoValues(v, TODAY),
    });
    expect(sharp.kind === "step" && sharp.view.stepId).not.toBe("s_doelScherpstellen");
    await engine.answerText(teacher, "stop");
  });

  it("a prepared conversation continues the same record, shows the preparation, and keeps its format version", async () => {
    const pupilId = await aPupil();
    const prepared = await walkToEnd(engine, teacher, await engine.start(teacher, PREPARE, { ...base, pupilId }), TODAY, {
      format: { format: "bovenbouw-kindgesprek" },
      aim: { reason: "nieuwe periode", aim: "samen een rekendoel kiezen", theme: "rekenen" },
      questions: { questions: "Vind je rekenen leuk?\nWat ging goed deze periode?" },
      previous: { followUp: "de ruzie op het plein" },
      ready: { invitation: "true" },
    });
    expect(prepared.visited).toContain("coach");
    expect(prepared.result.kind).toBe("completed");
    if (prepared.result.kind !== "completed") return;
    const invitation = prepared.result.completion.attachments?.[0];
    expect(invitation?.contentType).toBe("text/html");
    // The invitation tells the child the theme; the teacher's aim stays with the teacher.
    expect(invitation?.content).toContain("met je praten over rekenen");
    expect(invitation?.content).not.toContain("samen een rekendoel kiezen");
    const stored = await t.db.conversation.findUniqueOrThrow({ where: { id: prepared.result.completion.conversationId! } });
    expect(stored.status).toBe("prepared");
    expect(stored.plannedAt?.toISOString()).toBe(`${addDays(TODAY, 14)}T09:30:00.000Z`);

    const start = await engine.start(teacher, CONVERSATION, {
      ...base,
      pupilId,
      conversationId: stored.id,
      formatKey: stored.formatKey,
      formatVersion: stored.formatVersion,
    });
    if (start.kind !== "step") throw new Error("no opening step");
    expect(start.view.stepId).toBe("opening");
    expect(start.view.info.join("\n")).toContain("samen een rekendoel kiezen");
    // What the teacher wanted to come back to opens the conversation too.
    expect(start.view.info.join("\n")).toContain("Terugkomen op: de ruzie op het plein");
    await walkToEnd(engine, teacher, start, TODAY);
    const held = await t.db.conversation.findUniqueOrThrow({ where: { id: stored.id } });
    expect(held.status).toBe("held");
    expect(await t.db.conversation.count({ where: { pupilId, status: { in: ["planned", "prepared"] } } })).toBe(0);
  });

  it("a quick note through the note dialog", async () => {
    const pupilId = await aPupil();
    const { result } = await walkToEnd(engine, teacher, await engine.start(teacher, NOTE, { ...base, pupilId }), TODAY, {
      note: { text: "Vertelde trots over haar tekening", goal: "zelf haar jas aantrekken", text__share: "false" },
    });
    expect(result.kind).toBe("completed");
    const note = await t.db.note.findFirstOrThrow({ where: { pupilId } });
    expect(note).toMatchObject({
      text: "Vertelde trots over haar tekening",
      goalText: "zelf haar jas aantrekken",
      shareWithParents: false,
      authorId: teacher.staffId,
    });
  });
});

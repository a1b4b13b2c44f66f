// Welbevinden in the first weeks: the groep 3–8 check (welbevinden-start) walked through the engine
// and the text channel as a round's planned conversation, closing without a plan; the onderbouw
// quick moment summarised by what the child chose (face and themes by label), after saving, on the
// timeline and read back; and the picture cards the steps point to, as a PDF from the text channel.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../app/core.js";
import { TerminalChat } from "../../adapters/local/terminal-chat.js";
import { loadActor } from "../../bot/auth/actor.js";
import { DialogEngine, type EngineResult } from "../../dialogs/engine/engine.js";
import { CONVERSATION, FLOWS } from "../../dialogs/flows/index.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { walkToEnd } from "../support/dialog-driver.js";
import { pdfPageCount, pdfText } from "../support/pdf-text.js";
import { printedPieces, squash } from "../exports/printed-text.js";
import { buildKindplanExport } from "../../bot/services/kindplan-export.js";
import { kindplanPrintable } from "../../bot/exports/kindplan-html.js";
import { buildGroupNeeds } from "../../bot/services/educational-needs.js";

const NOW = new Date("2026-09-07T09:00:00Z");
const TODAY = "2026-09-07";
const exportDir = mkdtempSync(path.join(tmpdir(), "gw-welbevinden-"));
let t: TestDatabase;
let engine: DialogEngine;

beforeAll(async () => {
  t = await createTestDatabase();
  engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
});
afterAll(async () => t?.destroy());

const base = { groupId: null, conversationId: null, formatVersion: null };

/** A teacher of one group at a school of their own, with one pupil, and a terminal chat of their own. */
async function teacherOf(bouw: "onderbouw" | "middenbouw", pupilName: string, locale: "nl" | "en" = "nl") {
  const school = await makeSchool(t.db);
  const group = await makeGroup(t.db, school.id, bouw === "onderbouw" ? "groep 1/2" : "groep 5", bouw);
  const pupil = await makePupil(t.db, school.id, group.id, pupilName);
  const staff = await makeStaff(t.db, school.id, { groups: [group.id] });
  if (locale !== "nl") await t.db.staff.update({ where: { id: staff.id }, data: { locale } });
  const core = createCore({ db: t.db, logger: pino({ level: "silent" }), defaultLocale: "nl" });
  const chat = new TerminalChat({
    core,
    user: { channel: "local", externalId: staff.email, email: staff.email },
    input: new PassThrough(),
    output: new PassThrough(),
    exportDir,
  });
  return { actor: await loadActor(t.db, staff.id), chat, pupilId: pupil.id, schoolId: school.id, staffId: staff.id, groupId: group.id };
}

/** What a teacher types for the question just asked: the first choice, yes, or a few words. */
function answerFor(output: string): string {
  const paragraphs = output.trim().split("\n\n");
  if (/^(terug|overslaan|pauze|stop)\b/.test(paragraphs.at(-1) ?? "")) paragraphs.pop();
  const tail = paragraphs.at(-1) ?? "";
  if (/Typ \*?\*?ok/.test(tail)) return "ok";
  if (/ja\/nee/.test(tail)) return /later in een kindgesprek/.test(tail) ? "nee" : "ja";
  if (/Typ het nummer|Typ een of meer nummers/.test(tail)) return "2";
  return "dat vertelde het kind zelf";
}

async function typeUntil(chat: TerminalChat, first: string, done: RegExp, maxTurns = 40): Promise<string> {
  let output = await chat.send(first);
  const transcript = [output];
  for (let i = 0; i < maxTurns && !done.test(output); i++) {
    output = await chat.send(answerFor(output));
    transcript.push(output);
  }
  if (!done.test(output)) throw new Error(`not done after ${maxTurns} turns; last output:\n${output}`);
  return transcript.join("\n---\n");
}

const stepOf = (result: EngineResult) => {
  if (result.kind !== "step") throw new Error(`expected a step, got ${result.kind}`);
  return result.view;
};

describe(`welbevinden in the first weeks on ${testProvider()}`, () => {
  it("summarises the onderbouw quick moment by the face and themes chosen, not by a count of parts", async () => {
    const { actor, pupilId } = await teacherOf("onderbouw", "Ayla");
    const start = await engine.start(actor, CONVERSATION, { ...base, pupilId, formatKey: "onderbouw-welbevinden", formatVersion: 2 });
    const chosen = {
      s_gevoel: { feeling: "happy", feelingNote: "ik heb een nieuwe fiets", feeling__share: "true" },
      s_plaatjes: { themes: ["fun", "together"], story: "ik speel met Noor", story__share: "false" },
    };
    let result = start;
    while (result.kind === "step" && result.view.stepId !== "confirm") result = (await walkToEnd(engine, actor, result, TODAY, chosen, 1)).result;
    const confirm = stepOf(result);
    expect(confirm.info).toEqual(["Gekozen: 😄 Blij; 🎉 Plezier, 👫 Samen"]);
    const { result: done } = await walkToEnd(engine, actor, result, TODAY);
    if (done.kind !== "completed") throw new Error("not completed");
    expect(done.completion.text).toContain("Gekozen: 😄 Blij; 🎉 Plezier, 👫 Samen");
    expect(done.completion.text).not.toMatch(/onderdel/);
  });

  it("says it in the teacher's language", async () => {
    const { actor, pupilId } = await teacherOf("onderbouw", "Ayla", "en");
    const start = await engine.start(actor, CONVERSATION, { ...base, pupilId, formatKey: "onderbouw-welbevinden", formatVersion: 2 });
    const { result } = await walkToEnd(engine, actor, start, TODAY, { s_gevoel: { feeling: "sad" }, s_plaatjes: { themes: ["pride"] } });
    if (result.kind !== "completed") throw new Error("not completed");
    expect(result.completion.text).toContain("Chosen: 😢 Sad; 🏅 Proud");
    expect(result.completion.text).not.toMatch(/parts filled/);
  });

  it("points to the picture cards on the steps where the child points at pictures, and only there", async () => {
    const { actor, pupilId } = await teacherOf("onderbouw", "Ayla");
    const started = await engine.start(actor, CONVERSATION, { ...base, pupilId, formatKey: "onderbouw-welbevinden", formatVersion: 2 });
    const first = stepOf(started);
    expect(first.stepId).toBe("s_gevoel");
    expect(first.info.join("\n")).toMatch(/Plaatjes printen.*\*\*plaatjes\*\*/);
    const { visited, result } = await walkToEnd(engine, actor, started, TODAY, {}, 2);
    expect(visited).toEqual(["s_gevoel", "s_plaatjes"]);
    const third = stepOf(result);
    expect(third.stepId).toBe("s_trotsEnWens");
    expect(third.info.join("\n")).not.toMatch(/plaatjes/i);
  });

  it("the onderbouw timeline and the full read show what the child chose, by label", async () => {
    const { actor, pupilId, chat } = await teacherOf("onderbouw", "Ayla");
    const start = await engine.start(actor, CONVERSATION, { ...base, pupilId, formatKey: "onderbouw-welbevinden", formatVersion: 2 });
    await walkToEnd(engine, actor, start, TODAY, { s_gevoel: { feeling: "calm" }, s_plaatjes: { themes: ["freeTime", "learning"] } });
    const timeline = await chat.send("leerling Ayla");
    expect(timeline).toContain("gekozen: 😌 Rustig; ⚽ Vrije tijd, 📚 Leren");
    const read = await chat.send("gesprek bekijken Ayla");
    expect(read).toContain("Rustig");
    expect(read).toContain("Vrije tijd, Leren");
    expect(read).not.toContain("freeTime");
  });

  it("prints the onderbouw picture cards from the text channel, and offers them when a quick moment starts", async () => {
    const { chat } = await teacherOf("onderbouw", "Ayla");
    const out = await chat.send("plaatjes");
    expect(out).toContain("17 plaatjes");
    const file = /→ (.+\.pdf)/.exec(out)?.[1];
    expect(path.basename(file ?? "")).toBe("plaatjes-onderbouw-welbevinden.pdf");
    const pdf = readFileSync(file!);
    expect(pdfPageCount(pdf)).toBe(3);
    const text = squash(pdfText(pdf));
    for (const label of ["Blij", "Bang of gespannen", "Hulp", "Waar ik goed in ben", "Vrije tijd", "Leren"]) expect(text).toContain(label);
    const started = await chat.send("gesprek Ayla");
    expect(started).toContain("Plaatjes printen (PDF)");
  });

  it("walks welbevinden-start as a round's planned conversation in the text channel, closing without a plan", async () => {
    const { chat, pupilId, schoolId, staffId, groupId } = await teacherOf("middenbouw", "Sam");
    await t.db.conversation.create({
      data: { schoolId, pupilId, groupId, formatKey: "welbevinden-start", formatVersion: 1, status: "planned", plannedAt: NOW, createdById: staffId },
    });
    const transcript = await typeUntil(chat, "gesprek Sam", /Gesprek met \*?\*?Sam[^*\n]*\*?\*? opgeslagen/);
    expect(transcript).toContain("Hoe voel je je in de groep?");
    expect(transcript).toContain("zonder namen van klasgenoten");
    expect(transcript).toContain("Wat helpt jou?");
    // The step names the command that prints this format's own faces, not the onderbouw set.
    expect(transcript).toContain("typ plaatjes welbevinden-start:");
    const cards = await chat.send("plaatjes welbevinden-start");
    expect(cards).toContain("Welbevinden in de eerste weken");
    // No kindplan: no goal, agreement or evaluation date is asked for.
    expect(transcript).not.toMatch(/Straks wil ik|Evaluatiedatum|Doet wat/);
    expect(transcript).toContain("Gekozen: 🙂 Fijn");
    const held = await t.db.conversation.findFirstOrThrow({ where: { pupilId }, include: { goals: true, agreements: true } });
    expect(held).toMatchObject({ status: "held", formatKey: "welbevinden-start", formatVersion: 1 });
    expect(held.goals).toHaveLength(0);
    expect(held.agreements).toHaveLength(0);
    const answers = JSON.parse(held.answers) as Record<string, Record<string, unknown>>;
    expect(answers.s_inDeGroep?.feeling).toBe("good");
    expect(answers.s_watHelpt?.helpsMe).toBe("dat vertelde het kind zelf");
    // What is said about classmates is never offered to the parents: no share choice is stored for it.
    expect(Object.keys(answers.s_samenwerken ?? {}).filter((k) => k.endsWith("__share"))).toEqual(["whyItWorks__share"]);
  });

  it("prints for the parents what the pupil agreed to share, never what was said about classmates", async () => {
    const { actor, pupilId } = await teacherOf("middenbouw", "Noor");
    const start = await engine.start(actor, CONVERSATION, { ...base, pupilId, formatKey: "welbevinden-start", formatVersion: 1 });
    await walkToEnd(engine, actor, start, TODAY, {
      s_inDeGroep: {
        feeling: "good",
        feelingNote: "GEDEELD-gevoel ik ken al veel kinderen",
        feeling__share: "true",
        atEase: "PRIVE-gemak",
        atEase__share: "false",
      },
      s_samenwerken: {
        likesWorkingWith: "KLASGENOOT-Daan en Mila",
        whyItWorks: "GEDEELD-samen we lachen veel",
        whyItWorks__share: "true",
        harderWhen: "SITUATIE-in een groepje van vier",
      },
      s_watHelpt: { helpsMe: "GEDEELD-helpt een rustige plek bij het raam", helpsMe__share: "true", tipForTeacher: "PRIVE-tip", tipForTeacher__share: "false" },
    });
    const printed = printedPieces(kindplanPrintable(await buildKindplanExport(t.db, actor, pupilId, TODAY), "nl")).join("\n");
    for (const shared of ["GEDEELD-gevoel", "GEDEELD-samen", "GEDEELD-helpt", "Fijn"]) expect(printed).toContain(shared);
    for (const kept of ["PRIVE-", "KLASGENOOT-", "SITUATIE-"]) expect(printed).not.toContain(kept);
  });

  it("turns what helps the pupil into an onderwijsbehoefte for the groepsplan", async () => {
    const { actor, pupilId, groupId } = await teacherOf("middenbouw", "Noor");
    const start = await engine.start(actor, CONVERSATION, { ...base, pupilId, formatKey: "welbevinden-start", formatVersion: 1 });
    await walkToEnd(engine, actor, start, TODAY, { s_watHelpt: { helpsMe: "een rustige plek bij het raam", helpsMe__share: "false" } });
    const needs = await buildGroupNeeds(t.db, actor, groupId, NOW);
    expect(needs.rows.map((r) => [r.pupilId, r.statement, r.formatName.nl])).toEqual([
      [pupilId, expect.stringContaining("een rustige plek bij het raam"), "Welbevinden in de eerste weken, groep 3–8"],
    ]);
  });

  it("is offered to a team leader of the middenbouw and bovenbouw when making a round", async () => {
    const school = await makeSchool(t.db);
    const group = await makeGroup(t.db, school.id, "groep 6", "bovenbouw");
    const leader = await makeStaff(t.db, school.id, { roles: [{ role: "team_leader", bouw: "bovenbouw" }] });
    const actor = await loadActor(t.db, leader.id);
    const view = stepOf(await engine.start(actor, "round", { ...base, pupilId: null, formatKey: null }));
    expect(view.stepId).toBe("basics");
    const format = view.fields.find((f) => f.id === "format");
    expect(format?.options?.map((o) => o.value)).toContain("welbevinden-start");
    expect(format?.options?.find((o) => o.value === "welbevinden-start")?.label).toBe("Welbevinden in de eerste weken, groep 3–8");
    expect(group.id).toBeTruthy();
  });
});

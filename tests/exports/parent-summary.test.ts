// The startgesprek held with the parents at the table, through the engine, and the summary the
// parents take home: addressed to them, what was said about the child, home and school, what the
// child wants to learn, who does what by when — nothing else of the pupil's record, no internal
// code, and the PDF (read with pdftotext) says what the HTML says.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { buildParentSummary, latestParentConversation } from "../../bot/services/parent-summary.js";
import { parentSummaryPrintable } from "../../bot/exports/parent-summary.js";
import { printableAttachments } from "../../bot/exports/attachment.js";
import { addNote } from "../../bot/services/pupil-records.js";
import { DialogEngine, type EngineResult } from "../../dialogs/engine/engine.js";
import { CONVERSATION, FLOWS } from "../../dialogs/flows/index.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { autoValues, walkToEnd } from "../support/dialog-driver.js";
import { pdfText } from "../support/pdf-text.js";
import { htmlText, squash } from "./printed-text.js";

const NOW = new Date("2026-09-03T09:00:00Z");
const TODAY = "2026-09-03";
let t: TestDatabase;
let teacher: Actor;
let other: Actor;
let pupilId: string;
let conversationId: string;
let finished: EngineResult;
const visited: string[] = [];
const shown: Record<string, { info: string[]; fields: string[]; defaults: Record<string, unknown> }> = {};

/** Codes of the format, its sections and fields: never printed. */
const CODES = ["startgesprek", "goesWell", "wantToLearn", "whatHelps", "proudOf", "s_thuis", "ditJaar", "withParents", "__share"];

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db, "Basisschool De Linde");
  const group = await makeGroup(t.db, school.id, "groep 5", "middenbouw");
  pupilId = (await makePupil(t.db, school.id, group.id, "Zoë")).id;
  await t.db.pupil.update({ where: { id: pupilId }, data: { lastName: "Çelik" } });
  teacher = await loadActor(t.db, (await makeStaff(t.db, school.id, { groups: [group.id] })).id);
  other = await loadActor(t.db, (await makeStaff(t.db, school.id, { groups: [(await makeGroup(t.db, school.id, "groep 8", "bovenbouw")).id] })).id);
  const engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
  // Earlier: a kindgesprek the child chose not to share, and a private note — neither belongs in the summary.
  await walkToEnd(engine, teacher, await engine.start(teacher, CONVERSATION, subject("kindplan", 2)), TODAY, {
    s_nuKanIk: { nowICan: "PRIVE-eerder gesprek", nowICan__share: "false" },
  });
  await addNote(t.db, teacher, { pupilId, text: "PRIVE-notitie van de juf" });
  let result = await engine.start(teacher, CONVERSATION, subject("startgesprek", 1));
  const answers: Record<string, Record<string, unknown>> = {
    s_welkom: { aim: "GEZEGD-kennismaken en het jaar goed beginnen" },
    s_kind: { goesWell: "GEZEGD-ik kan goed tekenen", hard: "GEZEGD-de tafels vind ik moeilijk", proudOf: "GEZEGD-mijn zwemdiploma" },
    s_thuis: { goesWell: "GEZEGD-ze leest graag voor aan haar broertje", hard: "GEZEGD-huiswerk na het sporten", whatHelps: "GEZEGD-een vaste plek aan tafel" },
    s_school: { goesWell: "GEZEGD-helpt anderen bij het samenwerken", hard: "GEZEGD-begint laat aan zelfstandig werk" },
    s_ditJaar: { wantToLearn: "GEZEGD-ik wil de tafels tot 10 kennen", whatHelps: "GEZEGD-korte uitleg en dan zelf proberen" },
    goal1: {
      nowText: "GEZEGD-ik ken de tafels van 1 tot 5",
      goalText: "Ik wil de tafels van 6 en 7 foutloos opzeggen",
      ownPlan: "GEZEGD-elke dag een rijtje oefenen",
    },
    goal1help: { helpParents: "GEZEGD-oefenen de tafels in de auto", helpTeacher: "GEZEGD-geeft een tafelkaart mee", helpOther: "GEZEGD-Noor overhoort mij" },
    agreement1: { what: "oefent elke dag 5 minuten de tafel van 6 op de tablet", when: "elke dag na de pauze", another: "true" },
    agreement2: { what: "vragen elke avond twee tafelsommen tijdens het eten", when: "elke avond bij het eten", another: "true" },
    agreement3: { what: "stuurt elke vrijdag een kort berichtje over de tafels", when: "elke vrijdag", another: "false" },
  };
  // Each step as the teacher fills it in, keeping what the step suggests unless the test types something.
  while (result.kind === "step") {
    const v = result.view;
    visited.push(v.stepId);
    shown[v.stepId] = { info: v.info, fields: v.fields.map((f) => f.id), defaults: Object.fromEntries(v.fields.map((f) => [f.id, f.value])) };
    const keep = Object.fromEntries(v.fields.filter((f) => f.id === "who" && f.value).map((f) => [f.id, f.value]));
    result = await engine.submit(teacher, {
      sessionId: v.sessionId,
      stepId: v.stepId,
      version: v.version,
      action: "submit",
      values: autoValues(v, TODAY, { ...keep, ...answers[v.stepId] }),
    });
    if (result.kind === "step" && result.view.stepId === v.stepId) throw new Error(`${v.stepId} did not advance`);
  }
  finished = result;
  if (result.kind !== "completed") throw new Error("not completed");
  conversationId = result.completion.conversationId!;
});
afterAll(async () => t?.destroy());

function subject(formatKey: string, formatVersion: number) {
  return { pupilId, groupId: null, conversationId: null, formatKey, formatVersion };
}

async function printout(locale: "nl" | "en") {
  const summary = await buildParentSummary(t.db, teacher, conversationId, TODAY);
  if (!summary) throw new Error("no summary");
  const [html, pdf] = await printableAttachments(parentSummaryPrintable(summary, locale), "startgesprek");
  return { text: htmlText(html!.content), pdf: squash(pdfText(Buffer.from(pdf!.content, "base64"))) };
}

describe(`the startgesprek and the parents' summary on ${testProvider()}`, { shuffle: false }, () => {
  it("walks welcome, child, home, school and this year, with questions for the child and for the parents", () => {
    // The opening recalls the earlier kindgesprek's goal and agreement first.
    expect(visited.slice(0, 6)).toEqual(["opening", "s_welkom", "s_kind", "s_thuis", "s_school", "s_ditJaar"]);
    expect(shown.s_thuis!.info.join("\n")).toContain("Vraag de ouders bijvoorbeeld: “Wanneer loopt het thuis minder makkelijk?”");
    expect(shown.s_kind!.info.join("\n")).toContain("Vraag bijvoorbeeld: “Waar ben je goed in?”");
  });

  it("offers what the child wants to learn this year as the plan's first goal, so it is not typed twice", () => {
    expect(shown.goal1!.defaults.goalText).toBe("GEZEGD-ik wil de tafels tot 10 kennen");
    expect(shown.goal2?.defaults.goalText).toBeUndefined();
  });

  it("asks no share question, and suggests the child, the parents and the teacher as owners of the agreements", () => {
    for (const step of Object.values(shown)) expect(step.fields.filter((f) => f.endsWith("__share"))).toEqual([]);
    expect(shown.agreement1!.defaults.who).toBe("Zoë");
    expect(shown.agreement2!.defaults.who).toBe("Ouders van Zoë");
    expect(shown.agreement3!.defaults.who).toBe("Leerkracht");
  });

  it("stores the agreements with the parents as owners, all readable by the parents", async () => {
    const held = await t.db.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: { agreements: true, goals: true } });
    expect(held).toMatchObject({ status: "held", formatKey: "startgesprek", formatVersion: 1 });
    expect(held.agreements.map((a) => a.who).sort()).toEqual(["Leerkracht", "Ouders van Zoë", "Zoë"]);
    expect(held.agreements.every((a) => a.shareWithParents)).toBe(true);
    expect(held.goals.map((g) => g.shareWithParents)).toEqual([true]);
  });

  it("ends with the parents' summary as HTML and PDF", () => {
    if (finished.kind !== "completed") throw new Error("not completed");
    const files = finished.completion.attachments ?? [];
    expect(files.map((f) => f.contentType)).toEqual(["text/html", "application/pdf"]);
    expect(files[0]!.filename).toBe(`startgesprek-zoe-celik-${TODAY}.html`);
    expect(finished.completion.text).toContain("samenvatting voor de ouders");
  });

  it("is addressed to the parents and holds what was said, the goal and who does what by when, in both renderings", async () => {
    const { text, pdf } = await printout("nl");
    for (const printed of [text, pdf]) {
      expect(printed).toContain("Startgesprek met Zoë");
      expect(printed).toContain("Beste ouders van Zoë");
      expect(printed).toContain("Wat Zoë zelf vertelde");
      expect(printed).toContain("Wat lastig is: “GEZEGD-de tafels vind ik moeilijk”");
      expect(printed).toContain("Thuis");
      expect(printed).toContain("Wat helpt: GEZEGD-een vaste plek aan tafel");
      expect(printed).toContain("Op school");
      expect(printed).toContain("Wat goed gaat: GEZEGD-helpt anderen bij het samenwerken");
      expect(printed).toContain("Wat Zoë dit jaar wil leren");
      expect(printed).toContain("Zo gaat Zoë het aanpakken: GEZEGD-elke dag een rijtje oefenen");
      expect(printed).toContain("De ouders helpen door: GEZEGD-oefenen de tafels in de auto");
      // The whole plan the parents agreed to: where the child is now, other help, and how we will see it worked.
      expect(printed).toContain("Waar Zoë nu staat: GEZEGD-ik ken de tafels van 1 tot 5");
      expect(printed).toContain("Ook helpt: GEZEGD-Noor overhoort mij");
      expect(printed).toMatch(/Zo zien we dat het gelukt is: \S/);
      expect(printed).toContain("Ouders van Zoë: vragen elke avond twee tafelsommen tijdens het eten (elke avond bij het eten)");
      expect(printed).toContain("Leerkracht: stuurt elke vrijdag een kort berichtje over de tafels");
      expect(printed).toContain("groep 5 · Basisschool De Linde");
    }
  });

  it("holds nothing else of the pupil's record and no internal code, in either language", async () => {
    for (const locale of ["nl", "en"] as const) {
      const { text, pdf } = await printout(locale);
      for (const printed of [text, pdf]) {
        expect(printed).not.toContain("PRIVE");
        for (const code of CODES) expect(printed).not.toMatch(new RegExp(`(^|[^\\p{L}])${code}($|[^\\p{L}])`, "u"));
      }
    }
    const en = await printout("en");
    expect(en.text).toContain("Dear parents of Zoë");
    expect(en.text).toContain("What Zoë wants to learn this year");
  });

  it("comes along with export as the newest conversation held with the parents; another group's teacher gets nothing", async () => {
    expect(await latestParentConversation(t.db, teacher, pupilId)).toBe(conversationId);
    await expect(buildParentSummary(t.db, other, conversationId, TODAY)).rejects.toThrow();
    const audits = await t.db.auditEvent.count({ where: { entity: "parent_summary", entityId: conversationId, actorStaffId: teacher.staffId } });
    expect(audits).toBeGreaterThan(0);
  });
});

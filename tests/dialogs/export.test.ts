// The kindplan export contains what the pupil agreed to share, and never anything else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { buildKindplanExport } from "../../bot/services/kindplan-export.js";
import { kindplanPrintable, renderKindplanHtml } from "../../bot/exports/kindplan-html.js";
import { renderPdf } from "../../bot/exports/printable.js";
import { pdfText } from "../support/pdf-text.js";
import { DialogEngine } from "../../dialogs/engine/engine.js";
import { CONVERSATION, FLOWS } from "../../dialogs/flows/index.js";
import { addNote } from "../../bot/services/pupil-records.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { walkToEnd } from "../support/dialog-driver.js";
import { ErrorCode } from "../../bot/errors.js";

const NOW = new Date("2026-11-23T09:00:00Z");
const TODAY = "2026-11-23";
let t: TestDatabase;
let teacher: Actor;
let leader: Actor;
let pupilId: string;

const SHARED = ["GEDEELD-doel", "GEDEELD-afspraak", "GEDEELD-notitie", "GEDEELD-trots", "GEDEELD-toelichting", "GEDEELD-hoe", "GEDEELD-notitiedoel"];
const PRIVATE = ["PRIVE-doel", "PRIVE-afspraak", "PRIVE-notitie", "PRIVE-trots", "PRIVE-hulp-ouders", "PRIVE-toelichting", "PRIVE-hoe", "PRIVE-leeg"];

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db);
  const group = await makeGroup(t.db, school.id, "groep 5", "middenbouw");
  pupilId = (await makePupil(t.db, school.id, group.id, "Noor")).id;
  teacher = await loadActor(t.db, (await makeStaff(t.db, school.id, { groups: [group.id] })).id);
  leader = await loadActor(t.db, (await makeStaff(t.db, school.id, { roles: [{ role: "team_leader", bouw: "middenbouw" }] })).id);
  const engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
  const subject = { pupilId, groupId: null, conversationId: null, formatKey: "middenbouw-kindgesprek", formatVersion: 1 };
  // Conversation 1: everything the pupil may share is marked so.
  await walkToEnd(engine, teacher, await engine.start(teacher, CONVERSATION, subject), TODAY, {
    s_trots: { proudOf: "GEDEELD-trots", proudOf__share: "true" },
    goal1: { goalText: "GEDEELD-doel", goalText__share: "true" },
    agreement1: { who: "Noor", what: "GEDEELD-afspraak: leest elke dag 10 minuten", when: "elke dag", what__share: "true" },
  });
  // Conversation 2: the pupil said no to sharing.
  await walkToEnd(engine, teacher, await engine.start(teacher, CONVERSATION, subject), TODAY, {
    s_trots: { proudOf: "PRIVE-trots", proudOf__share: "false" },
    goal1: { goalText: "PRIVE-doel", goalText__share: "false" },
    goal1help: { helpParents: "PRIVE-hulp-ouders" },
    agreement1: { who: "Noor", what: "PRIVE-afspraak: vraagt hulp na 5 minuten proberen", when: "elke rekenles", what__share: "false" },
  });
  // Conversation 3 (the format's v2): the pupil's explanation is shared with the item it explains;
  // an explanation of an item the pupil keeps private, or of an item left empty, is not.
  const v2 = { ...subject, formatVersion: 2 };
  await walkToEnd(engine, teacher, await engine.start(teacher, CONVERSATION, v2), TODAY, {
    s_start: { feeling: "good", feelingNote: "GEDEELD-toelichting", feeling__share: "true" },
    s_trots: { proudOf: "", howItWorked: "PRIVE-leeg", proudOf__share: "true" },
    goal1: { goalText__share: "false" },
    agreement1: { what__share: "false" },
  });
  await walkToEnd(engine, teacher, await engine.start(teacher, CONVERSATION, v2), TODAY, {
    s_start: { feeling: "notGood", feelingNote: "PRIVE-toelichting", feeling__share: "false" },
    s_trots: { proudOf: "GEDEELD-trots v2", howItWorked: "GEDEELD-hoe", proudOf__share: "true" },
    goal1: { goalText__share: "false" },
    agreement1: { what__share: "false" },
  });
  await addNote(t.db, teacher, { pupilId, text: "GEDEELD-notitie", goalText: "GEDEELD-notitiedoel", shareWithParents: true });
  await addNote(t.db, teacher, { pupilId, text: "PRIVE-notitie" });
});
afterAll(async () => t?.destroy());

describe(`kindplan export on ${testProvider()}`, () => {
  it("contains every shared item and no item marked not-to-share", async () => {
    const data = await buildKindplanExport(t.db, teacher, pupilId, TODAY);
    for (const locale of ["nl", "en"] as const) {
      const html = renderKindplanHtml(data, locale);
      for (const s of SHARED) expect(html).toContain(s);
      for (const p of PRIVATE) expect(html).not.toContain(p);
    }
    expect(JSON.stringify(data)).not.toMatch(/PRIVE/);
  });

  it("shows a shared item followed by the pupil's explanation of it, a choice by its label", async () => {
    const data = await buildKindplanExport(t.db, teacher, pupilId, TODAY);
    // Per conversation, what it shares from the format's sections (after the look back on earlier goals).
    const shared = data.conversations.map((c) => c.shared.map((s) => `${s.label.nl}: ${s.value.nl}`).filter((line) => !line.startsWith("Terugblik")));
    expect(shared).toContainEqual(["Hoe voelt de leerling zich in de klas?: Fijn", "Wat vertelt de leerling daarover?: GEDEELD-toelichting"]);
    expect(shared).toContainEqual(["Wat lukt al goed, volgens de leerling?: GEDEELD-trots v2", "Hoe heeft de leerling dat bereikt?: GEDEELD-hoe"]);
    // Printed in the child's voice, the choice as its picture with its label.
    expect(renderKindplanHtml(data, "en")).toMatch(
      /How I feel:<\/span><\/p><div class="pics"><figure class="pic"><svg [^>]*>.*?<\/svg><figcaption>Good<\/figcaption>/,
    );
  });

  it("the PDF holds the same shared items and none of the private ones", async () => {
    const pdf = await renderPdf(kindplanPrintable(await buildKindplanExport(t.db, teacher, pupilId, TODAY), "nl"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("Kindplan");
    for (const s of SHARED) expect(text).toContain(s);
    for (const p of PRIVATE) expect(text).not.toContain(p);
  });

  it("escapes what teachers typed", async () => {
    await addNote(t.db, teacher, { pupilId, text: "<script>alert(1)</script>", shareWithParents: true });
    const html = renderKindplanHtml(await buildKindplanExport(t.db, teacher, pupilId, TODAY), "nl");
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;");
  });

  it("is refused to a team leader and audited", async () => {
    await expect(buildKindplanExport(t.db, leader, pupilId, TODAY)).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    expect(await t.db.auditEvent.count({ where: { action: "export", pupilId } })).toBeGreaterThan(0);
  });
});

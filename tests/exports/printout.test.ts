// The kindplan printout as child and parents get it: in the child's voice, the faces and picture
// themes as pictures, the child's words where the child agreed to share them, nothing else, no
// internal code, every name as written; and the PDF (read with pdftotext) says what the HTML says.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { buildKindplanExport } from "../../bot/services/kindplan-export.js";
import { kindplanPrintable } from "../../bot/exports/kindplan-html.js";
import { printableAttachments } from "../../bot/exports/attachment.js";
import { DialogEngine } from "../../dialogs/engine/engine.js";
import { CONVERSATION, FLOWS } from "../../dialogs/flows/index.js";
import { addNote } from "../../bot/services/pupil-records.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { walkToEnd } from "../support/dialog-driver.js";
import { pdfText } from "../support/pdf-text.js";
import { htmlText, printedPieces, squash } from "./printed-text.js";

const NOW = new Date("2026-11-23T09:00:00Z");
const TODAY = "2026-11-23";
let t: TestDatabase;
let teacher: Actor;
const pupils: Record<"ayse" | "lukasz", string> = { ayse: "", lukasz: "" };

/** Codes of the choices and fields these conversations store, and the formats' keys: never printed. */
const CODES = [
  "happy",
  "sad",
  "fun",
  "together",
  "soSo",
  "notGood",
  "feelingNote",
  "wantsToLearn",
  "proudOf",
  "howItWorked",
  "__share",
  "onderbouw-welbevinden",
  "middenbouw-kindgesprek",
];

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db, "Basisschool De Linde");
  const kleuters = await makeGroup(t.db, school.id, "groep 1/2", "onderbouw");
  const groep5 = await makeGroup(t.db, school.id, "groep 5", "middenbouw");
  pupils.ayse = (await makePupil(t.db, school.id, kleuters.id, "Ayşe")).id;
  pupils.lukasz = (await makePupil(t.db, school.id, groep5.id, "Łukasz")).id;
  await t.db.pupil.update({ where: { id: pupils.ayse }, data: { lastName: "Yılmaz" } });
  await t.db.pupil.update({ where: { id: pupils.lukasz }, data: { lastName: "Wiśniewski" } });
  teacher = await loadActor(t.db, (await makeStaff(t.db, school.id, { groups: [kleuters.id, groep5.id] })).id);
  const engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
  const onderbouw = { pupilId: pupils.ayse, groupId: null, conversationId: null, formatKey: "onderbouw-welbevinden", formatVersion: 2 };
  // Shared: the face with what Ayşe said about it, the pictures with her story, what she wants to learn.
  await walkToEnd(engine, teacher, await engine.start(teacher, CONVERSATION, onderbouw), TODAY, {
    s_gevoel: { feeling: "happy", feelingNote: "GEDEELD-woorden ik heb een nieuwe fiets", feeling__share: "true" },
    s_plaatjes: { themes: ["fun", "together"], story: "GEDEELD-verhaal ik speel met Thiện", story__share: "true" },
    s_trotsEnWens: { proudOf: "PRIVE-trots", proudOf__share: "false", wantsToLearn: "GEDEELD-leren fietsen zonder zijwieltjes", wantsToLearn__share: "true" },
  });
  // Not shared: a face and her words about it, a story.
  await walkToEnd(engine, teacher, await engine.start(teacher, CONVERSATION, onderbouw), TODAY, {
    s_gevoel: { feeling: "sad", feelingNote: "PRIVE-woorden", feeling__share: "false" },
    s_plaatjes: { themes: ["help"], story: "PRIVE-verhaal", story__share: "false" },
    s_trotsEnWens: { proudOf: "PRIVE-trots2", proudOf__share: "false", wantsToLearn: "PRIVE-leren", wantsToLearn__share: "false" },
  });
  await addNote(t.db, teacher, { pupilId: pupils.ayse, text: "GEDEELD-notitie Ayşe speelt met Łukasz en Thiện Nguyễn", shareWithParents: true });
  await addNote(t.db, teacher, { pupilId: pupils.ayse, text: "PRIVE-notitie" });
  // Middenbouw: "Gaat wel" (stored as soSo) shared with Łukasz's explanation.
  await walkToEnd(
    engine,
    teacher,
    await engine.start(teacher, CONVERSATION, { ...onderbouw, pupilId: pupils.lukasz, formatKey: "middenbouw-kindgesprek", formatVersion: 2 }),
    TODAY,
    {
      s_start: { feeling: "soSo", feelingNote: "GEDEELD-woorden Łukasz: het is druk in de klas", feeling__share: "true" },
      s_trots: { proudOf: "GEDEELD-trots tafels", howItWorked: "GEDEELD-hoe elke dag oefenen", proudOf__share: "true" },
      goal1: { goalText__share: "false" },
      agreement1: { what__share: "false" },
    },
  );
});
afterAll(async () => t?.destroy());

/** The kindplan of a pupil as the teacher hands it out: the HTML page, its text, and the PDF's text. */
async function printout(pupilId: string, locale: "nl" | "en") {
  const printable = kindplanPrintable(await buildKindplanExport(t.db, teacher, pupilId, TODAY), locale);
  const [html, pdf] = await printableAttachments(printable, "kindplan");
  return { printable, html: html!.content, text: htmlText(html!.content), pdf: pdfText(Buffer.from(pdf!.content, "base64")) };
}

describe(`the kindplan printout on ${testProvider()}`, () => {
  it("prints names in Latin Extended and Vietnamese as written, in the HTML and in the PDF", async () => {
    for (const locale of ["nl", "en"] as const) {
      const ayse = await printout(pupils.ayse, locale);
      const lukasz = await printout(pupils.lukasz, locale);
      for (const text of [ayse.text, squash(ayse.pdf)]) {
        expect(text).toContain("Ayşe Yılmaz");
        expect(text).toContain("Łukasz en Thiện Nguyễn");
        expect(text).toContain("Basisschool De Linde");
      }
      for (const text of [lukasz.text, squash(lukasz.pdf)]) expect(text).toContain("Łukasz Wiśniewski");
    }
  });

  it("shows no internal code, in either language", async () => {
    for (const pupilId of Object.values(pupils))
      for (const locale of ["nl", "en"] as const) {
        const { text, pdf } = await printout(pupilId, locale);
        for (const code of CODES) {
          const pattern = new RegExp(`(^|[^\\p{L}])${code}($|[^\\p{L}])`, "u");
          expect(text).not.toMatch(pattern);
          expect(pdf).not.toMatch(pattern);
        }
      }
  });

  it("contains only what the child agreed to share, with the child's words quoted", async () => {
    const { text, pdf } = await printout(pupils.ayse, "nl");
    for (const printed of [text, squash(pdf)]) {
      expect(printed).not.toContain("PRIVE");
      expect(printed).toContain("Dat vertelde ik erbij: “GEDEELD-woorden ik heb een nieuwe fiets”");
      expect(printed).toContain("Dat vertelde ik erover: “GEDEELD-verhaal ik speel met Thiện”");
      expect(printed).toContain("Dit wil ik nog leren of proberen: GEDEELD-leren fietsen zonder zijwieltjes");
      expect(printed).toContain("GEDEELD-notitie");
      // The unshared conversation's face (Verdrietig) and picture (Hulp) are left out with it.
      expect(printed).not.toContain("Verdrietig");
      expect(printed).not.toContain("Hulp");
    }
    const words = await printout(pupils.lukasz, "nl");
    for (const printed of [words.text, squash(words.pdf)]) {
      expect(printed).toContain("“GEDEELD-woorden Łukasz: het is druk in de klas”");
      expect(printed).toContain("Zo heb ik dat gedaan: “GEDEELD-hoe elke dag oefenen”");
    }
  });

  it("draws the faces and the picture themes, each with its label under it", async () => {
    const { html, pdf } = await printout(pupils.ayse, "nl");
    const figures = [...html.matchAll(/<figure class="pic"><svg [^>]*>(.*?)<\/svg><figcaption>([^<]*)<\/figcaption><\/figure>/g)];
    expect(figures.map((f) => f[2])).toEqual(["Blij", "Plezier", "Samen"]);
    for (const f of figures) expect(f[1]).toMatch(/^(<path d="[^"]+"[^>]*\/>)+$/);
    expect(html).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(squash(pdf)).toContain("Zo voel ik me:");
    for (const caption of ["Blij", "Plezier", "Samen"]) expect(pdf).toContain(caption);
    const middenbouw = await printout(pupils.lukasz, "en");
    expect(middenbouw.html).toMatch(/How I feel:<\/span><\/p><div class="pics"><figure class="pic"><svg [^>]*>.*?<\/svg><figcaption>So-so<\/figcaption>/);
  });

  it("says the same in the PDF as in the HTML: every sentence, label and name of the page", async () => {
    for (const pupilId of Object.values(pupils))
      for (const locale of ["nl", "en"] as const) {
        const { printable, text, pdf } = await printout(pupilId, locale);
        const inPdf = squash(pdf);
        for (const piece of printedPieces(printable)) {
          expect(text).toContain(piece);
          expect(inPdf).toContain(piece);
        }
        // And nothing more: every word in the PDF is a word of the page.
        const pageWords = new Set(text.split(" "));
        expect(inPdf.split(" ").filter((w) => w && w !== "•" && !pageWords.has(w))).toEqual([]);
      }
  });

  it("leaves out a stored choice its format no longer lists, and keeps the child's words about it", async () => {
    const school = await t.db.pupil.findUniqueOrThrow({ where: { id: pupils.lukasz }, select: { schoolId: true, groupId: true } });
    const pupilId = (await makePupil(t.db, school.schoolId, school.groupId, "Zoë")).id;
    const engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
    const subject = { pupilId, groupId: null, conversationId: null, formatKey: "middenbouw-kindgesprek", formatVersion: 2 };
    await walkToEnd(engine, teacher, await engine.start(teacher, CONVERSATION, subject), TODAY, {
      s_start: { feeling: "soSo", feelingNote: "GEDEELD-woorden van Zoë", feeling__share: "true" },
      goal1: { goalText__share: "false" },
      agreement1: { what__share: "false" },
    });
    const stored = await t.db.conversation.findFirstOrThrow({ where: { pupilId } });
    await t.db.conversation.update({ where: { id: stored.id }, data: { answers: stored.answers.replace('"soSo"', '"retiredCode"') } });
    const { text, pdf } = await printout(pupilId, "nl");
    for (const printed of [text, squash(pdf)]) {
      expect(printed).not.toContain("retiredCode");
      expect(printed).not.toContain("Zo voel ik me");
      expect(printed).toContain("Dat vertelde ik erbij: “GEDEELD-woorden van Zoë”");
    }
  });

  it("speaks in the child's voice", async () => {
    const { text } = await printout(pupils.ayse, "nl");
    expect(text).toContain("Dit heb ik met mijn juf of meester besproken.");
    expect(text).toContain("Zo voel ik me:");
    expect(text).not.toMatch(/het kind|de leerling/i);
  });
});

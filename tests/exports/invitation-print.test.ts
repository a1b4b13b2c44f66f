// The bovenbouw invitation as the child gets it: addressed to the child ("je"), what the talk is
// about but not the teacher's own aim or reason, the child's name as written, on one page.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { invitationPrintable, type InvitationInput } from "../../bot/exports/pupil-invitation.js";
import { printableAttachments } from "../../bot/exports/attachment.js";
import { DialogEngine } from "../../dialogs/engine/engine.js";
import { FLOWS, PREPARE } from "../../dialogs/flows/index.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { walkToEnd } from "../support/dialog-driver.js";
import { pdfPageCount, pdfText } from "../support/pdf-text.js";
import { htmlText, printedPieces, squash } from "./printed-text.js";

const NOW = new Date("2026-11-23T09:00:00Z");
const TODAY = "2026-11-23";
const BOVENBOUW = JSON.parse(readFileSync(new URL("../../bot/formats/builtin/bovenbouw-kindgesprek.v2.json", import.meta.url), "utf8")) as {
  pupilQuestions: { nl: string; en: string }[];
};
let t: TestDatabase;
let teacher: Actor;
let pupilId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db);
  const group = await makeGroup(t.db, school.id, "groep 7", "bovenbouw");
  pupilId = (await makePupil(t.db, school.id, group.id, "Thiện")).id;
  teacher = await loadActor(t.db, (await makeStaff(t.db, school.id, { groups: [group.id] })).id);
});
afterAll(async () => t?.destroy());

async function files(input: InvitationInput) {
  const printable = invitationPrintable(input);
  const [html, pdf] = await printableAttachments(printable, "uitnodiging");
  const bytes = Buffer.from(pdf!.content, "base64");
  return { printable, text: htmlText(html!.content), pdf: squash(pdfText(bytes)), pages: pdfPageCount(bytes) };
}

describe(`the pupil invitation printout on ${testProvider()}`, () => {
  it("fits one page with the longest topic and place a teacher can give and all the format's questions", async () => {
    for (const locale of ["nl", "en"] as const) {
      const { printable, text, pdf, pages } = await files({
        pupilFirstName: "Thiện",
        // The preparation's theme and place both take up to 120 characters.
        topic: "hoe je het rekenen aanpakt als een som niet meteen lukt, en wat jou helpt om door te gaan als het lastig is".padEnd(120, "."),
        date: "2026-11-26",
        time: "10:30",
        place: "de leeshoek naast het lokaal van groep 7, achter de kast met de leesboeken en de computers bij het raam".padEnd(120, "."),
        durationMinutes: 20,
        questions: BOVENBOUW.pupilQuestions.map((q) => q[locale]),
        locale,
      });
      expect(pages).toBe(1);
      expect(pdf).toContain(locale === "nl" ? "Hoi Thiện!" : "Hi Thiện!");
      for (const piece of printedPieces(printable)) {
        expect(text).toContain(piece);
        expect(pdf).toContain(piece);
      }
    }
  });

  // A format holds at most 10 questions for the pupil (bot/formats/schema.ts); twelve here.
  it("stays on one page with more questions than a built-in format asks: each gets one line then", async () => {
    const questions = Array.from({ length: 12 }, (_, i) => `Vraag ${i + 1}: wat wil je hierover nog vertellen aan je juf of meester?`);
    const { printable, pages } = await files({
      pupilFirstName: "Łukasz",
      topic: null,
      date: "2026-11-26",
      time: "10:30",
      place: "het lokaal",
      durationMinutes: 15,
      questions,
      locale: "nl",
    });
    expect(printable.blocks.filter((b) => b.kind === "writeLines").map((b) => (b.kind === "writeLines" ? b.count : 0))).toEqual(questions.map(() => 1));
    expect(pages).toBe(1);
  });

  it("addresses the child and tells the theme, never the teacher's aim or reason", async () => {
    const engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
    const subject = { pupilId, groupId: null, conversationId: null, formatKey: null, formatVersion: null };
    const prepared = await walkToEnd(engine, teacher, await engine.start(teacher, PREPARE, subject), TODAY, {
      format: { format: "bovenbouw-kindgesprek" },
      aim: { reason: "LEERKRACHT-aanleiding: Thiện maakt zijn werk niet af", aim: "LEERKRACHT-doel: inzicht in zijn werkhouding", theme: "rekenen" },
      ready: { invitation: "true" },
    });
    if (prepared.result.kind !== "completed") throw new Error("the preparation did not complete");
    const [html, pdf] = prepared.result.completion.attachments ?? [];
    expect([html?.contentType, pdf?.contentType]).toEqual(["text/html", "application/pdf"]);
    // Full name and the conversation's date: a classmate with the same first name never overwrites it.
    expect(html?.filename).toMatch(/^uitnodiging-thien-t-\d{4}-\d{2}-\d{2}\.html$/);
    expect(pdf?.filename).toBe(html?.filename.replace(/\.html$/, ".pdf"));
    const bytes = Buffer.from(pdf!.content, "base64");
    for (const printed of [htmlText(html!.content), squash(pdfText(bytes))]) {
      expect(printed).toContain("Hoi Thiện!");
      expect(printed).toContain("Ik wil graag met je praten over rekenen.");
      expect(printed).not.toContain("LEERKRACHT");
    }
    expect(pdfPageCount(bytes)).toBe(1);
  });

  it("without a theme, tells the child the general topic", async () => {
    const { text } = await files({
      pupilFirstName: "Sem",
      topic: null,
      date: "2026-11-26",
      time: "10:30",
      place: null,
      durationMinutes: null,
      questions: [],
      locale: "nl",
    });
    expect(text).toContain("Ik wil graag met je praten over hoe het met je gaat op school, wat goed gaat en wat je graag wilt leren.");
  });
});

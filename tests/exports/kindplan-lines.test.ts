// How the kindplan page words its lines, without a database: the outcome in the child's words (a
// goal reached with a star), an unknown outcome code never printed, emoji left out of both
// renderings; a goal that begins with its label's words printed without the label, an agreement's when once.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pictureFor } from "../../bot/exports/pictures.js";
import type { KindplanExport } from "../../bot/services/kindplan-export.js";
import { kindplanPrintable } from "../../bot/exports/kindplan-html.js";
import { renderHtml, renderPdf } from "../../bot/exports/printable.js";
import { pdfText } from "../support/pdf-text.js";
import { htmlText, squash } from "./printed-text.js";

const goal = {
  nowText: "Ik kan tot 10 tellen.",
  goalText: "Ik kan tot 20 tellen.",
  ownPlan: null,
  helpTeacher: null,
  helpParents: null,
  helpOther: null,
  successCriteria: null,
  evaluationDate: null,
  status: "reached",
};
const data: KindplanExport = {
  pupil: { firstName: "Thiện", lastName: "Nguyễn", groupName: "groep 3" },
  schoolName: "De Linde",
  generatedOn: "2026-11-23",
  goals: [
    { ...goal, evaluations: [{ date: new Date("2026-11-20T10:00:00Z"), outcome: "reached", note: "helemaal zelf 🎉👍🏽" }] },
    { ...goal, evaluations: [{ date: new Date("2026-11-21T10:00:00Z"), outcome: "someFutureCode", note: null }] },
  ],
  agreements: [],
  conversations: [],
  notes: [],
};

describe("the kindplan's evaluations", () => {
  it("celebrate a goal reached with a star, never print an outcome code, and leave emoji out of HTML and PDF alike", async () => {
    const printable = kindplanPrintable(data, "nl");
    const html = renderHtml(printable);
    const pdf = squash(pdfText(await renderPdf(printable)));
    expect(html).toMatch(/<svg [^>]*>.*?<\/svg><figcaption>Gelukt!<\/figcaption>/);
    for (const printed of [htmlText(html), pdf]) {
      expect(printed).toContain("Zo ging het op 20 november 2026: helemaal zelf Gelukt!");
      expect(printed).not.toContain("someFutureCode");
      expect(printed).not.toContain("21 november");
      expect(printed).not.toMatch(/\p{Extended_Pictographic}/u);
    }
  });
});

describe("the kindplan in the child's voice", () => {
  const voice: KindplanExport = {
    ...data,
    goals: [
      { ...goal, nowText: "ik kan de tafels tot 5", goalText: "IK WIL de tafels van 6 en 7 zonder fouten opzeggen", evaluations: [] },
      { ...goal, nowText: "Ik kande dit niet", goalText: "Ik wilde al lang beter lezen", evaluations: [] },
      { ...goal, nowText: "I can count to 10", goalText: "i want to count to 20", evaluations: [] },
    ],
    agreements: [
      { who: "Zoë", what: "ik maak elke maandag 3 breuksommen op Snappet", whenText: "Elke Maandag" },
      { who: "Juf Anna", what: "overhoort de tafels", whenText: "op vrijdag" },
    ],
  };
  const printed = async (locale: "nl" | "en") => {
    const printable = kindplanPrintable(voice, locale);
    return [htmlText(renderHtml(printable)), squash(pdfText(await renderPdf(printable)))];
  };

  it("prints a goal that already begins with the label's words alone, with a capital, and an agreement's when once, in HTML and PDF alike", async () => {
    for (const text of await printed("nl")) {
      expect(text).toContain("Mijn doelen Ik kan de tafels tot 5 IK WIL de tafels van 6 en 7 zonder fouten opzeggen Ik kan nu:");
      expect(text).not.toMatch(/Ik kan nu: ik kan\b|Ik wil straks: ik wil\b/i);
      // Only the same words: "ik kande" and "ik wilde" are not "ik kan" and "ik wil".
      expect(text).toContain("Ik kan nu: Ik kande dit niet Ik wil straks: Ik wilde al lang beter lezen");
      // Dutch words under English labels' words are not the labels' words.
      expect(text).toContain("Ik kan nu: I can count to 10 Ik wil straks: i want to count to 20");
      expect(text).toContain("Zoë: ik maak elke maandag 3 breuksommen op Snappet Juf Anna: overhoort de tafels (op vrijdag)");
      expect(text).not.toContain("(Elke Maandag)");
    }
    for (const text of await printed("en")) {
      expect(text).toContain("I can count to 10 I want to count to 20");
      expect(text).toContain("I can now: ik kan de tafels tot 5 Next I want to: IK WIL de tafels");
    }
  });
});

describe("the pictures", () => {
  it("draw every icon a built-in format gives a choice (faces, picture themes)", () => {
    const folder = new URL("../../bot/formats/builtin/", import.meta.url);
    const icons = new Set<string>();
    for (const file of readdirSync(folder)) for (const m of readFileSync(new URL(file, folder), "utf8").matchAll(/"icon":\s*"([^"]+)"/g)) icons.add(m[1]!);
    expect(icons.size).toBeGreaterThanOrEqual(20);
    expect([...icons].filter((icon) => !pictureFor(icon))).toEqual([]);
  });
});

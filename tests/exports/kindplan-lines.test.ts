// How the kindplan page words an evaluation, without a database: the outcome in the child's
// words (a goal reached with a star), an unknown outcome code never printed, emoji left out of both renderings.
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

describe("the pictures", () => {
  it("draw every icon a built-in format gives a choice (faces, picture themes)", () => {
    const folder = new URL("../../bot/formats/builtin/", import.meta.url);
    const icons = new Set<string>();
    for (const file of readdirSync(folder)) for (const m of readFileSync(new URL(file, folder), "utf8").matchAll(/"icon":\s*"([^"]+)"/g)) icons.add(m[1]!);
    expect(icons.size).toBeGreaterThanOrEqual(20);
    expect([...icons].filter((icon) => !pictureFor(icon))).toEqual([]);
  });
});

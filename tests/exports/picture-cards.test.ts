// The picture cards as a teacher prints them: every face and picture theme of a format, drawn, with
// its label in the teacher's language, six to an A4 page (read back with pdftotext and pdfinfo).
import { describe, expect, it } from "vitest";
import { loadBuiltinFormats } from "../../bot/formats/registry.js";
import type { ConversationFormat } from "../../bot/formats/schema.js";
import { hasPictureCards, pictureCardsFilename, pictureCardsOf } from "../../bot/exports/picture-cards.js";
import { renderPictureCardsPdf } from "../../bot/exports/picture-cards-pdf.js";
import { pictureFor } from "../../bot/exports/pictures.js";
import { pdfPageCount, pdfText } from "../support/pdf-text.js";
import { squash } from "./printed-text.js";

const format = (key: string, version?: number): ConversationFormat => {
  const found = loadBuiltinFormats()
    .filter((f) => f.key === key && (!version || f.version === version))
    .sort((a, b) => b.version - a.version)[0];
  if (!found) throw new Error(`no format ${key}`);
  return found;
};

const THEMES_NL = ["Hulp", "Iets weten", "Plezier", "Samen", "Waar ik goed in ben", "Gevoelens", "Zelf doen", "Trots", "Vrije tijd", "Leren"];
const FACES_NL = ["Blij", "Rustig", "Moe", "Verdrietig", "Boos", "Bang of gespannen", "Weet ik niet"];

async function printed(f: ConversationFormat, locale: "nl" | "en") {
  const cards = pictureCardsOf(f, locale);
  const pdf = await renderPictureCardsPdf({ lang: locale, title: `Plaatjes — ${f.name[locale]}`, hint: "knip uit", cards });
  return { cards, pdf, text: squash(pdfText(pdf)) };
}

describe("picture cards", () => {
  it("holds the onderbouw's seven faces and ten picture themes, each drawn, three pages of six", async () => {
    const { cards, pdf, text } = await printed(format("onderbouw-welbevinden", 2), "nl");
    expect(cards.map((c) => c.label)).toEqual([...FACES_NL, ...THEMES_NL]);
    for (const card of cards) expect(pictureFor(card.icon), card.label).not.toBeNull();
    expect(pdfPageCount(pdf)).toBe(3);
    for (const label of [...FACES_NL, ...THEMES_NL]) expect(text).toContain(label);
    // The page order follows the format: faces first, then the themes.
    expect(text.indexOf("Blij")).toBeLessThan(text.indexOf("Hulp"));
    expect(text).toContain("Plaatjes — Welbevinden groep 1–2");
  });

  it("speaks the teacher's language, and the English file has a name of its own", async () => {
    const f = format("onderbouw-welbevinden");
    const { text } = await printed(f, "en");
    for (const label of ["Happy", "Scared or nervous", "What I'm good at", "Doing it myself", "Free time", "Learning"]) expect(text).toContain(label);
    expect(text).not.toContain("Verdrietig");
    expect(pictureCardsFilename(f, "nl")).toBe("plaatjes-onderbouw-welbevinden.pdf");
    expect(pictureCardsFilename(f, "en")).toBe("picture-cards-onderbouw-welbevinden-en.pdf");
  });

  it("prints the groep 3–8 check's face scale on one page", async () => {
    const { cards, pdf, text } = await printed(format("welbevinden-start"), "nl");
    expect(cards.map((c) => c.label)).toEqual(["Heel fijn", "Fijn", "Gaat wel", "Niet zo fijn", "Weet ik nog niet"]);
    expect(pdfPageCount(pdf)).toBe(1);
    expect(text).toContain("Weet ik nog niet");
  });

  it("leaves out a choice with an option that has no drawing, and a format without pictures has no cards", () => {
    expect(hasPictureCards(format("leerlingbespreking"))).toBe(false);
    expect(pictureCardsOf(format("leerlingbespreking"), "nl")).toEqual([]);
    const f = structuredClone(format("welbevinden-start"));
    f.phases[0]!.sections[0]!.fields[0]!.options!.push({ value: "odd", icon: "🦄", label: { nl: "Eenhoorn", en: "Unicorn" } });
    expect(pictureCardsOf(f, "nl")).toEqual([]);
    expect(hasPictureCards(f)).toBe(false);
  });
});

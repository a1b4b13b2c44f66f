import { describe, expect, it } from "vitest";
import { areas, catalogue } from "../../bot/i18n/catalogue/index.js";
import { catalogueProblems, fill, type Catalogue } from "../../bot/text/text.js";
import { localized, translate, type MessageKey } from "../../bot/i18n/translate.js";

const pluralKeys = (Object.keys(catalogue) as MessageKey[]).filter((key) => typeof catalogue[key].nl !== "string" || typeof catalogue[key].en !== "string");

describe("the catalogue", () => {
  it("has every key in Dutch and English, with the same placeholders", () => {
    expect(Object.keys(catalogue).length).toBeGreaterThan(300);
    expect(catalogueProblems(catalogue)).toEqual([]);
  });

  it("uses each key in one area only (a duplicate would silently replace a text)", () => {
    const keys = Object.values(areas).flatMap((area) => Object.keys(area));
    const duplicates = keys.filter((key, i) => keys.indexOf(key) !== i);
    expect(duplicates).toEqual([]);
    expect(keys.length).toBe(Object.keys(catalogue).length);
  });

  it("finds what is wrong with a bad catalogue", () => {
    const bad: Catalogue = {
      mismatch: { nl: "Hoi {name}", en: "Hi {naam}" },
      empty: { nl: "", en: "x" },
      countless: { nl: { one: "1 kind", other: "kinderen" }, en: { one: "1 child", other: "{count} children" } },
      fine: { nl: { one: "1 kind van {group}", other: "{count} kinderen van {group}" }, en: "{count} children of {group}" },
    };
    expect(catalogueProblems(bad)).toEqual([
      "mismatch: placeholders differ (nl: name; en: naam)",
      "empty: empty nl text",
      "countless: nl plural without {count}",
    ]);
  });
});

describe("plurals", () => {
  it("pick one for 1 and other for 0 and 2, in both languages", () => {
    expect(pluralKeys.length).toBeGreaterThan(3);
    const header = (locale: "nl" | "en", count: number) => translate(locale, "myGroup.header", { group: "5A", count });
    expect([0, 1, 2].map((n) => header("nl", n))).toEqual(["**5A** — 0 leerlingen", "**5A** — 1 leerling", "**5A** — 2 leerlingen"]);
    expect([0, 1, 2].map((n) => header("en", n))).toEqual(["**5A** — 0 pupils", "**5A** — 1 pupil", "**5A** — 2 pupils"]);
    expect([0, 1, 2].map((count) => translate("nl", "plan.planned", { count }))).toEqual([
      "0 gesprekken gepland:",
      "1 gesprek gepland:",
      "2 gesprekken gepland:",
    ]);
    expect([0, 1, 2].map((count) => translate("en", "plan.planned", { count }))).toEqual([
      "0 conversations planned:",
      "1 conversation planned:",
      "2 conversations planned:",
    ]);
  });

  it("show the count in every plural text except the singular", () => {
    for (const key of pluralKeys) {
      for (const locale of ["nl", "en"] as const) {
        const [zero, one, two] = [0, 1, 2].map((count) => translate(locale, key, { count })) as [string, string, string];
        expect(zero, `${key} ${locale}`).toMatch(/\b0\b/);
        expect(two, `${key} ${locale}`).toMatch(/\b2\b/);
        // A plain text in one language (English "1 of 26 pupils had", "2 of 26 pupils had") has no forms to tell apart.
        if (typeof catalogue[key][locale] !== "string") expect(one, `${key} ${locale}`).not.toBe(two.replace(/\b2\b/, "1"));
      }
    }
  });
});

describe("filling in", () => {
  it("is checked by the compiler: a key's placeholders must all be given", () => {
    // @ts-expect-error: "welcome" needs {name}; without it the placeholder stays visible.
    expect(translate("nl", "welcome")).toContain("{name}");
    // @ts-expect-error: a plural text needs {count}.
    expect(translate("en", "plan.planned", {})).toBe("{count} conversations planned:");
    expect(translate("en", "welcome", { name: "Alex" })).toMatch(/^Hi Alex!/);
  });

  it("fills placeholders, leaves unknown ones visible and shows a {nl, en} value in the reader's language", () => {
    expect(fill("{a} en {b}", { a: 1 })).toBe("1 en {b}");
    expect(fill("op {date}", { date: { nl: "3 maart", en: "3 March" } }, "en")).toBe("op 3 March");
    expect(localized("plan.manual.outOfRound", { from: { nl: "1 maart", en: "1 March" }, to: { nl: "5 maart", en: "5 March" } })).toEqual({
      nl: "Kies een datum tussen 1 maart en 5 maart.",
      en: "Choose a date between 1 March and 5 March.",
    });
  });
});

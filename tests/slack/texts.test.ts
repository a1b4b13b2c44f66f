// The Slack adapter's texts follow the catalogue rules: both languages, the same placeholders,
// plural forms that show the count.
import { describe, expect, it } from "vitest";
import { catalogueProblems } from "../../bot/text/text.js";
import { slackCatalogue, slackText, slackTextOr } from "../../adapters/slack/texts.js";

describe("Slack texts", () => {
  it("are a sound catalogue", () => {
    expect(catalogueProblems(slackCatalogue)).toEqual([]);
  });

  it("count pupils in the Home tab's group line in the right form, the verb agreeing with those who had one", () => {
    const line = (lang: "nl" | "en", held: number, total: number) =>
      slackText(lang, "home.groupLine", { group: "groep 5", count: held, pupils: slackText(lang, "home.pupils", { count: total }), since: "01-08-2026" });
    expect(line("nl", 1, 26)).toBe("*groep 5*: 1 van 26 leerlingen had een gesprek sinds 01-08-2026");
    expect(line("nl", 2, 26)).toBe("*groep 5*: 2 van 26 leerlingen hadden een gesprek sinds 01-08-2026");
    expect(line("nl", 1, 1)).toBe("*groep 5*: 1 van 1 leerling had een gesprek sinds 01-08-2026");
    expect(line("nl", 0, 3)).toBe("*groep 5*: 0 van 3 leerlingen hadden een gesprek sinds 01-08-2026");
    expect(line("en", 1, 1)).toBe("*groep 5*: 1 of 1 pupil had a conversation since 01-08-2026");
    expect(line("en", 2, 26)).toBe("*groep 5*: 2 of 26 pupils had a conversation since 01-08-2026");
  });

  it("fall back to the given text for a kind they do not name", () => {
    expect(slackTextOr("en", "home.kind.prepare", "prepare")).toBe("Preparation");
    expect(slackTextOr("nl", "home.kind.round", "round")).toBe("round");
  });
});

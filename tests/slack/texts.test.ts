// The Slack adapter's texts follow the catalogue rules: both languages, the same placeholders,
// plural forms that show the count.
import { describe, expect, it } from "vitest";
import { catalogueProblems } from "../../bot/text/text.js";
import { slackCatalogue, slackText, slackTextOr } from "../../adapters/slack/texts.js";

describe("Slack texts", () => {
  it("are a sound catalogue", () => {
    expect(catalogueProblems(slackCatalogue)).toEqual([]);
  });

  it("count pupils in the Home tab's group line in the right form", () => {
    const line = (count: number) => slackText("nl", "home.groupLine", { group: "groep 5", held: 0, count, since: "01-08-2026" });
    expect(line(1)).toBe("*groep 5*: 0 van 1 leerling had een gesprek sinds 01-08-2026");
    expect(line(3)).toBe("*groep 5*: 0 van 3 leerlingen hadden een gesprek sinds 01-08-2026");
    expect(slackText("en", "home.groupLine", { group: "5A", held: 1, count: 1, since: "x" })).toBe("*5A*: 1 of 1 pupil had a conversation since x");
  });

  it("fall back to the given text for a kind they do not name", () => {
    expect(slackTextOr("en", "home.kind.prepare", "prepare")).toBe("Preparation");
    expect(slackTextOr("nl", "home.kind.round", "round")).toBe("round");
  });
});

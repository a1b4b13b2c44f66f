// The answered step, in both rich formats: a read-only summary with the title and the answers,
// nothing on it that can be pressed or submitted again.
import { describe, expect, it } from "vitest";
import { renderAnsweredCard, renderAnsweredMessage } from "../../dialogs/render/answered/index.js";
import type { AnsweredStep } from "../../bot/channel/types.js";

const answered: AnsweredStep = {
  stepId: "goals",
  title: "Doelen",
  items: [
    { label: "Doel", value: "Beter <lezen>" },
    { label: "Wanneer\nprecies", value: "—" },
  ],
};

describe("renderAnsweredCard (Teams)", () => {
  it("shows the title and the answers as facts, without inputs or actions", () => {
    const card = renderAnsweredCard(answered);
    expect(card.version).toBe("1.5");
    expect(card.actions).toBeUndefined();
    expect(card.body.filter((e) => e.type.startsWith("Input."))).toHaveLength(0);
    expect(card.body[0]).toMatchObject({ type: "TextBlock", text: "✓ Doelen" });
    expect(card.body.find((e) => e.type === "FactSet")).toEqual({
      type: "FactSet",
      facts: [
        { title: "Doel", value: "Beter <lezen>" },
        { title: "Wanneer\nprecies", value: "—" },
      ],
    });
  });
});

describe("renderAnsweredMessage (Slack)", () => {
  it("shows a check-marked title and the answers, escaped, with no interactive elements", () => {
    const message = renderAnsweredMessage(answered);
    expect(message.text).toBe("✓ Doelen");
    expect(message.blocks.some((b) => b.type === "actions" || b.type === "input")).toBe(false);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain(":white_check_mark: *Doelen*");
    expect(text).toContain("*Doel*: Beter &lt;lezen&gt;");
    expect(text).toContain("*Wanneer precies*: —");
  });
});

// One pre-fill rule for both rich renderers: what was typed when the input can hold it, else
// the stored answer; what was typed but cannot be shown is repeated next to the error.
import { describe, expect, it } from "vitest";
import { choiceInitial, numberInitial, pickerInitial, textInitial, yesNoInitial } from "../../dialogs/render/prefill.js";
import { renderStepCard, type CardInput } from "../../dialogs/render/adaptive-card/index.js";
import { renderStepModal, type InputBlock } from "../../dialogs/render/block-kit/index.js";
import type { FieldView } from "../../dialogs/engine/types.js";
import { field, stepView } from "./step-view.js";
import { catalogueProblems } from "../../bot/text/text.js";
import { renderCatalogue, renderText } from "../../dialogs/render/texts.js";

describe("prefill", () => {
  it("numbers: typed over stored, only when the input's limits accept it", () => {
    const range = { min: 1, max: 10, integer: true };
    expect(numberInitial("7", 3, range)).toEqual({ value: 7, rawShown: true });
    expect(numberInitial(" 7 ", 3, range)).toEqual({ value: 7, rawShown: true });
    // Out of range or not a number: the stored answer, and the typed text is not on screen.
    expect(numberInitial("12", 3, range)).toEqual({ value: 3, rawShown: false });
    expect(numberInitial("veel", 3, range)).toEqual({ value: 3, rawShown: false });
    expect(numberInitial("12", 30, range)).toEqual({ rawShown: false });
    // Decimals only where the input takes them; the engine reads a comma as a decimal point.
    expect(numberInitial("7,5", undefined, range)).toEqual({ rawShown: false });
    expect(numberInitial("7.5", undefined, { integer: false })).toEqual({ value: 7.5, rawShown: true });
    expect(numberInitial("7,5", undefined, { integer: false })).toEqual({ value: 7.5, rawShown: false });
    expect(numberInitial(undefined, "4", { integer: true })).toEqual({ value: 4, rawShown: false });
  });

  it("text, yes/no, choices and pickers", () => {
    expect(textInitial("nieuw", "oud")).toEqual({ value: "nieuw", rawShown: true });
    expect(textInitial(undefined, "oud")).toEqual({ value: "oud", rawShown: false });
    // Too long for the input: whole or not at all, never cut (the renderer shows it beside the input).
    expect(textInitial("abcdef", undefined, 3)).toEqual({ rawShown: false });
    expect(textInitial(undefined, "abcdef", 3)).toEqual({ rawShown: false });
    expect(yesNoInitial("ja", false)).toEqual({ value: "true", rawShown: true });
    expect(yesNoInitial("misschien", false)).toEqual({ value: "false", rawShown: false });
    const known = new Set(["a", "b", "c"]);
    expect(choiceInitial("a, c", undefined, known, true)).toEqual({ value: ["a", "c"], rawShown: true });
    expect(choiceInitial("a,c", "b", known, false)).toEqual({ value: ["b"], rawShown: false });
    expect(choiceInitial("x", ["a"], known, true)).toEqual({ value: ["a"], rawShown: false });
    expect(pickerInitial("date", "4-3-2025", undefined)).toEqual({ value: "2025-03-04", rawShown: false });
    expect(pickerInitial("date", "2025-03-04", undefined)).toEqual({ value: "2025-03-04", rawShown: true });
    expect(pickerInitial("time", "25:00", "09:30")).toEqual({ value: "09:30", rawShown: false });
  });
});

/** The initial value each renderer puts in the input for this field, as text. */
function initials(f: FieldView): { card: string | undefined; modal: string | undefined; cardNote: boolean; modalNote: boolean } {
  const view = stepView({ fields: [f] });
  const card = renderStepCard(view);
  const cardInput = card.body.find((e): e is CardInput => "id" in e && e.id === `f_${f.id}`)!;
  const cardNote = JSON.stringify(card.body).includes("Je typte");
  const block = renderStepModal(view).blocks.find((b): b is InputBlock => b.type === "input" && b.block_id === `f_${f.id}`)!;
  const e = block.element;
  const modal =
    "initial_value" in e
      ? e.initial_value
      : "initial_date" in e
        ? e.initial_date
        : "initial_time" in e
          ? e.initial_time
          : "initial_option" in e
            ? e.initial_option?.value
            : undefined;
  return {
    card: cardInput.value === undefined ? undefined : String(cardInput.value),
    modal,
    cardNote,
    modalNote: (block.hint?.text ?? "").includes("Je typte"),
  };
}

describe("both renderers pre-fill alike", () => {
  const cases: Array<[string, FieldView]> = [
    ["a typed number in range", field("number", { id: "n", min: 1, max: 10, value: 3, raw: "7", error: "x" })],
    ["a typed number out of range", field("number", { id: "n", min: 1, max: 10, value: 3, raw: "12", error: "Te hoog." })],
    ["a stored number out of range", field("number", { id: "n", min: 1, max: 10, value: 30 })],
    ["a typed word in a number", field("number", { id: "n", raw: "veel", error: "Geen getal." })],
    ["a typed Dutch date", field("date", { id: "d", raw: "04-03-2025", error: "Te vroeg." })],
    ["an impossible date", field("date", { id: "d", value: "2025-01-10", raw: "31-02-2025", error: "Geen datum." })],
    ["a typed yes", field("yesNo", { id: "y", value: false, raw: "ja", error: "x" })],
    ["an unknown choice", field("singleChoice", { id: "c", value: "boos", raw: "paars", error: "Geen keuze." })],
    ["typed text", field("shortText", { id: "s", value: "oud", raw: "nieuw", error: "Te lang." })],
  ];
  it.each(cases)("%s", (_name, f) => {
    const { card, modal, cardNote, modalNote } = initials(f);
    expect(card).toBe(modal);
    expect(cardNote).toBe(modalNote);
  });
});

describe("the renderers' texts", () => {
  it("are a sound catalogue, with a plural for the length limit", () => {
    expect(catalogueProblems(renderCatalogue)).toEqual([]);
    expect(renderText("nl", "render.maxLength", { count: 1 })).toBe("Hoogstens 1 teken.");
    expect(renderText("en", "render.maxLength", { count: 80 })).toBe("At most 80 characters.");
  });
});

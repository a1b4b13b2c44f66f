// The text renderer: one field at a time, numbered options, what to type, the commands line.
import { describe, expect, it } from "vitest";
import { commandsLine, progressLabel, renderStepText } from "../../dialogs/render/text.js";
import { nextTextField } from "../../dialogs/engine/next-field.js";
import { field, stepView } from "./step-view.js";

describe("nextTextField", () => {
  it("asks in field order, an optional field before a later required one (the order a card shows)", () => {
    const view = stepView({ fields: [field("shortText", { id: "a" }), field("date", { id: "b", required: true })] });
    expect(nextTextField(view)?.id).toBe("a");
    view.fields[0]!.value = "";
    expect(nextTextField(view)?.id).toBe("b");
  });

  it("asks a field with an error first, even when it has a value", () => {
    const view = stepView({
      fields: [field("shortText", { id: "a", required: true }), field("number", { id: "b", value: 3, error: "Te hoog." })],
    });
    // "a" is required and empty, and comes first.
    expect(nextTextField(view)?.id).toBe("a");
    view.fields[0]!.value = "klaar";
    expect(nextTextField(view)?.id).toBe("b");
  });

  it("then the first unanswered optional field; an optional field left empty ('') counts as answered", () => {
    const view = stepView({
      fields: [field("shortText", { id: "a", required: true, value: "x" }), field("longText", { id: "b", value: "" }), field("yesNo", { id: "c" })],
    });
    expect(nextTextField(view)?.id).toBe("c");
  });

  it("is undefined when everything is answered", () => {
    const view = stepView({
      fields: [field("shortText", { id: "a", required: true, value: "x" }), field("multiChoice", { id: "b", value: [] })],
    });
    expect(nextTextField(view)).toBeUndefined();
    expect(renderStepText(view)).toContain("Alle vragen van deze stap zijn beantwoord.");
    // Numbered as "wijzig <nummer>" takes them, with what each holds.
    const done = stepView({
      fields: [
        field("shortText", { id: "a", label: "Waar ben je trots op?", required: true, value: "mijn hut" }),
        field("longText", { id: "b", label: "Wat wil je nog vertellen?", value: "" }),
        field("yesNo", { id: "c", label: "Delen met ouders?", value: true }),
      ],
    });
    const text = renderStepText(done);
    expect(text).toContain("1. Waar ben je trots op?: mijn hut\n2. Wat wil je nog vertellen?: (leeg)\n3. Delen met ouders?: ja");
  });

  it("does not treat a blank required answer as answered", () => {
    const view = stepView({ fields: [field("shortText", { id: "a", required: true, value: "  " })] });
    expect(nextTextField(view)?.id).toBe("a");
  });
});

describe("renderStepText", () => {
  it("renders header, bold title, intro, info, tips, step errors, then only the current field", () => {
    const view = stepView({
      errors: ["Maak het doel concreet."],
      fields: [field("singleChoice", { id: "mood", label: "Hoe voel je je?", help: "Kies er één." }), field("shortText", { id: "why", label: "Waarom?" })],
    });
    const text = renderStepText(view);
    const lines = text.split("\n");
    expect(lines[0]).toBe("Kindgesprek voorbereiden · Stap 2/7");
    expect(lines[1]).toBe("**Doelen**");
    expect(text).toContain("Wat wil de leerling bereiken?");
    expect(text).toContain("Vorig doel: beter lezen.");
    expect(text).toMatch(/💡 Stel open vragen\./);
    expect(text).toContain("⚠️ Maak het doel concreet.");
    expect(text).toContain("Vraag 1/2: Hoe voel je je?");
    expect(text).toContain("Kies er één.");
    expect(text).not.toContain("Waarom?");
    // The order the teacher reads it in.
    const order = ["**Doelen**", "Wat wil", "Vorig doel", "💡", "⚠️ Maak", "Hoe voel je je?"].map((s) => text.indexOf(s));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("numbers the options of choice and pupil fields, with their icons", () => {
    const single = renderStepText(stepView({ fields: [field("singleChoice")] }));
    expect(single).toContain("1. 😀 Blij\n2. 😠 Boos\n3. Bang");
    expect(single).toContain("Typ het nummer van je keuze.");
    const pupil = renderStepText(stepView({ fields: [field("pupil", { required: true })] }));
    expect(pupil).toContain("1. Leerling 1");
    expect(pupil).toContain("12. Leerling 12");
    expect(pupil).not.toContain('"-"');
  });

  it("says what to type for every kind, and how to leave an optional field empty", () => {
    const typeHint = (kind: Parameters<typeof field>[0], extra = {}, locale: "nl" | "en" = "nl") =>
      renderStepText(stepView({ locale, fields: [field(kind, extra)] }));
    expect(typeHint("yesNo")).toContain("ja/nee");
    expect(typeHint("yesNo", {}, "en")).toContain("yes/no");
    expect(typeHint("date")).toContain("dd-mm-jjjj");
    expect(typeHint("date", {}, "en")).toContain("dd-mm-yyyy");
    expect(typeHint("time")).toContain("uu:mm");
    expect(typeHint("multiChoice")).toContain("gescheiden door komma's");
    expect(typeHint("number", { min: 1, max: 10 })).toContain("Typ een getal van 1 tot en met 10.");
    expect(typeHint("shortText", { maxLength: 80 })).toContain("Hoogstens 80 tekens.");
    expect(typeHint("shortText")).toContain('Typ "-" om dit leeg te laten.');
    expect(typeHint("shortText", {}, "en")).toContain('Type "-" to leave this empty.');
    expect(typeHint("shortText", { required: true })).not.toContain('"-"');
  });

  it("shows the field's error and what was typed", () => {
    const text = renderStepText(stepView({ fields: [field("date", { required: true, raw: "31-02-2025", error: "Dat is geen datum." })] }));
    expect(text).toContain("⚠️ Dat is geen datum.");
    expect(text).toContain("Je typte: 31-02-2025");
  });

  it("shows a stored answer as it would be typed", () => {
    const text = renderStepText(stepView({ fields: [field("date", { id: "d", value: "2025-03-04", error: "Te vroeg." })] }));
    expect(text).toContain("Nu ingevuld: 04-03-2025");
    const choice = renderStepText(stepView({ fields: [field("multiChoice", { value: ["blij", "bang"], error: "Kies er één." })] }));
    expect(choice).toContain("Nu ingevuld: Blij, Bang");
  });

  it("ends with the typed commands in the view's language, only for the actions present", () => {
    const nl = renderStepText(stepView());
    expect(nl.split("\n").at(-1)).toBe("terug · overslaan · pauze · stop");
    const en = renderStepText(stepView({ locale: "en" }));
    expect(en.split("\n").at(-1)).toBe("back · skip · pause · stop");
    expect(en.split("\n")[0]).toBe("Kindgesprek voorbereiden · Step 2/7");

    const first = stepView({ actions: { submit: "Volgende", pause: "Pauze", cancel: "Stoppen" } });
    expect(commandsLine(first)).toBe("pauze · stop");
    expect(renderStepText(first).split("\n").at(-1)).toBe("pauze · stop");
  });

  it("reads progress.index as the 1-based step number and never shows more than the total", () => {
    expect(progressLabel(stepView({ progress: { index: 1, total: 7 } }))).toBe("Stap 1/7");
    expect(progressLabel(stepView({ progress: { index: 9, total: 7 } }))).toBe("Stap 7/7");
    expect(progressLabel(stepView({ progress: { index: 0, total: 3 } }))).toBe("Stap 1/3");
  });
});

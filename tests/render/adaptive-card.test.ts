// The Adaptive Card renderer for Teams: structure, pre-filled values, inline errors, actions,
// the size limit, and the round trip of a submission.
import { describe, expect, it } from "vitest";
import {
  cardByteSize,
  parseCardSubmission,
  renderStepCard,
  type AdaptiveCard,
  type CardElement,
  type CardInput,
  type InputChoiceSet,
  type SubmitAction,
  type TextBlock,
} from "../../dialogs/render/adaptive-card/index.js";
import { ALL_KINDS, field, options, pupils, stepView } from "./step-view.js";

function inputs(card: AdaptiveCard): CardInput[] {
  return card.body.filter((e): e is CardInput => e.type.startsWith("Input."));
}

function input(card: AdaptiveCard, fieldId: string): CardInput {
  const found = inputs(card).find((i) => i.id === `f_${fieldId}`);
  if (!found) throw new Error(`no input for ${fieldId}`);
  return found;
}

function after(card: AdaptiveCard, fieldId: string): CardElement | undefined {
  const index = card.body.findIndex((e) => "id" in e && e.id === `f_${fieldId}`);
  return card.body[index + 1];
}

function action(card: AdaptiveCard, name: string): SubmitAction | undefined {
  return card.actions?.find((a) => a.data.action === name);
}

function allText(elements: CardElement[]): string[] {
  return elements.flatMap((e): string[] => {
    if (e.type === "TextBlock") return [e.text];
    if (e.type === "Container") return allText(e.items);
    if (e.type === "ColumnSet") return e.columns.flatMap((c) => allText(c.items));
    if (e.type === "FactSet") return e.facts.flatMap((f) => [f.title, f.value]);
    return [];
  });
}

describe("renderStepCard", () => {
  it("is an Adaptive Card 1.5, full width in Teams", () => {
    const card = renderStepCard(stepView());
    expect(card.$schema).toBe("http://adaptivecards.io/schemas/adaptive-card.json");
    expect(card.type).toBe("AdaptiveCard");
    expect(card.version).toBe("1.5");
    expect(card.msteams).toEqual({ width: "Full" });
  });

  it("has a header with the dialog title and progress, the title, intro, info, tips and step errors", () => {
    const card = renderStepCard(stepView({ errors: ["Maak het doel concreet."] }));
    const [header, title] = card.body;
    expect(header?.type).toBe("ColumnSet");
    expect(allText([header!])).toEqual(["Kindgesprek voorbereiden", "Stap 2/7"]);
    const progress = header?.type === "ColumnSet" ? header.columns[1]?.items[0] : undefined;
    expect(progress).toMatchObject({ type: "TextBlock", isSubtle: true });
    expect(title).toMatchObject({ type: "TextBlock", text: "Doelen", size: "medium", weight: "bolder", wrap: true });
    const texts = allText(card.body);
    expect(texts).toContain("Wat wil de leerling bereiken?");
    expect(texts).toContain("Vorig doel: beter lezen.");
    const tips = card.body.find((e) => e.type === "Container");
    expect(tips).toMatchObject({ type: "Container", style: "emphasis" });
    expect(allText([tips!]).join(" ")).toContain("Stel open vragen.");
    const error = card.body.find((e) => e.type === "TextBlock" && e.text === "Maak het doel concreet.");
    expect(error).toMatchObject({ color: "attention", wrap: true });
    // Step errors come before the first input.
    expect(card.body.indexOf(error!)).toBeLessThan(card.body.findIndex((e) => e.type.startsWith("Input.")));
  });

  it("renders each field kind as its input type, with id f_<fieldId> and the field label", () => {
    const card = renderStepCard(stepView());
    const types = Object.fromEntries(ALL_KINDS.map((kind) => [kind, input(card, `${kind}Field`).type]));
    expect(types).toEqual({
      shortText: "Input.Text",
      longText: "Input.Text",
      singleChoice: "Input.ChoiceSet",
      multiChoice: "Input.ChoiceSet",
      yesNo: "Input.ChoiceSet",
      date: "Input.Date",
      time: "Input.Time",
      number: "Input.Number",
      pupil: "Input.ChoiceSet",
    });
    for (const kind of ALL_KINDS) expect(input(card, `${kind}Field`).label).toBe(`Label ${kind}`);
    expect(inputs(card)).toHaveLength(ALL_KINDS.length);
  });

  it("sets the kind-specific properties", () => {
    const view = stepView({
      fields: [
        field("shortText", { id: "s", maxLength: 120, placeholder: "Bijv. lezen" }),
        field("longText", { id: "l" }),
        field("number", { id: "n", min: 1, max: 10 }),
        field("yesNo", { id: "y" }),
        field("singleChoice", { id: "few" }),
        field("singleChoice", { id: "many", options: options(6) }),
        field("multiChoice", { id: "multi" }),
        field("pupil", { id: "p" }),
      ],
    });
    const card = renderStepCard(view);
    expect(input(card, "s")).toMatchObject({ maxLength: 120, placeholder: "Bijv. lezen" });
    expect(input(card, "s")).not.toHaveProperty("isMultiline");
    expect(input(card, "l")).toMatchObject({ isMultiline: true });
    // Teams shows one message for every failed check, so a number's message names its range.
    expect(input(card, "n")).toMatchObject({ min: 1, max: 10, errorMessage: "Vul een getal in van 1 tot en met 10." });
    expect(input(card, "y")).toMatchObject({
      style: "expanded",
      choices: [
        { title: "Ja", value: "true" },
        { title: "Nee", value: "false" },
      ],
    });
    expect(input(card, "y")).not.toHaveProperty("value");
    const few = input(card, "few") as InputChoiceSet;
    expect(few.style).toBe("expanded");
    expect(few.choices[0]).toEqual({ title: "😀 Blij", value: "blij" });
    expect(few.choices[2]).toEqual({ title: "Bang", value: "bang" });
    expect(input(card, "many")).toMatchObject({ style: "compact" });
    expect(input(card, "multi")).toMatchObject({ isMultiSelect: true });
    expect(input(card, "p")).toMatchObject({ style: "filtered" });
    expect((input(card, "p") as InputChoiceSet).choices).toHaveLength(12);
  });

  it("marks required fields for Teams' validation", () => {
    const card = renderStepCard(stepView({ fields: [field("shortText", { id: "a", required: true }), field("date", { id: "b" })] }));
    expect(input(card, "a")).toMatchObject({ isRequired: true, errorMessage: "Vul dit in." });
    expect(input(card, "b")).not.toHaveProperty("isRequired");
    expect(input(card, "b")).not.toHaveProperty("errorMessage");
  });

  it("can leave validation to the engine, so pause and back always go through", () => {
    const view = stepView({ fields: [field("shortText", { id: "a", required: true }), field("number", { id: "n", min: 1, max: 5 })] });
    const card = renderStepCard(view, { clientValidation: false });
    expect(input(card, "a")).not.toHaveProperty("isRequired");
    expect(input(card, "a").label).toBe("Label shortText *");
    expect(input(card, "n")).not.toHaveProperty("min");
  });

  it("pre-fills stored values: arrays joined with ',', booleans as 'true'/'false'", () => {
    const view = stepView({
      fields: [
        field("shortText", { id: "s", value: "Beter lezen" }),
        field("number", { id: "n", value: 7 }),
        field("date", { id: "d", value: "2025-03-04" }),
        field("time", { id: "t", value: "09:30" }),
        field("yesNo", { id: "y", value: false }),
        field("singleChoice", { id: "c", value: "boos" }),
        field("multiChoice", { id: "m", value: ["blij", "bang"] }),
        field("pupil", { id: "p", value: "pupil_3" }),
      ],
    });
    const card = renderStepCard(view);
    expect(input(card, "s").value).toBe("Beter lezen");
    expect(input(card, "n").value).toBe(7);
    expect(input(card, "d").value).toBe("2025-03-04");
    expect(input(card, "t").value).toBe("09:30");
    expect(input(card, "y").value).toBe("false");
    expect(input(card, "c").value).toBe("boos");
    expect(input(card, "m").value).toBe("blij,bang");
    expect(input(card, "p").value).toBe("pupil_3");
  });

  it("pre-fills what was typed (raw) over the stored value, and puts the error right under the input", () => {
    const view = stepView({
      fields: [field("shortText", { id: "s", value: "oud", raw: "veel te lang antwoord", error: "Te lang.", maxLength: 10 }), field("date", { id: "d" })],
    });
    const card = renderStepCard(view);
    expect(input(card, "s").value).toBe("veel te lang antwoord");
    // The refused text must fit in the input, or Teams would cut it off.
    expect((input(card, "s") as { maxLength?: number }).maxLength).toBe("veel te lang antwoord".length);
    expect(after(card, "s")).toEqual({ type: "TextBlock", text: "Te lang.", color: "attention", wrap: true, spacing: "none" });
    expect(after(card, "d")?.type).not.toBe("TextBlock");
  });

  it("shows raw input that an input cannot hold next to the error, so it is not lost", () => {
    const view = stepView({
      fields: [
        field("date", { id: "d", value: "2025-01-10", raw: "31-02-2025", error: "Geen datum." }),
        field("number", { id: "n", raw: "veel", error: "Geen getal." }),
        field("singleChoice", { id: "c", raw: "paars", error: "Geen keuze." }),
        field("date", { id: "ok", raw: "04-03-2025", error: "Te vroeg." }),
      ],
    });
    const card = renderStepCard(view);
    expect(input(card, "d").value).toBe("2025-01-10");
    expect((after(card, "d") as TextBlock).text).toBe("Geen datum. · Je typte: 31-02-2025");
    expect(input(card, "n")).not.toHaveProperty("value");
    expect((after(card, "n") as TextBlock).text).toBe("Geen getal. · Je typte: veel");
    expect((after(card, "c") as TextBlock).text).toBe("Geen keuze. · Je typte: paars");
    // A typed Dutch date the picker can show is shown in the picker.
    expect(input(card, "ok").value).toBe("2025-03-04");
  });

  it("puts help under the input, after the error", () => {
    const card = renderStepCard(stepView({ fields: [field("shortText", { id: "s", help: "Eén zin.", error: "Vul in." })] }));
    const index = card.body.findIndex((e) => "id" in e && e.id === "f_s");
    expect((card.body[index + 1] as TextBlock).text).toBe("Vul in.");
    expect(card.body[index + 2]).toMatchObject({ type: "TextBlock", text: "Eén zin.", isSubtle: true });
  });

  it("has submit, back, skip, pause and cancel actions carrying the step", () => {
    const card = renderStepCard(stepView());
    expect(card.actions?.map((a) => [a.title, a.data.action])).toEqual([
      ["Volgende", "submit"],
      ["Terug", "back"],
      ["Overslaan", "skip"],
      ["Pauze", "pause"],
      ["Stoppen", "cancel"],
    ]);
    for (const a of card.actions ?? []) {
      expect(a.type).toBe("Action.Submit");
      const fields = a.data.action === "submit" ? { fields: stepView().fields.map((f) => f.id) } : {};
      expect(a.data).toEqual({ gw: "step", sessionId: "sess_123", stepId: "goals", version: 4, action: a.data.action, ...fields });
    }
    expect(action(card, "submit")).toMatchObject({ style: "positive", associatedInputs: "auto" });
    expect(action(card, "cancel")).toMatchObject({ style: "destructive", associatedInputs: "none" });
    expect(action(card, "skip")?.associatedInputs).toBe("none");
    // Typed input survives a pause or a step back: the engine keeps it as a draft.
    expect(action(card, "pause")?.associatedInputs).toBe("auto");
    expect(action(card, "back")?.associatedInputs).toBe("auto");
  });

  it("an input Teams leaves out because it was emptied comes back as empty", () => {
    const card = renderStepCard(stepView());
    const data = action(card, "submit")!.data;
    const [first, ...rest] = stepView().fields.map((f) => f.id);
    const submission = parseCardSubmission({ ...data, ...Object.fromEntries(rest.map((id) => [`f_${id}`, "x"])) });
    expect(submission?.values[first!]).toBe("");
  });

  it("leaves out actions the step does not offer", () => {
    const card = renderStepCard(stepView({ actions: { submit: "Afronden", pause: "Pauze", cancel: "Stoppen" } }));
    expect(card.actions?.map((a) => a.data.action)).toEqual(["submit", "pause", "cancel"]);
  });

  it("stays under 80 KB for a 40-field step with long texts", () => {
    const long = "Dit is een lange tekst met uitleg voor de leerkracht. ".repeat(8);
    const fields = Array.from({ length: 40 }, (_, i) =>
      field(["longText", "singleChoice", "pupil", "multiChoice"][i % 4] as "longText", {
        id: `f${i}`,
        label: `${i}. ${long.slice(0, 200)}`,
        help: long,
        required: i % 2 === 0,
        options: i % 4 === 2 ? pupils(32) : options(8, (n) => `Een vrij lange keuzemogelijkheid nummer ${n}`),
        value: i % 4 === 0 ? long : undefined,
        error: i % 5 === 0 ? "Dit antwoord klopt nog niet helemaal." : undefined,
      }),
    );
    const view = stepView({ fields, intro: long, info: Array(10).fill(long), tips: Array(4).fill(long), errors: [long] });
    const card = renderStepCard(view);
    expect(inputs(card)).toHaveLength(40);
    expect(cardByteSize(card)).toBeLessThan(80 * 1024);
    expect(cardByteSize(card)).toBe(Buffer.byteLength(JSON.stringify(card)));
  });
});

describe("parseCardSubmission", () => {
  it("round-trips: action data merged with input values gives the submission", () => {
    const card = renderStepCard(stepView({ fields: [field("shortText", { id: "goal" }), field("multiChoice", { id: "moods" })] }));
    const submit = action(card, "submit")!;
    // What Teams sends as the activity's value: data + the inputs keyed by their ids.
    const value = { ...submit.data, f_goal: "Beter lezen", f_moods: "blij,bang" };
    expect(parseCardSubmission(value)).toEqual({
      sessionId: "sess_123",
      stepId: "goals",
      version: 4,
      action: "submit",
      values: { goal: "Beter lezen", moods: "blij,bang" },
    });
  });

  it("reads pause with the typed input, and cancel without", () => {
    const card = renderStepCard(stepView({ fields: [field("shortText", { id: "goal" })] }));
    expect(parseCardSubmission({ ...action(card, "pause")!.data, f_goal: "half af" })).toMatchObject({
      action: "pause",
      values: { goal: "half af" },
    });
    expect(parseCardSubmission(action(card, "cancel")!.data)).toMatchObject({ action: "cancel", values: {} });
  });

  it("ignores Teams' msteams member and keys that are not inputs", () => {
    const parsed = parseCardSubmission({
      msteams: { type: "messageBack", text: "x" },
      gw: "step",
      sessionId: "s1",
      stepId: "st",
      version: "2",
      action: "back",
      f_a: "1",
      other: "ignored",
      f_9bad: "x",
    });
    expect(parsed).toEqual({ sessionId: "s1", stepId: "st", version: 2, action: "back", values: { a: "1" } });
  });

  it("returns null for anything that is not a step submission", () => {
    const good = { gw: "step", sessionId: "s1", stepId: "st", version: 1, action: "submit" };
    expect(parseCardSubmission(good)).not.toBeNull();
    expect(parseCardSubmission(null)).toBeNull();
    expect(parseCardSubmission("submit")).toBeNull();
    expect(parseCardSubmission([good])).toBeNull();
    expect(parseCardSubmission({ ...good, gw: "other" })).toBeNull();
    expect(parseCardSubmission({ ...good, gw: undefined })).toBeNull();
    expect(parseCardSubmission({ ...good, action: "explode" })).toBeNull();
    expect(parseCardSubmission({ ...good, version: -1 })).toBeNull();
    expect(parseCardSubmission({ ...good, version: { n: 1 } })).toBeNull();
    expect(parseCardSubmission({ ...good, sessionId: "" })).toBeNull();
    expect(parseCardSubmission({ ...good, sessionId: "x".repeat(65) })).toBeNull();
    expect(parseCardSubmission({ ...good, stepId: 5 })).toBeNull();
  });
});

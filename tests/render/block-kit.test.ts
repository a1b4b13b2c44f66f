// The Block Kit renderer for Slack: the modal (structure, limits), the DM message, the errors
// for response_action, and parsing view submissions and block actions.
import { describe, expect, it } from "vitest";
import {
  modalErrors,
  parseBlockAction,
  parseModalSubmission,
  parseStepToken,
  renderStepMessage,
  renderStepModal,
  truncate,
  type ActionsBlock,
  type Block,
  type Button,
  type InputBlock,
  type SlackOption,
} from "../../dialogs/render/block-kit/index.js";
import { ALL_KINDS, field, options, pupils, stepView } from "./step-view.js";

function inputBlock(blocks: Block[], fieldId: string): InputBlock {
  const found = blocks.find((b): b is InputBlock => b.type === "input" && b.block_id === `f_${fieldId}`);
  if (!found) throw new Error(`no input block for ${fieldId}`);
  return found;
}

function everyOption(blocks: Block[]): SlackOption[] {
  return blocks.flatMap((b) => {
    const elements = b.type === "input" ? [b.element] : b.type === "actions" ? b.elements : [];
    return elements.flatMap((e) => {
      const own = "options" in e && e.options ? e.options : [];
      const grouped = "option_groups" in e && e.option_groups ? e.option_groups.flatMap((g) => g.options) : [];
      return [...own, ...grouped];
    });
  });
}

function textOf(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if (b.type === "header" || b.type === "section") return b.text.text;
      if (b.type === "context") return b.elements.map((e) => e.text).join(" ");
      return "";
    })
    .join("\n");
}

const SLACK_TEXT_LENGTH = (s: string) => [...s].length; // code points; our strings are also ≤ in UTF-16 units

describe("renderStepModal", () => {
  it("is a modal with title, submit, close, metadata and a callback id", () => {
    const modal = renderStepModal(stepView());
    expect(modal.type).toBe("modal");
    expect(modal.callback_id).toBe("gw_step");
    expect(modal.title).toEqual({ type: "plain_text", text: "Kindgesprek voorbereiden", emoji: true }); // exactly 24
    expect(modal.submit.text).toBe("Volgende");
    // Closing a modal pauses the dialog (view_closed), so the close button says so.
    expect(modal.close.text).toBe("Pauze");
    expect(JSON.parse(modal.private_metadata)).toEqual({ sessionId: "sess_123", stepId: "goals", version: 4 });
    expect(renderStepModal(stepView(), { callbackId: "gw_prepare" }).callback_id).toBe("gw_prepare");
  });

  it("keeps the title and buttons within 24 characters, never splitting an emoji", () => {
    const view = stepView({
      dialogTitle: "Voorbereiding kindgesprek 👩‍🏫👩‍🏫👩‍🏫 met een heel lange naam",
      actions: { submit: "Opslaan en naar de volgende stap", pause: "Pauzeren en later verdergaan", cancel: "Stoppen en alles weggooien" },
    });
    const modal = renderStepModal(view);
    for (const text of [modal.title.text, modal.submit.text, modal.close.text]) {
      expect(text.length).toBeLessThanOrEqual(24);
      expect(text.endsWith("…")).toBe(true);
      expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
    }
    const emojiTitle = truncate("Gesprek 👩‍🏫👩‍🏫👩‍🏫👩‍🏫", 12);
    expect(emojiTitle.length).toBeLessThanOrEqual(12);
    expect(["Gesprek…", "Gesprek 👩‍🏫…"]).toContain(emojiTitle);
    const teacher = "👩‍🏫"; // five UTF-16 code units joined by a ZWJ
    expect(truncate("x".repeat(70) + teacher + teacher, 75)).toBe("x".repeat(70) + "…");
    expect(truncate("x".repeat(69) + teacher + teacher, 75)).toBe("x".repeat(69) + teacher + "…");
    expect(truncate("kort", 75)).toBe("kort");
    // The full title is still shown, in the context under the header.
    expect(textOf(modal.blocks)).toContain("Voorbereiding kindgesprek 👩‍🏫👩‍🏫👩‍🏫 met een heel lange naam · Stap 2/7");
  });

  it("renders title, progress, intro, info, tips and step errors", () => {
    const modal = renderStepModal(stepView({ errors: ["Maak het <doel> concreet & haalbaar."] }));
    expect(modal.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Doelen", emoji: true } });
    const text = textOf(modal.blocks);
    expect(text).toContain("Stap 2/7");
    expect(text).toContain("Wat wil de leerling bereiken?");
    expect(text).toContain("• Vorig doel: beter lezen.");
    expect(modal.blocks.find((b) => b.type === "context" && b.elements[0]?.text.includes(":bulb: Stel open vragen."))).toBeDefined();
    const errors = modal.blocks.find((b) => b.type === "section" && b.text.text.startsWith(":warning:"));
    expect(errors).toBeDefined();
    expect(errors?.type === "section" && errors.text.text).toBe(":warning: *Maak het &lt;doel&gt; concreet &amp; haalbaar.*");
  });

  it("has one input block per field, with the element for its kind", () => {
    const modal = renderStepModal(stepView());
    const inputs = modal.blocks.filter((b): b is InputBlock => b.type === "input");
    expect(inputs.map((b) => b.block_id)).toEqual(ALL_KINDS.map((k) => `f_${k}Field`));
    const types = Object.fromEntries(inputs.map((b) => [b.block_id, b.element.type]));
    expect(types).toEqual({
      f_shortTextField: "plain_text_input",
      f_longTextField: "plain_text_input",
      f_singleChoiceField: "radio_buttons",
      f_multiChoiceField: "checkboxes",
      f_yesNoField: "radio_buttons",
      f_dateField: "datepicker",
      f_timeField: "timepicker",
      f_numberField: "number_input",
      f_pupilField: "static_select",
    });
    for (const block of inputs) {
      expect(block.element.action_id).toBe("value");
      expect(block.label).toEqual({ type: "plain_text", text: expect.stringMatching(/^Label /), emoji: true });
      expect(block.optional).toBe(true);
    }
    expect(inputBlock(modal.blocks, "longTextField").element).toMatchObject({ multiline: true });
    expect(inputBlock(modal.blocks, "numberField").element).toMatchObject({ is_decimal_allowed: false });
    expect(inputBlock(modal.blocks, "yesNoField").element).toMatchObject({
      options: [
        { text: { text: "Ja" }, value: "true" },
        { text: { text: "Nee" }, value: "false" },
      ],
    });
  });

  it("switches to selects for many options, and groups more than 100", () => {
    const modal = renderStepModal(
      stepView({
        fields: [
          field("singleChoice", { id: "s10", options: options(10) }),
          field("singleChoice", { id: "s11", options: options(11) }),
          field("multiChoice", { id: "m10", options: options(10) }),
          field("multiChoice", { id: "m11", options: options(11) }),
          field("pupil", { id: "p100", options: pupils(100) }),
          field("pupil", { id: "p250", options: pupils(250), value: "pupil_180" }),
        ],
      }),
    );
    expect(inputBlock(modal.blocks, "s10").element.type).toBe("radio_buttons");
    expect(inputBlock(modal.blocks, "s11").element.type).toBe("static_select");
    expect(inputBlock(modal.blocks, "m10").element.type).toBe("checkboxes");
    expect(inputBlock(modal.blocks, "m11").element.type).toBe("multi_static_select");
    const p100 = inputBlock(modal.blocks, "p100").element;
    expect(p100.type === "static_select" && p100.options?.length).toBe(100);
    const p250 = inputBlock(modal.blocks, "p250").element;
    if (p250.type !== "static_select") throw new Error("expected a static_select");
    expect(p250.options).toBeUndefined();
    expect(p250.option_groups?.map((g) => g.options.length)).toEqual([100, 100, 50]);
    for (const g of p250.option_groups ?? []) expect(g.label.text.length).toBeLessThanOrEqual(75);
    expect(p250.initial_option?.value).toBe("pupil_180");
  });

  it("marks required fields as not optional and shows help as hint", () => {
    const modal = renderStepModal(stepView({ fields: [field("shortText", { id: "a", required: true, help: "Eén zin." })] }));
    const block = inputBlock(modal.blocks, "a");
    expect(block.optional).toBe(false);
    expect(block.hint?.text).toBe("Eén zin.");
  });

  it("pre-fills raw input over stored values, and stored values in every element", () => {
    const view = stepView({
      fields: [
        field("shortText", { id: "s", value: "oud", raw: "nieuw maar fout", error: "Te lang.", maxLength: 5 }),
        field("longText", { id: "l", value: "regel 1\nregel 2" }),
        field("number", { id: "n", value: 7, min: 1, max: 10 }),
        field("date", { id: "d", value: "2025-03-04" }),
        field("time", { id: "t", value: "09:30" }),
        field("yesNo", { id: "y", value: true }),
        field("singleChoice", { id: "c", value: "boos" }),
        field("multiChoice", { id: "m", value: ["blij", "bang"] }),
        field("pupil", { id: "p", value: "pupil_2" }),
      ],
    });
    const blocks = renderStepModal(view).blocks;
    expect(inputBlock(blocks, "s").element).toMatchObject({ initial_value: "nieuw maar fout", max_length: "nieuw maar fout".length });
    expect(inputBlock(blocks, "s").hint?.text).toBe("⚠️ Te lang.\nHoogstens 5 tekens.");
    expect(inputBlock(blocks, "l").element).toMatchObject({ initial_value: "regel 1\nregel 2" });
    expect(inputBlock(blocks, "n").element).toMatchObject({ initial_value: "7", min_value: "1", max_value: "10" });
    expect(inputBlock(blocks, "d").element).toMatchObject({ initial_date: "2025-03-04" });
    expect(inputBlock(blocks, "t").element).toMatchObject({ initial_time: "09:30" });
    expect(inputBlock(blocks, "y").element).toMatchObject({ initial_option: { value: "true", text: { text: "Ja" } } });
    expect(inputBlock(blocks, "c").element).toMatchObject({ initial_option: { value: "boos", text: { text: "😠 Boos" } } });
    expect(inputBlock(blocks, "m").element).toMatchObject({ initial_options: [{ value: "blij" }, { value: "bang" }] });
    expect(inputBlock(blocks, "p").element).toMatchObject({ initial_option: { value: "pupil_2" } });
  });

  it("keeps raw input the element cannot show in the hint, with the error", () => {
    const view = stepView({
      fields: [
        field("number", { id: "n", raw: "veel", error: "Geen getal.", help: "Tussen 1 en 10." }),
        field("date", { id: "d", raw: "gisteren-ish", error: "Geen datum." }),
      ],
    });
    const blocks = renderStepModal(view).blocks;
    expect(inputBlock(blocks, "n").element).not.toHaveProperty("initial_value");
    expect(inputBlock(blocks, "n").hint?.text).toBe("⚠️ Geen getal. · Je typte: veel\nTussen 1 en 10.");
    expect(inputBlock(blocks, "d").hint?.text).toBe("⚠️ Geen datum. · Je typte: gisteren-ish");
  });

  it("cuts option texts to 75 characters and labels/hints to 2000", () => {
    const longLabel = "Een keuze met een hele lange omschrijving die maar doorgaat en doorgaat ".repeat(3);
    const view = stepView({
      fields: [
        field("singleChoice", { id: "c", options: options(12, () => longLabel), label: "L".repeat(2500), help: "H".repeat(2500) }),
        field("multiChoice", { id: "m", options: options(4, () => longLabel) }),
      ],
    });
    const blocks = renderStepModal(view).blocks;
    const all = everyOption(blocks);
    expect(all.length).toBe(16);
    for (const option of all) {
      expect(option.text.text.length).toBeLessThanOrEqual(75);
      expect(option.text.text.endsWith("…")).toBe(true);
    }
    expect(inputBlock(blocks, "c").label.text.length).toBeLessThanOrEqual(2000);
    expect(inputBlock(blocks, "c").hint!.text.length).toBeLessThanOrEqual(2000);
  });

  it("ends with back, skip and pause buttons carrying the step", () => {
    const modal = renderStepModal(stepView());
    const last = modal.blocks.at(-1) as ActionsBlock;
    expect(last.type).toBe("actions");
    const buttons = last.elements as Button[];
    expect(buttons.map((b) => b.action_id)).toEqual(["gw_step_back", "gw_step_skip", "gw_step_pause"]);
    expect(buttons.map((b) => b.text.text)).toEqual(["Terug", "Overslaan", "Pauze"]);
    for (const b of buttons) {
      expect(JSON.parse(b.value!)).toEqual({ sessionId: "sess_123", stepId: "goals", version: 4, action: b.action_id.slice("gw_step_".length) });
    }
    const first = renderStepModal(stepView({ actions: { submit: "Volgende", pause: "Pauze", cancel: "Stoppen" } }));
    expect(((first.blocks.at(-1) as ActionsBlock).elements as Button[]).map((b) => b.action_id)).toEqual(["gw_step_pause"]);
  });

  it("never exceeds 100 blocks: drops info lines first and says so", () => {
    const long = "Informatie over eerdere gesprekken en afspraken met deze leerling. ".repeat(40);
    const fields = Array.from({ length: 90 }, (_, i) => field("shortText", { id: `f${i}` }));
    const view = stepView({ fields, info: Array.from({ length: 30 }, () => long), tips: ["Tip 1", "Tip 2", "Tip 3"], errors: ["Fout"] });
    const modal = renderStepModal(view);
    expect(modal.blocks.length).toBeLessThanOrEqual(100);
    expect(modal.blocks.filter((b) => b.type === "input")).toHaveLength(90);
    const text = textOf(modal.blocks);
    expect(text).toContain("Niet alle informatie bij deze stap past hier");
    expect(text).toContain(":bulb: Tip 3"); // tips survive, info went first
    expect(text).toContain("Wat wil de leerling bereiken?");

    // Without the pressure, everything stays and there is no note.
    const small = renderStepModal(stepView({ info: [long, long] }));
    expect(textOf(small.blocks)).not.toContain("Niet alle informatie");
    for (const b of small.blocks) if (b.type === "section") expect(b.text.text.length).toBeLessThanOrEqual(3000);
  });

  it("refuses a step whose fields alone cannot fit", () => {
    const fields = Array.from({ length: 120 }, (_, i) => field("shortText", { id: `f${i}` }));
    expect(() => renderStepModal(stepView({ fields }))).toThrow(RangeError);
  });

  it("keeps private_metadata within 3000 characters", () => {
    const modal = renderStepModal(stepView({ sessionId: "s".repeat(64), stepId: "t".repeat(80), version: 123456 }));
    expect(modal.private_metadata.length).toBeLessThanOrEqual(3000);
    expect(parseStepToken(modal.private_metadata)).toEqual({ sessionId: "s".repeat(64), stepId: "t".repeat(80), version: 123456 });
  });
});

describe("modalErrors", () => {
  it("maps f_<fieldId> to the error, only for fields with one", () => {
    const view = stepView({
      fields: [field("shortText", { id: "a", error: "Vul dit in." }), field("date", { id: "b" }), field("number", { id: "c", error: "Te hoog." })],
    });
    expect(modalErrors(view)).toEqual({ f_a: "Vul dit in.", f_c: "Te hoog." });
    expect(modalErrors(stepView())).toEqual({});
  });
});

/** A view_submission's view as Slack sends it, for the given modal and element states. */
function submittedView(privateMetadata: string, values: Record<string, Record<string, unknown>>) {
  return { id: "V123", type: "modal", callback_id: "gw_step", private_metadata: privateMetadata, state: { values }, hash: "1.2" };
}

describe("parseModalSubmission", () => {
  it("reads every element type into values[fieldId]", () => {
    const modal = renderStepModal(stepView());
    const view = submittedView(modal.private_metadata, {
      f_shortTextField: { value: { type: "plain_text_input", value: "Beter lezen" } },
      f_longTextField: { value: { type: "plain_text_input", value: null } },
      f_singleChoiceField: { value: { type: "radio_buttons", selected_option: { text: { type: "plain_text", text: "Boos" }, value: "boos" } } },
      f_multiChoiceField: { value: { type: "checkboxes", selected_options: [{ value: "blij" }, { value: "bang" }] } },
      f_yesNoField: { value: { type: "radio_buttons", selected_option: null } },
      f_dateField: { value: { type: "datepicker", selected_date: "2025-03-04" } },
      f_timeField: { value: { type: "timepicker", selected_time: "09:30" } },
      f_numberField: { value: { type: "number_input", value: "7" } },
      f_pupilField: { value: { type: "static_select", selected_option: { value: "pupil_3" } } },
      unrelated_block: { value: { type: "plain_text_input", value: "x" } },
    });
    expect(parseModalSubmission(view)).toEqual({
      sessionId: "sess_123",
      stepId: "goals",
      version: 4,
      action: "submit",
      values: {
        shortTextField: "Beter lezen",
        longTextField: "",
        singleChoiceField: "boos",
        multiChoiceField: ["blij", "bang"],
        yesNoField: "",
        dateField: "2025-03-04",
        timeField: "09:30",
        numberField: "7",
        pupilField: "pupil_3",
      },
    });
  });

  it("reads multi_static_select", () => {
    const modal = renderStepModal(stepView({ fields: [field("multiChoice", { id: "m", options: options(20) })] }));
    const view = submittedView(modal.private_metadata, {
      f_m: { value: { type: "multi_static_select", selected_options: [{ value: "o3" }, { value: "o12" }] } },
    });
    expect(parseModalSubmission(view)?.values).toEqual({ m: ["o3", "o12"] });
  });

  it("returns null for malformed metadata or state", () => {
    const values = { f_a: { value: { type: "plain_text_input", value: "x" } } };
    expect(parseModalSubmission(submittedView("not json", values))).toBeNull();
    expect(parseModalSubmission(submittedView("", values))).toBeNull();
    expect(parseModalSubmission(submittedView("[1,2]", values))).toBeNull();
    expect(parseModalSubmission(submittedView(JSON.stringify({ sessionId: "s" }), values))).toBeNull();
    expect(parseModalSubmission(submittedView(JSON.stringify({ sessionId: "s", stepId: "t", version: "x" }), values))).toBeNull();
    const metadata = JSON.stringify({ sessionId: "s", stepId: "t", version: 1 });
    expect(parseModalSubmission({ private_metadata: metadata, state: null as never })).toBeNull();
    expect(parseModalSubmission({ private_metadata: metadata, state: { values: "x" as never } })).toBeNull();
    expect(parseModalSubmission(null as never)).toBeNull();
    expect(parseModalSubmission(submittedView(metadata, values))).toMatchObject({ values: { a: "x" } });
  });
});

describe("parseBlockAction", () => {
  it("reads the modal's step buttons; back and pause keep the modal's values", () => {
    const modal = renderStepModal(stepView({ fields: [field("shortText", { id: "goal" })] }));
    const [back, skip, pause] = (modal.blocks.at(-1) as ActionsBlock).elements as Button[];
    const state = { values: { f_goal: { value: { type: "plain_text_input", value: "half af" } } } };
    const action = (b: Button) => ({ type: "button", action_id: b.action_id, block_id: "gw_step_actions", value: b.value! });
    expect(parseBlockAction(action(pause!), modal.private_metadata, state)).toEqual({
      sessionId: "sess_123",
      stepId: "goals",
      version: 4,
      action: "pause",
      values: { goal: "half af" },
    });
    expect(parseBlockAction(action(back!), undefined, state)?.values).toEqual({ goal: "half af" });
    expect(parseBlockAction(action(skip!), undefined, state)).toMatchObject({ action: "skip", values: {} });
    // Without a value, the step comes from the token passed in.
    expect(parseBlockAction({ action_id: "gw_step_pause" }, modal.private_metadata)).toMatchObject({ action: "pause", stepId: "goals" });
  });

  it("returns null for unknown actions and missing steps", () => {
    expect(parseBlockAction({ action_id: "something_else", value: "x" }, { sessionId: "s", stepId: "t", version: 1 })).toBeNull();
    expect(parseBlockAction({ action_id: "gw_step_explode", value: "{}" }, { sessionId: "s", stepId: "t", version: 1 })).toBeNull();
    expect(parseBlockAction({ action_id: "gw_step_pause", value: "not json" }, "also not json")).toBeNull();
    expect(parseBlockAction({ action_id: "gw_field:goal", value: "x" }, undefined)).toBeNull();
    expect(parseBlockAction({ action_id: "gw_open_modal", value: JSON.stringify({ sessionId: "s", stepId: "t", version: 1 }) }, undefined)).toBeNull();
    expect(parseBlockAction(null as never, undefined)).toBeNull();
  });
});

describe("renderStepMessage", () => {
  const choiceStep = () =>
    stepView({
      fields: [
        field("yesNo", { id: "ready", label: "Klaar?", value: true }),
        field("singleChoice", { id: "mood" }),
        field("singleChoice", { id: "topic", options: options(8), value: "o4" }),
        field("date", { id: "when", value: "2025-03-04" }),
        field("time", { id: "at" }),
        field("pupil", { id: "who", options: pupils(30) }),
      ],
    });

  it("renders choices, dates and times as interactive elements named gw_field:<fieldId>", () => {
    const { text, blocks } = renderStepMessage(choiceStep());
    expect(text).toBe("Kindgesprek voorbereiden · Stap 2/7: Doelen");
    const fieldBlocks = blocks.filter((b): b is ActionsBlock => b.type === "actions" && b.block_id !== "gw_step_actions");
    expect(fieldBlocks).toHaveLength(6);
    const byField = Object.fromEntries(fieldBlocks.map((b) => [JSON.parse(b.block_id!).field, b.elements]));

    const ready = byField.ready as Button[];
    expect(ready.map((b) => [b.action_id, b.text.text, b.value, b.style])).toEqual([
      ["gw_field:ready:0", "Ja", "true", "primary"],
      ["gw_field:ready:1", "Nee", "false", undefined],
    ]);
    expect((byField.mood as Button[]).map((b) => b.value)).toEqual(["blij", "boos", "bang"]);
    expect(byField.topic?.[0]).toMatchObject({ type: "static_select", action_id: "gw_field:topic", initial_option: { value: "o4" } });
    expect(byField.when?.[0]).toMatchObject({ type: "datepicker", action_id: "gw_field:when", initial_date: "2025-03-04" });
    expect(byField.at?.[0]).toMatchObject({ type: "timepicker", action_id: "gw_field:at" });
    expect(byField.who?.[0]).toMatchObject({ type: "static_select", action_id: "gw_field:who" });
    // Each field's question precedes its elements.
    const readyIndex = blocks.findIndex((b) => b.type === "actions" && b.block_id?.includes('"field":"ready"'));
    expect(blocks[readyIndex - 1]).toMatchObject({ type: "section", text: { text: "*Klaar?*" } });

    const steps = blocks.at(-1) as ActionsBlock;
    expect(steps.block_id).toBe("gw_step_actions");
    expect((steps.elements as Button[]).map((b) => b.action_id)).toEqual(["gw_step_submit", "gw_step_back", "gw_step_skip", "gw_step_pause", "gw_step_cancel"]);
    expect(blocks.length).toBeLessThanOrEqual(50);
  });

  it("round-trips a click: button, select, datepicker and timepicker give one field's value", () => {
    const { blocks } = renderStepMessage(choiceStep());
    const blockOf = (fieldId: string) => blocks.find((b): b is ActionsBlock => b.type === "actions" && b.block_id?.includes(`"field":"${fieldId}"`) === true)!;

    const no = blockOf("ready").elements[1] as Button;
    const fromButton = parseBlockAction({ type: "button", action_id: no.action_id, block_id: blockOf("ready").block_id!, value: no.value! }, undefined);
    expect(fromButton).toEqual({ sessionId: "sess_123", stepId: "goals", version: 4, action: "submit", values: { ready: "false" } });

    const select = { type: "static_select", action_id: "gw_field:who", block_id: blockOf("who").block_id!, selected_option: { value: "pupil_7" } };
    expect(parseBlockAction(select, undefined)?.values).toEqual({ who: "pupil_7" });
    const date = { type: "datepicker", action_id: "gw_field:when", block_id: blockOf("when").block_id!, selected_date: "2025-04-01" };
    expect(parseBlockAction(date, undefined)?.values).toEqual({ when: "2025-04-01" });
    const time = { type: "timepicker", action_id: "gw_field:at", block_id: blockOf("at").block_id!, selected_time: "10:15" };
    expect(parseBlockAction(time, undefined)?.values).toEqual({ at: "10:15" });
    // A token passed in wins over the block id.
    expect(parseBlockAction(time, { sessionId: "other", stepId: "goals", version: 5 })).toMatchObject({ sessionId: "other", version: 5 });
    // The step buttons carry their own token.
    const pause = (blocks.at(-1) as ActionsBlock).elements.find((e) => e.action_id === "gw_step_pause") as Button;
    expect(parseBlockAction({ type: "button", action_id: pause.action_id, value: pause.value! }, undefined)).toMatchObject({ action: "pause", values: {} });
  });

  it("sends text, number and multi-choice fields to the modal with a gw_open_modal button", () => {
    const view = stepView({
      fields: [
        field("yesNo", { id: "ready", label: "Klaar?", required: true }),
        field("shortText", { id: "goal", label: "Doel", value: "Lezen" }),
        field("multiChoice", { id: "m", label: "Gevoel", required: true }),
      ],
    });
    const { blocks } = renderStepMessage(view);
    expect(blocks.some((b) => b.type === "actions" && b.elements.some((e) => e.action_id.startsWith("gw_field:ready")))).toBe(true);
    expect(blocks.some((b) => b.type === "input")).toBe(false);
    const listing = blocks.find((b) => b.type === "section" && b.text.text.startsWith("*In het formulier:*"));
    expect(listing?.type === "section" && listing.text.text).toBe("*In het formulier:*\n• Doel: _Lezen_\n• Gevoel (verplicht)");
    expect(textOf(blocks)).toContain("*Klaar?* (verplicht)");
    const steps = (blocks.at(-1) as ActionsBlock).elements as Button[];
    expect(steps[0]).toMatchObject({ action_id: "gw_open_modal", text: { text: "Invullen" }, style: "primary" });
    expect(parseStepToken(steps[0]!.value)).toEqual({ sessionId: "sess_123", stepId: "goals", version: 4 });
    expect(steps.map((b) => b.action_id)).not.toContain("gw_step_submit");
  });

  it("shows a field's error and raw input with its question", () => {
    const { blocks } = renderStepMessage(stepView({ fields: [field("date", { id: "d", label: "Wanneer?", raw: "31-02", error: "Geen datum." })] }));
    expect(textOf(blocks)).toContain("*Wanneer?*\n:warning: Geen datum. · Je typte: 31-02");
  });

  it("never exceeds 50 blocks: too many questions go to the form, info is dropped first", () => {
    const fields = Array.from({ length: 30 }, (_, i) => field("yesNo", { id: `q${i}` }));
    const long = "Eerdere afspraak met de leerling over het lezen en rekenen. ".repeat(50);
    const { blocks } = renderStepMessage(stepView({ fields, info: Array(60).fill(long) }));
    expect(blocks.length).toBeLessThanOrEqual(50);
    const text = textOf(blocks);
    expect(text).toContain("te veel vragen voor een bericht");
    expect(text).toContain("Niet alle informatie");
    expect((blocks.at(-1) as ActionsBlock).elements[0]?.action_id).toBe("gw_open_modal");

    const fits = renderStepMessage(stepView({ fields: fields.slice(0, 20), info: Array(40).fill(long) }));
    expect(fits.blocks.length).toBeLessThanOrEqual(50);
    expect(fits.blocks.filter((b) => b.type === "actions")).toHaveLength(21);
  });

  it("keeps button and option texts within 75 characters", () => {
    const longLabel = "Een heel lange keuze die niet op een knop past omdat hij zo lang is, echt waar";
    const { blocks } = renderStepMessage(
      stepView({
        fields: [
          field("singleChoice", { id: "a", options: options(3, () => longLabel) }),
          field("singleChoice", { id: "b", options: options(9, () => longLabel) }),
        ],
      }),
    );
    for (const b of blocks) {
      if (b.type !== "actions") continue;
      for (const e of b.elements) if (e.type === "button") expect(SLACK_TEXT_LENGTH(e.text.text)).toBeLessThanOrEqual(75);
    }
    for (const o of everyOption(blocks)) expect(o.text.text.length).toBeLessThanOrEqual(75);
  });
});

// A dialog step as an Adaptive Card (schema 1.5) for Microsoft Teams: every field kind as an
// input, pre-filled with what was typed (or stored), each error right under its input.
import type { FieldView, StepView, Submission } from "../../engine/types.js";
import { limitNote, progressLabel } from "../text.js";
import { renderText } from "../texts.js";
import { choiceInitial, numberInitial, pickerInitial, textInitial, typedRaw, yesNoInitial } from "../prefill.js";
import type {
  AdaptiveCard,
  CardElement,
  CardInput,
  ColumnSet,
  InputChoiceSet,
  InputDate,
  InputNumber,
  InputText,
  InputTime,
  RenderStepCardOptions,
  StepActionData,
  SubmitAction,
  TextBlock,
} from "./schema.js";

const SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json" as const;

/** Field ids are restricted by the definition schema, so `f_<id>` cannot collide with data keys. */
export const INPUT_PREFIX = "f_";

/** More options than this and an expanded list of radio buttons gets too long: a drop-down. */
const EXPANDED_MAX_OPTIONS = 5;

/**
 * How each action treats the card's inputs. A deliberate choice, because Teams sends nothing but
 * the action's `data` for `associatedInputs: "none"`:
 * - submit: sends and validates the inputs, of course.
 * - pause: sends the inputs too, so the engine keeps what was typed as a draft (answers that
 *   parse, raw text for the rest) and the card shows it again on resume. Nothing typed is lost.
 * - back: sends the inputs too, for the same reason: the engine keeps them as this step's draft
 *   before it goes back, so returning to this step shows them again.
 * - skip: "none". Skipping means "not now"; the step's answers are not wanted, and sending them
 *   would let client-side validation block a skip of a step whose required fields are empty.
 * - cancel: "none". The session ends; there is nothing to keep.
 * The price of sending inputs on pause/back: with client-side validation on (the default),
 * Teams refuses pause/back while a required field is empty, showing the field's errorMessage
 * under it. Render with `{ clientValidation: false }` to let them through always.
 */
const STEP_ACTIONS: { action: Submission["action"]; associatedInputs: "auto" | "none"; style?: "positive" | "destructive" }[] = [
  { action: "submit", associatedInputs: "auto", style: "positive" },
  { action: "back", associatedInputs: "auto" },
  { action: "skip", associatedInputs: "none" },
  { action: "pause", associatedInputs: "auto" },
  { action: "cancel", associatedInputs: "none", style: "destructive" },
];

export function renderStepCard(view: StepView, options: RenderStepCardOptions = {}): AdaptiveCard {
  const clientValidation = options.clientValidation ?? true;
  const body: CardElement[] = [header(view), ...titleBlocks(view)];

  if (view.intro?.trim()) body.push({ type: "TextBlock", text: view.intro.trim(), wrap: true });
  for (const line of view.info) {
    if (line.trim()) body.push({ type: "TextBlock", text: line.trim(), wrap: true, spacing: "small" });
  }
  const tips = view.tips.filter((tip) => tip.trim() !== "");
  if (tips.length) {
    body.push({
      type: "Container",
      style: "emphasis",
      items: tips.map((tip, i): TextBlock => ({ type: "TextBlock", text: `💡 ${tip.trim()}`, wrap: true, spacing: i === 0 ? "default" : "small" })),
    });
  }
  for (const error of view.errors) {
    if (error.trim()) body.push({ type: "TextBlock", text: error.trim(), color: "attention", weight: "bolder", wrap: true });
  }
  for (const field of view.fields) body.push(...fieldElements(view, field, clientValidation));

  const actions: SubmitAction[] = [];
  for (const spec of STEP_ACTIONS) {
    const title = view.actions[spec.action];
    if (title === undefined || title.trim() === "") continue;
    const action: SubmitAction = {
      type: "Action.Submit",
      title,
      data: actionData(view, spec.action),
      associatedInputs: spec.associatedInputs,
    };
    if (spec.style) action.style = spec.style;
    actions.push(action);
  }

  return {
    $schema: SCHEMA,
    type: "AdaptiveCard",
    version: "1.5",
    body,
    actions,
    fallbackText: `${view.dialogTitle} · ${progressLabel(view)}: ${view.title}`,
    msteams: { width: "Full" },
  };
}

/** The card's size as Teams receives it: its JSON in UTF-8 bytes. */
export function cardByteSize(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), "utf8");
}

function header(view: StepView): ColumnSet {
  return {
    type: "ColumnSet",
    columns: [
      { type: "Column", width: "stretch", items: [{ type: "TextBlock", text: view.dialogTitle, isSubtle: true, wrap: true }] },
      {
        type: "Column",
        width: "auto",
        items: [{ type: "TextBlock", text: progressLabel(view), isSubtle: true, horizontalAlignment: "right" }],
      },
    ],
  };
}

function titleBlocks(view: StepView): TextBlock[] {
  return [{ type: "TextBlock", text: view.title, size: "medium", weight: "bolder", wrap: true, style: "heading", spacing: "small" }];
}

function actionData(view: StepView, action: Submission["action"]): StepActionData {
  const data: StepActionData = { gw: "step", sessionId: view.sessionId, stepId: view.stepId, version: view.version, action };
  if (action === "submit") data.fields = view.fields.map((f) => f.id);
  return data;
}

/** The input for a field, then (if it has one) its error right under it, then its help text. */
function fieldElements(view: StepView, field: FieldView, clientValidation: boolean): CardElement[] {
  const lang = view.locale;
  const { input, rawShown } = fieldInput(view, field, clientValidation);

  const label = clientValidation || !field.required ? field.label : `${field.label} *`;
  input.label = label;
  if (field.required && clientValidation) {
    input.isRequired = true;
    input.errorMessage = renderText(lang, "render.fillThisIn");
  }
  if (input.type === "Input.Number" && (input.min !== undefined || input.max !== undefined)) {
    // Teams shows one errorMessage for every failed check of an input: name the range.
    input.errorMessage = renderText(lang, "render.numberRange", { min: input.min ?? "…", max: input.max ?? "…" });
  }

  const elements: CardElement[] = [input];
  const raw = field.raw?.trim();
  const typedNote = raw && !rawShown ? renderText(lang, "render.typed", { text: raw }) : undefined;
  if (field.error?.trim() || typedNote) {
    const text = [field.error?.trim(), typedNote].filter(Boolean).join(" · ");
    elements.push({ type: "TextBlock", text, color: "attention", wrap: true, spacing: "none" });
  }
  // The help text, and for text fields the limit the core checks, visible before anyone hits it.
  const notes = [field.help?.trim(), limitNote(lang, field)].filter(Boolean).join(" ");
  if (notes) elements.push({ type: "TextBlock", text: notes, isSubtle: true, size: "small", wrap: true, spacing: "none" });
  return elements;
}

/**
 * Builds the input and its pre-filled value (see ../prefill.ts). `rawShown` tells whether what
 * was typed is visible in the input; if not, the caller shows it next to the error.
 * Without client validation a number input has no range: the engine checks it on submit.
 */
function fieldInput(view: StepView, field: FieldView, clientValidation: boolean): { input: CardInput; rawShown: boolean } {
  const lang = view.locale;
  const id = INPUT_PREFIX + field.id;
  const raw = typedRaw(field.raw);

  switch (field.kind) {
    case "shortText":
    case "longText": {
      const input: InputText = { type: "Input.Text", id };
      if (field.kind === "longText") input.isMultiline = true;
      if (field.placeholder) input.placeholder = field.placeholder;
      const { value, rawShown } = textInitial(raw, field.value);
      if (value !== undefined) input.value = value;
      // The field's one limit; a raw answer refused for being too long must still fit whole, or
      // the card would cut it off unseen.
      if (field.maxLength) input.maxLength = Math.max(field.maxLength, input.value?.length ?? 0);
      return { input, rawShown };
    }
    case "number": {
      const input: InputNumber = { type: "Input.Number", id };
      if (field.placeholder) input.placeholder = field.placeholder;
      if (clientValidation && field.min !== undefined) input.min = field.min;
      if (clientValidation && field.max !== undefined) input.max = field.max;
      const limits = { integer: false, ...(input.min !== undefined ? { min: input.min } : {}), ...(input.max !== undefined ? { max: input.max } : {}) };
      const { value, rawShown } = numberInitial(raw, field.value, limits);
      if (value !== undefined) input.value = value;
      return { input, rawShown };
    }
    case "date": {
      const input: InputDate = { type: "Input.Date", id };
      const { value, rawShown } = pickerInitial("date", raw, field.value);
      if (value) input.value = value;
      return { input, rawShown };
    }
    case "time": {
      const input: InputTime = { type: "Input.Time", id };
      const { value, rawShown } = pickerInitial("time", raw, field.value);
      if (value) input.value = value;
      return { input, rawShown };
    }
    case "yesNo": {
      const input: InputChoiceSet = {
        type: "Input.ChoiceSet",
        id,
        style: "expanded",
        choices: [
          { title: renderText(lang, "render.yes"), value: "true" },
          { title: renderText(lang, "render.no"), value: "false" },
        ],
      };
      const { value, rawShown } = yesNoInitial(raw, field.value);
      if (value) input.value = value;
      return { input, rawShown };
    }
    case "singleChoice":
    case "multiChoice":
    case "pupil": {
      const options = field.options ?? [];
      const choices = options.map((o) => ({ title: o.icon ? `${o.icon} ${o.label}` : o.label, value: o.value }));
      const input: InputChoiceSet = { type: "Input.ChoiceSet", id, choices, wrap: true };
      if (field.kind === "pupil") input.style = "filtered";
      else input.style = options.length <= EXPANDED_MAX_OPTIONS ? "expanded" : "compact";
      if (field.kind === "multiChoice") input.isMultiSelect = true;
      if (input.style !== "expanded") input.placeholder = field.placeholder ?? renderText(lang, "render.choose");
      const known = new Set(options.map((o) => o.value));
      const { value, rawShown } = choiceInitial(raw, field.value, known, field.kind === "multiChoice");
      if (value) input.value = value.join(",");
      return { input, rawShown };
    }
  }
}

// Adaptive Card (schema 1.5) rendering of a dialog step for Microsoft Teams, and the parsing of
// what Teams sends back when an Action.Submit on such a card is pressed. Pure: no I/O.
import { SubmissionSchema, type FieldValue, type FieldView, type StepView, type Submission } from "../engine/types.js";
import { progressLabel } from "./text.js";
import { pickerInitial } from "./picker-values.js";

// ---------------------------------------------------------------------------------------------
// The parts of the Adaptive Card schema this renderer uses.

export type Spacing = "none" | "small" | "default" | "medium" | "large" | "extraLarge" | "padding";
export type TextColor = "default" | "dark" | "light" | "accent" | "good" | "warning" | "attention";

export interface TextBlock {
  type: "TextBlock";
  text: string;
  wrap?: boolean;
  size?: "small" | "default" | "medium" | "large" | "extraLarge";
  weight?: "lighter" | "default" | "bolder";
  color?: TextColor;
  isSubtle?: boolean;
  spacing?: Spacing;
  style?: "default" | "heading";
  horizontalAlignment?: "left" | "center" | "right";
}

export interface Container {
  type: "Container";
  items: CardElement[];
  style?: "default" | "emphasis" | "good" | "attention" | "warning" | "accent";
  spacing?: Spacing;
}

export interface Column {
  type: "Column";
  width: "auto" | "stretch";
  items: CardElement[];
  verticalContentAlignment?: "top" | "center" | "bottom";
}

export interface ColumnSet {
  type: "ColumnSet";
  columns: Column[];
  spacing?: Spacing;
}

export interface FactSet {
  type: "FactSet";
  facts: { title: string; value: string }[];
  spacing?: Spacing;
}

interface InputBase {
  /** `f_<fieldId>`: the key the value comes back under. */
  id: string;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
  spacing?: Spacing;
}

export interface InputText extends InputBase {
  type: "Input.Text";
  value?: string;
  placeholder?: string;
  maxLength?: number;
  isMultiline?: boolean;
}

export interface InputNumber extends InputBase {
  type: "Input.Number";
  value?: number;
  placeholder?: string;
  min?: number;
  max?: number;
}

export interface InputDate extends InputBase {
  type: "Input.Date";
  /** YYYY-MM-DD */
  value?: string;
  placeholder?: string;
}

export interface InputTime extends InputBase {
  type: "Input.Time";
  /** HH:MM */
  value?: string;
  placeholder?: string;
}

export interface InputChoiceSet extends InputBase {
  type: "Input.ChoiceSet";
  choices: { title: string; value: string }[];
  style?: "compact" | "expanded" | "filtered";
  isMultiSelect?: boolean;
  /** The chosen value; several values joined with "," for a multi-select. */
  value?: string;
  placeholder?: string;
  wrap?: boolean;
}

export type CardInput = InputText | InputNumber | InputDate | InputTime | InputChoiceSet;
export type CardElement = TextBlock | Container | ColumnSet | FactSet | CardInput;

/** The data every step action carries; Teams merges the inputs' values into it on submit. */
export interface StepActionData {
  gw: "step";
  sessionId: string;
  stepId: string;
  version: number;
  action: Submission["action"];
  /**
   * The card's field ids, on submit. Teams leaves emptied inputs out of the submission; a field
   * listed here but absent was emptied, so clearing an answer on a card really clears it.
   */
  fields?: string[];
}

export interface SubmitAction {
  type: "Action.Submit";
  title: string;
  data: StepActionData;
  style?: "default" | "positive" | "destructive";
  /** "auto": validate and send the card's inputs; "none": send only `data`. */
  associatedInputs?: "auto" | "none";
}

export interface AdaptiveCard {
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
  type: "AdaptiveCard";
  version: "1.5";
  body: CardElement[];
  actions?: SubmitAction[];
  /** Shown by hosts that cannot render the card, and in notifications. */
  fallbackText?: string;
  msteams?: { width: "Full" };
}

export interface RenderStepCardOptions {
  /**
   * Client-side validation (default true): required fields get `isRequired` + `errorMessage`
   * and numbers `min`/`max`, so Teams checks them before anything is sent. Because Adaptive
   * Cards validate every associated input of the pressed action, this also applies to "pause"
   * and "back", which send the inputs (see STEP_ACTIONS). With `false` nothing is checked in
   * the client (required labels get a plain " *"); the engine validates on submit and the
   * errors come back inline on the re-rendered card.
   */
  clientValidation?: boolean;
}

// ---------------------------------------------------------------------------------------------

const SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json" as const;

/** Field ids are restricted by the definition schema, so `f_<id>` cannot collide with data keys. */
const INPUT_PREFIX = "f_";
const FIELD_ID = /^[a-zA-Z][a-zA-Z0-9_]*$/;

/** More options than this and an expanded list of radio buttons gets too long: a drop-down. */
const EXPANDED_MAX_OPTIONS = 5;

const TEXTS = {
  nl: {
    yes: "Ja",
    no: "Nee",
    required: "Vul dit in.",
    numberRange: (min: string, max: string) => `Vul een getal in van ${min} tot en met ${max}.`,
    choose: "Kies…",
    typed: "Je typte",
    nothingFilledIn: "Niets ingevuld.",
  },
  en: {
    yes: "Yes",
    no: "No",
    required: "Please fill this in.",
    numberRange: (min: string, max: string) => `Enter a number from ${min} to ${max}.`,
    choose: "Choose…",
    typed: "You typed",
    nothingFilledIn: "Nothing filled in.",
  },
} as const;

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

/**
 * The read-only version of a step that replaces its card after submission: header, title and
 * the answers as facts. No inputs, no actions, so nothing on it can be pressed twice.
 */
export function renderCompletedStepCard(view: StepView, summary: { label: string; value: string }[]): AdaptiveCard {
  const body: CardElement[] = [header(view), ...titleBlocks(view)];
  const facts = summary.filter((fact) => fact.label.trim() !== "");
  if (facts.length) {
    body.push({ type: "FactSet", facts: facts.map((fact) => ({ title: fact.label, value: fact.value.trim() || "—" })) });
  } else {
    body.push({ type: "TextBlock", text: TEXTS[view.locale].nothingFilledIn, isSubtle: true, wrap: true });
  }
  return {
    $schema: SCHEMA,
    type: "AdaptiveCard",
    version: "1.5",
    body,
    fallbackText: `${view.dialogTitle} · ${progressLabel(view)}: ${view.title}`,
    msteams: { width: "Full" },
  };
}

/**
 * Reads the `value` of a Teams Action.Submit activity: the action's `data` merged with the
 * inputs' values keyed `f_<fieldId>`. An `msteams` member (Teams' own wrapping) is ignored.
 * Returns null for anything that is not a well-formed step submission. Values are passed on as
 * Teams sent them (strings; a multi-select as "a,b"): the engine parses them.
 */
export function parseCardSubmission(data: unknown): Submission | null {
  if (!isPlainObject(data)) return null;
  if (data.gw !== "step") return null;
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!key.startsWith(INPUT_PREFIX)) continue;
    const fieldId = key.slice(INPUT_PREFIX.length);
    if (FIELD_ID.test(fieldId)) values[fieldId] = value;
  }
  if (data.action === "submit" && Array.isArray(data.fields)) {
    for (const id of data.fields) if (typeof id === "string" && FIELD_ID.test(id) && !(id in values)) values[id] = "";
  }
  const parsed = SubmissionSchema.safeParse({
    sessionId: data.sessionId,
    stepId: data.stepId,
    version: typeof data.version === "number" || typeof data.version === "string" ? data.version : undefined,
    action: data.action,
    values,
  });
  return parsed.success ? parsed.data : null;
}

/** The card's size as Teams receives it: its JSON in UTF-8 bytes. */
export function cardByteSize(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), "utf8");
}

// ---------------------------------------------------------------------------------------------

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
  const t = TEXTS[view.locale];
  const { input, rawShown } = fieldInput(view, field);

  const label = clientValidation || !field.required ? field.label : `${field.label} *`;
  input.label = label;
  if (field.required && clientValidation) {
    input.isRequired = true;
    input.errorMessage = t.required;
  }
  if (input.type === "Input.Number" && (input.min !== undefined || input.max !== undefined)) {
    if (clientValidation) {
      // Teams shows one errorMessage for every failed check of an input: name the range.
      input.errorMessage = t.numberRange(input.min !== undefined ? String(input.min) : "…", input.max !== undefined ? String(input.max) : "…");
    } else {
      delete input.min;
      delete input.max;
    }
  }

  const elements: CardElement[] = [input];
  const raw = field.raw?.trim();
  const typedNote = raw && !rawShown ? `${t.typed}: ${raw}` : undefined;
  if (field.error?.trim() || typedNote) {
    const text = [field.error?.trim(), typedNote].filter(Boolean).join(" · ");
    elements.push({ type: "TextBlock", text, color: "attention", wrap: true, spacing: "none" });
  }
  if (field.help?.trim()) {
    elements.push({ type: "TextBlock", text: field.help.trim(), isSubtle: true, size: "small", wrap: true, spacing: "none" });
  }
  return elements;
}

/**
 * Builds the input and its pre-filled value: what the teacher typed last (`raw`) if the input
 * can hold it, else the stored value. `rawShown` tells whether `raw` is visible in the input;
 * if not, the caller shows it next to the error so it is not lost.
 */
function fieldInput(view: StepView, field: FieldView): { input: CardInput; rawShown: boolean } {
  const t = TEXTS[view.locale];
  const id = INPUT_PREFIX + field.id;
  const raw = field.raw !== undefined && field.raw.trim() !== "" ? field.raw : undefined;

  switch (field.kind) {
    case "shortText":
    case "longText": {
      const input: InputText = { type: "Input.Text", id };
      if (field.kind === "longText") input.isMultiline = true;
      if (field.placeholder) input.placeholder = field.placeholder;
      const value = raw ?? asText(field.value);
      if (value !== undefined && value !== "") input.value = value;
      // A raw answer refused for being too long must still fit, or it would be cut off unseen.
      if (field.maxLength) input.maxLength = Math.max(field.maxLength, input.value?.length ?? 0);
      return { input, rawShown: raw !== undefined };
    }
    case "number": {
      const input: InputNumber = { type: "Input.Number", id };
      if (field.placeholder) input.placeholder = field.placeholder;
      if (field.min !== undefined) input.min = field.min;
      if (field.max !== undefined) input.max = field.max;
      const fromRaw = raw !== undefined ? parseNumber(raw) : undefined;
      const value = fromRaw ?? (typeof field.value === "number" ? field.value : parseNumber(asText(field.value)));
      if (value !== undefined) input.value = value;
      return { input, rawShown: raw !== undefined && fromRaw !== undefined && String(fromRaw) === raw.trim() };
    }
    case "date":
    case "time": {
      const { value, rawShown } = pickerInitial(field.kind, raw, asText(field.value));
      const input: InputDate | InputTime = { type: field.kind === "date" ? "Input.Date" : "Input.Time", id } as InputDate | InputTime;
      if (value) input.value = value;
      return { input, rawShown };
    }
    case "yesNo": {
      const input: InputChoiceSet = {
        type: "Input.ChoiceSet",
        id,
        style: "expanded",
        choices: [
          { title: t.yes, value: "true" },
          { title: t.no, value: "false" },
        ],
      };
      const fromRaw = raw !== undefined ? yesNoValue(raw) : undefined;
      const value = fromRaw ?? yesNoValue(field.value);
      if (value) input.value = value;
      return { input, rawShown: fromRaw !== undefined };
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
      if (input.style !== "expanded") input.placeholder = field.placeholder ?? t.choose;
      const known = new Set(options.map((o) => o.value));
      const multi = field.kind === "multiChoice";
      const fromRaw = raw !== undefined ? choiceValue(raw, known, multi) : undefined;
      const value = fromRaw ?? choiceValue(field.value, known, multi);
      if (value) input.value = value;
      return { input, rawShown: fromRaw !== undefined };
    }
  }
}

function asText(value: FieldValue | undefined): string | undefined {
  if (value == null) return undefined;
  if (Array.isArray(value)) return value.join(",");
  return String(value);
}

function parseNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim().replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

function yesNoValue(value: FieldValue | undefined): "true" | "false" | undefined {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value !== "string") return undefined;
  const v = value.trim().toLowerCase();
  if (["true", "ja", "j", "yes", "y"].includes(v)) return "true";
  if (["false", "nee", "n", "no"].includes(v)) return "false";
  return undefined;
}

/** The ChoiceSet value for known option values ("a" or "a,b"); undefined if any is unknown. */
function choiceValue(value: FieldValue | undefined, known: Set<string>, multi: boolean): string | undefined {
  if (value == null || typeof value === "boolean") return undefined;
  const parts = (Array.isArray(value) ? value : String(value).split(",")).map((v) => v.trim()).filter((v) => v !== "");
  if (parts.length === 0 || (!multi && parts.length > 1)) return undefined;
  if (!parts.every((v) => known.has(v))) return undefined;
  return parts.join(",");
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

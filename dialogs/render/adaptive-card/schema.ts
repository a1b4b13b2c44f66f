// The parts of the Adaptive Card schema (1.5) the renderers use. Types only.
import type { Submission } from "../../engine/types.js";

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

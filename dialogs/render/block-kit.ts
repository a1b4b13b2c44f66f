// Slack Block Kit rendering of a dialog step: a modal (every field kind), a DM message (choices,
// dates and times as interactive elements; a button opening the modal for text), and the
// parsing of what Slack sends back. Pure: no I/O, no Slack SDK types (they stay in the adapter).
import { SubmissionSchema, type FieldValue, type FieldView, type StepView, type Submission } from "../engine/types.js";
import { progressLabel } from "./text.js";
import { hhmm, isoDate, pickerInitial } from "./picker-values.js";

// ---------------------------------------------------------------------------------------------
// The parts of Block Kit this renderer uses.

export interface PlainText {
  type: "plain_text";
  text: string;
  emoji?: boolean;
}
export interface Mrkdwn {
  type: "mrkdwn";
  text: string;
}
export interface SlackOption {
  text: PlainText;
  value: string;
}
export interface SlackOptionGroup {
  label: PlainText;
  options: SlackOption[];
}

export interface PlainTextInput {
  type: "plain_text_input";
  action_id: string;
  initial_value?: string;
  multiline?: boolean;
  max_length?: number;
  placeholder?: PlainText;
}
export interface NumberInput {
  type: "number_input";
  action_id: string;
  is_decimal_allowed: boolean;
  initial_value?: string;
  min_value?: string;
  max_value?: string;
  placeholder?: PlainText;
}
export interface DatePicker {
  type: "datepicker";
  action_id: string;
  /** YYYY-MM-DD */
  initial_date?: string;
  placeholder?: PlainText;
}
export interface TimePicker {
  type: "timepicker";
  action_id: string;
  /** HH:mm */
  initial_time?: string;
  placeholder?: PlainText;
}
export interface RadioButtons {
  type: "radio_buttons";
  action_id: string;
  options: SlackOption[];
  initial_option?: SlackOption;
}
export interface Checkboxes {
  type: "checkboxes";
  action_id: string;
  options: SlackOption[];
  initial_options?: SlackOption[];
}
export interface StaticSelect {
  type: "static_select";
  action_id: string;
  options?: SlackOption[];
  option_groups?: SlackOptionGroup[];
  initial_option?: SlackOption;
  placeholder?: PlainText;
}
export interface MultiStaticSelect {
  type: "multi_static_select";
  action_id: string;
  options?: SlackOption[];
  option_groups?: SlackOptionGroup[];
  initial_options?: SlackOption[];
  placeholder?: PlainText;
}
export interface Button {
  type: "button";
  action_id: string;
  text: PlainText;
  value?: string;
  style?: "primary" | "danger";
}

export type InputElement =
  | PlainTextInput
  | NumberInput
  | DatePicker
  | TimePicker
  | RadioButtons
  | Checkboxes
  | StaticSelect
  | MultiStaticSelect;
export type ActionElement = Button | StaticSelect | DatePicker | TimePicker;

export interface HeaderBlock {
  type: "header";
  text: PlainText;
  block_id?: string;
}
export interface SectionBlock {
  type: "section";
  text: Mrkdwn;
  block_id?: string;
}
export interface ContextBlock {
  type: "context";
  elements: (Mrkdwn | PlainText)[];
  block_id?: string;
}
export interface InputBlock {
  type: "input";
  block_id: string;
  label: PlainText;
  element: InputElement;
  hint?: PlainText;
  optional?: boolean;
}
export interface ActionsBlock {
  type: "actions";
  elements: ActionElement[];
  block_id?: string;
}
export type Block = HeaderBlock | SectionBlock | ContextBlock | InputBlock | ActionsBlock;

export interface SlackModalView {
  type: "modal";
  callback_id: string;
  title: PlainText;
  submit: PlainText;
  close: PlainText;
  /** JSON StepToken. */
  private_metadata: string;
  /** Slack then sends view_closed when the teacher closes the modal, so the adapter knows. */
  notify_on_close: boolean;
  blocks: Block[];
}

/** Which session, step and version a modal or a message belongs to. */
export interface StepToken {
  sessionId: string;
  stepId: string;
  version: number;
}

// ---------------------------------------------------------------------------------------------
// Slack's limits (characters, or items).

export const SLACK_LIMITS = {
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  modalBlocks: 100,
  messageBlocks: 50,
  blockId: 255,
  headerText: 150,
  sectionText: 3000,
  contextText: 2000,
  contextElements: 10,
  label: 2000,
  hint: 2000,
  placeholder: 150,
  optionText: 75,
  optionValue: 150,
  optionGroupLabel: 75,
  buttonText: 75,
  buttonValue: 2000,
  plainTextInput: 3000,
  radioOptions: 10,
  checkboxOptions: 10,
  selectOptions: 100,
  selectOptionGroups: 100,
  actionsElements: 25,
  /** Slack truncates a message's `text` far later; this keeps notifications short. */
  fallbackText: 3000,
} as const;

/** Buttons (one per option) for a yes/no or a choice with at most this many options, in a message. */
const MESSAGE_BUTTON_MAX_OPTIONS = 5;

const INPUT_PREFIX = "f_";
const FIELD_ID = /^[a-zA-Z][a-zA-Z0-9_]*$/;
/** The element inside each input block: one per block, so one fixed action id. */
const VALUE_ACTION_ID = "value";
const STEP_ACTIONS_BLOCK_ID = "gw_step_actions";
export const OPEN_MODAL_ACTION_ID = "gw_open_modal";
export const FIELD_ACTION_PREFIX = "gw_field:";
export const STEP_ACTION_PREFIX = "gw_step_";

const TEXTS = {
  nl: {
    yes: "Ja",
    no: "Nee",
    choose: "Kies…",
    typed: "Je typte",
    omitted: "Niet alle informatie bij deze stap past hier; een deel is weggelaten.",
    openForm: "Invullen",
    inForm: "In het formulier",
    tooManyFields: "Deze stap heeft te veel vragen voor een bericht: vul ze in het formulier in.",
    required: "(verplicht)",
  },
  en: {
    yes: "Yes",
    no: "No",
    choose: "Choose…",
    typed: "You typed",
    omitted: "Not all information for this step fits here; part of it was left out.",
    openForm: "Fill in",
    inForm: "In the form",
    tooManyFields: "This step has too many questions for a message: fill them in in the form.",
    required: "(required)",
  },
} as const;

type Texts = (typeof TEXTS)[StepView["locale"]];

// ---------------------------------------------------------------------------------------------
// Modal

/**
 * The step as a modal. Every field is one input block (`block_id` `f_<fieldId>`, element
 * `action_id` "value"). Back, skip and pause are buttons in a last actions block; their
 * block_actions payload carries `view.state`, so pass it to parseBlockAction to keep what was
 * typed (pause and back keep it, like on Teams). "close" is labelled with the pause label:
 * `notify_on_close` makes Slack report it (view_closed, carrying the modal's state), and closing
 * a modal, by the button or by Slack's ×, must never throw away a dialog — it pauses it.
 * Throws a RangeError when the fields alone do not fit in Slack's 100 blocks.
 */
export function renderStepModal(view: StepView, options: { callbackId?: string } = {}): SlackModalView {
  const t = TEXTS[view.locale];
  const token = stepToken(view);
  const privateMetadata = JSON.stringify(token);
  if (privateMetadata.length > SLACK_LIMITS.privateMetadata) {
    throw new RangeError("step token too long for Slack's private_metadata");
  }

  const essentialsBefore: Block[] = [headerBlock(view), progressContext(view)];
  const essentialsAfter: Block[] = [];
  const errors = stepErrorsBlock(view);
  if (errors) essentialsAfter.push(errors);
  for (const field of view.fields) essentialsAfter.push(inputBlock(view, field));
  const buttons = stepButtons(view, token, ["back", "skip", "pause"]);
  if (buttons.length) essentialsAfter.push({ type: "actions", block_id: STEP_ACTIONS_BLOCK_ID, elements: buttons });

  const room = SLACK_LIMITS.modalBlocks - essentialsBefore.length - essentialsAfter.length;
  if (room < 0) throw new RangeError(`step ${view.stepId} has too many fields for a Slack modal`);
  const middle = fitOptionalBlocks(view, t, room);

  const callbackId = options.callbackId ?? "gw_step";
  return {
    type: "modal",
    callback_id: callbackId.slice(0, SLACK_LIMITS.callbackId),
    title: plain(view.dialogTitle, SLACK_LIMITS.modalTitle),
    submit: plain(view.actions.submit, SLACK_LIMITS.modalButton),
    close: plain(view.actions.pause, SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    notify_on_close: true,
    blocks: [...essentialsBefore, ...middle, ...essentialsAfter],
  };
}

/**
 * Field errors for `response_action: "errors"`: `f_<fieldId>` → message, shown by Slack under
 * the input (the typed input stays in the modal). Only fields with an error; step errors have
 * no input to attach to: for those, update the view with renderStepModal.
 */
export function modalErrors(view: StepView): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of view.fields) {
    if (field.error?.trim()) errors[INPUT_PREFIX + field.id] = field.error.trim();
  }
  return errors;
}

/** A view_submission's view: the step from private_metadata, each field's value from state. */
export function parseModalSubmission(view: {
  private_metadata: string;
  state: { values: Record<string, Record<string, unknown>> };
}): Submission | null {
  if (!isObject(view)) return null;
  const token = parseStepToken(view.private_metadata);
  if (!token) return null;
  const values = readModalState(view.state);
  if (!values) return null;
  return validSubmission({ ...token, action: "submit", values });
}

/**
 * The values in a modal's `state` (view_submission, or block_actions inside a modal), keyed by
 * field id. Empty inputs come back as "" (or [] for checkboxes and multi-selects), so clearing
 * an answer is visible to the engine. Null when the state is not shaped like Slack's.
 */
export function readModalState(state: unknown): Record<string, unknown> | null {
  if (!isObject(state) || !isObject(state.values)) return null;
  const values: Record<string, unknown> = {};
  for (const [blockId, elements] of Object.entries(state.values)) {
    if (!blockId.startsWith(INPUT_PREFIX) || !isObject(elements)) continue;
    const fieldId = blockId.slice(INPUT_PREFIX.length);
    if (!FIELD_ID.test(fieldId)) continue;
    const element = elements[VALUE_ACTION_ID];
    if (!isObject(element)) continue;
    const value = elementValue(element);
    if (value !== undefined) values[fieldId] = value;
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// Message

/**
 * The step as a DM message (at most 50 blocks). Choices, yes/no, dates, times and pupils are
 * interactive elements in actions blocks: one click sends that one field (parseBlockAction).
 * Their action_id is `gw_field:<fieldId>`, and `gw_field:<fieldId>:<n>` for the n-th button of
 * a field (Slack wants action ids unique within a block). Each such actions block's block_id is
 * the JSON step token plus `field`, so an action can be traced to its step without state.
 * Text, number and multi-choice fields cannot be answered in a message: they are listed, and a
 * `gw_open_modal` button (value: the JSON step token) takes the place of the submit button.
 */
export function renderStepMessage(view: StepView): { text: string; blocks: Block[] } {
  const t = TEXTS[view.locale];
  const token = stepToken(view);

  const inline = view.fields.filter(answerableInMessage);
  const formOnly = view.fields.filter((f) => !answerableInMessage(f));

  const build = (inlineFields: FieldView[], modalFields: FieldView[], note?: string): Block[] => {
    const blocks: Block[] = [];
    const errors = stepErrorsBlock(view);
    if (errors) blocks.push(errors);
    if (note) blocks.push({ type: "context", elements: [mrkdwn(`_${escapeMrkdwn(note)}_`, SLACK_LIMITS.contextText)] });
    for (const field of inlineFields) blocks.push(...messageFieldBlocks(view, token, field));
    if (modalFields.length) blocks.push(formFieldsSection(view, t, modalFields));
    const buttons: Button[] = [];
    if (modalFields.length) {
      buttons.push({
        type: "button",
        action_id: OPEN_MODAL_ACTION_ID,
        text: plain(t.openForm, SLACK_LIMITS.buttonText),
        value: JSON.stringify(token),
        style: "primary",
      });
      buttons.push(...stepButtons(view, token, ["back", "skip", "pause", "cancel"]));
    } else {
      buttons.push(...stepButtons(view, token, ["submit", "back", "skip", "pause", "cancel"]));
    }
    if (buttons.length) blocks.push({ type: "actions", block_id: STEP_ACTIONS_BLOCK_ID, elements: buttons });
    return blocks;
  };

  const before: Block[] = [headerBlock(view), progressContext(view)];
  let after = build(inline, formOnly);
  if (before.length + after.length > SLACK_LIMITS.messageBlocks) {
    // Too many questions for one message: all of them go to the form.
    after = build([], view.fields, t.tooManyFields);
  }
  const room = SLACK_LIMITS.messageBlocks - before.length - after.length;
  const middle = fitOptionalBlocks(view, t, Math.max(0, room));

  const fallback = `${view.dialogTitle} · ${progressLabel(view)}: ${view.title}`;
  return { text: truncate(fallback, SLACK_LIMITS.fallbackText), blocks: [...before, ...middle, ...after] };
}

/**
 * A block_actions action as a submission:
 * - `gw_step_<action>` buttons: the step from the button's value (else from `stepToken`), no
 *   values — except that when `modalState` (the payload's `view.state`) is given, "back",
 *   "pause" and "submit" carry the modal's current values, so nothing typed is lost.
 * - `gw_field:<fieldId>[:<n>]` elements: one field's value, action "submit"; the step from
 *   `stepToken` (a StepToken or its JSON, e.g. a modal's private_metadata) or else the block_id.
 * Anything else (including `gw_open_modal`, see parseStepToken) gives null.
 */
export function parseBlockAction(
  action: {
    action_id: string;
    block_id?: string;
    type?: string;
    value?: string;
    selected_option?: { value: string } | null;
    selected_options?: { value: string }[] | null;
    selected_date?: string | null;
    selected_time?: string | null;
  },
  stepToken: unknown,
  modalState?: unknown,
): Submission | null {
  if (!isObject(action) || typeof action.action_id !== "string") return null;
  const id = action.action_id;

  const step = /^gw_step_(submit|back|skip|pause|cancel)$/.exec(id);
  if (step) {
    const kind = step[1] as Submission["action"];
    const token = parseStepToken(action.value) ?? parseStepToken(stepToken);
    if (!token) return null;
    let values: Record<string, unknown> = {};
    if (modalState !== undefined && (kind === "back" || kind === "pause" || kind === "submit")) {
      values = readModalState(modalState) ?? {};
    }
    return validSubmission({ ...token, action: kind, values });
  }

  const field = /^gw_field:([a-zA-Z][a-zA-Z0-9_]*)(?::\d+)?$/.exec(id);
  if (field) {
    const fieldId = field[1] as string;
    const token = parseStepToken(stepToken) ?? parseStepToken(action.block_id);
    if (!token) return null;
    const value = elementValue(action);
    if (value === undefined) return null;
    return validSubmission({ ...token, action: "submit", values: { [fieldId]: value } });
  }
  return null;
}

/**
 * A StepToken from an object or its JSON (private_metadata, a button's value, a field's
 * block_id); extra members are ignored. Null when it is not one.
 */
export function parseStepToken(input: unknown): StepToken | null {
  let value = input;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!isObject(value)) return null;
  const parsed = SubmissionSchema.pick({ sessionId: true, stepId: true, version: true }).safeParse({
    sessionId: value.sessionId,
    stepId: value.stepId,
    version: typeof value.version === "number" || typeof value.version === "string" ? value.version : undefined,
  });
  return parsed.success ? parsed.data : null;
}

// ---------------------------------------------------------------------------------------------
// Blocks shared by modal and message

function stepToken(view: StepView): StepToken {
  return { sessionId: view.sessionId, stepId: view.stepId, version: view.version };
}

function headerBlock(view: StepView): HeaderBlock {
  return { type: "header", text: plain(view.title, SLACK_LIMITS.headerText) };
}

/** The dialog's full title (the modal's own title is cut at 24 characters) and "Stap 2/7". */
function progressContext(view: StepView): ContextBlock {
  return {
    type: "context",
    elements: [mrkdwn(`${escapeMrkdwn(oneLine(view.dialogTitle))} · ${progressLabel(view)}`, SLACK_LIMITS.contextText)],
  };
}

function stepErrorsBlock(view: StepView): SectionBlock | undefined {
  const errors = view.errors.map((e) => e.trim()).filter((e) => e !== "");
  if (!errors.length) return undefined;
  const text = errors.map((e) => `:warning: *${escapeMrkdwn(oneLine(e))}*`).join("\n");
  return { type: "section", text: mrkdwn(text, SLACK_LIMITS.sectionText) };
}

/**
 * Intro, tips and info lines in the room that is left, in that order of importance: info lines
 * are dropped first, then tips, then the intro; when anything is dropped a context block says so.
 */
function fitOptionalBlocks(view: StepView, t: Texts, room: number): Block[] {
  const intro: Block[] = view.intro?.trim() ? [{ type: "section", text: mrkdwn(escapeMrkdwn(view.intro.trim()), SLACK_LIMITS.sectionText) }] : [];
  const info: Block[] = infoSections(view.info);
  const tips: Block[] = view.tips
    .map((tip) => tip.trim())
    .filter((tip) => tip !== "")
    .map((tip): Block => ({ type: "context", elements: [mrkdwn(`:bulb: ${escapeMrkdwn(tip)}`, SLACK_LIMITS.contextText)] }));

  const wanted = intro.length + info.length + tips.length;
  if (wanted <= room) return [...intro, ...info, ...tips];

  // Keep by importance (intro, tips, info) in room - 1, the last block being the note.
  let left = Math.max(0, room - 1);
  const take = (blocks: Block[]) => {
    const kept = blocks.slice(0, left);
    left -= kept.length;
    return kept;
  };
  const keptIntro = take(intro);
  const keptTips = take(tips);
  const keptInfo = take(info);
  const note: Block[] =
    room >= 1 ? [{ type: "context", elements: [mrkdwn(`_${escapeMrkdwn(t.omitted)}_`, SLACK_LIMITS.contextText)] }] : [];
  return [...keptIntro, ...keptInfo, ...note, ...keptTips];
}

/** Info lines as bullets, packed into as few sections as Slack's 3000 characters allow. */
function infoSections(lines: string[]): SectionBlock[] {
  const sections: SectionBlock[] = [];
  let current = "";
  for (const line of lines) {
    const trimmed = oneLine(line);
    if (!trimmed) continue;
    const bullet = truncate(`• ${escapeMrkdwn(trimmed)}`, SLACK_LIMITS.sectionText);
    if (current && current.length + 1 + bullet.length > SLACK_LIMITS.sectionText) {
      sections.push({ type: "section", text: mrkdwn(current, SLACK_LIMITS.sectionText) });
      current = "";
    }
    current = current ? `${current}\n${bullet}` : bullet;
  }
  if (current) sections.push({ type: "section", text: mrkdwn(current, SLACK_LIMITS.sectionText) });
  return sections;
}

function stepButtons(view: StepView, token: StepToken, actions: Submission["action"][]): Button[] {
  const buttons: Button[] = [];
  for (const action of actions) {
    const label = view.actions[action];
    if (label === undefined || label.trim() === "") continue;
    const button: Button = {
      type: "button",
      action_id: `${STEP_ACTION_PREFIX}${action}`,
      text: plain(label, SLACK_LIMITS.buttonText),
      value: JSON.stringify({ ...token, action }),
    };
    if (action === "submit") button.style = "primary";
    if (action === "cancel") button.style = "danger";
    buttons.push(button);
  }
  return buttons;
}

// ---------------------------------------------------------------------------------------------
// Modal inputs

function inputBlock(view: StepView, field: FieldView): InputBlock {
  const t = TEXTS[view.locale];
  const { element, rawShown } = inputElement(view, field);
  const block: InputBlock = {
    type: "input",
    block_id: INPUT_PREFIX + field.id,
    label: plain(field.label, SLACK_LIMITS.label),
    element,
    optional: !field.required,
  };
  // The hint carries, in this order: the field's error (with what was typed, when the element
  // cannot show it), then the help text. response_action "errors" shows errors too, but a
  // freshly opened or updated view only has the hint.
  const raw = field.raw?.trim();
  const problem = [field.error?.trim(), raw && !rawShown ? `${t.typed}: ${oneLine(raw)}` : undefined].filter(Boolean).join(" · ");
  const hint = [problem ? `⚠️ ${problem}` : "", field.help?.trim() ?? ""].filter((s) => s !== "").join("\n");
  if (hint) block.hint = plain(hint, SLACK_LIMITS.hint);
  return block;
}

function inputElement(view: StepView, field: FieldView): { element: InputElement; rawShown: boolean } {
  const t = TEXTS[view.locale];
  const raw = field.raw !== undefined && field.raw.trim() !== "" ? field.raw : undefined;
  const action_id = VALUE_ACTION_ID;

  switch (field.kind) {
    case "shortText":
    case "longText": {
      const element: PlainTextInput = { type: "plain_text_input", action_id };
      if (field.kind === "longText") element.multiline = true;
      if (field.placeholder?.trim()) element.placeholder = plain(field.placeholder, SLACK_LIMITS.placeholder);
      const initial = raw ?? asText(field.value);
      if (initial !== undefined && initial !== "") element.initial_value = initial.slice(0, SLACK_LIMITS.plainTextInput);
      if (field.maxLength) {
        // A raw answer refused for being too long must still fit in the input.
        const needed = Math.max(field.maxLength, element.initial_value?.length ?? 0);
        element.max_length = Math.min(needed, SLACK_LIMITS.plainTextInput);
      }
      return { element, rawShown: raw !== undefined && raw.length <= SLACK_LIMITS.plainTextInput };
    }
    case "number": {
      const element: NumberInput = { type: "number_input", action_id, is_decimal_allowed: false };
      if (field.placeholder?.trim()) element.placeholder = plain(field.placeholder, SLACK_LIMITS.placeholder);
      const hasRange = field.min === undefined || field.max === undefined || field.min <= field.max;
      if (hasRange && field.min !== undefined) element.min_value = String(field.min);
      if (hasRange && field.max !== undefined) element.max_value = String(field.max);
      const fits = (n: number | undefined): n is number =>
        n !== undefined &&
        Number.isInteger(n) &&
        (element.min_value === undefined || n >= Number(element.min_value)) &&
        (element.max_value === undefined || n <= Number(element.max_value));
      const fromRaw = raw !== undefined ? parseInteger(raw) : undefined;
      const stored = typeof field.value === "number" ? field.value : parseInteger(asText(field.value));
      const initial = fits(fromRaw) ? fromRaw : fits(stored) ? stored : undefined;
      if (initial !== undefined) element.initial_value = String(initial);
      return { element, rawShown: fits(fromRaw) && String(fromRaw) === raw?.trim() };
    }
    case "date": {
      const element: DatePicker = { type: "datepicker", action_id };
      const { value, rawShown } = pickerInitial("date", raw, asText(field.value));
      if (value) element.initial_date = value;
      return { element, rawShown };
    }
    case "time": {
      const element: TimePicker = { type: "timepicker", action_id };
      const { value, rawShown } = pickerInitial("time", raw, asText(field.value));
      if (value) element.initial_time = value;
      return { element, rawShown };
    }
    case "yesNo": {
      const options = yesNoOptions(t);
      const element: RadioButtons = { type: "radio_buttons", action_id, options };
      const fromRaw = raw !== undefined ? yesNoValue(raw) : undefined;
      const chosen = fromRaw ?? yesNoValue(field.value);
      const initial = options.find((o) => o.value === chosen);
      if (initial) element.initial_option = initial;
      return { element, rawShown: fromRaw !== undefined };
    }
    case "singleChoice":
    case "pupil": {
      const options = choiceOptions(field);
      // Slack refuses a select without options: let the teacher type instead.
      if (options.length === 0) return inputElement(view, { ...field, kind: "shortText" });
      const fromRaw = raw !== undefined ? chosenValues(raw, options, false) : undefined;
      const chosen = fromRaw ?? chosenValues(field.value, options, false);
      const initial = chosen ? options.find((o) => o.value === chosen[0]) : undefined;
      if (field.kind === "singleChoice" && options.length <= SLACK_LIMITS.radioOptions) {
        const element: RadioButtons = { type: "radio_buttons", action_id, options };
        if (initial) element.initial_option = initial;
        return { element, rawShown: fromRaw !== undefined };
      }
      const element: StaticSelect = { type: "static_select", action_id, placeholder: plain(field.placeholder ?? t.choose, SLACK_LIMITS.placeholder) };
      setSelectOptions(element, options);
      if (initial) element.initial_option = initial;
      return { element, rawShown: fromRaw !== undefined };
    }
    case "multiChoice": {
      const options = choiceOptions(field);
      if (options.length === 0) return inputElement(view, { ...field, kind: "shortText" });
      const fromRaw = raw !== undefined ? chosenValues(raw, options, true) : undefined;
      const chosen = fromRaw ?? chosenValues(field.value, options, true);
      const initial = chosen ? options.filter((o) => chosen.includes(o.value)) : [];
      if (options.length <= SLACK_LIMITS.checkboxOptions) {
        const element: Checkboxes = { type: "checkboxes", action_id, options };
        if (initial.length) element.initial_options = initial;
        return { element, rawShown: fromRaw !== undefined };
      }
      const element: MultiStaticSelect = {
        type: "multi_static_select",
        action_id,
        placeholder: plain(field.placeholder ?? t.choose, SLACK_LIMITS.placeholder),
      };
      setSelectOptions(element, options);
      if (initial.length) element.initial_options = initial;
      return { element, rawShown: fromRaw !== undefined };
    }
  }
}

/** Up to 100 options directly; more in groups of 100 (Slack allows 100 groups of 100). */
function setSelectOptions(element: StaticSelect | MultiStaticSelect, options: SlackOption[]): void {
  const size = SLACK_LIMITS.selectOptions;
  if (options.length <= size) {
    element.options = options;
    return;
  }
  const groups: SlackOptionGroup[] = [];
  for (let start = 0; start < options.length && groups.length < SLACK_LIMITS.selectOptionGroups; start += size) {
    const chunk = options.slice(start, start + size);
    const first = chunk[0]?.text.text ?? "";
    const last = chunk[chunk.length - 1]?.text.text ?? "";
    groups.push({ label: plain(`${start + 1}–${start + chunk.length}: ${first} – ${last}`, SLACK_LIMITS.optionGroupLabel), options: chunk });
  }
  element.option_groups = groups;
}

// ---------------------------------------------------------------------------------------------
// Message fields

function answerableInMessage(field: FieldView): boolean {
  return (
    field.kind === "yesNo" ||
    field.kind === "date" ||
    field.kind === "time" ||
    ((field.kind === "singleChoice" || field.kind === "pupil") && (field.options?.length ?? 0) > 0)
  );
}

/** A section with the question (help, error) and an actions block with its element(s). */
function messageFieldBlocks(view: StepView, token: StepToken, field: FieldView): Block[] {
  const t = TEXTS[view.locale];
  const lines = [`*${escapeMrkdwn(oneLine(field.label))}*${field.required ? ` ${t.required}` : ""}`];
  if (field.help?.trim()) lines.push(escapeMrkdwn(field.help.trim()));
  const raw = field.raw?.trim();
  const problem = [field.error?.trim(), raw ? `${t.typed}: ${oneLine(raw)}` : undefined].filter(Boolean).join(" · ");
  if (problem) lines.push(`:warning: ${escapeMrkdwn(problem)}`);
  const section: SectionBlock = { type: "section", text: mrkdwn(lines.join("\n"), SLACK_LIMITS.sectionText) };

  const actionId = FIELD_ACTION_PREFIX + field.id;
  const elements: ActionElement[] = [];
  switch (field.kind) {
    case "date": {
      const element: DatePicker = { type: "datepicker", action_id: actionId };
      const initial = isoDate(asText(field.value));
      if (initial) element.initial_date = initial;
      elements.push(element);
      break;
    }
    case "time": {
      const element: TimePicker = { type: "timepicker", action_id: actionId };
      const initial = hhmm(asText(field.value));
      if (initial) element.initial_time = initial;
      elements.push(element);
      break;
    }
    default: {
      const options = field.kind === "yesNo" ? yesNoOptions(t) : choiceOptions(field);
      const chosen =
        field.kind === "yesNo" ? yesNoValue(field.value) : chosenValues(field.value, options, false)?.[0];
      if (field.kind !== "pupil" && options.length <= MESSAGE_BUTTON_MAX_OPTIONS) {
        options.forEach((option, i) => {
          const button: Button = { type: "button", action_id: `${actionId}:${i}`, text: plain(option.text.text, SLACK_LIMITS.buttonText), value: option.value };
          if (option.value === chosen) button.style = "primary";
          elements.push(button);
        });
      } else {
        const element: StaticSelect = { type: "static_select", action_id: actionId, placeholder: plain(field.placeholder ?? t.choose, SLACK_LIMITS.placeholder) };
        setSelectOptions(element, options);
        const initial = options.find((o) => o.value === chosen);
        if (initial) element.initial_option = initial;
        elements.push(element);
      }
    }
  }
  const actions: ActionsBlock = { type: "actions", elements };
  const blockId = JSON.stringify({ ...token, field: field.id });
  actions.block_id = blockId.length <= SLACK_LIMITS.blockId ? blockId : `${INPUT_PREFIX}${field.id}`;
  return [section, actions];
}

/** The questions that need the form, with their current answers. */
function formFieldsSection(view: StepView, t: Texts, fields: FieldView[]): SectionBlock {
  const lines = [`*${t.inForm}:*`];
  for (const field of fields) {
    let line = `• ${escapeMrkdwn(oneLine(field.label))}${field.required ? ` ${t.required}` : ""}`;
    const current = displayValue(t, field);
    if (current) line += `: _${escapeMrkdwn(oneLine(current))}_`;
    if (field.error?.trim()) line += ` :warning: ${escapeMrkdwn(oneLine(field.error))}`;
    lines.push(truncate(line, 500));
  }
  return { type: "section", text: mrkdwn(lines.join("\n"), SLACK_LIMITS.sectionText) };
}

function displayValue(t: Texts, field: FieldView): string | undefined {
  const value = field.value;
  if (value == null || value === "" || (Array.isArray(value) && value.length === 0)) return undefined;
  const labelOf = (v: string) => field.options?.find((o) => o.value === v)?.label ?? v;
  if (typeof value === "boolean") return value ? t.yes : t.no;
  if (Array.isArray(value)) return value.map(labelOf).join(", ");
  return field.options ? labelOf(String(value)) : String(value);
}

// ---------------------------------------------------------------------------------------------
// Options and values

function yesNoOptions(t: Texts): SlackOption[] {
  return [
    { text: plain(t.yes, SLACK_LIMITS.optionText), value: "true" },
    { text: plain(t.no, SLACK_LIMITS.optionText), value: "false" },
  ];
}

function choiceOptions(field: FieldView): SlackOption[] {
  return (field.options ?? []).map((o) => ({
    text: plain(o.icon ? `${o.icon} ${o.label}` : o.label, SLACK_LIMITS.optionText),
    value: o.value,
  }));
}

/** The chosen option values, if every one of them is an option; undefined otherwise. */
function chosenValues(value: FieldValue | undefined, options: SlackOption[], multi: boolean): string[] | undefined {
  if (value == null || typeof value === "boolean" || typeof value === "number") {
    return typeof value === "number" ? chosenValues(String(value), options, multi) : undefined;
  }
  const parts = (Array.isArray(value) ? value : multi ? value.split(",") : [value]).map((v) => v.trim()).filter((v) => v !== "");
  if (parts.length === 0 || (!multi && parts.length > 1)) return undefined;
  const known = new Set(options.map((o) => o.value));
  return parts.every((v) => known.has(v)) ? parts : undefined;
}

/** The value of an element in a modal's state or a block_actions action, by its type. */
function elementValue(element: Record<string, unknown>): unknown {
  const optionValue = (o: unknown) => (isObject(o) && typeof o.value === "string" ? o.value : undefined);
  const optionValues = (list: unknown) =>
    Array.isArray(list) ? list.map(optionValue).filter((v): v is string => v !== undefined) : [];
  switch (element.type) {
    case "plain_text_input":
    case "number_input":
      return typeof element.value === "string" ? element.value : "";
    case "datepicker":
      return typeof element.selected_date === "string" ? element.selected_date : "";
    case "timepicker":
      return typeof element.selected_time === "string" ? element.selected_time : "";
    case "radio_buttons":
    case "static_select":
      return optionValue(element.selected_option) ?? "";
    case "checkboxes":
    case "multi_static_select":
      return optionValues(element.selected_options);
    case "button":
      return typeof element.value === "string" ? element.value : undefined;
  }
  // No (known) type: go by which member is present.
  if ("selected_options" in element) return optionValues(element.selected_options);
  if ("selected_option" in element) return optionValue(element.selected_option);
  if (typeof element.selected_date === "string") return element.selected_date;
  if (typeof element.selected_time === "string") return element.selected_time;
  if (typeof element.value === "string") return element.value;
  return undefined;
}

function yesNoValue(value: FieldValue | undefined): "true" | "false" | undefined {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value !== "string") return undefined;
  const v = value.trim().toLowerCase();
  if (["true", "ja", "j", "yes", "y"].includes(v)) return "true";
  if (["false", "nee", "n", "no"].includes(v)) return "false";
  return undefined;
}

function asText(value: FieldValue | undefined): string | undefined {
  if (value == null) return undefined;
  if (Array.isArray(value)) return value.join(",");
  return String(value);
}

function parseInteger(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*-?\d+\s*$/.test(text)) return undefined;
  const n = Number(text.trim());
  return Number.isSafeInteger(n) ? n : undefined;
}

function validSubmission(candidate: unknown): Submission | null {
  const parsed = SubmissionSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

// ---------------------------------------------------------------------------------------------
// Text

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const GRAPHEME_WINDOW = 64;

/**
 * Cuts text to at most `max` UTF-16 code units (so also at most `max` characters, however Slack
 * counts), at a grapheme boundary (never half an emoji), ending in "…". Only a window before the
 * cut is segmented: grapheme clusters longer than that window are not a concern for real text.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  const limit = max - 1; // room for "…"
  const from = Math.max(0, limit - GRAPHEME_WINDOW);
  let end = from;
  for (const { segment, index } of graphemes.segment(text.slice(from, max + 1))) {
    const segmentEnd = from + index + segment.length;
    if (segmentEnd > limit) break;
    end = segmentEnd;
  }
  // Never end on the first half of a surrogate pair (only possible for an overlong cluster).
  while (end > 0 && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** A plain_text object, cut to `max`; Slack refuses empty text, so blank becomes "…". */
function plain(text: string, max: number): PlainText {
  const trimmed = oneLineIfShort(text, max).trim();
  return { type: "plain_text", text: trimmed ? truncate(trimmed, max) : "…", emoji: true };
}

function mrkdwn(text: string, max: number): Mrkdwn {
  return { type: "mrkdwn", text: truncate(text, max) || "…" };
}

/** Short texts (titles, labels, options) stay on one line; long ones (hints) keep their breaks. */
function oneLineIfShort(text: string, max: number): string {
  return max <= SLACK_LIMITS.headerText ? oneLine(text) : text;
}

/** Slack's mrkdwn needs &, < and > escaped; this also keeps typed text from becoming a mention. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, " ").trim();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

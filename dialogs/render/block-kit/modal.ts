// A dialog step as a Slack modal: every field kind as an input block, pre-filled with what was
// typed (or stored), errors and help in each input's hint.
import type { FieldView, StepView } from "../../engine/types.js";
import { choiceInitial, numberInitial, pickerInitial, textInitial, typedRaw, yesNoInitial } from "../prefill.js";
import {
  SLACK_LIMITS,
  type Block,
  type Checkboxes,
  type DatePicker,
  type InputBlock,
  type InputElement,
  type MultiStaticSelect,
  type NumberInput,
  type PlainTextInput,
  type RadioButtons,
  type SlackModalView,
  type StaticSelect,
  type TimePicker,
} from "./schema.js";
import {
  choiceOptions,
  fitOptionalBlocks,
  headerBlock,
  INPUT_PREFIX,
  optionValues,
  progressContext,
  setSelectOptions,
  STEP_ACTIONS_BLOCK_ID,
  stepButtons,
  stepErrorsBlock,
  stepToken,
  VALUE_ACTION_ID,
  yesNoOptions,
} from "./step-blocks.js";
import { chunkText, escapeMrkdwn, mrkdwn, oneLine, plain } from "./text.js";
import { renderText } from "../texts.js";
import { limitNote } from "../text.js";

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
  const token = stepToken(view);
  const privateMetadata = JSON.stringify(token);
  if (privateMetadata.length > SLACK_LIMITS.privateMetadata) {
    throw new RangeError("step token too long for Slack's private_metadata");
  }

  const essentialsBefore: Block[] = [headerBlock(view), progressContext(view)];
  const essentialsAfter: Block[] = [];
  const errors = stepErrorsBlock(view);
  if (errors) essentialsAfter.push(errors);
  for (const field of view.fields) essentialsAfter.push(...fieldBlocks(view, field));
  const buttons = stepButtons(view, token, ["back", "skip", "pause"]);
  if (buttons.length) essentialsAfter.push({ type: "actions", block_id: STEP_ACTIONS_BLOCK_ID, elements: buttons });

  const room = SLACK_LIMITS.modalBlocks - essentialsBefore.length - essentialsAfter.length;
  if (room < 0) throw new RangeError(`step ${view.stepId} has too many fields for a Slack modal`);
  const middle = fitOptionalBlocks(view, room);

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

/**
 * The field's input block; then, when what was typed cannot be shown in the input in full (longer
 * than the input holds), sections that show it whole, to copy and shorten: a hint holds at most
 * 2000 characters, and nothing typed may be cut.
 */
function fieldBlocks(view: StepView, field: FieldView): Block[] {
  const { element, rawShown } = inputElement(view, field);
  const block: InputBlock = {
    type: "input",
    block_id: INPUT_PREFIX + field.id,
    label: plain(field.label, SLACK_LIMITS.label),
    element,
    optional: !field.required,
  };
  // The hint carries, in this order: the field's error (with what was typed, when the element
  // cannot show it), then the help text and the field's limit. response_action "errors" shows
  // errors too, but a freshly opened or updated view only has the hint.
  const raw = field.raw?.trim();
  const typed = raw && !rawShown ? renderText(view.locale, "render.typed", { text: oneLine(raw) }) : undefined;
  const typedApart = typed !== undefined && typed.length > TYPED_IN_HINT;
  const problem = [field.error?.trim(), typedApart ? renderText(view.locale, "render.typedBelow") : typed].filter(Boolean).join(" · ");
  const hint = [problem ? `⚠️ ${problem}` : "", [field.help?.trim(), limitNote(view.locale, field)].filter(Boolean).join(" ")]
    .filter((s) => s !== "")
    .join("\n");
  if (hint) block.hint = plain(hint, SLACK_LIMITS.hint);
  if (!typedApart || !raw) return [block];
  const sections = chunkText(escapeMrkdwn(raw), SLACK_LIMITS.sectionText).map(
    (text): Block => ({ type: "section", text: mrkdwn(text, SLACK_LIMITS.sectionText) }),
  );
  return [block, ...sections];
}

/** What was typed goes in the hint while it leaves room there for the error and the help. */
const TYPED_IN_HINT = 1000;

function inputElement(view: StepView, field: FieldView): { element: InputElement; rawShown: boolean } {
  const choose = renderText(view.locale, "render.choose");
  const raw = typedRaw(field.raw);
  const action_id = VALUE_ACTION_ID;

  switch (field.kind) {
    case "shortText":
    case "longText": {
      const element: PlainTextInput = { type: "plain_text_input", action_id };
      if (field.kind === "longText") element.multiline = true;
      if (field.placeholder?.trim()) element.placeholder = plain(field.placeholder, SLACK_LIMITS.placeholder);
      const { value, rawShown } = textInitial(raw, field.value, SLACK_LIMITS.plainTextInput);
      if (value !== undefined) element.initial_value = value;
      if (field.maxLength) {
        // A raw answer refused for being too long must still fit in the input.
        const needed = Math.max(field.maxLength, element.initial_value?.length ?? 0);
        element.max_length = Math.min(needed, SLACK_LIMITS.plainTextInput);
      }
      return { element, rawShown };
    }
    case "number": {
      const element: NumberInput = { type: "number_input", action_id, is_decimal_allowed: false };
      if (field.placeholder?.trim()) element.placeholder = plain(field.placeholder, SLACK_LIMITS.placeholder);
      // Slack refuses a view whose min is above its max: such a range is left off.
      const hasRange = field.min === undefined || field.max === undefined || field.min <= field.max;
      const limits = {
        integer: true,
        ...(hasRange && field.min !== undefined ? { min: field.min } : {}),
        ...(hasRange && field.max !== undefined ? { max: field.max } : {}),
      };
      if (limits.min !== undefined) element.min_value = String(limits.min);
      if (limits.max !== undefined) element.max_value = String(limits.max);
      const { value, rawShown } = numberInitial(raw, field.value, limits);
      if (value !== undefined) element.initial_value = String(value);
      return { element, rawShown };
    }
    case "date": {
      const element: DatePicker = { type: "datepicker", action_id };
      const { value, rawShown } = pickerInitial("date", raw, field.value);
      if (value) element.initial_date = value;
      return { element, rawShown };
    }
    case "time": {
      const element: TimePicker = { type: "timepicker", action_id };
      const { value, rawShown } = pickerInitial("time", raw, field.value);
      if (value) element.initial_time = value;
      return { element, rawShown };
    }
    case "yesNo": {
      const options = yesNoOptions(view.locale);
      const element: RadioButtons = { type: "radio_buttons", action_id, options };
      const { value, rawShown } = yesNoInitial(raw, field.value);
      const initial = options.find((o) => o.value === value);
      if (initial) element.initial_option = initial;
      return { element, rawShown };
    }
    case "singleChoice":
    case "pupil": {
      const options = choiceOptions(field);
      // Slack refuses a select without options: let the teacher type instead.
      if (options.length === 0) return inputElement(view, { ...field, kind: "shortText" });
      const { value, rawShown } = choiceInitial(raw, field.value, optionValues(options), false);
      const initial = value ? options.find((o) => o.value === value[0]) : undefined;
      if (field.kind === "singleChoice" && options.length <= SLACK_LIMITS.radioOptions) {
        const element: RadioButtons = { type: "radio_buttons", action_id, options };
        if (initial) element.initial_option = initial;
        return { element, rawShown };
      }
      const element: StaticSelect = { type: "static_select", action_id, placeholder: plain(field.placeholder ?? choose, SLACK_LIMITS.placeholder) };
      setSelectOptions(element, options);
      if (initial) element.initial_option = initial;
      return { element, rawShown };
    }
    case "multiChoice": {
      const options = choiceOptions(field);
      if (options.length === 0) return inputElement(view, { ...field, kind: "shortText" });
      const { value, rawShown } = choiceInitial(raw, field.value, optionValues(options), true);
      const initial = value ? options.filter((o) => value.includes(o.value)) : [];
      if (options.length <= SLACK_LIMITS.checkboxOptions) {
        const element: Checkboxes = { type: "checkboxes", action_id, options };
        if (initial.length) element.initial_options = initial;
        return { element, rawShown };
      }
      const element: MultiStaticSelect = {
        type: "multi_static_select",
        action_id,
        placeholder: plain(field.placeholder ?? choose, SLACK_LIMITS.placeholder),
      };
      setSelectOptions(element, options);
      if (initial.length) element.initial_options = initial;
      return { element, rawShown };
    }
  }
}

// A dialog step as a Slack DM message: choices, yes/no, dates and times as one-click elements;
// text, number and multi-choice fields listed, with a button that opens the step as a modal.
import type { FieldView, StepView } from "../../engine/types.js";
import { progressLabel } from "../text.js";
import { choiceValues, pickerInitial, yesNoValue } from "../prefill.js";
import {
  SLACK_LIMITS,
  type ActionElement,
  type ActionsBlock,
  type Block,
  type Button,
  type DatePicker,
  type SectionBlock,
  type StaticSelect,
  type StepToken,
  type TimePicker,
} from "./schema.js";
import {
  choiceOptions,
  FIELD_ACTION_PREFIX,
  fitOptionalBlocks,
  headerBlock,
  INPUT_PREFIX,
  OPEN_MODAL_ACTION_ID,
  optionValues,
  progressContext,
  setSelectOptions,
  STEP_ACTIONS_BLOCK_ID,
  stepButtons,
  stepErrorsBlock,
  stepToken,
  yesNoOptions,
} from "./step-blocks.js";
import { escapeMrkdwn, mrkdwn, oneLine, plain, truncate } from "./text.js";
import { renderText } from "../texts.js";
import { shareItemId } from "../../../bot/formats/share.js";

/** Buttons (one per option) for a yes/no or a choice with at most this many options, in a message. */
const MESSAGE_BUTTON_MAX_OPTIONS = 5;

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
  const lang = view.locale;
  const token = stepToken(view);

  // A share question stays right after its item and the pupil's explanation: when part of the
  // step must be filled in in the form, the share questions go there too, in field order.
  const needsForm = view.fields.some((f) => !answerableInMessage(f));
  const inMessage = (f: FieldView) => answerableInMessage(f) && !(needsForm && shareItemId(f.id) !== null);
  const inline = view.fields.filter(inMessage);
  const formOnly = view.fields.filter((f) => !inMessage(f));

  const build = (inlineFields: FieldView[], modalFields: FieldView[], note?: string): Block[] => {
    const blocks: Block[] = [];
    const errors = stepErrorsBlock(view);
    if (errors) blocks.push(errors);
    if (note) blocks.push({ type: "context", elements: [mrkdwn(`_${escapeMrkdwn(note)}_`, SLACK_LIMITS.contextText)] });
    for (const field of inlineFields) blocks.push(...messageFieldBlocks(view, token, field));
    if (modalFields.length) blocks.push(formFieldsSection(lang, modalFields));
    const buttons: Button[] = [];
    if (modalFields.length) {
      buttons.push({
        type: "button",
        action_id: OPEN_MODAL_ACTION_ID,
        text: plain(renderText(lang, "render.openForm"), SLACK_LIMITS.buttonText),
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
    after = build([], view.fields, renderText(lang, "render.tooManyFields"));
  }
  const room = SLACK_LIMITS.messageBlocks - before.length - after.length;
  const middle = fitOptionalBlocks(view, Math.max(0, room));

  const fallback = `${view.dialogTitle} · ${progressLabel(view)}: ${view.title}`;
  return { text: truncate(fallback, SLACK_LIMITS.fallbackText), blocks: [...before, ...middle, ...after] };
}

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
  const lang = view.locale;
  const lines = [`*${escapeMrkdwn(oneLine(field.label))}*${field.required ? ` ${renderText(lang, "render.required")}` : ""}`];
  if (field.help?.trim()) lines.push(escapeMrkdwn(field.help.trim()));
  const raw = field.raw?.trim();
  const problem = [field.error?.trim(), raw ? renderText(lang, "render.typed", { text: oneLine(raw) }) : undefined].filter(Boolean).join(" · ");
  if (problem) lines.push(`:warning: ${escapeMrkdwn(problem)}`);
  const section: SectionBlock = { type: "section", text: mrkdwn(lines.join("\n"), SLACK_LIMITS.sectionText) };

  const actionId = FIELD_ACTION_PREFIX + field.id;
  const elements: ActionElement[] = [];
  switch (field.kind) {
    case "date": {
      const element: DatePicker = { type: "datepicker", action_id: actionId };
      const initial = pickerInitial("date", undefined, field.value).value;
      if (initial) element.initial_date = initial;
      elements.push(element);
      break;
    }
    case "time": {
      const element: TimePicker = { type: "timepicker", action_id: actionId };
      const initial = pickerInitial("time", undefined, field.value).value;
      if (initial) element.initial_time = initial;
      elements.push(element);
      break;
    }
    default: {
      const options = field.kind === "yesNo" ? yesNoOptions(lang) : choiceOptions(field);
      const chosen = field.kind === "yesNo" ? yesNoValue(field.value) : choiceValues(field.value, optionValues(options), false)?.[0];
      if (field.kind !== "pupil" && options.length <= MESSAGE_BUTTON_MAX_OPTIONS) {
        options.forEach((option, i) => {
          const button: Button = { type: "button", action_id: `${actionId}:${i}`, text: plain(option.text.text, SLACK_LIMITS.buttonText), value: option.value };
          if (option.value === chosen) button.style = "primary";
          elements.push(button);
        });
      } else {
        const element: StaticSelect = {
          type: "static_select",
          action_id: actionId,
          placeholder: plain(field.placeholder ?? renderText(lang, "render.choose"), SLACK_LIMITS.placeholder),
        };
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
function formFieldsSection(lang: StepView["locale"], fields: FieldView[]): SectionBlock {
  const lines = [`*${renderText(lang, "render.inForm")}:*`];
  for (const field of fields) {
    let line = `• ${escapeMrkdwn(oneLine(field.label))}${field.required ? ` ${renderText(lang, "render.required")}` : ""}`;
    const current = displayValue(lang, field);
    if (current) line += `: _${escapeMrkdwn(oneLine(current))}_`;
    if (field.error?.trim()) line += ` :warning: ${escapeMrkdwn(oneLine(field.error))}`;
    lines.push(truncate(line, 500));
  }
  return { type: "section", text: mrkdwn(lines.join("\n"), SLACK_LIMITS.sectionText) };
}

function displayValue(lang: StepView["locale"], field: FieldView): string | undefined {
  const value = field.value;
  if (value == null || value === "" || (Array.isArray(value) && value.length === 0)) return undefined;
  const labelOf = (v: string) => field.options?.find((o) => o.value === v)?.label ?? v;
  if (typeof value === "boolean") return renderText(lang, value ? "render.yes" : "render.no");
  if (Array.isArray(value)) return value.map(labelOf).join(", ");
  return field.options ? labelOf(String(value)) : String(value);
}

// The parts of Slack's Block Kit the renderers use, and Slack's size limits. Types only (and
// the limits): no Slack SDK types, which stay in the adapter.

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

export type InputElement = PlainTextInput | NumberInput | DatePicker | TimePicker | RadioButtons | Checkboxes | StaticSelect | MultiStaticSelect;
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

/** Slack's limits (characters, or items). */
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

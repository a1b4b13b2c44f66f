// What Slack sends back from a step's modal or message, as a Submission: a view_submission's
// state, a block_actions action, the step token a modal or button carries. Everything here is
// untrusted: shapes are checked with zod, and the engine validates the values again.
import { z } from "zod";
import { SubmissionSchema, type Submission } from "../../engine/types.js";
import type { StepToken } from "./schema.js";
import { FIELD_ID, INPUT_PREFIX, VALUE_ACTION_ID } from "./step-blocks.js";

const Json = z.record(z.string(), z.unknown());
const StepTokenSchema = SubmissionSchema.pick({ sessionId: true, stepId: true, version: true });
const StepAction = z.enum(["submit", "back", "skip", "pause", "cancel"]);

/** A block_actions action: the ids we route by, and whatever value members its element has. */
const BlockActionSchema = z.looseObject({ action_id: z.string(), block_id: z.string().optional(), type: z.string().optional() });

/** A view's state as Slack sends it: block id → action id → element state. */
const ModalStateSchema = z.object({ values: z.record(z.string(), z.unknown()) });

/** A view_submission's view: the step from private_metadata, each field's value from state. */
export function parseModalSubmission(view: unknown): Submission | null {
  const parsed = z.object({ private_metadata: z.string(), state: z.unknown() }).safeParse(view);
  if (!parsed.success) return null;
  const token = parseStepToken(parsed.data.private_metadata);
  if (!token) return null;
  const values = readModalState(parsed.data.state);
  if (!values) return null;
  return validSubmission({ ...token, action: "submit", values });
}

/**
 * The values in a modal's `state` (view_submission, or block_actions inside a modal), keyed by
 * field id. Empty inputs come back as "" (or [] for checkboxes and multi-selects), so clearing
 * an answer is visible to the engine. Null when the state is not shaped like Slack's.
 */
export function readModalState(state: unknown): Record<string, unknown> | null {
  const parsed = ModalStateSchema.safeParse(state);
  if (!parsed.success) return null;
  const values: Record<string, unknown> = {};
  for (const [blockId, elements] of Object.entries(parsed.data.values)) {
    if (!blockId.startsWith(INPUT_PREFIX)) continue;
    const fieldId = blockId.slice(INPUT_PREFIX.length);
    if (!FIELD_ID.test(fieldId)) continue;
    const element = Json.safeParse(Json.safeParse(elements).data?.[VALUE_ACTION_ID]);
    if (!element.success) continue;
    const value = elementValue(element.data);
    if (value !== undefined) values[fieldId] = value;
  }
  return values;
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
export function parseBlockAction(input: unknown, stepToken: unknown, modalState?: unknown): Submission | null {
  const parsed = BlockActionSchema.safeParse(input);
  if (!parsed.success) return null;
  const action = parsed.data;
  const id = action.action_id;

  const step = /^gw_step_(\w+)$/.exec(id);
  if (step) {
    const kind = StepAction.safeParse(step[1]);
    if (!kind.success) return null;
    const token = parseStepToken(action.value) ?? parseStepToken(stepToken);
    if (!token) return null;
    let values: Record<string, unknown> = {};
    if (modalState !== undefined && (kind.data === "back" || kind.data === "pause" || kind.data === "submit")) {
      values = readModalState(modalState) ?? {};
    }
    return validSubmission({ ...token, action: kind.data, values });
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
  const object = Json.safeParse(value);
  if (!object.success) return null;
  const { sessionId, stepId, version } = object.data;
  const parsed = StepTokenSchema.safeParse({ sessionId, stepId, version: typeof version === "number" || typeof version === "string" ? version : undefined });
  return parsed.success ? parsed.data : null;
}

const OptionValue = z.object({ value: z.string() });

/** The value of an element in a modal's state or a block_actions action, by its type. */
function elementValue(element: Record<string, unknown>): unknown {
  const optionValue = (o: unknown) => OptionValue.safeParse(o).data?.value;
  const optionValues = (list: unknown) => (Array.isArray(list) ? list.map(optionValue).filter((v): v is string => v !== undefined) : []);
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  switch (element.type) {
    case "plain_text_input":
    case "number_input":
      return text(element.value) ?? "";
    case "datepicker":
      return text(element.selected_date) ?? "";
    case "timepicker":
      return text(element.selected_time) ?? "";
    case "radio_buttons":
    case "static_select":
      return optionValue(element.selected_option) ?? "";
    case "checkboxes":
    case "multi_static_select":
      return optionValues(element.selected_options);
    case "button":
      return text(element.value);
  }
  // No (known) type: go by which member is present.
  if ("selected_options" in element) return optionValues(element.selected_options);
  if ("selected_option" in element) return optionValue(element.selected_option);
  return text(element.selected_date) ?? text(element.selected_time) ?? text(element.value);
}

function validSubmission(candidate: unknown): Submission | null {
  const parsed = SubmissionSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

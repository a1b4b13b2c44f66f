// What one submission (a card, a modal, a typed line, a back/pause with values) does to a step's
// answers and drafts: each field parsed; what does not parse is kept as typed, never dropped.
import type { DialogSessionRecord } from "../../bot/services/dialog-sessions.js";
import { SKIPPED, type Answers } from "./flow.js";
import { parseFieldInput, type ParseContext } from "./parse-field.js";
import type { FieldValue, LocalizedText, StepDefinition } from "./types.js";

export interface RecordedStep {
  answers: Answers;
  rawInputs: Record<string, Record<string, string>>;
  /** The step's answers after this submission. */
  given: Record<string, FieldValue>;
  errors: Record<string, LocalizedText>;
}

/**
 * `partial`: only the fields the submission carries change (typed text, back, pause); otherwise
 * the whole step is sent (a card's submit) and an absent field takes its default or stays empty.
 */
export function recordStep(
  session: Pick<DialogSessionRecord, "answers" | "rawInputs">,
  step: StepDefinition,
  values: Record<string, unknown>,
  partial: boolean,
  parseContext: ParseContext,
): RecordedStep {
  const answers = structuredClone(session.answers);
  const rawInputs = structuredClone(session.rawInputs);
  const given: Record<string, FieldValue> = { ...(answers[step.id] ?? {}) };
  const raws: Record<string, string> = { ...(rawInputs[step.id] ?? {}) };
  const errors: Record<string, LocalizedText> = {};
  delete given[SKIPPED];
  for (const field of step.fields) {
    const provided = Object.hasOwn(values, field.id);
    // Typed answers come one at a time; a card without a field keeps its earlier answer.
    if (!provided && (partial || given[field.id] !== undefined)) continue;
    // Not sent, yet refused before and still waiting as typed: that draft is read again, never
    // silently replaced by the field's default ("klaar" on a numbered card stored the suggested
    // evaluation date over a refused typed one).
    const raw = provided ? values[field.id] : (raws[field.id] ?? field.defaultValue);
    const result = parseFieldInput(field, raw, parseContext);
    if (result.ok) {
      given[field.id] = result.value;
      delete raws[field.id];
    } else {
      errors[field.id] = result.error;
      delete given[field.id];
      // Keep what was typed, so it can be shown again and nothing is lost.
      if (typeof raw === "string" && raw.trim()) raws[field.id] = raw;
      else if (Array.isArray(raw) && raw.length) raws[field.id] = raw.map(String).join(", ");
      else delete raws[field.id];
    }
  }
  // Visiting a step without answering it (back, pause) does not make it "answered".
  if (Object.keys(given).length > 0 || answers[step.id] !== undefined) answers[step.id] = given;
  rawInputs[step.id] = raws;
  if (Object.keys(raws).length === 0) delete rawInputs[step.id];
  return { answers, rawInputs, given, errors };
}

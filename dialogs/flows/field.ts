// Shorthand for field definitions written in code (flows); formats are data and parsed by zod.
import type { FieldDefinition, FieldDefinitionInput, FieldValue } from "../engine/types.js";
import type { Answers } from "../engine/flow.js";

export function field(input: FieldDefinitionInput): FieldDefinition {
  return { required: false, shareable: false, skills: [], coach: false, educationalNeed: false, ...input };
}

/** A stored answer as text, or null when empty. */
export function text(answers: Answers, stepId: string, fieldId: string): string | null {
  const value: FieldValue | undefined = answers[stepId]?.[fieldId];
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return null;
  return Array.isArray(value) ? value.join(", ") : String(value);
}

export function bool(answers: Answers, stepId: string, fieldId: string): boolean {
  return answers[stepId]?.[fieldId] === true;
}

export function num(answers: Answers, stepId: string, fieldId: string): number | null {
  const value = answers[stepId]?.[fieldId];
  return typeof value === "number" ? value : null;
}

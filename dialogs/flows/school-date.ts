// A date field checked by the core's school-date rule (bot/domain/school-day-rule.ts): the step
// stays, with why the date is refused and which date to pick instead under that field.
import { schoolDateRefusal, type SchoolDateRule } from "../../bot/domain/school-day-rule.js";
import type { FieldError, FieldValue } from "../engine/types.js";

export function schoolDateErrors(values: Record<string, FieldValue>, fieldId: string, rule: SchoolDateRule): FieldError[] {
  const date = values[fieldId];
  const refusal = typeof date === "string" ? schoolDateRefusal(rule, date) : null;
  return refusal ? [{ fieldId, message: refusal }] : [];
}

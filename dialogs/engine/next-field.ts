// Which field a typed answer goes to: text mode asks one question at a time, and the engine files a
// typed line under the field that question asked. One rule for both, so an answer never lands elsewhere.
import type { FieldValue, FieldView, StepView } from "./types.js";

export function hasContent(value: FieldValue | undefined): boolean {
  if (value == null) return false; // drafts come from JSON: null too
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * The field text mode asks next: the field being changed ("wijzig n"), else the first field that is required and empty or has an error;
 * else the first optional field not yet answered; undefined when everything is answered.
 * An optional field counts as answered as soon as it has any stored value, also "" or [] — so
 * the engine records "-" (leave empty) by storing "" (or [] for multiChoice) and the question
 * is not asked again.
 */
export function nextTextField(view: StepView): FieldView | undefined {
  const editing = view.fields.find((f) => f.editing === true);
  if (editing) return editing;
  const blocking = view.fields.find((f) => f.error !== undefined || (f.required && (!hasContent(f.value) || f.isDefault === true)));
  if (blocking) return blocking;
  return view.fields.find((f) => !f.required && f.value == null);
}

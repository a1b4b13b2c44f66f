// Which field a typed answer goes to: text mode asks one question at a time, and the engine files a
// typed line under the field that question asked. One rule for both, so an answer never lands elsewhere.
import { hasContent, isQuestionAsked } from "../../bot/formats/share.js";
import type { FieldView, StepView } from "./types.js";

export { hasContent };

/** Whether text mode asks this field at all: a share question only once its item has content. */
export function isAsked(view: StepView, field: FieldView): boolean {
  return isQuestionAsked(field.id, (id) => view.fields.find((f) => f.id === id)?.value);
}

/**
 * A required field counts as answered once it has content that is not just its default; an
 * optional field as soon as it has any stored value, also "" or [] — so the engine records "-"
 * (leave empty) by storing "" (or [] for multiChoice) and the question is not asked again.
 */
function isOpen(field: FieldView): boolean {
  return field.required ? !hasContent(field.value) || field.isDefault === true : field.value == null;
}

/**
 * The field text mode asks next: the field being changed ("wijzig n"); else the first field IN
 * FIELD ORDER that is asked and has an error
 * (what was just typed and refused) or is still open; undefined when everything is answered.
 * Field order, not required-before-optional: the order a card shows is the order text mode
 * asks, so a share question always follows its item and the pupil's explanation of it.
 */
export function nextTextField(view: StepView): FieldView | undefined {
  const editing = view.fields.find((f) => f.editing === true);
  if (editing) return editing;
  return view.fields.find((f) => (f.error !== undefined || isOpen(f)) && isAsked(view, f));
}

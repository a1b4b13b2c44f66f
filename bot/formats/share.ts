// Sharing with parents, as data: a shareable item's one yes/no is stored as `<item>__share`, and
// covers the item and the pupil's own explanation of it (fields marked `explains: <item>`). The
// dialog engine asks it (dialogs/engine/share.ts); the export reads it here, the same way.
import { type FieldDefinition, SHARE_SUFFIX } from "./fields.js";

export const shareFieldId = (itemId: string): string => `${itemId}${SHARE_SUFFIX}`;

/** The item a share question is about, or null for any other field. */
export function shareItemId(fieldId: string): string | null {
  return fieldId.endsWith(SHARE_SUFFIX) && fieldId.length > SHARE_SUFFIX.length ? fieldId.slice(0, -SHARE_SUFFIX.length) : null;
}

/** Whether a stored answer holds something (not undefined/null, blank, or an empty list). */
export function hasContent(value: unknown): boolean {
  if (value == null) return false; // drafts come from JSON: null too
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The fields one share question covers: the item, then its explanations, in field order. */
export function sharedGroup<F extends Pick<FieldDefinition, "id" | "explains" | "shareable">>(fields: readonly F[], item: F): F[] {
  return fields.filter((f) => f === item || (f.explains === item.id && !f.shareable));
}

/**
 * Whether a field's question is asked at all: a share question only once its item has content
 * (there is nothing to share before); every other field always. The one rule for text mode and
 * for when a step counts as complete.
 */
export function isQuestionAsked(fieldId: string, answerOf: (id: string) => unknown): boolean {
  const item = shareItemId(fieldId);
  return item === null || hasContent(answerOf(item));
}

/** Whether the pupil agreed to share an item: "yes" to its share question, and the item has content. */
export function shareChosen(values: Readonly<Record<string, unknown>>, itemId: string): boolean {
  return values[shareFieldId(itemId)] === true && hasContent(values[itemId]);
}

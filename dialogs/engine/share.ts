// Whether an item may be shared with parents is asked one way everywhere: one yes/no per
// shareable item, right after the item and the pupil's own explanation of it (fields marked
// `explains: <item>`), in field order, so text mode, cards and modals all ask it in the same
// place. Its label quotes the item, so it cannot be taken for a content question. Text mode asks
// it only when the item has content; an answer for an empty item counts as "no" (shareChosen).
import { shareFieldId, sharedGroup } from "../../bot/formats/share.js";
import type { FieldDefinition, StepDefinition } from "./types.js";
import { localized } from "../../bot/i18n/translate.js";

function shareField(item: FieldDefinition): FieldDefinition {
  return {
    id: shareFieldId(item.id),
    kind: "yesNo",
    label: localized("engine.shareLabel", { item: item.label }),
    help: localized("engine.shareHelp"),
    required: false,
    shareable: false,
    skills: [],
    coach: false,
    educationalNeed: false,
  };
}

/** Adds each shareable item's share question right after the last field of its group. */
export function withShareFields(step: StepDefinition): StepDefinition {
  const items = step.fields.filter((f) => f.shareable);
  if (items.length === 0) return step;
  const after = new Map<FieldDefinition, FieldDefinition[]>();
  for (const item of items) {
    const group = sharedGroup(step.fields, item);
    const last = group[group.length - 1]!;
    after.set(last, [...(after.get(last) ?? []), shareField(item)]);
  }
  return { ...step, fields: step.fields.flatMap((f) => [f, ...(after.get(f) ?? [])]) };
}

// Fields marked shareable get a companion yes/no: may this answer be shared with parents?
// The pupil decides; the default (unanswered) is "no".
import { SHARE_SUFFIX } from "../../bot/formats/fields.js";
import type { FieldDefinition, StepDefinition } from "./types.js";
import { localized } from "../../bot/i18n/translate.js";

export function withShareFields(step: StepDefinition): StepDefinition {
  if (!step.fields.some((f) => f.shareable)) return step;
  const fields: FieldDefinition[] = [];
  for (const field of step.fields) {
    fields.push(field);
    if (field.shareable) {
      fields.push({
        id: `${field.id}${SHARE_SUFFIX}`,
        kind: "yesNo",
        label: localized("engine.shareLabel"),
        required: false,
        shareable: false,
        skills: [],
        coach: false,
      });
    }
  }
  return { ...step, fields };
}

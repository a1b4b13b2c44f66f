// Fields marked shareable get a companion yes/no: may this answer be shared with parents?
// The pupil decides; the default (unanswered) is "no".
import { SHARE_SUFFIX } from "../../bot/formats/fields.js";
import type { FieldDefinition, StepDefinition } from "./types.js";


const SHARE_LABEL = {
  nl: "Mag dit met ouders gedeeld worden? (vraag het de leerling)",
  en: "May this be shared with parents? (ask the pupil)",
};

export function withShareFields(step: StepDefinition): StepDefinition {
  if (!step.fields.some((f) => f.shareable)) return step;
  const fields: FieldDefinition[] = [];
  for (const field of step.fields) {
    fields.push(field);
    if (field.shareable) {
      fields.push({
        id: `${field.id}${SHARE_SUFFIX}`,
        kind: "yesNo",
        label: SHARE_LABEL,
        required: false,
        shareable: false,
        skills: [],
        coach: false,
      });
    }
  }
  return { ...step, fields };
}

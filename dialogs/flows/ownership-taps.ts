// The one-tap questions that record who did what, read by bot/domain/ownership-skills.ts: who set
// a goal, who chose the way there, who looked back on last time, who judged an evaluation. Not
// required: a tap not given counts for no skill, and holds nobody up.
import { SKILL_ACTORS } from "../../bot/domain/ownership-skills.js";
import { localized } from "../../bot/i18n/translate.js";
import type { FieldDefinition } from "../engine/types.js";
import { field } from "./field.js";

type TapId = "setBy" | "approachBy" | "lookedBackBy" | "assessedBy";

const LABELS = {
  setBy: "ownership.setBy.label",
  approachBy: "ownership.approachBy.label",
  lookedBackBy: "ownership.lookedBackBy.label",
  assessedBy: "ownership.assessedBy.label",
} as const satisfies Record<TapId, string>;

const OPTION_LABELS = { pupil: "ownership.by.pupil", together: "ownership.by.together", teacher: "ownership.by.teacher" } as const;

/** What a teacher may type in the text channel besides the label. */
const ALIASES = { pupil: ["leerling", "zelf", "pupil"], together: ["samen", "together"], teacher: ["ik", "leerkracht", "juf", "meester", "teacher", "me"] };

export function whoTap(id: TapId): FieldDefinition {
  return field({
    id,
    kind: "singleChoice",
    label: localized(LABELS[id]),
    options: SKILL_ACTORS.map((value) => ({ value, label: localized(OPTION_LABELS[value]), aliases: ALIASES[value] })),
  });
}

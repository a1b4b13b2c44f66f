// What the child chose in a held conversation's choice fields (the face, the picture themes), by
// the options' labels with their pictures: the summary the teacher sees after a quick moment and
// on the timeline, instead of a count of parts. Answers are stored by step, `s_<section id>`.
import type { ConversationFormat } from "./schema.js";

type StoredAnswers = Record<string, Record<string, unknown> | undefined>;

/** One entry per answered choice field, in the format's order: "😄 Blij", "🎉 Plezier, 👫 Samen". */
export function chosenChoices(format: ConversationFormat, answers: StoredAnswers, locale: "nl" | "en"): string[] {
  const chosen: string[] = [];
  for (const section of format.phases.flatMap((p) => p.sections)) {
    const values = answers[`s_${section.id}`] ?? {};
    for (const field of section.fields) {
      if (field.kind !== "singleChoice" && field.kind !== "multiChoice") continue;
      const given = values[field.id];
      const picked = (Array.isArray(given) ? given : given === undefined || given === null || given === "" ? [] : [given]).map(String);
      const labels = picked.flatMap((value) => {
        const option = field.options?.find((o) => o.value === value);
        return option ? [`${option.icon ? `${option.icon} ` : ""}${option.label[locale]}`] : [];
      });
      if (labels.length) chosen.push(labels.join(", "));
    }
  }
  return chosen;
}

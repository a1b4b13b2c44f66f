// One answer plan for every channel: the value a teacher gives each field, by field id and kind,
// so the same scenario run through Teams and Slack must store the same outcome.
import { weekdayAhead } from "../support/dialog-driver.js";

export type FieldShape = "text" | "date" | "time" | "number" | "choice" | "multi";

export function plannedAnswer(fieldId: string, shape: FieldShape, options: string[], today: string, min?: number): string | string[] {
  switch (shape) {
    case "date":
      return weekdayAhead(today);
    case "time":
      return "10:30";
    case "number":
      return String(Math.max(min ?? 0, 15));
    case "choice":
      return fieldId === "another" || fieldId.endsWith("__share") ? "false" : (options[0] ?? "");
    case "multi":
      return options.slice(0, 1);
    case "text":
      return fieldId === "who"
        ? "Sam"
        : fieldId === "what"
          ? "leest elke dag 10 minuten in zijn leesboek"
          : fieldId === "when"
            ? "elke dag na de lunch"
            : `antwoord ${fieldId}`;
  }
}

// An old card or modal (sent twice, or the dialog moved on) stores nothing, and loses nothing the
// teacher filled in: for the step the dialog is at, it comes back filled in (as typed input over
// the stored answers, stored only when sent again); for another step it is shown as text.
import type { DialogSessionRecord } from "../../bot/services/dialog-sessions.js";
import { translate } from "../../bot/i18n/translate.js";
import { hasContent } from "./next-field.js";
import type { FieldValue, StepDefinition, Submission } from "./types.js";

type Locale = "nl" | "en";

const asText = (value: unknown): string => (Array.isArray(value) ? value.map(String).join(",") : String(value));

/** The notice, and the session as the current step should be shown with it (not stored). */
export function staleSubmission(
  session: DialogSessionRecord,
  steps: StepDefinition[],
  current: StepDefinition,
  submission: Submission,
  locale: Locale,
): { text: string; shown: DialogSessionRecord } {
  const step = steps.find((s) => s.id === submission.stepId);
  const stored = step ? (session.answers[step.id] ?? {}) : {};
  // What the card carried that the dialog does not hold: a doubled submission carries nothing new.
  const unsaved = (step?.fields ?? []).filter((f) => {
    const sent = submission.values[f.id];
    if (sent === undefined || sent === null || !hasContent(sent as FieldValue)) return false;
    return asText(sent) !== asText(stored[f.id] ?? "");
  });
  if (submission.action !== "submit" || !step || unsaved.length === 0) return { text: translate(locale, "engine.stale"), shown: session };
  if (step.id === current.id) {
    const raws = { ...(session.rawInputs[step.id] ?? {}) };
    for (const f of unsaved) raws[f.id] = asText(submission.values[f.id]);
    return { text: translate(locale, "question.staleKept"), shown: { ...session, rawInputs: { ...session.rawInputs, [step.id]: raws } } };
  }
  const lines = unsaved.map((f) => `• ${f.label[locale]}: ${asText(submission.values[f.id])}`).join("\n");
  return { text: translate(locale, "question.staleOtherStep", { step: step.title[locale], answers: lines }), shown: session };
}

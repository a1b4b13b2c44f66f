// The questions a dialog asks about itself before it acts on something that cannot be undone or
// that may be misread: "stop and discard what was filled in?" and "did you mean the command …?".
// The question waits on the session (DialogPending); these are its words and its buttons.
import type { DialogPending } from "../../bot/services/dialog-sessions.js";
import { translate } from "../../bot/i18n/translate.js";
import type { Answers } from "./flow.js";
import { SKIPPED } from "./flow.js";
import { hasContent } from "./next-field.js";
import { isTypedDraft } from "./compact-state.js";

type Locale = "nl" | "en";

/** How a teacher answers a question: by button or by typing one of REPLY_WORDS. */
export type QuestionChoice = "yes" | "no" | "pause";

export interface QuestionButton {
  label: string;
  choice: QuestionChoice;
}

const REPLY_WORDS: Record<DialogPending["kind"], Record<string, QuestionChoice>> = {
  // "stop" again confirms the stop; "verder" is the resume word: carry on.
  cancel: {
    ja: "yes",
    j: "yes",
    yes: "yes",
    y: "yes",
    stop: "yes",
    stoppen: "yes",
    nee: "no",
    n: "no",
    no: "no",
    verder: "no",
    doorgaan: "no",
    continue: "no",
    pauze: "pause",
    pauzeren: "pause",
    pause: "pause",
    later: "pause",
  },
  command: { ja: "yes", j: "yes", yes: "yes", y: "yes", nee: "no", n: "no", no: "no" },
  // Editing a field: "ok" keeps what is there.
  edit: { ok: "no", oké: "no", oke: "no", houden: "no", keep: "no" },
};

/** A typed reply to the pending question; null when the text is something else. */
export function replyTo(pending: DialogPending, text: string): QuestionChoice | null {
  return (
    REPLY_WORDS[pending.kind][
      text
        .trim()
        .toLowerCase()
        .replace(/[.!]+$/, "")
    ] ?? null
  );
}

/** How many answers (and drafts) a stop would discard. */
export function filledCount(answers: Answers, rawInputs: Record<string, Record<string, string>>): number {
  let count = 0;
  for (const [stepId, given] of Object.entries(answers)) {
    for (const [fieldId, value] of Object.entries(given)) {
      if (fieldId === SKIPPED) continue;
      if (hasContent(value) || hasContent(rawInputs[stepId]?.[fieldId])) count++;
    }
  }
  for (const [stepId, raws] of Object.entries(rawInputs)) {
    for (const fieldId of Object.keys(raws)) if (isTypedDraft(fieldId) && !(fieldId in (answers[stepId] ?? {})) && hasContent(raws[fieldId])) count++;
  }
  return count;
}

export function cancelQuestion(locale: Locale, dialog: string, count: number): { text: string; buttons: QuestionButton[] } {
  return {
    text: translate(locale, "question.cancel", { dialog, count }),
    buttons: [
      { label: translate(locale, "question.cancel.yes"), choice: "yes" },
      { label: translate(locale, "question.cancel.no"), choice: "no" },
      { label: translate(locale, "question.cancel.pause"), choice: "pause" },
    ],
  };
}

export function commandQuestion(locale: Locale, dialog: string, command: string, field: string | null): { text: string; buttons: QuestionButton[] } {
  const shown = command.length > 60 ? `${command.slice(0, 57)}…` : command;
  return {
    text: field
      ? translate(locale, "question.command", { command: shown, dialog, field })
      : translate(locale, "question.commandNoField", { command: shown, dialog }),
    buttons: [
      { label: translate(locale, "question.command.yes"), choice: "yes" },
      { label: translate(locale, field ? "question.command.no" : "question.command.noNoField"), choice: "no" },
    ],
  };
}

// The typed control words the engine understands (its texts are in bot/i18n/catalogue/dialogs.ts).
import type { DialogAction } from "./types.js";

const CONTROL_WORDS: Record<string, Exclude<DialogAction, "submit">> = {
  terug: "back",
  back: "back",
  vorige: "back",
  overslaan: "skip",
  skip: "skip",
  pauze: "pause",
  pauzeren: "pause",
  pause: "pause",
  later: "pause",
  stop: "cancel",
  stoppen: "cancel",
  annuleren: "cancel",
  cancel: "cancel",
};

const HELP_WORDS = new Set(["help", "hulp", "?"]);
/** "verder" (the resume command) while the dialog is open: show where we are; never an answer. */
const RESUME_WORDS = new Set(["verder", "hervat", "doorgaan", "resume", "continue"]);

/** A typed word that shows the step again (with help, or as it is); null for anything else. */
export function viewWord(text: string): "help" | "resume" | null {
  const typed = text.trim().toLowerCase();
  return HELP_WORDS.has(typed) ? "help" : RESUME_WORDS.has(typed) ? "resume" : null;
}

/** A typed control word ("terug", "pauze", …) as a dialog action; null for an answer. */
export function controlWord(text: string): Exclude<DialogAction, "submit"> | null {
  return CONTROL_WORDS[text.trim().toLowerCase()] ?? null;
}

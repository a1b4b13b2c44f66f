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

/** A typed control word ("terug", "pauze", …) as a dialog action; null for an answer. */
export function controlWord(text: string): Exclude<DialogAction, "submit"> | null {
  return CONTROL_WORDS[text.trim().toLowerCase()] ?? null;
}

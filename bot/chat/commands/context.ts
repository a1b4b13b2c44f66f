// What every command handler gets: the acting person, the database, texts, the dialogs, the clock.
import type { Db } from "../../db/client.js";
import type { Actor } from "../../auth/actor.js";
import type { Translator } from "../../i18n/translate.js";
import type { DialogGuide } from "../../guide/dialog-guide.js";

export interface CommandContext {
  db: Db;
  actor: Actor;
  t: Translator;
  /** Starts and resumes guided dialogs. */
  guide: DialogGuide;
  /** The core's clock (a fake one in tests). */
  now: () => Date;
}

/** A command's input: the text after its phrase when typed, the checked arguments when pressed. */
export interface CommandInput {
  text: string;
  args: Record<string, string>;
}

export const typedInput = (text: string): CommandInput => ({ text, args: {} });

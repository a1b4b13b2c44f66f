// What every command handler gets: the acting person, the database, texts, the dialogs, the clock.
import type { Db } from "../../db/client.js";
import type { Actor } from "../../auth/actor.js";
import type { Translator } from "../../i18n/translate.js";
import type { DialogGuide } from "../../guide/dialog-guide.js";
import type { StaffSchool } from "../../auth/person-schools.js";

export interface CommandContext {
  db: Db;
  actor: Actor;
  t: Translator;
  /** Starts and resumes guided dialogs. */
  guide: DialogGuide;
  /** The core's clock (a fake one in tests). */
  now: () => Date;
  /** The acting person's schools (one staff record each) and the switch between them. */
  schools: PersonSchools;
}

/**
 * A person's staff records at the schools her channel serves. Each acts alone (the actor is one
 * record; rights are never combined across schools); switching changes which one acts next turn.
 */
export interface PersonSchools {
  /** Her active staff records at the served schools, the acting one included, by school name. */
  list(): Promise<StaffSchool[]>;
  /** Acts as this staff record from the next turn on (remembered for her channel identity). */
  switchTo(staffId: string): Promise<void>;
}

/** A command's input: the text after its phrase when typed, the checked arguments when pressed. */
export interface CommandInput {
  text: string;
  args: Record<string, string>;
}

export const typedInput = (text: string): CommandInput => ({ text, args: {} });

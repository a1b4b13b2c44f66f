// What every roster parser produces (CSV, EDEXML) and the rules one pupil's fields follow, whatever
// the file they came from. A reason never contains a pupil's name: only ids, keys, group names,
// teacher e-mail addresses and field names.
import { z } from "zod";

export interface RosterRow {
  /** Line in the file where the pupil's record starts (CSV: the header is line 1). */
  line: number;
  /** The administration's pupil id (leerlingnummer, EDEXML leerling key). */
  externalId: string;
  firstName: string;
  /** Last name (with tussenvoegsel / voorvoegsel when the file has one) or an initial. */
  lastName: string;
  /** Normalized group name, e.g. "groep 4/5". */
  group: string;
  /** Lower-cased, de-duplicated, at least one. */
  teacherEmails: string[];
}

export interface RosterLineError {
  line: number;
  reason: string;
}

export type CsvDelimiter = ";" | "," | "\t";

export interface RosterParseResult {
  /** The valid rows; a record with any error is left out. */
  rows: RosterRow[];
  /** Every problem found, sorted by line. Empty when the whole file is valid. */
  errors: RosterLineError[];
  /** The CSV separator; null for EDEXML or when the header could not be read. */
  delimiter: CsvDelimiter | null;
  /** The school year the export says it is for (EDEXML's school/schooljaar), when it says so. */
  declaredSchoolYear?: string;
}

/**
 * Checks a syntactically valid, lower-cased teacher e-mail against the staff list; returns the
 * reason it is refused, or null when it is fine.
 */
export type TeacherEmailCheck = (email: string) => string | null;

export interface ParseRosterOptions {
  checkTeacherEmail?: TeacherEmailCheck;
}

// eslint-disable-next-line no-control-regex
const noControlCharacters = (value: string): boolean => !/[\u0000-\u001f\u007f]/.test(value);
/** U+FFFD: the file went through a conversion with the wrong encoding before it reached us. */
const noReplacementCharacter = (value: string): boolean => !value.includes("\uFFFD");
const REPLACEMENT_REASON = "contains '\uFFFD' (a character lost to a wrong encoding); export the file again as UTF-8";

/** A pupil's id and names, trimmed; the messages name the field, never its value. */
export const PupilFields = z.object({
  externalId: z
    .string()
    .trim()
    .min(1, "missing pupil id")
    .max(64, "pupil id is longer than 64 characters")
    .refine(noControlCharacters, "pupil id contains a line break or control character"),
  firstName: z
    .string()
    .trim()
    .min(1, "empty first name")
    .max(100, "first name is longer than 100 characters")
    .refine(noControlCharacters, "first name contains a line break or control character")
    .refine(noReplacementCharacter, `first name ${REPLACEMENT_REASON}`),
  lastName: z
    .string()
    .trim()
    .min(1, "empty last name")
    .max(100, "last name is longer than 100 characters")
    .refine(noControlCharacters, "last name contains a line break or control character")
    .refine(noReplacementCharacter, `last name ${REPLACEMENT_REASON}`),
});

/** The last name as stored: the tussenvoegsel (voorvoegsel) joined in front, "de Vries". */
export function joinLastName(tussenvoegsel: string, lastName: string): string {
  const prefix = tussenvoegsel.trim();
  const name = lastName.trim();
  return prefix && name ? `${prefix} ${name}` : name;
}

const Email = z.email();

/** A teacher e-mail as written in the file: lower-cased when valid, else the reason it is not. */
export function readTeacherEmail(candidate: string): { email: string } | { reason: string } {
  const email = candidate.trim().toLowerCase();
  return Email.safeParse(email).success ? { email } : { reason: `invalid teacher e-mail '${candidate.trim()}'` };
}

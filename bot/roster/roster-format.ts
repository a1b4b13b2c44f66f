// Which parser reads a roster export: the CSV of a spreadsheet or administration, or EDEXML
// (EDEX.XML). Named by the operator (`--format`) or recognised from the text itself.
import { z } from "zod";
import { parseRosterCsv } from "./parse-roster-csv.js";
import { parseRosterEdexml } from "./parse-roster-edexml.js";
import type { ParseRosterOptions, RosterParseResult } from "./roster-row.js";

export const RosterFormat = z.enum(["csv", "edexml"]);
export type RosterFormat = z.infer<typeof RosterFormat>;

/** XML starts with "<" (`<?xml`, `<EDEX`, a comment) after a byte-order mark; no CSV header does. */
export function detectRosterFormat(text: string): RosterFormat {
  return /^\uFEFF?\s*</.test(text) ? "edexml" : "csv";
}

/** Parses the export with the parser of its format, recognised from the text when not given. */
export function parseRoster(text: string, format: RosterFormat | undefined, options: ParseRosterOptions = {}): RosterParseResult {
  return (format ?? detectRosterFormat(text)) === "edexml" ? parseRosterEdexml(text, options) : parseRosterCsv(text, options);
}

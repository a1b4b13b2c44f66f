// Parses a CSV export of the school administration (ParnasSys, ESIS, a spreadsheet) into roster rows.
// Every problem is reported with the physical line number it was found on (the header is line 1),
// so the school's IT person can fix the export. Error reasons never contain pupil names: only line
// numbers, pupil ids, group names, teacher e-mail addresses and column names.
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { normalizeGroupName } from "../domain/vocabulary.js";
import {
  type CsvDelimiter,
  joinLastName,
  type ParseRosterOptions,
  PupilFields,
  type RosterLineError,
  type RosterParseResult,
  type RosterRow,
  readTeacherEmail,
  type TeacherEmailCheck,
} from "./roster-row.js";

export type { CsvDelimiter, ParseRosterOptions, RosterLineError, RosterParseResult, RosterRow, TeacherEmailCheck } from "./roster-row.js";

type Field = "externalId" | "firstName" | "tussenvoegsel" | "lastName" | "group" | "teacherEmails";

interface ColumnSpec {
  field: Field;
  label: string;
  required: boolean;
  /** Accepted header names, by preference when a file has several of them. */
  aliases: string[];
}

/** The columns the import reads. Any other column (birth date, address …) is ignored on purpose. */
export const ROSTER_COLUMNS: readonly ColumnSpec[] = [
  { field: "externalId", label: "pupil id", required: true, aliases: ["leerlingnummer", "leerling_id", "pupil_id", "id"] },
  { field: "firstName", label: "first name", required: true, aliases: ["roepnaam", "voornaam", "first_name"] },
  { field: "tussenvoegsel", label: "tussenvoegsel", required: false, aliases: ["tussenvoegsel", "tussenvoegsels"] },
  { field: "lastName", label: "last name", required: true, aliases: ["achternaam", "last_name"] },
  { field: "group", label: "group", required: true, aliases: ["groep", "group"] },
  {
    field: "teacherEmails",
    label: "teacher e-mail",
    required: true,
    aliases: ["leerkracht_email", "leerkrachten", "teacher_email", "teacher_emails"],
  },
];

/** Header names compare case-insensitively, ignoring spaces, hyphens, underscores and dots. */
function headerKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

const EMAIL_SEPARATORS = /[\s,|;]+/;

function rowSchema(checkTeacherEmail: TeacherEmailCheck | undefined) {
  return PupilFields.extend({
    group: z
      .string()
      .trim()
      .min(1, "missing group")
      .transform((raw, ctx) => {
        const name = normalizeGroupName(raw);
        if (!name) {
          ctx.addIssue({ code: "custom", message: `unknown group '${raw}'` });
          return z.NEVER;
        }
        return name;
      }),
    teacherEmails: z.string().transform((raw, ctx) => {
      const candidates = raw.split(EMAIL_SEPARATORS).filter((e) => e.length > 0);
      if (candidates.length === 0) {
        ctx.addIssue({ code: "custom", message: "missing teacher e-mail" });
        return z.NEVER;
      }
      const emails: string[] = [];
      for (const candidate of candidates) {
        const read = readTeacherEmail(candidate);
        if ("reason" in read) {
          ctx.addIssue({ code: "custom", message: read.reason });
          continue;
        }
        if (emails.includes(read.email)) continue;
        const refused = checkTeacherEmail?.(read.email);
        if (refused) ctx.addIssue({ code: "custom", message: refused });
        emails.push(read.email);
      }
      return emails;
    }),
  });
}

/**
 * Splits the text into records, honouring quoted fields that contain separators or line breaks.
 * Returns each record's raw text and the physical line it starts on.
 */
function splitRecords(text: string, delimiter: string): { raw: string; line: number }[] {
  const records: { raw: string; line: number }[] = [];
  let line = 1;
  let start = 0;
  let startLine = 1;
  let inQuotes = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      } else if (ch === "\n") line++;
      continue;
    }
    if (ch === "\n") {
      records.push({ raw: text.slice(start, i), line: startLine });
      line++;
      start = i + 1;
      startLine = line;
      fieldStart = true;
    } else if (ch === delimiter) {
      fieldStart = true;
    } else if (ch === '"' && fieldStart) {
      inQuotes = true;
      fieldStart = false;
    } else if (ch !== " " && ch !== "\t") {
      fieldStart = false;
    }
  }
  if (start < text.length) records.push({ raw: text.slice(start), line: startLine });
  return records;
}

/** Counts a candidate separator outside quotes. */
function countOutsideQuotes(text: string, char: string): number {
  let count = 0;
  let inQuotes = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === char && !inQuotes) count++;
  }
  return count;
}

/**
 * The header line decides the separator: the most frequent of ';', tab and ',' outside quotes
 * (';' wins ties), unless an Excel "sep=" line names it.
 */
function detectDelimiter(headerLine: string): CsvDelimiter | null {
  let best: CsvDelimiter | null = null;
  let bestCount = 0;
  for (const candidate of [";", "\t", ","] as const) {
    const count = countOutsideQuotes(headerLine, candidate);
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

function parseRecord(raw: string, delimiter: CsvDelimiter): { fields: string[] } | { error: string } {
  try {
    const parsed = parse(raw, {
      delimiter,
      // Trimming would swallow tab separators; fields are trimmed below instead.
      trim: delimiter !== "\t",
      relax_column_count: true,
      record_delimiter: "\n",
    });
    return { fields: (parsed[0] ?? []).map((f) => f.trim()) };
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code === "CSV_QUOTE_NOT_CLOSED")
      return { error: "a quoted field that starts on this line is never closed (missing '\"'); the lines after it could not be read" };
    if (code === "CSV_INVALID_CLOSING_QUOTE") return { error: 'text follows a closing quote; write a quote inside a quoted field as ""' };
    return { error: `the line is not valid CSV (${code || "parse error"})` };
  }
}

function lineError(line: number, reason: string): RosterLineError {
  return { line, reason };
}

/** Parses and validates a roster CSV. Never throws on bad input; every problem is in `errors`. */
export function parseRosterCsv(csvText: string, options: ParseRosterOptions = {}): RosterParseResult {
  const RowSchema = rowSchema(options.checkTeacherEmail);
  // Strip a UTF-8 byte-order mark and normalize CRLF / CR line endings.
  const text = csvText.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = text.split("\n", 2);
  // Excel may write a "sep=;" line before the header.
  const sepHint = /^\s*"?sep=([;,\t])"?\s*$/i.exec(lines[0] ?? "")?.[1] as CsvDelimiter | undefined;
  const headerLine = (sepHint ? lines[1] : lines[0]) ?? "";
  const headerLineNumber = sepHint ? 2 : 1;
  if (headerLine.trim() === "") {
    return {
      rows: [],
      errors: [lineError(headerLineNumber, "this line must be the header with the column names")],
      delimiter: null,
    };
  }
  const delimiter = sepHint ?? detectDelimiter(headerLine) ?? ";";
  const records = splitRecords(text, delimiter);
  if (sepHint) records.shift();
  const headerRecord = records.shift();
  const header = headerRecord ? parseRecord(headerRecord.raw, delimiter) : { fields: [] };
  if ("error" in header) {
    return { rows: [], errors: [lineError(headerLineNumber, `header: ${header.error}`)], delimiter };
  }

  // Map the columns we need to their positions.
  const positions = new Map<string, number>();
  header.fields.forEach((name, index) => {
    const key = headerKey(name);
    if (key && !positions.has(key)) positions.set(key, index);
  });
  const columnOf = new Map<Field, number>();
  const errors: RosterLineError[] = [];
  for (const spec of ROSTER_COLUMNS) {
    const index = spec.aliases.map((alias) => positions.get(headerKey(alias))).find((i) => i !== undefined);
    if (index !== undefined) columnOf.set(spec.field, index);
    else if (spec.required) {
      errors.push(lineError(headerLineNumber, `missing required column '${spec.label}' (header must name one of: ${spec.aliases.join(", ")})`));
    }
  }
  if (errors.length > 0) return { rows: [], errors, delimiter };

  const rows: RosterRow[] = [];
  const firstLineOfId = new Map<string, number>();
  const cell = (fields: string[], field: Field): string => {
    const index = columnOf.get(field);
    return index === undefined ? "" : (fields[index] ?? "");
  };

  for (const record of records) {
    if (record.raw.trim() === "") continue; // empty lines, also trailing ones
    const result = parseRecord(record.raw, delimiter);
    if ("error" in result) {
      errors.push(lineError(record.line, result.error));
      continue;
    }
    const { fields } = result;
    if (fields.every((f) => f === "")) continue; // a line of separators only, e.g. ";;;;"
    const extra = fields.slice(header.fields.length).filter((f) => f !== "");
    if (extra.length > 0) {
      const sep = delimiter === "\t" ? "tab" : `'${delimiter}'`;
      errors.push(
        lineError(
          record.line,
          `the line has ${fields.length} fields but the header has ${header.fields.length}; ` +
            `put quotes around a field that contains ${sep}, or separate several e-mails with '|'`,
        ),
      );
      continue;
    }
    const parsed = RowSchema.safeParse({
      externalId: cell(fields, "externalId"),
      firstName: cell(fields, "firstName"),
      lastName: joinLastName(cell(fields, "tussenvoegsel"), cell(fields, "lastName")),
      group: cell(fields, "group"),
      teacherEmails: cell(fields, "teacherEmails"),
    });
    let ok = parsed.success;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(lineError(record.line, issue.message));
    }
    // Duplicates are checked on the raw id so a repeated line is reported even if it has other errors.
    const id = cell(fields, "externalId").trim();
    if (id) {
      const first = firstLineOfId.get(id);
      if (first === undefined) firstLineOfId.set(id, record.line);
      else {
        errors.push(lineError(record.line, `duplicate pupil id '${id}' (first on line ${first})`));
        ok = false;
      }
    }
    if (ok && parsed.success) rows.push({ line: record.line, ...parsed.data });
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors, delimiter };
}

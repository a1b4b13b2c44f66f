// The bytes of a roster export, as text. Dutch administrations and Excel often write
// Windows-1252, sometimes UTF-16 (Excel's "Unicode text"); reading those as UTF-8 corrupts every
// accented name ("Zoë Çelik" becomes "Zo� �elik"). Decided from the bytes, never guessed silently:
// a byte-order mark names UTF-8 or UTF-16; valid UTF-8 is UTF-8; otherwise the text is read as
// Windows-1252 when every byte has a character there, and the report says so with the lines to
// check. Anything else is refused with one message. An XML export's declared encoding is checked
// against what the bytes are (checkDeclaredEncoding). Node's TextDecoder("windows-1252") decodes as
// Latin-1 (0x80–0x9F become control characters), so the 32 differing code points are mapped here.
import { AppError, ErrorCode } from "../errors.js";

export type RosterEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedRoster {
  text: string;
  encoding: RosterEncoding;
  /** Set when the file was not UTF-8: what was done, and which lines hold converted letters. */
  notice?: string;
}

// Windows-1252 0x80–0x9F; null where the code page has no character.
const CP1252_HIGH: (number | null)[] = [
  0x20ac,
  null,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  null,
  0x017d,
  null,
  null,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  null,
  0x017e,
  0x0178,
];

const REFUSED =
  "The file is not UTF-8, UTF-16 or Windows-1252 text, so names cannot be read reliably. " +
  'Export it again as UTF-8 (in Excel: Save As → "CSV UTF-8 (comma delimited)").';

function decodeCp1252(bytes: Uint8Array): string | null {
  let out = "";
  for (const b of bytes) {
    if (b >= 0x80 && b <= 0x9f) {
      const cp = CP1252_HIGH[b - 0x80];
      if (cp === null || cp === undefined) return null;
      out += String.fromCharCode(cp);
    } else out += String.fromCharCode(b);
  }
  return out;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string | null {
  if (bytes.length % 2 !== 0) return null;
  const swapped = littleEndian ? bytes : Uint8Array.from(bytes, (_, i) => bytes[i ^ 1]!);
  try {
    return new TextDecoder("utf-16le", { fatal: true }).decode(swapped);
  } catch {
    return null;
  }
}

/** UTF-16 without a byte-order mark: ASCII text has a zero in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4000));
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenZeros++ : oddZeros++;
  const half = sample.length / 2;
  if (oddZeros > half * 0.6 && evenZeros < half * 0.1) return "utf-16le";
  if (evenZeros > half * 0.6 && oddZeros < half * 0.1) return "utf-16be";
  return null;
}

/** Line numbers (1-based, as the import reports them) that hold non-ASCII characters. */
function linesWithNonAscii(text: string): number[] {
  const lines: number[] = [];
  text.split(/\r\n?|\n/).forEach((line, i) => {
    if (/[^\x00-\x7f]/.test(line)) lines.push(i + 1);
  });
  return lines;
}

/** " Check the names on lines …" for the lines with letters a conversion may have got wrong; "" when none. */
function linesToCheck(text: string): string {
  const lines = linesWithNonAscii(text.replace(/^\uFEFF/, ""));
  const shown = lines.slice(0, 20).join(", ") + (lines.length > 20 ? ` and ${lines.length - 20} more` : "");
  return lines.length ? ` Check the names on ${lines.length === 1 ? "line" : "lines"} ${shown}.` : "";
}

function notice(encoding: RosterEncoding, text: string): string {
  return `The file was read as ${encoding === "windows-1252" ? "Windows-1252 (the usual encoding of Dutch Windows and Excel exports)" : encoding.toUpperCase()} and converted to UTF-8.${linesToCheck(text)}`;
}

/** Encodings an XML prolog may declare, by the one the bytes must then be read as (lower-cased names). */
const DECLARED: Record<string, "utf-8" | "utf-16" | "windows-1252"> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "us-ascii": "utf-8",
  ascii: "utf-8",
  "utf-16": "utf-16",
  "utf-16le": "utf-16",
  "utf-16be": "utf-16",
  "iso-8859-1": "windows-1252",
  "iso_8859-1": "windows-1252",
  latin1: "windows-1252",
  "latin-1": "windows-1252",
  "windows-1252": "windows-1252",
  cp1252: "windows-1252",
};

/**
 * An XML export names its encoding in the prolog (`<?xml version="1.0" encoding="ISO-8859-1"?>`). The
 * bytes still decide, as for CSV: exports often declare one encoding and write another. A declared
 * encoding the import cannot read is refused; one the bytes contradict is mentioned in the notice.
 */
function checkDeclaredEncoding(decoded: DecodedRoster): DecodedRoster {
  const declared = /^\uFEFF?<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.-]*)["']/.exec(decoded.text)?.[1];
  if (declared === undefined) return decoded;
  const expected = DECLARED[declared.trim().toLowerCase()];
  if (!expected) {
    throw new AppError(
      ErrorCode.ImportRejected,
      `The file declares the encoding "${declared}", which the import does not read. Export it again as UTF-8 (or ISO-8859-1 / Windows-1252).`,
    );
  }
  const actual = decoded.encoding.startsWith("utf-16") ? "utf-16" : decoded.encoding;
  // Pure ASCII reads the same in UTF-8 and Windows-1252: nothing to say.
  if (expected === actual || (actual === "utf-8" && !/[^\x00-\x7f]/.test(decoded.text))) return decoded;
  const said = `The file declares the encoding ${declared}, but its bytes are not.`;
  return { ...decoded, notice: `${said} ${decoded.notice ?? `It was read as UTF-8.${linesToCheck(decoded.text)}`}` };
}

export function decodeRosterBytes(bytes: Uint8Array): DecodedRoster {
  return checkDeclaredEncoding(decodeBytes(bytes));
}

function decodeBytes(bytes: Uint8Array): DecodedRoster {
  const refuse = () => {
    throw new AppError(ErrorCode.ImportRejected, REFUSED);
  };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = decodeUtf16(bytes.subarray(2), true) ?? refuse();
    return { text, encoding: "utf-16le", notice: notice("utf-16le", text) };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = decodeUtf16(bytes.subarray(2), false) ?? refuse();
    return { text, encoding: "utf-16be", notice: notice("utf-16be", text) };
  }
  const unmarked = utf16WithoutBom(bytes);
  if (unmarked) {
    const text = decodeUtf16(bytes, unmarked === "utf-16le") ?? refuse();
    return { text, encoding: unmarked, notice: notice(unmarked, text) };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Not UTF-8: the Windows code page, if every byte has a character there.
  }
  const text = decodeCp1252(bytes) ?? refuse();
  // A zero or other control byte is not a text export at all (a spreadsheet file, say).
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) refuse();
  return { text, encoding: "windows-1252", notice: notice("windows-1252", text) };
}

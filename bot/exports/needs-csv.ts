// A group's onderwijsbehoeften as a table for the groepsplan, the way Dutch Excel opens a CSV by a
// double click: UTF-8 with a byte order mark (else Ayşe Yılmaz arrives as "AyÅŸe YÄ±lmaz"), `;`
// between columns (Dutch Excel reads `,` as the decimal comma) and CRLF line ends. Quoting is
// csv-stringify's: a `;`, a quote or a line break inside an answer stays inside its cell; a cell
// that starts like a formula (=, +, -, @) is prefixed with ' so Excel shows it and never runs it.
import { stringify } from "csv-stringify/sync";
import type { GroupNeeds } from "../services/educational-needs.js";
import { translatorFor } from "../i18n/translate.js";

export function needsCsv(data: GroupNeeds, locale: "nl" | "en"): string {
  const t = translatorFor(locale);
  const header = [t("needs.column.pupil"), t("needs.column.statement"), t("needs.column.conversation"), t("needs.column.date")];
  const rows = data.rows.map((r) => [r.pupilName, r.statement, r.formatName[locale], r.heldOn]);
  return stringify([header, ...rows], { bom: true, delimiter: ";", record_delimiter: "windows", escape_formulas: true });
}

// The operator's holiday commands (bot/roster/school-holidays.ts), for the school's admin or IT person:
//   npm run cli -- closures propose --school "<name or id>" --school-year 2027-2028 [--region midden] [--out <file.json>]
//   npm run cli -- closures confirm --school "<name or id>" --school-year 2027-2028 [--region midden]   (the proposal as is)
//   npm run cli -- closures confirm <file.json>                                                         (an edited proposal)
//   npm run cli -- closures list --school "<name or id>"
// Propose prints the proposal; with --out it writes it as a file to edit: move or drop a holiday,
// add the school's own, set "open": true on a public holiday that is a school day. Confirm stores it.
import { readFileSync, writeFileSync } from "node:fs";
import { parseOptions } from "./parse-options.js";
import type { Db } from "../db/client.js";
import { holidayData } from "../roster/holiday-data.js";
import { confirmClosures, confirmedYears, proposeClosures, type ClosureProposal } from "../roster/school-holidays.js";
import { findSchool } from "../roster/index.js";
import { counted } from "../text/text.js";

const CLOSURES = { one: "closure", other: "closures" };

export const CLOSURES_USAGE = `  npm run cli -- closures propose --school "<school name or id>" --school-year YYYY-YYYY [--region noord|midden|zuid] [--out <file.json>]
  npm run cli -- closures confirm --school "<school name or id>" --school-year YYYY-YYYY [--region noord|midden|zuid]
  npm run cli -- closures confirm <edited file.json>
  npm run cli -- closures list --school "<school name or id>"`;

export class ClosuresUsageError extends Error {}

type Io = { out: (line: string) => void; err: (line: string) => void };

const DATE = new Intl.DateTimeFormat("nl-NL", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const day = (date: string) => DATE.format(new Date(`${date}T12:00:00Z`));

function printProposal(proposal: ClosureProposal, io: Io): void {
  const url = holidayData().schoolYears[proposal.schoolYear]?.url ?? "";
  io.out(`Proposed closures for ${proposal.schoolYear}, region ${proposal.region} (data ${proposal.dataVersion}: ${url})`);
  for (const c of proposal.closures) io.out(`  ${c.name.padEnd(26)} ${day(c.startDate)} – ${day(c.endDate)}`);
  io.out("Public holidays on school days (closed unless marked open):");
  for (const h of proposal.publicHolidays) io.out(`  ${h.name.padEnd(26)} ${day(h.date)}${h.open ? "  OPEN (a school day)" : ""}`);
}

function parse(args: string[]) {
  try {
    return parseOptions({
      args,
      allowPositionals: true,
      options: { school: { type: "string" }, "school-year": { type: "string" }, region: { type: "string" }, out: { type: "string" } },
    });
  } catch (error) {
    throw new ClosuresUsageError((error as Error).message);
  }
}

/** Exit code; writes its report to `out` and notes to `err`. Errors are thrown (AppError, ClosuresUsageError). */
export async function runClosuresCommand(db: Db, args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "propose" && sub !== "confirm" && sub !== "list")
    // Before the options: "closures frob" answered that --school was missing.
    throw new ClosuresUsageError(`unknown closures command ${sub ?? "(none)"}: use propose, confirm or list`);
  const { values, positionals } = parse(rest);
  if (sub === "confirm" && positionals[0]) {
    let text: string;
    try {
      text = readFileSync(positionals[0], "utf8");
    } catch {
      throw new ClosuresUsageError(`cannot read ${positionals[0]}`);
    }
    const report = await confirmClosures(db, text);
    io.out(
      `${report.changed ? "confirmed" : "already confirmed, nothing changed"}: ${counted(report.closures, CLOSURES)} for ${report.schoolYear}, region ${report.region}`,
    );
    if (report.openDays.length) io.out(`  open on: ${report.openDays.join(", ")}`);
    return 0;
  }
  if (!values.school) throw new ClosuresUsageError("--school is required");
  if (sub === "list") {
    const school = await findSchool(db, values.school);
    if (!school) throw new ClosuresUsageError(`no school named or with id "${values.school}"`);
    const closures = await db.schoolClosure.findMany({ where: { schoolId: school.id }, orderBy: { startDate: "asc" } });
    for (const year of await confirmedYears(db, school.id))
      io.out(`${year.schoolYear}: region ${year.region} confirmed ${year.confirmedAt.toISOString().slice(0, 10)}`);
    for (const c of closures) io.out(`  ${c.startDate} – ${c.endDate}  ${c.kind.padEnd(9)} ${c.name}  (${c.schoolYear ? `confirmed ${c.schoolYear}` : "own"})`);
    if (school.openPublicHolidays) io.out(`open on public holidays: ${school.openPublicHolidays.split(",").join(", ")}`);
    return 0;
  }
  const schoolYear = values["school-year"];
  if (!schoolYear) throw new ClosuresUsageError("--school-year is required");
  const proposal = await proposeClosures(db, { school: values.school, schoolYear, region: values.region });
  if (sub === "propose") {
    printProposal(proposal, io);
    if (values.out) {
      writeFileSync(values.out, `${JSON.stringify(proposal, null, 2)}\n`);
      io.err(`written to ${values.out}: edit it if the school differs, then: npm run cli -- closures confirm ${values.out}`);
    } else io.err("nothing stored yet: confirm it as is with `closures confirm`, or write it with --out, edit, and confirm the file");
    return 0;
  }
  const report = await confirmClosures(db, proposal);
  io.out(
    `${report.changed ? "confirmed" : "already confirmed, nothing changed"}: ${counted(report.closures, CLOSURES)} for ${report.schoolYear}, region ${report.region}`,
  );
  return 0;
}

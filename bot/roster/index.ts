// Roster and school setup: how a school's people and groups get into Gesprekswijzer.
export {
  parseRosterCsv,
  ROSTER_COLUMNS,
  type CsvDelimiter,
  type ParseRosterOptions,
  type RosterLineError,
  type RosterParseResult,
  type RosterRow,
  type TeacherEmailCheck,
} from "./parse-roster-csv.js";
export { parseRosterEdexml } from "./parse-roster-edexml.js";
export { detectRosterFormat, parseRoster, RosterFormat } from "./roster-format.js";
export {
  importRoster,
  type RosterImportCounts,
  type RosterImportOptions,
  type RosterImportReport,
} from "./import-roster.js";
export {
  applySchoolSetup,
  findSchool,
  findSchoolByName,
  formatJsonPath,
  parseSchoolSetup,
  SchoolSetupSchema,
  type SchoolSetup,
  type SchoolSetupReport,
  type SetupProblem,
} from "./school-setup.js";
export { isValidSchoolYear } from "../domain/school-year.js";
export { applyDueStagedRosters, listStagedRosters, type StagedRosterResult, type StagedRosterView } from "./stage-roster.js";
export { decodeRosterBytes, type DecodedRoster, type RosterEncoding } from "./decode-roster.js";

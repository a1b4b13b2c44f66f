// Reads an EDEXML 2.x export (EDEX.XML from ParnasSys, ESIS, …) into the few values the roster
// import uses, each record with the line its start tag is on. Only these are kept; every other
// element (birth date, gender, address, BSN, photo URL, …) is passed over as the parser streams by
// and never leaves this file:
//   EDEX/groepen/groep[@key]            naam, jaargroep
//   EDEX/leerlingen/leerling[@key]      achternaam, voorvoegsel, roepnaam, voornamen, jaargroep, groep[@key]
//   EDEX/leerkrachten/leerkracht[@key]  emailadres, groepen/groep[@key]
//   EDEX/school                         schooljaar (the school year the export is for)
// Samengestelde groepen (composed groups for a subject or level) are not a pupil's own group and are
// skipped. The parser (saxes) is strict XML 1.0 and expands no entity a DOCTYPE declares, so a file
// cannot make it fetch anything or blow up in memory; the first well-formedness error ends reading.
import { SaxesParser } from "saxes";
import type { RosterLineError } from "./roster-row.js";

export interface EdexGroup {
  /** "" when the attribute is missing. */
  key: string;
  line: number;
  naam: string;
  jaargroep: string;
}

export interface EdexPupil {
  key: string;
  line: number;
  achternaam: string;
  voorvoegsel: string;
  roepnaam: string;
  voornamen: string;
  jaargroep: string;
  /** The stamgroep's key; null when the pupil has no groep element. */
  groepKey: string | null;
}

export interface EdexTeacher {
  key: string;
  line: number;
  emailadres: string;
  /** Keys of the stamgroepen the leerkracht is linked to, in file order. */
  groepKeys: string[];
}

export interface EdexDocument {
  /** `school/schooljaar` as written ("2027-2028"); "" when absent. */
  schooljaar: string;
  groups: EdexGroup[];
  pupils: EdexPupil[];
  teachers: EdexTeacher[];
}

const GROUP = "EDEX/groepen/groep";
const PUPIL = "EDEX/leerlingen/leerling";
const TEACHER = "EDEX/leerkrachten/leerkracht";
const SCHOOL = "EDEX/school";

/** Per record, the child elements whose text is kept; the first occurrence counts. */
const TEXT_FIELDS: Record<string, readonly string[]> = {
  [GROUP]: ["naam", "jaargroep"],
  [PUPIL]: ["achternaam", "voorvoegsel", "roepnaam", "voornamen", "jaargroep"],
  [TEACHER]: ["emailadres"],
  [SCHOOL]: ["schooljaar"],
};

/** The name without a namespace prefix: `edex:leerling` is `leerling`. */
const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

class RootError extends Error {}

/** Reads the EDEXML text (already decoded, without a byte-order mark); never throws on bad input. */
export function readEdexml(text: string): { document: EdexDocument } | { error: RosterLineError } {
  const document: EdexDocument = { schooljaar: "", groups: [], pupils: [], teachers: [] };
  const school = { schooljaar: "" };
  const parser = new SaxesParser({ position: true });
  const path: string[] = [];
  let tagLine = 1;
  let pupil: EdexPupil | null = null;
  let teacher: EdexTeacher | null = null;
  /** The open record: its path, its text fields, and those already filled. */
  let open: { at: string; record: Record<string, unknown>; seen: Set<string> } | null = null;
  let field: string | null = null;
  let captured = "";

  parser.on("opentagstart", () => {
    // The event comes after the character ending the name; when that was a line break the tag began a line before.
    tagLine = parser.column === 0 ? parser.line - 1 : parser.line;
  });
  parser.on("opentag", (tag) => {
    const name = localName(tag.name);
    if (path.length === 0 && name !== "EDEX") throw new RootError(`<${name}>`);
    const parent = path.join("/");
    path.push(name);
    const at = path.join("/");
    const key = typeof tag.attributes.key === "string" ? tag.attributes.key.trim() : "";
    const start = (record: EdexGroup | EdexPupil | EdexTeacher) => {
      open = { at, record: record as unknown as Record<string, unknown>, seen: new Set() };
    };
    if (at === SCHOOL) {
      open = { at, record: school, seen: new Set() };
    } else if (at === GROUP) {
      const group: EdexGroup = { key, line: tagLine, naam: "", jaargroep: "" };
      document.groups.push(group);
      start(group);
    } else if (at === PUPIL) {
      pupil = { key, line: tagLine, achternaam: "", voorvoegsel: "", roepnaam: "", voornamen: "", jaargroep: "", groepKey: null };
      document.pupils.push(pupil);
      start(pupil);
    } else if (at === TEACHER) {
      teacher = { key, line: tagLine, emailadres: "", groepKeys: [] };
      document.teachers.push(teacher);
      start(teacher);
    } else if (at === `${PUPIL}/groep` && pupil && pupil.groepKey === null) {
      pupil.groepKey = key;
    } else if (at === `${TEACHER}/groepen/groep` && teacher) {
      teacher.groepKeys.push(key);
    } else if (open && parent === open.at && TEXT_FIELDS[open.at]?.includes(name) && !open.seen.has(name)) {
      open.seen.add(name);
      field = name;
      captured = "";
    }
  });
  const keep = (chunk: string) => {
    if (field) captured += chunk;
  };
  parser.on("text", keep);
  parser.on("cdata", keep);
  parser.on("closetag", () => {
    const at = path.join("/");
    if (field && open) open.record[field] = captured;
    field = null;
    if (open?.at === at) open = null;
    if (at === PUPIL) pupil = null;
    if (at === TEACHER) teacher = null;
    path.pop();
  });

  try {
    parser.write(text).close();
    document.schooljaar = school.schooljaar.trim();
  } catch (error) {
    if (error instanceof RootError) {
      return {
        error: {
          line: tagLine,
          reason: `the root element is ${error.message}, not <EDEX>: this is not an EDEXML export (EDEX.XML from the school administration)`,
        },
      };
    }
    // saxes prefixes "line:column: "; its messages name tags and entities, never text content.
    const message = (error as Error).message.replace(/^\d+:\d+:\s*/, "").replace(/\.$/, "");
    return { error: { line: parser.line, reason: `the file is not well-formed XML: ${message}` } };
  }
  return { document };
}

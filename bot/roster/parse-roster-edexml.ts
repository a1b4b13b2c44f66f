// Parses an EDEXML 2.x export (EDEX.XML, the Dutch standard ParnasSys and ESIS write) into the
// same roster rows as a CSV, under the same rules (roster-row.ts). What EDEXML adds:
// - a pupil's group is a reference to a groep by key; its name is the groep's naam when that names
//   a year level ("4A", "Groep 1/2b"), else its jaargroep ("groep 4"), and for a combination group
//   (jaargroep C) the jaargroepen of its pupils ("groep 4/5");
// - a pupil's teachers are the leerkrachten linked to that groep: their e-mails, each checked
//   against the staff list once, at the leerkracht's own line. A groep with pupils and no leerkracht
//   is an error, as a CSV line without a teacher e-mail is.
// Every problem names its line and the record's key (groep, leerling or leerkracht); never a name.
import { normalizeGroupName } from "../domain/vocabulary.js";
import { type EdexGroup, type EdexPupil, type EdexTeacher, readEdexml } from "./edexml-reader.js";
import {
  joinLastName,
  type ParseRosterOptions,
  PupilFields,
  type RosterLineError,
  type RosterParseResult,
  type RosterRow,
  readTeacherEmail,
} from "./roster-row.js";

const YEAR_LEVEL = /^[1-8]$/;

const groupLabel = (group: EdexGroup) => `groep '${group.key}' (naam '${group.naam.trim()}')`;

function addTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Records by key; a record without a key or with a key seen before is reported and left out. */
function byKey<T extends { key: string; line: number }>(records: T[], what: string, errors: RosterLineError[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const record of records) {
    const first = map.get(record.key);
    if (!record.key) errors.push({ line: record.line, reason: `${what} without a key attribute` });
    else if (first) errors.push({ line: record.line, reason: `${what} key '${record.key}' appears twice (first on line ${first.line})` });
    else map.set(record.key, record);
  }
  return map;
}

/** The stored group name, or null when neither the naam nor a jaargroep names a year level 1–8. */
function groupNameOf(group: EdexGroup, pupils: EdexPupil[]): string | null {
  const byName = normalizeGroupName(group.naam);
  if (byName) return byName;
  const jaargroep = group.jaargroep.trim().toUpperCase();
  const levels = YEAR_LEVEL.test(jaargroep) ? [jaargroep] : jaargroep === "C" ? pupils.map((p) => p.jaargroep.trim()).filter((l) => YEAR_LEVEL.test(l)) : [];
  return levels.length ? normalizeGroupName(`groep ${[...new Set(levels)].sort().join("/")}`) : null;
}

function unnamedGroupReason(group: EdexGroup): string {
  const jaargroep = group.jaargroep.trim();
  const why =
    jaargroep.toUpperCase() === "C"
      ? "its jaargroep is C (combination group) but its pupils have no jaargroep 1–8"
      : `its jaargroep '${jaargroep}' is not 1–8 either`;
  return `${groupLabel(group)}: the naam names no year level 1–8 (such as "4A" or "Groep 1/2b") and ${why}; rename the group in the administration`;
}

/** Pupils with a valid id and names, by the key of the groep they belong to; problems reported on their line. */
function readPupils(pupils: EdexPupil[], groups: Map<string, EdexGroup>, errors: RosterLineError[]) {
  const valid = new Map<EdexPupil, { externalId: string; firstName: string; lastName: string }>();
  const byGroup = new Map<string, EdexPupil[]>();
  for (const pupil of byKey(pupils, "leerling", errors).values()) {
    const label = `leerling '${pupil.key}'`;
    const parsed = PupilFields.safeParse({
      externalId: pupil.key,
      // The roepnaam is the name the child goes by; without one, the first of the official voornamen.
      firstName: pupil.roepnaam.trim() || (pupil.voornamen.trim().split(/\s+/)[0] ?? ""),
      lastName: joinLastName(pupil.voorvoegsel, pupil.achternaam),
    });
    if (!parsed.success) for (const issue of parsed.error.issues) errors.push({ line: pupil.line, reason: `${label}: ${issue.message}` });
    if (pupil.groepKey === null) {
      errors.push({ line: pupil.line, reason: `${label}: no groep (the pupil's stamgroep) is given` });
      continue;
    }
    if (!groups.has(pupil.groepKey)) {
      errors.push({ line: pupil.line, reason: `${label}: refers to groep '${pupil.groepKey}', which is not in <groepen>` });
      continue;
    }
    addTo(byGroup, pupil.groepKey, pupil);
    if (parsed.success) valid.set(pupil, parsed.data);
  }
  return { valid, byGroup };
}

/** Leerkrachten by the key of each groep they are linked to; a reference to an unknown groep is reported. */
function linkTeachers(teachers: Map<string, EdexTeacher>, groups: Map<string, EdexGroup>, errors: RosterLineError[]) {
  const byGroup = new Map<string, EdexTeacher[]>();
  for (const teacher of teachers.values()) {
    for (const groepKey of new Set(teacher.groepKeys)) {
      if (!groups.has(groepKey)) {
        errors.push({ line: teacher.line, reason: `leerkracht '${teacher.key}': refers to groep '${groepKey}', which is not in <groepen>` });
        continue;
      }
      addTo(byGroup, groepKey, teacher);
    }
  }
  return byGroup;
}

/** Parses and validates an EDEXML roster. Never throws on bad input; every problem is in `errors`. */
export function parseRosterEdexml(xmlText: string, options: ParseRosterOptions = {}): RosterParseResult {
  const read = readEdexml(xmlText.replace(/^\uFEFF/, ""));
  if ("error" in read) return { rows: [], errors: [read.error], delimiter: null };
  const errors: RosterLineError[] = [];
  const groups = byKey(read.document.groups, "groep", errors);
  const teachers = byKey(read.document.teachers, "leerkracht", errors);
  const pupils = readPupils(read.document.pupils, groups, errors);
  const teachersByGroup = linkTeachers(teachers, groups, errors);

  // Each leerkracht's e-mail is read and checked against the staff list once, when a groep with pupils needs it.
  const emailOf = new Map<EdexTeacher, string | null>();
  const teacherEmail = (teacher: EdexTeacher): string | null => {
    if (emailOf.has(teacher)) return emailOf.get(teacher)!;
    const label = `leerkracht '${teacher.key}'`;
    let email: string | null = null;
    if (!teacher.emailadres.trim()) {
      errors.push({ line: teacher.line, reason: `${label}: no emailadres, so the leerkracht cannot be matched with the staff list` });
    } else {
      const checked = readTeacherEmail(teacher.emailadres);
      const refused = "reason" in checked ? checked.reason : options.checkTeacherEmail?.(checked.email);
      if (refused) errors.push({ line: teacher.line, reason: `${label}: ${refused}` });
      else if ("email" in checked) email = checked.email;
    }
    emailOf.set(teacher, email);
    return email;
  };

  const rows: RosterRow[] = [];
  const groupByName = new Map<string, EdexGroup>();
  for (const [groepKey, members] of pupils.byGroup) {
    const group = groups.get(groepKey)!;
    const name = groupNameOf(group, members);
    if (!name) {
      errors.push({ line: group.line, reason: unnamedGroupReason(group) });
      continue;
    }
    const namesake = groupByName.get(name);
    if (namesake) {
      errors.push({
        line: group.line,
        reason: `${groupLabel(group)} and ${groupLabel(namesake)} on line ${namesake.line} would both be '${name}'; give them names that tell them apart, such as 1/2a and 1/2b`,
      });
      continue;
    }
    groupByName.set(name, group);
    const linked = teachersByGroup.get(groepKey) ?? [];
    if (linked.length === 0) {
      const count = members.length === 1 ? "its pupil" : `its ${members.length} pupils`;
      errors.push({ line: group.line, reason: `${groupLabel(group)}: no leerkracht is linked to this groep, so ${count} would have no teacher` });
      continue;
    }
    const emails = linked.map(teacherEmail);
    if (emails.some((e) => e === null)) continue;
    const teacherEmails = [...new Set(emails as string[])];
    for (const member of members) {
      const pupil = pupils.valid.get(member);
      if (pupil) rows.push({ line: member.line, ...pupil, group: name, teacherEmails });
    }
  }
  rows.sort((a, b) => a.line - b.line);
  errors.sort((a, b) => a.line - b.line);
  const declared = read.document.schooljaar;
  return { rows, errors, delimiter: null, ...(declared ? { declaredSchoolYear: declared } : {}) };
}

// The CSV parser on its own (no database): separators, BOM, line endings, quoting, aliases,
// and a precise line number and reason for every kind of bad line.
import { describe, expect, it } from "vitest";
import { parseRosterCsv } from "../../bot/roster/parse-roster-csv.js";

const BOM = "\uFEFF";

describe("parseRosterCsv", () => {
  it("reads a ';'-separated export with BOM, CRLF, quotes, whitespace and trailing empty lines", () => {
    const csv =
      BOM +
      [
        "Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Groep;Geboortedatum;Leerkrachten",
        "1001; Anna ;de;Zonnekamp;Groep 4/5;2017-03-01;A.Teacher@School.example, b.teacher@school.example",
        '1002;"Bo; Jr";;Klaverhout;4-5;2017-04-01;"a.teacher@school.example|b.teacher@school.example"',
        "  1003  ;Cas;;K.;groep 3a;2018-01-01;c.teacher@school.example c.teacher@school.example",
        "",
        "",
      ].join("\r\n");
    const result = parseRosterCsv(csv);
    expect(result.errors).toEqual([]);
    expect(result.delimiter).toBe(";");
    expect(result.rows).toEqual([
      {
        line: 2,
        externalId: "1001",
        firstName: "Anna",
        lastName: "de Zonnekamp",
        group: "groep 4/5",
        teacherEmails: ["a.teacher@school.example", "b.teacher@school.example"],
      },
      {
        line: 3,
        externalId: "1002",
        firstName: "Bo; Jr",
        lastName: "Klaverhout",
        group: "groep 4/5",
        teacherEmails: ["a.teacher@school.example", "b.teacher@school.example"],
      },
      {
        line: 4,
        externalId: "1003",
        firstName: "Cas",
        lastName: "K.",
        group: "groep 3a",
        teacherEmails: ["c.teacher@school.example"],
      },
    ]);
    // Columns the import does not need (a birth date) are not carried along.
    expect(Object.keys(result.rows[0]!)).not.toContain("birthDate");
  });

  it("reads a ','-separated file with English headers in any case", () => {
    const csv = [
      "Pupil_ID,First_Name,LAST_NAME,Group,Teacher_Emails",
      '7,Eva,V,8b,"x@school.example,y@school.example"',
      "8,Finn,W,groep 8b,x@school.example|y@school.example",
      "9,Gus,Y,1/2a,x@school.example",
    ].join("\n");
    const result = parseRosterCsv(csv);
    expect(result.errors).toEqual([]);
    expect(result.delimiter).toBe(",");
    expect(result.rows.map((r) => [r.line, r.externalId, r.group, r.teacherEmails])).toEqual([
      [2, "7", "groep 8b", ["x@school.example", "y@school.example"]],
      [3, "8", "groep 8b", ["x@school.example", "y@school.example"]],
      [4, "9", "groep 1/2a", ["x@school.example"]],
    ]);
  });

  it("reads a tab-separated file", () => {
    const csv = "id\tvoornaam\tachternaam\tgroep\tleerkracht_email\n5\t Ida \tJ\t 6 \tt@school.example\n";
    const result = parseRosterCsv(csv);
    expect(result.errors).toEqual([]);
    expect(result.delimiter).toBe("\t");
    expect(result.rows[0]).toMatchObject({ externalId: "5", firstName: "Ida", group: "groep 6" });
  });

  it("follows an Excel 'sep=' line and keeps physical line numbers", () => {
    const csv = "sep=,\r\nid,voornaam,achternaam,groep,leerkrachten\r\n1;a,A,B,7,t@school.example\r\n2,,B,7,t@school.example\r\n";
    const result = parseRosterCsv(csv);
    expect(result.delimiter).toBe(",");
    expect(result.errors).toEqual([{ line: 4, reason: "empty first name" }]);
    expect(result.rows).toEqual([expect.objectContaining({ line: 3, externalId: "1;a" })]);
  });

  it("names a missing required column in one clear error and reads no rows", () => {
    const result = parseRosterCsv("leerlingnummer;voornaam;achternaam;leerkrachten\n1;A;B;t@school.example\n");
    expect(result.rows).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.line).toBe(1);
    expect(result.errors[0]!.reason).toMatch(/missing required column 'group'.*groep/);
  });

  it("rejects an empty file", () => {
    expect(parseRosterCsv("").errors).toEqual([{ line: 1, reason: expect.stringMatching(/header/) }]);
    expect(parseRosterCsv(BOM).errors).toHaveLength(1);
  });

  it("reports every kind of bad line with its physical line number", () => {
    const header = "leerlingnummer;roepnaam;achternaam;groep;leerkrachten";
    const lines = [
      header, // 1
      "1;Anna;Z;groep 4;t@school.example", // 2 good
      ";Bram;Z;groep 4;t@school.example", // 3 missing id
      "3;  ;Z;groep 4;t@school.example", // 4 empty first name
      "4;Cas;;groep 4;t@school.example", // 5 empty last name
      "5;Dirk;Z;groep 9;t@school.example", // 6 unknown group
      "6;Eva;Z;groep 4;not-an-email", // 7 bad e-mail
      "7;Fien;Z;groep 4;", // 8 no e-mail
      "1;Gijs;Z;groep 4;t@school.example", // 9 duplicate of line 2
      `${"x".repeat(65)};Hans;Z;groep 4;t@school.example`, // 10 id too long
      '8;"Ida', // 11 an open quote swallows the rest of the file …
      'Jansen";Z;groep 4;t@school.example', // 12 … here it closes: a name with a line break
      "9;Kees;Z;groep 4;t@school.example;extra", // 13 more fields than the header
      "1;Lot;Z;groep 4;t@school.example", // 14 duplicate again
    ];
    const result = parseRosterCsv(lines.join("\r\n"));
    expect(result.errors).toEqual([
      { line: 3, reason: "missing pupil id" },
      { line: 4, reason: "empty first name" },
      { line: 5, reason: "empty last name" },
      { line: 6, reason: "unknown group 'groep 9'" },
      { line: 7, reason: "invalid teacher e-mail 'not-an-email'" },
      { line: 8, reason: "missing teacher e-mail" },
      { line: 9, reason: "duplicate pupil id '1' (first on line 2)" },
      { line: 10, reason: "pupil id is longer than 64 characters" },
      { line: 11, reason: "first name contains a line break or control character" },
      { line: 13, reason: expect.stringMatching(/6 fields but the header has 5/) },
      { line: 14, reason: "duplicate pupil id '1' (first on line 2)" },
    ]);
    expect(result.rows.map((r) => r.line)).toEqual([2]);
  });

  it("explains unquoted e-mail lists in a comma-separated file", () => {
    const result = parseRosterCsv("id,first_name,last_name,group,teacher_emails\n1,A,B,5,a@school.example,b@school.example\n");
    expect(result.errors).toEqual([{ line: 2, reason: expect.stringMatching(/quotes.*'\|'/) }]);
  });

  it("reports broken quoting on its line and goes on with the next lines", () => {
    const result = parseRosterCsv(["id;voornaam;achternaam;groep;leerkrachten", '1;"An"na;B;5;t@school.example', "2;Bo;C;5;bad"].join("\n"));
    expect(result.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(result.errors[0]!.reason).toMatch(/quote/);
  });

  it("asks the caller about each teacher e-mail and reports its reason", () => {
    const csv = "id;voornaam;achternaam;groep;leerkrachten\n1;A;B;5;known@school.example|gone@school.example\n";
    const result = parseRosterCsv(csv, {
      checkTeacherEmail: (email) => (email === "known@school.example" ? null : `teacher e-mail not on the staff list: ${email}`),
    });
    expect(result.errors).toEqual([{ line: 2, reason: "teacher e-mail not on the staff list: gone@school.example" }]);
  });

  it("never puts a pupil's name in an error", () => {
    const csv = [
      "id;voornaam;tussenvoegsel;achternaam;groep;leerkrachten",
      "1;Canaryfirst;van;Canarylast;groep 12;bad",
      "1;Canaryfirst;;Canarylast;groep 4;t@school.example",
      `2;${"Canarylong".repeat(11)};;Canarylast;groep 4;t@school.example`,
    ].join("\n");
    const { errors } = parseRosterCsv(csv);
    expect(errors.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(errors)).not.toMatch(/canary/i);
  });
});

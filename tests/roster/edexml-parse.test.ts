// The EDEXML parser on its own: what it reads from an EDEX.XML in the 2.1 shape, where it reports
// each bad record (the line of its start tag and its key, never a name), which encodings reach it,
// and how the import recognises the format.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../bot/errors.js";
import { decodeRosterBytes, detectRosterFormat, parseRoster, parseRosterEdexml } from "../../bot/roster/index.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const SCHOOL_XML = fixture("EDEX.XML").toString("utf8");

/** The line (1-based) of the first occurrence of `marker` in `text`. */
const lineOf = (text: string, marker: string) => text.slice(0, text.indexOf(marker)).split(/\r\n|\r|\n/).length;

/** An EDEX document around the given groepen, leerlingen and leerkrachten, one element per line. */
function edex(groepen: string[], leerlingen: string[], leerkrachten: string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<EDEX>",
    "<school><schooljaar>2026-2027</schooljaar></school>",
    "<groepen>",
    ...groepen,
    "</groepen>",
    "<leerlingen>",
    ...leerlingen,
    "</leerlingen>",
    "<leerkrachten>",
    ...leerkrachten,
    "</leerkrachten>",
    "</EDEX>",
  ].join("\n");
}
const groep = (key: string, naam: string, jaargroep: string) => `<groep key="${key}"><naam>${naam}</naam><jaargroep>${jaargroep}</jaargroep></groep>`;
const leerling = (key: string, names: string, groepKey: string | null, jaargroep = "") =>
  `<leerling key="${key}">${names}${jaargroep ? `<jaargroep>${jaargroep}</jaargroep>` : ""}${groepKey ? `<groep key="${groepKey}"/>` : ""}<geboortedatum>2018-01-01</geboortedatum></leerling>`;
const leerkracht = (key: string, email: string | null, groepKeys: string[]) =>
  `<leerkracht key="${key}"><achternaam>Leraar</achternaam>${email === null ? "" : `<emailadres>${email}</emailadres>`}<groepen>${groepKeys.map((k) => `<groep key="${k}"/>`).join("")}</groepen></leerkracht>`;

describe("parseRosterEdexml", () => {
  it("reads pupils, their group and the e-mails of the leerkrachten linked to it; nothing else", () => {
    const checked: string[] = [];
    const parsed = parseRosterEdexml(SCHOOL_XML, { checkTeacherEmail: (email) => (checked.push(email), null) });
    expect(parsed.errors).toEqual([]);
    expect(parsed.delimiter).toBeNull();
    const joke = "juf.joke@zonnewijzer.example";
    const uilke = "meester.uilke@zonnewijzer.example";
    expect(parsed.rows.map(({ line, ...row }) => ({ line, ...row }))).toEqual([
      {
        line: lineOf(SCHOOL_XML, 'key="100001"'),
        externalId: "100001",
        firstName: "Anna",
        lastName: "de Zonnekamp",
        group: "groep 1/2a",
        teacherEmails: [joke, uilke],
      },
      {
        line: lineOf(SCHOOL_XML, 'key="100002"'),
        externalId: "100002",
        firstName: "Bram",
        lastName: "Klaverhout",
        group: "groep 1/2a",
        teacherEmails: [joke, uilke],
      },
      { line: lineOf(SCHOOL_XML, 'key="100003"'), externalId: "100003", firstName: "Ayşe", lastName: "Yılmaz", group: "groep 4a", teacherEmails: [uilke] },
      {
        line: lineOf(SCHOOL_XML, 'key="100004"'),
        externalId: "100004",
        firstName: "Gradje",
        lastName: "van 't Hof",
        group: "groep 4a",
        teacherEmails: [uilke],
      },
      // "Zonnebloem" names no year level; it is a combination group (jaargroep C) of jaargroep 5 and 6.
      {
        line: lineOf(SCHOOL_XML, 'key="100005"'),
        externalId: "100005",
        firstName: "Thiện",
        lastName: "Nguyễn",
        group: "groep 5/6",
        teacherEmails: ["juf.lia@zonnewijzer.example"],
      },
      // No roepnaam: the first of the voornamen.
      {
        line: lineOf(SCHOOL_XML, 'key="100006"'),
        externalId: "100006",
        firstName: "Ismaël",
        lastName: "Assati",
        group: "groep 5/6",
        teacherEmails: ["juf.lia@zonnewijzer.example"],
      },
      // "Vlinders" names no year level: its jaargroep 8 does.
      {
        line: lineOf(SCHOOL_XML, 'key="100007"'),
        externalId: "100007",
        firstName: "Eva",
        lastName: "Regenhout",
        group: "groep 8",
        teacherEmails: ["juf.sanne@zonnewijzer.example"],
      },
    ]);
    // Leerkrachten linked to no groep with pupils (the IB'er, a stagiair without e-mail) are not checked.
    expect([...new Set(checked)].sort()).toEqual([joke, "juf.lia@zonnewijzer.example", "juf.sanne@zonnewijzer.example", uilke]);
  });

  it("reports every bad record with the line of its start tag and its key, and never a pupil's name", () => {
    const text = edex(
      [
        groep("KAB", "Kabouters", "1"),
        groep("MUI", "Muizen", "1"),
        groep("PEU", "Peuters", "0"),
        groep("G7", "Groep 7", "7"),
        groep("G8", "8", "8"),
        groep("LEEG", "Groep 3", "3"),
      ],
      [
        leerling("L1", "<roepnaam>Geheimnaam</roepnaam>", "G8"),
        leerling("L2", "<achternaam>Verborgen</achternaam><roepnaam>Zichtbaar</roepnaam>", "NOPE"),
        leerling("L3", "<achternaam>Anders</achternaam><roepnaam>Iemand</roepnaam>", "G8"),
        leerling("L3", "<achternaam>Dubbel</achternaam><roepnaam>Tweeling</roepnaam>", "G8"),
        leerling("L4", "<achternaam>Zwerver</achternaam><roepnaam>Zonder</roepnaam>", null),
        leerling("L5", "<achternaam>Kaboutertje</achternaam><roepnaam>Kim</roepnaam>", "KAB"),
        leerling("L6", "<achternaam>Muisje</achternaam><roepnaam>Mo</roepnaam>", "MUI"),
        leerling("L7", "<achternaam>Peuter</achternaam><roepnaam>Pim</roepnaam>", "PEU"),
        leerling("L8", "<achternaam>Zeven</achternaam><roepnaam>Zara</roepnaam>", "G7"),
      ],
      [
        leerkracht("T1", null, ["G8"]),
        leerkracht("T2", "geen-adres", ["G8"]),
        leerkracht("T3", "onbekend@school.example", ["G8", "KAB", "MUI", "PEU", "LEEG"]),
        leerkracht("T4", "juf@school.example", ["GONE"]),
      ],
    );
    const parsed = parseRosterEdexml(text, {
      checkTeacherEmail: (email) => (email.startsWith("onbekend") ? `teacher e-mail not on the staff list: ${email}` : null),
    });
    const at = (marker: string) => lineOf(text, marker);
    expect(parsed.errors).toEqual([
      {
        line: at('key="MUI"'),
        reason: expect.stringMatching(/^groep 'MUI' \(naam 'Muizen'\) and groep 'KAB' \(naam 'Kabouters'\) on line \d+ would both be 'groep 1'/),
      },
      { line: at('key="PEU"'), reason: expect.stringMatching(/^groep 'PEU' \(naam 'Peuters'\): the naam names no year level 1–8 .* jaargroep '0' is not 1–8/) },
      { line: at('key="G7"'), reason: "groep 'G7' (naam 'Groep 7'): no leerkracht is linked to this groep, so its pupil would have no teacher" },
      { line: at('key="L1"'), reason: "leerling 'L1': empty last name" },
      { line: at('key="L2"'), reason: "leerling 'L2': refers to groep 'NOPE', which is not in <groepen>" },
      { line: at("Tweeling"), reason: `leerling key 'L3' appears twice (first on line ${at('key="L3"')})` },
      { line: at('key="L4"'), reason: "leerling 'L4': no groep (the pupil's stamgroep) is given" },
      { line: at('key="T1"'), reason: "leerkracht 'T1': no emailadres, so the leerkracht cannot be matched with the staff list" },
      { line: at('key="T2"'), reason: "leerkracht 'T2': invalid teacher e-mail 'geen-adres'" },
      { line: at('key="T3"'), reason: "leerkracht 'T3': teacher e-mail not on the staff list: onbekend@school.example" },
      { line: at('key="T4"'), reason: "leerkracht 'T4': refers to groep 'GONE', which is not in <groepen>" },
    ]);
    const reasons = JSON.stringify(parsed.errors);
    for (const name of [
      "Geheimnaam",
      "Verborgen",
      "Zichtbaar",
      "Iemand",
      "Anders",
      "Tweeling",
      "Dubbel",
      "Zwerver",
      "Kim",
      "Muisje",
      "Pim",
      "Zara",
      "Leraar",
    ]) {
      expect(reasons).not.toContain(name);
    }
    // The groep without pupils ("LEEG") is no concern of the import, with or without teachers.
    expect(reasons).not.toContain("LEEG");
  });

  it("names the line a start tag begins on, also when its attributes run over several CRLF lines", () => {
    const text = edex(
      [groep("G4", "4", "4")],
      ['<leerling\r\n   key="X1"\r\n>\r\n<roepnaam>Ann</roepnaam>\r\n<groep key="G4"/></leerling>'],
      [leerkracht("T", "a@b.example", ["G4"])],
    );
    expect(parseRosterEdexml(text).errors).toEqual([{ line: lineOf(text, "<leerling\r"), reason: "leerling 'X1': empty last name" }]);
  });

  it("stops at the first well-formedness error, on its line, and expands no entity a DOCTYPE declares", () => {
    const broken = ["<?xml version='1.0'?>", "<EDEX>", "<leerlingen>", '<leerling key="1"><roepnaam>Ann</achternaam>', "</leerlingen>", "</EDEX>"].join("\n");
    expect(parseRosterEdexml(broken)).toEqual({
      rows: [],
      delimiter: null,
      errors: [{ line: 4, reason: expect.stringMatching(/^the file is not well-formed XML: /) }],
    });
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE EDEX [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
      '<EDEX><leerlingen><leerling key="1"><roepnaam>&b;</roepnaam></leerling></leerlingen></EDEX>',
    ].join("\n");
    expect(parseRosterEdexml(laughs).errors).toEqual([{ line: 3, reason: "the file is not well-formed XML: undefined entity" }]);
  });

  it("refuses XML that is not an EDEX document", () => {
    const text = '<?xml version="1.0"?>\n<leerlinggegevens><leerlingen/></leerlinggegevens>';
    expect(parseRosterEdexml(text).errors).toEqual([{ line: 2, reason: expect.stringContaining("the root element is <leerlinggegevens>, not <EDEX>") }]);
  });
});

describe("EDEXML encodings", () => {
  const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  const expected = parseRosterEdexml(SCHOOL_XML).rows;

  it("reads the same pupils from UTF-8 with a byte-order mark and from UTF-16", () => {
    const withBom = decodeRosterBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture("EDEX.XML")]));
    expect(parseRoster(withBom.text, undefined).rows).toEqual(expected);
    const wide = decodeRosterBytes(utf16(SCHOOL_XML.replace('encoding="UTF-8"', 'encoding="UTF-16"')));
    expect(wide.encoding).toBe("utf-16le");
    expect(parseRoster(wide.text, undefined).rows).toEqual(expected);
  });

  it("reads a Windows-1252 export that declares so, and says which lines to check", () => {
    const decoded = decodeRosterBytes(fixture("EDEX-windows-1252.XML"));
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.notice).toMatch(/^The file was read as Windows-1252 .* Check the names on lines 16, 17, 23, 25, 30, 31\.$/);
    const rows = parseRoster(decoded.text, undefined).rows;
    expect(rows.map((r) => `${r.firstName} ${r.lastName}`)).toEqual(["Zoë Çelik", "Noël van der Brüggen", "François Œzil"]);
    // The same bytes declared as ISO-8859-1 (Latin-1, which Windows-1252 extends) read the same, with no word about the declaration.
    const latin1 = decodeRosterBytes(Buffer.from(fixture("EDEX-windows-1252.XML").toString("latin1").replace("windows-1252", "ISO-8859-1"), "latin1"));
    expect(latin1.notice).toMatch(/^The file was read as Windows-1252/);
    expect(parseRoster(latin1.text, undefined).rows).toEqual(rows);
  });

  it("trusts the bytes over a wrong declaration and says so; refuses an encoding it cannot read", () => {
    const declaredLatin1 = decodeRosterBytes(Buffer.from(SCHOOL_XML.replace('encoding="UTF-8"', "encoding='ISO-8859-1'"), "utf8"));
    expect(declaredLatin1.encoding).toBe("utf-8");
    expect(declaredLatin1.notice).toMatch(
      /^The file declares the encoding ISO-8859-1, but its bytes are not\. It was read as UTF-8\. Check the names on lines \d+/,
    );
    expect(parseRoster(declaredLatin1.text, undefined).rows).toEqual(expected);
    // Pure ASCII reads the same either way: nothing to say.
    expect(decodeRosterBytes(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><EDEX/>')).notice).toBeUndefined();
    expect(() => decodeRosterBytes(Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?><EDEX/>'))).toThrow(AppError);
  });
});

describe("the roster format", () => {
  it("is EDEXML when the text starts with '<' after a byte-order mark and white space, else CSV", () => {
    expect(detectRosterFormat(SCHOOL_XML)).toBe("edexml");
    expect(detectRosterFormat("\uFEFF\r\n  <EDEX></EDEX>")).toBe("edexml");
    expect(detectRosterFormat("\uFEFFleerlingnummer;roepnaam;achternaam;groep;leerkracht_email\n")).toBe("csv");
  });

  it("follows a format that is named, even against the content", () => {
    const asCsv = parseRoster(SCHOOL_XML, "csv");
    expect(asCsv.rows).toEqual([]);
    expect(asCsv.errors).toEqual([{ line: 1, reason: expect.stringMatching(/^header: /) }]);
    expect(parseRoster(SCHOOL_XML, "edexml").rows).toHaveLength(7);
  });
});

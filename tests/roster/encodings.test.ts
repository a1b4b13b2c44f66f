// Roster files in the encodings Dutch administrations and Excel write: Windows-1252/Latin-1 and
// UTF-16 are converted (and the report says so), anything unreadable is refused with one message,
// and no name is ever stored with a replacement character, in a dry run or a real import.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeRosterBytes, importRoster, parseRosterCsv } from "../../bot/roster/index.js";
import { AppError } from "../../bot/errors.js";
import { openDatabase } from "../../bot/db/client.js";
import { migrateDatabase } from "../../bot/db/migrate.js";
import { createEmptyDatabaseUrl, testProvider } from "../support/test-db.js";
import { makeSchool, makeStaff } from "../support/fixtures.js";

const HEADER = "leerlingnummer;roepnaam;achternaam;groep;leerkracht_email";
const ROWS = ["1;Zoë;Çelik;groep 5;juf@enc.example", "2;Jan;Müller;groep 5;juf@enc.example", "3;Šimon;Dvořák-Œ;groep 5;juf@enc.example"];
// Windows-1252 has Š and Œ (0x8A, 0x8C) but no ř: the third pupil only in the UTF-16 files.
const CP1252_ROWS = ROWS.slice(0, 2).concat("3;Šimon;Œzil;groep 5;juf@enc.example");

/** Windows-1252 bytes, written the way Excel on a Dutch Windows machine does. */
function cp1252(text: string): Buffer {
  const high: Record<string, number> = { Š: 0x8a, Œ: 0x8c, "€": 0x80 };
  return Buffer.from([...text].map((ch) => high[ch] ?? ch.charCodeAt(0)));
}
const utf16le = (text: string, bom = true) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, "utf16le")]);
const utf16be = (text: string) => {
  const le = Buffer.from(text, "utf16le");
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le.map((_, i) => le[i ^ 1]!))]);
};

describe("roster encodings", () => {
  it("reads Windows-1252 (and Latin-1) exports, says so, and names the lines to check", () => {
    const text = [HEADER, ...CP1252_ROWS].join("\r\n");
    const decoded = decodeRosterBytes(cp1252(text));
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.text).toBe(text);
    expect(decoded.notice).toMatch(/Windows-1252.*lines 2, 3, 4/);
    expect(decoded.notice).not.toContain("Zoë");
    const parsed = parseRosterCsv(decoded.text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => `${r.firstName} ${r.lastName}`)).toEqual(["Zoë Çelik", "Jan Müller", "Šimon Œzil"]);
  });

  it("reads UTF-16 with either byte order and with no byte-order mark", () => {
    const text = [HEADER, ...ROWS].join("\r\n");
    for (const bytes of [utf16le(text), utf16be(text), utf16le(text, false)]) {
      const decoded = decodeRosterBytes(bytes);
      expect(decoded.text.replace(/^\uFEFF/, "")).toBe(text);
      expect(decoded.notice).toMatch(/UTF-16/);
      expect(parseRosterCsv(decoded.text).errors).toEqual([]);
    }
  });

  it("leaves UTF-8 as it is, without a notice", () => {
    const text = [HEADER, ...ROWS].join("\n");
    expect(decodeRosterBytes(Buffer.from(`\uFEFF${text}`, "utf8"))).toMatchObject({ encoding: "utf-8", text });
    expect(decodeRosterBytes(Buffer.from(text, "utf8")).notice).toBeUndefined();
  });

  it("refuses bytes that are no text in any of these, with one message", () => {
    for (const bytes of [
      Buffer.from([...Buffer.from(`${HEADER}\n1;Zo`), 0x81, ...Buffer.from(";X;groep 5;a@b.example")]),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xff, 0x00, 0x10, 0x20]),
    ]) {
      let error: unknown;
      try {
        decodeRosterBytes(bytes);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toContain("Export it again as UTF-8");
    }
  });

  it("never accepts a name holding a replacement character (a file already mangled)", () => {
    const parsed = parseRosterCsv([HEADER, "1;Zo\uFFFD;\uFFFDelik;groep 5;juf@enc.example"].join("\n"));
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors.map((e) => e.reason)).toEqual([expect.stringMatching(/first name contains/), expect.stringMatching(/last name contains/)]);
    expect(JSON.stringify(parsed.errors)).not.toContain("Zo");
  });
});

describe(`roster import of a Windows-1252 file through the CLI on ${testProvider()}`, () => {
  let url: string;
  let drop: () => Promise<void>;
  const dir = mkdtempSync(path.join(tmpdir(), "gw-enc-"));
  beforeAll(async () => {
    ({ url, drop } = await createEmptyDatabaseUrl());
    await migrateDatabase(url);
    const { db, close } = await openDatabase(url);
    const school = await makeSchool(db, "OBS Tekenset");
    await makeStaff(db, school.id, { email: "juf@enc.example" });
    await close();
  });
  afterAll(async () => drop());

  it("a dry run and the import report the conversion, and the names are stored right", async () => {
    const file = path.join(dir, "leerlingen.csv");
    writeFileSync(file, cp1252([HEADER, ...CP1252_ROWS].join("\r\n")));
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "bot/cli/main.ts", "roster-import", "--school", "OBS Tekenset", ...args, file], {
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" },
      });
    const dry = cli("--dry-run");
    expect(dry.status).toBe(0);
    expect(dry.stderr).toMatch(/note: The file was read as Windows-1252/);
    const real = cli();
    expect(real.status).toBe(0);
    expect(real.stderr).toMatch(/Windows-1252/);
    const { db, close } = await openDatabase(url);
    const names = (await db.pupil.findMany({ orderBy: { externalId: "asc" } })).map((p) => `${p.firstName} ${p.lastName}`);
    await close();
    expect(names).toEqual(["Zoë Çelik", "Jan Müller", "Šimon Œzil"]);
    expect(names.join("")).not.toContain("\uFFFD");
  });

  it("in process too: importRoster with the decoded text stores no replacement character", async () => {
    const { db, close } = await openDatabase(url);
    const school = await db.school.findFirstOrThrow({ where: { name: "OBS Tekenset" } });
    const report = await importRoster(db, { schoolId: school.id, csvText: decodeRosterBytes(utf16le([HEADER, ...ROWS].join("\r\n"))).text, dryRun: true });
    await close();
    expect(report.ok).toBe(true);
  });
});

// The closures commands as the school's admin uses them: propose, write the file, edit, confirm,
// list; and a usage error for what is missing. In-process on a real database, output captured.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-db.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { ClosuresUsageError, runClosuresCommand } from "../../bot/cli/closures-cli.js";

let t: TestDatabase;
const dir = mkdtempSync(path.join(tmpdir(), "gw-closures-"));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runClosuresCommand(t.db, args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await applySchoolSetup(t.db, { school: { name: "De Wilg", holidayRegion: "noord" }, staff: [{ email: "it@wilg.example", name: "IT", roles: ["admin"] }] });
});
afterAll(async () => t?.close());

describe("npm run cli -- closures", () => {
  it("proposes, writes the file, confirms the edited file and lists the result", async () => {
    const file = path.join(dir, "wilg.json");
    const proposed = await run("propose", "--school", "De Wilg", "--school-year", "2028-2029", "--out", file);
    expect(proposed.out).toContain("Proposed closures for 2028-2029, region noord");
    expect(proposed.out).toMatch(/Herfstvakantie\s+za 14 okt 2028 – zo 22 okt 2028/);
    expect(proposed.err).toContain(`closures confirm ${file}`);
    expect(await t.db.schoolClosure.count({ where: { schoolYear: "2028-2029" } })).toBe(0); // a proposal stores nothing
    const edited = JSON.parse(readFileSync(file, "utf8"));
    edited.closures = edited.closures.filter((c: { name: string }) => c.name !== "Meivakantie (adviesweek)");
    writeFileSync(file, JSON.stringify(edited));
    expect((await run("confirm", file)).out).toBe("confirmed: 5 closures for 2028-2029, region noord");
    expect((await run("confirm", file)).out).toBe("already confirmed, nothing changed: 5 closures for 2028-2029, region noord");
    const listed = await run("list", "--school", "De Wilg");
    expect(listed.out).toContain("2028-2029: region noord confirmed");
    expect(listed.out).toContain("2029-07-21 – 2029-09-02  holiday   Zomervakantie  (confirmed 2028-2029)");
  });

  it("confirms a proposal as is, with another region than the school's", async () => {
    expect((await run("confirm", "--school", "De Wilg", "--school-year", "2027-2028", "--region", "zuid")).out).toBe(
      "confirmed: 6 closures for 2027-2028, region zuid",
    );
  });

  it("says what is missing", async () => {
    await expect(run("propose", "--school-year", "2027-2028")).rejects.toThrow(ClosuresUsageError);
    await expect(run("propose", "--school", "De Wilg")).rejects.toThrow("--school-year is required");
    await expect(run("confirm", path.join(dir, "absent.json"))).rejects.toThrow("cannot read");
    await expect(run("shift", "--school", "De Wilg")).rejects.toThrow("unknown closures command shift");
    await expect(run("shift")).rejects.toThrow("unknown closures command shift: use propose, confirm or list");
    await expect(run()).rejects.toThrow("unknown closures command (none)");
  });
});

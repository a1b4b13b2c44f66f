// Generates prisma/seed/demo-roster.csv: about 450 invented pupils over the groups of
// prisma/seed/demo-school.json, in the shape of a school administration export (';'-separated,
// UTF-8 with BOM, CRLF). Deterministic: the same input always gives the same file.
// Usage: npx tsx scripts/make-demo-roster.ts
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseSchoolSetup } from "../bot/roster/school-setup.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const setupPath = path.join(root, "prisma/seed/demo-school.json");
const outPath = path.join(root, "prisma/seed/demo-roster.csv");

/** mulberry32: a tiny seeded PRNG, so the file never changes unless this script does. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = [
  "Noah",
  "Emma",
  "Sem",
  "Julia",
  "Liam",
  "Tess",
  "Daan",
  "Mila",
  "Lucas",
  "Sara",
  "Finn",
  "Zoë",
  "Levi",
  "Nora",
  "Luuk",
  "Evi",
  "Milan",
  "Saar",
  "Jesse",
  "Lotte",
  "Bram",
  "Yara",
  "Thijs",
  "Fenna",
  "Mees",
  "Lieke",
  "Ruben",
  "Noor",
  "Sven",
  "Anna",
  "Jens",
  "Roos",
  "Stijn",
  "Isa",
  "Teun",
  "Fleur",
  "Gijs",
  "Elin",
  "Boaz",
  "Maud",
  "Owen",
  "Lina",
  "Siem",
  "Ivy",
  "Hugo",
  "Jasmijn",
  "Ravi",
  "Amira",
  "Mohammed",
  "Aya",
  "Yusuf",
  "Hiba",
  "Mateo",
  "Ilse",
  "Tobias",
  "Nina",
  "Vince",
  "Femke",
  "Otis",
  "Lara",
];
// Invented, Dutch-sounding family names: a nature word and a place-name ending.
const NAME_STARTS = [
  "Zonne",
  "Wolken",
  "Regen",
  "Klaver",
  "Duin",
  "Hazel",
  "Linde",
  "Wilgen",
  "Tulpen",
  "Vlinder",
  "Kastanje",
  "Eikel",
  "Molen",
  "Storm",
  "Riet",
  "Hooi",
  "Boter",
  "Kiezel",
  "Peppel",
  "Appel",
  "Berken",
  "Zwaluw",
  "Merel",
  "Reiger",
  "Uilen",
  "Vossen",
  "Beuken",
  "Dauw",
  "Maan",
  "Sterre",
];
const NAME_ENDS = ["kamp", "berg", "hout", "veld", "dal", "hof", "beek", "dijk", "horst", "bosch", "waard", "brink", "stein", "weide"];
const TUSSENVOEGSELS = ["van", "de", "van der", "van den", "ter", "van de"];

function main(): void {
  const setup = parseSchoolSetup(readFileSync(setupPath, "utf8"));
  const groups = setup.groups ?? [];
  const random = prng(20262027);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  const lines = [["Leerlingnummer", "Roepnaam", "Tussenvoegsel", "Achternaam", "Groep", "Leerkrachten"].join(";")];
  let nextId = 260001;
  for (const group of groups) {
    // Kleutergroepen grow during the year and are a little smaller; the rest hold 22–28 pupils.
    const onderbouw = /groep 1\/2/.test(group.name);
    const size = onderbouw ? 20 + Math.floor(random() * 7) : 22 + Math.floor(random() * 7);
    const adminName = group.name.replace(/^groep/, "Groep");
    const teachers = group.teachers.map((t) => t.email).join(",");
    for (let i = 0; i < size; i++) {
      const tussenvoegsel = random() < 0.25 ? pick(TUSSENVOEGSELS) : "";
      const lastName = pick(NAME_STARTS) + pick(NAME_ENDS);
      lines.push([String(nextId++), pick(FIRST_NAMES), tussenvoegsel, lastName, adminName, teachers].join(";"));
    }
  }
  writeFileSync(outPath, `\uFEFF${lines.join("\r\n")}\r\n`);
  console.log(`wrote ${path.relative(root, outPath)}: ${lines.length - 1} pupils in ${groups.length} groups`);
}

main();

// The Teams app package: built into a temporary folder, unzipped and checked field by field.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawColorIcon, drawOutlineIcon, encodePng } from "../../scripts/make-icons.js";
import {
  APP_PACKAGE_DIR,
  DEFAULT_TEAMS_APP_ID,
  DEV_BOT_ID,
  MANIFEST_SCHEMA_URL,
  MANIFEST_VERSION,
  TEMPLATE_FILE,
  TeamsPackageError,
  buildPackage,
  countNonWhitePixels,
  decodePng,
  pngSize,
  renderManifest,
  validateManifest,
} from "../../scripts/teams-package.js";

const BOT_ID = "5b0e3d7a-1c2f-4e8b-9a6d-0f4c3b2a1e9d";
const DUTCH_COMMANDS = ["help", "voorbereiden", "gesprek", "notitie", "verder", "overzicht", "evaluaties", "export", "coach", "plannen"];
const ENGLISH_COMMANDS = ["help", "prepare", "conversation", "note", "resume", "overview", "evaluations", "export", "coach", "plan"];

// The shapes are checked loosely here; validateManifest checks them properly.
interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  name: { short: string; full: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
  bots: {
    botId: string;
    scopes: string[];
    supportsFiles: boolean;
    isNotificationOnly: boolean;
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
  permissions: string[];
  validDomains: string[];
}

let dir: string;
let files: Record<string, Uint8Array>;
let manifest: Manifest;

function template(): string {
  return readFileSync(join(APP_PACKAGE_DIR, TEMPLATE_FILE), "utf8");
}

/** A valid rendered manifest to break in one place. */
function validManifest(): Manifest {
  return renderManifest(template(), { TEAMS_APP_ID: DEFAULT_TEAMS_APP_ID, BOT_ID, BOT_DOMAIN: "bot.school.example" }) as Manifest;
}

function problemsOf(obj: unknown): string[] {
  const result = validateManifest(obj);
  return result.ok ? [] : result.problems;
}

function buildError(options: Parameters<typeof buildPackage>[0]): TeamsPackageError {
  try {
    buildPackage(options);
  } catch (error) {
    if (error instanceof TeamsPackageError) return error;
    throw error;
  }
  throw new Error("expected the build to fail");
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "gw-teams-"));
  const result = buildPackage({ outDir: dir, env: { MICROSOFT_APP_ID: BOT_ID, BOT_DOMAIN: "bot.school.example" } });
  expect(result.zipPath).toBe(join(dir, "gesprekswijzer.zip"));
  files = unzipSync(readFileSync(result.zipPath));
  manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as Manifest;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("the Teams app package", () => {
  it("holds exactly manifest.json, en.json and the two icons, at the root", () => {
    expect(Object.keys(files).sort()).toEqual(["color.png", "en.json", "manifest.json", "outline.png"]);
  });

  it("uses the current manifest schema", () => {
    expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
    expect(manifest.$schema).toBe(MANIFEST_SCHEMA_URL);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
    expect(validateManifest(manifest)).toMatchObject({ ok: true });
  });

  it("substitutes the ids and the domain, and leaves no placeholder behind", () => {
    expect(manifest.id).toBe(DEFAULT_TEAMS_APP_ID);
    expect(manifest.bots[0]!.botId).toBe(BOT_ID);
    expect(manifest.validDomains).toEqual(["bot.school.example"]);
    expect(strFromU8(files["manifest.json"]!)).not.toContain("${{");
    expect(strFromU8(files["en.json"]!)).not.toContain("${{");
  });

  it("has one personal, conversational bot without files", () => {
    expect(manifest.bots).toHaveLength(1);
    const bot = manifest.bots[0]!;
    expect(bot.scopes).toEqual(["personal"]);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
    expect(manifest.permissions).toEqual(["identity", "messageTeamMembers"]);
  });

  it("lists the bot's typed commands in Dutch, with Dutch descriptions", () => {
    const lists = manifest.bots[0]!.commandLists;
    expect(lists).toHaveLength(1);
    expect(lists[0]!.scopes).toEqual(["personal"]);
    const commands = lists[0]!.commands;
    expect(commands.map((c) => c.title)).toEqual(DUTCH_COMMANDS);
    expect(commands.length).toBeLessThanOrEqual(10);
    expect(commands.find((c) => c.title === "voorbereiden")!.description).toMatch(/kindgesprek/);
    expect(commands.find((c) => c.title === "notitie")!.description).toMatch(/Typ bijvoorbeeld: notitie /);
  });

  it("is Dutch by default and refers to an English localization file that is in the package", () => {
    expect(manifest.name.short).toBe("Gesprekswijzer");
    expect(manifest.name.full).toBe("Gesprekswijzer – kindgesprekken voorbereiden, voeren en opvolgen");
    expect(manifest.description.full).toMatch(/leerkrachten/);
    expect(manifest.localizationInfo.defaultLanguageTag).toBe("nl");
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: "en", file: "en.json" }]);

    const en = JSON.parse(strFromU8(files["en.json"]!)) as Record<string, string>;
    expect(en.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`);
    expect(en["name.short"]).toBe("Gesprekswijzer");
    expect(en["description.short"]).toMatch(/conversations/);
    expect(en["description.full"]).not.toBe(manifest.description.full);
    const titles = ENGLISH_COMMANDS.map((_, i) => en[`bots[0].commandLists[0].commands[${i}].title`]);
    expect(titles).toEqual(ENGLISH_COMMANDS);
    for (let i = 0; i < ENGLISH_COMMANDS.length; i++) {
      expect(en[`bots[0].commandLists[0].commands[${i}].description`]).toBeTruthy();
    }
  });

  it("has a 192×192 colour icon and a 32×32 outline icon, referenced by the manifest", () => {
    expect(manifest.icons).toEqual({ color: "color.png", outline: "outline.png" });
    expect(pngSize(files["color.png"]!)).toEqual({ width: 192, height: 192 });
    expect(pngSize(files["outline.png"]!)).toEqual({ width: 32, height: 32 });
  });

  it("has an outline icon of only white and fully transparent pixels, with something drawn", () => {
    const outline = decodePng(files["outline.png"]!);
    let visible = 0;
    for (let i = 0; i < outline.rgba.length; i += 4) {
      const [r, g, b, a] = [outline.rgba[i], outline.rgba[i + 1], outline.rgba[i + 2], outline.rgba[i + 3]];
      expect(a === 0 || (r === 255 && g === 255 && b === 255)).toBe(true);
      if (a! > 0) visible++;
    }
    expect(visible).toBeGreaterThan(50);
    expect(countNonWhitePixels(outline)).toBe(0);
  });

  it("has a colour icon in more than one colour", () => {
    const color = decodePng(files["color.png"]!);
    const colours = new Set<number>();
    for (let i = 0; i < color.rgba.length; i += 4) {
      if (color.rgba[i + 3] === 255) colours.add((color.rgba[i]! << 16) | (color.rgba[i + 1]! << 8) | color.rgba[i + 2]!);
    }
    expect(colours.size).toBeGreaterThan(2);
  });

  it("contains the icons that scripts/make-icons.ts draws (regenerate them after changing the design)", () => {
    const same = (png: Uint8Array, drawn: Uint8Array) => Buffer.from(decodePng(png).rgba).equals(Buffer.from(drawn));
    expect(same(files["color.png"]!, drawColorIcon().rgba), "color.png is stale: run npx tsx scripts/make-icons.ts").toBe(true);
    expect(same(files["outline.png"]!, drawOutlineIcon().rgba), "outline.png is stale: run npx tsx scripts/make-icons.ts").toBe(true);
  });

  it("is reproducible: the same inputs give the same zip", () => {
    const again = mkdtempSync(join(tmpdir(), "gw-teams-"));
    try {
      const first = readFileSync(join(dir, "gesprekswijzer.zip"));
      const second = buildPackage({ outDir: again, env: { MICROSOFT_APP_ID: BOT_ID, BOT_DOMAIN: "bot.school.example" } });
      expect(readFileSync(second.zipPath).equals(first)).toBe(true);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});

describe("building in development mode", () => {
  it("uses the placeholder bot id without MICROSOFT_APP_ID, and leaves validDomains empty without a domain", () => {
    const out = mkdtempSync(join(tmpdir(), "gw-teams-"));
    try {
      const result = buildPackage({ outDir: out, env: {}, dev: true });
      expect(result.placeholderBotId).toBe(true);
      const dev = JSON.parse(strFromU8(unzipSync(readFileSync(result.zipPath))["manifest.json"]!)) as Manifest;
      expect(dev.bots[0]!.botId).toBe(DEV_BOT_ID);
      expect(dev.validDomains).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("takes the domain from PUBLIC_BASE_URL when BOT_DOMAIN is not set", () => {
    const out = mkdtempSync(join(tmpdir(), "gw-teams-"));
    try {
      const result = buildPackage({ outDir: out, env: { PUBLIC_BASE_URL: "https://gw.school.example/base" }, dev: true });
      const dev = JSON.parse(strFromU8(unzipSync(readFileSync(result.zipPath))["manifest.json"]!)) as Manifest;
      expect(dev.validDomains).toEqual(["gw.school.example"]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("validation errors", () => {
  it("refuses to build without a bot id, naming MICROSOFT_APP_ID", () => {
    const error = buildError({ outDir: join(dir, "never"), env: {} });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^MICROSOFT_APP_ID: is not set/);
    expect(error.message).toContain("--dev");
  });

  it("reports a manifest without a bot id", () => {
    const broken = validManifest();
    delete (broken.bots[0] as Partial<Manifest["bots"][number]>).botId;
    expect(problemsOf(broken)).toEqual(["bots[0].botId: is missing"]);
  });

  it("reports an unsubstituted placeholder", () => {
    const rendered = renderManifest(template(), { TEAMS_APP_ID: DEFAULT_TEAMS_APP_ID });
    expect(problemsOf(rendered)).toEqual(["bots[0].botId: placeholder ${{BOT_ID}} was not substituted"]);
  });

  it("reports ids that are not GUIDs, in the environment and in the manifest", () => {
    const error = buildError({ outDir: join(dir, "never"), env: { MICROSOFT_APP_ID: "my-bot", TEAMS_APP_ID: "12345" } });
    expect(error.problems).toEqual([
      'TEAMS_APP_ID: must be a GUID like 3f6c2a1e-8d4b-4c7e-9a52-7b1e0d9c4f68 (got "12345")',
      'MICROSOFT_APP_ID: must be the bot\'s Microsoft app id, a GUID (got "my-bot")',
    ]);

    const broken = validManifest();
    broken.id = "not-a-uuid";
    expect(problemsOf(broken)).toEqual(['id: must be a GUID like 3f6c2a1e-8d4b-4c7e-9a52-7b1e0d9c4f68 (got "not-a-uuid")']);
  });

  it("refuses the development placeholder as a real bot id", () => {
    const error = buildError({ outDir: join(dir, "never"), env: { MICROSOFT_APP_ID: DEV_BOT_ID } });
    expect(error.problems[0]).toMatch(/development placeholder/);
  });

  it("reports a short name over 30 characters", () => {
    const broken = validManifest();
    broken.name.short = "Gesprekswijzer voor De Regenboog";
    expect(problemsOf(broken)).toEqual(['name.short: is too long (at most 30 characters) (got "Gesprekswijzer voor De Regenboog")']);
  });

  it("reports more than 10 commands", () => {
    const broken = validManifest();
    const commands = broken.bots[0]!.commandLists[0]!.commands;
    commands.push({ title: "leerling", description: "De tijdlijn van een leerling." });
    commands.push({ title: "groepsgesprek", description: "Een gesprek met de hele groep." });
    expect(problemsOf(broken)).toEqual(["bots[0].commandLists[0].commands: has too many commands (at most 10)"]);
  });

  it("reports a domain given as a URL", () => {
    const error = buildError({ outDir: join(dir, "never"), env: { MICROSOFT_APP_ID: BOT_ID, BOT_DOMAIN: "https://bot.school.example/api/messages" } });
    expect(error.problems).toEqual([
      'BOT_DOMAIN: must be a host name such as bot.school.nl, without https:// or a path (got "https://bot.school.example/api/messages")',
    ]);
  });

  it("reports a wrongly sized icon and an outline icon that is not white", () => {
    const tmp = mkdtempSync(join(tmpdir(), "gw-teams-pkg-"));
    try {
      // A copy of appPackage/ with a 64×64 colour icon and a black outline icon.
      const copy = (name: string) => readFileSync(join(APP_PACKAGE_DIR, name));
      const write = (name: string, bytes: Uint8Array) => writeFileSync(join(tmp, name), bytes);
      write(TEMPLATE_FILE, copy(TEMPLATE_FILE));
      write("en.json", copy("en.json"));
      write("color.png", encodePng({ width: 64, height: 64, rgba: new Uint8Array(64 * 64 * 4).fill(255) }));
      const black = new Uint8Array(32 * 32 * 4);
      for (let i = 3; i < black.length; i += 4) black[i] = 255;
      write("outline.png", encodePng({ width: 32, height: 32, rgba: black }));

      const error = buildError({ outDir: join(tmp, "build"), env: { MICROSOFT_APP_ID: BOT_ID }, appPackageDir: tmp });
      expect(error.problems).toEqual([
        "color.png: the color icon must be 192×192 pixels (got 64×64)",
        "outline.png: the outline icon must be white on a transparent background (1024 pixels are neither)",
      ]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

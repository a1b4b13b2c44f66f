// Builds the Microsoft Teams app package (a zip with manifest.json, its localization file and the two
// icons at the root) from appPackage/manifest.template.json. The pure parts — rendering the template,
// validating the manifest and the package files, reading PNG headers — are exported for the tests;
// scripts/build-teams-package.ts is the command line around buildPackage().
//
// Manifest schema: https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json
// The checks below are a subset of that schema (plus a few stricter limits of our own, marked), enough to
// catch what typically goes wrong when a school builds the package: a missing or malformed id, an
// unsubstituted placeholder, a text that is too long, or a missing or wrongly sized icon.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { strToU8, unzlibSync, zipSync } from "fflate";
import { z } from "zod";

export const MANIFEST_VERSION = "1.30";
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

/** The Teams app id used when TEAMS_APP_ID is not set. Keep it stable: Teams treats a new id as a new app. */
export const DEFAULT_TEAMS_APP_ID = "3f6c2a1e-8d4b-4c7e-9a52-7b1e0d9c4f68";
/** The bot id placeholder of a development package (--dev without MICROSOFT_APP_ID). */
export const DEV_BOT_ID = "00000000-0000-0000-0000-000000000000";

export const APP_PACKAGE_DIR = fileURLToPath(new URL("../appPackage/", import.meta.url));
export const TEMPLATE_FILE = "manifest.template.json";
export const PACKAGE_FILE = "gesprekswijzer.zip";

/** Our own limit (the schema allows 12): the Teams command menu stays readable with 10. */
export const MAX_COMMANDS = 10;
/** Our own limits for command texts: the schema allows 128 and 4000, but older clients cut at 32 and 128. */
const MAX_COMMAND_TITLE = 32;
const MAX_COMMAND_DESCRIPTION = 128;

const ICON_SIZES = { color: 192, outline: 32 } as const;

export class TeamsPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams app package was not built:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "TeamsPackageError";
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering

const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}$/;

export type TemplateVars = Record<string, string | undefined>;

function hasValue(vars: TemplateVars, name: string): boolean {
  const value = vars[name];
  return value !== undefined && value !== "";
}

/**
 * Substitutes `${{NAME}}` placeholders in every string of the template (JSON text or an already parsed
 * object) and returns the resulting object. An array element that is only a placeholder for a variable
 * without a value is dropped (so an unset BOT_DOMAIN leaves validDomains empty); any other placeholder
 * without a value is left in place for validateManifest to report.
 */
export function renderManifest(template: string | object, vars: TemplateVars): unknown {
  const parsed: unknown = typeof template === "string" ? JSON.parse(template) : template;
  const render = (value: unknown): unknown => {
    if (typeof value === "string") {
      return value.replace(PLACEHOLDER, (token, name: string) => (hasValue(vars, name) ? vars[name]! : token));
    }
    if (Array.isArray(value)) {
      return value
        .filter((item) => {
          if (typeof item !== "string") return true;
          const match = WHOLE_PLACEHOLDER.exec(item);
          return !match || hasValue(vars, match[1]!);
        })
        .map(render);
    }
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, render(item)]));
    }
    return value;
  };
  return render(parsed);
}

// ---------------------------------------------------------------------------------------------
// Validation

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^\d+\.\d+\.\d+$/;
const LANGUAGE_TAG = /^[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8}){0,2}$/;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
/** A host name for validDomains, optionally with a leading `*.` wildcard and a port; no scheme, no path. */
const DOMAIN = /^(\*\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(:\d{1,5})?$/;
/** A file at the root of the package. */
const ROOT_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Length in characters (code points), as the JSON schema counts it. */
const chars = (value: string) => [...value].length;

const text = (max: number) =>
  z
    .string()
    .refine((v) => v.trim() !== "", { message: "must not be empty" })
    .refine((v) => chars(v) <= max, { message: `is too long (at most ${max} characters)` });

const guid = z.string().regex(GUID, { message: "must be a GUID like 3f6c2a1e-8d4b-4c7e-9a52-7b1e0d9c4f68" });
const httpsUrl = z
  .string()
  .regex(/^https:\/\/[^\s]+$/, { message: "must be an https:// URL" })
  .max(2048, { message: "is too long (at most 2048 characters)" });
const rootFile = z.string().regex(ROOT_FILE, { message: "must be a file name at the root of the package" });

const BotScope = z.enum(["personal", "team", "groupChat", "copilot"]);

const CommandSchema = z.object({
  title: text(MAX_COMMAND_TITLE),
  description: text(MAX_COMMAND_DESCRIPTION),
});

const ManifestSchema = z.object({
  $schema: z.string(),
  manifestVersion: z.string().regex(/^1\.\d+$/, { message: "must be a manifest version like 1.30" }),
  version: z.string().regex(SEMVER, { message: "must be MAJOR.MINOR.PATCH, for example 1.0.0" }),
  id: guid,
  localizationInfo: z
    .object({
      defaultLanguageTag: z.string().regex(LANGUAGE_TAG, { message: "must be a language tag like nl or en-us" }),
      defaultLanguageFile: rootFile.optional(),
      additionalLanguages: z
        .array(
          z.object({
            languageTag: z.string().regex(LANGUAGE_TAG, { message: "must be a language tag like nl or en-us" }),
            file: rootFile,
          }),
        )
        .optional(),
    })
    .optional(),
  developer: z.object({
    name: text(32),
    websiteUrl: httpsUrl,
    privacyUrl: httpsUrl,
    termsOfUseUrl: httpsUrl,
  }),
  name: z.object({ short: text(30), full: text(100) }),
  description: z.object({ short: text(80), full: text(4000) }),
  icons: z.object({ color: rootFile, outline: rootFile }),
  accentColor: z.string().regex(HEX_COLOR, { message: "must be a colour like #1F7A74" }),
  bots: z
    .array(
      z.object({
        botId: guid,
        scopes: z.array(BotScope).min(1, { message: "must name at least one scope" }),
        supportsFiles: z.boolean().optional(),
        isNotificationOnly: z.boolean().optional(),
        commandLists: z
          .array(
            z.object({
              scopes: z.array(BotScope).min(1, { message: "must name at least one scope" }),
              commands: z
                .array(CommandSchema)
                .min(1, { message: "must list at least one command" })
                .max(MAX_COMMANDS, { message: `has too many commands (at most ${MAX_COMMANDS})` }),
            }),
          )
          .max(3, { message: "has too many command lists (at most 3)" })
          .optional(),
      }),
    )
    .length(1, { message: "must define exactly one bot" }),
  permissions: z.array(z.enum(["identity", "messageTeamMembers"])).optional(),
  validDomains: z
    .array(z.string().regex(DOMAIN, { message: "must be a host name such as bot.school.nl, without https:// or a path" }))
    .max(100, { message: "has too many domains (at most 100)" })
    .optional(),
});

export type TeamsManifest = z.infer<typeof ManifestSchema>;

export type ManifestValidation = { ok: true; manifest: TeamsManifest } | { ok: false; problems: string[] };

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out || "(manifest)";
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (typeof value === "string") return chars(value) > 60 ? ` (got ${chars(value)} characters)` : ` (got "${value}")`;
  if (typeof value === "number" || typeof value === "boolean") return ` (got ${value})`;
  return "";
}

/** Every string in `value` that still contains `${{`, with its path. */
function findPlaceholders(value: unknown, path: PropertyKey[] = []): string[] {
  if (typeof value === "string") {
    return value.includes("${{") ? [`${formatPath(path)}: placeholder ${value.match(/\$\{\{[^}]*\}\}/)?.[0] ?? "${{"} was not substituted`] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => findPlaceholders(item, [...path, i]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => findPlaceholders(item, [...path, key]));
  }
  return [];
}

/** Checks a rendered manifest; every problem names the field, what is wrong and what was found. */
export function validateManifest(obj: unknown): ManifestValidation {
  const problems = findPlaceholders(obj);
  const placeholderPaths = new Set(problems.map((p) => p.slice(0, p.indexOf(":"))));

  const result = ManifestSchema.safeParse(obj);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = formatPath(issue.path);
      if (placeholderPaths.has(path)) continue; // already reported as an unsubstituted placeholder
      const value = valueAt(obj, issue.path);
      problems.push(value === undefined && issue.path.length > 0 ? `${path}: is missing` : `${path}: ${issue.message}${describeValue(value)}`);
    }
    return { ok: false, problems };
  }

  const manifest = result.data;
  const expectedSchema = `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`;
  if (manifest.$schema !== expectedSchema) {
    problems.push(`$schema: must be ${expectedSchema} to match manifestVersion ${manifest.manifestVersion} (got "${manifest.$schema}")`);
  }
  if (manifest.name.short === manifest.name.full) problems.push("name.full: must differ from name.short");
  if (manifest.description.short === manifest.description.full) {
    problems.push("description.full: must differ from description.short");
  } else if (manifest.description.full.includes(manifest.description.short)) {
    problems.push("description.full: must not repeat description.short");
  }
  manifest.bots.forEach((bot, b) => {
    (bot.commandLists ?? []).forEach((list, l) => {
      const seen = new Set<string>();
      list.commands.forEach((command, c) => {
        const key = command.title.trim().toLowerCase();
        if (seen.has(key)) problems.push(`bots[${b}].commandLists[${l}].commands[${c}].title: "${command.title}" is listed twice`);
        seen.add(key);
      });
    });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, manifest };
}

const LOCALIZATION_TEXTS: Record<string, number> = {
  "name.short": 30,
  "name.full": 100,
  "description.short": 80,
  "description.full": 4000,
};
const LOCALIZED_COMMAND = /^bots\[(\d+)\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(title|description)$/;

/** Checks a localization file (e.g. en.json) against the manifest it translates. */
export function validateLocalization(file: string, obj: unknown, manifest: TeamsManifest): string[] {
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) return [`${file}: must be a JSON object`];
  const entries = obj as Record<string, unknown>;
  const problems = findPlaceholders(obj).map((p) => `${file}: ${p}`);
  const expectedSchema = `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`;
  if (entries.$schema !== expectedSchema) {
    problems.push(`${file}: $schema must be ${expectedSchema}, the same version as the manifest${describeValue(entries.$schema)}`);
  }
  for (const key of ["name.short", "description.short", "description.full"]) {
    if (entries[key] === undefined) problems.push(`${file}: "${key}" is missing`);
  }
  for (const [key, value] of Object.entries(entries)) {
    if (key === "$schema") continue;
    const command = LOCALIZED_COMMAND.exec(key);
    let max = LOCALIZATION_TEXTS[key];
    if (command) {
      const [, b, l, c, field] = command;
      const exists = manifest.bots[Number(b)]?.commandLists?.[Number(l)]?.commands[Number(c)] !== undefined;
      if (!exists) {
        problems.push(`${file}: "${key}" translates a command the manifest does not have`);
        continue;
      }
      max = field === "title" ? MAX_COMMAND_TITLE : MAX_COMMAND_DESCRIPTION;
    }
    if (max === undefined) {
      problems.push(`${file}: "${key}" is not a text this package localizes`);
    } else if (typeof value !== "string" || value.trim() === "") {
      problems.push(`${file}: "${key}" must be a non-empty string`);
    } else if (chars(value) > max) {
      problems.push(`${file}: "${key}" is too long (at most ${max} characters, got ${chars(value)})`);
    }
  }
  // Every command the manifest lists needs a translated title, or the menu mixes languages.
  manifest.bots.forEach((bot, b) =>
    (bot.commandLists ?? []).forEach((list, l) =>
      list.commands.forEach((_, c) => {
        const key = `bots[${b}].commandLists[${l}].commands[${c}].title`;
        if (entries[key] === undefined) problems.push(`${file}: "${key}" is missing`);
      }),
    ),
  );
  return problems;
}

// ---------------------------------------------------------------------------------------------
// PNG

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function readUint32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset);
}

/** The pixel size from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(buffer: Uint8Array): { width: number; height: number } {
  if (buffer.length < 24 || PNG_SIGNATURE.some((byte, i) => buffer[i] !== byte)) throw new Error("not a PNG file");
  const type = String.fromCharCode(...buffer.subarray(12, 16));
  if (type !== "IHDR") throw new Error("not a PNG file (IHDR chunk missing)");
  return { width: readUint32(buffer, 16), height: readUint32(buffer, 20) };
}

export interface DecodedPng {
  width: number;
  height: number;
  /** width × height × 4 bytes, not premultiplied. */
  rgba: Uint8Array;
}

/**
 * Decodes a non-interlaced PNG with 8 bits per channel (grey, grey+alpha, RGB, RGBA or palette) into
 * RGBA pixels. Other variants throw with a message saying what to save the file as instead.
 */
export function decodePng(buffer: Uint8Array): DecodedPng {
  const { width, height } = pngSize(buffer);
  const bitDepth = buffer[24];
  const colorType = buffer[25]!;
  const interlace = buffer[28];
  const channelsByType: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
  const channels = channelsByType[colorType];
  if (bitDepth !== 8 || channels === undefined || interlace !== 0) {
    throw new Error("unsupported PNG variant; save it as a non-interlaced 8-bit RGBA PNG");
  }

  const idat: Uint8Array[] = [];
  let palette: Uint8Array | undefined;
  let transparency: Uint8Array | undefined;
  for (let offset = 8; offset + 8 <= buffer.length; ) {
    const length = readUint32(buffer, offset);
    const type = String.fromCharCode(...buffer.subarray(offset + 4, offset + 8));
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === "IDAT") idat.push(data);
    else if (type === "PLTE") palette = data;
    else if (type === "tRNS") transparency = data;
    else if (type === "IEND") break;
    offset += 12 + length;
  }
  if (colorType === 3 && !palette) throw new Error("palette PNG without a PLTE chunk");
  const compressed = new Uint8Array(idat.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of idat) {
    compressed.set(part, at);
    at += part.length;
  }
  const raw = unzlibSync(compressed);
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error("PNG image data is truncated");

  // Undo the per-row filters (None, Sub, Up, Average, Paeth).
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels]! : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = left;
          break;
        case 2:
          predictor = up;
          break;
        case 3:
          predictor = (left + up) >> 1;
          break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
          break;
        }
        default:
          throw new Error(`unknown PNG row filter ${filter}`);
      }
      pixels[y * stride + x] = (row[x]! + predictor) & 0xff;
    }
  }

  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    const o = i * 4;
    if (colorType === 6) {
      rgba.set(pixels.subarray(p, p + 4), o);
    } else if (colorType === 2) {
      rgba.set(pixels.subarray(p, p + 3), o);
      rgba[o + 3] = 255;
    } else if (colorType === 4) {
      rgba[o] = rgba[o + 1] = rgba[o + 2] = pixels[p]!;
      rgba[o + 3] = pixels[p + 1]!;
    } else if (colorType === 0) {
      rgba[o] = rgba[o + 1] = rgba[o + 2] = pixels[p]!;
      rgba[o + 3] = 255;
    } else {
      const index = pixels[p]!;
      rgba[o] = palette![index * 3] ?? 0;
      rgba[o + 1] = palette![index * 3 + 1] ?? 0;
      rgba[o + 2] = palette![index * 3 + 2] ?? 0;
      rgba[o + 3] = transparency?.[index] ?? 255;
    }
  }
  return { width, height, rgba };
}

/** Teams wants the outline icon white on transparent: every pixel fully transparent or pure white. */
export function countNonWhitePixels(image: DecodedPng): number {
  let count = 0;
  for (let i = 0; i < image.rgba.length; i += 4) {
    const alpha = image.rgba[i + 3]!;
    if (alpha !== 0 && (image.rgba[i] !== 255 || image.rgba[i + 1] !== 255 || image.rgba[i + 2] !== 255)) count++;
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// Package files

/** The files a manifest refers to, besides manifest.json itself: icons and localization files. */
export function referencedFiles(manifest: TeamsManifest): string[] {
  const files = [manifest.icons.color, manifest.icons.outline];
  if (manifest.localizationInfo?.defaultLanguageFile) files.push(manifest.localizationInfo.defaultLanguageFile);
  for (const language of manifest.localizationInfo?.additionalLanguages ?? []) files.push(language.file);
  return [...new Set(files)];
}

/** Checks the files the manifest refers to: present, icons of the right size and colours, localizations valid. */
export function validatePackageFiles(manifest: TeamsManifest, files: Record<string, Uint8Array | undefined>): string[] {
  const problems: string[] = [];
  for (const name of referencedFiles(manifest)) {
    if (!files[name]) problems.push(`${name}: file not found (the manifest refers to it)`);
  }
  for (const kind of ["color", "outline"] as const) {
    const name = manifest.icons[kind];
    const bytes = files[name];
    if (!bytes) continue;
    const expected = ICON_SIZES[kind];
    let size;
    try {
      size = pngSize(bytes);
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}; the ${kind} icon must be a PNG`);
      continue;
    }
    if (size.width !== expected || size.height !== expected) {
      problems.push(`${name}: the ${kind} icon must be ${expected}×${expected} pixels (got ${size.width}×${size.height})`);
      continue;
    }
    if (kind === "outline") {
      try {
        const nonWhite = countNonWhitePixels(decodePng(bytes));
        if (nonWhite > 0) {
          problems.push(`${name}: the outline icon must be white on a transparent background (${nonWhite} pixels are neither)`);
        }
      } catch (error) {
        problems.push(`${name}: ${(error as Error).message}`);
      }
    }
  }
  for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
    const bytes = files[language.file];
    if (!bytes) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      problems.push(`${language.file}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    problems.push(...validateLocalization(language.file, parsed, manifest));
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Building

export interface BuildOptions {
  /** Where gesprekswijzer.zip is written; created when missing. */
  outDir: string;
  /** TEAMS_APP_ID, MICROSOFT_APP_ID, BOT_DOMAIN (or PUBLIC_BASE_URL for its host). Defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** A development package: without MICROSOFT_APP_ID the bot id is the DEV_BOT_ID placeholder. */
  dev?: boolean;
  /** The folder with manifest.template.json and the files it refers to. Defaults to appPackage/. */
  appPackageDir?: string;
}

export interface BuildResult {
  zipPath: string;
  manifest: TeamsManifest;
  /** The file names in the zip, all at its root. */
  files: string[];
  /** True when the bot id is the development placeholder. */
  placeholderBotId: boolean;
}

/** Fixed timestamp for the zip entries, so that the same inputs give the same zip. */
const ZIP_MTIME = new Date(2026, 0, 1, 12, 0, 0);

function resolveVars(env: Record<string, string | undefined>, dev: boolean): { vars: TemplateVars; problems: string[]; placeholderBotId: boolean } {
  const problems: string[] = [];
  const get = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };

  const teamsAppId = get("TEAMS_APP_ID") ?? DEFAULT_TEAMS_APP_ID;
  if (!GUID.test(teamsAppId)) problems.push(`TEAMS_APP_ID: must be a GUID like ${DEFAULT_TEAMS_APP_ID} (got "${teamsAppId}")`);

  let botId = get("MICROSOFT_APP_ID");
  let placeholderBotId = false;
  if (!botId) {
    if (dev) {
      botId = DEV_BOT_ID;
      placeholderBotId = true;
    } else {
      problems.push(
        "MICROSOFT_APP_ID: is not set; it must be the bot's Microsoft app id (set it in .env or the environment, or pass --dev for a development package)",
      );
    }
  } else if (!GUID.test(botId)) {
    problems.push(`MICROSOFT_APP_ID: must be the bot's Microsoft app id, a GUID (got "${botId}")`);
  } else if (botId === DEV_BOT_ID && !dev) {
    problems.push(`MICROSOFT_APP_ID: ${DEV_BOT_ID} is the development placeholder, not a registered bot`);
  }

  let botDomain = get("BOT_DOMAIN");
  let domainSource = "BOT_DOMAIN";
  if (!botDomain && get("PUBLIC_BASE_URL")) {
    domainSource = "PUBLIC_BASE_URL";
    try {
      botDomain = new URL(get("PUBLIC_BASE_URL")!).host;
    } catch {
      problems.push(`PUBLIC_BASE_URL: is not a URL (got "${get("PUBLIC_BASE_URL")}")`);
    }
  }
  if (botDomain && !DOMAIN.test(botDomain)) {
    problems.push(`${domainSource}: must be a host name such as bot.school.nl, without https:// or a path (got "${botDomain}")`);
  }

  return { vars: { TEAMS_APP_ID: teamsAppId, BOT_ID: botId, BOT_DOMAIN: botDomain }, problems, placeholderBotId };
}

/**
 * Renders appPackage/manifest.template.json with the ids from `env`, validates the manifest and the
 * files it refers to, and writes `<outDir>/gesprekswijzer.zip`. Throws a TeamsPackageError that lists
 * every problem when something is wrong; nothing is written then.
 */
export function buildPackage({ outDir, env = process.env, dev = false, appPackageDir = APP_PACKAGE_DIR }: BuildOptions): BuildResult {
  const { vars, problems, placeholderBotId } = resolveVars(env, dev);
  if (problems.length > 0) throw new TeamsPackageError(problems);

  const templatePath = join(appPackageDir, TEMPLATE_FILE);
  if (!existsSync(templatePath)) throw new TeamsPackageError([`${templatePath}: file not found`]);
  let rendered: unknown;
  try {
    rendered = renderManifest(readFileSync(templatePath, "utf8"), vars);
  } catch (error) {
    throw new TeamsPackageError([`${TEMPLATE_FILE}: not valid JSON (${(error as Error).message})`]);
  }

  const validation = validateManifest(rendered);
  if (!validation.ok) throw new TeamsPackageError(validation.problems);
  const manifest = validation.manifest;

  const files: Record<string, Uint8Array | undefined> = {};
  for (const name of referencedFiles(manifest)) {
    const path = join(appPackageDir, name);
    files[name] = existsSync(path) ? new Uint8Array(readFileSync(path)) : undefined;
  }
  const fileProblems = validatePackageFiles(manifest, files);
  if (fileProblems.length > 0) throw new TeamsPackageError(fileProblems);

  // The rendered object, not the zod output: zod drops the fields it does not check.
  const entries: Record<string, Uint8Array> = { "manifest.json": strToU8(`${JSON.stringify(rendered, null, 2)}\n`) };
  for (const [name, bytes] of Object.entries(files)) entries[name] = bytes!;
  const zip = zipSync(entries, { level: 9, mtime: ZIP_MTIME });

  if (!isAbsolute(outDir)) outDir = join(process.cwd(), outDir);
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, PACKAGE_FILE);
  writeFileSync(zipPath, zip);
  return { zipPath, manifest, files: Object.keys(entries), placeholderBotId };
}

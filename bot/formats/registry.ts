// Conversation formats: the built-in files are validated at load and recorded in the database
// under their version, so a held conversation can always be shown with the version it used.
// A school may add its own formats (or new versions) without code changes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db, Tx } from "../db/client.js";
import { directSqlOf } from "../db/direct-sql.js";
import type { Bouw } from "../domain/vocabulary.js";
import { AppError, ErrorCode, NotFoundError } from "../errors.js";
import { ConversationFormat } from "./schema.js";
import { MAX_TEXT_LIMIT } from "./fields.js";

const BUILTIN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "builtin");

/** The doorgaande lijn when a school has chosen nothing: one format per bouw. */
export const DEFAULT_FORMAT_BY_BOUW: Record<Bouw, string> = {
  onderbouw: "onderbouw-welbevinden",
  middenbouw: "middenbouw-kindgesprek",
  bovenbouw: "bovenbouw-kindgesprek",
};

let builtinCache: ConversationFormat[] | null = null;

/** Every built-in format file, validated. A malformed file is a programming error: it throws. */
export function loadBuiltinFormats(): ConversationFormat[] {
  if (builtinCache) return builtinCache;
  builtinCache = readdirSync(BUILTIN_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      const parsed = ConversationFormat.safeParse(JSON.parse(readFileSync(path.join(BUILTIN_DIR, file), "utf8")));
      if (!parsed.success) throw new Error(`format ${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      return parsed.data;
    });
  return builtinCache;
}

const builtinId = (key: string, version: number) => `builtin:${key}:v${version}`;

/** Parsed definitions by their JSON text: a released version never changes, so parse it once. */
const parsed = new Map<string, ConversationFormat>();
function parseDefinition(definition: string): ConversationFormat {
  let format = parsed.get(definition);
  if (!format) {
    format = ConversationFormat.parse(JSON.parse(definition));
    parsed.set(definition, format);
  }
  return format;
}

/**
 * Records the built-in formats in the database (idempotent; the fixed ids make concurrent
 * start-ups collide harmlessly). A released version whose file changed is reported, not
 * overwritten: the stored definition is what conversations were held with.
 */
export async function syncBuiltinFormats(db: Db): Promise<{ added: number; changed: string[] }> {
  let added = 0;
  const changed: string[] = [];
  for (const format of loadBuiltinFormats()) {
    const id = builtinId(format.key, format.version);
    const definition = JSON.stringify(format);
    const existing = await db.conversationFormat.findUnique({ where: { id } });
    if (!existing) {
      await db.conversationFormat.create({ data: { id, schoolId: null, key: format.key, version: format.version, definition } }).then(
        () => added++,
        () => undefined,
      );
    } else if (existing.definition !== definition) {
      changed.push(`${format.key} v${format.version}`);
    }
  }
  return { added, changed };
}

export interface FormatSummary {
  key: string;
  version: number;
  name: { nl: string; en: string };
  audience: string[];
  subject: "pupil" | "group" | "colleague";
}

/** Format lists change only when a school adds a format; read them at most once a minute. */
const LIST_TTL_MS = 60_000;
const listCache = new Map<string, { until: number; formats: FormatSummary[] }>();

/** The newest version of every format a school can use: its own, then the built-in ones. */
export async function listFormats(db: Db, schoolId: string): Promise<FormatSummary[]> {
  const cached = listCache.get(schoolId);
  if (cached && cached.until > Date.now()) return cached.formats;
  const formats = await readFormatList(db, schoolId);
  listCache.set(schoolId, { until: Date.now() + LIST_TTL_MS, formats });
  return formats;
}

async function readFormatList(db: Db, schoolId: string): Promise<FormatSummary[]> {
  const rows = await db.conversationFormat.findMany({
    where: { OR: [{ schoolId }, { schoolId: null }] },
    orderBy: [{ key: "asc" }, { version: "desc" }],
  });
  // Built-in formats not yet recorded (a database set up before they were shipped) still count.
  for (const format of loadBuiltinFormats()) {
    if (!rows.some((r) => r.schoolId === null && r.key === format.key && r.version === format.version)) {
      rows.push({
        id: builtinId(format.key, format.version),
        schoolId: null,
        key: format.key,
        version: format.version,
        definition: JSON.stringify(format),
        createdAt: new Date(0),
      });
    }
  }
  const newest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const current = newest.get(row.key);
    // A school's own version of a key wins over the built-in one.
    if (!current || (row.schoolId && !current.schoolId) || (!!row.schoolId === !!current.schoolId && row.version > current.version)) {
      newest.set(row.key, row);
    }
  }
  return [...newest.values()].map((row) => {
    const f = parseDefinition(row.definition);
    return { key: f.key, version: f.version, name: f.name, audience: f.audience, subject: f.subject };
  });
}

/** A format by key, in a given version or the newest. */
export async function getFormat(db: Pick<Db, "conversationFormat">, schoolId: string, key: string, version?: number | null): Promise<ConversationFormat> {
  const row = await db.conversationFormat.findFirst({
    where: { key, ...(version ? { version } : {}), OR: [{ schoolId }, { schoolId: null }] },
    orderBy: [{ version: "desc" }],
  });
  const builtin = loadBuiltinFormats()
    .filter((f) => f.key === key && (!version || f.version === version))
    .sort((a, b) => b.version - a.version)[0];
  if (row && (!builtin || row.version >= builtin.version)) return parseDefinition(row.definition);
  if (builtin) return builtin;
  throw new NotFoundError("format");
}

/** The format a group uses by default: the group's choice, else the school's per bouw, else ours. */
export async function defaultFormatKey(
  db: Db | Tx,
  group: { id: string; schoolId: string; bouw: string; formatKey: string | null; schoolFormatKey?: string | null },
): Promise<string> {
  if (group.formatKey) return group.formatKey;
  // Read on every preparation turn: already read with the pupil's context (PostgreSQL), else plain SQL (bot/db/direct-sql.ts).
  const schoolChoice =
    group.schoolFormatKey !== undefined
      ? group.schoolFormatKey
      : (
          await directSqlOf(db).rows<{ formatKey: string }>(`SELECT "formatKey" FROM "SchoolFormatDefault" WHERE "schoolId" = ? AND "bouw" = ?`, [
            group.schoolId,
            group.bouw,
          ])
        )[0]?.formatKey;
  return schoolChoice ?? DEFAULT_FORMAT_BY_BOUW[group.bouw as Bouw] ?? "hgw-kindgesprek";
}

/** Adds a school's own format version. Versions are never replaced: a new one must be higher. */
export async function addSchoolFormat(db: Db, schoolId: string, input: unknown): Promise<{ key: string; version: number }> {
  const parsed = ConversationFormat.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      ErrorCode.ValidationFailed,
      "invalid format",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  }
  const format = parsed.data;
  // Stored definitions may name up to 4000 (they must keep loading); a new one may not ask for
  // more than every channel can carry.
  const tooLong = format.phases
    .flatMap((p) => p.sections.flatMap((s) => s.fields.map((f) => ({ path: `${s.id}.${f.id}.maxLength`, maxLength: f.maxLength }))))
    .filter((f) => (f.maxLength ?? 0) > MAX_TEXT_LIMIT);
  if (tooLong.length) {
    throw new AppError(
      ErrorCode.ValidationFailed,
      "invalid format",
      tooLong.map((f) => ({ path: f.path, message: `at most ${MAX_TEXT_LIMIT} characters (what every channel can carry)` })),
    );
  }
  const newest = await getFormat(db, schoolId, format.key).catch(() => null);
  if (newest && newest.version >= format.version) {
    throw new AppError(ErrorCode.Conflict, `format ${format.key} already has version ${newest.version}; add version ${newest.version + 1}`);
  }
  await db.conversationFormat.create({ data: { schoolId, key: format.key, version: format.version, definition: JSON.stringify(format) } });
  listCache.delete(schoolId);
  return { key: format.key, version: format.version };
}

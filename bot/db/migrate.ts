// Applies the committed Prisma migration folders in order and records them in Prisma's own
// `_prisma_migrations` table, so `prisma migrate deploy` and this function agree on what ran.
// We apply them ourselves because the Prisma CLI cannot run PostgreSQL migrations offline here
// (its native engines cannot be downloaded; the Wasm engine fails on PostgreSQL, prisma#27403).
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { ensurePrivateSqliteFile, providerOf, sqliteFilePath, type DatabaseProvider } from "./client.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Prisma's own advisory lock key, so our runs and `prisma migrate deploy` exclude each other. */
const ADVISORY_LOCK_KEY = 72707369;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
  /** Applied migrations whose file changed afterwards (Prisma warns about these too). */
  modified: string[];
}

export function migrationsDir(provider: DatabaseProvider): string {
  return path.join(ROOT, provider === "sqlite" ? "prisma/migrations" : "prisma/postgres/migrations");
}

export function readMigrations(provider: DatabaseProvider): MigrationFile[] {
  const dir = migrationsDir(provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function plan(files: MigrationFile[], done: Map<string, string>): MigrationResult & { todo: MigrationFile[] } {
  const todo = files.filter((f) => !done.has(f.name));
  const modified = files.filter((f) => done.has(f.name) && done.get(f.name) !== f.checksum).map((f) => f.name);
  return { todo, applied: todo.map((f) => f.name), alreadyApplied: files.length - todo.length, modified };
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

function migrateSqlite(url: string, files: MigrationFile[]): MigrationResult {
  const file = sqliteFilePath(url);
  ensurePrivateSqliteFile(file);
  const db = new Sqlite(file, { timeout: 5000 });
  try {
    db.pragma("journal_mode = WAL");
    // Table redefinitions (SQLite's way to alter a column) drop and recreate tables. With foreign
    // keys on, that DROP would cascade-delete dependent rows, and the PRAGMA inside a migration
    // is ignored within our transaction. So enforcement is off while migrating, and the result is
    // checked with foreign_key_check before commit instead.
    db.pragma("foreign_keys = OFF");
    db.exec(SQLITE_TABLE);
    // IMMEDIATE takes the write lock up front: a second process waits instead of racing.
    const run = db.transaction(() => {
      const rows = db.prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`).all() as {
        migration_name: string;
        checksum: string;
      }[];
      const result = plan(files, new Map(rows.map((r) => [r.migration_name, r.checksum])));
      for (const file of result.todo) {
        db.exec(file.sql);
        const violations = db.pragma("foreign_key_check") as unknown[];
        if (violations.length > 0) throw new Error(`Migration ${file.name} leaves ${violations.length} foreign key violation(s)`);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(randomUUID(), file.checksum, Date.now(), file.name, Date.now());
      }
      return result;
    });
    const { todo: _todo, ...result } = run.immediate();
    return result;
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, files: MigrationFile[]): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Several instances may start at once: the advisory lock lets one migrate while others wait.
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    await client.query(POSTGRES_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
    );
    const { todo, ...result } = plan(files, new Map(rows.map((r) => [r.migration_name, r.checksum])));
    for (const file of todo) {
      await client.query("BEGIN");
      try {
        await client.query(file.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), file.checksum, file.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${file.name} failed: ${(error as Error).message}`);
      }
    }
    return result;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** Brings the database at `url` up to date. Safe to call on every start and from several processes. */
export async function migrateDatabase(url: string, options: { upTo?: string } = {}): Promise<MigrationResult> {
  const provider = providerOf(url);
  // upTo stops after the named migration (tests of data surviving later migrations).
  const files = readMigrations(provider).filter((m) => !options.upTo || m.name <= options.upTo);
  return provider === "sqlite" ? migrateSqlite(url, files) : migratePostgres(url, files);
}

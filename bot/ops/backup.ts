// Backup and restore of the whole database, for the operator CLI (`npm run cli -- backup|restore`).
// SQLite: SQLite's online backup API (better-sqlite3's .backup()), which copies a consistent
// snapshot page by page while the bot keeps reading and writing; a plain file copy of a database
// in WAL mode can miss committed transactions that still live in the -wal file, or tear mid-write.
// PostgreSQL: pg_dump and pg_restore (custom format), the tools PostgreSQL ships for exactly this.
// Nothing here prints or logs data: reports hold counts, sizes and file names.
import { spawnSync } from "node:child_process";
import { chmodSync, closeSync, existsSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { providerOf, sqliteFilePath } from "../db/client.js";
import { toDate } from "../db/direct-sql.js";

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

export interface BackupReport {
  provider: "sqlite" | "postgresql";
  file: string;
  bytes: number;
  schools: number;
}

export interface RestoreReport {
  provider: "sqlite" | "postgresql";
  schools: number;
  /** SQLite: where the database that was replaced was moved to (kept, never deleted). */
  previous?: string;
  /**
   * Erasures the replaced database recorded that the backup does not hold: the pupils they erased
   * are back and must be erased again (docs/privacy.md). Receipts hold no personal data. Null when
   * the replaced database's receipts could not be read: the operator must check by hand.
   */
  undoneErasures: ErasureSeen[] | null;
  /** Of those, the receipts written into the restored database (so `erasures` still lists them). */
  receiptsCarriedOver: number;
}

/** An erasure as its receipt records it. */
export interface ErasureSeen {
  id: string;
  erasedAt: Date;
  reason: string;
  /** The row as stored (raw column values), to be written back into a restored database. */
  row: Record<string, unknown>;
}

const RECEIPT_COLUMNS = ["id", "schoolId", "actorStaffId", "actorLabel", "reason", "counts", "erasedAt"] as const;

/** The receipts, oldest first; `erasedAt` as the database gives it (PostgreSQL: as text, see receiptsIn). */
const receiptsSql = (erasedAt: string) =>
  `SELECT ${RECEIPT_COLUMNS.filter((c) => c !== "erasedAt")
    .map((c) => `"${c}"`)
    .join(", ")}, ${erasedAt} AS "erasedAt" FROM "ErasureReceipt" ORDER BY "erasedAt"`;

/**
 * An empty file only its owner may read or write, for a backup to be written into: created so
 * before any data is in it (a chmod afterwards would leave the data readable while it is written).
 */
function createPrivateFile(file: string): void {
  closeSync(openSync(file, "wx", 0o600));
}

/**
 * The erasure receipts a database holds; none when there is no database (yet) or no such table;
 * null when they could not be read (an unreadable file, a refused connection).
 */
async function receiptsIn(url: string): Promise<ErasureSeen[] | null> {
  const seen = (rows: Record<string, unknown>[]) => rows.map((r) => ({ id: String(r.id), erasedAt: toDate(r.erasedAt), reason: String(r.reason), row: r }));
  if (providerOf(url) === "sqlite") {
    const file = sqliteFilePath(url);
    if (!existsSync(file)) return [];
    let db: Sqlite.Database | undefined;
    try {
      db = new Sqlite(file, { readonly: true, fileMustExist: true });
      const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'ErasureReceipt'").get();
      return table ? seen(db.prepare(receiptsSql(`"erasedAt"`)).all() as Record<string, unknown>[]) : [];
    } catch {
      return null;
    } finally {
      db?.close();
    }
  }
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const table = await client.query(`SELECT to_regclass('"ErasureReceipt"') AS t`);
    if (table.rows[0]?.t === null) return [];
    // As text: pg would read a timestamp without zone as local time.
    return seen((await client.query(receiptsSql(`"erasedAt"::text`))).rows);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The migrations table proves the file is one of our databases, not any SQLite file. */
function checkSqliteFile(file: string): number {
  let db: Sqlite.Database;
  try {
    db = new Sqlite(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new BackupError(`${file} is not a readable SQLite database`);
  }
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new BackupError(`${file} fails SQLite's integrity check`);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('_prisma_migrations', 'School')").pluck().all();
    if (tables.length !== 2) throw new BackupError(`${file} is not a Gesprekswijzer database (no migrations or School table)`);
    return Number(db.prepare('SELECT COUNT(*) FROM "School"').pluck().get());
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a readable SQLite database`);
  } finally {
    db.close();
  }
}

async function backupSqlite(url: string, out: string): Promise<BackupReport> {
  const source = sqliteFilePath(url);
  if (!existsSync(source)) throw new BackupError(`no database at ${source} (DATABASE_URL)`);
  // Written under a temporary name and renamed when complete and checked: a file with the final
  // name is always a whole backup.
  const partial = `${out}.partial-${process.pid}`;
  const db = new Sqlite(source, { fileMustExist: true, timeout: 5000 });
  try {
    // Every pupil's record: readable by its owner only, whatever the umask.
    createPrivateFile(partial);
    await db.backup(partial);
  } catch {
    rmSync(partial, { force: true });
    throw new BackupError(`the backup of ${source} could not be written to ${partial}`);
  } finally {
    db.close();
  }
  try {
    // One self-contained file: the copy carries the source's WAL flag; without it nothing else is needed.
    const copy = new Sqlite(partial);
    copy.pragma("journal_mode = DELETE");
    copy.close();
    const schools = checkSqliteFile(partial);
    renameSync(partial, out);
    return { provider: "sqlite", file: out, bytes: statSync(out).size, schools };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Takes the target for ourselves: leaving WAL mode needs every other connection closed, so this
 * fails while the bot (or anything else) has the database open. It also folds the -wal file into
 * the database, so the one file can be moved aside whole.
 */
function takeOverSqlite(file: string): void {
  let db: Sqlite.Database;
  try {
    db = new Sqlite(file, { fileMustExist: true, timeout: 0 });
  } catch {
    throw new BackupError(`${file} exists but cannot be opened as a SQLite database; move it away first`);
  }
  try {
    const mode = db.pragma("journal_mode = DELETE", { simple: true });
    if (mode !== "delete") throw new Error("still in WAL mode");
  } catch {
    throw new BackupError(`${file} is in use: stop the bot (every instance and CLI) before restoring`);
  } finally {
    db.close();
  }
}

async function restoreSqlite(url: string, from: string, force: boolean): Promise<Omit<RestoreReport, "undoneErasures" | "receiptsCarriedOver">> {
  checkSqliteFile(from);
  const target = path.resolve(sqliteFilePath(url));
  let previous: string | undefined;
  if (existsSync(target)) {
    if (!force) throw new BackupError(`${target} already exists; add --force to replace it (it is kept as a .before-restore file)`);
    takeOverSqlite(target);
    previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    renameSync(target, previous);
    // A copy of every pupil's records, kept aside: its owner's only, whatever mode the live file had.
    chmodSync(previous, 0o600);
    for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
  }
  // Through the backup API again (the backup is the source), so the new file is written by SQLite.
  const partial = `${target}.restoring-${process.pid}`;
  const source = new Sqlite(from, { readonly: true, fileMustExist: true });
  try {
    createPrivateFile(partial);
    await source.backup(partial);
  } finally {
    source.close();
  }
  renameSync(partial, target);
  return { provider: "sqlite", schools: checkSqliteFile(target), ...(previous ? { previous } : {}) };
}

/**
 * The connection for PostgreSQL's tools, as their environment variables: a password on their
 * command line would be readable by every user of the machine (ps).
 */
function pgEnvironment(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGHOST: u.hostname, PGPORT: u.port || "5432", PGDATABASE: decodeURIComponent(u.pathname.slice(1)) };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

function pgTool(name: "pg_dump" | "pg_restore", url: string, args: string[]): void {
  const env = pgEnvironment(url);
  const result = spawnSync(name, name === "pg_restore" ? [`--dbname=${env.PGDATABASE}`, ...args] : args, {
    env,
    stdio: ["ignore", "inherit", "pipe"],
    encoding: "utf8",
  });
  if (result.error) throw new BackupError(`${name} is not installed or not on PATH (it comes with PostgreSQL's client tools)`);
  // The tools' own messages name objects, not row contents: shown to the operator as they are.
  if (result.status !== 0) throw new BackupError(`${name} failed (exit ${result.status}): ${result.stderr.trim().split("\n").slice(-3).join(" | ")}`);
}

async function countSchools(url: string): Promise<number> {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query('SELECT COUNT(*) AS n FROM "School"')).rows[0].n);
  } finally {
    await client.end();
  }
}

async function backupPostgres(url: string, out: string): Promise<BackupReport> {
  const partial = `${out}.partial-${process.pid}`;
  // Custom format: compressed, and pg_restore can restore it selectively and in parallel.
  // pg_dump works from one snapshot, so the dump is consistent while the bot runs.
  try {
    createPrivateFile(partial);
    pgTool("pg_dump", url, ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`]);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, out);
  return { provider: "postgresql", file: out, bytes: statSync(out).size, schools: await countSchools(url) };
}

async function restorePostgres(url: string, from: string, force: boolean): Promise<Omit<RestoreReport, "undoneErasures" | "receiptsCarriedOver">> {
  if (!existsSync(from)) throw new BackupError(`no backup file at ${from}`);
  const args = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"];
  // Into an existing database only with --force: --clean drops our tables first.
  if (force) args.unshift("--clean", "--if-exists");
  pgTool("pg_restore", url, [...args, from]);
  return { provider: "postgresql", schools: await countSchools(url) };
}

export async function backupDatabase(url: string, out: string): Promise<BackupReport> {
  const target = path.resolve(out);
  if (existsSync(target)) throw new BackupError(`${target} already exists; choose a new file name`);
  if (!existsSync(path.dirname(target))) throw new BackupError(`the folder ${path.dirname(target)} does not exist`);
  return providerOf(url) === "sqlite" ? backupSqlite(url, target) : backupPostgres(url, target);
}

export async function restoreDatabase(url: string, from: string, options: { force?: boolean } = {}): Promise<RestoreReport> {
  const source = path.resolve(from);
  if (!existsSync(source)) throw new BackupError(`no backup file at ${source}`);
  // A backup from before an erasure brings the erased pupil back: the operator is told which, by
  // the receipts of the database replaced (SQLite: the file kept aside, its WAL folded in).
  const force = options.force ?? false;
  let before: ErasureSeen[] | null;
  let report: Omit<RestoreReport, "undoneErasures" | "receiptsCarriedOver">;
  if (providerOf(url) === "sqlite") {
    report = await restoreSqlite(url, source, force);
    before = report.previous ? await receiptsIn(`file:${report.previous}`) : [];
  } else {
    before = await receiptsIn(url);
    report = await restorePostgres(url, source, force);
  }
  const after = await receiptsIn(url);
  if (before === null || after === null) return { ...report, undoneErasures: null, receiptsCarriedOver: 0 };
  const kept = new Set(after.map((r) => r.id));
  const undone = before.filter((r) => !kept.has(r.id));
  // The receipts stay: they prove the requests were carried out (and hold no personal data).
  return { ...report, undoneErasures: undone, receiptsCarriedOver: await carryOverReceipts(url, undone) };
}

/** Writes receipts back into the restored database; how many were written (0 where it has no receipts table). */
async function carryOverReceipts(url: string, receipts: ErasureSeen[]): Promise<number> {
  if (receipts.length === 0) return 0;
  const columns = RECEIPT_COLUMNS.map((c) => `"${c}"`).join(", ");
  if (providerOf(url) === "sqlite") {
    const db = new Sqlite(sqliteFilePath(url), { fileMustExist: true });
    try {
      if (!db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'ErasureReceipt'").get()) return 0;
      const insert = db.prepare(`INSERT OR IGNORE INTO "ErasureReceipt" (${columns}) VALUES (${RECEIPT_COLUMNS.map(() => "?").join(", ")})`);
      return db.transaction(() => receipts.reduce((written, r) => written + insert.run(...RECEIPT_COLUMNS.map((c) => r.row[c] ?? null)).changes, 0))();
    } finally {
      db.close();
    }
  }
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query(`SELECT to_regclass('"ErasureReceipt"') AS t`);
    if (table.rows[0]?.t === null) return 0;
    // All or none: a receipt half carried over would be reported as kept.
    await client.query("BEGIN");
    let written = 0;
    try {
      for (const r of receipts) {
        const result = await client.query(
          `INSERT INTO "ErasureReceipt" (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7::timestamp) ON CONFLICT ("id") DO NOTHING`,
          RECEIPT_COLUMNS.map((c) => r.row[c] ?? null),
        );
        written += result.rowCount ?? 0;
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
    return written;
  } finally {
    await client.end();
  }
}

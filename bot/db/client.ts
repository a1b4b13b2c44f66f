// One place that opens the database. The core is written against the SQLite client's types; the
// PostgreSQL client is generated from the derived schema and has the same model API.
import { closeSync, openSync } from "node:fs";
import { makeFolders } from "../files/make-folders.js";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.js";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.js";
import type { Db, DatabaseProvider, Tx } from "./types.js";
import { registerGate, TransactionGate } from "./transaction.js";
import { postgresDirectSql, type QueryObserver, registerDirectSql, sqliteDirectSql } from "./direct-sql.js";

export type { Db, Tx, DatabaseProvider };

export interface Database {
  db: Db;
  provider: DatabaseProvider;
  url: string;
  close(): Promise<void>;
}

/** SQLite busy timeout: how long a writer waits for another writer before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

export function providerOf(url: string): DatabaseProvider {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

/**
 * Makes a new SQLite database file readable by its owner only, before SQLite creates it with the
 * process's umask (usually 0644: every account on the host). It holds pupil records; SQLite gives
 * its -wal and -shm files the same mode. An existing file is left as it is.
 */
export function ensurePrivateSqliteFile(file: string): void {
  if (file === ":memory:") return;
  makeFolders(path.dirname(path.resolve(file)));
  try {
    closeSync(openSync(file, "wx", 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

export type { QueryObserver };

export interface OpenOptions {
  onQuery?: QueryObserver;
}

// Prisma's query events carry the SQL and its parameters as a JSON string.
function observe(client: { $on(event: "query", cb: (e: { query: string; params: string }) => void): void }, onQuery?: QueryObserver) {
  if (!onQuery) return;
  client.$on("query", (e) => {
    let params: unknown[] = [];
    try {
      params = JSON.parse(e.params) as unknown[];
    } catch {
      // A parameter list Prisma could not print as JSON: the statement is still observed.
    }
    onQuery(e.query, params);
  });
}

const queryLog = (options: OpenOptions): { log: { emit: "event"; level: "query" }[] } => ({
  log: options.onQuery ? [{ emit: "event", level: "query" }] : [],
});

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const provider = providerOf(url);
  if (provider === "sqlite") {
    const file = sqliteFilePath(url);
    ensurePrivateSqliteFile(file);
    const factory = new PrismaBetterSQLite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
    // Plain SQL (direct-sql.ts) must use the adapter's own connection: a second connection would
    // wait synchronously for a lock held by a transaction on this thread.
    let connection: BetterSqlite3.Database | undefined;
    const adapter = {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => {
        const connected = await factory.connect();
        connection = (connected as unknown as { client: BetterSqlite3.Database }).client;
        return connected;
      },
      connectToShadowDb: () => factory.connectToShadowDb(),
    } as unknown as typeof factory;
    const base = new SqliteClient({ adapter, ...queryLog(options) });
    observe(base as never, options.onQuery);
    const gate = new TransactionGate();
    // Every query waits at the gate while another turn's transaction is open (see transaction.ts).
    const db = base.$extends({
      query: {
        async $allOperations({ args, query }) {
          await gate.pass();
          return query(args);
        },
      },
    }) as unknown as SqliteClient;
    registerGate(db, gate);
    // WAL lets readers work during a write; foreign keys are off by default in SQLite.
    await base.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await base.$queryRawUnsafe(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    await base.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    // In WAL mode NORMAL syncs at checkpoints, not at every commit: a crash of the process loses
    // nothing; a power cut may lose the last commits (the database stays consistent).
    await base.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
    // Deleted rows are overwritten with zeros, not left in free space (pupil erasure, docs/privacy.md).
    await base.$queryRawUnsafe("PRAGMA secure_delete = ON");
    if (typeof connection?.prepare !== "function") throw new Error("the SQLite adapter no longer exposes its connection");
    registerDirectSql(
      db,
      sqliteDirectSql(() => connection!, gate, options.onQuery),
    );
    return { db, provider, url, close: () => base.$disconnect() };
  }
  const pool = new pg.Pool({ connectionString: url });
  // An idle connection the server drops (a restart, a failover, an administrator) is discarded
  // by the pool and replaced on the next query; without a listener its error would crash us.
  pool.on("error", () => {});
  const client = new PostgresClient({ adapter: new PrismaPg(pool), ...queryLog(options) });
  observe(client as never, options.onQuery);
  const db = client as unknown as Db;
  registerDirectSql(db, postgresDirectSql(pool, options.onQuery));
  return {
    db,
    provider,
    url,
    close: async () => {
      await db.$disconnect();
      await pool.end();
    },
  };
}

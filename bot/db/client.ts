// One place that opens the database. The core is written against the SQLite client's types; the
// PostgreSQL client is generated from the derived schema and has the same model API.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.js";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.js";
import type { TransactionClient } from "./generated/sqlite/internal/prismaNamespace.js";
import { registerGate, TransactionGate } from "./transaction.js";

export type Db = SqliteClient;
/** A client inside a transaction; a Db is one too, so functions that may run in either take this. */
export type Tx = TransactionClient;
export type DatabaseProvider = "sqlite" | "postgresql";

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

export async function openDatabase(url: string): Promise<Database> {
  const provider = providerOf(url);
  if (provider === "sqlite") {
    const file = sqliteFilePath(url);
    if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const adapter = new PrismaBetterSQLite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
    const base = new SqliteClient({ adapter });
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
    return { db, provider, url, close: () => base.$disconnect() };
  }
  const adapter = new PrismaPg({ connectionString: url });
  const db = new PostgresClient({ adapter }) as unknown as Db;
  return { db, provider, url, close: () => db.$disconnect() };
}

// Plain SQL for the few queries on every dialog turn. Prisma's query compiler costs 0.4–1 ms per
// model query; the same statement through the driver costs ~10 µs (SQLite, prepared once) or
// ~100 µs (PostgreSQL). Everything else keeps using Prisma.
//
// Statements are written once for both databases: `?` placeholders (numbered for PostgreSQL here),
// double-quoted identifiers, and only SQL both understand (NULLS LAST, TRUE/FALSE, LIMIT).
// A client from openDatabase runs them on its driver; a transaction client (registered by
// inTransaction) runs them through Prisma's raw queries, on the transaction's own connection.
import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import type { DatabaseProvider, Tx } from "./types.js";
/** Told of every statement and its parameters (query-plan tests, benchmarks): see client.ts. */
export type QueryObserver = (sql: string, params: unknown[]) => void;

/** The part of the transaction gate (transaction.ts) a plain statement goes through. */
interface Gate {
  runOutside<T>(call: () => T): Promise<T>;
}

export type SqlValue = string | number | boolean | Date | null;
export type SqlRow = Record<string, unknown>;

export interface DirectSql {
  readonly provider: DatabaseProvider;
  /** The rows of a query, as objects keyed by column name. */
  rows<T extends SqlRow = SqlRow>(text: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; returns the number of rows it changed. */
  run(text: string, params?: readonly SqlValue[]): Promise<number>;
}

const registered = new WeakMap<object, DirectSql>();

export function registerDirectSql(db: object, sql: DirectSql): void {
  registered.set(db, sql);
}

export function findDirectSql(db: object): DirectSql | undefined {
  return registered.get(db);
}

/** The plain-SQL runner of a client opened by openDatabase, or of a transaction inside inTransaction. */
export function directSqlOf(db: Tx | object): DirectSql {
  const sql = registered.get(db);
  if (!sql) throw new Error("this database client was not opened by openDatabase (or used outside inTransaction)");
  return sql;
}

/** `?` → `$1, $2, …` (our statements never contain a literal question mark). */
export function numberPlaceholders(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/** SQLite stores instants as Prisma writes them: ISO 8601 with an explicit UTC offset. */
function sqliteValue(value: SqlValue | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** PostgreSQL columns are `timestamp(3)` without zone, holding UTC (as Prisma writes them). */
function postgresValue(value: SqlValue | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString().replace("T", " ").replace("Z", "");
  return value;
}

/** An instant read back from either database (text, a Date, or epoch milliseconds). */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value);
  // "YYYY-MM-DD HH:MM:SS[.fff]" without a zone is UTC (SQLite's CURRENT_TIMESTAMP, PostgreSQL's text form).
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(" ", "T")}Z`);
}

export function toDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

/**
 * SQLite: better-sqlite3 is synchronous, so a statement runs in one step of the event loop. It
 * must not run while another turn's transaction holds the shared connection (it would become part
 * of it): the gate is checked and the statement run in the same synchronous step.
 */
export function sqliteDirectSql(connectionOf: () => BetterSqlite3.Database, gate: Gate, onQuery?: QueryObserver): DirectSql {
  const statements = new Map<string, BetterSqlite3.Statement>();
  let preparedOn: BetterSqlite3.Database | undefined;
  const prepared = (text: string) => {
    // Statements belong to a connection: should the adapter ever reconnect, prepare them again.
    const connection = connectionOf();
    if (connection !== preparedOn) {
      statements.clear();
      preparedOn = connection;
    }
    let statement = statements.get(text);
    if (!statement) {
      // The adapter's connection reads integers as BigInt; our columns all fit a number.
      statement = connection.prepare(text).safeIntegers(false);
      statements.set(text, statement);
    }
    return statement;
  };
  return {
    provider: "sqlite",
    rows: <T extends SqlRow>(text: string, params: readonly SqlValue[] = []) =>
      gate.runOutside(() => {
        onQuery?.(text, params.map(sqliteValue));
        return prepared(text).all(...params.map(sqliteValue)) as T[];
      }),
    run: (text, params = []) =>
      gate.runOutside(() => {
        onQuery?.(text, params.map(sqliteValue));
        return prepared(text).run(...params.map(sqliteValue)).changes;
      }),
  };
}

/** `timestamp` values are UTC; pg would read them as server-local time. */
const TIMESTAMP_OID = 1114;
const parseTimestamp = (text: string) => toDate(text);
/** pg asks for a parser per column of every result: look each one up once. */
const textParsers = new Map<number, unknown>();
const postgresTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (format === "binary") return pg.types.getTypeParser(oid, "binary");
    let parser = textParsers.get(oid);
    if (parser === undefined) {
      parser = oid === TIMESTAMP_OID ? parseTimestamp : pg.types.getTypeParser(oid, "text");
      textParsers.set(oid, parser);
    }
    return parser;
  }) as typeof pg.types.getTypeParser,
};

/** PostgreSQL: the pool Prisma's adapter uses too; each statement is prepared once per connection. */
export function postgresDirectSql(pool: pg.Pool, onQuery?: QueryObserver): DirectSql {
  const names = new Map<string, { name: string; text: string }>();
  const statement = (text: string) => {
    let entry = names.get(text);
    if (!entry) {
      entry = { name: `gw_direct_${names.size + 1}`, text: numberPlaceholders(text) };
      names.set(text, entry);
    }
    return entry;
  };
  const query = (text: string, params: readonly SqlValue[]) => {
    const named = statement(text);
    onQuery?.(named.text, params.map(postgresValue));
    return pool.query({ ...named, values: params.map(postgresValue), types: postgresTypes });
  };
  return {
    provider: "postgresql",
    rows: async <T extends SqlRow>(text: string, params: readonly SqlValue[] = []) => (await query(text, params)).rows as T[],
    run: async (text, params = []) => (await query(text, params)).rowCount ?? 0,
  };
}

/** Inside a transaction: the same statements through Prisma's raw queries on the transaction client. */
export function transactionDirectSql(tx: Tx, provider: DatabaseProvider): DirectSql {
  const prepare = (text: string, params: readonly SqlValue[]) =>
    [provider === "postgresql" ? numberPlaceholders(text) : text, ...params.map((p) => (p === undefined ? null : p))] as const;
  return {
    provider,
    rows: <T extends SqlRow>(text: string, params: readonly SqlValue[] = []) => tx.$queryRawUnsafe<T[]>(...prepare(text, params)),
    run: (text, params = []) => tx.$executeRawUnsafe(...prepare(text, params)),
  };
}

// The database's types, apart from the client that opens it, so that the client, the plain-SQL
// path and the transaction gate can all name them without importing each other.
import type { PrismaClient as SqliteClient } from "./generated/sqlite/client.js";
import type { TransactionClient } from "./generated/sqlite/internal/prismaNamespace.js";

export type Db = SqliteClient;
/** A client inside a transaction; a Db is one too, so functions that may run in either take this. */
export type Tx = TransactionClient;
export type DatabaseProvider = "sqlite" | "postgresql";

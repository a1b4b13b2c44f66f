// A fresh, migrated database per test file on the provider the run targets (GW_TEST_DB):
// a temporary SQLite file, or a new database on the PostgreSQL test server.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database, type DatabaseProvider, type OpenOptions } from "../../bot/db/client.js";
import { migrateDatabase } from "../../bot/db/migrate.js";

export interface TestDatabase extends Database {
  /** Closes the client and deletes the database. */
  destroy(): Promise<void>;
}

export function testProvider(): DatabaseProvider {
  return process.env.GW_TEST_DB === "postgresql" ? "postgresql" : "sqlite";
}

/** A URL for an empty database that does not exist yet (SQLite) or was just created (PostgreSQL). */
export async function createEmptyDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  if (testProvider() === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "gw-test-"));
    return { url: `file:${path.join(dir, "test.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const adminUrl = inject("postgresAdminUrl");
  const name = `gw_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function createTestDatabase(options: OpenOptions = {}): Promise<TestDatabase> {
  const empty = await createEmptyDatabaseUrl();
  await migrateDatabase(empty.url);
  const database = await openDatabase(empty.url, options);
  return {
    ...database,
    async destroy() {
      await database.close();
      await empty.drop();
    },
  };
}

// The committed migrations must build exactly what the Prisma schema describes, and the derived
// PostgreSQL schema must match its source. A forgotten migration or `npm run db:derive` fails here.
import { readFileSync } from "node:fs";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { derivePostgresSchema } from "../../bot/db/derive-schema.js";
import { describeDatabase } from "../../bot/db/introspect.js";
import { migrateDatabase } from "../../bot/db/migrate.js";
import { diffSchemas, SCHEMA_FILE } from "../../bot/db/prisma-cli.js";
import { sqliteFilePath } from "../../bot/db/client.js";
import { createEmptyDatabaseUrl, testProvider } from "../support/test-db.js";

const drops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

async function execute(url: string, sql: string): Promise<void> {
  if (testProvider() === "sqlite") {
    const db = new Sqlite(sqliteFilePath(url));
    db.exec(sql);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql);
  await client.end();
}

describe(`schema on ${testProvider()}`, () => {
  it("the derived PostgreSQL schema is up to date (run npm run db:derive)", () => {
    const source = readFileSync("prisma/schema.prisma", "utf8");
    expect(readFileSync("prisma/postgres/schema.prisma", "utf8")).toBe(derivePostgresSchema(source));
  });

  it("the migrations build what prisma/schema.prisma describes (run npm run db:migration)", async () => {
    const viaMigrations = await createEmptyDatabaseUrl();
    const viaSchema = await createEmptyDatabaseUrl();
    drops.push(viaMigrations.drop, viaSchema.drop);
    await migrateDatabase(viaMigrations.url);
    await execute(viaSchema.url, diffSchemas(testProvider(), viaSchema.url, null, SCHEMA_FILE[testProvider()]));
    const expected = await describeDatabase(viaSchema.url);
    expect(Object.keys(expected).length).toBeGreaterThan(10);
    expect(await describeDatabase(viaMigrations.url)).toEqual(expected);
  }, 60_000);
});

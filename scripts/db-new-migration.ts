// `npm run db:migration -- <name>`: writes a new migration for SQLite and PostgreSQL from the
// change to prisma/schema.prisma since the last migration was committed.
// The Prisma CLI cannot diff against migration history offline here (its shadow database fails
// through the driver adapters), so "before" is prisma/schema.prisma as of the last commit that
// touched the migrations: commit a schema change together with its migrations.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { derivePostgresSchema } from "../bot/db/derive-schema.js";
import { diffSchemas, SCHEMA_FILE } from "../bot/db/prisma-cli.js";
import { findPostgresBinDir, startThrowawayPostgres } from "../tests/support/postgres-server.js";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <snake_case_name>");
  process.exit(2);
}

const source = readFileSync("prisma/schema.prisma", "utf8");
writeFileSync("prisma/postgres/schema.prisma", derivePostgresSchema(source));

const lastCommit = execFileSync("git", ["log", "-1", "--format=%H", "--", "prisma/migrations"], { encoding: "utf8" }).trim();
const work = mkdtempSync(path.join(tmpdir(), "gw-migration-"));
let before: { sqlite: string; postgresql: string } | null = null;
if (lastCommit) {
  const old = execFileSync("git", ["show", `${lastCommit}:prisma/schema.prisma`], { encoding: "utf8" });
  before = { sqlite: path.join(work, "before.prisma"), postgresql: path.join(work, "before.postgres.prisma") };
  writeFileSync(before.sqlite, old);
  writeFileSync(before.postgresql, derivePostgresSchema(old));
}

// The PostgreSQL diff goes through the driver adapter, which needs a server to connect to.
let postgresUrl = process.env.MIGRATION_POSTGRES_URL;
let stop = () => {};
if (!postgresUrl) {
  const bin = findPostgresBinDir();
  if (!bin) throw new Error("Set MIGRATION_POSTGRES_URL or install Debian's postgresql package");
  const server = await startThrowawayPostgres(bin);
  postgresUrl = server.url;
  stop = server.stop;
}

try {
  const sqliteSql = diffSchemas("sqlite", `file:${path.join(work, "diff.db")}`, before?.sqlite ?? null, SCHEMA_FILE.sqlite);
  const postgresSql = diffSchemas("postgresql", postgresUrl, before?.postgresql ?? null, SCHEMA_FILE.postgresql);
  if (!/\S/.test(sqliteSql.replace(/^--.*$/gm, ""))) {
    console.log("No schema change since the last migration.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    for (const [dir, sql] of [
      ["prisma/migrations", sqliteSql],
      ["prisma/postgres/migrations", postgresSql],
    ] as const) {
      const folder = path.join(dir, `${stamp}_${name}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, "migration.sql"), sql);
      console.log(`wrote ${folder}/migration.sql`);
    }
  }
} finally {
  stop();
}

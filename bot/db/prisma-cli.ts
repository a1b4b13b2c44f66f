// Runs the Prisma CLI offline (Wasm schema engine through the driver adapter in prisma.config.ts).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DatabaseProvider } from "./client.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const SCHEMA_FILE: Record<DatabaseProvider, string> = {
  sqlite: "prisma/schema.prisma",
  postgresql: "prisma/postgres/schema.prisma",
};
const CONFIG_FILE: Record<DatabaseProvider, string> = {
  sqlite: "prisma.config.ts",
  postgresql: "prisma.postgres.config.ts",
};

/** The SQL that takes a database from `from` (a schema file, or empty) to `to`. */
export function diffSchemas(provider: DatabaseProvider, databaseUrl: string, from: string | null, to: string): string {
  const args = ["--no-install", "prisma", "migrate", "diff", "--config", CONFIG_FILE[provider]];
  args.push(...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]), "--to-schema-datamodel", to, "--script");
  const result = spawnSync("npx", args, {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (result.status !== 0) throw new Error(`prisma migrate diff failed: ${result.stderr}`);
  return result.stdout;
}

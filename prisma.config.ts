// Prisma CLI configuration for the SQLite schema. The CLI runs its Wasm schema engine through a
// driver adapter, so it works without downloading native engines (see README "Database").
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = (process.env.DATABASE_URL ?? "file:./data/gesprekswijzer.db").replace(/^file:/, "");
    return new PrismaBetterSQLite3({ url });
  },
});

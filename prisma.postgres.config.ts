// Prisma CLI configuration for the derived PostgreSQL schema (see prisma.config.ts).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "postgres", "schema.prisma"),
  migrations: { path: path.join("prisma", "postgres", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL ?? "postgresql://localhost:5432/gesprekswijzer";
    return new PrismaPg({ connectionString: url });
  },
});

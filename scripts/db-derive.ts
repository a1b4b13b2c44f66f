// Derives prisma/postgres/schema.prisma from prisma/schema.prisma (the single source of truth).
// Only the datasource provider and the client output differ; tests/db/schema-derive.test.ts fails
// when the committed derived file is stale. Usage: npm run db:derive
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { derivePostgresSchema } from "../bot/db/derive-schema.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
mkdirSync(path.join(root, "prisma/postgres"), { recursive: true });
writeFileSync(path.join(root, "prisma/postgres/schema.prisma"), derivePostgresSchema(source));
console.log("wrote prisma/postgres/schema.prisma");

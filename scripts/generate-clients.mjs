// Generates the Prisma clients for SQLite and PostgreSQL (run by `npm install` as postinstall).
// Prisma resolves env("DATABASE_URL") while generating, so each run gets a URL of its own kind;
// nothing is connected to.
import { spawnSync } from "node:child_process";

const runs = [
  { config: "prisma.config.ts", url: "file:./data/generate.db" },
  { config: "prisma.postgres.config.ts", url: "postgresql://localhost:5432/generate" },
];
for (const { config, url } of runs) {
  const result = spawnSync("npx", ["--no-install", "prisma", "generate", "--config", config], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (result.status !== 0) {
    console.error(`prisma generate failed for ${config}`);
    process.exit(result.status ?? 1);
  }
}

// Configuration is read once, here, at the composition root and passed down explicitly.
import { z } from "zod";
import { ConfigError } from "./errors.js";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const ConfigSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // 0 picks a free port (tests, benchmarks).
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .default("file:./data/gesprekswijzer.db")
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), {
      message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    }),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEFAULT_LOCALE: z.enum(["nl", "en"]).default("nl"),
  AUTO_MIGRATE: booleanFlag.default(true),
  SEED_DEMO: booleanFlag.default(false),
});

export type Config = z.infer<typeof ConfigSchema> & { databaseProvider: "sqlite" | "postgresql" };

/** Parses the environment; throws a ConfigError that names every missing or malformed variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings (VAR= in an .env file) mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = ConfigSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join(".");
        const given = env[name];
        return `${name}: ${issue.message}${given === undefined ? "" : ` (got "${given}")`}`;
      }),
    );
  }
  const databaseProvider = result.data.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgresql";
  return { ...result.data, databaseProvider };
}

// Configuration is read once, here, at the composition root and passed down explicitly.
import { z } from "zod";
import { ConfigError } from "./errors.js";

const booleanFlag = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");

export const ConfigSchema = z.object({
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
  /** Reminders and goal evaluations on schedule (the outbox worker). Off only for tests and tools. */
  SCHEDULER: booleanFlag.default(true),
  // Microsoft Teams (Bot Framework). Without an app id the Teams endpoint only runs in local mode.
  MICROSOFT_APP_ID: z.string().uuid("must be the bot's Microsoft app id (a GUID)").optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  // SingleTenant: Microsoft no longer creates new multi-tenant bots; a school board's bot lives in its own tenant.
  MICROSOFT_APP_TYPE: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).default("SingleTenant"),
  MICROSOFT_APP_TENANT_ID: z.string().uuid().optional(),
  /** Explicitly allows unauthenticated Teams traffic (Agents Playground, tests). Never in production. */
  TEAMS_LOCAL_MODE: booleanFlag.default(false),
  /** Start the Microsoft 365 Agents Playground (a local Teams client) next to the bot. Development only. */
  PLAYGROUND: booleanFlag.default(false),
  PLAYGROUND_PORT: z.coerce.number().int().min(1).max(65535).default(56150),
  /** The public base URL of this service, for links to exports (e.g. https://bot.school.nl). */
  PUBLIC_BASE_URL: z.string().url().optional(),
  // Slack (Bolt, HTTP mode at POST /slack/events). Both are needed to turn Slack on.
  SLACK_SIGNING_SECRET: z.string().min(16, "must be the app's signing secret (Basic Information in the Slack app settings)").optional(),
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, "must be the bot token (starts with xoxb-)")
    .optional(),
  /** Slack's Web API base URL; only for tests and local fakes (default https://slack.com/api/). */
  SLACK_API_URL: z.string().url().optional(),
  /** When set, GET /metrics requires `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z
    .string()
    .min(16, "must be at least 16 characters (a random token, e.g. `openssl rand -hex 24`)")
    .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces (it travels in an HTTP header)")
    .optional(),
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
        // Never echo a secret back into logs.
        const shown = given === undefined || /SECRET|TOKEN|PASSWORD/.test(name) ? "" : ` (got "${given}")`;
        return `${name}: ${issue.message}${shown}`;
      }),
    );
  }
  const data = result.data;
  const problems: string[] = [];
  if (data.MICROSOFT_APP_ID && !data.MICROSOFT_APP_PASSWORD && data.MICROSOFT_APP_TYPE !== "UserAssignedMSI") {
    problems.push("MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID (the bot's client secret)");
  }
  if (data.MICROSOFT_APP_ID && data.MICROSOFT_APP_TYPE === "SingleTenant" && !data.MICROSOFT_APP_TENANT_ID) {
    problems.push("MICROSOFT_APP_TENANT_ID: required when MICROSOFT_APP_TYPE=SingleTenant");
  }
  if (data.NODE_ENV === "production" && !data.MICROSOFT_APP_ID) {
    problems.push("MICROSOFT_APP_ID: required in production; the service refuses to accept unauthenticated Teams traffic");
  }
  if (data.NODE_ENV === "production" && data.TEAMS_LOCAL_MODE) {
    problems.push("TEAMS_LOCAL_MODE: must not be true in production");
  }
  if (Boolean(data.SLACK_SIGNING_SECRET) !== Boolean(data.SLACK_BOT_TOKEN)) {
    problems.push(data.SLACK_SIGNING_SECRET ? "SLACK_BOT_TOKEN: required with SLACK_SIGNING_SECRET" : "SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN");
  }
  if (data.PLAYGROUND && data.NODE_ENV === "production") problems.push("PLAYGROUND: a development tool, not for production");
  if (data.PLAYGROUND && !data.TEAMS_LOCAL_MODE) problems.push("PLAYGROUND: needs TEAMS_LOCAL_MODE=true (the playground sends unauthenticated requests)");
  if (problems.length) throw new ConfigError(problems);
  const databaseProvider = data.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgresql";
  return { ...data, databaseProvider };
}

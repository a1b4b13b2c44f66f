import { describe, expect, it } from "vitest";
import { ConfigSchema, loadConfig } from "../../bot/config.js";
import { ConfigError } from "../../bot/errors.js";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("has working defaults: SQLite under data/, port 3978, Dutch", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.DATABASE_URL).toBe("file:./data/gesprekswijzer.db");
    expect(config.databaseProvider).toBe("sqlite");
    expect(config.DEFAULT_LOCALE).toBe("nl");
    expect(config.AUTO_MIGRATE).toBe(true);
  });

  it("defaults the Teams app type to SingleTenant, which needs the tenant id only with an app id", () => {
    expect(loadConfig({}).MICROSOFT_APP_TYPE).toBe("SingleTenant");
    expect(loadConfig({ TEAMS_LOCAL_MODE: "true" }).MICROSOFT_APP_TYPE).toBe("SingleTenant");
    const appId = "8f2c1c4e-5d7b-4a51-9a0e-1c2d3e4f5a6b";
    expect(problemsOf({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: "s" })).toEqual([expect.stringContaining("MICROSOFT_APP_TENANT_ID")]);
    expect(problemsOf({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: "s", MICROSOFT_APP_TYPE: "MultiTenant" })).toEqual([]);
  });

  it("selects PostgreSQL from a postgresql:// URL", () => {
    expect(loadConfig({ DATABASE_URL: "postgresql://u@db:5432/gw" }).databaseProvider).toBe("postgresql");
  });

  it("names every malformed variable, with the value it got", () => {
    const problems = problemsOf({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud", AUTO_MIGRATE: "maybe" });
    expect(problems).toHaveLength(4);
    expect(problems.find((p) => p.startsWith("PORT:"))).toContain('"eighty"');
    expect(problems.find((p) => p.startsWith("DATABASE_URL:"))).toContain("postgresql://");
    expect(problems.some((p) => p.startsWith("LOG_LEVEL:"))).toBe(true);
    expect(problems.some((p) => p.startsWith("AUTO_MIGRATE:"))).toBe(true);
  });

  it("treats empty values as unset", () => {
    expect(loadConfig({ PORT: "", LOG_LEVEL: "" }).PORT).toBe(3978);
  });

  it("rejects an out-of-range port", () => {
    expect(problemsOf({ PORT: "70000" })[0]).toMatch(/^PORT:/);
  });

  it("documents every variable in .env.example", async () => {
    const { readFileSync } = await import("node:fs");
    const example = readFileSync(".env.example", "utf8");
    // Every variable the schema reads, also the optional ones without a default (Slack's).
    for (const name of Object.keys(ConfigSchema.shape)) {
      expect(example, `${name} missing from .env.example`).toMatch(new RegExp(`^#?\\s*${name}=`, "m"));
    }
  });
});

// Slack is on only with both a signing secret and a bot token; secrets never appear in errors.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../bot/config.js";
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

describe("Slack configuration", () => {
  it("is off by default and on with a signing secret and a bot token", () => {
    expect(loadConfig({}).SLACK_BOT_TOKEN).toBeUndefined();
    const config = loadConfig({ SLACK_SIGNING_SECRET: "0123456789abcdef0123", SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_API_URL: "http://127.0.0.1:9999/api/" });
    expect(config.SLACK_API_URL).toBe("http://127.0.0.1:9999/api/");
  });

  it("names the missing half and never echoes a secret", () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: "0123456789abcdef0123" })).toEqual(["SLACK_BOT_TOKEN: required with SLACK_SIGNING_SECRET"]);
    expect(problemsOf({ SLACK_BOT_TOKEN: "xoxb-1-2-abc" })).toEqual(["SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN"]);
    const problems = problemsOf({ SLACK_SIGNING_SECRET: "short-secret", SLACK_BOT_TOKEN: "xoxp-user-token-value" });
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual(["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"]);
    expect(problems.join("\n")).not.toContain("short-secret");
    expect(problems.join("\n")).not.toContain("xoxp-user-token-value");
  });
});

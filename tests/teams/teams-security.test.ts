// Teams traffic is authenticated by the SDK when app credentials are configured; without them
// only an explicit local mode accepts it, loudly, and production refuses to start that way.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../bot/config.js";
import { ConfigError } from "../../bot/errors.js";
import { startTestApp } from "../support/app.js";

const message = {
  type: "message",
  id: "1",
  channelId: "msteams",
  serviceUrl: "http://127.0.0.1:9/",
  from: { id: "29:x", aadObjectId: "x" },
  recipient: { id: "28:bot" },
  conversation: { id: "a:x", tenantId: "t" },
  text: "help",
};
const post = (baseUrl: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/api/messages`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(message) });

describe("Teams security", () => {
  it("refuses to start unauthenticated in production, naming the variable", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: "production", TEAMS_LOCAL_MODE: "true" });
    } catch (error) {
      const problems = (error as ConfigError).problems.join("\n");
      expect(problems).toContain("MICROSOFT_APP_ID");
      expect(problems).toContain("TEAMS_LOCAL_MODE");
    }
    expect(() => loadConfig({ MICROSOFT_APP_ID: "8f2c1c4e-5d7b-4a51-9a0e-1c2d3e4f5a6b" })).toThrow(/MICROSOFT_APP_PASSWORD/);
  });

  it("keeps the endpoint closed without credentials or local mode", async () => {
    const app = await startTestApp();
    try {
      expect((await post(app.baseUrl)).status).toBe(503);
      expect(app.logs.join("\n")).toContain("Teams is off");
    } finally {
      await app.stop();
    }
  });

  it("says loudly that local mode is unauthenticated", async () => {
    const app = await startTestApp({ TEAMS_LOCAL_MODE: "true" });
    try {
      expect(app.logs.join("\n")).toContain("UNAUTHENTICATED");
    } finally {
      await app.stop();
    }
  });

  it("rejects requests without a valid token when app credentials are configured", async () => {
    const app = await startTestApp({
      MICROSOFT_APP_ID: "8f2c1c4e-5d7b-4a51-9a0e-1c2d3e4f5a6b",
      MICROSOFT_APP_PASSWORD: "secret",
      MICROSOFT_APP_TENANT_ID: "0b6f3c2a-1d4e-4f5a-8b9c-7d6e5f4a3b2c",
    });
    try {
      expect((await post(app.baseUrl)).status).toBe(401);
      expect(app.logs.join("\n")).not.toContain("UNAUTHENTICATED");
    } finally {
      await app.stop();
    }
  });
});

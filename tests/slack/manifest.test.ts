// The Slack app manifest in the repository matches what the adapter serves and needs.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SLACK_ENDPOINT, SLASH_COMMAND } from "../../adapters/slack/index.js";

const manifest = readFileSync(new URL("../../slack/manifest.yaml", import.meta.url), "utf8");
const listUnder = (key: string) => {
  const start = manifest.indexOf(`${key}:`);
  const lines = manifest.slice(start).split("\n").slice(1);
  const items: string[] = [];
  for (const line of lines) {
    if (/^\s*#/.test(line)) continue;
    const item = /^\s+- (\S+)$/.exec(line);
    if (!item) break;
    items.push(item[1]!);
  }
  return items;
};

describe("slack/manifest.yaml", () => {
  it("points the slash command, events and interactivity at the adapter's endpoint", () => {
    expect(manifest).toContain(`command: ${SLASH_COMMAND}`);
    const urls = [...manifest.matchAll(/(?:url|request_url): (\S+)/g)].map((m) => new URL(m[1]!).pathname);
    expect(urls).toHaveLength(3);
    for (const path of urls) expect(path).toBe(SLACK_ENDPOINT);
  });

  it("asks for exactly the scopes the adapter uses, and subscribes to the events it handles", () => {
    expect(listUnder("bot").sort()).toEqual(["chat:write", "commands", "im:history", "im:write", "users:read", "users:read.email"]);
    expect(listUnder("bot_events").sort()).toEqual(["app_home_opened", "message.im"]);
    expect(manifest).toMatch(/home_tab_enabled: true/);
    expect(manifest).toMatch(/socket_mode_enabled: false/);
  });
});

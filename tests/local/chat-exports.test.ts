// `npm run chat` writes exports (a kindplan PDF, a calendar file: pupil data) next to its SQLite
// database, or to --exports: never into the folder it was started from (a repository checkout).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { testProvider } from "../support/test-db.js";

const run = promisify(execFile);
const CHAT = path.resolve("app/chat.ts");
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "gw-chat-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The terminal chat as a process, started in `cwd`, typing `lines`. */
function chat(cwd: string, databaseUrl: string, lines: string[], args: string[] = []): Promise<string> {
  // tsx as this checkout has it: `--import tsx` would look for it in `cwd`.
  const child = run(process.execPath, ["--import", import.meta.resolve("tsx"), CHAT, ...args], {
    cwd,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
    timeout: 120_000,
  });
  child.child.stdin!.end(`${lines.join("\n")}\n`);
  return child.then(({ stdout }) => stdout);
}

describe.runIf(testProvider() === "sqlite")("the terminal chat's exports", () => {
  it("go next to the database, or to --exports, not into the folder it runs in", async () => {
    const data = tempDir();
    const startedIn = tempDir();
    const url = `file:${path.join(data, "gw.db")}`;
    const out = await chat(startedIn, url, ["export Otis", "exit"]);
    expect(out).toContain(path.join(data, "exports"));
    expect(readdirSync(path.join(data, "exports")).some((f) => f.endsWith(".pdf"))).toBe(true);
    expect(existsSync(path.join(startedIn, "data"))).toBe(false);
    const chosen = path.join(tempDir(), "mine");
    await chat(startedIn, url, ["export Otis", "exit"], ["--exports", chosen]);
    expect(readdirSync(chosen).some((f) => f.endsWith(".pdf"))).toBe(true);
  }, 180_000);
});

// The coach's metrics over the labelled sets, and the command-line filter.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { computeMetrics, detectLanguage, FLAG_ORDER, formatMetricsTable, parseLabelledSet, type Flag } from "../../bot/coach/index.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

function loadSet(name: string) {
  return parseLabelledSet(JSON.parse(readFileSync(new URL(name, import.meta.url), "utf8")));
}
const labelled = loadSet("./questions.labelled.json");
const holdout = loadSet("./questions.holdout.json");

describe("metrics", () => {
  it("counts TP/FP/FN per flag and exact matches", () => {
    const fake = (text: string) => ({ flags: text === "a" ? (["closed"] as Flag[]) : (["leading"] as Flag[]) });
    const metrics = computeMetrics(
      [
        { question: "a", flags: ["closed"] },
        { question: "b", flags: ["closed"] },
        { question: "c", flags: [] },
      ],
      fake,
    );
    expect(metrics.perFlag.closed).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(metrics.perFlag.leading).toMatchObject({ tp: 0, fp: 2, fn: 0, precision: 0, recall: 1 });
    expect(metrics.exactMatches).toBe(1);
    expect(formatMetricsTable(metrics)).toContain("| closed | 2 | 1 | 0 | 1 | 1.000 | 0.500 |");
  });

  it("has a labelled set of the agreed size and balance", () => {
    expect(labelled.length).toBeGreaterThanOrEqual(140);
    const english = labelled.filter((i) => detectLanguage(i.question) === "en").length;
    expect(english).toBeGreaterThanOrEqual(40);
    expect(labelled.length - english).toBeGreaterThanOrEqual(100);
    for (const flag of FLAG_ORDER) {
      expect(labelled.filter((i) => i.flags.includes(flag)).length).toBeGreaterThanOrEqual(15);
    }
    expect(labelled.filter((i) => i.flags.length === 0).length).toBeGreaterThanOrEqual(40);
  });

  it.each([
    ["labelled", labelled],
    ["held-out", holdout],
  ])("reaches precision and recall ≥ 0.85 per flag on the %s set", (_name, items) => {
    const metrics = computeMetrics(items);
    for (const flag of FLAG_ORDER) {
      expect(metrics.perFlag[flag].precision, `${flag} precision`).toBeGreaterThanOrEqual(0.85);
      expect(metrics.perFlag[flag].recall, `${flag} recall`).toBeGreaterThanOrEqual(0.85);
    }
  });
});

function runCli(input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "bot/coach/cli.ts"], { cwd: repoRoot, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe("cli", () => {
  it("reads one question per line and writes one JSON object per line", async () => {
    const input = "Vind je rekenen leuk?\n\n   \r\nWhat helps you concentrate?\r\nWhy are you always late?\n";
    const { code, stdout } = await runCli(input);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    const rows = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(["flags", "question", "suggestion"]);
    expect(rows[0]).toEqual({ question: "Vind je rekenen leuk?", flags: ["closed"], suggestion: "Wat vind je van rekenen?" });
    expect(rows[1]).toEqual({ question: "What helps you concentrate?", flags: [], suggestion: null });
    expect(rows[2]?.flags).toEqual(["judging"]);
  }, 60_000);

  it("streams a large input and exits 0", async () => {
    const questions = labelled.map((i) => i.question);
    const input = Array.from({ length: 3000 }, (_, i) => questions[i % questions.length]).join("\n") + "\n";
    const { code, stdout } = await runCli(input);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(3000);
    expect((JSON.parse(lines[2999] ?? "{}") as { question: string }).question).toBe(questions[2999 % questions.length]);
  }, 120_000);
});

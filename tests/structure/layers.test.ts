// The structure the code keeps (ARCHITECTURE.md): adapters translate, dialogs guide, the core (bot/)
// decides and stores, and the composition root (app/) wires them. Checked on the source itself, so a
// wrong-way import, a folder cycle or an overgrown file fails here rather than in a review.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const LAYERS = ["app", "bot", "adapters", "dialogs"] as const;
/** "About 300 lines": above this a file needs a reason at its top ("Longer than our ~300-line norm on purpose: …"). */
const MAX_LINES = 340;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith(".ts") ? [full] : [];
  });
}

const files = LAYERS.flatMap((layer) => sourceFiles(path.join(ROOT, layer)));
const rel = (file: string) => path.relative(ROOT, file);

/** Relative imports of a file (static, `export … from` and dynamic), as repository paths. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const specs = [...source.matchAll(/(?:from\s+|import\s*\(\s*)["'](\.[^"']+)["']/g)].map((m) => m[1]!);
  return specs.map((spec) => rel(path.resolve(path.dirname(file), spec)).replace(/\.js$/, ".ts"));
}

const edges = files.flatMap((file) => importsOf(file).map((target) => ({ from: rel(file), to: target })));
const layerOf = (p: string) => p.split("/")[0];

describe("the layers", () => {
  it("finds the source it checks", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.length).toBeGreaterThan(300);
  });

  it("the core imports neither the dialogs, the adapters nor the composition root", () => {
    const wrong = edges.filter((e) => layerOf(e.from) === "bot" && ["dialogs", "adapters", "app"].includes(layerOf(e.to)!));
    expect(wrong).toEqual([]);
  });

  it("the dialogs never import an adapter or the composition root; adapters never the composition root", () => {
    const wrong = edges.filter(
      (e) => (layerOf(e.from) === "dialogs" && ["adapters", "app"].includes(layerOf(e.to)!)) || (layerOf(e.from) === "adapters" && layerOf(e.to) === "app"),
    );
    expect(wrong).toEqual([]);
  });

  it("adapters reach the core's data only through BotCore: no database, service or authorization module", () => {
    const wrong = edges.filter((e) => layerOf(e.from) === "adapters" && /^bot\/(db|services|auth)\//.test(e.to));
    expect(wrong).toEqual([]);
  });

  it("the channel types import nothing of ours", () => {
    expect(edges.filter((e) => e.from === "bot/channel/types.ts")).toEqual([]);
  });

  it("has no cycles between folders", () => {
    const graph = new Map<string, Set<string>>();
    for (const { from, to } of edges) {
      const a = path.dirname(from);
      const b = path.dirname(to);
      if (a === b || b.includes("/generated")) continue;
      if (!graph.has(a)) graph.set(a, new Set());
      graph.get(a)!.add(b);
    }
    const cycles: string[][] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (node: string) => {
      state.set(node, "open");
      stack.push(node);
      for (const next of graph.get(node) ?? []) {
        if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(node, "done");
    };
    for (const node of graph.keys()) if (!state.has(node)) visit(node);
    expect(cycles).toEqual([]);
  });

  it("keeps files small, or says at the top why not", () => {
    const long = files
      .filter((file) => !file.endsWith(".d.ts"))
      .map((file) => ({ file: rel(file), lines: readFileSync(file, "utf8").split("\n").length, head: readFileSync(file, "utf8").slice(0, 1500) }))
      .filter((f) => f.lines > MAX_LINES && !/on purpose/i.test(f.head))
      .map((f) => `${f.file} (${f.lines} lines)`);
    expect(long).toEqual([]);
  });
});

// Which build the tests run: the sources (default, as `npm start` runs them with tsx) or the
// production build in dist/ (GW_TEST_TARGET=dist, after `npm run build`), so the HTTP, channel and
// process tests prove the build serves exactly like the development run.
import { existsSync } from "node:fs";
import type { startApp as StartApp } from "../../app/start-app.js";

export type TestTarget = "source" | "dist";

export function testTarget(): TestTarget {
  return process.env.GW_TEST_TARGET === "dist" ? "dist" : "source";
}

function requireBuild(): void {
  if (!existsSync("dist/bot/main.js")) throw new Error("GW_TEST_TARGET=dist: run `npm run build` first");
}

/** The composition root of the target build. */
export async function loadStartApp(): Promise<typeof StartApp> {
  if (testTarget() === "source") return (await import("../../app/start-app.js")).startApp;
  requireBuild();
  // A path computed at run time, so vitest does not transform the built file.
  const built = new URL("../../dist/bot/app.js", import.meta.url).href;
  return ((await import(/* @vite-ignore */ built)) as { startApp: typeof StartApp }).startApp;
}

/** node arguments that run the service's entry point (`npm start` / `npm run start:prod`). */
export function serviceArgs(): string[] {
  if (testTarget() === "source") return ["--import", "tsx", "app/main.ts"];
  requireBuild();
  return ["dist/bot/main.js"];
}

/** node arguments that run the operator CLI (`npm run cli` / `npm run cli:prod`). */
export function cliArgs(): string[] {
  if (testTarget() === "source") return ["--import", "tsx", "bot/cli/main.ts"];
  requireBuild();
  return ["dist/bot/cli.js"];
}

// `npm run build`: the production build in dist/. esbuild bundles the service (app/, bot/, adapters/,
// dialogs/ and the pure-JavaScript packages they use) into a few ES modules, so start-up neither
// compiles TypeScript nor resolves and reads some 2,000 package files one by one. The data files
// the code reads at run time are copied next to it. `npm run start:prod` runs the result; the
// Dockerfile runs this same script. Type checking is `npm run typecheck` (esbuild only strips types).
// Plain .mjs so that it runs before anything is compiled.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(ROOT, "dist");

// Entry points: the service, the operator CLI, and the composition root (imported by the tests
// that run the HTTP suites against the build: GW_TEST_TARGET=dist).
// Output names keep dist/bot/ (the Dockerfile and the runbook name them): main.js is app/main.ts, app.js
// the composition root app/start-app.ts.
const ENTRIES = { "bot/main": "app/main.ts", "bot/cli": "bot/cli/main.ts", "bot/app": "app/start-app.ts" };

// Read by a path relative to the module that reads them (bot/db/migrate.ts, bot/roster/demo.ts,
// bot/formats/registry.ts); copied to the same place under dist/ (see sourceUrlPlugin).
const ASSETS = ["prisma/migrations", "prisma/postgres/migrations", "prisma/seed", "bot/formats/builtin"];

// Left as ordinary imports from node_modules: native modules (better-sqlite3, pg-native), Prisma's
// runtime (it loads its Wasm query compiler from its own folder), pdfkit (it reads its font files
// from its own folder), pino (its transports run in worker threads from their own files), and
// development tools.
const EXTERNAL = ["better-sqlite3", "pg", "pg-native", "@prisma/*", "pdfkit", "pino", "@microsoft/m365agentsplayground", "playwright-core"];

// @microsoft/teams-ai loads all its features whenever it is imported: the OpenAI client and a GPT
// tokenizer with ~40 MB of token tables (its AI planner), and botbuilder-dialogs (~0.6 s; only
// its user sign-in (OAuth/SSO) prompts use it). We use none of them, so the build puts a stub in
// their place that throws when it is used: nothing at start-up, and a loud failure, not a subtle
// one, should a change start using them (the Teams tests run against this build, see
// tests/support/app.ts). The development run loads the real packages.
const UNUSED_SDK_PARTS = /^(openai|gpt-tokenizer|botbuilder-dialogs)(\/.*)?$/;

/**
 * Every output file sits directly in dist/bot/ (entries and chunks alike), so in our own sources
 * `import.meta.url` is rewritten to the URL the module would have unbundled (dist/<its path>.js),
 * computed from the output file's real URL. Paths relative to a module keep working.
 */
const sourceUrlPlugin = {
  name: "source-url",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const contents = readFileSync(args.path, "utf8");
      if (!contents.includes("import.meta.url")) return { contents, loader: "ts" };
      const asBuilt = `../${path.relative(ROOT, args.path).split(path.sep).join("/").replace(/\.ts$/, ".js")}`;
      return { contents: contents.replaceAll("import.meta.url", `new URL(${JSON.stringify(asBuilt)}, import.meta.url).href`), loader: "ts" };
    });
  },
};

const stubPlugin = {
  name: "unused-sdk-parts",
  setup(build) {
    build.onResolve({ filter: UNUSED_SDK_PARTS }, (args) => ({ path: args.path, namespace: "unused-sdk-part" }));
    build.onLoad({ filter: /.*/, namespace: "unused-sdk-part" }, (args) => ({
      loader: "js",
      contents: `
        function unavailable() { throw new Error(${JSON.stringify(`${args.path} is left out of the production build (scripts/build.mjs)`)}); }
        module.exports = new Proxy(unavailable, { get: (target, key) => (key === "__esModule" ? false : key === "default" ? module.exports : target) });
      `,
    }));
  },
};

if (!existsSync(path.join(ROOT, "bot/db/generated/sqlite/client.ts"))) {
  console.error("build: the Prisma clients are missing; run `npm run db:generate` (npm install does it) first.");
  process.exit(1);
}

rmSync(DIST, { recursive: true, force: true });
const result = await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: ENTRIES,
  outdir: DIST,
  chunkNames: "bot/[name]-[hash]",
  bundle: true,
  // Split: the Teams and Slack SDKs stay in chunks of their own, loaded only when that channel is on.
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.12",
  sourcemap: true,
  // Less to read and parse at start-up; names are kept, so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  external: EXTERNAL,
  // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
  banner: { js: 'import { createRequire as __gwCreateRequire } from "node:module"; const require = __gwCreateRequire(import.meta.url);' },
  plugins: [sourceUrlPlugin, stubPlugin],
  logLevel: "warning",
  metafile: true,
});
for (const asset of ASSETS) cpSync(path.join(ROOT, asset), path.join(DIST, asset), { recursive: true });
// dist/ holds ES modules; its own package.json keeps that true wherever dist/ is copied to.
writeFileSync(path.join(DIST, "package.json"), `${JSON.stringify({ type: "module", private: true }, null, 2)}\n`);
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(`build: dist/ ready (${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1e6).toFixed(1)} MB); run it with \`npm run start:prod\``);

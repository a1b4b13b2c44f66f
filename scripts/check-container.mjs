// `npm run check:container`: offline checks of the Dockerfile and compose.yaml, run by CI. No image
// is built here (the machines reach no image registry), so this checks what can be checked
// without one: the Dockerfile's syntax (dockerfile-utils, the linter behind the VS Code Docker
// language server), the properties the runbook relies on (multi-stage, non-root user, health check,
// SQLite volume, the production build as the command), that everything it copies exists and is not
// excluded by .dockerignore, and the compose file's structure. With `docker-compose` installed
// (Debian's package, which needs no Docker engine for this), `docker-compose config` validates the
// compose file against Compose's own schema too. Exits 1 on the first list of problems.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validate, ValidationSeverity } from "dockerfile-utils";
import { parse as parseYaml } from "yaml";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const problems = [];
const notes = [];
const need = (ok, message) => ok || problems.push(message);

// --- Dockerfile ---------------------------------------------------------------------------
const dockerfile = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
for (const d of validate(dockerfile)) {
  const where = `Dockerfile:${d.range.start.line + 1}`;
  if (d.severity === ValidationSeverity.ERROR) problems.push(`${where}: ${d.message}`);
  else notes.push(`${where}: ${d.message}`);
}
// Instructions with their continuation lines joined; comments dropped.
const instructions = dockerfile
  .replace(/\\\n/g, " ")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"))
  .map((l) => ({ op: l.split(/\s+/)[0].toUpperCase(), args: l.slice(l.split(/\s+/)[0].length).trim() }));
const stages = [];
for (const i of instructions) {
  if (i.op === "FROM") stages.push({ from: i.args, lines: [] });
  else stages.at(-1)?.lines.push(i);
}
need(stages.length >= 2, "Dockerfile: expected a multi-stage build (build, runtime)");
const runtime = stages.at(-1) ?? { lines: [] };
const build = stages[0] ?? { lines: [] };
const inRuntime = (op) => runtime.lines.filter((l) => l.op === op);
const user = inRuntime("USER").at(-1)?.args;
need(user && !/^(root|0)(:|$)/.test(user), "Dockerfile: the runtime stage must switch to a non-root USER");
need(
  inRuntime("HEALTHCHECK").some((l) => /\/healthz|\/readyz/.test(l.args)),
  "Dockerfile: the runtime stage needs a HEALTHCHECK on /healthz or /readyz",
);
need(
  inRuntime("VOLUME").some((l) => l.args.includes("/data")),
  "Dockerfile: SQLite's /data must be a VOLUME",
);
need(
  inRuntime("ENV").some((l) => l.args.includes("DATABASE_URL=file:/data/")),
  "Dockerfile: DATABASE_URL should default to a file under /data",
);
need(
  inRuntime("ENV").some((l) => l.args.includes("NODE_ENV=production")),
  "Dockerfile: NODE_ENV=production in the runtime stage",
);
need(
  inRuntime("CMD").some((l) => l.args.includes("dist/bot/main.js")),
  "Dockerfile: the runtime stage must run the production build (dist/bot/main.js)",
);
need(
  build.lines.some((l) => l.op === "RUN" && l.args.includes("npm run build")),
  "Dockerfile: the build stage must run `npm run build` (scripts/build.mjs)",
);
need(
  !runtime.lines.some((l) => l.op === "RUN" && /npm (ci|install)\b/.test(l.args)),
  "Dockerfile: the runtime stage must not install packages (it copies them from the build stage)",
);
need(
  runtime.lines.some((l) => l.op === "RUN" && /apt-get install\b.*\bpostgresql-client\b/.test(l.args)),
  "Dockerfile: the runtime stage needs postgresql-client (pg_dump, pg_restore) for backups against PostgreSQL",
);

// Every file the build stage copies from the context exists and is not excluded by .dockerignore.
const ignored = readFileSync(path.join(ROOT, ".dockerignore"), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));
for (const copy of instructions.filter((i) => i.op === "COPY" && !i.args.includes("--from="))) {
  const parts = copy.args.split(/\s+/).filter((p) => !p.startsWith("--"));
  for (const source of parts.slice(0, -1)) {
    if (source === ".") continue;
    need(existsSync(path.join(ROOT, source)), `Dockerfile: COPY ${source}: no such file in the repository`);
    need(!ignored.some((p) => source === p || source.startsWith(`${p}/`)), `Dockerfile: COPY ${source} is excluded by .dockerignore`);
  }
}
for (const required of ["node_modules", "dist", ".env", "data"]) need(ignored.includes(required), `.dockerignore: ${required} should be excluded`);
if (existsSync(path.join(ROOT, "dist")))
  need(existsSync(path.join(ROOT, "dist/bot/main.js")), "dist/bot/main.js is missing: the image's command would fail (npm run build)");
else notes.push("dist/ not built here; run `npm run build` to check the image's command exists");

// --- compose.yaml -------------------------------------------------------------------------
const composeText = readFileSync(path.join(ROOT, "compose.yaml"), "utf8");
let compose;
try {
  compose = parseYaml(composeText);
} catch (error) {
  problems.push(`compose.yaml: not valid YAML: ${error.message}`);
}
if (compose) {
  const services = compose.services ?? {};
  need(services.db && /^postgres:/.test(services.db.image ?? ""), "compose.yaml: a `db` service on a postgres image");
  need(services.db?.healthcheck, "compose.yaml: the db service needs a healthcheck (the bot waits for it)");
  need(services.bot?.build?.context === "." && services.bot?.build?.dockerfile === "Dockerfile", "compose.yaml: the bot is built from this Dockerfile");
  need(services.bot?.depends_on?.db?.condition === "service_healthy", "compose.yaml: the bot must wait until the database is healthy");
  need(/^postgresql:\/\/.*@db:5432\//.test(services.bot?.environment?.DATABASE_URL ?? ""), "compose.yaml: the bot's DATABASE_URL must point at the db service");
  need(!/^\s+POSTGRES_PASSWORD:\s*(?!\$\{)\S/m.test(composeText), "compose.yaml: no literal database password (use ${POSTGRES_PASSWORD})");
  for (const [name, service] of Object.entries(services)) {
    for (const volume of service.volumes ?? []) {
      const named = String(volume).split(":")[0];
      if (!named.startsWith(".") && !named.startsWith("/"))
        need(compose.volumes && named in compose.volumes, `compose.yaml: service ${name} uses undeclared volume ${named}`);
    }
  }
}
const dc = spawnSync("docker-compose", ["version", "--short"], { encoding: "utf8" });
if (dc.error) {
  notes.push("docker-compose is not installed: Compose's own schema validation was skipped (apt-get install docker-compose)");
} else {
  // `config` reads env_file, so it runs on a copy next to an empty .env.
  const dir = mkdtempSync(path.join(tmpdir(), "gw-compose-"));
  try {
    copyFileSync(path.join(ROOT, "compose.yaml"), path.join(dir, "compose.yaml"));
    writeFileSync(path.join(dir, ".env"), "");
    const result = spawnSync("docker-compose", ["-f", "compose.yaml", "config", "-q"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, POSTGRES_PASSWORD: "only-for-the-check" },
    });
    if (result.status === 0) notes.push(`docker-compose ${dc.stdout.trim()} config: compose.yaml is valid`);
    else problems.push(`docker-compose config: ${result.stderr.trim()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const note of notes) console.log(`note: ${note}`);
if (problems.length) {
  for (const problem of problems) console.error(`problem: ${problem}`);
  process.exit(1);
}
console.log(`check:container: Dockerfile (${stages.length} stages) and compose.yaml pass the offline checks; no image was built`);

// `npm run check:azure`: what can be checked of infra/azure/main.bicep without the Bicep compiler
// or an Azure subscription (neither is available on the development machines). Checked: brackets
// balance; every parameter and variable is used; secrets are @secure() parameters that reach only
// Key Vault (never an output or a plain app setting); the resources the guide relies on are there
// (Container Apps, PostgreSQL flexible server, Key Vault, an Azure Bot in westeurope, SingleTenant,
// with the Teams channel); every environment variable the template sets is one bot/config.ts reads;
// the example parameters file names only declared parameters and every required plain one; and the
// Teams app package builds for the template's address. NOT checked: Bicep syntax and types, the
// resource API versions and property names, and Azure's own validation: run `az bicep build` and
// `az deployment group what-if` (docs/azure.md) before the first deployment.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildPackage } from "./teams-package.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const bicep = readFileSync(path.join(ROOT, "infra/azure/main.bicep"), "utf8");
const problems: string[] = [];
const need = (ok: unknown, message: string) => void (ok || problems.push(message));

/**
 * The code only: comments dropped, the text of string literals blanked, while the expressions in
 * their ${…} interpolations are kept (they reference parameters and variables too).
 */
function codeOnly(source: string): string {
  let out = "";
  let i = 0;
  const interpolation: number[] = []; // brace depth at which each open ${ … } returns to its string
  let depth = 0;
  let inString = false;
  while (i < source.length) {
    const ch = source[i]!;
    if (inString) {
      if (ch === "\\") {
        out += "  ";
        i += 2;
      } else if (ch === "'") {
        inString = false;
        out += "'";
        i++;
      } else if (ch === "$" && source[i + 1] === "{") {
        inString = false;
        interpolation.push(depth);
        depth++;
        out += " (";
        i += 2;
      } else {
        out += ch === "\n" ? "\n" : " ";
        i++;
      }
    } else if (ch === "/" && source[i + 1] === "/") {
      while (i < source.length && source[i] !== "\n") i++;
    } else if (ch === "'") {
      inString = true;
      out += "'";
      i++;
    } else if (ch === "}" && interpolation.length && interpolation.at(-1) === depth - 1) {
      interpolation.pop();
      depth--;
      inString = true;
      out += ") ";
      i++;
    } else {
      if (ch === "{") depth++;
      if (ch === "}") depth--;
      out += ch;
      i++;
    }
  }
  return out;
}
const code = codeOnly(bicep);
for (const [open, close] of [
  ["{", "}"],
  ["[", "]"],
  ["(", ")"],
] as const) {
  let depth = 0;
  for (const ch of code) {
    if (ch === open) depth++;
    else if (ch === close && --depth < 0) break;
  }
  need(depth === 0, `main.bicep: unbalanced ${open}${close}`);
}

const params = [...bicep.matchAll(/^((?:@\w+\([^\n]*\)\n)*)param (\w+) (\w+)( = [^\n]+)?$/gm)].map((m) => ({
  name: m[2]!,
  secure: /@secure\(\)/.test(m[1]!),
  hasDefault: Boolean(m[4]),
}));
const vars = [...bicep.matchAll(/^var (\w+) =/gm)].map((m) => m[1]!);
const uses = (name: string) => (code.match(new RegExp(`\\b${name}\\b`, "g")) ?? []).length;
for (const p of params) need(uses(p.name) > 1, `main.bicep: parameter ${p.name} is never used`);
for (const v of vars) need(uses(v) > 1, `main.bicep: variable ${v} is never used`);
need(params.length >= 8, "main.bicep: the parameters were not found (format changed?)");

for (const secret of ["microsoftAppPassword", "postgresAdminPassword", "metricsToken"]) {
  need(params.find((p) => p.name === secret)?.secure, `main.bicep: ${secret} must be a @secure() parameter`);
}
const outputs = [...bicep.matchAll(/^output \w+ \w+ = (.+)$/gm)].map((m) => m[1]!);
for (const p of params.filter((x) => x.secure)) {
  need(!outputs.some((o) => new RegExp(`\\b${p.name}\\b`).test(o)), `main.bicep: secret ${p.name} appears in an output`);
  // Only in the Key Vault secret (and the PostgreSQL server's own admin password) — never in app settings.
  const lines = bicep.split("\n").filter((l) => new RegExp(`\\b${p.name}\\b`).test(l) && !/^\s*(param|@)/.test(l));
  for (const line of lines)
    need(
      /properties: \{ value:|administratorLoginPassword:|value: 'postgresql:/.test(line),
      `main.bicep: secret ${p.name} used outside Key Vault: ${line.trim()}`,
    );
}

const resource = (type: string) => new RegExp(`resource \\w+ '${type.replace(/\//g, "\\/")}@[\\d-]+(-preview)?'`).test(bicep);
for (const type of [
  "Microsoft.App/containerApps",
  "Microsoft.App/managedEnvironments",
  "Microsoft.DBforPostgreSQL/flexibleServers",
  "Microsoft.DBforPostgreSQL/flexibleServers/databases",
  "Microsoft.KeyVault/vaults",
  "Microsoft.KeyVault/vaults/secrets",
  "Microsoft.BotService/botServices",
  "Microsoft.BotService/botServices/channels",
  "Microsoft.ManagedIdentity/userAssignedIdentities",
]) {
  need(resource(type), `main.bicep: no ${type} resource`);
}
const botBlock = /resource bot 'Microsoft\.BotService\/botServices@[^']+' = \{([\s\S]*?)\n\}/.exec(bicep)?.[1] ?? "";
need(/location: 'westeurope'/.test(botBlock), "main.bicep: the Azure Bot must be regional in the EU (location 'westeurope')");
need(/msaAppType: 'SingleTenant'/.test(botBlock), "main.bicep: the Azure Bot must be SingleTenant");
need(/endpoint: 'https:\/\/\$\{appFqdn\}\/api\/messages'/.test(botBlock), "main.bicep: the bot's endpoint must be the app's /api/messages");
need(/channelName: 'MsTeamsChannel'/.test(bicep), "main.bicep: the Teams channel is missing");
need(/keyVaultUrl:/.test(bicep), "main.bicep: the app must read its secrets from Key Vault (keyVaultUrl)");
need(/enableRbacAuthorization: true/.test(bicep), "main.bicep: Key Vault should use RBAC");

// Every environment variable the template sets is one the service reads.
const configSource = readFileSync(path.join(ROOT, "bot/config.ts"), "utf8");
const schema = configSource.slice(configSource.indexOf("const ConfigSchema"), configSource.indexOf("export type Config"));
const known = new Set([...schema.matchAll(/^\s{2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!));
const envNames = [...bicep.matchAll(/\{ name: '([A-Z][A-Z0-9_]+)', (?:value|secretRef):/g)].map((m) => m[1]!);
need(envNames.length >= 5, "main.bicep: the container's environment was not found");
for (const name of envNames) need(known.has(name), `main.bicep: sets ${name}, which bot/config.ts does not read`);
for (const required of [
  "DATABASE_URL",
  "MICROSOFT_APP_ID",
  "MICROSOFT_APP_PASSWORD",
  "MICROSOFT_APP_TYPE",
  "MICROSOFT_APP_TENANT_ID",
  "PUBLIC_BASE_URL",
  "NODE_ENV",
]) {
  need(envNames.includes(required), `main.bicep: the container needs ${required}`);
}

const example = JSON.parse(readFileSync(path.join(ROOT, "infra/azure/main.parameters.example.json"), "utf8")) as { parameters: Record<string, unknown> };
for (const name of Object.keys(example.parameters))
  need(
    params.some((p) => p.name === name),
    `main.parameters.example.json: ${name} is not a parameter of main.bicep`,
  );
for (const p of params.filter((x) => !x.secure && !x.hasDefault))
  need(p.name in example.parameters, `main.parameters.example.json: the required parameter ${p.name} is missing`);
for (const p of params.filter((x) => x.secure))
  need(!(p.name in example.parameters), `main.parameters.example.json: the secret ${p.name} must not be in a file`);

// The Teams app package for the address the template gives the app.
const dir = mkdtempSync(path.join(tmpdir(), "gw-azure-package-"));
try {
  const host = "gespreksw-app.example-env.westeurope.azurecontainerapps.io";
  const built = buildPackage({ outDir: dir, env: { MICROSOFT_APP_ID: "5b0e3d7a-1c2f-4e8b-9a6d-0f4c3b2a1e9d", PUBLIC_BASE_URL: `https://${host}` } });
  need(built.manifest.validDomains?.includes(host), `Teams package: validDomains lacks ${host}`);
} catch (error) {
  problems.push(`Teams package for the Azure address: ${(error as Error).message}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (problems.length) {
  for (const p of problems) console.error(`problem: ${p}`);
  process.exit(1);
}
console.log(`check:azure: main.bicep (${params.length} parameters, ${envNames.length} app settings) and the Teams package pass the offline checks.`);
console.log("not checked here: Bicep compilation, API versions and property names, Azure's validation (az bicep build; az deployment group what-if)");

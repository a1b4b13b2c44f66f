// Starts the Microsoft 365 Agents Playground (@microsoft/m365agentsplayground, a devDependency) as a local,
// tenant-free Teams client for the bot, headless: no browser is opened, its config and log files go to a
// temporary directory, and stop() ends its whole process group. See docs/agents-playground-notes.md.
//
//   import { startPlayground } from "../adapters/teams/playground.js";
//   const pg = await startPlayground({ botEndpoint: "http://localhost:3978/api/messages", port: 0 });
//   // pg.url → open in Playwright; pg.connectorUrl → the serviceUrl the bot will see
//   await pg.stop();
//
// Command line (stays in the foreground until Ctrl-C):
//   tsx adapters/teams/playground.ts [--endpoint URL] [--port N]
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildPlaygroundConfig, DEFAULT_TENANT_ID, DEFAULT_USER, type PlaygroundUser } from "./playground-config.js";

export { buildPlaygroundConfig, DEFAULT_BOT_ID, DEFAULT_TENANT_ID, DEFAULT_USER, type PlaygroundUser } from "./playground-config.js";

export const DEFAULT_BOT_ENDPOINT = "http://localhost:3978/api/messages";
/** The playground's own default port; 0 asks for a free port. */
export const DEFAULT_PORT = 56150;
export type PlaygroundChannel = "msteams" | "directline" | "webchat" | "emulator" | "agents";

export interface PlaygroundOptions {
  /** The bot's messaging endpoint. Default http://localhost:3978/api/messages. */
  botEndpoint?: string;
  /** Port for the web UI and the mocked connector. Default 56150; 0 picks a free port. */
  port?: number;
  /**
   * Mock users. The first is the signed-in user (the one who types in the UI, `currentUser` in the
   * playground's config); up to five more become the other members of the group chat and the team.
   * Missing ones are filled with stand-ins. Default: [DEFAULT_USER].
   */
  users?: PlaygroundUser[];
  /** Tenant id of conversation.tenantId, channelData.tenant.id and the members. */
  tenantId?: string;
  /** Personal-chat conversation id (conversation.id). Default: a new random UUID per start. */
  conversationId?: string;
  botId?: string;
  botName?: string;
  /** Default "msteams". */
  channelId?: PlaygroundChannel;
  /**
   * IANA time zone the playground reports (activity.localTimezone, clientInfo.timezone); it is the
   * playground process's TZ. Default: inherited from this process. (activity.locale is always en-US.)
   */
  timezone?: string;
  /**
   * The playground silently moves to a random port when the requested one is taken. With strictPort
   * (the default) that is an error; set it to false to accept the other port.
   */
  strictPort?: boolean;
  /** Milliseconds to wait for the HTTP port to answer. Default 30 000. */
  startTimeoutMs?: number;
  /** Keep the temporary directory (config file, playground log) after stop(). Default false. */
  keepFiles?: boolean;
}

export interface Playground {
  /** The web UI, e.g. http://localhost:56150 */
  url: string;
  /** The mocked Bot Connector service, e.g. http://localhost:56150/_connector (the activities' serviceUrl). */
  connectorUrl: string;
  port: number;
  /** conversation.id of the personal chat with the signed-in user. */
  conversationId: string;
  /** The generated config file (YAML; written as JSON, which YAML accepts). */
  configPath: string;
  /** The playground's own log (its console output goes there when stdout is not a terminal). */
  logFile: string;
  /** Settles when the playground process ends (by stop() or on its own), with its exit code. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

function playgroundCli(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve("@microsoft/m365agentsplayground/package.json");
  return join(dirname(pkg), "cli.js");
}

/** True when something (often a playground left over from a crashed run) listens on the port. */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "EADDRINUSE"));
    probe.listen(port, () => probe.close(() => resolve(false)));
  });
}

function portInUseMessage(port: number): string {
  return (
    `port ${port} is already in use, often by an Agents Playground left over from an earlier run that crashed. ` +
    `Stop that process (\`ss -ltnp 'sport = :${port}'\` shows which one), or set PLAYGROUND_PORT to a free port.`
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

function tail(text: string, lines = 20): string {
  return text.split("\n").slice(-lines).join("\n");
}

/** Sends a signal to the child's process group (it is started detached, so it leads its own group). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const botEndpoint = options.botEndpoint ?? DEFAULT_BOT_ENDPOINT;
  const requestedPort = options.port ?? DEFAULT_PORT;
  const strictPort = options.strictPort ?? true;
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  const conversationId = options.conversationId ?? randomUUID();

  const config = buildPlaygroundConfig({ ...options, conversationId }); // validates before anything is created
  // The playground itself would silently move to another port, leaving the old page talking to nothing.
  if (strictPort && requestedPort !== 0 && (await portTaken(requestedPort))) throw new Error(`Agents Playground: ${portInUseMessage(requestedPort)}`);
  const dir = mkdtempSync(join(tmpdir(), "agents-playground-"));
  const configPath = join(dir, ".m365agentsplayground.yml");
  const logFile = join(dir, "m365agentsplayground.log");
  writeFileSync(configPath, `# Generated by adapters/teams/playground.ts\n${JSON.stringify(config, null, 2)}\n`);

  const env: NodeJS.ProcessEnv = { ...process.env };
  // Variables the playground would otherwise read as defaults; the flags and the config file decide.
  for (const name of [
    "TEAMSAPPTESTER_PORT",
    "BOT_ENDPOINT",
    "DEFAULT_CHANNEL_ID",
    "TEAMS_APP_TEST_TOOL_CONFIG_PATH",
    "M365_AGENTS_PLAYGROUND_SERVICE_URL",
    "M365_AGENTS_PLAYGROUND_CONVERSATION_ID",
    "M365_AGENTS_PLAYGROUND_DELIVERY_MODE",
    "M365_AGENTS_PLAYGROUND_ENABLE_EVENTS_RECORDING",
    "M365_AGENTS_PLAYGROUND_TARGET_SDK",
    "SEND_INSTALLATION_ACTIVITY",
  ]) {
    delete env[name];
  }
  Object.assign(env, {
    TEAMSAPPTESTER_BROWSER: "none", // no `open`/xdg-open (exits 1 when xdg-open is missing)
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile, // default would be ./devTools/… under the working directory
    M365_AGENTS_PLAYGROUND_RECORDING_FILE: join(dir, "events-recording.log"),
  });
  if (options.timezone) env.TZ = options.timezone;

  const args = [
    playgroundCli(),
    "start",
    "--app-endpoint",
    botEndpoint,
    "--channel-id",
    options.channelId ?? "msteams",
    "--port",
    String(requestedPort),
    "--disable-telemetry",
  ];
  const child = spawn(process.execPath, args, {
    cwd: dir,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"], // stdout must not be a TTY: then it prints "Listening on <port>"
  });

  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    if (stdout.length < 64_000) stdout += chunk;
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-16_000);
  });
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((r) => {
    child.once("exit", (code, signal) => {
      exited = { code, signal };
      r();
    });
  });
  child.once("error", (err) => {
    stderr += `\n${err.message}`;
    exited ??= { code: null, signal: null };
  });
  const killOnExit = () => signalGroup(child, "SIGKILL");
  process.once("exit", killOnExit);

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      process.removeListener("exit", killOnExit);
      if (!exited) {
        signalGroup(child, "SIGTERM");
        const done = await Promise.race([exitPromise.then(() => true), sleep(5000).then(() => false)]);
        if (!done) {
          signalGroup(child, "SIGKILL");
          await Promise.race([exitPromise, sleep(2000)]);
        }
      }
      // Children of the playground (short-lived shell commands) share its group; make sure none is left.
      signalGroup(child, "SIGKILL");
      if (!options.keepFiles) rmSync(dir, { recursive: true, force: true });
    })();
    return stopped;
  };

  const fail = async (message: string): Promise<never> => {
    let log = "";
    try {
      log = readFileSync(logFile, "utf8");
    } catch {
      /* no log yet */
    }
    const details = [stderr && `stderr:\n${tail(stderr)}`, log && `playground log:\n${tail(log)}`].filter(Boolean).join("\n");
    await stop();
    throw new Error(`Agents Playground: ${message}${details ? `\n${details}` : ""}`);
  };

  const deadline = Date.now() + timeoutMs;
  let port: number | undefined;
  while (port === undefined) {
    const m = /Listening on (\d+)/.exec(stdout);
    if (m) port = Number(m[1]);
    else if (exited) return fail(`exited during start-up (code ${exited.code}, signal ${exited.signal})`);
    else if (Date.now() > deadline) return fail(`did not report its port within ${timeoutMs} ms`);
    else await sleep(50);
  }
  if (strictPort && requestedPort !== 0 && port !== requestedPort) {
    return fail(`${portInUseMessage(requestedPort)} (The playground moved to ${port}.)`);
  }
  const url = `http://localhost:${port}`;
  while (!(await answers(`${url}/_debug/ping`))) {
    if (exited) return fail(`exited during start-up (code ${exited.code}, signal ${exited.signal})`);
    if (Date.now() > deadline) return fail(`${url} did not answer within ${timeoutMs} ms`);
    await sleep(100);
  }
  const exitCode = exitPromise.then(() => exited?.code ?? null);
  return { url, connectorUrl: `${url}/_connector`, port, conversationId, configPath, logFile, exited: exitCode, stop };
}

function parseCliArgs(argv: string[]): { endpoint: string; port: number } {
  let endpoint = DEFAULT_BOT_ENDPOINT;
  let port = DEFAULT_PORT;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if ((arg === "--endpoint" || arg === "-e") && value) {
      endpoint = value;
      i++;
    } else if ((arg === "--port" || arg === "-p") && value && /^\d+$/.test(value)) {
      port = Number(value);
      i++;
    } else if (arg === "--help" || arg === "-h") {
      console.log("Usage: tsx adapters/teams/playground.ts [--endpoint URL] [--port N]");
      process.exit(0);
    } else {
      console.error(`Unknown argument: ${arg}`);
      process.exit(2);
    }
  }
  return { endpoint, port };
}

async function main(): Promise<void> {
  const { endpoint, port } = parseCliArgs(process.argv.slice(2));
  const pg = await startPlayground({ botEndpoint: endpoint, port, strictPort: false });
  const user = DEFAULT_USER;
  console.log(`Agents Playground: ${pg.url}`);
  console.log(`  bot endpoint  ${endpoint}`);
  console.log(`  serviceUrl    ${pg.connectorUrl}`);
  console.log(`  user          ${user.name} <${user.email}> aadObjectId ${user.aadObjectId}, tenant ${DEFAULT_TENANT_ID}`);
  console.log(`  conversation  ${pg.conversationId}`);
  console.log(`  log           ${pg.logFile}`);
  console.log("Press Ctrl-C to stop.");
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    void pg.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  void pg.exited.then((code) => {
    if (stopping) return;
    console.error(`The playground exited on its own (code ${code}); see ${pg.logFile}`);
    process.exit(1);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}

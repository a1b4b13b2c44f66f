// `npm start`'s entry point as a real process: migrates, seeds the demo school when asked,
// serves health checks, and stops cleanly on SIGTERM.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../bot/db/client.js";
import { createEmptyDatabaseUrl, testProvider } from "../support/test-db.js";
import { serviceArgs, testTarget } from "../support/target.js";

let url: string;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ url, drop } = await createEmptyDatabaseUrl());
});
afterAll(async () => drop());

// Up to 40 s: starting from the sources compiles them first, slow on a loaded 2-core machine.
async function waitReady(base: string): Promise<Response> {
  for (let i = 0; i < 1600; i++) {
    try {
      const res = await fetch(`${base}/readyz`);
      if (res.ok) return res;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("service did not become ready");
}

describe(`service process (${testTarget()}) on ${testProvider()}`, () => {
  it("starts on an empty database with the demo school and stops on SIGTERM", async () => {
    const port = 42000 + Math.floor(Math.random() * 2000);
    const child = spawn(process.execPath, serviceArgs(), {
      env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: "127.0.0.1", SEED_DEMO: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (c) => (stdout += String(c)));
    try {
      await waitReady(`http://127.0.0.1:${port}`);
      const { db, close } = await openDatabase(url);
      expect(await db.pupil.count({ where: { active: true } })).toBe(445);
      await close();
      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
      const lines = stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as { msg: string });
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(["migrations checked", "demo school created", "listening", "shutting down"]));
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("a port already in use: the start fails with the reason and the process ends, no scheduler left running", async () => {
    const { createServer } = await import("node:net");
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as { port: number }).port;
    const child = spawn(process.execPath, serviceArgs(), {
      env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += String(c)));
    child.stderr.on("data", (c) => (stderr += String(c)));
    try {
      const [code] = await once(child, "exit");
      expect(code).toBe(1);
      expect(stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(stdout).not.toContain('"msg":"listening"');
    } finally {
      child.kill("SIGKILL");
      taken.close();
    }
  });

  it("refuses to start with a malformed variable and names it", async () => {
    const child = spawn(process.execPath, serviceArgs(), {
      env: { ...process.env, DATABASE_URL: url, PORT: "not-a-port" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += String(c)));
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    expect(stderr).toContain("PORT");
  });
});

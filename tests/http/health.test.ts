import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { testProvider } from "../support/test-db.js";
import { cutOffDatabase } from "../support/postgres-server.js";

let app: TestApp & { databaseUrl: string };

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app?.stop());

describe(`health and readiness on ${testProvider()}`, () => {
  it("answers liveness without touching anything", async () => {
    const res = await fetch(`${app.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("is ready when the database answers, after migrating it at start-up", async () => {
    const res = await fetch(`${app.baseUrl}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ready", database: "ok" });
    expect(await app.database.db.school.count()).toBe(0);
  });

  // SQLite is a file opened in-process: once open it stays readable, so the 503 path is a
  // PostgreSQL concern (a server that restarts or refuses connections).
  it.runIf(testProvider() === "postgresql")("reports 503 when the database goes away, and liveness stays up", async () => {
    const reconnect = await cutOffDatabase(app.databaseUrl);
    try {
      const res = await fetch(`${app.baseUrl}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: "unavailable" });
      expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await reconnect();
    }
  });
});

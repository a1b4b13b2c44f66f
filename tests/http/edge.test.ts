// What the HTTP edge answers a request it has no route for, as an IT person or a scanner meets it:
// JSON with a status that says why (405 with Allow for a wrong method, 404 for an unknown path,
// 415 for a body that is not JSON), never Express's HTML page that echoes the path.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { testProvider } from "../support/test-db.js";

let app: TestApp & { databaseUrl: string };
beforeAll(async () => {
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true" });
});
afterAll(async () => app?.stop());

const ask = (method: string, path: string, init: RequestInit = {}) => fetch(`${app.baseUrl}${path}`, { method, ...init });

describe(`the HTTP edge on ${testProvider()}`, () => {
  it("a served path asked with another method: 405 with the methods it takes", async () => {
    for (const [method, path, allow] of [
      ["GET", "/api/messages", "POST"],
      ["PUT", "/healthz", "GET, HEAD"],
      ["DELETE", "/files/some-token", "GET, HEAD"],
      ["POST", "/readyz", "GET, HEAD"],
    ] as const) {
      const res = await ask(method, path);
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get("allow")).toBe(allow);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({ error: `method not allowed here; allowed: ${allow}` });
    }
    // The routes themselves still answer, and OPTIONS is told what a path takes.
    expect((await ask("GET", "/healthz")).status).toBe(200);
    expect((await ask("HEAD", "/healthz")).status).toBe(200);
    const options = await ask("OPTIONS", "/api/messages");
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("POST, OPTIONS");
  });

  it("a path that is not valid percent-encoding: 400, not 500, and no error in the log", async () => {
    const res = await ask("GET", "/files/%E0%A4%A");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "bad request" });
    expect(app.logs.some((l) => l.includes('"level":50') && l.includes("request failed"))).toBe(false);
  });

  it("an unknown path: a JSON 404 that does not echo the path", async () => {
    const res = await ask("GET", "/leerling/Finn%20Appelweide");
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ error: "not found" });
    expect(body).not.toContain("Finn");
  });

  it("an invoke the bot does not handle: 400 with a JSON reason, not the SDK's empty 501", async () => {
    const invoke = {
      type: "invoke",
      name: "composeExtension/frobnicate",
      id: "inv-1",
      channelId: "msteams",
      serviceUrl: "http://127.0.0.1:9/",
      timestamp: new Date().toISOString(),
      from: { id: "29:someone", name: "Iemand", aadObjectId: "00000000-0000-0000-0000-00000000abcd" },
      recipient: { id: "28:gesprekswijzer", name: "Gesprekswijzer" },
      conversation: { id: "a:personal-someone", conversationType: "personal", tenantId: "11111111-2222-3333-4444-555555555555" },
      value: {},
    };
    const res = await ask("POST", "/api/messages", { headers: { "content-type": "application/json" }, body: JSON.stringify(invoke) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "this invoke is not supported" });
  });

  it("a message that is not JSON: 415, and JSON with a charset is taken", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
      const res = await ask("POST", "/api/messages", { headers: { "content-type": type }, body: "type=message&text=hallo" });
      expect(res.status, type).toBe(415);
      expect(await res.json()).toEqual({ error: "Content-Type must be application/json" });
    }
    const json = await ask("POST", "/api/messages", { headers: { "content-type": "application/json; charset=utf-8" }, body: "{}" });
    expect(json.status).toBe(400); // parsed, then refused as an activity without its fields
    expect(await json.json()).toEqual({ error: "malformed activity" });
    // A charset body-parser cannot read: 415 that names the charset, not "not valid JSON".
    const klingon = await ask("POST", "/api/messages", { headers: { "content-type": "application/json; charset=klingon" }, body: "{}" });
    expect(klingon.status).toBe(415);
    expect(await klingon.json()).toEqual({ error: "unsupported charset: send UTF-8 JSON" });
  });
});

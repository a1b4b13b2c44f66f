// The connector HTTP client on its own, against a real local HTTP server standing in for
// Microsoft's connector: what counts as "maybe delivered" (never re-sent) and what is retryable.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toHttpHeadersLike, type WebResourceLike } from "@azure/core-http-compat";
import { createHttpHeaders } from "@azure/core-rest-pipeline";
import { createGuardedHttpClient, UNCERTAIN_DELIVERY } from "../../adapters/teams/connector-http.js";

let server: http.Server;
let base = "";
const connections = new Set<import("node:net").Socket>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      if (req.url === "/echo") {
        res.setHeader("Content-Type", "application/json");
        res.setHeader("X-Seen-Auth", req.headers.authorization ?? "");
        res.end(JSON.stringify({ method: req.method, body, length: req.headers["content-length"] ?? null }));
      } else if (req.url === "/gzip") {
        res.setHeader("Content-Encoding", "gzip");
        res.end(gzipSync(JSON.stringify({ id: "zipped" })));
      } else if (req.url === "/drop") {
        req.socket.destroy();
      } else if (req.url === "/hang") {
        // never answers
      } else if (req.url === "/502") {
        res.statusCode = 502;
        res.end("{}");
      } else if (req.url === "/429") {
        res.statusCode = 429;
        res.setHeader("Retry-After", "1");
        res.end("{}");
      }
    });
  });
  server.on("connection", (s) => {
    connections.add(s);
    s.on("close", () => connections.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of connections) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function request(path: string, method: string, body?: string, timeout = 0): WebResourceLike {
  const headers = toHttpHeadersLike(createHttpHeaders({ "Content-Type": "application/json", Authorization: "Bearer t" }));
  return { url: `${base}${path}`, method, headers, body, timeout } as unknown as WebResourceLike;
}

describe("the connector HTTP client", () => {
  const client = createGuardedHttpClient();

  it("sends the body and headers and returns status, headers and text, reusing its connection", async () => {
    const first = await client.sendRequest(request("/echo", "POST", JSON.stringify({ text: "hé" })));
    expect(first.status).toBe(200);
    expect(first.headers.get("x-seen-auth")).toBe("Bearer t");
    expect(JSON.parse(first.bodyAsText!)).toEqual({ method: "POST", body: '{"text":"hé"}', length: String(Buffer.byteLength('{"text":"hé"}')) });
    const before = connections.size;
    await client.sendRequest(request("/echo", "PUT", "{}"));
    expect(connections.size).toBe(before);
  });

  it("reads a compressed response", async () => {
    const res = await client.sendRequest(request("/gzip", "GET"));
    expect(JSON.parse(res.bodyAsText!)).toEqual({ id: "zipped" });
  });

  it("passes 429 through for the SDK's throttling retry", async () => {
    const res = await client.sendRequest(request("/429", "POST", "{}"));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("1");
  });

  it("reports a write as uncertain after a 5xx, a dropped connection or a timeout", async () => {
    await expect(client.sendRequest(request("/502", "POST", "{}"))).rejects.toMatchObject({ code: UNCERTAIN_DELIVERY, statusCode: 502 });
    await expect(client.sendRequest(request("/drop", "POST", "{}"))).rejects.toMatchObject({ code: UNCERTAIN_DELIVERY });
    await expect(client.sendRequest(request("/hang", "PUT", "{}", 200))).rejects.toMatchObject({ code: UNCERTAIN_DELIVERY });
  });

  it("keeps a read failure and a refused connection retryable", async () => {
    await expect(client.sendRequest(request("/drop", "GET"))).rejects.toMatchObject({ code: "ECONNRESET" });
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = { ...request("/echo", "POST", "{}"), url: `http://127.0.0.1:${port}/echo` } as WebResourceLike;
    await expect(client.sendRequest(refused)).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});

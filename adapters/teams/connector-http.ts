// The HTTP client under the Bot Framework connector. The SDK's retry policy re-sends a request
// after a 5xx or a dropped connection — but the service may already have accepted the message,
// and the teacher would get it twice. This client turns those outcomes into an error the retry
// policy does not retry ("uncertain delivery"). 429 passes through unchanged: the SDK's
// throttling strategy waits for Retry-After and retries, which is safe because a 429 means the
// message was not accepted. Refused connections (nothing was sent) stay retryable.
//
// Built on node:http(s) with keep-alive agents rather than fetch: undici's fetch (web streams,
// abort signals, Request/Response objects) cost about 0.2 ms of CPU per connector call, more
// than the rest of the call, and every dialog turn makes one or two of them.
import http from "node:http";
import https from "node:https";
import { createGunzip, createInflate, createBrotliDecompress } from "node:zlib";
import type { Readable } from "node:stream";
import { toHttpHeadersLike, type WebResourceLike } from "@azure/core-http-compat";
import { createHttpHeaders } from "@azure/core-rest-pipeline";

export const UNCERTAIN_DELIVERY = "GW_UNCERTAIN_DELIVERY";
const NOTHING_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);
const DEFAULT_TIMEOUT_MS = 30_000;
const IDLE_SOCKET_MS = 4_000;

export class UncertainDeliveryError extends Error {
  readonly code = UNCERTAIN_DELIVERY;
  constructor(readonly statusCode: number | undefined) {
    super(statusCode ? `delivery uncertain after HTTP ${statusCode}` : "delivery uncertain after a network failure");
    this.name = "UncertainDeliveryError";
  }
}

const isWrite = (method: string) => method === "POST" || method === "PUT";

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** A compressed body, should a server send one, as its plain bytes. */
function decoded(res: http.IncomingMessage): Readable {
  const encoding = String(res.headers["content-encoding"] ?? "").toLowerCase();
  if (encoding === "gzip" || encoding === "x-gzip") return res.pipe(createGunzip());
  if (encoding === "deflate") return res.pipe(createInflate());
  if (encoding === "br") return res.pipe(createBrotliDecompress());
  return res;
}

/** A request as this client sends it: plain headers, a body already serialised. */
export interface PlainRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array | undefined;
  /** Milliseconds for the whole exchange; 0 or absent: 30 s. */
  timeout?: number | undefined;
}

type Agents = { http: http.Agent; https: https.Agent };

/** One request and its whole response body; rejects with the socket's error (with its `code`) or a timeout. */
function exchange(request: PlainRequest, agents: Agents): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const url = new URL(request.url);
    const secure = url.protocol === "https:";
    const req = (secure ? https : http).request(url, { method: request.method, headers: request.headers, agent: secure ? agents.https : agents.http });
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(error);
    };
    // One timer for the whole exchange, body included, as fetch's abort signal did.
    const timer = setTimeout(() => fail(Object.assign(new Error("request timed out"), { code: "ETIMEDOUT" })), request.timeout || DEFAULT_TIMEOUT_MS);
    req.on("error", fail);
    req.on("response", (res) => {
      const body = decoded(res);
      const chunks: Buffer[] = [];
      res.on("error", fail);
      body.on("error", fail);
      body.on("data", (chunk: Buffer) => chunks.push(chunk));
      body.on("end", () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") });
      });
    });
    if (request.body === undefined) req.end();
    else req.end(request.body);
  });
}

/**
 * The exchange with the rule above applied: a write that may have reached the service (a 5xx,
 * a dropped connection, a timeout) throws UncertainDeliveryError; a connection that was never
 * made throws an error with its code (ECONNREFUSED …), which is safe to retry.
 */
async function guardedExchange(request: PlainRequest, agents: Agents): Promise<RawResponse> {
  let response: RawResponse;
  try {
    response = await exchange(request, agents);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code && NOTHING_SENT.has(code)) throw Object.assign(new Error(`connection failed: ${code}`), { code });
    if (isWrite(request.method)) throw new UncertainDeliveryError(undefined);
    throw Object.assign(new Error("request failed"), { code: "ECONNRESET" });
  }
  if (isWrite(request.method) && response.status >= 500) throw new UncertainDeliveryError(response.status);
  return response;
}

/** True for the error of a connection that was never made: nothing reached the service. */
export const nothingSent = (error: unknown) => NOTHING_SENT.has(String((error as { code?: unknown }).code));

export interface GuardedHttpClient {
  /** The SDK's HttpClient interface (the connector client's pipeline calls it). */
  sendRequest(
    request: WebResourceLike,
  ): Promise<{ request: WebResourceLike; status: number; headers: ReturnType<typeof toHttpHeadersLike>; bodyAsText: string }>;
  /** The same guarded exchange for a request built without the SDK (connector-writes.ts). */
  exchange(request: PlainRequest): Promise<RawResponse>;
}

export type { RawResponse };

export function createGuardedHttpClient(): GuardedHttpClient {
  // Keep-alive: the connector is called on nearly every turn; a new TLS connection each time costs far more.
  // Idle connections close after a few seconds (as fetch's did), before the service would drop them
  // under a new request — a write lost that way would count as uncertain and not be re-sent.
  const idle = { keepAlive: true, timeout: IDLE_SOCKET_MS };
  const agents = { http: new http.Agent(idle), https: new https.Agent(idle) };
  return {
    async sendRequest(request: WebResourceLike) {
      const headers: Record<string, string> = {};
      for (const header of request.headers.headersArray()) headers[header.name] = header.value;
      const payload = request.body;
      const body =
        payload === undefined || payload === null ? undefined : typeof payload === "string" || payload instanceof Uint8Array ? payload : String(payload);
      const response = await guardedExchange({ url: request.url, method: request.method, headers, body, timeout: request.timeout }, agents);
      const responseHeaders = createHttpHeaders();
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      return { request, status: response.status, headers: toHttpHeadersLike(responseHeaders), bodyAsText: response.text };
    },
    exchange: (request) => guardedExchange(request, agents),
  };
}

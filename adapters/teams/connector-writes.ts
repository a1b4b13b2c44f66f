// The connector's three writes (a new message, a reply, an update of a sent card) as plain JSON
// over the guarded HTTP client, in place of the SDK's generated client. That client maps every
// activity field by field through its serializer and a generic request pipeline: about 0.35 ms of
// CPU per call, several times the rest of the call, and a dialog turn makes one or two calls.
// Everything above it (TurnContext, the adapter's sendActivities, our senders) is unchanged, and
// so is what the service receives: the same URL, token and JSON body.
//
// The pipeline's retry rules are kept: a 429 waits out its Retry-After and tries again; a
// connection that was never made is tried again after about 1, 2 and 4 s; at most 3 retries in
// all, the SDK's default. A write that may have arrived is never retried (connector-http.ts).
// A refusal throws what the SDK's RestError carries: statusCode, code and response.headers.
import type { GuardedHttpClient, RawResponse } from "./connector-http.js";
import { nothingSent } from "./connector-http.js";

const MAX_RETRIES = 3;
const RETRY_BASE_MS = 1000;

interface Credentials {
  signRequest(resource: { headers: { set(name: string, value: string): void } }): Promise<unknown>;
}

interface Conversations {
  sendToConversation(conversationId: string, activity: object): Promise<unknown>;
  replyToActivity(conversationId: string, activityId: string, activity: object): Promise<unknown>;
  updateActivity(conversationId: string, activityId: string, activity: object): Promise<unknown>;
}

interface ConnectorClientShape {
  baseUri?: unknown;
  credentials?: Credentials;
  conversations?: Conversations;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The SDK's exponential delay: half of 1 s × 2^n, plus a random part up to the other half. */
const backoffMs = (retry: number) => {
  const delay = RETRY_BASE_MS * 2 ** retry;
  return delay / 2 + Math.random() * (delay / 2);
};

const header = (headers: RawResponse["headers"], name: string): string | undefined => {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : value;
};

/** A 429's wait: Retry-After in seconds or as a date, or retry-after-ms; undefined when it names none. */
function retryAfterMs(headers: RawResponse["headers"]): number | undefined {
  for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    const ms = Number(header(headers, name));
    if (header(headers, name) !== undefined && Number.isFinite(ms)) return Math.max(0, ms);
  }
  const value = header(headers, "retry-after");
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

/** The error a refused write throws, shaped as the SDK's RestError for the code that reads it. */
function refusal(response: RawResponse): Error {
  let code: string | undefined;
  try {
    code = (JSON.parse(response.text) as { error?: { code?: unknown } })?.error?.code as string | undefined;
  } catch {
    // Not JSON: the status says enough.
  }
  return Object.assign(new Error(`the Bot Connector refused the activity: HTTP ${response.status}${code ? ` (${code})` : ""}`), {
    name: "RestError",
    statusCode: response.status,
    ...(typeof code === "string" ? { code } : {}),
    response: { status: response.status, headers: { get: (name: string) => header(response.headers, name) } },
  });
}

function resourceResponse(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/**
 * Gives `client` (a botframework-connector ConnectorClient) lean writes; returns it. A client of
 * another shape (another SDK version) is returned unchanged: it still works, only slower.
 */
export function useLeanWrites<C>(client: C, http: GuardedHttpClient): C {
  const shape = client as ConnectorClientShape;
  const conversations = shape.conversations;
  const credentials = shape.credentials;
  if (!conversations || typeof credentials?.signRequest !== "function" || typeof shape.baseUri !== "string") return client;
  if (typeof conversations.replyToActivity !== "function" || typeof conversations.updateActivity !== "function") return client;
  const base = shape.baseUri.replace(/\/+$/, "");

  async function write(method: "POST" | "PUT", path: string, activity: object, extra: Record<string, string> = {}): Promise<unknown> {
    const body = JSON.stringify(activity);
    const headers: Record<string, string> = {
      "content-type": "application/json; charset=utf-8",
      accept: "application/json",
      "content-length": String(Buffer.byteLength(body)),
      ...extra,
    };
    // The bot's token, from the SDK's own credentials (and their token cache).
    await credentials!.signRequest({ headers: { set: (name, value) => void (headers[name.toLowerCase()] = value) } });
    for (let retry = 0; ; retry++) {
      let response: RawResponse;
      try {
        response = await http.exchange({ url: `${base}/${path}`, method, headers, body });
      } catch (error) {
        if (nothingSent(error) && retry < MAX_RETRIES) {
          await sleep(backoffMs(retry));
          continue;
        }
        throw error;
      }
      if (response.status >= 200 && response.status < 300) return resourceResponse(response.text);
      const wait = response.status === 429 ? retryAfterMs(response.headers) : undefined;
      if (wait !== undefined && retry < MAX_RETRIES) {
        await sleep(wait);
        continue;
      }
      throw refusal(response);
    }
  }

  const at = (conversationId: string, activityId?: string) =>
    `v3/conversations/${encodeURIComponent(conversationId)}/activities${activityId === undefined ? "" : `/${encodeURIComponent(activityId)}`}`;
  conversations.sendToConversation = (conversationId, activity) => write("POST", at(conversationId), activity);
  conversations.replyToActivity = (conversationId, activityId, activity) =>
    write("POST", at(conversationId, activityId), activity, { "x-ms-conversation-id": conversationId });
  conversations.updateActivity = (conversationId, activityId, activity) => write("PUT", at(conversationId, activityId), activity);
  return client;
}

// The HTTP client under the Bot Framework connector. The SDK's retry policy re-sends a request
// after a 5xx or a dropped connection — but the service may already have accepted the message,
// and the teacher would get it twice. This client turns those outcomes into an error the retry
// policy does not retry ("uncertain delivery"). 429 passes through unchanged: the SDK's
// throttling strategy waits for Retry-After and retries, which is safe because a 429 means the
// message was not accepted. Refused connections (nothing was sent) stay retryable.
import { toHttpHeadersLike, type WebResourceLike } from "@azure/core-http-compat";
import { createHttpHeaders } from "@azure/core-rest-pipeline";

export const UNCERTAIN_DELIVERY = "GW_UNCERTAIN_DELIVERY";
const NOTHING_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);
const DEFAULT_TIMEOUT_MS = 30_000;

export class UncertainDeliveryError extends Error {
  readonly code = UNCERTAIN_DELIVERY;
  constructor(readonly statusCode: number | undefined) {
    super(statusCode ? `delivery uncertain after HTTP ${statusCode}` : "delivery uncertain after a network failure");
    this.name = "UncertainDeliveryError";
  }
}

const isWrite = (method: string) => method === "POST" || method === "PUT";

export function createGuardedHttpClient(fetchImpl: typeof fetch = fetch) {
  return {
    async sendRequest(request: WebResourceLike) {
      const headers: Record<string, string> = {};
      for (const header of request.headers.headersArray()) headers[header.name] = header.value;
      let response: Response;
      try {
        response = await fetchImpl(request.url, {
          method: request.method,
          headers,
          ...(request.body !== undefined && request.body !== null ? { body: request.body as string } : {}),
          signal: AbortSignal.timeout(request.timeout || DEFAULT_TIMEOUT_MS),
        });
      } catch (error) {
        const code = (error as { cause?: { code?: string } }).cause?.code;
        if (code && NOTHING_SENT.has(code)) throw Object.assign(new Error(`connection failed: ${code}`), { code });
        if (isWrite(request.method)) throw new UncertainDeliveryError(undefined);
        throw Object.assign(new Error("request failed"), { code: "ECONNRESET" });
      }
      if (isWrite(request.method) && response.status >= 500) throw new UncertainDeliveryError(response.status);
      const responseHeaders = createHttpHeaders();
      response.headers.forEach((value, name) => responseHeaders.set(name, value));
      return { request, status: response.status, headers: toHttpHeadersLike(responseHeaders), bodyAsText: await response.text() };
    },
  };
}

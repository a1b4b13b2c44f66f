// What the HTTP edge does with a request it cannot use: a clear 4xx and one log line with a code,
// never the request's content. Express's own fallbacks print an error's message and stack to
// stderr, and a JSON parse error's message quotes the body: a pupil's name or a note would end up
// in the logs before anyone was authenticated.
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import type { Logger } from "../logger.js";

const BODY_LIMIT = "1mb";

/**
 * An error that is the request's fault: body-parser's (with its `type`), or the router's (a path
 * that is not valid percent-encoding is a URIError with status 400).
 */
function bodyErrorStatus(error: unknown): { status: number; code: string } | null {
  const e = error as { type?: unknown; status?: unknown; statusCode?: unknown };
  const status = typeof e?.status === "number" ? e.status : typeof e?.statusCode === "number" ? e.statusCode : null;
  if (status === null || status < 400 || status >= 500) return null;
  return { status, code: typeof e.type === "string" ? e.type : error instanceof URIError ? "malformed_path" : "bad_request" };
}

/**
 * express.json() whose failures answer 400/413/415 with a fixed text and log only a code. A body
 * that is not a JSON object (an array, a number) is refused too: every endpoint expects an object.
 */
export function jsonBody(logger: Logger, route: string): RequestHandler {
  const parse = express.json({ limit: BODY_LIMIT });
  return (req, res, next) => {
    // A body of another type (text/plain, a form) would be left unparsed and refused as "not an object".
    if (req.is("application/json") === false) {
      logger.info({ route, code: "unsupported_media_type" }, "request body refused");
      res.status(415).json({ error: "Content-Type must be application/json" });
      return;
    }
    parse(req, res, (error?: unknown) => {
      if (error) {
        const known = bodyErrorStatus(error);
        logger.info({ route, code: known?.code ?? "body_unreadable" }, "request body refused");
        const message =
          known?.status === 413
            ? "request body too large"
            : known?.code === "charset.unsupported"
              ? "unsupported charset: send UTF-8 JSON"
              : known?.code === "encoding.unsupported"
                ? "unsupported Content-Encoding"
                : "request body is not valid JSON";
        res.status(known?.status ?? 400).json({ error: message });
        return;
      }
      if (typeof req.body !== "object" || req.body === null || Array.isArray(req.body)) {
        logger.info({ route, code: "body_not_object" }, "request body refused");
        res.status(400).json({ error: "request body must be a JSON object" });
        return;
      }
      next();
    });
  };
}

/** The routes of an Express app as its router holds them (Express 5: `app.router`). */
interface RouterLayer {
  route?: { methods: Record<string, boolean> };
  match(path: string): unknown;
}

/**
 * After every route: a path the server serves, asked with another method, gets 405 with `Allow`;
 * any other path a JSON 404. Express's own answer is an HTML page that echoes the path.
 */
export function unmatchedRequests(http: Express): RequestHandler {
  return (req, res) => {
    const stack = (http as unknown as { router?: { stack?: RouterLayer[] } }).router?.stack ?? [];
    const allowed = new Set<string>();
    for (const layer of stack) {
      if (!layer.route || !layer.match(req.path)) continue;
      for (const method of Object.keys(layer.route.methods)) if (method !== "_all") allowed.add(method.toUpperCase());
    }
    if (allowed.has("GET")) allowed.add("HEAD");
    if (allowed.size === 0) {
      res.status(404).json({ error: "not found" });
      return;
    }
    const allow = [...allowed].sort().join(", ");
    // OPTIONS asks which methods a path takes: that is the answer, not a mistake.
    if (req.method === "OPTIONS") {
      res.status(204).set("Allow", `${allow}, OPTIONS`).end();
      return;
    }
    res
      .status(405)
      .set("Allow", allow)
      .json({ error: `method not allowed here; allowed: ${allow}` });
  };
}

/**
 * The last error handler of the server: anything a route let through is logged with the safe
 * serializer (type, code, stack frames; no message) and answered without internal text.
 */
export function safeErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = bodyErrorStatus(error);
    if (known) logger.info({ route: req.path, code: known.code }, "request refused");
    else logger.error({ route: req.path, err: error }, "request failed");
    if (res.headersSent) return;
    res.status(known?.status ?? 500).json({ error: known ? "bad request" : "internal error" });
  };
}

// GET /metrics in the Prometheus text format. With METRICS_TOKEN set, a scrape must send
// `Authorization: Bearer <token>`; without it the endpoint is open, for a network where only the
// monitoring system reaches the service (docs/operations.md).
import { createHash, timingSafeEqual } from "node:crypto";
import type { Express } from "express";
import type { Logger } from "../logger.js";
import type { Metrics } from "./metrics.js";

// Hashing both sides gives equal lengths, which timingSafeEqual needs, without leaking the length.
const digest = (value: string) => createHash("sha256").update(value).digest();

function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return Boolean(match) && timingSafeEqual(digest(match![1]!), digest(token));
}

export function mountMetrics(http: Express, metrics: Metrics, logger: Logger, token?: string): void {
  http.get("/metrics", async (req, res) => {
    if (token && !bearerMatches(req.get("authorization"), token)) {
      res.status(401).set("WWW-Authenticate", 'Bearer realm="metrics"').type("text/plain").send("The metrics need a bearer token (METRICS_TOKEN).\n");
      return;
    }
    try {
      const body = await metrics.render();
      res.status(200).set("Content-Type", metrics.contentType).set("Cache-Control", "no-store").send(body);
    } catch (error) {
      logger.error({ err: error, component: "metrics" }, "metrics could not be rendered");
      res.status(500).type("text/plain").send("The metrics could not be rendered; see the service log.\n");
    }
  });
}

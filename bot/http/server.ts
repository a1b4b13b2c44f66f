// The one HTTP server. Channel adapters mount their routes on it; the core adds health checks.
import express, { type Express } from "express";
import type { Db } from "../db/client.js";
import type { Logger } from "../logger.js";
import { readFileLink } from "../proactive/file-links.js";
import { attachmentBytes, isBase64 } from "../exports/attachment.js";
import { translate } from "../i18n/translate.js";

/** Readiness waits at most this long for the database before answering 503. */
const READINESS_TIMEOUT_MS = 2000;

export interface HttpDeps {
  db: Db;
  logger: Logger;
}

async function databaseAnswers(db: Db): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), READINESS_TIMEOUT_MS).unref());
  // Reading a real table proves more than SELECT 1: the file or server is there and migrated.
  const query = db.school.findFirst({ select: { id: true } }).then(
    () => true,
    () => false,
  );
  return Promise.race([query, timeout]);
}

export function createHttpApp({ db, logger }: HttpDeps): Express {
  const app = express();
  app.disable("x-powered-by");

  // Liveness: the process is up and serving HTTP. Never touches dependencies.
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });

  // Readiness: able to do real work, which needs the database.
  app.get("/readyz", async (_req, res) => {
    const ok = await databaseAnswers(db);
    if (!ok) logger.warn({ check: "database" }, "readiness check failed");
    res.status(ok ? 200 : 503).json({ status: ok ? "ready" : "unavailable", database: ok ? "ok" : "unreachable" });
  });

  // Files the bot offered (exports), by unguessable short-lived link. Served inert: no scripts.
  app.get("/files/:token", async (req, res) => {
    const file = await readFileLink(db, req.params.token);
    if (!file) {
      // The reader is unknown here: her browser's language decides, Dutch by default.
      const locale = req.acceptsLanguages("nl", "en") === "en" ? "en" : "nl";
      res.status(404).type("text/plain").set("Content-Language", locale).send(translate(locale, "file.expired"));
      return;
    }
    res
      .set({
        "Content-Type": isBase64(file.contentType) ? file.contentType : `${file.contentType}; charset=utf-8`,
        "Content-Disposition": `inline; filename="${file.filename.replace(/[^\w.-]/g, "_")}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        "Referrer-Policy": "no-referrer",
      })
      .send(attachmentBytes(file));
  });

  return app;
}

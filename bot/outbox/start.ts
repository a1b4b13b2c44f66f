// The one call the composition root makes: start delivering the outbox on this instance.
import type { Db } from "../db/client.js";
import type { Logger } from "../logger.js";
import type { ProactiveSender } from "../proactive/send.js";
import { createOutboxWorker, type OutboxRenderer, type OutboxWorker, type OutboxWorkerOptions } from "./worker.js";

export interface StartOutboxOptions extends Partial<Omit<OutboxWorkerOptions, "db" | "proactive" | "logger" | "renderers">> {
  db: Db;
  proactive: ProactiveSender;
  logger: Logger;
  /** Renderers per message kind (the undeliverable report's is built in). */
  renderers: Record<string, OutboxRenderer>;
}

/** Creates the worker and starts its cron ticks; await `stop()` before closing the database. */
export function startOutbox(options: StartOutboxOptions): OutboxWorker {
  const worker = createOutboxWorker(options);
  worker.start();
  options.logger.info({ component: "outbox", workerId: worker.workerId, kinds: Object.keys(options.renderers) }, "outbox worker started");
  return worker;
}

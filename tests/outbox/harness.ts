// Delivers a batch of reminders with N separate instance processes (bench/outbox-instance.ts)
// on one database, through the fake Teams connector, and counts at the connector: duplicates
// and losses by idempotency key, and the achieved send rate. Used by the multi-instance test
// and by `npm run bench:reminders`.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import type { Db } from "../../bot/db/client.js";
import type { FakeConnector } from "../support/fake-connector.js";
import { conversationOf, seedSchool } from "./support.js";

export interface DeliveryRun {
  databaseUrl: string;
  db: Db;
  connector: FakeConnector;
  instances: number;
  messages: number;
  tenants: number;
  /** Teachers whose bot was removed (403). */
  blocked?: number;
  /** A 429 storm on every write once this many reminders were delivered. */
  storm?: { afterDelivered: number; ms: number; retryAfterSeconds: number };
  timeoutMs: number;
  /** Per-instance sends in flight. */
  concurrency?: number;
  /** How long reports to admins wait to be folded into one (the worker's reportDelayMs). */
  reportDelayMs?: number;
}

export interface DeliveryResult {
  expected: number;
  delivered: number;
  duplicates: number;
  lost: number;
  dead: number;
  reportsSent: number;
  /** Reports taken into another report to the same admin. */
  reportsFolded: number;
  deadUnreported: number;
  statuses: Record<string, number>;
  /** First to last accepted reminder at the connector. */
  elapsedMs: number;
  achievedPerSecond: number;
  allowedPerSecond: number;
  throttled: number;
  /** Instances that delivered at least one reminder. */
  deliveringInstances: number;
  /** Creating the school, its staff and the queued reminders. */
  seedMs: number;
  /** Starting the instance processes, until each one delivers. */
  startMs: number;
  /** From the instances' start until nothing is pending or sending (reports included). */
  drainMs: number;
}

export function startInstance(
  databaseUrl: string,
  workerId: string,
  run: Pick<DeliveryRun, "concurrency" | "reportDelayMs"> & { clockStart?: Date },
): Promise<ChildProcess> {
  // OUTBOX_INSTANCE_NODE_ARGS: extra node flags for the instances (e.g. --cpu-prof, to profile).
  const extra = (process.env.OUTBOX_INSTANCE_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...extra, "--import", "tsx", "bench/outbox-instance.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      OUTBOX_WORKER_ID: workerId,
      OUTBOX_INTERVAL_SECONDS: "1",
      LOG_LEVEL: "error",
      ...(run.concurrency ? { OUTBOX_CONCURRENCY: String(run.concurrency) } : {}),
      ...(run.reportDelayMs !== undefined ? { OUTBOX_REPORT_DELAY_MS: String(run.reportDelayMs) } : {}),
      ...(run.clockStart ? { OUTBOX_CLOCK_START: run.clockStart.toISOString() } : {}),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      if (line.includes('"ready":true')) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`instance ${workerId} exited with ${code}`)));
  });
}

export async function stopInstance(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runDelivery(run: DeliveryRun): Promise<DeliveryResult> {
  const { db, connector } = run;
  const seedStarted = Date.now();
  const school = await seedSchool(db, { teachers: run.messages, admins: 2, tenants: run.tenants, connectorUrl: run.connector.url });
  const blocked = new Set(school.teacherIds.slice(0, run.blocked ?? 0));
  for (const staffId of blocked) connector.block(conversationOf(staffId), 403);
  const now = new Date();
  const keyOf = (staffId: string) => `reminder:${school.schoolId}:${staffId}`;
  const rows = school.teacherIds.map((staffId) => ({
    schoolId: school.schoolId,
    recipientStaffId: staffId,
    kind: "reminder",
    payload: "{}",
    dueAt: now,
    idempotencyKey: keyOf(staffId),
  }));
  for (let i = 0; i < rows.length; i += 1000) await db.outboxMessage.createMany({ data: rows.slice(i, i + 1000) });

  const seedMs = Date.now() - seedStarted;
  const prefix = `run-${school.schoolId.slice(-6)}`;
  const spawnStarted = Date.now();
  const children = await Promise.all(Array.from({ length: run.instances }, (_, i) => startInstance(run.databaseUrl, `${prefix}-${i}`, run)));
  const startMs = Date.now() - spawnStarted;
  const deadline = Date.now() + run.timeoutMs;
  const drainStarted = Date.now();
  let drainMs = 0;
  let stormed = false;
  try {
    for (;;) {
      if (run.storm && !stormed && connector.deliveries.size >= run.storm.afterDelivered) {
        connector.storm(run.storm.ms, run.storm.retryAfterSeconds);
        stormed = true;
      }
      const open = await db.outboxMessage.count({ where: { schoolId: school.schoolId, status: { in: ["pending", "sending"] } } });
      if (open === 0) {
        drainMs = Date.now() - drainStarted;
        break;
      }
      if (Date.now() > deadline) break;
      await sleep(250);
    }
  } finally {
    await Promise.all(children.map(stopInstance));
  }

  const expectedKeys = school.teacherIds.filter((id) => !blocked.has(id)).map(keyOf);
  const reminderKeys = new Set(school.teacherIds.map(keyOf));
  const times = connector.activities.filter((a) => a.idempotencyKey && reminderKeys.has(a.idempotencyKey)).map((a) => a.at);
  const first = Math.min(...times);
  const last = Math.max(...times);
  const grouped = await db.outboxMessage.groupBy({ by: ["status"], where: { schoolId: school.schoolId }, _count: { _all: true } });
  const statuses = Object.fromEntries(grouped.map((g) => [g.status, g._count._all]));
  const sentOwners = await db.outboxMessage.findMany({ where: { schoolId: school.schoolId, kind: "reminder", status: "sent" }, select: { leaseOwner: true } });
  const instances = new Set(sentOwners.map((r) => (r.leaseOwner ?? "").split(":")[0]));
  const elapsedMs = last - first;
  return {
    expected: expectedKeys.length,
    delivered: expectedKeys.filter((k) => connector.deliveries.has(k)).length,
    duplicates: [...reminderKeys].filter((k) => (connector.deliveries.get(k) ?? 0) > 1).length,
    lost: expectedKeys.filter((k) => !connector.deliveries.has(k)).length,
    dead: await db.outboxMessage.count({ where: { schoolId: school.schoolId, kind: "reminder", status: "dead" } }),
    reportsSent: await db.outboxMessage.count({ where: { schoolId: school.schoolId, kind: "undeliverable_report", status: "sent" } }),
    reportsFolded: await db.outboxMessage.count({
      where: { schoolId: school.schoolId, kind: "undeliverable_report", status: "cancelled", lastError: { startsWith: "folded:" } },
    }),
    deadUnreported: await db.outboxMessage.count({ where: { schoolId: school.schoolId, kind: "reminder", status: "dead", reportedAt: null } }),
    statuses,
    elapsedMs,
    achievedPerSecond: elapsedMs > 0 ? ((times.length - 1) * 1000) / elapsedMs : 0,
    allowedPerSecond: 50 * run.tenants,
    throttled: connector.statusCounts.get(429) ?? 0,
    deliveringInstances: instances.size,
    seedMs,
    startMs,
    drainMs,
  };
}

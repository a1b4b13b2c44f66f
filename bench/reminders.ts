// `npm run bench:reminders`: 10,000 reminders to distinct teachers through the outbox, sent by
// one and then by two instance processes (bench/outbox-instance.ts) on one PostgreSQL, to the
// fake Teams connector that enforces Teams' documented limits (50 requests/s per app per
// tenant, 7/s per conversation) and answers 429 + Retry-After beyond them. Prints the achieved
// send rate against the allowed rate, with duplicates and losses counted at the connector by
// idempotency key. Figures, not a test. Env: BENCH_MESSAGES (10000), BENCH_TENANTS (1),
// BENCH_INSTANCES ("1,2"), BENCH_CONCURRENCY (the worker's default).
import pg from "pg";
import { migrateDatabase } from "../bot/db/migrate.js";
import { openDatabase } from "../bot/db/client.js";
import { FakeConnector } from "../tests/support/fake-connector.js";
import { findPostgresBinDir, startThrowawayPostgres } from "../tests/support/postgres-server.js";
import { runDelivery, type DeliveryResult } from "../tests/outbox/harness.js";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 1);
const INSTANCES = (process.env.BENCH_INSTANCES ?? "1,2").split(",").map(Number);
const CONCURRENCY = process.env.BENCH_CONCURRENCY ? Number(process.env.BENCH_CONCURRENCY) : undefined;

async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const bin = findPostgresBinDir();
if (!bin && !process.env.TEST_POSTGRES_URL) {
  console.error("bench:reminders needs PostgreSQL (apt-get install postgresql) or TEST_POSTGRES_URL");
  process.exit(1);
}
const server = process.env.TEST_POSTGRES_URL ? null : await startThrowawayPostgres(bin!);
const adminUrl = process.env.TEST_POSTGRES_URL ?? server!.url;
const results: { instances: number; result: DeliveryResult; totalMs: number }[] = [];
try {
  for (const instances of INSTANCES) {
    const url = await freshDatabase(adminUrl, `gw_bench_reminders_${instances}`);
    await migrateDatabase(url);
    const database = await openDatabase(url);
    const connector = new FakeConnector();
    await connector.start();
    connector.enforceLimits = true;
    const started = Date.now();
    try {
      const result = await runDelivery({
        databaseUrl: url,
        db: database.db,
        connector,
        instances,
        messages: MESSAGES,
        tenants: TENANTS,
        timeoutMs: 15 * 60_000,
        ...(CONCURRENCY ? { concurrency: CONCURRENCY } : {}),
      });
      results.push({ instances, result, totalMs: Date.now() - started });
      console.error(`${instances} instance(s): ${JSON.stringify(result)}`);
    } finally {
      await connector.stop();
      await database.close();
    }
  }
} finally {
  server?.stop();
}

console.log(
  `${MESSAGES} reminders to distinct teachers over ${TENANTS} tenant(s); allowed rate ${50 * TENANTS}/s (Teams: 50 requests/s per app per tenant).\n`,
);
console.log("| instances | allowed/s | achieved/s | achieved ÷ allowed | duplicates | losses | 429s seen | delivery time |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
for (const { instances, result } of results) {
  console.log(
    `| ${instances} | ${result.allowedPerSecond} | ${result.achievedPerSecond.toFixed(1)} | ${(result.achievedPerSecond / result.allowedPerSecond).toFixed(3)} | ${result.duplicates} | ${result.lost} | ${result.throttled} | ${(result.elapsedMs / 1000).toFixed(1)} s |`,
  );
}

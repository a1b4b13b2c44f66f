// `npm run bench:burst`: a school board's Monday 08:30 burst. Per school 33 staff, each with one
// Teams conversation, all schools in one tenant (the board's), and about 72 reminders a school
// due at the same moment. The instances' clock starts at Monday 08:30, and each row passes the
// scheduler's own checks (school hours, working days, mute and snooze) before it is sent. Instance processes (bench/outbox-instance.ts: the real worker, the real
// Teams sender on botbuilder) drain them over HTTP into the fake Teams connector, which enforces
// Teams' limits (50/s per tenant; 7/s, 8/2 s, 60/30 s per conversation) with 429 + Retry-After.
// On SQLite with one instance, on PostgreSQL with one and two. Duplicates and losses are counted
// at the connector by idempotency key. The 1-school size is the baseline. Figures, not a test.
// Env: BENCH_SCHOOLS ("1,10,40"), BENCH_DB ("sqlite,postgresql"), BENCH_INSTANCES ("1,2", PostgreSQL),
// BENCH_TENANTS=school (a tenant per school: the worker's own pace), BENCH_CONCURRENCY (the worker's lanes).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Db } from "../bot/db/client.js";
import { migrateDatabase } from "../bot/db/migrate.js";
import { FakeConnector } from "../tests/support/fake-connector.js";
import { findPostgresBinDir, startThrowawayPostgres } from "../tests/support/postgres-server.js";
import { seedSchool } from "../tests/outbox/support.js";
import { startInstance, stopInstance } from "../tests/outbox/harness.js";

const SCHOOLS = (process.env.BENCH_SCHOOLS ?? "1,10,40").split(",").map(Number);
const DATABASES = (process.env.BENCH_DB ?? "sqlite,postgresql").split(",");
const PG_INSTANCES = (process.env.BENCH_INSTANCES ?? "1,2").split(",").map(Number);
/** BENCH_TENANTS=school: a tenant per school (allowed 50/s each) instead of the board's one, to see the worker's own pace. */
const TENANT_PER_SCHOOL = process.env.BENCH_TENANTS === "school";
const STAFF_PER_SCHOOL = 33;
const MESSAGES_PER_SCHOOL = 72;
/** Teams: 50 requests per second per app per tenant; the board is one tenant. */
const ALLOWED_PER_SECOND = 50;
const TIMEOUT_MS = 10 * 60_000;
/** Monday 08:30 in Amsterdam: the instances' clock starts here, so school hours are open. */
const MONDAY_0830 = new Date("2027-03-15T07:30:00Z");

interface Figures {
  database: string;
  instances: number;
  schools: number;
  messages: number;
  allowed: number;
  drainMs: number;
  perSecond: number;
  throttled: number;
  duplicates: number;
  lost: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every school's staff and its 08:30 reminders, due now; returns the idempotency keys. */
async function seedBurst(db: Db, schools: number, connectorUrl: string): Promise<string[]> {
  const keys: string[] = [];
  for (let s = 0; s < schools; s++) {
    const school = await seedSchool(db, {
      teachers: STAFF_PER_SCHOOL - 1,
      admins: 1,
      tenants: 1,
      connectorUrl,
      ...(TENANT_PER_SCHOOL ? { tenantOffset: s } : {}),
    });
    const staff = [...school.teacherIds, ...school.adminIds];
    const rows = Array.from({ length: MESSAGES_PER_SCHOOL }, (_, i) => ({
      schoolId: school.schoolId,
      recipientStaffId: staff[i % staff.length]!,
      kind: "plan_nudge",
      payload: "{}",
      dueAt: MONDAY_0830,
      idempotencyKey: `burst:${school.schoolId}:${i}`,
    }));
    await db.outboxMessage.createMany({ data: rows });
    keys.push(...rows.map((r) => r.idempotencyKey));
  }
  return keys;
}

async function runBurst(url: string, database: string, instances: number, schools: number): Promise<Figures> {
  await migrateDatabase(url);
  const { db, close } = await openDatabase(url);
  const connector = new FakeConnector();
  await connector.start();
  connector.enforceLimits = true;
  try {
    const keys = await seedBurst(db, schools, connector.url);
    const children = await Promise.all(
      Array.from({ length: instances }, (_, i) =>
        startInstance(url, `burst-${i}`, {
          clockStart: MONDAY_0830,
          ...(process.env.BENCH_CONCURRENCY ? { concurrency: Number(process.env.BENCH_CONCURRENCY) } : {}),
        }),
      ),
    );
    const started = Date.now();
    let drainMs = Number.NaN;
    try {
      while (Date.now() - started < TIMEOUT_MS) {
        if ((await db.outboxMessage.count({ where: { status: { in: ["pending", "sending"] } } })) === 0) {
          drainMs = Date.now() - started;
          break;
        }
        await sleep(100);
      }
    } finally {
      await Promise.all(children.map(stopInstance));
    }
    const times = connector.activities.map((a) => a.at);
    const span = Math.max(...times) - Math.min(...times);
    return {
      database,
      instances,
      schools,
      messages: keys.length,
      allowed: ALLOWED_PER_SECOND * (TENANT_PER_SCHOOL ? schools : 1),
      drainMs,
      // First to last accepted send at the connector: the instances' start-up is not the platform's rate.
      perSecond: span > 0 ? ((times.length - 1) * 1000) / span : 0,
      throttled: connector.statusCounts.get(429) ?? 0,
      duplicates: keys.filter((k) => (connector.deliveries.get(k) ?? 0) > 1).length,
      lost: keys.filter((k) => !connector.deliveries.has(k)).length,
    };
  } finally {
    await connector.stop();
    await close();
  }
}

async function freshPostgres(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const results: Figures[] = [];
const report = (f: Figures) => {
  results.push(f);
  console.error(`${f.database} ×${f.instances}, ${f.schools} school(s): ${JSON.stringify(f)}`);
};

if (DATABASES.includes("sqlite")) {
  const dir = mkdtempSync(path.join(tmpdir(), "gw-bench-burst-"));
  try {
    for (const schools of SCHOOLS) report(await runBurst(`file:${path.join(dir, `burst-${schools}.db`)}`, "SQLite", 1, schools));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (DATABASES.includes("postgresql")) {
  const bin = findPostgresBinDir();
  if (!bin && !process.env.TEST_POSTGRES_URL) {
    console.error("PostgreSQL skipped: apt-get install postgresql, or set TEST_POSTGRES_URL");
  } else {
    const server = process.env.TEST_POSTGRES_URL ? null : await startThrowawayPostgres(bin!);
    try {
      for (const instances of PG_INSTANCES) {
        for (const schools of SCHOOLS) {
          const url = await freshPostgres(process.env.TEST_POSTGRES_URL ?? server!.url, `gw_bench_burst_${instances}_${schools}`);
          report(await runBurst(url, "PostgreSQL", instances, schools));
        }
      }
    } finally {
      server?.stop();
    }
  }
}

console.log(
  `08:30 burst: ${MESSAGES_PER_SCHOOL} reminders per school to ${STAFF_PER_SCHOOL} staff (one Teams conversation each), ${TENANT_PER_SCHOOL ? "a tenant per school" : "all schools in one tenant"};` +
    ` allowed ${ALLOWED_PER_SECOND}/s per tenant. Drain = instances started → nothing pending; rate = first to last accepted send.\n`,
);
console.log("| database | instances | schools | messages | allowed | drain | rate | rate ÷ allowed | 429s | duplicates | losses |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const f of results) {
  console.log(
    `| ${f.database} | ${f.instances} | ${f.schools} | ${f.messages} | ${f.allowed}/s | ${(f.drainMs / 1000).toFixed(1)} s | ${f.perSecond.toFixed(1)}/s | ${(f.perSecond / f.allowed).toFixed(3)} | ${f.throttled} | ${f.duplicates} | ${f.lost} |`,
  );
}

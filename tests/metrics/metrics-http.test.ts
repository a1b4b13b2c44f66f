// GET /metrics over real HTTP after real Teams turns and real outbox sends: the counts move, the
// outbox gauges read the database, the token is enforced, and no label carries personal data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector } from "../support/fake-connector.js";
import { TeamsDriver } from "../support/teams-driver.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { testProvider } from "../support/test-db.js";
import { cutOffDatabase } from "../support/postgres-server.js";
import { createOutboxWorker } from "../../bot/outbox/worker.js";
import { createLogger } from "../../bot/logger.js";
import { loadConfig } from "../../bot/config.js";
import { ConfigError } from "../../bot/errors.js";

const TENANT = "11111111-2222-3333-4444-555555555555";
const ALEX = { aad: "aaaaaaaa-0000-0000-0000-000000000001", name: "Alex Wilber", email: "alex@school.example" };
const STRANGER = { aad: "aaaaaaaa-0000-0000-0000-000000000009", name: "Iemand Anders", email: "iemand@elders.example" };
const TOKEN = "metrics-test-token-0123456789";
type User = typeof ALEX;

let app: TestApp & { databaseUrl: string };
let schoolId: string;
let alexId: string;
const connector = new FakeConnector();

beforeAll(async () => {
  await connector.start();
  for (const u of [ALEX, STRANGER])
    connector.members.set(`29:${u.aad}`, { id: `29:${u.aad}`, name: u.name, aadObjectId: u.aad, email: u.email, userPrincipalName: u.email });
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true", METRICS_TOKEN: TOKEN });
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Metriekschool", teamsTenantIds: [TENANT] },
    schoolYear: "2026-2027",
    staff: [{ email: ALEX.email, name: ALEX.name, roles: ["teacher"], teamsAadObjectId: ALEX.aad }],
    groups: [{ name: "groep 5", teachers: [{ email: ALEX.email }] }],
  });
  schoolId = setup.schoolId;
  alexId = (await app.database.db.staff.findFirstOrThrow({ where: { email: ALEX.email } })).id;
  const group = await app.database.db.group.findFirstOrThrow({ where: { schoolId } });
  await app.database.db.pupil.create({ data: { schoolId, groupId: group.id, externalId: "1", firstName: "Sam", lastName: "de Boer" } });
});
afterAll(async () => {
  await app?.stop();
  await connector.stop();
});

async function say(user: User, text: string): Promise<void> {
  await new TeamsDriver(app, connector, TENANT).say(user, text);
}

/** null: no Authorization header at all. */
async function scrape(token: string | null = TOKEN): Promise<Response> {
  return fetch(`${app.baseUrl}/metrics`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
}

/** The value of one series in the exposition, e.g. value(body, 'gesprekswijzer_outbox_depth'). */
function value(body: string, series: string): number | undefined {
  const line = body.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

function addMessage(status: string, dueAt: Date, key: string) {
  return app.database.db.outboxMessage.create({
    data: { schoolId, recipientStaffId: alexId, kind: "metrics_test", payload: "{}", dueAt, idempotencyKey: key, status },
  });
}

describe(`GET /metrics on ${testProvider()}`, () => {
  it("asks for the bearer token when METRICS_TOKEN is set", async () => {
    const without = await scrape(null);
    expect(without.status).toBe(401);
    expect(without.headers.get("www-authenticate")).toContain("Bearer");
    expect((await scrape("wrong-token-wrong-token")).status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/plain");
  });

  it("counts turns by route and outcome, and times them", async () => {
    // Counters live as long as the app: this test counts what its own turns add.
    const before = await (await scrape()).text();
    const added = (body: string, series: string) => (value(body, series) ?? 0) - (value(before, series) ?? 0);
    await say(ALEX, "help");
    await say(ALEX, "help");
    await say(ALEX, "leerling Sam");
    await say(STRANGER, "help");
    const body = await (await scrape()).text();
    expect(added(body, 'gesprekswijzer_turns_total{channel="teams",route="help",outcome="ok"}')).toBe(2);
    expect(added(body, 'gesprekswijzer_turns_total{channel="teams",route="pupil",outcome="ok"}')).toBe(1);
    expect(added(body, 'gesprekswijzer_turns_total{channel="teams",route="none",outcome="unknown_user"}')).toBe(1);
    expect(added(body, 'gesprekswijzer_turn_duration_seconds_count{channel="teams"}')).toBe(4);
    expect(added(body, 'gesprekswijzer_turn_duration_seconds_bucket{le="+Inf",channel="teams"}')).toBe(4);
  });

  it("reads the outbox depth, the oldest due message's age and the failures from the database", async () => {
    await app.database.db.outboxMessage.deleteMany({});
    const now = Date.now();
    await addMessage("pending", new Date(now - 120_000), "m-due");
    await addMessage("pending", new Date(now + 3_600_000), "m-later");
    await addMessage("dead", new Date(now - 60_000), "m-dead");
    await addMessage("uncertain", new Date(now - 60_000), "m-uncertain");
    const body = await (await scrape()).text();
    expect(value(body, "gesprekswijzer_outbox_depth")).toBe(2);
    expect(value(body, "gesprekswijzer_outbox_oldest_due_age_seconds")).toBeGreaterThanOrEqual(120);
    expect(value(body, "gesprekswijzer_outbox_oldest_due_age_seconds")).toBeLessThan(3600);
    expect(value(body, 'gesprekswijzer_outbox_messages{status="dead"}')).toBe(1);
    expect(value(body, 'gesprekswijzer_outbox_messages{status="uncertain"}')).toBe(1);
    expect(value(body, 'gesprekswijzer_outbox_messages{status="sent"}')).toBe(0);
    expect(value(body, "gesprekswijzer_outbox_unreported_failures")).toBe(2);
  });

  it("counts sends by channel and status, through the worker's hook as the app wires it", async () => {
    // A worker on the app's own proactive sender (Teams, to the fake connector) for a message kind
    // of its own; the scheduler's worker is off in tests (SCHEDULER=false).
    await say(ALEX, "help"); // Alex's Teams address, which a send needs
    await app.database.db.outboxMessage.deleteMany({});
    await addMessage("pending", new Date(Date.now() - 60_000), "m-send-due");
    await addMessage("pending", new Date(Date.now() + 3_600_000), "m-send-later");
    const before = await (await scrape()).text();
    const worker = createOutboxWorker({
      db: app.database.db,
      proactive: app.core.proactive,
      logger: createLogger("silent"),
      renderers: { metrics_test: async () => [{ text: "Een herinnering" }] },
      onSend: app.metrics.observeSend,
    });
    const result = await worker.tick();
    expect(result.sent).toBe(1); // the one due pending message; the later one waits
    const body = await (await scrape()).text();
    expect(
      (value(body, 'gesprekswijzer_sends_total{channel="teams",status="sent"}') ?? 0) -
        (value(before, 'gesprekswijzer_sends_total{channel="teams",status="sent"}') ?? 0),
    ).toBe(1);
    expect(value(body, 'gesprekswijzer_outbox_messages{status="sent"}')).toBe(1);
    expect(value(body, "gesprekswijzer_outbox_depth")).toBe(1);
  });

  it("has no personal data in any label", async () => {
    await say(ALEX, "leerling Sam");
    await say(STRANGER, "help");
    const body = await (await scrape()).text();
    const labelValues = [...body.matchAll(/\{([^}]*)\}/g)].flatMap((m) => [...m[1]!.matchAll(/="([^"]*)"/g)].map((v) => v[1]!));
    expect(labelValues.length).toBeGreaterThan(10);
    const personal = [alexId, schoolId, ALEX.aad, ALEX.email, STRANGER.aad, STRANGER.email, TENANT, "Alex", "Wilber", "Sam", "Boer", "Iemand", "Metriekschool"];
    for (const needle of personal) expect(body).not.toContain(needle);
    for (const label of labelValues) expect(label).toMatch(/^[a-zA-Z0-9_.+-]*$/);
  });

  // A file opened in-process does not go away; a PostgreSQL server does (restart, failover).
  it.runIf(testProvider() === "postgresql")("counts database errors of turns and of the scrape itself, and still answers", async () => {
    const reconnect = await cutOffDatabase(app.databaseUrl);
    try {
      await say(ALEX, "help");
      const res = await scrape();
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(value(body, 'gesprekswijzer_database_errors_total{source="turn"}')).toBeGreaterThanOrEqual(1);
      expect(value(body, 'gesprekswijzer_database_errors_total{source="metrics"}')).toBeGreaterThanOrEqual(1);
      expect(value(body, 'gesprekswijzer_turns_total{channel="teams",route="none",outcome="internal"}')).toBeGreaterThanOrEqual(1);
    } finally {
      await reconnect();
    }
  });
});

describe("METRICS_TOKEN", () => {
  it("is refused when too short, named, and never echoed", () => {
    let error: unknown;
    try {
      loadConfig({ METRICS_TOKEN: "short" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain("METRICS_TOKEN");
    expect((error as Error).message).not.toContain('short"');
  });
});

// PostgreSQL drops idle connections now and then (a restart, a failover, an administrator): the
// service must neither crash on the error nor fail the next turn.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeSchool } from "../support/fixtures.js";
import { loadActor } from "../../bot/auth/actor.js";
import { makeStaff } from "../support/fixtures.js";

const onPostgres = testProvider() === "postgresql";
let t: TestDatabase;
beforeAll(async () => {
  if (onPostgres) t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

describe.runIf(onPostgres)("a dropped PostgreSQL connection", () => {
  it("is replaced on the next query, without an unhandled error", async () => {
    const school = await makeSchool(t.db);
    const staff = await makeStaff(t.db, school.id);
    await loadActor(t.db, staff.id); // warms the pool behind the plain-SQL path
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    const { rowCount } = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    await admin.end();
    expect(rowCount).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    const actor = await loadActor(t.db, staff.id);
    expect(actor.staffId).toBe(staff.id);
    expect(await t.db.staff.count()).toBe(1);
  });
});

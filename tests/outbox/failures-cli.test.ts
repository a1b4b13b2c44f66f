// `npm run cli -- outbox-failures`: the operator's list of undelivered messages, from a real
// process on a real database. Ids, kinds and error codes only — never a message's content.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../bot/db/client.js";
import { migrateDatabase } from "../../bot/db/migrate.js";
import { createEmptyDatabaseUrl, testProvider } from "../support/test-db.js";
import { cliArgs } from "../support/target.js";

let url: string;
let drop: () => Promise<void>;
const CANARY = "Kanarie-leerling-Fenna";

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [...cliArgs(), ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(async () => {
  ({ url, drop } = await createEmptyDatabaseUrl());
  await migrateDatabase(url);
  const { db, close } = await openDatabase(url);
  const school = await db.school.create({ data: { name: "Failureschool" } });
  const base = { schoolId: school.id, kind: "prepare_reminder", payload: JSON.stringify({ note: CANARY }), dueAt: new Date("2026-11-23T07:30:00Z") };
  await db.outboxMessage.createMany({
    data: [
      { ...base, id: "msg-dead", recipientStaffId: "staff-1", idempotencyKey: "k1", status: "dead", attempts: 1, lastError: "blocked" },
      {
        ...base,
        id: "msg-uncertain",
        recipientStaffId: "staff-2",
        idempotencyKey: "k2",
        status: "uncertain",
        attempts: 1,
        lastError: "uncertain:502",
        reportedAt: new Date(),
      },
      { ...base, id: "msg-sent", recipientStaffId: "staff-3", idempotencyKey: "k3", status: "sent", attempts: 1 },
    ],
  });
  await close();
});
afterAll(async () => drop());

describe(`outbox-failures CLI on ${testProvider()}`, () => {
  it("lists dead and uncertain messages with ids and errors, and which were not reported", () => {
    const all = cli("outbox-failures");
    expect(all.code).toBe(0);
    expect(all.out).toContain("msg-dead\tdead\tprepare_reminder\tstaff-1\t1\tblocked");
    expect(all.out).toContain("NOT REPORTED");
    expect(all.out).toContain("msg-uncertain\tuncertain");
    expect(all.out).not.toContain("msg-sent");
    expect(all.out).toContain("2 undelivered, 1 not reported to an admin");
    expect(all.out + all.err).not.toContain(CANARY);

    const unreported = cli("outbox-failures", "--unreported");
    expect(unreported.out).toContain("msg-dead");
    expect(unreported.out).not.toContain("msg-uncertain");
    expect(cli("outbox-failures", "--school", "Failureschool").out).toContain("msg-dead");
    expect(cli("outbox-failures", "--school", "Nergens").code).toBe(1);
  });
});

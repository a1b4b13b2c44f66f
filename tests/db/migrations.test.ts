import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase, readMigrations } from "../../bot/db/migrate.js";
import { openDatabase } from "../../bot/db/client.js";
import { createEmptyDatabaseUrl, testProvider } from "../support/test-db.js";

describe(`migrations on ${testProvider()}`, () => {
  const drops: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });

  it("migrates an empty database and the client can use every table", async () => {
    const empty = await createEmptyDatabaseUrl();
    drops.push(empty.drop);
    const first = await migrateDatabase(empty.url);
    expect(first.applied).toEqual(readMigrations(testProvider()).map((m) => m.name));
    expect(first.applied.length).toBeGreaterThan(0);

    const { db, close } = await openDatabase(empty.url);
    try {
      const school = await db.school.create({ data: { name: "De Test" } });
      const group = await db.group.create({
        data: { schoolId: school.id, name: "groep 4/5", bouw: "middenbouw", yearLevels: "4,5", schoolYear: "2026-2027" },
      });
      await db.pupil.create({ data: { schoolId: school.id, externalId: "1", firstName: "A", lastName: "B", groupId: group.id } });
      expect(await db.pupil.count()).toBe(1);
      // Foreign keys are enforced on both databases.
      await expect(db.pupil.create({ data: { schoolId: "no-such-school", externalId: "2", firstName: "A", lastName: "B" } })).rejects.toThrow();
    } finally {
      await close();
    }
  });

  it("is idempotent and safe when two processes migrate at once", async () => {
    const empty = await createEmptyDatabaseUrl();
    drops.push(empty.drop);
    const results = await Promise.all([migrateDatabase(empty.url), migrateDatabase(empty.url)]);
    const appliedTotal = results.reduce((n, r) => n + r.applied.length, 0);
    expect(appliedTotal).toBe(readMigrations(testProvider()).length);
    const again = await migrateDatabase(empty.url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(readMigrations(testProvider()).length);
  });
});

describe(`data through migrations on ${testProvider()}`, () => {
  it("keeps every row when later migrations redefine tables", async () => {
    const empty = await createEmptyDatabaseUrl();
    const all = readMigrations(testProvider());
    await migrateDatabase(empty.url, { upTo: all[0]!.name });
    // Rows written with the first schema, through the raw driver (the client knows only the newest).
    const rows = [
      `INSERT INTO "School" (id, name, "updatedAt") VALUES ('s1', 'S', CURRENT_TIMESTAMP)`,
      `INSERT INTO "Staff" (id, "schoolId", email, "displayName", "updatedAt") VALUES ('t1', 's1', 't@x.example', 'T', CURRENT_TIMESTAMP)`,
      `INSERT INTO "Pupil" (id, "schoolId", "externalId", "firstName", "lastName", "updatedAt") VALUES ('p1', 's1', '1', 'A', 'B', CURRENT_TIMESTAMP)`,
      `INSERT INTO "Conversation" (id, "schoolId", "pupilId", "formatKey", "formatVersion", "createdById", "updatedAt") VALUES ('c1', 's1', 'p1', 'f', 1, 't1', CURRENT_TIMESTAMP)`,
      `INSERT INTO "ConversationTeacher" (id, "conversationId", "staffId") VALUES ('ct1', 'c1', 't1')`,
      `INSERT INTO "Goal" (id, "pupilId", "conversationId", "goalText", "createdById", "updatedAt") VALUES ('g1', 'p1', 'c1', 'x', 't1', CURRENT_TIMESTAMP)`,
    ];
    if (testProvider() === "sqlite") {
      const { default: Sqlite } = await import("better-sqlite3");
      const db = new Sqlite(empty.url.replace(/^file:/, ""));
      for (const sql of rows) db.exec(sql);
      db.close();
    } else {
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: empty.url });
      await client.connect();
      for (const sql of rows) await client.query(sql);
      await client.end();
    }
    await migrateDatabase(empty.url);
    const { db, close } = await openDatabase(empty.url);
    try {
      expect(await db.conversationTeacher.count()).toBe(1);
      expect((await db.goal.findUniqueOrThrow({ where: { id: "g1" } })).conversationId).toBe("c1");
      expect((await db.conversation.findUniqueOrThrow({ where: { id: "c1" } })).pupilId).toBe("p1");
    } finally {
      await close();
      await empty.drop();
    }
  });
});

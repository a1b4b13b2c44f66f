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
      await expect(
        db.pupil.create({ data: { schoolId: "no-such-school", externalId: "2", firstName: "A", lastName: "B" } }),
      ).rejects.toThrow();
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

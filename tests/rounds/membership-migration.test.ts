// The data migration for round membership: pupil conversations stored before it (held with
// `gesprek` or prepared, no group recorded) get their pupil's group, so the membership rule can
// place them; a groepsgesprek and a pupil without a group are left as they were.
import { describe, expect, it } from "vitest";
import { migrateDatabase, readMigrations } from "../../bot/db/migrate.js";
import { openDatabase } from "../../bot/db/client.js";
import { createEmptyDatabaseUrl, testProvider } from "../support/test-db.js";

const MIGRATION = "20261202093501_conversation_group_for_rounds";

const ROWS = [
  `INSERT INTO "School" (id, name, "updatedAt") VALUES ('s1', 'S', CURRENT_TIMESTAMP)`,
  `INSERT INTO "Staff" (id, "schoolId", email, "displayName", "updatedAt") VALUES ('t1', 's1', 't@x.example', 'T', CURRENT_TIMESTAMP)`,
  `INSERT INTO "Group" (id, "schoolId", name, bouw, "yearLevels", "schoolYear") VALUES ('g5', 's1', 'groep 5', 'middenbouw', '5', '2026-2027')`,
  `INSERT INTO "Group" (id, "schoolId", name, bouw, "yearLevels", "schoolYear") VALUES ('g6', 's1', 'groep 6', 'bovenbouw', '6', '2026-2027')`,
  `INSERT INTO "Pupil" (id, "schoolId", "externalId", "firstName", "lastName", "groupId", "updatedAt") VALUES ('p1', 's1', '1', 'A', 'B', 'g5', CURRENT_TIMESTAMP)`,
  `INSERT INTO "Pupil" (id, "schoolId", "externalId", "firstName", "lastName", "updatedAt") VALUES ('p2', 's1', '2', 'C', 'D', CURRENT_TIMESTAMP)`,
  // Held with `gesprek`: no group. Planned in a round: its group already. A groepsgesprek. A pupil without a group.
  `INSERT INTO "Conversation" (id, "schoolId", "pupilId", "formatKey", "formatVersion", status, "createdById", "updatedAt") VALUES ('held', 's1', 'p1', 'f', 1, 'held', 't1', CURRENT_TIMESTAMP)`,
  `INSERT INTO "Conversation" (id, "schoolId", "pupilId", "groupId", "formatKey", "formatVersion", "createdById", "updatedAt") VALUES ('planned', 's1', 'p1', 'g6', 'f', 1, 't1', CURRENT_TIMESTAMP)`,
  `INSERT INTO "Conversation" (id, "schoolId", "groupId", "formatKey", "formatVersion", "createdById", "updatedAt") VALUES ('group', 's1', 'g6', 'f', 1, 't1', CURRENT_TIMESTAMP)`,
  `INSERT INTO "Conversation" (id, "schoolId", "pupilId", "formatKey", "formatVersion", "createdById", "updatedAt") VALUES ('nogroup', 's1', 'p2', 'f', 1, 't1', CURRENT_TIMESTAMP)`,
];

async function insertRaw(url: string): Promise<void> {
  if (testProvider() === "sqlite") {
    const { default: Sqlite } = await import("better-sqlite3");
    const db = new Sqlite(url.replace(/^file:/, ""));
    for (const sql of ROWS) db.exec(sql);
    db.close();
    return;
  }
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const sql of ROWS) await client.query(sql);
  await client.end();
}

describe(`the round membership migration on ${testProvider()}`, () => {
  it("gives older pupil conversations their pupil's group and leaves the rest", async () => {
    const names = readMigrations(testProvider()).map((m) => m.name);
    const before = names[names.indexOf(MIGRATION) - 1]!;
    const empty = await createEmptyDatabaseUrl();
    try {
      await migrateDatabase(empty.url, { upTo: before });
      await insertRaw(empty.url);
      await migrateDatabase(empty.url);
      const { db, close } = await openDatabase(empty.url);
      try {
        const groups = Object.fromEntries((await db.conversation.findMany()).map((c) => [c.id, c.groupId]));
        expect(groups).toEqual({ held: "g5", planned: "g6", group: "g6", nogroup: null });
      } finally {
        await close();
      }
    } finally {
      await empty.drop();
    }
  });
});

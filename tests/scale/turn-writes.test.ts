// A dialog answer rewrites its session row on every turn. No index of DialogSession may hold a
// column that update sets: PostgreSQL then rewrites the row in place (a HOT update) without
// touching any index, instead of adding an entry to every index each turn. (The index that
// housekeeping used, (status, updatedAt), made every turn's update a full one.)
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import { sqliteFilePath } from "../../bot/db/client.js";
import { localUser, oneClass, quietCore } from "../support/one-class.js";
import { testProvider, type TestDatabase } from "../support/test-db.js";

let t: TestDatabase;
let core: BotCore;
const juf = localUser("juf.hot@test.example");
const say = (text: string) => core.handleTurn({ user: juf, text });

beforeAll(async () => {
  ({ t } = await oneClass({ teachers: [juf.externalId] }));
  core = quietCore(t.db);
}, 60_000);
afterAll(async () => t?.destroy());

/** Every column any index of the table holds, read from the database's own catalog. */
async function indexedColumns(table: string): Promise<Set<string>> {
  if (testProvider() === "sqlite") {
    const db = new BetterSqlite3(sqliteFilePath(t.url), { readonly: true });
    try {
      const indexes = db.prepare(`SELECT name FROM pragma_index_list(?)`).all(table) as { name: string }[];
      const columns = indexes.flatMap(({ name }) => (db.prepare(`SELECT name FROM pragma_index_info(?)`).all(name) as { name: string }[]).map((c) => c.name));
      return new Set(columns);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ column: string }>(
      `SELECT a.attname AS column FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = $1::regclass`,
      [`"${table}"`],
    );
    return new Set(rows.map((r) => r.column));
  } finally {
    await client.end();
  }
}

describe(`a dialog answer's session update touches no index on ${testProvider()}`, () => {
  it("changes only columns no index of DialogSession holds, and stores the answer", async () => {
    const started = await say("voorbereiden Sam");
    const step = started.replies.find((r) => r.step)!.step!;
    await say("1"); // the format
    const row = () => t.db.dialogSession.findUniqueOrThrow({ where: { id: step.sessionId } });
    const before: Record<string, unknown> = await row();
    await new Promise((r) => setTimeout(r, 5)); // updatedAt moves on
    await say("wil weten hoe het gaat");
    const after: Record<string, unknown> = await row();
    const changed = Object.keys(after).filter((c) => JSON.stringify(after[c]) !== JSON.stringify(before[c]));
    expect(changed).toEqual(expect.arrayContaining(["version", "updatedAt", "answers"]));
    expect(String(after.answers)).toContain("wil weten hoe het gaat");
    const indexed = await indexedColumns("DialogSession");
    expect(indexed.has("staffId")).toBe(true); // the catalog was read
    expect(changed.filter((c) => indexed.has(c))).toEqual([]);
    await say("stop");
  });

  it.skipIf(testProvider() !== "postgresql")("PostgreSQL counts the turns' updates as HOT updates", async () => {
    await say("voorbereiden Sam");
    await say("1");
    for (const line of ["wil weten hoe het gaat", "samen een doel kiezen"]) await say(line);
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      // A backend reports its counts within about a second of going idle: wait for them.
      let counts = { upd: 0, hot: 0 };
      for (let i = 0; i < 50 && counts.upd < 2; i++) {
        const { rows } = await client.query<{ upd: string; hot: string }>(
          `SELECT n_tup_upd AS upd, n_tup_hot_upd AS hot FROM pg_stat_user_tables WHERE relname = 'DialogSession'`,
        );
        counts = { upd: Number(rows[0]?.upd ?? 0), hot: Number(rows[0]?.hot ?? 0) };
        if (counts.upd < 2) await new Promise((r) => setTimeout(r, 200));
      }
      expect(counts.upd).toBeGreaterThanOrEqual(2);
      expect(counts.hot).toBe(counts.upd);
    } finally {
      await client.end();
    }
    await say("stop");
  });
});

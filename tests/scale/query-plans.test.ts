// The hot reads of a school board (a teacher's dialog turn and commands, a team leader's views)
// must cost the same at 1 and at 40 schools: no statement they send may read a whole table that
// grows with the board. Every statement the core sends during each action is captured and its
// query plan asked of the database itself: SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN with
// sequential scans, hash and merge joins disabled (so a whole-table read left in the plan means no
// index can serve the query, not that the planner preferred one on a small test table).
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteFilePath } from "../../bot/db/client.js";
import { DEMO_TEACHER_EMAIL, seedDemoSchool } from "../../bot/roster/demo.js";
import { localUser, quietCore } from "../support/one-class.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

// Tables whose size does not grow with pupils, staff or history: one row per school or fewer, or
// a handful per school that every read of that school needs anyway.
const SMALL_TABLES = new Set(["School", "SchoolClosure", "ChannelBinding", "ConversationFormat", "SchoolFormatDefault", "OutboxWorker", "_prisma_migrations"]);

const LEADER = "ruud.fluitendaal@regenboog.example"; // team leader of the middenbouw
let t: TestDatabase;
let capturing: { sql: string; params: unknown[] }[] | null = null;

beforeAll(async () => {
  t = await createTestDatabase({ onQuery: (sql, params) => capturing?.push({ sql, params }) });
  await seedDemoSchool(t.db);
  await addHistory();
  // PostgreSQL's autovacuum analyzes the new tables at a moment of its own choosing, and the plans
  // below differ with and without statistics: analyze now, so every run checks the same plans.
  if (testProvider() === "postgresql") {
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    await client.query("ANALYZE");
    await client.end();
  }
}, 120_000);
afterAll(async () => t?.destroy());

/** In the demo round, a held conversation with a goal, an agreement, an evaluation and a note for every pupil of groep 5. */
async function addHistory(): Promise<void> {
  const teacher = await t.db.staff.findFirstOrThrow({ where: { email: DEMO_TEACHER_EMAIL } });
  const group = await t.db.group.findFirstOrThrow({ where: { name: "groep 5" } });
  const pupils = await t.db.pupil.findMany({ where: { groupId: group.id } });
  const round = await t.db.round.findFirstOrThrow({ where: { groups: { some: { groupId: group.id } } } });
  for (const pupil of pupils) {
    const conversation = await t.db.conversation.create({
      data: {
        schoolId: pupil.schoolId,
        pupilId: pupil.id,
        groupId: group.id,
        formatKey: "middenbouw-kindgesprek",
        formatVersion: 1,
        status: "held",
        heldAt: new Date(),
        roundId: round.id,
        createdById: teacher.id,
        teachers: { create: { staffId: teacher.id } },
      },
    });
    const goal = await t.db.goal.create({
      data: {
        pupilId: pupil.id,
        conversationId: conversation.id,
        goalText: "de tafels van 6 en 7 kennen",
        evaluationDate: "2026-11-12",
        createdById: teacher.id,
      },
    });
    await t.db.agreement.create({
      data: {
        pupilId: pupil.id,
        conversationId: conversation.id,
        goalId: goal.id,
        who: "leerling",
        what: "oefent elke dag vijf minuten",
        whenText: "elke dag",
      },
    });
    await t.db.evaluation.create({ data: { goalId: goal.id, outcome: "partly", evaluatedById: teacher.id } });
    await t.db.note.create({ data: { pupilId: pupil.id, authorId: teacher.id, text: "vertelde over de moestuin" } });
  }
}

/** The statements the core sent while `act` ran. */
async function statementsOf<T>(act: () => Promise<T>): Promise<{ result: T; statements: { sql: string; params: unknown[] }[] }> {
  capturing = [];
  try {
    const result = await act();
    return { result, statements: capturing.filter((s) => /^\s*(SELECT|UPDATE|DELETE|WITH)\b/i.test(s.sql)) };
  } finally {
    capturing = null;
  }
}

/** The big tables a statement reads in full, by its plan. */
async function fullScans(statement: { sql: string; params: unknown[] }): Promise<string[]> {
  return testProvider() === "sqlite" ? sqliteFullScans(statement) : postgresFullScans(statement);
}

const SQL_WORDS = new Set(["WHERE", "ON", "LEFT", "INNER", "JOIN", "ORDER", "GROUP", "LIMIT", "SET", "USING", "AS", "CROSS", "OUTER"]);

/** The table behind each name a statement uses: Prisma and our plain SQL give tables short aliases. */
function tablesByAlias(sql: string): Map<string, string> {
  const aliases = new Map<string, string>();
  const q = '[`"]?';
  const pattern = new RegExp(`(?:FROM|JOIN|UPDATE)\\s+(?:${q}main${q}\\.)?${q}(\\w+)${q}(?:\\s+(?:AS\\s+)?${q}(\\w+)${q})?`, "gi");
  for (const [, table, alias] of sql.matchAll(pattern)) {
    aliases.set(table!, table!);
    if (alias && !SQL_WORDS.has(alias.toUpperCase())) aliases.set(alias, table!);
  }
  return aliases;
}

let sqlite: BetterSqlite3.Database | undefined;
let sqliteTables: Set<string>;
function sqliteFullScans({ sql, params }: { sql: string; params: unknown[] }): string[] {
  if (!sqlite) {
    sqlite = new BetterSqlite3(sqliteFilePath(t.url), { readonly: true });
    sqliteTables = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  }
  const aliases = tablesByAlias(sql);
  const bind = params.map((p) => (typeof p === "boolean" ? Number(p) : p !== null && typeof p === "object" ? JSON.stringify(p) : p));
  const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...bind) as { detail: string }[];
  // "SCAN Goal" (or "SCAN Goal USING INDEX …": every entry of an index) reads the whole table,
  // and so does an AUTOMATIC index, which SQLite builds from every row; "SEARCH Goal USING
  // INDEX …" reads only the matching rows. "SCAN sub" reads a subquery's rows, not a table.
  return plan.flatMap(({ detail }) => {
    const name = /^(?:SCAN|SEARCH) (?:main\.)?"?(\w+)"?/.exec(detail)?.[1];
    const table = name && (sqliteTables.has(name) ? name : aliases.get(name));
    const whole = detail.startsWith("SCAN ") || detail.includes("AUTOMATIC");
    return whole && table && sqliteTables.has(table) && !SMALL_TABLES.has(table) ? [`${table}: ${detail}`] : [];
  });
}

let postgres: pg.Client | undefined;
/** Each index's table: a Bitmap Index Scan names only its index. */
const indexes = new Map<string, { table: string; first: string }>();
async function postgresFullScans({ sql, params }: { sql: string; params: unknown[] }): Promise<string[]> {
  if (!postgres) {
    postgres = new pg.Client({ connectionString: t.url });
    await postgres.connect();
    // With statistics of these small tables, PostgreSQL would rather read a whole small table (or
    // index) and hash or merge it than look up each row. Off, so that a plan's whole-table read
    // means no index can serve the query, as it would with a board's tables.
    await postgres.query("SET enable_seqscan = off");
    await postgres.query("SET enable_hashjoin = off");
    await postgres.query("SET enable_mergejoin = off");
    const { rows } = await postgres.query<{ index: string; table: string; first: string }>(
      `SELECT ic.relname AS index, tc.relname AS table, a.attname AS first FROM pg_index i
         JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = tc.relnamespace
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
       WHERE n.nspname = current_schema()`,
    );
    for (const r of rows) indexes.set(r.index, { table: r.table, first: r.first });
  }
  const result = await postgres.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  const found: string[] = [];
  const walk = (node: Record<string, unknown>) => {
    const type = node["Node Type"] as string;
    const index = indexes.get(node["Index Name"] as string);
    const relation = (node["Relation Name"] as string | undefined) ?? index?.table;
    // With sequential scans off the planner may walk a whole index instead: an index scan with no
    // condition reads every entry too. (One whose condition holds only a later column of the index
    // is not counted here: on a test database this small PostgreSQL picks such scans even where a
    // fitting index exists. SQLite's check catches a missing index of that kind.)
    const cond = String(node["Index Cond"] ?? "");
    const wholeIndex = ["Index Scan", "Index Only Scan", "Bitmap Index Scan"].includes(type) && cond === "";
    if ((type === "Seq Scan" || wholeIndex) && relation && !SMALL_TABLES.has(relation)) found.push(`${relation}: ${type} ${cond}`);
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk((result.rows[0]["QUERY PLAN"] as { Plan: Record<string, unknown> }[])[0]!.Plan);
  return found;
}
afterAll(async () => {
  sqlite?.close();
  await postgres?.end();
});

/** Runs `act`, fails on any full scan of a big table among its statements, and returns its reply. */
async function expectNoFullScans(act: () => Promise<string>): Promise<string> {
  const { result, statements } = await statementsOf(act);
  expect(statements.length).toBeGreaterThan(0);
  const scans: string[] = [];
  for (const statement of statements) for (const scan of await fullScans(statement)) scans.push(`${scan}\n    in: ${statement.sql}`);
  expect(scans).toEqual([]);
  return result;
}

const chatAs = (email: string) => {
  const core = quietCore(t.db);
  const user = localUser(email);
  return async (text: string) => JSON.stringify((await core.handleTurn({ user, text })).replies);
};

describe(`the hot reads use indexes, not whole tables, on ${testProvider()}`, () => {
  it("a teacher's own group and group overview", async () => {
    const say = chatAs(DEMO_TEACHER_EMAIL);
    await say("help"); // first contact, outside the measured reads
    expect(await expectNoFullScans(() => say("mijn groep"))).toContain("26 leerlingen");
    expect(await expectNoFullScans(() => say("overzicht"))).toContain("open doelen 1");
  });

  it("a pupil's timeline", async () => {
    const say = chatAs(DEMO_TEACHER_EMAIL);
    const pupil = await t.db.pupil.findFirstOrThrow({ where: { group: { name: "groep 5" } }, orderBy: { externalId: "asc" } });
    const timeline = await expectNoFullScans(() => say(`leerling ${pupil.firstName} ${pupil.lastName}`));
    expect(timeline).toContain("Evaluatie (deels bereikt");
    expect(timeline).toContain("vertelde over de moestuin");
  });

  it("planning the round's conversations", async () => {
    const say = chatAs(DEMO_TEACHER_EMAIL);
    expect(await expectNoFullScans(() => say("plannen"))).toContain("Kindgesprekken najaar (demo) — groep 5");
    await say("stop");
    await say("ja");
  });

  it("a dialog turn: starting a conversation and answering its first question", async () => {
    const say = chatAs(DEMO_TEACHER_EMAIL);
    const pupil = await t.db.pupil.findFirstOrThrow({ where: { group: { name: "groep 5" } }, orderBy: { externalId: "desc" } });
    // The opening step shows last time's agreement and open goal: the reads of the record.
    expect(await expectNoFullScans(() => say(`gesprek ${pupil.firstName} ${pupil.lastName}`))).toContain("Afspraak van vorige keer");
    expect(await expectNoFullScans(() => say("Het ging goed met lezen deze weken"))).toContain("sessionId");
    await say("stop");
    await say("ja");
  });

  it("a card submission: on PostgreSQL the actor, the dialog and the pupil's record come in one statement", async () => {
    const core = quietCore(t.db);
    const user = localUser(DEMO_TEACHER_EMAIL);
    const pupil = await t.db.pupil.findFirstOrThrow({ where: { group: { name: "groep 5" } }, orderBy: { externalId: "desc" } });
    const opened = await core.handleTurn({ user, text: `voorbereiden ${pupil.firstName} ${pupil.lastName}` });
    const view = opened.replies.find((r) => r.step)!.step!;
    expect(view.stepId).toBe("format");
    const format = view.fields.find((f) => f.id === "format")!.options![0]!.value;
    const submission = { sessionId: view.sessionId, stepId: view.stepId, version: view.version, action: "submit", values: { format } };
    const { result, statements } = await statementsOf(() => core.handleTurn({ user, text: "", submission }));
    expect(result.replies.find((r) => r.step)?.step?.stepId).toBe("aim");
    const scans: string[] = [];
    for (const statement of statements) for (const scan of await fullScans(statement)) scans.push(`${scan}\n    in: ${statement.sql}`);
    expect(scans).toEqual([]);
    // The pupil's record is read once; on PostgreSQL (a round trip per statement) along with the actor and the session.
    const pupilReads = statements.filter((s) => /FROM "Pupil" p\b|FROM "Pupil" WHERE "id"/.test(s.sql));
    expect(pupilReads).toHaveLength(1);
    if (testProvider() === "postgresql") expect(pupilReads[0]!.sql).toMatch(/FROM "StaffRole"[\s\S]*FROM "DialogSession"/);
    await core.handleTurn({ user, text: "stop" });
    await core.handleTurn({ user, text: "ja" });
  });

  it("evaluations due, a quick note and the home page", async () => {
    const say = chatAs(DEMO_TEACHER_EMAIL);
    const pupil = await t.db.pupil.findFirstOrThrow({ where: { group: { name: "groep 5" } }, orderBy: { externalId: "asc" } });
    expect(await expectNoFullScans(() => say("evaluaties"))).toContain("de tafels van 6 en 7 kennen");
    expect(await expectNoFullScans(() => say(`notitie ${pupil.firstName} ${pupil.lastName}: hielp een klasgenoot`))).toContain("Notitie opgeslagen");
    const core = quietCore(t.db);
    await expectNoFullScans(async () => JSON.stringify(await core.home(localUser(DEMO_TEACHER_EMAIL))));
  });

  it("a team leader's rounds and progress", async () => {
    const say = chatAs(LEADER);
    await say("help");
    expect(await expectNoFullScans(() => say("rondes"))).toContain("groep 5: 26/26 gepland, 26 gehouden");
    expect(await expectNoFullScans(() => say("voortgang"))).toContain("groep 5");
  });

  it("the director's school progress and a person's list of schools", async () => {
    const say = chatAs("harm.brugwachter@regenboog.example");
    await say("help");
    const progress = await expectNoFullScans(() => say("voortgang"));
    expect(progress).toContain("Hele school");
    expect(progress).toContain("groep 5");
    expect(await expectNoFullScans(() => say("school"))).toContain("OBS De Regenboog (demo)");
  });

  it("sees a full scan where there is one (the check itself works)", async () => {
    const p = (n: number) => (testProvider() === "sqlite" ? "?" : `$${n}`);
    // No index on the column.
    expect((await fullScans({ sql: `SELECT "id" FROM "Goal" WHERE "goalText" = ${p(1)}`, params: ["x"] })).join()).toContain("Goal");
    // Behind an alias, in a LEFT JOIN on a column without an index.
    const joined = `SELECT "c"."id" FROM "Conversation" AS "c" LEFT JOIN "Note" AS "j1" ON "j1"."goalText" = "c"."id" WHERE "c"."id" = ${p(1)}`;
    expect((await fullScans({ sql: joined, params: ["x"] })).join()).toContain("Note");
    // Only the second column of an index (Goal(evaluationDate, status)): see postgresFullScans.
    if (testProvider() === "sqlite")
      expect((await fullScans({ sql: `SELECT "id" FROM "Goal" WHERE "status" = ?`, params: ["open"] })).join()).toContain("Goal");
    // And a lookup by index is not a scan.
    expect(await fullScans({ sql: `SELECT "id" FROM "Goal" WHERE "conversationId" = ${p(1)}`, params: ["x"] })).toEqual([]);
  });
});

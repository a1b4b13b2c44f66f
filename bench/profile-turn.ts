// `npx tsx bench/profile-turn.ts`: time and count the database queries (Prisma and plain SQL) of one dialog turn in-process
// (no HTTP), to see where a turn spends its time. Run with node --cpu-prof for a CPU profile.
// PROFILE_DB=postgresql runs it on PostgreSQL (a throwaway cluster), where each statement is a round trip.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { migrateDatabase } from "../bot/db/migrate.js";
import { openDatabase } from "../bot/db/client.js";
import { directSqlOf, registerDirectSql } from "../bot/db/direct-sql.js";
import { applySchoolSetup } from "../bot/roster/index.js";
import { createCore } from "../app/core.js";
import { findPostgresBinDir, startThrowawayPostgres } from "../tests/support/postgres-server.js";
// PROFILE_DB=postgresql: on a throwaway PostgreSQL cluster (each statement there is a round trip).
const pgServer = process.env.PROFILE_DB === "postgresql" ? await startThrowawayPostgres(findPostgresBinDir()!) : null;
const url = pgServer ? pgServer.url : `file:${path.join(mkdtempSync(path.join(tmpdir(), "prof-")), "p.db")}`;
await migrateDatabase(url);
const { db } = await openDatabase(url);
let count = 0;
const names: string[] = [];
const counted = db.$extends({
  query: {
    $allModels: {
      async $allOperations({ model, operation, args, query }) {
        count++;
        names.push(`${model}.${operation}`);
        return query(args);
      },
    },
  },
}) as unknown as typeof db;
// Plain SQL (bot/db/direct-sql.ts) is counted too, by its first words and table.
const direct = directSqlOf(db);
const label = (text: string) => `sql ${text.trim().split(/\s+/)[0]} ${/(?:FROM|UPDATE|INTO)\s+("\w+")/.exec(text)?.[1] ?? ""}`;
registerDirectSql(counted, {
  provider: direct.provider,
  rows: (text, params) => {
    count++;
    names.push(label(text));
    return direct.rows(text, params);
  },
  run: (text, params) => {
    count++;
    names.push(label(text));
    return direct.run(text, params);
  },
});
const setup = await applySchoolSetup(db, {
  school: { name: "P", teamsTenantIds: ["t1"] },
  schoolYear: "2026-2027",
  staff: [{ email: "a@x.example", name: "A", roles: ["teacher"], teamsAadObjectId: "aad1" }],
  groups: [{ name: "groep 5", teachers: [{ email: "a@x.example" }] }],
});
const g = await db.group.findFirstOrThrow({ where: { schoolId: setup.schoolId } });
await db.pupil.create({ data: { schoolId: setup.schoolId, groupId: g.id, externalId: "1", firstName: "Kind", lastName: "X" } });
const core = createCore({ db: counted, logger: pino({ level: "silent" }), defaultLocale: "nl" });
const user = { channel: "teams" as const, externalId: "aad1", tenantId: "t1" };
let r = await core.handleTurn({ user, text: "voorbereiden Kind" });
let v = r.replies.find((x) => x.step)!.step!;
r = await core.handleTurn({
  user,
  text: "",
  submission: { sessionId: v.sessionId, stepId: v.stepId, version: v.version, action: "submit", values: { format: "kindplan" } },
});
v = r.replies.find((x) => x.step)!.step!;
const N = 200;
const t0 = performance.now();
count = 0;
names.length = 0;
for (let i = 0; i < N; i++) {
  const forward = i % 2 === 0;
  r = await core.handleTurn({
    user,
    text: "",
    submission: forward
      ? { sessionId: v.sessionId, stepId: "aim", version: v.version, action: "submit", values: { reason: "r", aim: "a", theme: "t" } }
      : { sessionId: v.sessionId, stepId: "when", version: v.version, action: "back", values: {} },
  });
  v = r.replies.find((x) => x.step)!.step!;
}
const ms = (performance.now() - t0) / N;
console.log(`avg ${ms.toFixed(2)} ms/turn, ${count / N} queries/turn`);
const freq = new Map<string, number>();
for (const n of names) freq.set(n, (freq.get(n) ?? 0) + 1);
console.log(
  [...freq]
    .sort((a, b) => b[1] - a[1])
    .map(([k, c]) => `${k} ${c / N}`)
    .join("\n"),
);
await db.$disconnect();
pgServer?.stop();

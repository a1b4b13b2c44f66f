// A transaction that rolls back takes only its own writes with it, never another turn's —
// also on SQLite, where the driver shares one connection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../bot/db/transaction.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

describe(`transactions on ${testProvider()}`, () => {
  it("a rollback does not undo a write made meanwhile outside the transaction", async () => {
    const school = await t.db.school.create({ data: { name: "S" } });
    const failing = inTransaction(t.db, async (tx) => {
      await tx.school.update({ where: { id: school.id }, data: { name: "S-A" } });
      await new Promise((r) => setTimeout(r, 150));
      throw new Error("complete() failed");
    }).catch((e: Error) => e.message);
    await new Promise((r) => setTimeout(r, 30));
    const other = await t.db.school.create({ data: { name: "written by another teacher" } });
    expect(await failing).toBe("complete() failed");
    expect(await t.db.school.findUnique({ where: { id: other.id } })).not.toBeNull();
    expect((await t.db.school.findUniqueOrThrow({ where: { id: school.id } })).name).toBe("S");
  });

  it("commits everything together", async () => {
    const id = await inTransaction(t.db, async (tx) => (await tx.school.create({ data: { name: "T" } })).id);
    expect(await t.db.school.findUnique({ where: { id } })).not.toBeNull();
  });
});

// The SQLite database holds every pupil's records: made by a migration or by opening it, its file
// (and the -wal and -shm files SQLite makes beside it) is its owner's only, whatever the umask.
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../bot/db/client.js";
import { migrateDatabase } from "../../bot/db/migrate.js";
import { testProvider } from "../support/test-db.js";

const dir = mkdtempSync(path.join(tmpdir(), "gw-mode-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const mode = (file: string) => statSync(file).mode & 0o777;

describe.runIf(testProvider() === "sqlite")("a new SQLite database file", () => {
  it("is made 0600 by a migration and by opening it, with its WAL; an existing file keeps its mode", async () => {
    const previous = process.umask(0o022);
    try {
      const migrated = path.join(dir, "nieuw", "gw.db");
      await migrateDatabase(`file:${migrated}`);
      const database = await openDatabase(`file:${migrated}`);
      await database.db.board.create({ data: { name: "Bestuur" } });
      expect(mode(migrated)).toBe(0o600);
      expect(mode(`${migrated}-wal`)).toBe(0o600);
      await database.close();

      const opened = path.join(dir, "geopend.db");
      const other = await openDatabase(`file:${opened}`);
      await other.close();
      expect(mode(opened)).toBe(0o600);

      // An operator's own file (say, made 0640 for a backup group) is not changed behind their back.
      const own = path.join(dir, "eigen.db");
      writeFileSync(own, "", { mode: 0o640 });
      await migrateDatabase(`file:${own}`);
      expect(mode(own)).toBe(0o640);
    } finally {
      process.umask(previous);
    }
  });
});

// A provider-neutral description of a database's tables, columns and indexes, used to prove
// that the committed migrations build exactly what prisma/schema.prisma describes.
import Sqlite from "better-sqlite3";
import pg from "pg";
import { providerOf, sqliteFilePath } from "./client.js";

export type SchemaShape = Record<string, { columns: string[]; indexes: string[] }>;

export async function describeDatabase(url: string): Promise<SchemaShape> {
  const shape: SchemaShape = {};
  if (providerOf(url) === "sqlite") {
    const db = new Sqlite(sqliteFilePath(url), { readonly: true });
    try {
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`).all() as {
        name: string;
      }[];
      for (const { name } of tables) {
        const columns = (
          db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[]
        ).map((c) => `${c.name} ${c.type} ${c.notnull ? "NOT NULL" : "NULL"} ${c.dflt_value ?? ""} ${c.pk ? "PK" : ""}`.trim());
        const indexes = (db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number }[])
          .filter((i) => !i.name.startsWith("sqlite_autoindex"))
          .map((i) => {
            const cols = (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name);
            return `${i.name} ${i.unique ? "UNIQUE" : ""} (${cols.join(",")})`;
          });
        const fks = (db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as { table: string; from: string; to: string; on_delete: string }[]).map(
          (f) => `FK ${f.from} -> ${f.table}.${f.to} ON DELETE ${f.on_delete}`,
        );
        shape[name] = { columns: columns.sort(), indexes: [...indexes, ...fks].sort() };
      }
    } finally {
      db.close();
    }
    return shape;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    for (const c of columns.rows) {
      const table = (shape[c.table_name] ??= { columns: [], indexes: [] });
      table.columns.push(`${c.column_name} ${c.data_type} ${c.is_nullable === "NO" ? "NOT NULL" : "NULL"} ${c.column_default ?? ""}`.trim());
    }
    const indexes = await client.query<{ tablename: string; indexdef: string }>(
      `SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    for (const i of indexes.rows) shape[i.tablename]?.indexes.push(i.indexdef);
    const fks = await client.query<{ table_name: string; def: string }>(
      `SELECT conrelid::regclass::text AS table_name, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
    );
    for (const f of fks.rows) shape[f.table_name.replace(/"/g, "")]?.indexes.push(f.def);
    for (const table of Object.values(shape)) {
      table.columns.sort();
      table.indexes.sort();
    }
  } finally {
    await client.end();
  }
  return shape;
}

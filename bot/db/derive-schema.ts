// The PostgreSQL schema is the SQLite schema with another provider and client output.
const HEADER = "// GENERATED from prisma/schema.prisma by `npm run db:derive`. Do not edit: change the source.\n";

export function derivePostgresSchema(sqliteSchema: string): string {
  const provider = /provider\s*=\s*"sqlite"/;
  const output = /output\s*=\s*"\.\.\/bot\/db\/generated\/sqlite"/;
  if (!provider.test(sqliteSchema) || !output.test(sqliteSchema)) {
    throw new Error("prisma/schema.prisma: expected the sqlite provider and client output lines");
  }
  return HEADER + sqliteSchema.replace(provider, 'provider = "postgresql"').replace(output, 'output       = "../../bot/db/generated/postgres"');
}

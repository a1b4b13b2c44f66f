// What a database error means, the same on SQLite and PostgreSQL (Prisma's codes).

/** A unique constraint refused the row: another request made it first. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}

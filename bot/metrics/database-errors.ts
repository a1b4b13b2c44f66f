// Telling a database error from any other, for the database error counter. Judged by the error's
// class name and driver fields, never by its message (which can quote the values being written).

const PRISMA_ERRORS = new Set([
  "PrismaClientKnownRequestError",
  "PrismaClientUnknownRequestError",
  "PrismaClientRustPanicError",
  "PrismaClientInitializationError",
  "DriverAdapterError",
]);
// Connection failures from the PostgreSQL driver surface as Node system errors.
const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);

function isOne(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (PRISMA_ERRORS.has(error.name) || error.name === "SqliteError") return true;
  const fields = error as Error & { code?: unknown; severity?: unknown };
  // pg's DatabaseError: a five-character SQLSTATE and a severity.
  if (typeof fields.code === "string" && /^[0-9A-Z]{5}$/.test(fields.code) && typeof fields.severity === "string") return true;
  return typeof fields.code === "string" && CONNECTION_CODES.has(fields.code);
}

/** True when the error, or an error it was caused by, came from the database. */
export function isDatabaseError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (isOne(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

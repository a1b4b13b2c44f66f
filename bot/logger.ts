// Structured JSON logs. Rule: log ids and counts, never names or conversation text.
// The redaction list is a safety net for fields that carry personal data if someone logs an
// object by mistake; tests/logging.test.ts proves with canary strings that nothing leaks.
import { pino, type Logger, type DestinationStream } from "pino";

export type { Logger };

const PERSONAL_FIELDS = [
  "firstName",
  "lastName",
  "displayName",
  "name",
  "email",
  "text",
  "answers",
  "preparation",
  "goalText",
  "nowText",
  "note",
  "question",
  "value",
  "payload",
];

/**
 * Errors are logged with their type, code and stack frames, never their message: messages of
 * database errors can quote the values that were being written (a pupil's name, a note).
 */
export function serializeErrorSafely(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  const code = (error as { code?: unknown }).code;
  return { type: error.name, ...(typeof code === "string" ? { code } : {}), stack: frames.slice(0, 12).join("\n") };
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const paths = PERSONAL_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]);
  return pino(
    {
      level,
      base: { service: "gesprekswijzer" },
      redact: { paths, censor: "[redacted]" },
      serializers: { err: serializeErrorSafely },
    },
    destination,
  );
}

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

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const paths = PERSONAL_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]);
  return pino(
    {
      level,
      base: { service: "gesprekswijzer" },
      redact: { paths, censor: "[redacted]" },
      // Errors are logged with their code and a stack, never with the data that caused them.
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}
